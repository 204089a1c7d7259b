import {
  calendarDateOf,
  defineProjection,
  diffCalendarDays,
  type Instant,
  toEpochMilliseconds,
} from "../../core/index.ts";
import { analyticsSourceEvents } from "../sources.ts";

/**
 * What the RFM projection keeps per order: when it was placed and its amount, and each later adjustment, so that a
 * segmentation can be computed as of any instant.
 *
 * @example
 * ```ts
 * const o: RfmOrder = { atMs: 1783648800000, currency: "USD", amount: 269_730, adjustments: [] };
 * ```
 */
export interface RfmOrder {
  atMs: number;
  currency: string;
  amount: number;
  adjustments: { atMs: number; amount: number }[];
}

/**
 * The state of {@link rfm}: orders per customer.
 *
 * @example
 * ```ts
 * Object.keys(state.customers["cu-1"] ?? {}); // order ids
 * ```
 */
export interface RfmState {
  readonly customers: Record<string, Record<string, RfmOrder>>;
}

/**
 * One customer's RFM figures and scores (1 = worst, 5 = best) and segment.
 *
 * @example
 * ```ts
 * const r: RfmScore = { customerId: "cu-1", recencyDays: 3, frequency: 4, monetary: 1_200_000, r: 5, f: 5, m: 5, segment: "champions" };
 * ```
 */
export interface RfmScore {
  customerId: string;
  /** Calendar days from the last counted order's local date to the as-of local date. */
  recencyDays: number;
  /** Orders placed up to the as-of instant whose net amount then was positive. */
  frequency: number;
  /** Net amount of those orders as of the instant, minor units. */
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/**
 * The RFM segments, checked in this order:
 * `champions` (R ≥ 4, F ≥ 4, M ≥ 4), `at_risk` (R ≤ 2, F ≥ 3), `loyal` (F ≥ 4), `new` (R ≥ 4, F ≤ 2),
 * `lost` (R ≤ 2), otherwise `needs_attention`.
 *
 * @example
 * ```ts
 * const s: RfmSegment = "at_risk";
 * ```
 */
export type RfmSegment = "champions" | "at_risk" | "loyal" | "new" | "lost" | "needs_attention";

function segmentOf(r: number, f: number, m: number): RfmSegment {
  if (r >= 4 && f >= 4 && m >= 4) return "champions";
  if (r <= 2 && f >= 3) return "at_risk";
  if (f >= 4) return "loyal";
  if (r >= 4 && f <= 2) return "new";
  if (r <= 2) return "lost";
  return "needs_attention";
}

/**
 * RFM input: every order per customer with its later refunds and cancellations. Segment with {@link rfmSegments}
 * as of an instant.
 *
 * @example
 * ```ts
 * const state = fold(rfm, events);
 * rfmSegments(state, { asOf: "2026-12-31T16:00:00Z", timeZone: "Asia/Shanghai", currency: "USD" });
 * ```
 */
export const rfm = /* @__PURE__ */ defineProjection({
  name: "analytics.rfm",
  events: analyticsSourceEvents,
  initialState: (): RfmState => ({ customers: {} }),
  handlers: {
    OrderPlaced: (s, e) => {
      const d = e.data;
      (s.customers[d.customerId] ??= {})[d.orderId] = {
        atMs: toEpochMilliseconds(d.orderedAt),
        currency: d.currency,
        amount: d.total.amount,
        adjustments: [],
      };
    },
    OrderLineRefunded: (s, e) => {
      s.customers[e.data.customerId]?.[e.data.orderId]?.adjustments.push({
        atMs: toEpochMilliseconds(e.data.refundedAt),
        amount: e.data.line.lineTotal.amount,
      });
    },
    OrderLineCancelled: (s, e) => {
      s.customers[e.data.customerId]?.[e.data.orderId]?.adjustments.push({
        atMs: toEpochMilliseconds(e.data.cancelledAt),
        amount: e.data.line.lineTotal.amount,
      });
    },
  },
});

/**
 * Scores one measure by percent rank with ties sharing a rank: with `worse` customers strictly worse and `equal`
 * customers equal (itself included) among `n`, the score is `1 + min(4, ⌊5 × (2·worse + equal − 1) / (2·(n − 1))⌋)`;
 * a lone customer (n = 1) scores 3. Integers only, so the result is deterministic.
 */
function scores(values: readonly number[], higherIsBetter: boolean): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const below = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const atMost = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) => {
    if (n === 1) return 3;
    const equal = atMost(v) - below(v);
    const worse = higherIsBetter ? below(v) : n - atMost(v);
    return 1 + Math.min(4, Math.floor((5 * (2 * worse + equal - 1)) / (2 * (n - 1))));
  });
}

/**
 * Segments customers by recency, frequency and monetary value as of an instant, in one currency. Only orders placed
 * at or before `asOf` count, net of adjustments made at or before `asOf`; an order whose net is then zero or less
 * does not count. Customers without a counted order are left out. Each measure is scored 1–5 by percent rank among
 * the customers scored (fewer recency days, more orders and more money are better), then mapped to an
 * {@link RfmSegment}. The result is sorted by customer id.
 *
 * @param state - The state of {@link rfm}.
 * @param options - `asOf` instant, `timeZone` for calendar days, and `currency`.
 * @returns One score per customer.
 * @throws {@link ValidationError} for a bad instant or time zone.
 * @example
 * ```ts
 * rfmSegments(state, { asOf: "2026-12-31T16:00:00Z", timeZone: "Asia/Shanghai", currency: "USD" }).filter((c) => c.segment === "at_risk");
 * ```
 */
export function rfmSegments(
  state: RfmState,
  options: { readonly asOf: Instant; readonly timeZone: string; readonly currency: string },
): RfmScore[] {
  const asOfMs = toEpochMilliseconds(options.asOf, "rfmSegments");
  const asOfDate = calendarDateOf(asOfMs, options.timeZone);
  const rows: { customerId: string; recencyDays: number; frequency: number; monetary: number }[] = [];
  for (const customerId of Object.keys(state.customers).sort()) {
    let last = -Infinity;
    let frequency = 0;
    let monetary = 0;
    for (const o of Object.values(state.customers[customerId]!)) {
      if (o.currency !== options.currency || o.atMs > asOfMs) continue;
      const net = o.amount + o.adjustments.reduce((t, a) => t + (a.atMs <= asOfMs ? a.amount : 0), 0);
      if (net <= 0) continue;
      frequency += 1;
      monetary += net;
      last = Math.max(last, o.atMs);
    }
    if (frequency === 0) continue;
    rows.push({
      customerId,
      recencyDays: diffCalendarDays(calendarDateOf(last, options.timeZone), asOfDate),
      frequency,
      monetary,
    });
  }
  const r = scores(
    rows.map((x) => x.recencyDays),
    false,
  );
  const f = scores(
    rows.map((x) => x.frequency),
    true,
  );
  const m = scores(
    rows.map((x) => x.monetary),
    true,
  );
  return rows.map((x, i) => ({ ...x, r: r[i]!, f: f[i]!, m: m[i]!, segment: segmentOf(r[i]!, f[i]!, m[i]!) }));
}
