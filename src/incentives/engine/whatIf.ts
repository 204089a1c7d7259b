import { type Money, nextPeriod, type Period, SalesfoldError, sum } from "../../core/index.ts";
import { totalOf } from "./_lines.ts";
import { calculate, contextFor, type PlanVersions } from "./calculate.ts";
import { computePeriod, stateFrom } from "./chain.ts";
import { resolvePeriod } from "./context.ts";
import type { CalculationInputs } from "./inputs.ts";
import type { Statement } from "./statement.ts";

/**
 * The outcome of {@link simulate}: the statement without and with the hypothetical credits, and the difference.
 *
 * @example
 * ```ts
 * const { difference } = simulate(plan, [bigDeal], inputs, "2026-03");
 * ```
 */
export interface Simulation {
  /** The statement with the inputs as they are. */
  readonly baseline: Statement;
  /** The statement with the hypothetical credits added. */
  readonly scenario: Statement;
  /** `scenario.total − baseline.total`. */
  readonly difference: Money;
}

/**
 * What-if: calculates a period with and without hypothetical credits ("what would this deal pay me?"), as Xactly's
 * Estimator or Varicent's scenarios do. Nothing is stored; both statements are ordinary `calculate` results.
 *
 * @param plan - The plan, or its versions.
 * @param hypotheticalCredits - Credits to add (SalesCreditAssigned data for the same rep).
 * @param inputs - The real inputs.
 * @param period - The period to calculate.
 * @returns Both statements and the difference of their totals.
 * @throws The errors of {@link calculate}, e.g. `duplicate_credit` when a hypothetical credit reuses an id.
 * @example
 * ```ts
 * const s = simulate(plan, [{ ...credit, creditId: "what-if-1", amount: { amount: 2_000_000, currency: "USD" } }], inputs, "2026-03");
 * console.log(formatMoney(s.difference));
 * ```
 */
export function simulate(
  plan: PlanVersions,
  hypotheticalCredits: CalculationInputs["credits"],
  inputs: CalculationInputs,
  period: string | Period,
): Simulation {
  const baseline = calculate(plan, inputs, period);
  const scenario = calculate(plan, { ...inputs, credits: [...inputs.credits, ...hypotheticalCredits] }, period);
  return {
    baseline,
    scenario,
    difference: { amount: scenario.total.amount - baseline.total.amount, currency: baseline.currency },
  };
}

/**
 * The outcome of {@link comparePlans}: per period, what each plan would pay over the same history.
 *
 * @example
 * ```ts
 * const { periods, difference } = comparePlans(current, proposed, { inputs, from: "2026-01", to: "2026-06" });
 * ```
 */
export interface PlanComparison {
  /** One row per period, in order. */
  readonly periods: readonly {
    readonly periodId: string;
    readonly a: Money;
    readonly b: Money;
    readonly difference: Money;
  }[];
  /** What plan A pays over the range. */
  readonly totalA: Money;
  /** What plan B pays over the range. */
  readonly totalB: Money;
  /** `totalB − totalA`. */
  readonly difference: Money;
}

function totalsPerPeriod(plan: PlanVersions, inputs: CalculationInputs, from: string | Period, to: string | Period) {
  const ctx = contextFor(plan, { ...inputs, history: [] }, "comparePlans");
  const first = resolvePeriod(ctx, from, ["history", "from"]);
  const last = resolvePeriod(ctx, to, ["history", "to"]);
  const state = stateFrom(inputs.opening);
  const rows: { periodId: string; start: string; total: number }[] = [];
  for (let p = first; p.start <= last.start; p = nextPeriod(ctx.calendar, p)) {
    rows.push({ periodId: p.id, start: p.start, total: totalOf(computePeriod(ctx, p, state).lines, ctx.currency) });
    if (rows.length > 10_000) break;
  }
  return { currency: ctx.currency, rows };
}

/**
 * Compares two plans over the same history (credits, quotas, participation…) and range of periods, each computed
 * from the same opening balances without prior-period adjustments: "what would the proposed plan have paid?".
 * Periods are paired by id: a period only one plan calculates (e.g. plans on different calendars) shows zero for the
 * other.
 *
 * @param planA - The reference plan (or versions).
 * @param planB - The plan to compare (or versions), in the same currency and period kind.
 * @param history - The inputs and the first and last period (inclusive) to compare.
 * @returns Per-period totals in period order, the totals and their difference (B − A).
 * @throws {@link SalesfoldError} `currency_mismatch` when the two plans are in different currencies.
 * @throws The errors of {@link calculate}.
 * @example
 * ```ts
 * const cmp = comparePlans(plan2026, plan2027, { inputs, from: "2026-01", to: "2026-12" });
 * console.log(formatMoney(cmp.difference));
 * ```
 */
export function comparePlans(
  planA: PlanVersions,
  planB: PlanVersions,
  history: { readonly inputs: CalculationInputs; readonly from: string | Period; readonly to: string | Period },
): PlanComparison {
  const a = totalsPerPeriod(planA, history.inputs, history.from, history.to);
  const b = totalsPerPeriod(planB, history.inputs, history.from, history.to);
  if (a.currency !== b.currency) {
    throw new SalesfoldError(
      "currency_mismatch",
      `comparePlans: plan A pays in ${a.currency} and plan B in ${b.currency}; compare plans of one currency`,
    );
  }
  const { currency } = a;
  const m = (amount: number): Money => ({ amount, currency });
  const byId = new Map<string, { start: string; a: number; b: number }>();
  for (const r of a.rows) byId.set(r.periodId, { start: r.start, a: r.total, b: 0 });
  for (const r of b.rows) {
    const row = byId.get(r.periodId);
    if (row === undefined) byId.set(r.periodId, { start: r.start, a: 0, b: r.total });
    else row.b = r.total;
  }
  const periods = [...byId]
    .sort(([x, p], [y, q]) => (p.start < q.start ? -1 : p.start > q.start ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([periodId, row]) => ({
      periodId,
      a: m(row.a),
      b: m(row.b),
      difference: sum([m(row.b), m(-row.a)], currency),
    }));
  const totalA = sum(
    a.rows.map((r) => m(r.total)),
    currency,
  );
  const totalB = sum(
    b.rows.map((r) => m(r.total)),
    currency,
  );
  return { periods, totalA, totalB, difference: sum([totalB, m(-totalA.amount)], currency) };
}
