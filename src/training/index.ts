// The training area (source article §5): a course catalog and training plans, assignments to reps and teams with due dates,
// module completions with scores, certifications with expiry, skills, and individual development plans linked to
// appraisal gaps and reviewed in 1:1s.
export { type AssignmentOptions, assignmentCommands } from "./assignmentCommands.ts";
export {
  type DevelopmentPlanCommand,
  developmentPlanCommand,
  type TrainingCatalogCommand,
  type TrainingRecordCommand,
  trainingCatalogCommand,
  trainingRecordCommand,
} from "./commands.ts";
export { developmentGapsFromScorecard } from "./developmentGaps.ts";
export {
  type DevelopmentPlanState,
  developmentPlanDecider,
  developmentPlanStreamId,
} from "./developmentPlanDecider.ts";
export {
  type DevelopmentGap,
  type DevelopmentObjective,
  DevelopmentObjectiveAdded,
  DevelopmentObjectiveCompleted,
  DevelopmentPlanClosed,
  DevelopmentPlanCreated,
  type DevelopmentPlanEvent,
  DevelopmentPlanReviewed,
  developmentGapSchema,
  developmentObjectiveSchema,
  developmentPlanEvents,
} from "./developmentPlanEvents.ts";
export {
  type AssignedCourse,
  assignedCourseSchema,
  CertificationEarned,
  type CourseModule,
  CourseCompleted,
  CourseDefined,
  CourseRetired,
  courseCertificationSchema,
  courseModuleSchema,
  courseTopicSchema,
  ModuleCompleted,
  SkillAssessed,
  TrainingAssigned,
  TrainingAssignmentCompleted,
  TrainingAssignmentWithdrawn,
  type TrainingCatalogEvent,
  type TrainingEvent,
  TrainingPlanDefined,
  type TrainingRecordEvent,
  trainingCatalogEvents,
  trainingEvents,
  trainingRecordEvents,
} from "./events.ts";
export {
  type DevelopmentProgressState,
  developmentPlanProgress,
  developmentPlanProgressProjection,
  developmentProgressSourceEvents,
  type PlanProgress,
  type PlanProgressRecord,
} from "./projections/developmentPlanProgress.ts";
export {
  type AssignmentProgress,
  type RepCompliance,
  type TrainingComplianceState,
  trainingCompletionBps,
  trainingCompliance,
  trainingComplianceProjection,
} from "./projections/trainingCompliance.ts";
export { requireTrainingRule, type TrainingRule, trainingRules } from "./rules.ts";
export {
  evolveTrainingCatalog,
  type TrainingCatalogState,
  trainingCatalogDecider,
  trainingCatalogStreamId,
} from "./trainingCatalogDecider.ts";
export {
  type CourseProgress,
  type TrainingRecordState,
  trainingRecordDecider,
  trainingRecordStreamId,
} from "./trainingRecordDecider.ts";
