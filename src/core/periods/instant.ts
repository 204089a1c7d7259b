import { daysFromCivil, daysInMonth, describe, MAX_DAY, MIN_DAY, MS_PER_DAY } from "./calendarDate.ts";
import { invalidInput } from "./issues.ts";

/**
 * A point in time: an ISO-8601 string with an offset or `Z` (such as `2026-06-30T16:00:00.000Z` or
 * `2026-07-01T00:00:00+08:00`), epoch milliseconds, or a `Date`. Functions that return instants return ISO UTC strings.
 *
 * @example
 * ```ts
 * const a: Instant = "2026-07-01T00:00:00+08:00";
 * const b: Instant = 1_782_835_200_000;
 * ```
 */
export type Instant = string | number | Date;

/** The earliest supported instant: 0001-01-01T00:00:00.000Z. */
export const MIN_INSTANT_MS = MIN_DAY * MS_PER_DAY;
/** The latest supported instant: 9999-12-31T23:59:59.999Z. */
export const MAX_INSTANT_MS = (MAX_DAY + 1) * MS_PER_DAY - 1;

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

function isCanonicalUtcShape(s: string): boolean {
  return (
    s.length === 24 &&
    s.charCodeAt(23) === 90 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 84 &&
    s.charCodeAt(13) === 58 &&
    s.charCodeAt(16) === 58 &&
    s.charCodeAt(19) === 46
  );
}

/** Epoch milliseconds of an ISO-8601 string with offset, or `undefined` when it is malformed or names no real time. */
export function parseIsoInstant(value: string): number | undefined {
  let year: number;
  let month: number;
  let day: number;
  let hour: number;
  let minute: number;
  let second: number;
  let millis: number;
  let offsetMinutes = 0;
  if (isCanonicalUtcShape(value)) {
    // Fast path for `YYYY-MM-DDTHH:MM:SS.sssZ`, the form this library and `Date#toISOString` write.
    year = digits(value, 0, 4);
    month = digits(value, 5, 2);
    day = digits(value, 8, 2);
    hour = digits(value, 11, 2);
    minute = digits(value, 14, 2);
    second = digits(value, 17, 2);
    millis = digits(value, 20, 3);
    if (Number.isNaN(year + month + day + hour + minute + second + millis)) return undefined;
  } else {
    const m = ISO_RE.exec(value);
    if (m === null) return undefined;
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    hour = Number(m[4]);
    minute = Number(m[5]);
    second = m[6] === undefined ? 0 : Number(m[6]);
    millis = m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3));
    if (m[8] === undefined) {
      const oh = Number(m[10]);
      const om = Number(m[11]);
      if (oh > 23 || om > 59) return undefined;
      offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const dayMs = daysFromCivil(year, month, day) * MS_PER_DAY;
  return dayMs + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis - offsetMinutes * 60_000;
}

let recentString0: string | undefined;
let recentMs0 = 0;
let recentString1: string | undefined;
let recentMs1 = 0;

/**
 * Converts an {@link Instant} to epoch milliseconds.
 *
 * @param instant - An ISO-8601 string with offset or `Z`, epoch milliseconds, or a `Date`.
 * @param api - The function name to report in errors.
 * @returns Whole epoch milliseconds between years 0001 and 9999.
 * @throws {ValidationError} `invalid_instant` or `instant_out_of_range`.
 * @example
 * ```ts
 * toEpochMilliseconds("1970-01-01T01:00:00+01:00"); // 0
 * ```
 */
export function toEpochMilliseconds(instant: Instant, api = "toEpochMilliseconds"): number {
  let ms: number | undefined;
  if (typeof instant === "number") ms = Number.isInteger(instant) ? instant : undefined;
  else if (typeof instant === "string") {
    // Read models often parse the same instant several times in a row (each projection of a rebuild, or an event's
    // instant and the previous one it is compared with): the last two valid strings are remembered.
    if (instant === recentString0) return recentMs0;
    if (instant === recentString1) return recentMs1;
    ms = parseIsoInstant(instant);
    if (ms !== undefined && ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS) {
      recentString1 = recentString0;
      recentMs1 = recentMs0;
      recentString0 = instant;
      recentMs0 = ms;
    }
  } else if (instant instanceof Date) ms = instant.getTime();
  if (ms === undefined || Number.isNaN(ms)) {
    throw invalidInput(
      api,
      "invalid_instant",
      ["instant"],
      `expected an ISO-8601 string with an offset or Z, integer epoch milliseconds, or a valid Date, got ${describe(instant)}`,
    );
  }
  if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) {
    throw invalidInput(api, "instant_out_of_range", ["instant"], "instants must lie within years 0001-9999 (UTC)");
  }
  return ms;
}

/**
 * Writes an {@link Instant} as an ISO-8601 UTC string with milliseconds.
 *
 * @param instant - An ISO-8601 string with offset or `Z`, epoch milliseconds, or a `Date`.
 * @returns A string such as `2026-06-30T16:00:00.000Z`.
 * @throws {ValidationError} `invalid_instant` or `instant_out_of_range`.
 * @example
 * ```ts
 * toIsoInstant("2026-07-01T00:00:00+08:00"); // "2026-06-30T16:00:00.000Z"
 * ```
 */
export function toIsoInstant(instant: Instant): string {
  const ms = toEpochMilliseconds(instant, "toIsoInstant");
  // A valid string already in this form is its own answer: no date to format.
  if (typeof instant === "string" && isCanonicalUtcShape(instant)) return instant;
  return new Date(ms).toISOString();
}
