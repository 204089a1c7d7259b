import { z } from "zod";
import { _zodIssues, ValidationError, type ValidationIssue } from "../errors/index.ts";
import { invalidInput } from "./issues.ts";
import { isTimeZone } from "./timeZone.ts";

/**
 * A day of the week: `0` = Sunday, `1` = Monday … `6` = Saturday.
 *
 * @example
 * ```ts
 * const monday: Weekday = 1;
 * ```
 */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * How a fiscal year is divided: `"calendar"` uses calendar months; the retail patterns use 52/53-week years whose
 * 13-week quarters are split into fiscal months of 4, 4 and 5 weeks (or 4-5-4, 5-4-4).
 *
 * @example
 * ```ts
 * const nrf: FiscalPattern = "4-5-4";
 * ```
 */
export type FiscalPattern = "calendar" | "4-4-5" | "4-5-4" | "5-4-4";

/**
 * Where a retail (52/53-week) fiscal year ends: on the last week-ending weekday of the month before the start month
 * (`"last"`), or on the one nearest that month's end (`"nearest"`, which may fall in the first days of the start month).
 *
 * @example
 * ```ts
 * const rule: WeekEndRule = "nearest";
 * ```
 */
export type WeekEndRule = "last" | "nearest";

/**
 * Which calendar year names a fiscal year: `"end"` (FY2027 ends in 2027) or `"start"` (fiscal 2023 starts in 2023).
 *
 * @example
 * ```ts
 * const naming: YearNamedBy = "end";
 * ```
 */
export type YearNamedBy = "end" | "start";

/**
 * The fiscal part of {@link CalendarOptions}.
 *
 * @example
 * ```ts
 * const fiscal: FiscalOptions = { startMonth: 2, pattern: "4-5-4", weekEndRule: "nearest", yearNamedBy: "start" };
 * ```
 */
export interface FiscalOptions {
  /** The calendar month (1–12) the fiscal year starts in, or nominally starts in for retail patterns. Default 1. */
  readonly startMonth?: number;
  /** How the year is divided. Default `"calendar"`. */
  readonly pattern?: FiscalPattern;
  /** Retail patterns only: where the year ends. Default `"last"`. Rejected with the `"calendar"` pattern. */
  readonly weekEndRule?: WeekEndRule;
  /** Which calendar year names the fiscal year. Default `"end"`. */
  readonly yearNamedBy?: YearNamedBy;
}

/**
 * The options of {@link defineCalendar}.
 *
 * @example
 * ```ts
 * const options: CalendarOptions = { timeZone: "Europe/Berlin", weekStartsOn: 1, fiscal: { startMonth: 7 } };
 * ```
 */
export interface CalendarOptions {
  /** An IANA time zone name; period boundaries are local midnights in this zone. */
  readonly timeZone: string;
  /** The first day of a week. Default `1` (Monday). */
  readonly weekStartsOn?: Weekday;
  /** Fiscal settings; without them, fiscal period kinds are rejected. */
  readonly fiscal?: FiscalOptions;
}

/**
 * The resolved fiscal settings of a {@link Calendar}, every default filled in.
 *
 * @example
 * ```ts
 * const settings: FiscalSettings = { startMonth: 1, pattern: "calendar", yearNamedBy: "end" };
 * ```
 */
export interface FiscalSettings {
  /** The calendar month (1–12) the fiscal year (nominally) starts in. */
  readonly startMonth: number;
  /** How the year is divided. */
  readonly pattern: FiscalPattern;
  /** Present for retail patterns only. */
  readonly weekEndRule?: WeekEndRule;
  /** Which calendar year names the fiscal year. */
  readonly yearNamedBy: YearNamedBy;
}

/**
 * A validated, frozen calendar: a time zone, a week start and optional fiscal settings. Make one with
 * {@link defineCalendar}; every period function takes one.
 *
 * @example
 * ```ts
 * const cal: Calendar = defineCalendar({ timeZone: "Asia/Shanghai" });
 * cal.weekStartsOn; // 1
 * ```
 */
