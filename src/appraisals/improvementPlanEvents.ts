import { z } from "zod";
import { calendarDateSchema, createEventCatalog, defineEvent, type EventOf, instantSchema } from "../core/index.ts";
import { _id } from "./values.ts";

const text = z.string().min(1).max(2000);

/**
 * A goal of an improvement plan: what must improve and how it is measured.
 *
 * @example
 * ```ts
 * const goal: ImprovementGoal = { goalId: "g1", description: "Lift win rate", measure: "win rate ≥ 25% over 60 days" };
 * ```
 */
export const improvementGoalSchema = z.strictObject({
  goalId: _id,
  description: text,
  measure: text,
});

/**
 * A goal of an improvement plan (see {@link improvementGoalSchema}).
 *
 * @example
 * ```ts
 * const goal: ImprovementGoal = { goalId: "g2", description: "Log every call", measure: "100% of calls logged weekly" };
 * ```
 */
export type ImprovementGoal = z.infer<typeof improvementGoalSchema>;

/**
 * An improvement plan was started for a rep by their manager, optionally from a review cycle, with its goals and its
 * dates (`startsOn` to `endsOn`, both inclusive).
 *
 * @example
 * ```ts
 * const e = { type: "ImprovementPlanStarted", data: { planId: "pip-1", repId: "rep-bo", managerId: "mgr-li", cycleId: "q3", reason: "Q3 score 1.8",
 *   goals: [{ goalId: "g1", description: "Lift win rate", measure: "≥ 25%" }], startsOn: "2026-10-01", endsOn: "2026-11-30", startedAt: "2026-10-01T09:00:00.000Z" } };
 * ```
 */
export const ImprovementPlanStarted = /* @__PURE__ */ defineEvent(
  "ImprovementPlanStarted",
  z.strictObject({
    planId: _id,
    repId: _id,
    managerId: _id,
    cycleId: _id.optional(),
    reason: text,
    goals: z.array(improvementGoalSchema).min(1).max(20),
    startsOn: calendarDateSchema,
    endsOn: calendarDateSchema,
    startedAt: instantSchema,
  }),
);

/**
 * An action item was added to the plan: what to do, who owns it and when it is due.
 *
 * @example
 * ```ts
 * const e = { type: "ImprovementActionAdded", data: { planId: "pip-1", actionId: "a1", description: "Shadow Ana on 3 demos", ownerId: "rep-bo", dueOn: "2026-10-15" } };
 * ```
 */
export const ImprovementActionAdded = /* @__PURE__ */ defineEvent(
  "ImprovementActionAdded",
  z.strictObject({ planId: _id, actionId: _id, description: text, ownerId: _id, dueOn: calendarDateSchema }),
);

/**
 * An action item of the plan was completed.
 *
 * @example
 * ```ts
 * const e = { type: "ImprovementActionCompleted", data: { planId: "pip-1", actionId: "a1", completedOn: "2026-10-12" } };
 * ```
 */
export const ImprovementActionCompleted = /* @__PURE__ */ defineEvent(
  "ImprovementActionCompleted",
  z.strictObject({ planId: _id, actionId: _id, completedOn: calendarDateSchema, note: text.optional() }),
);

/**
 * A check-in on the plan: a note and the status of each goal reviewed.
 *
 * @example
 * ```ts
 * const e = { type: "ImprovementCheckInRecorded", data: { planId: "pip-1", checkInId: "c1", heldOn: "2026-10-15", note: "Better discovery calls",
 *   goalStatus: [{ goalId: "g1", status: "on_track" }], recordedBy: "mgr-li" } };
 * ```
 */
export const ImprovementCheckInRecorded = /* @__PURE__ */ defineEvent(
  "ImprovementCheckInRecorded",
  z.strictObject({
    planId: _id,
    checkInId: _id,
    heldOn: calendarDateSchema,
    note: text,
    goalStatus: z
      .array(z.strictObject({ goalId: _id, status: z.enum(["on_track", "at_risk", "off_track", "met"]) }))
      .max(20),
    recordedBy: _id,
  }),
);

/**
 * The rep acknowledged the plan (they have read it, not necessarily agreed), with an optional comment.
 *
 * @example
 * ```ts
 * const e = { type: "ImprovementPlanAcknowledged", data: { planId: "pip-1", repId: "rep-bo", acknowledgedAt: "2026-10-02T09:00:00.000Z" } };
 * ```
 */
export const ImprovementPlanAcknowledged = /* @__PURE__ */ defineEvent(
  "ImprovementPlanAcknowledged",
  z.strictObject({ planId: _id, repId: _id, acknowledgedAt: instantSchema, comment: text.optional() }),
);

/**
 * The plan's end date was moved later, with the reason.
 *
 * @example
 * ```ts
 * const e = { type: "ImprovementPlanExtended", data: { planId: "pip-1", endsOn: "2026-12-31", reason: "holiday season" } };
 * ```
 */
export const ImprovementPlanExtended = /* @__PURE__ */ defineEvent(
  "ImprovementPlanExtended",
  z.strictObject({ planId: _id, endsOn: calendarDateSchema, reason: text }),
);

/**
 * The plan ended with an outcome: `succeeded`, `not_succeeded` or `cancelled`, and a summary.
 *
 * @example
 * ```ts
 * const e = { type: "ImprovementPlanClosed", data: { planId: "pip-1", outcome: "succeeded", summary: "Win rate 31%", closedAt: "2026-11-30T18:00:00.000Z" } };
 * ```
 */
export const ImprovementPlanClosed = /* @__PURE__ */ defineEvent(
  "ImprovementPlanClosed",
  z.strictObject({
    planId: _id,
    outcome: z.enum(["succeeded", "not_succeeded", "cancelled"]),
    summary: text,
    closedAt: instantSchema,
  }),
);

/**
 * An event of an improvement plan stream.
 *
 * @example
 * ```ts
 * const e: ImprovementPlanEvent = { type: "ImprovementActionCompleted", data: { planId: "pip-1", actionId: "a1", completedOn: "2026-10-12" } };
 * ```
 */
export type ImprovementPlanEvent =
  | EventOf<typeof ImprovementPlanStarted>
  | EventOf<typeof ImprovementActionAdded>
  | EventOf<typeof ImprovementActionCompleted>
  | EventOf<typeof ImprovementCheckInRecorded>
  | EventOf<typeof ImprovementPlanAcknowledged>
  | EventOf<typeof ImprovementPlanExtended>
  | EventOf<typeof ImprovementPlanClosed>;

/**
 * The events of improvement plan streams.
 *
 * @example
 * ```ts
 * improvementPlanEvents.types.includes("ImprovementPlanAcknowledged"); // true
 * ```
 */
export const improvementPlanEvents = /* @__PURE__ */ createEventCatalog([
  ImprovementPlanStarted,
  ImprovementActionAdded,
  ImprovementActionCompleted,
  ImprovementCheckInRecorded,
  ImprovementPlanAcknowledged,
  ImprovementPlanExtended,
  ImprovementPlanClosed,
]);
