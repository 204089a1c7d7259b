import type { Calendar } from "./calendar.ts";
import { type Instant, toEpochMilliseconds } from "./instant.ts";
import { locate } from "./locate.ts";
import type { PeriodKind } from "./periodKind.ts";

/**
 * The id of the period of a kind containing an instant, for grouping events in projections. Equal to
 * `periodOf(calendar, kind, instant).id`, but cheaper: the last period per calendar and kind is remembered, and while
 * instants stay inside it the answer comes from two number comparisons with no zone arithmetic or allocation.
 *
 * @param calendar - A calendar from {@link defineCalendar}.
 * @param kind - The kind of period.
 * @param instant - An ISO-8601 string with offset or `Z`, epoch milliseconds, or a `Date`.
 * @returns The period id, such as `2026-Q3` or `FY2027-W01`.
 * @throws {ValidationError} as {@link periodOf}.
 * @example
 * ```ts
 * const cal = defineCalendar({ timeZone: "Europe/Berlin" });
 * bucketKey(cal, "month", "2026-06-30T22:30:00Z"); // "2026-07" (00:30 local on July 1)
 * ```
 */
export function bucketKey(calendar: Calendar, kind: PeriodKind, instant: Instant): string {
  return locate(calendar, kind, toEpochMilliseconds(instant, "bucketKey"), "bucketKey").range.id;
}
