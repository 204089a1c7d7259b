import { type Calendar, requireCalendar } from "./calendar.ts";
import { type CalendarDate, requireCalendarDate } from "./calendarDate.ts";
import { type Instant, toEpochMilliseconds } from "./instant.ts";
import { boundsOf, locate, requireKind } from "./locate.ts";
import { canonicalRange, materialize, type Period } from "./period.ts";
import type { PeriodKind } from "./periodKind.ts";
import { type KindRange, rangeById, rangeContaining } from "./periodRange.ts";

function place(calendar: Calendar, range: KindRange): Period {
  const [startMs, endMs] = boundsOf(calendar, range);
  return materialize(calendar, range, startMs, endMs);
}

/**
 * The period of a kind that contains an instant. Fast for instants that arrive in time order: the last answer per
 * calendar and kind is remembered and returned again while instants stay inside it.
 *
 * @param calendar - A calendar from {@link defineCalendar}.
 * @param kind - The kind of period.
 * @param instant - An ISO-8601 string with offset or `Z`, epoch milliseconds, or a `Date`.
 * @returns The one period of that kind with `start <= instant < end`.
 * @throws {ValidationError} `invalid_calendar`, `invalid_period_kind`, `invalid_instant`, `instant_out_of_range`,
 * `fiscal_not_configured` or `period_out_of_range`.
 * @example
 * ```ts
 * const cal = defineCalendar({ timeZone: "Asia/Shanghai" });
 * periodOf(cal, "quarter", "2026-06-30T16:00:00Z").id; // "2026-Q3"
 * ```
 */
export function periodOf(calendar: Calendar, kind: PeriodKind, instant: Instant): Period {
  const ms = toEpochMilliseconds(instant, "periodOf");
  const located = locate(calendar, kind, ms, "periodOf");
  located.period ??= materialize(calendar, located.range, located.startMs, located.endMs);
  return located.period;
}

/**
 * The period of a kind that contains a local calendar date.
 *
 * @param calendar - A calendar from {@link defineCalendar}.
 * @param kind - The kind of period.
 * @param date - A local calendar date in the calendar's zone.
 * @returns The period of that kind whose local days include `date`.
 * @throws {ValidationError} `invalid_calendar`, `invalid_period_kind`, `invalid_calendar_date`,
 * `fiscal_not_configured` or `period_out_of_range`.
 * @example
 * ```ts
 * periodContaining(cal, "week", "2026-01-01").id; // "2026-W01" (ISO weeks with weekStartsOn: 1)
 * ```
 */
export function periodContaining(calendar: Calendar, kind: PeriodKind, date: CalendarDate): Period {
  const api = "periodContaining";
  requireCalendar(api, calendar);
  requireKind(api, kind);
  const day = requireCalendarDate(api, ["date"], date);
  return place(calendar, rangeContaining(calendar, kind, day, api));
}

/**
 * The period an id names. Ids round-trip: `periodById(cal, p.id)` equals `p`.
 *
 * @param calendar - A calendar from {@link defineCalendar}.
 * @param id - `2026-06-30`, `2026-W27`, `2026-06`, `2026-Q2`, `2026`, `FY2027`, `FY2027-Q1`, `FY2027-P01` or
 * `FY2027-W01`.
 * @returns The period.
 * @throws {ValidationError} `invalid_period_id` (malformed), `period_does_not_exist` (such as `2026-02-30`,
 * `2026-W53` or `FY2027-P13`), `fiscal_not_configured`, `period_out_of_range` or `invalid_calendar`.
 * @example
 * ```ts
 * periodById(defineCalendar({ timeZone: "Asia/Shanghai" }), "2026-Q3").start; // "2026-06-30T16:00:00.000Z"
 * ```
 */
export function periodById(calendar: Calendar, id: string): Period {
  requireCalendar("periodById", calendar);
  return place(calendar, rangeById(calendar, id, "periodById"));
}

/**
 * The period of the same kind that starts where a period ends. For a clipped period, the one after the whole period.
 *
 * @param calendar - The calendar the period belongs to.
 * @param period - A period of this calendar.
 * @returns The next period.
 * @throws {ValidationError} `invalid_calendar`, `invalid_period`, `time_zone_mismatch` or `period_out_of_range`.
 * @example
 * ```ts
 * nextPeriod(cal, periodById(cal, "2026-Q4")).id; // "2027-Q1"
 * ```
 */
export function nextPeriod(calendar: Calendar, period: Period): Period {
  const api = "nextPeriod";
  requireCalendar(api, calendar);
  const range = canonicalRange(api, calendar, period, ["period"]);
  return place(calendar, rangeContaining(calendar, range.kind, range.end, api));
}

/**
 * The period of the same kind that ends where a period starts. For a clipped period, the one before the whole period.
 *
 * @param calendar - The calendar the period belongs to.
 * @param period - A period of this calendar.
 * @returns The previous period.
 * @throws {ValidationError} `invalid_calendar`, `invalid_period`, `time_zone_mismatch` or `period_out_of_range`.
 * @example
 * ```ts
 * previousPeriod(cal, periodById(cal, "2026-W01")).id; // "2025-W52"
 * ```
 */
export function previousPeriod(calendar: Calendar, period: Period): Period {
  const api = "previousPeriod";
  requireCalendar(api, calendar);
  const range = canonicalRange(api, calendar, period, ["period"]);
  return place(calendar, rangeContaining(calendar, range.kind, range.start - 1, api));
}
