import {
  bucketKey,
  type Calendar,
  type CalendarDate,
  type CalendarOptions,
  defineCalendar,
  type Instant,
  isCalendar,
  isPeriodKind,
  type Period,
  type PeriodKind,
  periodById,
  periodContaining,
  ValidationError,
} from "../core/index.ts";

/**
 * Options of {@link bucketing}: the period kind to bucket by, and the calendar (or its options) that places
 * instants and dates in periods.
 *
 * @example
 * ```ts
 * const options: BucketingOptions = { by: "fiscal_quarter", calendar: { timeZone: "Asia/Shanghai", fiscal: { startMonth: 4 } } };
 * ```
 */
export interface BucketingOptions {
  /** `day`, `week`, `month`, `quarter`, `year`, or a fiscal kind (`fiscal_month`, `fiscal_quarter`, …). */
  readonly by: PeriodKind;
  /** A calendar from `defineCalendar`, or the options to define one (a time zone, a week start, fiscal settings). */
  readonly calendar: Calendar | CalendarOptions;
}

/**
 * A way of cutting time into periods for a custom projection: the key of the period holding an instant or a
 * calendar date, and the period behind a key.
 *
 * @example
 * ```ts
 * const byMonth = bucketing({ by: "month", calendar: { timeZone: "Asia/Shanghai" } });
 * byMonth.key("2026-06-30T16:30:00Z"); // "2026-07" (00:30 on 1 July in Shanghai)
 * ```
 */
export interface Bucketing {
  /** The calendar periods are placed in. */
  readonly calendar: Calendar;
  /** The period kind of every key. */
  readonly kind: PeriodKind;
  /** The id of the period holding an instant, in the calendar's time zone: `2026-07`, `2026-Q3`, `2026-W27`, `FY2027-Q1`. */
  key(instant: Instant): string;
  /** The id of the period holding a local calendar date (a close date), never shifted through UTC. */
  keyOfDate(date: CalendarDate): string;
  /** The period behind a key: its half-open `[start, end)` instants and local dates. */
  period(key: string): Period;
}

/**
 * Builds a bucketing helper over the periods module: the one line a custom projection needs to group facts by
 * week, month, quarter or fiscal period in a business time zone. Periods are half-open `[start, end)` local
 * midnights of the calendar's zone; weeks start on the calendar's `weekStartsOn` (Monday by default).
 *
 * @param options - The period kind and the calendar.
 * @returns A frozen {@link Bucketing}.
 * @throws {@link ValidationError} `invalid_period_kind` for an unknown kind; the calendar's own errors for bad options
 * (a fiscal kind needs fiscal settings).
 * @example
 * ```ts
 * import { bucketing } from "salesfold/sales";
 * const fiscal = bucketing({ by: "fiscal_quarter", calendar: { timeZone: "America/New_York", fiscal: { startMonth: 2 } } });
 * fiscal.key("2026-03-01T12:00:00Z"); // "FY2027-Q1"
 * fiscal.keyOfDate("2026-04-30"); // "FY2027-Q1"
 * ```
 */
export function bucketing(options: BucketingOptions): Bucketing {
  if (!isPeriodKind(options?.by)) {
    throw new ValidationError("bucketing", [
      {
        code: "invalid_period_kind",
        path: ["by"],
        message: `expected day, week, month, quarter, year or a fiscal kind, got ${JSON.stringify(options?.by)}`,
      },
    ]);
  }
  const calendar = isCalendar(options.calendar) ? options.calendar : defineCalendar(options.calendar);
  const kind = options.by;
  // Fail now, not on the first event: a fiscal kind without fiscal settings is refused here.
  bucketKey(calendar, kind, "2000-01-01T00:00:00.000Z");
  return Object.freeze({
    calendar,
    kind,
    key: (instant: Instant) => bucketKey(calendar, kind, instant),
    keyOfDate: (date: CalendarDate) => periodContaining(calendar, kind, date).id,
    period: (key: string) => periodById(calendar, key),
  });
}
