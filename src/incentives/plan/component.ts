import { z } from "zod";
import { PERIOD_KINDS, type PeriodKind, type ValidationIssue } from "../../core/index.ts";
import {
  boundaryPolicySchema,
  checkTierTable,
  type TierPayoutKind,
  tierModeSchema,
  tierPayoutKind,
  tierSchema,
} from "./tiers.ts";

/**
 * The schema of an identifier inside a plan (plan, components, SPIFFs, bonuses): 1–64 letters, digits, `_`, `.`, `-`.
 *
 * @example
 * ```ts
 * planIdSchema.parse("new-business"); // "new-business"
 * ```
 */
export const planIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "letters, digits, '_', '.', '-'");

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * What a component measures, from the rep's credits in the accumulation window:
 * - `revenue`: credited amounts, in minor units (the rep's split share, never the order total);
 * - `margin`: credited margins, in minor units (every credit must carry a margin);
 * - `units`: credited units (every credit must carry units);
 * - `deal_count`: won-deal credits, each counting its share (`shareBps / 10000`) of a deal;
 * - `attainment`: one of the above against the rep's quota for the window, in basis points (10,000 = 100%).
 *
 * @example
 * ```ts
 * const measure: Measure = { kind: "attainment", of: "revenue" };
 * ```
 */
export const measureSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.enum(["revenue", "margin", "units", "deal_count"]) }),
  z.strictObject({ kind: z.literal("attainment"), of: z.enum(["revenue", "margin", "units", "deal_count"]) }),
]);

/**
 * A component's measure (see {@link measureSchema}).
 *
 * @example
 * ```ts
 * const measure: Measure = { kind: "revenue" };
 * ```
 */
export type Measure = z.infer<typeof measureSchema>;

/**
 * A component of a plan: a measure, a rate table with its mode and boundary policy, and the rules around it.
 * - `evaluation`: `cumulative` evaluates the window-to-date total once (order-independent by construction);
 *   `per_transaction` evaluates each credit alone against the table, as OCA/commission does.
 * - `accumulation`: the window the measure accumulates over and resets after (default: the plan's period kind), e.g.
 *   `quarter` for quarterly tiers paid monthly: each month pays f(quarter to date) − earned earlier in the quarter.
 * - `accelerators`: a quota-relative curve; the payout earned on the part of the measure at or above
 *   `fromAttainmentBps` is multiplied by `multiplierBps / 10000` (a multiplier under 10,000 is a decelerator).
 * - `gate`: no payout while the window-to-date attainment is below `minAttainmentBps` (exactly on it pays).
 * - `cap` / `floor`: per period, in minor units, with "pay the excess later" and "recover the shortfall".
 * - `ramp`: the quota share (basis points) in the n-th period of participation, for new hires.
 *
 * @example
 * ```ts
 * const component: Component = {
 *   id: "new-business", name: "New business", measure: { kind: "revenue" }, evaluation: "cumulative",
 *   tierMode: "marginal", boundary: "upper",
 *   tiers: [{ from: 0, to: 5_000_000, rateBps: 500 }, { from: 5_000_000, to: null, rateBps: 800 }],
 * };
 * ```
 */
export const componentSchema = z.strictObject({
  id: planIdSchema,
  name: z.string().min(1).max(120),
  measure: measureSchema,
  filter: z
    .strictObject({
      productIds: z.array(z.string().min(1).max(128)).min(1).max(1000).optional(),
      splitTypes: z
        .array(z.enum(["revenue", "overlay"]))
        .min(1)
        .max(2)
        .optional(),
    })
    .optional(),
  evaluation: z.enum(["cumulative", "per_transaction"]),
  accumulation: z.enum(PERIOD_KINDS as unknown as [PeriodKind, ...PeriodKind[]]).optional(),
  tierMode: tierModeSchema,
  boundary: boundaryPolicySchema,
  tiers: z.array(tierSchema).min(1).max(100),
  accelerators: z
    .array(
      z.strictObject({
        fromAttainmentBps: z.number().int().min(1).max(1_000_000),
        multiplierBps: z.number().int().min(0).max(100_000),
      }),
    )
    .min(1)
    .max(20)
    .optional(),
  gate: z.strictObject({ minAttainmentBps: z.number().int().min(1).max(1_000_000) }).optional(),
  cap: z.strictObject({ amount: z.number().int().min(0).max(MAX), payExcessLater: z.boolean() }).optional(),
  floor: z
    .strictObject({
      amount: z.number().int().min(0).max(MAX),
      recoverShortfall: z.boolean(),
      maxRecoveryPerPeriod: z.number().int().min(1).max(MAX).optional(),
    })
    .optional(),
  ramp: z
    .array(
      z.strictObject({ periodNumber: z.number().int().min(1).max(120), quotaBps: z.number().int().min(0).max(10_000) }),
    )
    .min(1)
    .max(24)
    .optional(),
});

