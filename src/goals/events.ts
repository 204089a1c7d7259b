import { z } from "zod";
import { createEventCatalog, type EventOf, defineEvent, instantSchema } from "../core/index.ts";
import {
  adjustmentReasonSchema,
  goalIdSchema,
  goalMetricSchema,
  goalOwnerSchema,
  goalPeriodSchema,
  goalTargetSchema,
  roundingModeSchema,
} from "./schemas.ts";

const actor = z.string().min(1).max(256).optional();
const text = (max: number) => z.string().min(1).max(max);

/**
 * A goal was set (target version 1): a metric, a target, a period, an owner, an optional parent, a specific
 * description and how it will be measured. `basis` says how a child relates to its parent: `split` (same period,
 * another owner) or `seasonal` (a sub-period of the parent's).
 *
 * @example
 * ```ts
 * const e: GoalEvent = { type: "GoalSet", data: { goalId: "q3", metric: "revenue", target: { amount: 900_000_00, currency: "USD" }, period: { periodId: "2026-Q3", calendar: { timeZone: "Asia/Shanghai" } }, owner: { kind: "team", teamId: "team-east" }, description: "East closes USD 900k in Q3", measure: "Revenue-split credit dated in Q3", at: "2026-06-20T09:00:00.000Z" } };
 * ```
 */
export const GoalSet = /* @__PURE__ */ defineEvent(
  "GoalSet",
  z.strictObject({
    goalId: goalIdSchema,
    metric: goalMetricSchema,
    target: goalTargetSchema,
    period: goalPeriodSchema,
    owner: goalOwnerSchema,
    parentGoalId: goalIdSchema.optional(),
    basis: z.enum(["split", "seasonal"]).optional(),
    description: text(1000),
    measure: text(1000),
    actor,
    at: instantSchema,
  }),
);

/**
 * A parent goal was broken down: over owners (`split`, same period) or over sub-periods (`seasonal`), by weights in
 * basis points totalling 10,000. The children's `GoalSet` events come just before it; this records the weights and
 * the targets the allocation gave each child.
 *
 * @example
 * ```ts
 * const e: GoalEvent = { type: "GoalCascaded", data: { parentGoalId: "q3", basis: "split", allocations: [{ goalId: "q3-ana", weightBps: 6000, target: { amount: 540_000_00, currency: "USD" } }, { goalId: "q3-bo", weightBps: 4000, target: { amount: 360_000_00, currency: "USD" } }], at: "2026-06-20T09:00:00.000Z" } };
 * ```
 */
export const GoalCascaded = /* @__PURE__ */ defineEvent(
  "GoalCascaded",
  z.strictObject({
    parentGoalId: goalIdSchema,
    basis: z.enum(["split", "seasonal"]),
    subPeriodKind: z.string().min(1).max(32).optional(),
    allocations: z
      .array(
        z.strictObject({
          goalId: goalIdSchema,
          weightBps: z.number().int().min(0).max(10_000),
          target: goalTargetSchema,
        }),
      )
      .min(1)
      .max(500),
    actor,
    at: instantSchema,
  }),
);

/**
 * An unlocked goal was revised before agreement: a new target version and/or a new description or measure.
 *
 * @example
 * ```ts
 * const e: GoalEvent = { type: "GoalRevised", data: { goalId: "q3", version: 2, target: { amount: 950_000_00, currency: "USD" }, description: "East closes USD 950k in Q3", measure: "Revenue-split credit dated in Q3", at: "2026-06-21T09:00:00.000Z" } };
 * ```
 */
export const GoalRevised = /* @__PURE__ */ defineEvent(
  "GoalRevised",
  z.strictObject({
    goalId: goalIdSchema,
    version: z.number().int().min(2),
    /** The new full target; absent when only the wording changed, which leaves the target (and any proration) as it is. */
    target: goalTargetSchema.optional(),
    description: text(1000),
    measure: text(1000),
    actor,
    at: instantSchema,
  }),
);

