import { z } from "zod";
import { createEventCatalog, defineEvent, type EventOf, instantSchema } from "../core/index.ts";
import { type ImprovementPlanEvent, improvementPlanEvents } from "./improvementPlanEvents.ts";
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

const milli = z.number().int().min(0).max(1_000_000);
const reason = z.string().min(1).max(1000);

/**
 * A review cycle was opened over a period, for a population, with its scale, KPIs (weights totalling 10,000 bps),
 * optional custom formula and the participants resolved from the roster.
 *
 * @example
 * ```ts
 * const e = { type: "ReviewCycleOpened", data: { cycleId: "q3", name: "Q3 review", period: { start: "2026-07-01", end: "2026-10-01" },
 *   scale: { min: 1, max: 5 }, kpis, population: { teamIds: ["team-east"] }, participants, openedBy: "mgr-li", openedAt: "2026-09-20T09:00:00.000Z" } };
 * ```
 */
export const ReviewCycleOpened = /* @__PURE__ */ defineEvent(
  "ReviewCycleOpened",
  z.strictObject({
    cycleId: _id,
    name: z.string().min(1).max(200),
    period: cyclePeriodSchema,
    scale: scaleSchema,
    kpis: z.array(kpiDefinitionSchema).min(1).max(50),
    formula: z.string().min(1).max(500).optional(),
    population: populationFilterSchema,
    participants: z.array(participantSchema).max(10_000),
    openedBy: _id,
    openedAt: instantSchema,
  }),
);

/**
 * A participant joined an open cycle (a new hire, a transfer).
 *
 * @example
 * ```ts
 * const e = { type: "CycleParticipantAdded", data: { cycleId: "q3", participant: { repId: "rep-cy", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] }, addedAt: "2026-09-21T09:00:00.000Z" } };
 * ```
 */
export const CycleParticipantAdded = /* @__PURE__ */ defineEvent(
  "CycleParticipantAdded",
  z.strictObject({ cycleId: _id, participant: participantSchema, addedAt: instantSchema }),
);

/**
 * A participant was excluded from the cycle (left, long leave), with the reason; they get no score.
 *
 * @example
 * ```ts
 * const e = { type: "CycleParticipantExcluded", data: { cycleId: "q3", repId: "rep-cy", reason: "joined two weeks ago", excludedAt: "2026-09-21T09:00:00.000Z" } };
 * ```
 */
export const CycleParticipantExcluded = /* @__PURE__ */ defineEvent(
  "CycleParticipantExcluded",
  z.strictObject({ cycleId: _id, repId: _id, reason, excludedAt: instantSchema }),
);

/**
 * The cycle moved from `open` to `self_review`.
 *
 * @example
 * ```ts
 * const e = { type: "SelfReviewStarted", data: { cycleId: "q3", startedAt: "2026-09-22T09:00:00.000Z" } };
 * ```
 */
export const SelfReviewStarted = /* @__PURE__ */ defineEvent(
  "SelfReviewStarted",
  z.strictObject({ cycleId: _id, startedAt: instantSchema }),
);

/**
 * The cycle moved from `self_review` to `manager_review`; `pendingSelfReviews` lists the reps whose self review was
 * waived, with the waiver's reason.
 *
 * @example
 * ```ts
 * const e = { type: "ManagerReviewStarted", data: { cycleId: "q3", startedAt: "2026-09-25T09:00:00.000Z", pendingSelfReviews: [] } };
 * ```
 */
export const ManagerReviewStarted = /* @__PURE__ */ defineEvent(
  "ManagerReviewStarted",
  z.strictObject({
    cycleId: _id,
    startedAt: instantSchema,
    pendingSelfReviews: z.array(_id).max(10_000),
    waiverReason: reason.optional(),
  }),
);

/**
 * The cycle moved from `manager_review` to `calibration`; each participant's computed score is frozen here as the
 * original (`null` when it cannot be computed, with the missing KPIs).
 *
 * @example
 * ```ts
 * const e = { type: "CalibrationStarted", data: { cycleId: "q3", startedAt: "2026-09-28T09:00:00.000Z", scores: [{ repId: "rep-ana", scoreMilli: 4_263, missingKpiIds: [] }] } };
 * ```
 */
export const CalibrationStarted = /* @__PURE__ */ defineEvent(
  "CalibrationStarted",
  z.strictObject({
    cycleId: _id,
    startedAt: instantSchema,
    scores: z
      .array(z.strictObject({ repId: _id, scoreMilli: milli.nullable(), missingKpiIds: z.array(kpiIdSchema).max(50) }))
      .max(10_000),
  }),
);

/**
 * A computed KPI's value was measured for a rep from a projection, with how it was obtained. A later measurement of
 * the same KPI replaces the earlier one; both stay in the log.
 *
 * @example
 * ```ts
 * const e = { type: "KpiMeasured", data: { cycleId: "q3", repId: "rep-ana", kpiId: "quota", value: 10_400, explanation: "goal q3-ana: 104%", measuredAt: "2026-09-30T09:00:00.000Z" } };
 * ```
 */
