import { bucketKey, defineProjection, type Projection } from "../../core/index.ts";
import {
  type AnalyticsSourceEvent,
  analyticsSourceEvents,
  type BucketOptions,
  _checkBucketOptions,
} from "../sources.ts";

/**
 * One product's figures in one period and currency, in minor units. Refunds and cancellations count negative in
 * the period they happen in.
 *
 * @example
 * ```ts
 * const f: ProductFigures = { units: 7, revenue: 629_370, margin: 209_370, orderLines: 3 };
 * ```
 */
export interface ProductFigures {
  /** Net units: ordered less returned and cancelled. */
  units: number;
  /** Net revenue: line totals less refunds and cancellations. */
  revenue: number;
  /** Net margin over the lines whose cost is known. */
  margin: number;
  /** Order lines placed in the period (adjustments do not count). */
  orderLines: number;
}

/**
 * The state of a product-mix projection: figures by period id, product and currency.
 *
 * @example
 * ```ts
 * state.byPeriod["2026-07"]?.erp?.USD?.revenue;
 * ```
 */
export interface ProductMixState {
  readonly byPeriod: Record<string, Record<string, Record<string, ProductFigures>>>;
}

/**
 * Creates a product-mix projection: sales per product and period (bucketed with the periods module's `bucketKey`
 * in the calendar's zone), from order lines and their refunds and cancellations. Query it with
 * {@link productTrend} and {@link topProducts}.
 *
 * @param options - The calendar and the period kind to bucket by.
 * @returns The projection.
 * @throws {@link ValidationError} for a bad calendar or period kind.
 * @example
 * ```ts
 * const mix = createProductMixProjection({ calendar: defineCalendar({ timeZone: "Asia/Shanghai" }), period: "month" });
 * const state = fold(mix, events);
 * ```
 */
export function createProductMixProjection(options: BucketOptions): Projection<AnalyticsSourceEvent, ProductMixState> {
  _checkBucketOptions("createProductMixProjection", options);
  const { calendar, period } = options;
  const figures = (s: ProductMixState, at: string, productId: string, currency: string): ProductFigures => {
    const byProduct = (s.byPeriod[bucketKey(calendar, period, at)] ??= {});
    const byCurrency = (byProduct[productId] ??= {});
    return (byCurrency[currency] ??= { units: 0, revenue: 0, margin: 0, orderLines: 0 });
  };
  return defineProjection({
    name: `analytics.productMix.${period}`,
    events: analyticsSourceEvents,
    initialState: (): ProductMixState => ({ byPeriod: {} }),
    handlers: {
      OrderPlaced: (s, e) => {
        for (const l of e.data.lines) {
          const f = figures(s, e.data.orderedAt, l.productId, l.lineTotal.currency);
          f.units += l.quantity;
          f.revenue += l.lineTotal.amount;
          f.margin += l.margin?.amount ?? 0;
          f.orderLines += 1;
        }
      },
      OrderLineRefunded: (s, e) => {
        const l = e.data.line;
        const f = figures(s, e.data.refundedAt, l.productId, l.lineTotal.currency);
        f.units += l.quantity;
        f.revenue += l.lineTotal.amount;
        f.margin += l.margin?.amount ?? 0;
      },
      OrderLineCancelled: (s, e) => {
        const l = e.data.line;
        const f = figures(s, e.data.cancelledAt, l.productId, l.lineTotal.currency);
        f.units += l.quantity;
        f.revenue += l.lineTotal.amount;
        f.margin += l.margin?.amount ?? 0;
      },
    },
  });
}

/**
 * A product's trend: its figures in each period that has any, in period order (ids of one kind sort in time order),
 * with the change in revenue from the previous listed period.
 *
 * @param state - The state of a product-mix projection.
 * @param productId - The product.
 * @param currency - The currency.
 * @returns One row per period, oldest first.
 * @example
 * ```ts
 * productTrend(state, "erp", "USD"); // [{ periodId: "2026-07", units: 3, revenue: 269_730, margin: 0, orderLines: 1, revenueChange: undefined }, …]
 * ```
 */
export function productTrend(
  state: ProductMixState,
  productId: string,
  currency: string,
): (ProductFigures & { periodId: string; revenueChange: number | undefined })[] {
  const rows: (ProductFigures & { periodId: string; revenueChange: number | undefined })[] = [];
  for (const periodId of Object.keys(state.byPeriod).sort()) {
    const f = state.byPeriod[periodId]?.[productId]?.[currency];
    if (!f) continue;
    const previous = rows[rows.length - 1];
    rows.push({ ...f, periodId, revenueChange: previous === undefined ? undefined : f.revenue - previous.revenue });
  }
  return rows;
}

/**
 * The most popular products of a period, by net revenue or net units (ties: product id ascending).
 *
 * @param state - The state of a product-mix projection.
 * @param periodId - The period id, such as `2026-07`.
 * @param currency - The currency.
 * @param options - `by` (`revenue` by default, or `units`) and `limit` (10 by default).
 * @returns Products with their figures, best first.
 * @example
 * ```ts
 * topProducts(state, "2026-07", "USD", { by: "units", limit: 3 }).map((p) => p.productId);
 * ```
 */
export function topProducts(
  state: ProductMixState,
  periodId: string,
  currency: string,
  options: { readonly by?: "revenue" | "units"; readonly limit?: number } = {},
): (ProductFigures & { productId: string })[] {
  const by = options.by ?? "revenue";
  const rows = Object.entries(state.byPeriod[periodId] ?? {}).flatMap(([productId, byCurrency]) => {
    const f = byCurrency[currency];
    return f ? [{ ...f, productId }] : [];
  });
  rows.sort((a, b) => b[by] - a[by] || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  return rows.slice(0, options.limit ?? 10);
}
