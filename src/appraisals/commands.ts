import { z } from "zod";
import { calendarDateSchema } from "../core/index.ts";
import { improvementGoalSchema } from "./improvementPlanEvents.ts";
import {
  _id,
  cyclePeriodSchema,
  feedbackKindSchema,
  feedbackVisibilitySchema,
  kpiDefinitionSchema,
  kpiIdSchema,
  participantSchema,
  populationFilterSchema,
  ratingsSchema,
  scaleSchema,
} from "./values.ts";

const text = z.string().min(1).max(2000);
const reason = z.string().min(1).max(1000);
const empty = z.strictObject({});

/**
 * The commands of a review cycle (one stream per cycle):
 * - `OpenReviewCycle`: define the period, scale, KPIs, optional formula, population and participants;
 * - `AddCycleParticipant`, `ExcludeCycleParticipant`: adjust the participants while open or in self review (in
 *   calibration, a participant without a score may still be excluded, so the cycle can close);
 * - `StartSelfReview`, `StartManagerReview`, `StartCalibration`, `CloseReviewCycle`: the transitions;
 * - `RecordKpiMeasurement`: a computed KPI's value for a rep, read from a projection;
 * - `SubmitFeedback`: self, manager or peer feedback with ratings, visibility and a private note;
 * - `CalibrateScore`: adjust a rep's score during calibration, with a reason.
 *
 * @example
 * ```ts
 * reviewCycleCommand.parse({ type: "StartSelfReview", data: {} });
 * ```
 */
export const reviewCycleCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("OpenReviewCycle"),
    data: z.strictObject({
      cycleId: _id,
      name: z.string().min(1).max(200),
      period: cyclePeriodSchema,
      scale: scaleSchema,
      kpis: z.array(kpiDefinitionSchema).min(1).max(50),
      formula: z.string().trim().min(1).max(500).optional(),
      population: populationFilterSchema,
      participants: z.array(participantSchema).max(10_000),
      openedBy: _id,
    }),
  }),
  z.strictObject({ type: z.literal("AddCycleParticipant"), data: z.strictObject({ participant: participantSchema }) }),
  z.strictObject({ type: z.literal("ExcludeCycleParticipant"), data: z.strictObject({ repId: _id, reason }) }),
  z.strictObject({ type: z.literal("StartSelfReview"), data: empty }),
  z.strictObject({
    type: z.literal("StartManagerReview"),
    data: z.strictObject({ waiveMissingSelfReviews: z.strictObject({ reason }).optional() }),
  }),
  z.strictObject({ type: z.literal("StartCalibration"), data: empty }),
  z.strictObject({ type: z.literal("CloseReviewCycle"), data: empty }),
  z.strictObject({
    type: z.literal("RecordKpiMeasurement"),
    data: z.strictObject({
      repId: _id,
      kpiId: kpiIdSchema,
      value: z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000),
      explanation: z.string().min(1).max(1000),
    }),
  }),
  z.strictObject({
    type: z.literal("SubmitFeedback"),
    data: z.strictObject({
      feedbackId: _id,
      repId: _id,
      kind: feedbackKindSchema,
      authorId: _id,
      ratings: ratingsSchema,
      comment: z.string().min(1).max(5000),
      visibility: feedbackVisibilitySchema.optional(),
      anonymous: z.boolean().optional(),
      privateNote: z.string().min(1).max(5000).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal("CalibrateScore"),
    data: z.strictObject({
      repId: _id,
      scoreMilli: z.number().int().min(0).max(1_000_000),
      reason,
      calibratedBy: _id,
    }),
  }),
]);

/**
 * A command of a review cycle.
 *
 * @example
 * ```ts
 * const c: ReviewCycleCommand = { type: "CalibrateScore", data: { repId: "rep-ana", scoreMilli: 4_000, reason: "calibrated", calibratedBy: "dir-wu" } };
 * ```
 */
export type ReviewCycleCommand = z.infer<typeof reviewCycleCommand>;

/**
 * The commands of an improvement plan (one stream per plan): start it, add and complete action items, record
 * check-ins, have the rep acknowledge it, extend it and close it with an outcome.
 *
 * @example
 * ```ts
 * improvementPlanCommand.parse({ type: "AcknowledgeImprovementPlan", data: { repId: "rep-bo" } });
 * ```
 */
export const improvementPlanCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("StartImprovementPlan"),
    data: z.strictObject({
      planId: _id,
      repId: _id,
      managerId: _id,
      cycleId: _id.optional(),
      reason: text,
      goals: z.array(improvementGoalSchema).min(1).max(20),
      startsOn: calendarDateSchema,
      endsOn: calendarDateSchema,
    }),
  }),
  z.strictObject({
    type: z.literal("AddImprovementAction"),
    data: z.strictObject({ actionId: _id, description: text, ownerId: _id, dueOn: calendarDateSchema }),
  }),
  z.strictObject({
    type: z.literal("CompleteImprovementAction"),
    data: z.strictObject({ actionId: _id, completedOn: calendarDateSchema, note: text.optional() }),
  }),
  z.strictObject({
    type: z.literal("RecordImprovementCheckIn"),
    data: z.strictObject({
      checkInId: _id,
      heldOn: calendarDateSchema,
      note: text,
      goalStatus: z
        .array(z.strictObject({ goalId: _id, status: z.enum(["on_track", "at_risk", "off_track", "met"]) }))
        .max(20),
      recordedBy: _id,
    }),
  }),
  z.strictObject({
    type: z.literal("AcknowledgeImprovementPlan"),
    data: z.strictObject({ repId: _id, comment: text.optional() }),
  }),
  z.strictObject({
    type: z.literal("ExtendImprovementPlan"),
    data: z.strictObject({ endsOn: calendarDateSchema, reason: text }),
  }),
  z.strictObject({
    type: z.literal("CloseImprovementPlan"),
    data: z.strictObject({ outcome: z.enum(["succeeded", "not_succeeded", "cancelled"]), summary: text }),
  }),
]);

/**
 * A command of an improvement plan.
 *
 * @example
 * ```ts
 * const c: ImprovementPlanCommand = { type: "CloseImprovementPlan", data: { outcome: "succeeded", summary: "targets met" } };
 * ```
 */
export type ImprovementPlanCommand = z.infer<typeof improvementPlanCommand>;
