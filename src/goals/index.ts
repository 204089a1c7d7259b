// The goals area: SMART goals per quarter, month and week; cascades, seasonal distributions, locks, adjustments,
// proration; attainment, pacing and roll-ups measured from sales credits and interactions.
export {
  adjustGoalSchema,
  cancelGoalSchema,
  cascadeGoalSchema,
  distributeGoalSchema,
  type GoalsCommand,
  goalsCommand,
  lockGoalSchema,
  prorateGoalSchema,
  reviseGoalSchema,
  setGoalSchema,
} from "./commands.ts";
export {
  GoalAdjusted,
  GoalCancelled,
  GoalCascaded,
  type GoalEvent,
  GoalLocked,
  GoalProrated,
  GoalRevised,
  GoalSet,
  goalsEvents,
} from "./events.ts";
export {
  applyGoalEvent,
  emptyGoalPlan,
  evolveGoalPlan,
  type GoalPlanState,
  type GoalRecord,
  type TargetVersion,
} from "./goalPlan.ts";
export { goalPlanDecider, goalPlanStreamId } from "./goalPlanDecider.ts";
export { goalBook } from "./projections/goalBook.ts";
export {
  type CreditFact,
  type GoalProgressState,
  goalProgress,
  goalProgressEvents,
} from "./projections/goalProgress.ts";
export { goalRules } from "./rules.ts";
export {
  adjustmentReasonSchema,
  calendarOptionsSchema,
  countTargetSchema,
  type GoalMetric,
  type GoalOwner,
  type GoalPeriod,
  type GoalTarget,
  goalIdSchema,
  goalMetricSchema,
  goalOwnerSchema,
  goalPeriodSchema,
  goalTargetSchema,
  isMoneyTarget,
  MONEY_METRICS,
  nonNegativeMoneySchema,
  resolveGoalPeriod,
  roundingModeSchema,
  targetUnits,
} from "./schemas.ts";
export { allocateCount, prorateTarget, splitTarget, sumTargets } from "./targets.ts";
export {
  attainmentBps,
  type GoalAttainment,
  goalAttainment,
  type StarPerformerOptions,
  starPerformers,
} from "./views/attainment.ts";
export { type Measurement, measureGoal, teamsAt } from "./views/measure.ts";
export { type GoalPacing, goalPacing, type PacingOptions } from "./views/pacing.ts";
export { type TargetMismatch, targetHistory, targetMismatches } from "./views/targetMismatches.ts";
