import type { Ratio } from "../../core/index.ts";
import type { Component, Tier } from "../plan/index.ts";
import { tierPayoutKind } from "../plan/index.ts";
import { add, bpsQ, le, lt, minQ, mul, rq, sub, sumQ, ZERO } from "./_rational.ts";

/**
 * A slice of the measure paid at one tier's terms and one accelerator multiplier. `from`/`to` are in the measure's
 * unit; `payout` is in minor units, exact.
 *
 * @example
 * ```ts
 * const piece: RateTablePiece = { tierIndex: 1, from: { numerator: 1000n, denominator: 1n },
 *   to: { numerator: 1500n, denominator: 1n }, multiplierBps: 10_000, payout: { numerator: 10n, denominator: 1n } };
 * ```
 */
export interface RateTablePiece {
  /** The tier whose terms pay this slice (in retroactive mode, the tier reached). */
  readonly tierIndex: number;
  /** The slice's start, in the measure's unit. */
  readonly from: Ratio;
  /** The slice's end (below `from` for a negative measure). */
  readonly to: Ratio;
  /** The accelerator multiplier applied, in basis points (10,000 = none). */
  readonly multiplierBps: number;
  /** The slice's payout, in minor units, exact. */
  readonly payout: Ratio;
}

/**
 * The result of evaluating a rate table on a measure value.
 *
 * @example
 * ```ts
 * const { tierIndex, payout } = evaluateRateTable(component, ratio(1_500_000, 1));
 * ```
 */
export interface RateTableResult {
  /** The tier the value is in, by the table's boundary policy. */
  readonly tierIndex: number;
  /** The slices that make up the payout, in ascending order. */
  readonly pieces: readonly RateTablePiece[];
  /** The total payout in minor units, exact. */
  readonly payout: Ratio;
}

/** An accelerator breakpoint in the measure's unit. */
export interface Breakpoint {
  readonly at: Ratio;
  readonly multiplierBps: number;
}

/**
 * The tier a value is in. Values below 0 are in the first tier; values above a bounded last tier in the last.
 *
 * @param tiers - A valid table.
 * @param x - The value.
 * @param boundary - `"upper"`: a shared bound belongs to the higher tier; `"lower"`: to the lower tier.
 * @returns The tier index.
 * @example
 * ```ts
 * tierIndexOf([{ from: 0, to: 50, rateBps: 1 }, { from: 50, to: null, rateBps: 2 }], ratio(50, 1), "upper"); // 1
 * ```
 */
export function tierIndexOf(tiers: readonly Tier[], x: Ratio, boundary: "upper" | "lower"): number {
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i] as Tier;
    const to = t.to === null ? undefined : rq(t.to);
    if (boundary === "upper") {
      if (to === undefined || lt(x, to)) return i;
    } else if (to === undefined || le(x, to)) return i;
  }
  return tiers.length - 1;
}

function slicePayout(t: Tier, width: Ratio, baseFactor: Ratio): Ratio {
  if (t.rateBps !== undefined) return mul(mul(bpsQ(t.rateBps), baseFactor), width);
  if (t.amountPerUnit !== undefined) return mul(rq(t.amountPerUnit), width);
  // Interpolated: the tier's amount, in proportion to the share of the tier covered.
  return mul(rq(t.amount ?? 0), mul(width, rq(1, (t.to ?? t.from + 1) - t.from)));
}

/** Splits [a, b) at the breakpoints inside it, with the multiplier in force on each part. */
function splitByBreakpoints(a: Ratio, b: Ratio, breaks: readonly Breakpoint[]): [Ratio, Ratio, number][] {
  const parts: [Ratio, Ratio, number][] = [];
  let start = a;
  let m = 10_000;
  for (const br of breaks) if (le(br.at, a)) m = br.multiplierBps;
  for (const br of breaks) {
    if (lt(a, br.at) && lt(br.at, b)) {
      parts.push([start, br.at, m]);
      start = br.at;
      m = br.multiplierBps;
    }
  }
  parts.push([start, b, m]);
  return parts;
}

/**
 * Evaluates a component's rate table on a measure value, exactly. Internal form: `baseFactor` converts one measure
 * unit into minor units of the money a rate applies to (1 for revenue and margin, `quota / 10000` for attainment);
 * `breaks` are the accelerator breakpoints in the measure's unit, ascending.
 *
 * @param component - The component (its tiers, mode and boundary policy).
 * @param x - The measure value.
 * @param baseFactor - Minor units of money per measure unit.
 * @param breaks - Accelerator breakpoints.
 * @returns The tier reached, the slices and the exact payout.
 * @example
 * ```ts
 * evaluateTable(component, rq(1_500_000), rq(1), []);
 * ```
 */
export function evaluateTable(
  component: Component,
  x: Ratio,
  baseFactor: Ratio,
  breaks: readonly Breakpoint[],
): RateTableResult {
  const { tiers, tierMode } = component;
  const tierIndex = tierIndexOf(tiers, x, component.boundary);
  const pieces: RateTablePiece[] = [];
  const kind = tierPayoutKind(tiers);
  if (lt(x, ZERO)) {
    // A net negative measure (refunds without a clawback policy) is paid at the first tier's rate: negative, never
    // positive. Lump amounts pay nothing.
    const t = tiers[0] as Tier;
    const payout = kind === "amount" && tierMode === "retroactive" ? ZERO : slicePayout(t, x, baseFactor);
    pieces.push({ tierIndex: 0, from: ZERO, to: x, multiplierBps: 10_000, payout });
    return { tierIndex: 0, pieces, payout };
  }
  if (tierMode === "retroactive") {
    const t = tiers[tierIndex] as Tier;
    if (kind === "amount") {
      const payout = rq(t.amount ?? 0);
      pieces.push({ tierIndex, from: ZERO, to: x, multiplierBps: 10_000, payout });
      return { tierIndex, pieces, payout };
    }
    for (const [a, b, m] of splitByBreakpoints(ZERO, x, breaks)) {
      pieces.push({
        tierIndex,
        from: a,
        to: b,
        multiplierBps: m,
        payout: mul(slicePayout(t, sub(b, a), baseFactor), bpsQ(m)),
      });
    }
    return { tierIndex, pieces, payout: sumQ(pieces.map((p) => p.payout)) };
  }
  const lastTo = tiers[tiers.length - 1]?.to;
  const end = tierMode === "interpolated" && lastTo != null ? minQ(x, rq(lastTo)) : x;
  tiers.forEach((t, j) => {
    const from = rq(t.from);
    if (!lt(from, end)) return;
    const to = t.to === null ? end : minQ(end, rq(t.to));
    if (!lt(from, to)) return;
    for (const [a, b, m] of splitByBreakpoints(from, to, breaks)) {
      pieces.push({
        tierIndex: j,
        from: a,
        to: b,
        multiplierBps: m,
        payout: mul(slicePayout(t, sub(b, a), baseFactor), bpsQ(m)),
      });
    }
  });
  return { tierIndex, pieces, payout: pieces.reduce((s, p) => add(s, p.payout), ZERO) };
}
