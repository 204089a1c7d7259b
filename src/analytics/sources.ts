import { AccountOwnerAssigned, AccountReleasedToPool, AccountReturnedToPool } from "../assignments/events.ts";
import {
  type Calendar,
  createEventCatalog,
  type EventCatalog,
  isCalendar,
  isPeriodKind,
  type PeriodKind,
  ratio,
  roundRatio,
  ValidationError,
  type ValidationIssue,
} from "../core/index.ts";
import { creditEvents } from "../credit/events.ts";
import { customerEvents } from "../customers/events.ts";
import { dealEvents } from "../deals/events.ts";
import { orderEvents } from "../orders/events.ts";

/**
 * Every event type the analytics projections read: customers, deals, orders, credit, and account ownership from the
 * assignments area. It types the projections; do not merge it into a store's catalog (use each area's own catalog,
 * which would otherwise be registered twice).
 *
 * @example
 * ```ts
 * analyticsSourceEvents.types.includes("DealWon"); // true
 * ```
 */
export const analyticsSourceEvents = /* @__PURE__ */ createEventCatalog([
  customerEvents,
  dealEvents,
  orderEvents,
  creditEvents,
  AccountOwnerAssigned,
  AccountReleasedToPool,
  AccountReturnedToPool,
]);

/**
 * The union of the events in {@link analyticsSourceEvents}.
 *
 * @example
 * ```ts
 * const e: AnalyticsSourceEvent = { type: "CustomerTagged", data: { customerId: "cu-1", tag: "vip" } };
 * ```
 */
export type AnalyticsSourceEvent = typeof analyticsSourceEvents extends EventCatalog<infer E> ? E : never;

/**
 * A ratio in basis points, rounded once, half-up: `part × 10,000 / whole`. Win rates, CSAT and NPS are expressed
 * this way; `null` when `whole` is 0 (no data is not 0 %).
 *
 * @param part - The numerator (may be negative, as in NPS).
 * @param whole - The denominator.
 * @returns Basis points, or `null` for a zero denominator.
 * @example
 * ```ts
 * ratioBps(2, 3); // 6667
 * ratioBps(1, 0); // null
 * ```
 */
export function ratioBps(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Number(roundRatio(ratio(BigInt(part) * 10_000n, BigInt(whole)), "half_up"));
}

/**
 * The calendar and period kind a bucketed analytics projection groups by.
 *
 * @example
 * ```ts
 * const options: BucketOptions = { calendar: defineCalendar({ timeZone: "Asia/Shanghai" }), period: "month" };
 * ```
 */
export interface BucketOptions {
  readonly calendar: Calendar;
  readonly period: PeriodKind;
}

/** @internal Validates bucket options for a projection factory. */
export function _checkBucketOptions(api: string, options: BucketOptions): void {
  const issues: ValidationIssue[] = [];
  if (!isCalendar(options?.calendar)) {
    issues.push({ code: "invalid_calendar", path: ["calendar"], message: "expected a calendar from defineCalendar" });
  }
  if (!isPeriodKind(options?.period)) {
    issues.push({ code: "invalid_period_kind", path: ["period"], message: "expected a period kind such as month" });
  }
  if (issues.length > 0) throw new ValidationError(api, issues);
}
