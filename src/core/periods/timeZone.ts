import { tzOffset } from "@date-fns/tz";
import { type CalendarDate, describe, MS_PER_DAY, requireFormattedDay } from "./calendarDate.ts";
import { type Instant, toEpochMilliseconds } from "./instant.ts";
import { invalidInput } from "./issues.ts";

const knownZones = new Set<string>();

/**
 * Tells whether a string is a time zone the runtime knows, by trying it.
 *
 * @param value - Anything.
 * @returns `true` for IANA names such as `"Europe/Berlin"` that `Intl.DateTimeFormat` accepts.
 * @example
 * ```ts
 * isTimeZone("Asia/Kolkata"); // true
 * isTimeZone("Mars/Olympus"); // false
 * ```
 */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value === "") return false;
  if (knownZones.has(value)) return true;
  try {
    Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    return false;
  }
  if (!Number.isFinite(tzOffset(value, new Date(0)))) return false;
  knownZones.add(value);
  return true;
}

/** Throws `invalid_time_zone` unless the value is a known zone. */
export function requireTimeZone(api: string, path: PropertyKey[], value: unknown): string {
  if (!isTimeZone(value)) {
    throw invalidInput(api, "invalid_time_zone", path, `expected an IANA time zone name, got ${describe(value)}`);
  }
  return value;
}

/** The zone's UTC offset at an instant, in milliseconds (east positive). */
export function offsetMsAt(timeZone: string, ms: number): number {
  return Math.round(tzOffset(timeZone, new Date(ms)) * 60_000);
}

/** The local day number (days since 1970-01-01) of an instant in a zone. */
export function localDayOf(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetMsAt(timeZone, ms)) / MS_PER_DAY);
}

const dayStarts = new Map<string, Map<number, number>>();
const DAY_STARTS_PER_ZONE = 8192;

/**
 * The first instant of a local day: local midnight, or when midnight is skipped by a transition, the transition itself.
 * When midnight occurs twice, the earlier one. Memoized per zone (bounded), as period boundaries recur.
 */
export function startOfLocalDay(timeZone: string, dayNumber: number): number {
  let memo = dayStarts.get(timeZone);
  if (memo === undefined) {
    memo = new Map();
    dayStarts.set(timeZone, memo);
  }
  const known = memo.get(dayNumber);
  if (known !== undefined) return known;
  const start = computeStartOfLocalDay(timeZone, dayNumber);
  if (memo.size >= DAY_STARTS_PER_ZONE) memo.clear();
  memo.set(dayNumber, start);
  return start;
}

function computeStartOfLocalDay(timeZone: string, dayNumber: number): number {
  const wall = dayNumber * MS_PER_DAY;
  const before = offsetMsAt(timeZone, wall - MS_PER_DAY);
  const after = offsetMsAt(timeZone, wall + MS_PER_DAY);
  const t1 = wall - before;
  const t1Valid = offsetMsAt(timeZone, t1) === before;
  if (before === after && t1Valid) return t1;
  const t2 = wall - after;
  const t2Valid = offsetMsAt(timeZone, t2) === after;
  if (t1Valid && t2Valid) return Math.min(t1, t2);
  if (t1Valid) return t1;
  if (t2Valid) return t2;
  // Midnight falls in a gap: find the transition, the first instant whose local day is `dayNumber`.
  let lo = Math.min(t1, t2) - MS_PER_DAY;
  let hi = Math.max(t1, t2) + MS_PER_DAY;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDayOf(timeZone, mid) >= dayNumber) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The local calendar date of an instant in a time zone.
 *
 * @param instant - An ISO-8601 string with offset or `Z`, epoch milliseconds, or a `Date`.
 * @param timeZone - An IANA time zone name.
 * @returns The date a wall calendar in that zone shows at that instant.
 * @throws {ValidationError} `invalid_instant`, `instant_out_of_range`, `invalid_time_zone` or
 * `calendar_date_out_of_range`.
 * @example
 * ```ts
 * calendarDateOf("2026-06-30T16:00:00Z", "Asia/Shanghai"); // "2026-07-01"
 * calendarDateOf("2026-06-30T16:00:00Z", "America/New_York"); // "2026-06-30"
 * ```
 */
export function calendarDateOf(instant: Instant, timeZone: string): CalendarDate {
  const ms = toEpochMilliseconds(instant, "calendarDateOf");
  const tz = requireTimeZone("calendarDateOf", ["timeZone"], timeZone);
  return requireFormattedDay("calendarDateOf", ["instant"], localDayOf(tz, ms));
}