export const KpiMeasured = /* @__PURE__ */ defineEvent(
  "KpiMeasured",
  z.strictObject({
    cycleId: _id,
    repId: _id,
    kpiId: kpiIdSchema,
    value: z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000),
    explanation: z.string().min(1).max(1000),
    measuredAt: instantSchema,
  }),
);

/**
 * Feedback on a rep was submitted: its kind (self, manager, peer), author, ratings of the KPIs that kind rates, a
 * comment, who may read it, whether the author is hidden from the rep, and a private note only the author sees.
 *
 * @example
 * ```ts
 * const e = { type: "FeedbackSubmitted", data: { cycleId: "q3", feedbackId: "fb-1", repId: "rep-ana", kind: "manager", authorId: "mgr-li",
 *   ratings: { coaching: 4 }, comment: "Strong quarter", visibility: "subject", anonymous: false, submittedAt: "2026-09-27T09:00:00.000Z" } };
 * ```
 */
export const FeedbackSubmitted = /* @__PURE__ */ defineEvent(
  "FeedbackSubmitted",
  z.strictObject({
    cycleId: _id,
    feedbackId: _id,
    repId: _id,
    kind: feedbackKindSchema,
    authorId: _id,
    ratings: ratingsSchema,
    comment: z.string().min(1).max(5000),
    visibility: feedbackVisibilitySchema,
    anonymous: z.boolean(),
    privateNote: z.string().min(1).max(5000).optional(),
    submittedAt: instantSchema,
  }),
);

/**
 * A rep's score was adjusted in calibration: the original (computed, frozen at calibration start), the score before
 * this adjustment and after it, the reason and who decided. Every adjustment stays in the log: the audit trail.
 *
 * @example
 * ```ts
 * const e = { type: "ScoreCalibrated", data: { cycleId: "q3", repId: "rep-ana", originalMilli: 4_263, previousMilli: 4_263, scoreMilli: 4_000,
 *   reason: "aligned with the east region", calibratedBy: "dir-wu", calibratedAt: "2026-09-29T09:00:00.000Z" } };
 * ```
 */
export const ScoreCalibrated = /* @__PURE__ */ defineEvent(
  "ScoreCalibrated",
  z.strictObject({
    cycleId: _id,
    repId: _id,
    originalMilli: milli,
    previousMilli: milli,
    scoreMilli: milli,
    reason,
    calibratedBy: _id,
    calibratedAt: instantSchema,
  }),
);

/**
 * The cycle was closed: each participant's final score (calibrated, or the original), frozen; this is what the
 * incentive engine's MBO bonus reads.
 *
 * @example
 * ```ts
 * const e = { type: "ReviewCycleClosed", data: { cycleId: "q3", closedAt: "2026-09-30T18:00:00.000Z",
 *   finalScores: [{ repId: "rep-ana", originalMilli: 4_263, finalMilli: 4_000, calibrated: true }] } };
 * ```
 */
export const ReviewCycleClosed = /* @__PURE__ */ defineEvent(
  "ReviewCycleClosed",
  z.strictObject({
    cycleId: _id,
    closedAt: instantSchema,
    finalScores: z
      .array(z.strictObject({ repId: _id, originalMilli: milli, finalMilli: milli, calibrated: z.boolean() }))
      .max(10_000),
  }),
);

/**
 * An event of a review cycle stream.
 *
 * @example
 * ```ts
 * const e: ReviewCycleEvent = { type: "SelfReviewStarted", data: { cycleId: "q3", startedAt: "2026-09-22T09:00:00.000Z" } };
 * ```
 */
export type ReviewCycleEvent =
  | EventOf<typeof ReviewCycleOpened>
  | EventOf<typeof CycleParticipantAdded>
  | EventOf<typeof CycleParticipantExcluded>
  | EventOf<typeof SelfReviewStarted>
  | EventOf<typeof ManagerReviewStarted>
  | EventOf<typeof CalibrationStarted>
  | EventOf<typeof KpiMeasured>
  | EventOf<typeof FeedbackSubmitted>
  | EventOf<typeof ScoreCalibrated>
  | EventOf<typeof ReviewCycleClosed>;

/**
 * The events of review cycle streams.
 *
 * @example
 * ```ts
 * reviewCycleEvents.types.includes("ScoreCalibrated"); // true
 * ```
 */
export const reviewCycleEvents = /* @__PURE__ */ createEventCatalog([
  ReviewCycleOpened,
  CycleParticipantAdded,
  CycleParticipantExcluded,
  SelfReviewStarted,
  ManagerReviewStarted,
  CalibrationStarted,
  KpiMeasured,
  FeedbackSubmitted,
  ScoreCalibrated,
  ReviewCycleClosed,
]);

/**
 * Every event of the appraisals area: review cycles and improvement plans.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: appraisalsEvents });
 * ```
 */
export const appraisalsEvents = /* @__PURE__ */ createEventCatalog([reviewCycleEvents, improvementPlanEvents]);

/**
 * An event of the appraisals area.
 *
 * @example
 * ```ts
 * const e: AppraisalsEvent = { type: "SelfReviewStarted", data: { cycleId: "q3", startedAt: "2026-09-22T09:00:00.000Z" } };
 * ```
 */
export type AppraisalsEvent = ReviewCycleEvent | ImprovementPlanEvent;
