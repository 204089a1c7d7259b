// Shared fixtures for the incentive deciders and projections.
import {
  calculate,
  definePlan,
  type IncentiveEvent,
  type PlanDefinition,
  type Statement,
} from "../../../../src/incentives/index.ts";

export const usd = (amount: number) => ({ amount, currency: "USD" });
export const NOW = "2026-02-03T09:00:00.000Z";

export const planV1: PlanDefinition = definePlan({
  planId: "ae-2026",
  version: 1,
  name: "AE 2026",
  currency: "USD",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "UTC" },
  periodKind: "month",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "nb",
      name: "New business",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      tierMode: "marginal",
      boundary: "upper",
      tiers: [
        { from: 0, to: 1_000_000, rateBps: 500 },
        { from: 1_000_000, to: null, rateBps: 1_000 },
      ],
    },
  ],
  clawback: { windowDays: 90 },
});

export const planV2: PlanDefinition = definePlan({
  ...planV1,
  version: 2,
  components: [{ ...planV1.components[0], tiers: [{ from: 0, to: null, rateBps: 600 }] }],
});

export function credit(id: string, repId: string, amount: number, creditedAt: string) {
  return {
    creditId: id,
    repId,
    customerId: "cu-1",
    source: { kind: "deal" as const, id: `d-${id}` },
    splitType: "revenue" as const,
    shareBps: 10_000,
    amount: usd(amount),
    creditedAt,
  };
}

export function statementOf(repId: string, periodId = "2026-01", amount = 400_000): Statement {
  return calculate(planV1, { repId, credits: [credit("s1", repId, amount, `${periodId}-10T00:00:00Z`)] }, periodId);
}

export const published: IncentiveEvent = { type: "IncentivePlanPublished", data: { plan: planV1, publishedAt: NOW } };
export const closed = (periodId = "2026-01"): IncentiveEvent => ({
  type: "IncentivePeriodClosed",
  data: { planId: "ae-2026", periodId, closedAt: NOW },
});
export const approved = (repId: string, total = 20_000): IncentiveEvent => ({
  type: "IncentiveStatementApproved",
  data: { planId: "ae-2026", periodId: "2026-01", repId, total: usd(total), approverId: "mgr-kim", approvedAt: NOW },
});
