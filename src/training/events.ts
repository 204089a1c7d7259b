import { z } from "zod";
import { calendarDateSchema, createEventCatalog, defineEvent, type EventOf, instantSchema } from "../core/index.ts";
import { type DevelopmentPlanEvent, developmentPlanEvents } from "./developmentPlanEvents.ts";

const id = z.string().min(1).max(128);
const line = z.string().min(1).max(500);
const text = z.string().min(1).max(5000);
const scoreBps = z.number().int().min(0).max(10_000);

/**
 * What a course teaches (source article §5.1): sales skills, product knowledge, market analysis, and more.
 *
 * @example
 * ```ts
 * courseTopicSchema.parse("product_knowledge");
 * ```
 */
export const courseTopicSchema = z.enum([
  "sales_skills",
  "product_knowledge",
  "market_analysis",
  "customer_service",
  "leadership",
  "other",
]);

/**
 * A module of a course: an id, a title and its length in minutes.
 *
 * @example
 * ```ts
 * const m: CourseModule = { moduleId: "m1", title: "Discovery questions", minutes: 45 };
 * ```
 */
export const courseModuleSchema = z.strictObject({
  moduleId: id,
  title: line,
  minutes: z.number().int().min(1).max(10_000),
});

/**
 * A module of a course (see {@link courseModuleSchema}).
 *
 * @example
 * ```ts
 * const m: CourseModule = { moduleId: "m2", title: "Objection handling", minutes: 30 };
 * ```
 */
export type CourseModule = z.infer<typeof courseModuleSchema>;

/**
 * The certification a passed course grants: its id, name and how many days it stays valid.
 *
 * @example
 * ```ts
 * const c = { certificationId: "cert-pro", name: "Pro product specialist", validForDays: 365 };
 * ```
 */
export const courseCertificationSchema = z.strictObject({
  certificationId: id,
  name: line,
  validForDays: z.number().int().min(1).max(36_500),
});

/**
 * A course as an assignment carries it: its modules, the passing score (basis points of the mean module score) and
 * the certification it grants.
 *
 * @example
 * ```ts
 * const c: AssignedCourse = { courseId: "c-disc", title: "Discovery", topic: "sales_skills", moduleIds: ["m1", "m2"], passingScoreBps: 8000 };
 * ```
 */
export const assignedCourseSchema = z.strictObject({
  courseId: id,
  title: line,
  topic: courseTopicSchema,
  moduleIds: z.array(id).min(1).max(200),
  passingScoreBps: scoreBps.optional(),
  certification: courseCertificationSchema.optional(),
});

/**
 * A course of an assignment (see {@link assignedCourseSchema}).
 *
 * @example
 * ```ts
 * const c: AssignedCourse = { courseId: "c-prod", title: "Product", topic: "product_knowledge", moduleIds: ["m1"] };
 * ```
 */
export type AssignedCourse = z.infer<typeof assignedCourseSchema>;

/**
 * A course was defined in the catalog: topic, modules, passing score, certification.
 *
 * @example
 * ```ts
 * const e = { type: "CourseDefined", data: { catalogId: "acme", courseId: "c-disc", title: "Discovery", topic: "sales_skills",
 *   modules: [{ moduleId: "m1", title: "Questions", minutes: 45 }], passingScoreBps: 8000, definedAt: "2026-06-01T09:00:00.000Z" } };
 * ```
 */
export const CourseDefined = /* @__PURE__ */ defineEvent(
  "CourseDefined",
  z.strictObject({
    catalogId: id,
    courseId: id,
    title: line,
    topic: courseTopicSchema,
    modules: z.array(courseModuleSchema).min(1).max(200),
    passingScoreBps: scoreBps.optional(),
    certification: courseCertificationSchema.optional(),
    definedAt: instantSchema,
  }),
);

/**
 * A course was retired: no new plan may use it (assignments already made keep it).
 *
 * @example
 * ```ts
 * const e = { type: "CourseRetired", data: { catalogId: "acme", courseId: "c-old", reason: "product sunset", retiredAt: "2026-06-01T09:00:00.000Z" } };
 * ```
 */
export const CourseRetired = /* @__PURE__ */ defineEvent(
  "CourseRetired",
  z.strictObject({ catalogId: id, courseId: id, reason: line, retiredAt: instantSchema }),
);