export interface Calendar {
  /** The IANA time zone whose local midnights bound periods. */
  readonly timeZone: string;
  /** The first day of a week. */
  readonly weekStartsOn: Weekday;
  /** The fiscal settings, when configured. */
  readonly fiscal?: FiscalSettings;
}

const fiscalSchema = z.strictObject({
  startMonth: z.int().min(1).max(12).optional(),
  pattern: z.enum(["calendar", "4-4-5", "4-5-4", "5-4-4"]).optional(),
  weekEndRule: z.enum(["last", "nearest"]).optional(),
  yearNamedBy: z.enum(["end", "start"]).optional(),
});

const optionsSchema = z.strictObject({
  timeZone: z.string().refine(isTimeZone, {
    message: "expected an IANA time zone name the runtime knows",
    params: { code: "invalid_time_zone" },
  }),
  weekStartsOn: z.int().min(0).max(6).optional(),
  fiscal: fiscalSchema.optional(),
});

const calendars = new WeakSet<Calendar>();

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") return _zodIssues([issue]);
    const custom = issue.code === "custom" ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    return [
      {
        code: typeof custom === "string" ? custom : issue.code,
        path: issue.path,
        message: issue.message,
      },
    ];
  });
}

/**
 * Validates calendar options once and returns a frozen {@link Calendar}.
 *
 * @param options - The time zone, week start and optional fiscal settings.
 * @returns The calendar, with every default filled in.
 * @throws {ValidationError} `invalid_time_zone`, zod codes such as `too_big` or `unrecognized_keys`, or
 * `week_end_rule_requires_retail_pattern` when `weekEndRule` is given with the `"calendar"` pattern.
 * @example
 * ```ts
 * const nrf = defineCalendar({
 *   timeZone: "America/New_York",
 *   weekStartsOn: 0,
 *   fiscal: { startMonth: 2, pattern: "4-5-4", weekEndRule: "nearest", yearNamedBy: "start" },
 * });
 * ```
 */
export function defineCalendar(options: CalendarOptions): Calendar {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new ValidationError("defineCalendar", toIssues(parsed.error));
  const { timeZone, weekStartsOn = 1, fiscal } = parsed.data;
  let settings: FiscalSettings | undefined;
  if (fiscal !== undefined) {
    const pattern = fiscal.pattern ?? "calendar";
    if (pattern === "calendar" && fiscal.weekEndRule !== undefined) {
      throw invalidInput(
        "defineCalendar",
        "week_end_rule_requires_retail_pattern",
        ["fiscal", "weekEndRule"],
        'weekEndRule applies to the 52/53-week patterns ("4-4-5", "4-5-4", "5-4-4"), not to "calendar"',
      );
    }
    const base = { startMonth: fiscal.startMonth ?? 1, pattern, yearNamedBy: fiscal.yearNamedBy ?? "end" } as const;
    settings = Object.freeze(pattern === "calendar" ? base : { ...base, weekEndRule: fiscal.weekEndRule ?? "last" });
  }
  const calendar: Calendar = Object.freeze(
    settings === undefined
      ? { timeZone, weekStartsOn: weekStartsOn as Weekday }
      : { timeZone, weekStartsOn: weekStartsOn as Weekday, fiscal: settings },
  );
  calendars.add(calendar);
  return calendar;
}

/**
 * Tells whether a value is a calendar made by {@link defineCalendar} (in this copy of salesfold).
 *
 * @param value - Anything.
 * @returns `true` for calendars returned by `defineCalendar`.
 * @example
 * ```ts
 * isCalendar(defineCalendar({ timeZone: "UTC" })); // true
 * isCalendar({ timeZone: "UTC", weekStartsOn: 1 }); // false
 * ```
 */
export function isCalendar(value: unknown): value is Calendar {
  return typeof value === "object" && value !== null && calendars.has(value as Calendar);
}

/** Throws `invalid_calendar` unless the value came from {@link defineCalendar}. */
export function requireCalendar(api: string, value: unknown): Calendar {
  if (!isCalendar(value)) {
    throw invalidInput(api, "invalid_calendar", ["calendar"], "expected a calendar made by defineCalendar");
  }
  return value;
}
