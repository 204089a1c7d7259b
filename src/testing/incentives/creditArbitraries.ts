import fc from "fast-check";
import {
  allocate,
  money,
  nextPeriod,
  type Period,
  periodOf,
  toEpochMilliseconds,
  toIsoInstant,
} from "../../core/index.ts";
import { type CalculationInputs, effectiveRangeMs, type PlanDefinition, planCalendar } from "../../incentives/index.ts";
import { KIT_PRODUCTS } from "./planArbitraries.ts";

/**
 * A credit as the engine takes it: the data of a `SalesCreditAssigned` event.
 *
 * @example
 * ```ts
 * const c: IncentiveCredit = { creditId: "c1", repId: "rep-1", customerId: "cu-1", source: { kind: "deal", id: "d-1" }, splitType: "revenue", shareBps: 10_000, amount: { amount: 100_000, currency: "USD" }, creditedAt: "2026-01-05T10:00:00.000Z" };
 * ```
 */
export type IncentiveCredit = CalculationInputs["credits"][number];

/**
 * Constraints of {@link arbIncentiveCredit} and {@link arbIncentiveCredits}.
 *
 * @example
 * ```ts
 * const c: IncentiveCreditConstraints = { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", maxAmount: 500_000 };
 * ```
 */
export interface IncentiveCreditConstraints {
  /** The rep credited; `rep-1` by default. */
  readonly repId?: string;
  /** The currency; `USD` by default. */
  readonly currency?: string;
  /** Credits are dated in `[from, to)`; January 2026 (UTC) by default. */
  readonly from?: string;
  readonly to?: string;
  /** Amount bounds in minor units; 1 and 200,000 by default. */
  readonly minAmount?: number;
  readonly maxAmount?: number;
  /** Amounts drawn more often: e.g. tier bounds, to land on them. */
  readonly interestingAmounts?: readonly number[];
  /** Products to draw from (a credit may also have none); the kit's products by default. */
  readonly productIds?: readonly string[];
  /** Draw overlay credits too (default true). */
  readonly overlays?: boolean;
  /** A prefix for credit ids; `c` by default. */
  readonly idPrefix?: string;
}

/**
 * One positive credit from a deal or an order, with margin (0–100% of the amount) and units (1–20), dated in the
 * window, for a product or none, revenue or overlay split.
 *
 * @param constraints - Rep, currency, dates, amounts, products.
 * @param creditId - The credit's id; `c0` by default (use {@link arbIncentiveCredits} for unique ids).
 * @returns An arbitrary credit.
 * @example
 * ```ts
 * fc.sample(arbIncentiveCredit({ maxAmount: 1_000 }), 1)[0]?.amount.amount; // ≤ 1000
 * ```
 */
export function arbIncentiveCredit(
  constraints: IncentiveCreditConstraints = {},
  creditId = `${constraints.idPrefix ?? "c"}0`,
): fc.Arbitrary<IncentiveCredit> {
  const from = toEpochMilliseconds(constraints.from ?? "2026-01-01T00:00:00Z");
  const to = toEpochMilliseconds(constraints.to ?? "2026-02-01T00:00:00Z");
  const min = constraints.minAmount ?? 1;
  const max = Math.max(min, constraints.maxAmount ?? 200_000);
  const interesting = (constraints.interestingAmounts ?? []).filter((a) => a >= min && a <= max);
  const amount =
    interesting.length === 0
      ? fc.integer({ min, max })
      : fc.oneof(
          { arbitrary: fc.integer({ min, max }), weight: 3 },
          { arbitrary: fc.constantFrom(...interesting), weight: 1 },
        );
  const products = constraints.productIds ?? KIT_PRODUCTS;
  return fc
    .record({
      amount,
      marginBps: fc.integer({ min: 0, max: 10_000 }),
      units: fc.integer({ min: 1, max: 20 }),
      at: fc.integer({ min: from, max: Math.max(from, to - 1) }),
      kind: fc.constantFrom("deal" as const, "order" as const),
      product:
        products.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...products), { nil: undefined }),
      overlay: constraints.overlays === false ? fc.constant(false) : fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      share: fc.integer({ min: 1, max: 10_000 }),
    })
    .map((r): IncentiveCredit => {
      const currency = constraints.currency ?? "USD";
      return {
        creditId,
        repId: constraints.repId ?? "rep-1",
        customerId: `cu-${creditId}`,
        source: { kind: r.kind, id: `${r.kind}-${creditId}` },
        ...(r.product !== undefined && { productId: r.product }),
        splitType: r.overlay ? "overlay" : "revenue",
        shareBps: r.overlay ? 10_000 : r.share,
        amount: { amount: r.amount, currency },
        margin: { amount: Math.floor((r.amount * r.marginBps) / 10_000), currency },
        units: r.units,
        creditedAt: toIsoInstant(r.at),
      };
    });
}

/**
 * Credits with unique ids (`<idPrefix>0`, `<idPrefix>1`, …), see {@link arbIncentiveCredit}.
 *
 * @param constraints - As for one credit, plus the list's length (0–8 by default).
 * @returns An arbitrary list of credits.
 * @example
 * ```ts
 * arbIncentiveCredits({ minLength: 1, maxLength: 5, idPrefix: "late-" });
 * ```
 */
export function arbIncentiveCredits(
  constraints: IncentiveCreditConstraints & { readonly minLength?: number; readonly maxLength?: number } = {},
): fc.Arbitrary<IncentiveCredit[]> {
  const prefix = constraints.idPrefix ?? "c";
  return fc
    .integer({ min: constraints.minLength ?? 0, max: Math.max(constraints.minLength ?? 0, constraints.maxLength ?? 8) })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbIncentiveCredit(constraints, `${prefix}${i}`))));
}

