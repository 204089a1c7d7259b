import { z } from "zod";
import type { ValidationIssue } from "../../core/index.ts";

/** The largest bound or amount a plan may state: the largest safe integer. */
const MAX = Number.MAX_SAFE_INTEGER;

/**
 * One tier of a rate table: the half-open range `[from, to)` of the measure (`to: null` is unbounded) and what the
 * tier pays. Bounds are integers in the measure's unit: minor units for revenue and margin, whole units or deals for
 * counts, basis points for attainment (10,000 = 100%). A tier states exactly one payout:
 * - `rateBps`: a rate in basis points of the credited money (revenue or margin, directly or through attainment);
 * - `amountPerUnit`: minor units per unit or deal (unit and deal-count measures);
 * - `amount`: minor units, a lump sum for reaching the tier (retroactive mode) or, in interpolated mode, the payout
 *   earned across the whole tier, paid in proportion to how far into the tier the measure is.
 *
 * @example
 * ```ts
 * const tier: Tier = { from: 0, to: 1_000_000, rateBps: 100, label: "Up to USD 10,000" };
 * ```
 */
export const tierSchema = z.strictObject({
  from: z.number().int().min(0).max(MAX),
  to: z.number().int().min(1).max(MAX).nullable(),
  rateBps: z.number().int().min(0).max(1_000_000).optional(),
  amountPerUnit: z.number().int().min(0).max(MAX).optional(),
  amount: z.number().int().min(0).max(MAX).optional(),
  label: z.string().min(1).max(80).optional(),
});

/**
 * One tier of a rate table (see {@link tierSchema}).
 *
 * @example
 * ```ts
 * const top: Tier = { from: 10_000_000, to: null, rateBps: 400 };
 * ```
 */
export type Tier = z.infer<typeof tierSchema>;

/**
 * How a rate table turns a measure into a payout, after Oracle Incentive Compensation's three split options:
 * - `retroactive` ("rate not split", flat): the rate of the highest tier reached applies to the whole measure;
 * - `marginal` ("split, fixed", step): each slice of the measure is paid at its own tier's rate;
 * - `interpolated` ("split, varied", pay curve): each tier's `amount` is earned linearly across the tier.
 *
 * @example
 * ```ts
 * const mode: TierMode = "marginal";
 * ```
 */
export const tierModeSchema = z.enum(["retroactive", "marginal", "interpolated"]);

/**
 * The tier mode of a component (see {@link tierModeSchema}).
 *
 * @example
 * ```ts
 * const mode: TierMode = "retroactive";
 * ```
 */
export type TierMode = z.infer<typeof tierModeSchema>;

/**
 * Which tier a value exactly on a shared bound belongs to. `"upper"`: the higher tier, as Oracle Incentive
 * Compensation does ("Equal Tier Values": 50,000 in 25,000–50,000 / 50,000–75,000 pays the 50,000–75,000 rate).
 * `"lower"`: the lower tier, as Salesforce Spiff's `tier_payout` does. (OCA/commission treats both ends as inclusive
 * and takes the first match, which is `"lower"` here.) Only the retroactive mode can pay differently on a bound;
 * marginal and interpolated payouts are continuous there.
 *
 * @example
 * ```ts
 * const oracleLike: BoundaryPolicy = "upper";
 * ```
 */
export const boundaryPolicySchema = z.enum(["upper", "lower"]);

/**
 * The boundary policy of a rate table (see {@link boundaryPolicySchema}).
 *
 * @example
 * ```ts
 * const spiffLike: BoundaryPolicy = "lower";
 * ```
 */
export type BoundaryPolicy = z.infer<typeof boundaryPolicySchema>;

/**
 * The payout field a tier states: a rate, an amount per unit, or an amount.
 *
 * @example
 * ```ts
 * const kind: TierPayoutKind = "rateBps";
 * ```
 */
export type TierPayoutKind = "rateBps" | "amountPerUnit" | "amount";

function describe(t: Tier, i: number): string {
  return `tiers[${i}] [${t.from}, ${t.to === null ? "∞" : t.to})`;
}

/** The payout field each tier states, or the issues when a tier states none or several. */
function payoutKinds(tiers: readonly Tier[], path: readonly PropertyKey[], issues: ValidationIssue[]) {
  const kinds: (TierPayoutKind | undefined)[] = [];
  tiers.forEach((t, i) => {
    const stated = (["rateBps", "amountPerUnit", "amount"] as const).filter((k) => t[k] !== undefined);
    if (stated.length !== 1) {
      issues.push({
        code: stated.length === 0 ? "tier_payout_missing" : "tier_payout_ambiguous",
        path: [...path, i],
        message: `${describe(t, i)} must state exactly one of rateBps, amountPerUnit or amount (it states ${stated.length})`,
      });
    }
    kinds.push(stated.length === 1 ? stated[0] : undefined);
  });
  return kinds;
}

