import { z } from "zod";
import { calendarDateSchema } from "../core/index.ts";
import { developmentGapSchema, developmentObjectiveSchema } from "./developmentPlanEvents.ts";
import { assignedCourseSchema, courseCertificationSchema, courseModuleSchema, courseTopicSchema } from "./events.ts";

const id = z.string().min(1).max(128);
const line = z.string().min(1).max(500);
const text = z.string().min(1).max(5000);
const scoreBps = z.number().int().min(0).max(10_000);

/**
 * The commands of a training catalog (one stream per catalog): define a course, retire it, define a training plan
 * from its courses.
 *
 * @example
 * ```ts
 * trainingCatalogCommand.parse({ type: "RetireCourse", data: { courseId: "c-old", reason: "product sunset" } });
 * ```
 */
export const trainingCatalogCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("DefineCourse"),
    data: z.strictObject({
      catalogId: id,
      courseId: id,
      title: line,
      topic: courseTopicSchema,
      modules: z.array(courseModuleSchema).min(1).max(200),
      passingScoreBps: scoreBps.optional(),
      certification: courseCertificationSchema.optional(),
    }),
  }),
  z.strictObject({ type: z.literal("RetireCourse"), data: z.strictObject({ courseId: id, reason: line }) }),
  z.strictObject({
    type: z.literal("DefineTrainingPlan"),
    data: z.strictObject({ catalogId: id, planId: id, title: line, courseIds: z.array(id).min(1).max(100) }),
  }),
]);

/**
 * A command of a training catalog.
 *
 * @example
 * ```ts
 * const c: TrainingCatalogCommand = { type: "DefineTrainingPlan", data: { catalogId: "acme", planId: "onboarding", title: "Onboarding", courseIds: ["c-disc"] } };
 * ```
 */
export type TrainingCatalogCommand = z.infer<typeof trainingCatalogCommand>;

/**
 * The commands of a rep's training record (one stream per rep): assign a plan (use `assignmentCommands` to build
 * them from the catalog), complete modules with scores, withdraw an assignment, record an external certification,
 * assess a skill.
 *
 * @example
 * ```ts
 * trainingRecordCommand.parse({ type: "CompleteModule", data: { assignmentId: "as-1", courseId: "c-disc", moduleId: "m1", scoreBps: 9000, completedOn: "2026-07-10" } });
 * ```
 */
export const trainingRecordCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("AssignTraining"),
    data: z.strictObject({
      repId: id,
      assignmentId: id,
      planId: id,
      title: line,
      teamId: id.optional(),
      courses: z.array(assignedCourseSchema).min(1).max(100),
      dueOn: calendarDateSchema,
      assignedBy: id,
    }),
  }),
  z.strictObject({
    type: z.literal("CompleteModule"),
    data: z.strictObject({
      assignmentId: id,
      courseId: id,
      moduleId: id,
      scoreBps: scoreBps.optional(),
      completedOn: calendarDateSchema,
    }),
  }),
  z.strictObject({
    type: z.literal("WithdrawTraining"),
    data: z.strictObject({ assignmentId: id, reason: line }),
  }),
  z.strictObject({
    type: z.literal("RecordCertification"),
    data: z.strictObject({
      repId: id,
      certificationId: id,
      name: line,
      issuer: line,
      earnedOn: calendarDateSchema,
      expiresOn: calendarDateSchema.optional(),
    }),
  }),
  z.strictObject({
    type: z.literal("AssessSkill"),
    data: z.strictObject({
      repId: id,
      skillId: id,
      level: z.number().int().min(1).max(5),
      assessedBy: id,
      assessedOn: calendarDateSchema,
      note: text.optional(),
    }),
  }),
]);

/**
 * A command of a rep's training record.
 *
 * @example
 * ```ts
 * const c: TrainingRecordCommand = { type: "AssessSkill", data: { repId: "rep-ana", skillId: "negotiation", level: 3, assessedBy: "mgr-li", assessedOn: "2026-07-10" } };
 * ```
 */
export type TrainingRecordCommand = z.infer<typeof trainingRecordCommand>;

/**
 * The commands of an individual development plan (one stream per plan): create it with gaps and objectives, add and
 * complete objectives, record a review in a 1:1, close it.
 *
 * @example
 * ```ts
 * developmentPlanCommand.parse({ type: "CompleteDevelopmentObjective", data: { objectiveId: "o1", completedOn: "2026-11-20" } });
 * ```
 */
export const developmentPlanCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("CreateDevelopmentPlan"),
    data: z.strictObject({
      planId: id,
      repId: id,
      managerId: id,
      careerGoal: line,
      gaps: z.array(developmentGapSchema).max(50),
      objectives: z.array(developmentObjectiveSchema).min(1).max(100),
    }),
  }),
  z.strictObject({
    type: z.literal("AddDevelopmentObjective"),
    data: z.strictObject({ objective: developmentObjectiveSchema }),
  }),
  z.strictObject({
    type: z.literal("CompleteDevelopmentObjective"),
    data: z.strictObject({ objectiveId: id, completedOn: calendarDateSchema, note: line.optional() }),
  }),
  z.strictObject({
    type: z.literal("ReviewDevelopmentPlan"),
    data: z.strictObject({ meetingId: id, reviewerId: id, reviewedOn: calendarDateSchema, note: text }),
  }),
  z.strictObject({
    type: z.literal("CloseDevelopmentPlan"),
    data: z.strictObject({ outcome: z.enum(["achieved", "partially_achieved", "abandoned"]), note: text }),
  }),
]);

/**
 * A command of a development plan.
 *
 * @example
 * ```ts
 * const c: DevelopmentPlanCommand = { type: "ReviewDevelopmentPlan", data: { meetingId: "1on1-w42", reviewerId: "mgr-li", reviewedOn: "2026-10-16", note: "On track" } };
 * ```
 */
export type DevelopmentPlanCommand = z.infer<typeof developmentPlanCommand>;