/**
 * A plan component (see {@link componentSchema}).
 *
 * @example
 * ```ts
 * const units: Component = { id: "units", name: "Units", measure: { kind: "units" }, evaluation: "cumulative",
 *   tierMode: "retroactive", boundary: "lower", tiers: [{ from: 0, to: null, amountPerUnit: 5_000 }] };
 * ```
 */
export type Component = z.infer<typeof componentSchema>;

/**
 * Tells whether a component needs the rep's quota for its window: an attainment measure, accelerators, a gate or a
 * ramp.
 *
 * @param component - A component.
 * @returns `true` when `calculate` must be given a quota for the component.
 * @example
 * ```ts
 * needsQuota({ ...component, gate: { minAttainmentBps: 5_000 } }); // true
 * ```
 */
export function needsQuota(component: Component): boolean {
  return (
    component.measure.kind === "attainment" ||
    component.accelerators !== undefined ||
    component.gate !== undefined ||
    component.ramp !== undefined
  );
}

/** The payout kinds a measure allows. */
function allowedPayouts(measure: Measure): TierPayoutKind[] {
  const base = measure.kind === "attainment" ? measure.of : measure.kind;
  if (measure.kind === "attainment") {
    return base === "revenue" || base === "margin" ? ["rateBps", "amount"] : ["amount"];
  }
  return base === "revenue" || base === "margin" ? ["rateBps", "amount"] : ["amountPerUnit", "amount"];
}

/**
 * Checks what zod cannot: the rate table, sorted accelerators, and combinations that have no meaning.
 *
 * @param c - A component that passed {@link componentSchema}.
 * @param path - The component's path in the plan.
 * @returns The issues found.
 * @example
 * ```ts
 * checkComponent(component, ["components", 0]); // []
 * ```
 */
export function checkComponent(c: Component, path: readonly PropertyKey[]): ValidationIssue[] {
  const issues = checkTierTable(c.tiers, c.tierMode, allowedPayouts(c.measure), [...path, "tiers"]);
  const acc = c.accelerators ?? [];
  acc.forEach((a, i) => {
    const prev = acc[i - 1];
    if (prev !== undefined && a.fromAttainmentBps <= prev.fromAttainmentBps) {
      issues.push({
        code: "accelerators_not_ascending",
        path: [...path, "accelerators", i, "fromAttainmentBps"],
        message: `accelerators must start at strictly ascending attainments (${prev.fromAttainmentBps} then ${a.fromAttainmentBps})`,
      });
    }
  });
  if (c.accelerators !== undefined && c.tierMode === "retroactive" && tierPayoutKind(c.tiers) === "amount") {
    issues.push({
      code: "accelerator_not_applicable",
      path: [...path, "accelerators"],
      message: "accelerators multiply a rate or a curve; a retroactive table of lump amounts has neither",
    });
  }
  if (c.evaluation === "per_transaction" && c.measure.kind === "attainment") {
    issues.push({
      code: "per_transaction_attainment",
      path: [...path, "evaluation"],
      message: "one transaction has no attainment: evaluate an attainment measure cumulatively",
    });
  }
  if (c.evaluation === "per_transaction" && c.accelerators !== undefined) {
    issues.push({
      code: "accelerator_requires_cumulative",
      path: [...path, "accelerators"],
      message: "accelerators are quota-relative: they need the cumulative evaluation",
    });
  }
  const periods = new Set<number>();
  (c.ramp ?? []).forEach((r, i) => {
    if (periods.has(r.periodNumber)) {
      issues.push({
        code: "duplicate_ramp_period",
        path: [...path, "ramp", i, "periodNumber"],
        message: `ramp period ${r.periodNumber} is stated twice`,
      });
    }
    periods.add(r.periodNumber);
  });
  return issues;
}
