import { type Calendar, type EventOf, type PeriodKind, toEpochMilliseconds } from "../../core/index.ts";
import type { MarketFeedbackRecorded } from "../events.ts";

/**
 * A piece of feedback as the read models keep it: its data and the period bucket of its `observedAt`.
 *
 * @example
 * ```ts
 * const item: FeedbackItem = { ...recorded.data, bucket: "2026-07" };
 * ```
 */
export type FeedbackItem = EventOf<typeof MarketFeedbackRecorded>["data"] & { readonly bucket: string };

/**
 * How the market feedback read models bucket time: a calendar (its zone, week start and fiscal settings) and a
 * period kind. Feedback falls in the period of its `observedAt`, via `bucketKey`.
 *
 * @example
 * ```ts
 * const options: FeedbackBucketing = { calendar: defineCalendar({ timeZone: "Asia/Shanghai" }), kind: "month" };
 * ```
 */
export interface FeedbackBucketing {
  readonly calendar: Calendar;
  readonly kind: PeriodKind;
}

/**
 * Counts by feedback kind.
 *
 * @example
 * ```ts
 * const c: KindCounts = { competitor_move: 2, price_signal: 1, customer_request: 0 };
 * ```
 */
export interface KindCounts {
  competitor_move: number;
  price_signal: number;
  customer_request: number;
}

/** @internal Zero counts. */
export const _zeroKinds = (): KindCounts => ({ competitor_move: 0, price_signal: 0, customer_request: 0 });

/** @internal Newest first: later `observedAt`, then smaller id. */
export function _insertNewestFirst(
  ids: string[],
  items: Readonly<Record<string, FeedbackItem>>,
  item: FeedbackItem,
): void {
  // Binary search: the list is kept in this order, so O(log n) comparisons instead of a scan (which made a rebuild
  // over feedback recorded out of order quadratic in instant parsing). Every listed item has been bucketed, so its
  // instant is valid.
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = items[ids[mid]!]!;
    const order = compareValidInstants(other.observedAt, item.observedAt);
    if (order > 0 || (order === 0 && other.feedbackId < item.feedbackId)) lo = mid + 1;
    else hi = mid;
  }
  ids.splice(lo, 0, item.feedbackId);
}

/** Whether a valid instant string is in the UTC form `toIsoInstant` writes, whose text order is time order. */
const isUtcForm = (s: string) => s.length === 24 && s.charCodeAt(23) === 90 && s.charCodeAt(19) === 46;

/** Time order of two valid instants: as text when both are in the UTC form, else by their epoch milliseconds. */
function compareValidInstants(a: string, b: string): number {
  if (isUtcForm(a) && isUtcForm(b)) return a < b ? -1 : a > b ? 1 : 0;
  return toEpochMilliseconds(a) - toEpochMilliseconds(b);
}

/** @internal Removes an id from a list, if present. */
export function _remove(ids: string[], feedbackId: string): void {
  const i = ids.indexOf(feedbackId);
  if (i >= 0) ids.splice(i, 1);
}
