// The appraisals area (source article §9): KPI definitions with scales of any size and weights totalling 100%, review cycles
// through self review, manager review and calibration, feedback with visibility, explained scorecards that report
// missing components instead of counting them as zero, improvement plans, and the MBO link to the incentive engine.
export {
  type ImprovementPlanCommand,
  improvementPlanCommand,
  type ReviewCycleCommand,
  reviewCycleCommand,
} from "./commands.ts";
export { checkCycleDefinition, checkKpiScoring, inPopulation } from "./cycleDefinition.ts";
export {
  type AppraisalsEvent,
  appraisalsEvents,
  CalibrationStarted,
  CycleParticipantAdded,
  CycleParticipantExcluded,
  FeedbackSubmitted,
  KpiMeasured,
  ManagerReviewStarted,
  ReviewCycleClosed,
  type ReviewCycleEvent,
  ReviewCycleOpened,
  reviewCycleEvents,
  ScoreCalibrated,
  SelfReviewStarted,
} from "./events.ts";
export { type FormulaNode, type FormulaProblem, isFormulaProblem, parseFormula } from "./formula.ts";
export {
  type ImprovementPlanState,
  improvementPlanDecider,
  improvementPlanStreamId,
} from "./improvementPlanDecider.ts";
export {
  ImprovementActionAdded,
  ImprovementActionCompleted,
  ImprovementCheckInRecorded,
  type ImprovementGoal,
  ImprovementPlanAcknowledged,
  ImprovementPlanClosed,
  type ImprovementPlanEvent,
  ImprovementPlanExtended,
  ImprovementPlanStarted,
  improvementGoalSchema,
  improvementPlanEvents,
} from "./improvementPlanEvents.ts";
export {
  activityReading,
  goalAttainmentReading,
  type KpiReading,
  measurementCommand,
  pipelineCoverageReading,
  satisfactionReading,
} from "./kpiReadings.ts";
export { type MboScore, mboScoresFromCycle } from "./mboScores.ts";
export { participantsAsOf } from "./population.ts";
export {
  createFeedbackFreshnessProjection,
  type FeedbackFreshnessState,
  type FeedbackSourceEvent,
  feedbackSourceEvents,
  type StaleFeedback,
  staleFeedback,
} from "./projections/feedbackFreshness.ts";
export {
  type ImprovementPlanRecord,
  type ImprovementPlansState,
  improvementPlanBoard,
  improvementPlanStatus,
} from "./projections/improvementPlans.ts";
export {
  type AppraisalScorecard,
  appraisalScorecard,
  type FeedbackRecord,
  type FeedbackViewer,
  type ReviewCyclesState,
  reviewCycles,
  visibleFeedback,
} from "./projections/reviewCycles.ts";
export { reviewCycleDecider, reviewCycleStreamId } from "./reviewCycleDecider.ts";
export {
  applyReviewCycleEvent,
  type CalibrationStep,
  type CycleStatus,
  currentScoreMilli,
  cycleScorecard,
  emptyReviewCycle,
  evolveReviewCycle,
  type ReceivedFeedback,
  type ReviewCycleState,
} from "./reviewCycleState.ts";
export { type AppraisalsRule, appraisalsRules, requireAppraisalsRule } from "./rules.ts";
export { computeScorecard, type Scorecard, type ScorecardComponent, type ScorecardInputs } from "./scorecard.ts";
export {
  type ComputedMetric,
  type CyclePeriod,
  computedMetricSchema,
  cyclePeriodSchema,
  FORMULA_FUNCTIONS,
  type FeedbackVisibility,
  feedbackKindSchema,
  feedbackVisibilitySchema,
  type KpiDefinition,
  type KpiScoring,
  type KpiSource,
  kpiDefinitionSchema,
  kpiIdSchema,
  kpiScoringSchema,
  kpiSourceSchema,
  type Participant,
  type PopulationFilter,
  participantSchema,
  populationFilterSchema,
  ratingsSchema,
  type Scale,
  scaleSchema,
} from "./values.ts";
