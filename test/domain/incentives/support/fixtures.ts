// Shared builders for the incentive engine tests: credits and small plans.
import type { CalculationInputs } from "../../../../src/incentives/engine/index.ts";
import { definePlan, type PlanDefinition } from "../../../../src/incentives/plan/index.ts";

export type Credit = CalculationInputs["credits"][number];

/** A revenue credit of `amount` minor units for rep-1. */
export function credit(id: string, amount: number, creditedAt: string, extra: Partial<Credit> = {}): Credit {
  return {
    creditId: id,
    repId: "rep-1",
    customerId: "cu-1",
    source: { kind: "deal", id: `d-${id}` },
    splitType: "revenue",
    shareBps: 10_000,
    amount: { amount, currency: "USD" },
    creditedAt,
    ...extra,
  };
}

/** A refund credit reversing `originalId`. */
export function refund(id: string, originalId: string, amount: number, creditedAt: string): Credit {
  return credit(id, -Math.abs(amount), creditedAt, {
    source: { kind: "refund", id: `r-${id}` },
    reversesCreditId: originalId,
  });
}

type PlanInput = Omit<
  PlanDefinition,
  "planId" | "version" | "name" | "currency" | "calendar" | "periodKind" | "rounding" | "effectiveFrom"
> &
  Partial<
    Pick<PlanDefinition, "planId" | "version" | "name" | "calendar" | "periodKind" | "rounding" | "effectiveFrom">
  >;

/** A monthly USD plan in UTC from January 2026, half-up, with the given parts. */
export function plan(parts: PlanInput): PlanDefinition {
  return definePlan({
    planId: "test",
    version: 1,
    name: "Test plan",
    currency: "USD",
    effectiveFrom: "2026-01",
    calendar: { timeZone: "UTC" },
    periodKind: "month",
    rounding: { mode: "half_up" },
    ...parts,
  });
}

/** One cumulative revenue component with the given tiers and options. */
export function revenueComponent(
  tiers: PlanDefinition["components"][number]["tiers"],
  options: Partial<PlanDefinition["components"][number]> = {},
): PlanDefinition["components"][number] {
  return {
    id: "nb",
    name: "New business",
    measure: { kind: "revenue" },
    evaluation: "cumulative",
    tierMode: "marginal",
    boundary: "upper",
    tiers,
    ...options,
  };
}

/** The rounded amounts of a statement's lines of one kind. */
export const amountsOf = (lines: readonly { kind: string; amount: { amount: number } }[], kind: string) =>
  lines.filter((l) => l.kind === kind).map((l) => l.amount.amount);