/**
 * Checks a rate table: contiguous half-open tiers from 0 with neither gaps nor overlaps, covering the whole range
 * (unbounded last tier, except in interpolated mode where the curve needs a last point), one payout field of one
 * kind, allowed by the mode and by the measure.
 *
 * @param tiers - The tiers, in ascending order.
 * @param mode - The tier mode.
 * @param allowed - The payout kinds the component's measure allows.
 * @param path - The path of the tiers array in the plan, for the issues.
 * @returns The issues found (codes `tier_gap`, `tier_overlap`, `tier_empty_range`, `tier_range_not_covered`,
 * `tier_unbounded_interpolation`, `tier_payout_missing`, `tier_payout_ambiguous`, `tier_payout_mixed`,
 * `tier_payout_not_allowed`); empty when the table is valid.
 * @example
 * ```ts
 * checkTierTable([{ from: 0, to: 100, rateBps: 100 }, { from: 150, to: null, rateBps: 200 }], "marginal", ["rateBps"], ["tiers"]);
 * // [{ code: "tier_gap", path: ["tiers", 1, "from"], message: "tiers[0] [0, 100) and tiers[1] [150, ∞) leave [100, 150) uncovered" }]
 * ```
 */
export function checkTierTable(
  tiers: readonly Tier[],
  mode: TierMode,
  allowed: readonly TierPayoutKind[],
  path: readonly PropertyKey[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const first = tiers[0];
  if (first === undefined) return [{ code: "tier_range_not_covered", path, message: "a rate table needs a tier" }];
  if (first.from !== 0) {
    issues.push({
      code: "tier_gap",
      path: [...path, 0, "from"],
      message: `${describe(first, 0)} leaves [0, ${first.from}) uncovered: the first tier must start at 0`,
    });
  }
  tiers.forEach((t, i) => {
    if (t.to !== null && t.to <= t.from) {
      issues.push({ code: "tier_empty_range", path: [...path, i, "to"], message: `${describe(t, i)} is empty` });
    }
    const prev = tiers[i - 1];
    if (prev === undefined) return;
    if (prev.to === null || t.from < prev.to) {
      const end = prev.to === null ? "∞" : Math.min(prev.to, t.to ?? Number.POSITIVE_INFINITY);
      issues.push({
        code: "tier_overlap",
        path: [...path, i, "from"],
        message: `${describe(prev, i - 1)} and ${describe(t, i)} overlap on [${t.from}, ${end})`,
      });
    } else if (t.from > prev.to) {
      issues.push({
        code: "tier_gap",
        path: [...path, i, "from"],
        message: `${describe(prev, i - 1)} and ${describe(t, i)} leave [${prev.to}, ${t.from}) uncovered`,
      });
    }
  });
  const lastIndex = tiers.length - 1;
  const last = tiers[lastIndex] as Tier;
  if (mode === "interpolated" && last.to === null) {
    issues.push({
      code: "tier_unbounded_interpolation",
      path: [...path, lastIndex, "to"],
      message: `${describe(last, lastIndex)}: an interpolated pay curve needs a bounded last tier (its last point); values above it are paid the curve's end`,
    });
  }
  if (mode !== "interpolated" && last.to !== null) {
    issues.push({
      code: "tier_range_not_covered",
      path: [...path, lastIndex, "to"],
      message: `${describe(last, lastIndex)} leaves [${last.to}, ∞) uncovered: the last tier must be unbounded (to: null)`,
    });
  }
  const kinds = payoutKinds(tiers, path, issues);
  const kind = kinds[0];
  kinds.forEach((k, i) => {
    if (k !== undefined && kind !== undefined && k !== kind) {
      issues.push({
        code: "tier_payout_mixed",
        path: [...path, i, k],
        message: `${describe(tiers[i] as Tier, i)} states ${k} but tiers[0] states ${kind}: one table pays one way`,
      });
    }
  });
  if (kind !== undefined) {
    const modeAllows = mode === "interpolated" ? kind === "amount" : mode === "marginal" ? kind !== "amount" : true;
    if (!modeAllows || !allowed.includes(kind)) {
      issues.push({
        code: "tier_payout_not_allowed",
        path: [...path, 0, kind],
        message: !modeAllows
          ? `${mode} tiers cannot pay by ${kind} (${mode === "interpolated" ? "use amount" : "use rateBps or amountPerUnit"})`
          : `this measure cannot pay by ${kind} (allowed: ${allowed.join(", ")})`,
      });
    }
  }
  return issues;
}

/**
 * The payout field a valid table's tiers state.
 *
 * @param tiers - A valid, non-empty tier table.
 * @returns `"rateBps"`, `"amountPerUnit"` or `"amount"`.
 * @example
 * ```ts
 * tierPayoutKind([{ from: 0, to: null, rateBps: 500 }]); // "rateBps"
 * ```
 */
export function tierPayoutKind(tiers: readonly Tier[]): TierPayoutKind {
  const t = tiers[0];
  if (t?.rateBps !== undefined) return "rateBps";
  if (t?.amountPerUnit !== undefined) return "amountPerUnit";
  return "amount";
}
