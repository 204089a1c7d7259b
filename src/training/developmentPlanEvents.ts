import { z } from "zod";
import { calendarDateSchema, createEventCatalog, defineEvent, type EventOf, instantSchema } from "../core/index.ts";

const id = z.string().min(1).max(128);
const line = z.string().min(1).max(500);
const text = z.string().min(1).max(5000);

/**
 * A development gap: what to improve, optionally traced to an appraisal KPI in a cycle with the score found and the
 * score aimed for (thousandths of a point on the cycle's scale).
 *
 * @example
 * ```ts
 * const gap: DevelopmentGap = { gapId: "g-win", description: "Closing", kpiId: "win_rate", cycleId: "q3", currentMilli: 2_500, targetMilli: 3_500 };
 * ```
 */
export const developmentGapSchema = z.strictObject({
  gapId: id,
  description: line,
  kpiId: id.optional(),
  cycleId: id.optional(),
  currentMilli: z.number().int().min(0).max(1_000_000).optional(),
  targetMilli: z.number().int().min(0).max(1_000_000).optional(),
});

/**
 * A development gap (see {@link developmentGapSchema}).
 *
 * @example
 * ```ts
 * const gap: DevelopmentGap = { gapId: "g-lead", description: "Lead a team meeting" };
 * ```
 */
export type DevelopmentGap = z.infer<typeof developmentGapSchema>;

/**
 * An objective of a development plan: what to do by when, addressing a gap, and optionally through a course or
 * towards a skill.
 *
 * @example
 * ```ts
 * const o: DevelopmentObjective = { objectiveId: "o1", description: "Pass negotiation course", gapId: "g-win", courseId: "c-neg", dueOn: "2026-12-15" };
 * ```
 */
export const developmentObjectiveSchema = z.strictObject({
  objectiveId: id,
  description: line,
  gapId: id.optional(),
  courseId: id.optional(),
  skillId: id.optional(),
  dueOn: calendarDateSchema,
});

/**
 * A development objective (see {@link developmentObjectiveSchema}).
 *
 * @example
 * ```ts
 * const o: DevelopmentObjective = { objectiveId: "o2", description: "Run two demos solo", dueOn: "2026-11-30" };
 * ```
 */
export type DevelopmentObjective = z.infer<typeof developmentObjectiveSchema>;

/**
 * An individual development plan was created for a rep (source article §5.2): the career goal, the gaps (from appraisals) and
 * the objectives.
 *
 * @example
 * ```ts
 * const e = { type: "DevelopmentPlanCreated", data: { planId: "idp-ana", repId: "rep-ana", managerId: "mgr-li", careerGoal: "Team lead in 2027",
 *   gaps: [{ gapId: "g1", description: "Coaching others" }], objectives: [{ objectiveId: "o1", description: "Mentor a new hire", gapId: "g1", dueOn: "2026-12-31" }], createdAt: "2026-10-02T09:00:00.000Z" } };
 * ```
 */
export const DevelopmentPlanCreated = /* @__PURE__ */ defineEvent(
  "DevelopmentPlanCreated",
  z.strictObject({
    planId: id,
    repId: id,
    managerId: id,
    careerGoal: line,
    gaps: z.array(developmentGapSchema).max(50),
    objectives: z.array(developmentObjectiveSchema).min(1).max(100),
    createdAt: instantSchema,
  }),
);

/**
 * An objective was added to a development plan.
 *
 * @example
 * ```ts
 * const e = { type: "DevelopmentObjectiveAdded", data: { planId: "idp-ana", objective: { objectiveId: "o2", description: "Lead a weekly meeting", dueOn: "2026-11-30" } } };
 * ```
 */
export const DevelopmentObjectiveAdded = /* @__PURE__ */ defineEvent(
  "DevelopmentObjectiveAdded",
  z.strictObject({ planId: id, objective: developmentObjectiveSchema }),
);

/**
 * An objective of a development plan was achieved.
 *
 * @example
 * ```ts
 * const e = { type: "DevelopmentObjectiveCompleted", data: { planId: "idp-ana", objectiveId: "o1", completedOn: "2026-11-20" } };
 * ```
 */
export const DevelopmentObjectiveCompleted = /* @__PURE__ */ defineEvent(
  "DevelopmentObjectiveCompleted",
  z.strictObject({ planId: id, objectiveId: id, completedOn: calendarDateSchema, note: line.optional() }),
);

/**
 * The plan was reviewed in a meeting (a 1:1), with a note.
 *
 * @example
 * ```ts
 * const e = { type: "DevelopmentPlanReviewed", data: { planId: "idp-ana", meetingId: "1on1-ana-w42", reviewerId: "mgr-li", reviewedOn: "2026-10-16", note: "On track" } };
 * ```
 */
export const DevelopmentPlanReviewed = /* @__PURE__ */ defineEvent(
  "DevelopmentPlanReviewed",
  z.strictObject({ planId: id, meetingId: id, reviewerId: id, reviewedOn: calendarDateSchema, note: text }),
);

/**
 * The plan was closed with an outcome.
 *
 * @example
 * ```ts
 * const e = { type: "DevelopmentPlanClosed", data: { planId: "idp-ana", outcome: "achieved", note: "Promoted", closedAt: "2027-01-10T09:00:00.000Z" } };
 * ```
 */
export const DevelopmentPlanClosed = /* @__PURE__ */ defineEvent(
  "DevelopmentPlanClosed",
  z.strictObject({
    planId: id,
    outcome: z.enum(["achieved", "partially_achieved", "abandoned"]),
    note: text,
    closedAt: instantSchema,
  }),
);

/**
 * An event of a development plan stream.
 *
 * @example
 * ```ts
 * const e: DevelopmentPlanEvent = { type: "DevelopmentObjectiveCompleted", data: { planId: "idp-ana", objectiveId: "o1", completedOn: "2026-11-20" } };
 * ```
 */
export type DevelopmentPlanEvent =
  | EventOf<typeof DevelopmentPlanCreated>
  | EventOf<typeof DevelopmentObjectiveAdded>
  | EventOf<typeof DevelopmentObjectiveCompleted>
  | EventOf<typeof DevelopmentPlanReviewed>
  | EventOf<typeof DevelopmentPlanClosed>;

/**
 * The events of development plan streams.
 *
 * @example
 * ```ts
 * developmentPlanEvents.types.includes("DevelopmentPlanReviewed"); // true
 * ```
 */
export const developmentPlanEvents = /* @__PURE__ */ createEventCatalog([
  DevelopmentPlanCreated,
  DevelopmentObjectiveAdded,
  DevelopmentObjectiveCompleted,
  DevelopmentPlanReviewed,
  DevelopmentPlanClosed,
]);
