import { z } from "zod";
import { invalidInput } from "./issues.ts";

/**
 * A local calendar date written `YYYY-MM-DD` (proleptic Gregorian, years 0001–9999), with no time and no zone.
 *
 * @example
 * ```ts
 * const hired: CalendarDate = "2026-03-10";
 * ```
 */
export type CalendarDate = string;

/** Milliseconds in a 24-hour UTC day. */
export const MS_PER_DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a proleptic Gregorian y/m/d, by integer arithmetic (no `Date`, so years below 100 are not
 * remapped and nothing passes through a local zone).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The y/m/d of a day number (days since 1970-01-01); the inverse of {@link daysFromCivil}. */
export function civilFromDays(dayNumber: number): [year: number, month: number, day: number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Whether a Gregorian year is a leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The day number of 0001-01-01, the first supported date. */
export const MIN_DAY = daysFromCivil(1, 1, 1);
/** The day number of 9999-12-31, the last supported date. */
export const MAX_DAY = daysFromCivil(9999, 12, 31);

/** The day number of a valid `YYYY-MM-DD` string, or `undefined` for anything else. */
export function parseCalendarDate(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = DATE_RE.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** Zero-pads a non-negative integer. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Formats a day number as `YYYY-MM-DD`; `undefined` when it is outside years 0001–9999. */
export function formatDayNumber(dayNumber: number): CalendarDate | undefined {
  if (dayNumber < MIN_DAY || dayNumber > MAX_DAY) return undefined;
  const [y, m, d] = civilFromDays(dayNumber);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The day number of a calendar date argument, or a thrown `invalid_calendar_date`. */
export function requireCalendarDate(api: string, path: PropertyKey[], value: unknown): number {
  const dn = parseCalendarDate(value);
  if (dn === undefined) {
    throw invalidInput(
      api,
      "invalid_calendar_date",
      path,
      `expected a real calendar date written YYYY-MM-DD (years 0001-9999), got ${describe(value)}`,
    );
  }
  return dn;
}

/** Formats a day number, or throws `calendar_date_out_of_range`. */
export function requireFormattedDay(api: string, path: PropertyKey[], dayNumber: number): CalendarDate {
  const out = formatDayNumber(dayNumber);
  if (out === undefined) {
    throw invalidInput(api, "calendar_date_out_of_range", path, "the result falls outside years 0001-9999");
  }
  return out;
}

/** A short description of a bad value for an error message. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Date) return "an object of type Date";
  if (value === null || typeof value !== "object") return String(value);
  return "an object";
}

/**
 * Tells whether a value is a real calendar date written `YYYY-MM-DD` (years 0001–9999).
 *
 * @param value - Anything.
 * @returns `true` for strings such as `"2024-02-29"`; `false` for `"2026-02-30"`, `"2026-2-3"` or non-strings.
 * @example
 * ```ts
 * isCalendarDate("2024-02-29"); // true
 * isCalendarDate("2026-02-30"); // false
 * ```
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return parseCalendarDate(value) !== undefined;
}

/**
 * A zod schema for a {@link CalendarDate}: a `YYYY-MM-DD` string naming a day that exists.
 *
 * @example
 * ```ts
 * calendarDateSchema.parse("2026-06-30"); // "2026-06-30"
 * calendarDateSchema.safeParse("2026-02-30").success; // false
 * ```
 */
export const calendarDateSchema = z.string().refine(isCalendarDate, {
  message: "expected a real calendar date written YYYY-MM-DD (years 0001-9999)",
  params: { code: "invalid_calendar_date" },
});

/**
 * Adds a whole number of days to a calendar date, on the calendar itself (never through an instant or a zone).
 *
 * @param date - The starting date.
 * @param days - A safe integer; negative goes back.
 * @returns The date `days` later.
 * @throws {ValidationError} `invalid_calendar_date`, `invalid_day_count`, or `calendar_date_out_of_range`.
 * @example
 * ```ts
 * addCalendarDays("2024-02-28", 1); // "2024-02-29"
 * addCalendarDays("2026-03-01", -1); // "2026-02-28"
 * ```
 */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const dn = requireCalendarDate("addCalendarDays", ["date"], date);
  if (!Number.isSafeInteger(days)) {
    throw invalidInput("addCalendarDays", "invalid_day_count", ["days"], `expected a safe integer, got ${days}`);
  }
  return requireFormattedDay("addCalendarDays", ["days"], dn + days);
}

/**
 * Counts the days from one calendar date to another: `b - a`.
 *
 * @param a - The earlier date (normally).
 * @param b - The later date (normally).
 * @returns The number of days, negative when `b` is before `a`.
 * @throws {ValidationError} `invalid_calendar_date` when either is not a real date.
 * @example
 * ```ts
 * diffCalendarDays("2026-03-01", "2026-04-01"); // 31
 * diffCalendarDays("2026-04-01", "2026-03-01"); // -31
 * ```
 */
export function diffCalendarDays(a: CalendarDate, b: CalendarDate): number {
  const da = requireCalendarDate("diffCalendarDays", ["a"], a);
  const db = requireCalendarDate("diffCalendarDays", ["b"], b);
  return db - da;
}

/**
 * Orders two calendar dates, for `Array.prototype.sort`.
 *
 * @param a - A date.
 * @param b - Another date.
 * @returns `-1` when `a` is earlier, `1` when later, `0` when equal.
 * @throws {ValidationError} `invalid_calendar_date` when either is not a real date.
 * @example
 * ```ts
 * ["2026-03-01", "2025-12-31"].sort(compareCalendarDates); // ["2025-12-31", "2026-03-01"]
 * ```
 */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  const da = requireCalendarDate("compareCalendarDates", ["a"], a);
  const db = requireCalendarDate("compareCalendarDates", ["b"], b);
  return da < db ? -1 : da > db ? 1 : 0;
}
