// salesfold/incentives: plans as data, the pure payout engine, events and deciders, projections and recognition.
export {
  type BadgeCommand,
  type ContestCommand,
  type DisputeCommand,
  type IncentivePlanCommand,
  type PayPeriodCommand,
  approveIncentiveStatementSchema,
  assignIncentivePlanSchema,
  awardBadgeSchema,
  badgeCommand,
  closeContestSchema,
  closeIncentivePeriodSchema,
  contestCommand,
  disputeCommand,
  endIncentivePlanAssignmentSchema,
  incentivePlanCommand,
  lockIncentiveStatementSchema,
  openContestSchema,
  payPeriodCommand,
  postIncentiveAdjustmentSchema,
  publishIncentivePlanSchema,
  raisePayoutDisputeSchema,
  resolvePayoutDisputeSchema,
  reviseIncentivePlanSchema,
  validPlanSchema,
} from "./commands.ts";
export { type BadgeState, badgeDecider, badgeStreamId } from "./badgeDecider.ts";
export { type ContestState, contestDecider, contestStreamId } from "./contestDecider.ts";
export { type DisputeState, disputeDecider, disputeStreamId } from "./disputeDecider.ts";
export * from "./engine/index.ts";
export {
  type AssignmentQuota,
  assignmentQuotaSchema,
  BadgeAwarded,
  ContestClosed,
  ContestOpened,
  IncentiveAdjustmentPosted,
  type IncentiveEvent,
  IncentivePeriodClosed,
  IncentivePlanAssigned,
  IncentivePlanAssignmentEnded,
  IncentivePlanPublished,
  IncentivePlanRevised,
  IncentiveStatementApproved,
  IncentiveStatementLocked,
  incentiveProjectionEvents,
  incentivesEvents,
  PayoutDisputeRaised,
  PayoutDisputeResolved,
  type StatementAdjustment,
  statementAdjustmentSchema,
} from "./events.ts";
export { type IncentivePlanState, incentivePlanDecider, incentivePlanStreamId } from "./incentivePlanDecider.ts";
export { type PayPeriodState, payPeriodDecider, payPeriodStreamId } from "./payPeriodDecider.ts";
export * from "./plan/index.ts";
export * from "./projections/index.ts";
export * from "./recognition/index.ts";
export { type IncentiveRule, incentiveRules, requireIncentiveRule, requireReason } from "./rules.ts";
