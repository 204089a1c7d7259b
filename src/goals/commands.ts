import { z } from "zod";
import { calendarDateSchema, PERIOD_KINDS } from "../core/index.ts";
import {
  adjustmentReasonSchema,
  goalIdSchema,
  goalMetricSchema,
  goalOwnerSchema,
  goalPeriodSchema,
  goalTargetSchema,
  roundingModeSchema,
} from "./schemas.ts";

const text = (max: number) => z.string().min(1).max(max);
const bps = z.number().int().min(0).max(10_000);

function command<const T extends string, S extends z.ZodRawShape>(type: T, data: S) {
  return z.strictObject({ type: z.literal(type), data: z.strictObject(data) });
}

/**
 * Set a goal: metric, target, period, owner, optional parent, a specific description and how it is measured.
 *
 * @example
 * ```ts
 * setGoalSchema.parse({ type: "SetGoal", data: { goalId: "q3", metric: "revenue", target: { amount: 900_000_00, currency: "USD" }, period: { periodId: "2026-Q3", calendar: { timeZone: "Asia/Shanghai" } }, owner: { kind: "company" }, description: "Close USD 900k in Q3", measure: "Revenue-split credit dated in Q3" } });
 * ```
 */
export const setGoalSchema = command("SetGoal", {
  goalId: goalIdSchema,
  metric: goalMetricSchema,
  target: goalTargetSchema,
  period: goalPeriodSchema,
  owner: goalOwnerSchema,
  parentGoalId: goalIdSchema.optional(),
  description: text(1000),
  measure: text(1000),
});

/**
 * Split a goal over owners by weights in basis points (totalling 10,000): each child gets the parent's metric and
 * period and its share of the target.
 *
 * @example
 * ```ts
 * cascadeGoalSchema.parse({ type: "CascadeGoal", data: { parentGoalId: "q3", children: [{ goalId: "q3-ana", owner: { kind: "rep", repId: "rep-ana" }, weightBps: 6000 }, { goalId: "q3-bo", owner: { kind: "rep", repId: "rep-bo" }, weightBps: 4000 }] } });
 * ```
 */
export const cascadeGoalSchema = command("CascadeGoal", {
  parentGoalId: goalIdSchema,
  children: z
    .array(
      z.strictObject({
        goalId: goalIdSchema,
        owner: goalOwnerSchema,
        weightBps: bps,
        description: text(1000).optional(),
      }),
    )
    .min(1)
    .max(500),
});

/**
 * Distribute a goal over its sub-periods (a quarter over its months) by weights in basis points totalling 10,000,
 * one child per sub-period in order; each child keeps the parent's owner and metric.
 *
 * @example
 * ```ts
 * distributeGoalSchema.parse({ type: "DistributeGoal", data: { goalId: "q3", subPeriodKind: "month", children: [{ goalId: "q3-07", weightBps: 3000 }, { goalId: "q3-08", weightBps: 3000 }, { goalId: "q3-09", weightBps: 4000 }] } });
 * ```
 */
export const distributeGoalSchema = command("DistributeGoal", {
  goalId: goalIdSchema,
  subPeriodKind: z.enum(PERIOD_KINDS),
  children: z
    .array(z.strictObject({ goalId: goalIdSchema, weightBps: bps, description: text(1000).optional() }))
    .min(1)
    .max(400),
});

/**
 * Revise a goal that is not locked yet: its target, description or measure.
 *
 * @example
 * ```ts
 * reviseGoalSchema.parse({ type: "ReviseGoal", data: { goalId: "q3", target: { amount: 950_000_00, currency: "USD" } } });
 * ```
 */
export const reviseGoalSchema = z.strictObject({
  type: z.literal("ReviseGoal"),
  data: z
    .strictObject({
      goalId: goalIdSchema,
      target: goalTargetSchema.optional(),
      description: text(1000).optional(),
      measure: text(1000).optional(),
    })
    .refine((d) => d.target !== undefined || d.description !== undefined || d.measure !== undefined, {
      message: "give a target, a description or a measure to revise",
    }),
});

/**
 * Lock a goal once agreed.
 *
 * @example
 * ```ts
 * lockGoalSchema.parse({ type: "LockGoal", data: { goalId: "q3" } });
 * ```
 */
export const lockGoalSchema = command("LockGoal", { goalId: goalIdSchema });

/**
 * Adjust a goal's target mid-period with a reason; allowed on locked goals and kept in the target history.
 *
 * @example
 * ```ts
 * adjustGoalSchema.parse({ type: "AdjustGoal", data: { goalId: "q3", target: { amount: 800_000_00, currency: "USD" }, reason: "market_change", note: "Competitor price cut" } });
 * ```
 */
export const adjustGoalSchema = command("AdjustGoal", {
  goalId: goalIdSchema,
  target: goalTargetSchema,
  reason: adjustmentReasonSchema,
  note: text(1000).optional(),
});

/**
 * Prorate a goal's target for partial participation: by the days the team area counted
 * (`participationIn(...)`), or by explicit inclusive dates, with a declared rounding mode.
 *
 * @example
 * ```ts
 * prorateGoalSchema.parse({ type: "ProrateGoal", data: { goalId: "q3-bo", participation: { source: "dates", from: "2026-08-17" }, rounding: "half_up" } });
 * ```
 */
export const prorateGoalSchema = command("ProrateGoal", {
  goalId: goalIdSchema,
  participation: z.discriminatedUnion("source", [
    z.strictObject({
      source: z.literal("team_participation"),
      days: z.number().int().min(0).max(400),
      periodDays: z.number().int().min(1).max(400),
    }),
    z.strictObject({
      source: z.literal("dates"),
      from: calendarDateSchema.optional(),
      through: calendarDateSchema.optional(),
    }),
  ]),
  rounding: roundingModeSchema,
});

/**
 * Cancel a goal that is not locked.
 *
 * @example
 * ```ts
 * cancelGoalSchema.parse({ type: "CancelGoal", data: { goalId: "q3-bo", reason: "Rep moved to another team" } });
 * ```
 */
export const cancelGoalSchema = command("CancelGoal", { goalId: goalIdSchema, reason: text(500) });

/**
 * Every command of the goal plan decider, discriminated by `type`.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: goalPlanDecider, commands: goalsCommand });
 * ```
 */
export const goalsCommand = z.discriminatedUnion("type", [
  setGoalSchema,
  cascadeGoalSchema,
  distributeGoalSchema,
  reviseGoalSchema,
  lockGoalSchema,
  adjustGoalSchema,
  prorateGoalSchema,
  cancelGoalSchema,
]);

/**
 * A command of the goal plan decider.
 *
 * @example
 * ```ts
 * const c: GoalsCommand = { type: "LockGoal", data: { goalId: "q3" } };
 * ```
 */
export type GoalsCommand = z.infer<typeof goalsCommand>;