/**
 * A goal was agreed and locked: from now on only an explicit adjustment (or a proration) changes its target.
 *
 * @example
 * ```ts
 * const e: GoalEvent = { type: "GoalLocked", data: { goalId: "q3", actor: "user:li", at: "2026-06-30T09:00:00.000Z" } };
 * ```
 */
export const GoalLocked = /* @__PURE__ */ defineEvent(
  "GoalLocked",
  z.strictObject({ goalId: goalIdSchema, actor, at: instantSchema }),
);

/**
 * A goal's target was adjusted mid-period, with a reason: a new target version; the previous one stays in history.
 *
 * @example
 * ```ts
 * const e: GoalEvent = { type: "GoalAdjusted", data: { goalId: "q3", version: 2, previousTarget: { amount: 900_000_00, currency: "USD" }, target: { amount: 800_000_00, currency: "USD" }, reason: "market_change", note: "Competitor price cut", actor: "user:li", at: "2026-08-10T09:00:00.000Z" } };
 * ```
 */
export const GoalAdjusted = /* @__PURE__ */ defineEvent(
  "GoalAdjusted",
  z.strictObject({
    goalId: goalIdSchema,
    version: z.number().int().min(2),
    previousTarget: goalTargetSchema,
    target: goalTargetSchema,
    reason: adjustmentReasonSchema,
    note: text(1000).optional(),
    actor,
    at: instantSchema,
  }),
);

/**
 * A goal's target was prorated for partial participation: `target = fullTarget × days / periodDays`, rounded once
 * with the declared mode. Prorating again starts from the same full target, never from a prorated one.
 *
 * @example
 * ```ts
 * const e: GoalEvent = { type: "GoalProrated", data: { goalId: "q3-bo", version: 2, fullTarget: { amount: 360_000_00, currency: "USD" }, target: { amount: 180_000_00, currency: "USD" }, days: 46, periodDays: 92, rounding: "half_up", source: "team_participation", at: "2026-08-17T09:00:00.000Z" } };
 * ```
 */
export const GoalProrated = /* @__PURE__ */ defineEvent(
  "GoalProrated",
  z.strictObject({
    goalId: goalIdSchema,
    version: z.number().int().min(2),
    fullTarget: goalTargetSchema,
    target: goalTargetSchema,
    days: z.number().int().min(0),
    periodDays: z.number().int().min(1),
    rounding: roundingModeSchema,
    source: z.enum(["team_participation", "dates"]),
    actor,
    at: instantSchema,
  }),
);

/**
 * A goal was cancelled: it no longer counts in attainment, pacing or mismatch reports.
 *
 * @example
 * ```ts
 * const e: GoalEvent = { type: "GoalCancelled", data: { goalId: "q3-bo", reason: "Rep moved to another team", at: "2026-07-05T09:00:00.000Z" } };
 * ```
 */
export const GoalCancelled = /* @__PURE__ */ defineEvent(
  "GoalCancelled",
  z.strictObject({ goalId: goalIdSchema, reason: text(500), actor, at: instantSchema }),
);

/**
 * The catalog of the goals area's events.
 *
 * @example
 * ```ts
 * goalsEvents.types.includes("GoalAdjusted"); // true
 * ```
 */
export const goalsEvents = /* @__PURE__ */ createEventCatalog([
  GoalSet,
  GoalCascaded,
  GoalRevised,
  GoalLocked,
  GoalAdjusted,
  GoalProrated,
  GoalCancelled,
]);

/**
 * Any event of the goals area.
 *
 * @example
 * ```ts
 * function isLock(e: GoalEvent) { return e.type === "GoalLocked"; }
 * ```
 */
export type GoalEvent =
  | EventOf<typeof GoalSet>
  | EventOf<typeof GoalCascaded>
  | EventOf<typeof GoalRevised>
  | EventOf<typeof GoalLocked>
  | EventOf<typeof GoalAdjusted>
  | EventOf<typeof GoalProrated>
  | EventOf<typeof GoalCancelled>;