/**
 * A training plan was defined from courses of the catalog, in order.
 *
 * @example
 * ```ts
 * const e = { type: "TrainingPlanDefined", data: { catalogId: "acme", planId: "onboarding", title: "Onboarding", courseIds: ["c-disc", "c-prod"], definedAt: "2026-06-01T09:00:00.000Z" } };
 * ```
 */
export const TrainingPlanDefined = /* @__PURE__ */ defineEvent(
  "TrainingPlanDefined",
  z.strictObject({
    catalogId: id,
    planId: id,
    title: line,
    courseIds: z.array(id).min(1).max(100),
    definedAt: instantSchema,
  }),
);

/**
 * A training plan was assigned to a rep (directly or as a member of a team), with its courses as of assignment and a
 * due date.
 *
 * @example
 * ```ts
 * const e = { type: "TrainingAssigned", data: { repId: "rep-ana", assignmentId: "as-1", planId: "onboarding", title: "Onboarding", teamId: "team-east",
 *   courses: [{ courseId: "c-disc", title: "Discovery", topic: "sales_skills", moduleIds: ["m1"] }], dueOn: "2026-07-31", assignedBy: "mgr-li", assignedAt: "2026-07-01T09:00:00.000Z" } };
 * ```
 */
export const TrainingAssigned = /* @__PURE__ */ defineEvent(
  "TrainingAssigned",
  z.strictObject({
    repId: id,
    assignmentId: id,
    planId: id,
    title: line,
    teamId: id.optional(),
    courses: z.array(assignedCourseSchema).min(1).max(100),
    dueOn: calendarDateSchema,
    assignedBy: id,
    assignedAt: instantSchema,
  }),
);

/**
 * A rep completed a module of an assigned course, with a score where the module is assessed.
 *
 * @example
 * ```ts
 * const e = { type: "ModuleCompleted", data: { repId: "rep-ana", assignmentId: "as-1", courseId: "c-disc", moduleId: "m1", scoreBps: 9000, completedOn: "2026-07-10" } };
 * ```
 */
export const ModuleCompleted = /* @__PURE__ */ defineEvent(
  "ModuleCompleted",
  z.strictObject({
    repId: id,
    assignmentId: id,
    courseId: id,
    moduleId: id,
    scoreBps: scoreBps.optional(),
    completedOn: calendarDateSchema,
  }),
);

/**
 * Every module of a course was completed: the course's score (mean of its module scores, half-up; `null` when none is
 * scored) and whether it passed. A failed course is retaken module by module.
 *
 * @example
 * ```ts
 * const e = { type: "CourseCompleted", data: { repId: "rep-ana", assignmentId: "as-1", courseId: "c-disc", scoreBps: 8500, passed: true, completedOn: "2026-07-10" } };
 * ```
 */
export const CourseCompleted = /* @__PURE__ */ defineEvent(
  "CourseCompleted",
  z.strictObject({
    repId: id,
    assignmentId: id,
    courseId: id,
    scoreBps: scoreBps.nullable(),
    passed: z.boolean(),
    completedOn: calendarDateSchema,
  }),
);

/**
 * Every course of an assignment was passed.
 *
 * @example
 * ```ts
 * const e = { type: "TrainingAssignmentCompleted", data: { repId: "rep-ana", assignmentId: "as-1", completedOn: "2026-07-10" } };
 * ```
 */
export const TrainingAssignmentCompleted = /* @__PURE__ */ defineEvent(
  "TrainingAssignmentCompleted",
  z.strictObject({ repId: id, assignmentId: id, completedOn: calendarDateSchema }),
);

/**
 * An assignment was withdrawn, with the reason; it no longer counts for compliance.
 *
 * @example
 * ```ts
 * const e = { type: "TrainingAssignmentWithdrawn", data: { repId: "rep-ana", assignmentId: "as-1", reason: "role change", withdrawnAt: "2026-07-05T09:00:00.000Z" } };
 * ```
 */
export const TrainingAssignmentWithdrawn = /* @__PURE__ */ defineEvent(
  "TrainingAssignmentWithdrawn",
  z.strictObject({ repId: id, assignmentId: id, reason: line, withdrawnAt: instantSchema }),
);