/**
 * One won deal split between reps: revenue splits whose shares total exactly 10,000 bps, and whose amounts, margins
 * and units are allocated with `allocate` (largest remainder), so the credits sum exactly to the deal.
 *
 * @param constraints - The reps (2–4 of `rep-1`…`rep-4` by default), the amount bounds, the date and the product.
 * @returns The deal's totals and its credits, one per rep.
 * @example
 * ```ts
 * fc.assert(fc.property(arbSplitDeal(), ({ deal, credits }) => credits.reduce((s, c) => s + c.amount.amount, 0) === deal.amount));
 * ```
 */
export function arbSplitDeal(
  constraints: {
    readonly reps?: readonly string[];
    readonly maxAmount?: number;
    readonly creditedAt?: string;
    readonly productId?: string;
    readonly currency?: string;
  } = {},
): fc.Arbitrary<{ deal: { id: string; amount: number; margin: number; units: number }; credits: IncentiveCredit[] }> {
  const reps = constraints.reps ?? ["rep-1", "rep-2", "rep-3", "rep-4"];
  const currency = constraints.currency ?? "USD";
  return fc
    .record({
      n: fc.integer({ min: Math.min(2, reps.length), max: reps.length }),
      amount: fc.integer({ min: 1, max: constraints.maxAmount ?? 1_000_000 }),
      marginBps: fc.integer({ min: 0, max: 10_000 }),
      units: fc.integer({ min: 1, max: 50 }),
      raw: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: reps.length, maxLength: reps.length }),
    })
    .map(({ n, amount, marginBps, units, raw }) => {
      const weights = raw.slice(0, n);
      const shares = allocate(money(10_000, "USD"), weights).map((m) => m.amount);
      const margin = Math.floor((amount * marginBps) / 10_000);
      const amounts = allocate(money(amount, currency), shares);
      const margins = allocate(money(margin, currency), shares);
      const unitParts = allocate(money(units, "USD"), shares);
      const credits = shares.map(
        (shareBps, i): IncentiveCredit => ({
          creditId: `split-${i}`,
          repId: reps[i] as string,
          customerId: "cu-split",
          source: { kind: "deal", id: "deal-split" },
          ...(constraints.productId !== undefined && { productId: constraints.productId }),
          splitType: "revenue",
          shareBps,
          amount: amounts[i] as { amount: number; currency: string },
          margin: margins[i] as { amount: number; currency: string },
          units: (unitParts[i] as { amount: number }).amount,
          creditedAt: constraints.creditedAt ?? "2026-01-15T12:00:00.000Z",
        }),
      );
      return { deal: { id: "deal-split", amount, margin, units }, credits };
    });
}

/**
 * A refund or cancellation of a credit: a negative credit of 1 minor unit up to the whole original, naming it in
 * `reversesCreditId`, dated 0 to `maxDays` days after it (or exactly `afterMs` later when given).
 *
 * @param original - The credit reversed.
 * @param options - The reversal's id, the largest delay in days (30 by default), or an exact delay, and whether to
 * reverse all of it.
 * @returns An arbitrary reversal.
 * @example
 * ```ts
 * arbRefundOf(credit, { maxDays: 10, full: true });
 * ```
 */
export function arbRefundOf(
  original: IncentiveCredit,
  options: {
    readonly creditId?: string;
    readonly maxDays?: number;
    readonly afterMs?: number;
    readonly full?: boolean;
  } = {},
): fc.Arbitrary<IncentiveCredit> {
  const whole = original.amount.amount;
  const delay =
    options.afterMs !== undefined
      ? fc.constant(options.afterMs)
      : fc.integer({ min: 0, max: (options.maxDays ?? 30) * 86_400_000 });
  return fc
    .record({
      amount: options.full || whole <= 1 ? fc.constant(whole) : fc.integer({ min: 1, max: whole }),
      delay,
      kind: fc.constantFrom("refund" as const, "cancellation" as const),
    })
    .map(({ amount, delay: d, kind }): IncentiveCredit => {
      const { margin: _m, units: _u, ...rest } = original;
      return {
        ...rest,
        creditId: options.creditId ?? `${original.creditId}-${kind}`,
        source: {
          kind,
          id: original.source.id,
          ...(original.source.lineId !== undefined && { lineId: original.source.lineId }),
        },
        amount: { amount: -amount, currency: original.amount.currency },
        creditedAt: toIsoInstant(toEpochMilliseconds(original.creditedAt) + d),
        reversesCreditId: original.creditId,
      };
    });
}

/**
 * The first periods of a plan: its first effective period and the `count − 1` after it.
 *
 * @param plan - A plan.
 * @param count - How many periods (2 by default).
 * @returns The periods, in order.
 * @example
 * ```ts
 * planPeriods(plan).map((p) => p.id); // ["2026-01", "2026-02"]
 * ```
 */
export function planPeriods(plan: PlanDefinition, count = 2): Period[] {
  const calendar = planCalendar(plan);
  const first = periodOf(calendar, plan.periodKind, effectiveRangeMs(plan, calendar)[0]);
  const out = [first];
  while (out.length < count) out.push(nextPeriod(calendar, out[out.length - 1] as Period));
  return out;
}

/**
 * A period id among a plan's first `count` periods.
 *
 * @param plan - A plan.
 * @param count - How many periods to draw from (3 by default).
 * @returns An arbitrary period id.
 * @example
 * ```ts
 * arbPlanPeriod(plan).map((id) => calculate(plan, inputs, id));
 * ```
 */
export function arbPlanPeriod(plan: PlanDefinition, count = 3): fc.Arbitrary<string> {
  return fc.constantFrom(...planPeriods(plan, count).map((p) => p.id));
}
