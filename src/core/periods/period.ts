import type { Calendar } from "./calendar.ts";
import { type CalendarDate, formatDayNumber, parseCalendarDate } from "./calendarDate.ts";
import { type Instant, parseIsoInstant, toEpochMilliseconds } from "./instant.ts";
import { invalidInput } from "./issues.ts";
import { isPeriodKind, type PeriodKind } from "./periodKind.ts";
import { type KindRange, rangeById } from "./periodRange.ts";

/**
 * A period of local time: the half-open interval [`start`, `end`) between two local midnights of a calendar's zone.
 * `startDate` is its first local day and `endDate` the day after its last (exclusive), so a day that is 23 or 25 hours
 * long is still one day. Periods are frozen; their ids round-trip through {@link periodById}.
 *
 * @example
 * ```ts
 * const q3 = periodById(defineCalendar({ timeZone: "Asia/Shanghai" }), "2026-Q3");
 * // { kind: "quarter", id: "2026-Q3", timeZone: "Asia/Shanghai", start: "2026-06-30T16:00:00.000Z",
 * //   end: "2026-09-30T16:00:00.000Z", startDate: "2026-07-01", endDate: "2026-10-01" }
 * ```
 */
export interface Period {
  /** What kind of period this is. */
  readonly kind: PeriodKind;
  /** The period's id, such as `2026-Q3` or `FY2027-P01`. */
  readonly id: string;
  /** The calendar's time zone. */
  readonly timeZone: string;
  /** The first instant, as an ISO UTC string. */
  readonly start: string;
  /** The first instant after the period, as an ISO UTC string. */
  readonly end: string;
  /** The first local day. */
  readonly startDate: CalendarDate;
  /** The local day after the last one (exclusive). */
  readonly endDate: CalendarDate;
  /** Set by `subPeriods(..., { clip: true })` on a period cut down to its parent; `id` still names the whole period. */
  readonly clipped?: true;
}

const instantsOf = new WeakMap<Period, readonly [number, number]>();

/** Builds the frozen period of a range, remembering its instants. */
export function materialize(
  calendar: Calendar,
  range: KindRange,
  startMs: number,
  endMs: number,
  clipped = false,
): Period {
  const base = {
    kind: range.kind,
    id: range.id,
    timeZone: calendar.timeZone,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    startDate: formatDayNumber(range.start) as CalendarDate,
    endDate: formatDayNumber(range.end) as CalendarDate,
  };
  const period: Period = Object.freeze(clipped ? { ...base, clipped: true as const } : base);
  instantsOf.set(period, [startMs, endMs]);
  return period;
}

function badPeriod(api: string, path: PropertyKey[], message: string) {
  return invalidInput(api, "invalid_period", path, message);
}

/** The [start, end) epoch milliseconds of a period, or a thrown `invalid_period`. */
export function periodInstants(api: string, path: PropertyKey[], period: Period): readonly [number, number] {
  const known = typeof period === "object" && period !== null ? instantsOf.get(period) : undefined;
  if (known !== undefined) return known;
  const start = typeof period?.start === "string" ? parseIsoInstant(period.start) : undefined;
  const end = typeof period?.end === "string" ? parseIsoInstant(period.end) : undefined;
  if (start === undefined || end === undefined || end < start) {
    throw badPeriod(api, path, "expected a period with ISO instants start <= end");
  }
  return [start, end];
}

/** The [startDate, endDate) day numbers of a period, or a thrown `invalid_period`. */
export function periodDayNumbers(api: string, path: PropertyKey[], period: Period): [start: number, end: number] {
  const start = parseCalendarDate(period?.startDate);
  const end = parseCalendarDate(period?.endDate);
  if (start === undefined || end === undefined || end < start) {
    throw badPeriod(api, path, "expected a period with calendar dates startDate <= endDate");
  }
  return [start, end];
}

/**
 * Checks a period argument against a calendar and returns the whole period its id names. Rejects a period from another
 * zone (`time_zone_mismatch`), an id of another kind, and unclipped dates that disagree with the id (`invalid_period`).
 */
export function canonicalRange(api: string, calendar: Calendar, period: Period, path: PropertyKey[]): KindRange {
  if (typeof period !== "object" || period === null || !isPeriodKind(period.kind)) {
    throw badPeriod(api, path, "expected a period made by this module");
  }
  if (period.timeZone !== calendar.timeZone) {
    throw invalidInput(
      api,
      "time_zone_mismatch",
      [...path, "timeZone"],
      `the period is in ${JSON.stringify(period.timeZone)} but the calendar is in ${JSON.stringify(calendar.timeZone)}`,
    );
  }
  const range = rangeById(calendar, period.id, api, [...path, "id"]);
  if (range.kind !== period.kind) throw badPeriod(api, [...path, "kind"], `id ${period.id} is not a ${period.kind}`);
  const [start, end] = periodDayNumbers(api, path, period);
  const matches =
    period.clipped === true
      ? start >= range.start && end <= range.end && start < end
      : start === range.start && end === range.end;
  if (!matches) throw badPeriod(api, path, `startDate and endDate do not match ${period.id} in this calendar`);
  return range;
}

/**
 * Tells whether an instant falls in a period: `start <= instant < end`.
 *
 * @param period - A period.
 * @param instant - An ISO-8601 string with offset or `Z`, epoch milliseconds, or a `Date`.
 * @returns `true` when the instant is inside the half-open interval.
 * @throws {ValidationError} `invalid_period`, `invalid_instant` or `instant_out_of_range`.
 * @example
 * ```ts
 * const june = periodById(cal, "2026-06");
 * periodContains(june, "2026-06-30T23:59:59.999+02:00"); // true in Europe/Berlin
 * periodContains(june, june.end); // false
 * ```
 */
export function periodContains(period: Period, instant: Instant): boolean {
  const [start, end] = periodInstants("periodContains", ["period"], period);
  const ms = toEpochMilliseconds(instant, "periodContains");
  return ms >= start && ms < end;
}

/**
 * Counts a period's local calendar days; DST days count as one day whatever their length.
 *
 * @param period - A period (clipped periods count their clipped days).
 * @returns `diffCalendarDays(period.startDate, period.endDate)`.
 * @throws {ValidationError} `invalid_period` when its dates are not calendar dates.
 * @example
 * ```ts
 * periodDays(periodById(cal, "2026-03")); // 31, even in a zone that springs forward in March
 * ```
 */
export function periodDays(period: Period): number {
  const [start, end] = periodDayNumbers("periodDays", ["period"], period);
  return end - start;
}