/**
 * A rep earned a certification, valid on `[earnedOn, expiresOn)` (no `expiresOn`: no expiry), from a passed course
 * or an external issuer.
 *
 * @example
 * ```ts
 * const e = { type: "CertificationEarned", data: { repId: "rep-ana", certificationId: "cert-pro", name: "Pro specialist", earnedOn: "2026-07-10",
 *   expiresOn: "2027-07-10", source: { kind: "course", courseId: "c-prod" } } };
 * ```
 */
export const CertificationEarned = /* @__PURE__ */ defineEvent(
  "CertificationEarned",
  z.strictObject({
    repId: id,
    certificationId: id,
    name: line,
    earnedOn: calendarDateSchema,
    expiresOn: calendarDateSchema.optional(),
    source: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("course"), courseId: id }),
      z.strictObject({ kind: z.literal("external"), issuer: line }),
    ]),
  }),
);

/**
 * A rep's skill was assessed at a level from 1 (aware) to 5 (expert).
 *
 * @example
 * ```ts
 * const e = { type: "SkillAssessed", data: { repId: "rep-ana", skillId: "negotiation", level: 3, assessedBy: "mgr-li", assessedOn: "2026-07-10" } };
 * ```
 */
export const SkillAssessed = /* @__PURE__ */ defineEvent(
  "SkillAssessed",
  z.strictObject({
    repId: id,
    skillId: id,
    level: z.number().int().min(1).max(5),
    assessedBy: id,
    assessedOn: calendarDateSchema,
    note: text.optional(),
  }),
);

/**
 * An event of a training catalog stream.
 *
 * @example
 * ```ts
 * const e: TrainingCatalogEvent = { type: "CourseRetired", data: { catalogId: "acme", courseId: "c-old", reason: "sunset", retiredAt: "2026-06-01T09:00:00.000Z" } };
 * ```
 */
export type TrainingCatalogEvent =
  | EventOf<typeof CourseDefined>
  | EventOf<typeof CourseRetired>
  | EventOf<typeof TrainingPlanDefined>;

/**
 * An event of a rep's training record stream.
 *
 * @example
 * ```ts
 * const e: TrainingRecordEvent = { type: "SkillAssessed", data: { repId: "rep-ana", skillId: "demo", level: 4, assessedBy: "mgr-li", assessedOn: "2026-07-10" } };
 * ```
 */
export type TrainingRecordEvent =
  | EventOf<typeof TrainingAssigned>
  | EventOf<typeof ModuleCompleted>
  | EventOf<typeof CourseCompleted>
  | EventOf<typeof TrainingAssignmentCompleted>
  | EventOf<typeof TrainingAssignmentWithdrawn>
  | EventOf<typeof CertificationEarned>
  | EventOf<typeof SkillAssessed>;

/**
 * The events of training catalog streams.
 *
 * @example
 * ```ts
 * trainingCatalogEvents.types.includes("CourseDefined"); // true
 * ```
 */
export const trainingCatalogEvents = /* @__PURE__ */ createEventCatalog([
  CourseDefined,
  CourseRetired,
  TrainingPlanDefined,
]);

/**
 * The events of rep training record streams.
 *
 * @example
 * ```ts
 * trainingRecordEvents.types.includes("CertificationEarned"); // true
 * ```
 */
export const trainingRecordEvents = /* @__PURE__ */ createEventCatalog([
  TrainingAssigned,
  ModuleCompleted,
  CourseCompleted,
  TrainingAssignmentCompleted,
  TrainingAssignmentWithdrawn,
  CertificationEarned,
  SkillAssessed,
]);

/**
 * Every event of the training area: the catalog, rep training records and development plans.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: trainingEvents });
 * ```
 */
export const trainingEvents = /* @__PURE__ */ createEventCatalog([
  trainingCatalogEvents,
  trainingRecordEvents,
  developmentPlanEvents,
]);

/**
 * An event of the training area.
 *
 * @example
 * ```ts
 * const e: TrainingEvent = { type: "TrainingAssignmentCompleted", data: { repId: "rep-ana", assignmentId: "as-1", completedOn: "2026-07-10" } };
 * ```
 */
export type TrainingEvent = TrainingCatalogEvent | TrainingRecordEvent | DevelopmentPlanEvent;
