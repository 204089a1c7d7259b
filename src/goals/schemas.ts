import { z } from "zod";
import {
  type Calendar,
  type CalendarOptions,
  defineCalendar,
  isTimeZone,
  type Money,
  type Period,
  periodById,
} from "../core/index.ts";

/**
 * A goal id, member id or team id in the goals area: 1 to 128 characters.
 *
 * @example
 * ```ts
 * goalIdSchema.parse("q3-east"); // "q3-east"
 * ```
 */
export const goalIdSchema = z.string().min(1).max(128);

/**
 * What a goal measures: a built-in metric or `{ custom: name }`. `revenue` and `gross_margin` take Money targets;
 * `units`, `new_customers`, `deal_count` and `activity_count` take counts; a custom metric takes either.
 *
 * @example
 * ```ts
 * goalMetricSchema.parse("revenue");
 * goalMetricSchema.parse({ custom: "demos_booked" });
 * ```
 */
export const goalMetricSchema = z.union([
  z.enum(["revenue", "gross_margin", "units", "new_customers", "deal_count", "activity_count"]),
  z.strictObject({ custom: z.string().min(1).max(100) }),
]);

/**
 * A goal's metric.
 *
 * @example
 * ```ts
 * const metric: GoalMetric = "deal_count";
 * ```
 */
export type GoalMetric = z.infer<typeof goalMetricSchema>;

/**
 * The metrics whose targets are Money.
 *
 * @example
 * ```ts
 * MONEY_METRICS.includes("gross_margin"); // true
 * ```
 */
export const MONEY_METRICS: readonly string[] = Object.freeze(["revenue", "gross_margin"]);

/**
 * A non-negative Money value (a target cannot be negative).
 *
 * @example
 * ```ts
 * nonNegativeMoneySchema.parse({ amount: 100_000_00, currency: "CNY" });
 * ```
 */
export const nonNegativeMoneySchema = z.strictObject({
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code of three capital letters"),
});

/**
 * A count target: a non-negative integer.
 *
 * @example
 * ```ts
 * countTargetSchema.parse({ count: 12 });
 * ```
 */
export const countTargetSchema = z.strictObject({ count: z.number().int().min(0).max(1_000_000_000_000) });

/**
 * A goal's target: Money for money metrics, `{ count }` otherwise.
 *
 * @example
 * ```ts
 * goalTargetSchema.parse({ amount: 500_000_00, currency: "USD" });
 * goalTargetSchema.parse({ count: 40 });
 * ```
 */
export const goalTargetSchema = z.union([nonNegativeMoneySchema, countTargetSchema]);

/**
 * A target, or an achieved figure: Money or a count.
 *
 * @example
 * ```ts
 * const t: GoalTarget = { count: 40 };
 * ```
 */
export type GoalTarget = Money | { readonly count: number };

/**
 * Tells whether a target is Money.
 *
 * @param target - A target.
 * @returns `true` when it has a currency.
 * @example
 * ```ts
 * isMoneyTarget({ amount: 100, currency: "USD" }); // true
 * ```
 */
export function isMoneyTarget(target: GoalTarget): target is Money {
  return "currency" in target;
}

/**
 * The integer a target counts: minor units for Money, the count otherwise.
 *
 * @param target - A target.
 * @returns Its integer size.
 * @example
 * ```ts
 * targetUnits({ count: 4 }); // 4
 * ```
 */
export function targetUnits(target: GoalTarget): number {
  return isMoneyTarget(target) ? target.amount : target.count;
}

/**
 * Options of a calendar (`CalendarOptions` of the periods module) as a strict schema, so a goal stores what it
 * needs to recompute its period.
 *
 * @example
 * ```ts
 * calendarOptionsSchema.parse({ timeZone: "Asia/Shanghai", fiscal: { startMonth: 4 } });
 * ```
 */
export const calendarOptionsSchema = z.strictObject({
  timeZone: z.string().max(100).refine(isTimeZone, { message: "expected an IANA time zone name" }),
  weekStartsOn: z.literal([0, 1, 2, 3, 4, 5, 6]).optional(),
  fiscal: z
    .strictObject({
      startMonth: z.number().int().min(1).max(12).optional(),
      pattern: z.enum(["calendar", "4-4-5", "4-5-4", "5-4-4"]).optional(),
      weekEndRule: z.enum(["last", "nearest"]).optional(),
      yearNamedBy: z.enum(["end", "start"]).optional(),
    })
    .optional(),
});

/**
 * A goal's period: a period id and the calendar options that define it. It must resolve with the periods module.
 *
 * @example
 * ```ts
 * goalPeriodSchema.parse({ periodId: "2026-Q3", calendar: { timeZone: "Asia/Shanghai" } });
 * ```
 */
export const goalPeriodSchema = z
  .strictObject({ periodId: z.string().min(1).max(32), calendar: calendarOptionsSchema })
  .superRefine((value, ctx) => {
    try {
      resolveGoalPeriod(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["periodId"], message: (error as Error).message });
    }
  });

/**
 * A goal's period, as stored.
 *
 * @example
 * ```ts
 * const p: GoalPeriod = { periodId: "FY2027-Q1", calendar: { timeZone: "Asia/Shanghai", fiscal: { startMonth: 4 } } };
 * ```
 */
export interface GoalPeriod {
  readonly periodId: string;
  readonly calendar: CalendarOptions;
}

/**
 * Recomputes a goal's calendar and period, deterministically, with the periods module.
 *
 * @param goalPeriod - The period id and calendar options.
 * @returns The calendar and the period.
 * @throws {@link ValidationError} when the calendar options or the period id are invalid.
 * @example
 * ```ts
 * resolveGoalPeriod({ periodId: "2026-Q3", calendar: { timeZone: "Asia/Shanghai" } }).period.startDate; // "2026-07-01"
 * ```
 */
export function resolveGoalPeriod(goalPeriod: GoalPeriod): { calendar: Calendar; period: Period } {
  const calendar = defineCalendar(goalPeriod.calendar);
  return { calendar, period: periodById(calendar, goalPeriod.periodId) };
}

/**
 * Who owns a goal: the company, a team or a rep.
 *
 * @example
 * ```ts
 * goalOwnerSchema.parse({ kind: "team", teamId: "team-east" });
 * ```
 */
export const goalOwnerSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("company") }),
  z.strictObject({ kind: z.literal("team"), teamId: goalIdSchema }),
  z.strictObject({ kind: z.literal("rep"), repId: goalIdSchema }),
]);

/**
 * A goal's owner.
 *
 * @example
 * ```ts
 * const owner: GoalOwner = { kind: "rep", repId: "rep-ana" };
 * ```
 */
export type GoalOwner = z.infer<typeof goalOwnerSchema>;

/**
 * Why a locked goal's target was adjusted mid-period.
 *
 * @example
 * ```ts
 * adjustmentReasonSchema.parse("market_change");
 * ```
 */
export const adjustmentReasonSchema = z.enum([
  "market_change",
  "territory_change",
  "ramp",
  "leave",
  "correction",
  "other",
]);

/**
 * A rounding mode of the money module, as a schema.
 *
 * @example
 * ```ts
 * roundingModeSchema.parse("half_even");
 * ```
 */
export const roundingModeSchema = z.enum(["half_up", "half_down", "half_even", "up", "down", "ceiling", "floor"]);
