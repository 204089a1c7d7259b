import fc from "fast-check";
import {
  type Calendar,
  type CalendarDate,
  defineCalendar,
  type FiscalOptions,
  isFiscalKind,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  periodOf,
  type Weekday,
} from "../../core/periods/index.ts";

/**
 * Time zones with something to test: DST at 02:00 or at midnight (Havana, Santiago), half- and quarter-hour offsets
 * (Kolkata, Kathmandu, St John's), a 30-minute DST shift (Lord Howe), +12:45/+13:45 (Chatham), +14 (Kiritimati).
 *
 * @example
 * ```ts
 * INTERESTING_TIME_ZONES.includes("Pacific/Chatham"); // true
 * ```
 */
export const INTERESTING_TIME_ZONES = Object.freeze([
  "UTC",
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Shanghai",
  "Pacific/Chatham",
  "Australia/Lord_Howe",
  "America/Santiago",
  "America/Havana",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Pacific/Kiritimati",
] as const);

const DAY_MS = 86_400_000;
const DEFAULT_MIN_MS = Date.UTC(2000, 0, 1);
const DEFAULT_MAX_MS = Date.UTC(2101, 0, 1) - 1;

function dayNumberOf(date: CalendarDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const ms = new Date(0).setUTCFullYear(y, m - 1, d);
  return Math.floor(ms / DAY_MS);
}

function formatDay(dayNumber: number): CalendarDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function instantMs(value: string | number | Date | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return typeof value === "number" ? value : new Date(value).getTime();
}

/**
 * An IANA time zone from {@link INTERESTING_TIME_ZONES}.
 *
 * @returns An arbitrary of zone names.
 * @example
 * ```ts
 * fc.assert(fc.property(arbTimeZone(), (tz) => isTimeZone(tz)));
 * ```
 */
export function arbTimeZone(): fc.Arbitrary<string> {
  return fc.constantFrom(...INTERESTING_TIME_ZONES);
}

/**
 * Fiscal options: any start month, pattern, 53-week rule and naming.
 *
 * @returns An arbitrary of {@link FiscalOptions} that {@link defineCalendar} accepts.
 * @example
 * ```ts
 * fc.sample(arbFiscalOptions(), 1)[0]; // e.g. { startMonth: 7, pattern: "4-4-5", weekEndRule: "nearest", ... }
 * ```
 */
export function arbFiscalOptions(): fc.Arbitrary<FiscalOptions> {
  return fc
    .record({
      startMonth: fc.integer({ min: 1, max: 12 }),
      pattern: fc.constantFrom("calendar", "4-4-5", "4-5-4", "5-4-4"),
      weekEndRule: fc.constantFrom("last", "nearest"),
      yearNamedBy: fc.constantFrom("end", "start"),
    })
    .map(({ weekEndRule, ...rest }) => (rest.pattern === "calendar" ? rest : { ...rest, weekEndRule }));
}

/**
 * A calendar with an interesting zone, any week start and, usually, fiscal settings.
 *
 * @param options - `fiscal: true` to always include fiscal settings, `false` to never; mixed by default.
 * @returns An arbitrary of frozen calendars from {@link defineCalendar}.
 * @example
 * ```ts
 * fc.assert(fc.property(arbCalendar({ fiscal: true }), (cal) => cal.fiscal !== undefined));
 * ```
 */
export function arbCalendar(options: { fiscal?: boolean } = {}): fc.Arbitrary<Calendar> {
  const fiscal =
    options.fiscal === true
      ? arbFiscalOptions()
      : options.fiscal === false
        ? fc.constant(undefined)
        : fc.option(arbFiscalOptions(), { freq: 4, nil: undefined });
  return fc
    .record({
      timeZone: arbTimeZone(),
      weekStartsOn: fc.integer({ min: 0, max: 6 }).map((n) => n as Weekday),
      fiscal,
    })
    .map(({ fiscal: f, ...rest }) => defineCalendar(f === undefined ? rest : { ...rest, fiscal: f }));
}

/**
 * A real calendar date `YYYY-MM-DD`, 2000-01-01 to 2100-12-31 unless bounded.
 *
 * @param bounds - Inclusive `min` and `max` dates.
 * @returns An arbitrary of calendar dates.
 * @example
 * ```ts
 * fc.assert(fc.property(arbCalendarDate({ min: "2024-01-01", max: "2024-12-31" }), (d) => d.startsWith("2024")));
 * ```
 */
export function arbCalendarDate(bounds: { min?: CalendarDate; max?: CalendarDate } = {}): fc.Arbitrary<CalendarDate> {
  const min = dayNumberOf(bounds.min ?? "2000-01-01");
  const max = dayNumberOf(bounds.max ?? "2100-12-31");
  return fc.integer({ min, max }).map(formatDay);
}

/**
 * An instant as an ISO-8601 string, in 2000–2100 unless bounded, written either in UTC (`…Z`) or with a whole- or
 * part-hour offset (`…+05:30`) to exercise parsing.
 *
 * @param bounds - Inclusive `min` and `max` instants (ISO strings, epoch milliseconds or Dates).
 * @returns An arbitrary of ISO instant strings.
 * @example
 * ```ts
 * fc.assert(fc.property(arbInstant(), (s) => !Number.isNaN(Date.parse(s))));
 * ```
 */
export function arbInstant(
  bounds: { min?: string | number | Date; max?: string | number | Date } = {},
): fc.Arbitrary<string> {
  const min = instantMs(bounds.min, DEFAULT_MIN_MS);
  const max = instantMs(bounds.max, DEFAULT_MAX_MS);
  const offsets = fc.constantFrom(0, 0, 60, -300, 330, 345, -210, 765, 840, -660);
  return fc.tuple(fc.integer({ min, max }), offsets).map(([ms, offset]) => {
    if (offset === 0) return new Date(ms).toISOString();
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
    const abs = Math.abs(offset);
    const hh = String(Math.floor(abs / 60)).padStart(2, "0");
    const mm = String(abs % 60).padStart(2, "0");
    return `${local}${offset < 0 ? "-" : "+"}${hh}:${mm}`;
  });
}

/**
 * A period containing an arbitrary instant of 2000–2100.
 *
 * @param calendar - A fixed calendar, or any from {@link arbCalendar}.
 * @param kind - A fixed kind, or any kind the calendar supports (fiscal kinds need fiscal settings).
 * @returns An arbitrary of periods.
 * @example
 * ```ts
 * fc.assert(fc.property(arbPeriod(cal, "month"), (p) => periodDays(p) >= 28));
 * ```
 */
export function arbPeriod(calendar?: Calendar, kind?: PeriodKind): fc.Arbitrary<Period> {
  const calendars = calendar === undefined ? arbCalendar() : fc.constant(calendar);
  return calendars.chain((cal) => {
    const kinds =
      kind !== undefined
        ? fc.constant(kind)
        : fc.constantFrom(...PERIOD_KINDS.filter((k) => cal.fiscal !== undefined || !isFiscalKind(k)));
    return fc.tuple(kinds, arbInstant()).map(([k, instant]) => periodOf(cal, k, instant));
  });
}
