// The assignments area: goals decomposed into tasks, account and territory ownership (effective-dated), assignment
// rules, and the public pool.
export {
  type AccountBookState,
  accountBookInitialState,
  type BookAccount,
  type BookRep,
  type BookTerritory,
  evolveAccountBook,
  type OwnershipEntry,
} from "./accountBookState.ts";
export { accountBookDecider, accountBookStreamId, currentHolder } from "./accountBookDecider.ts";
export { type AccountBookCommand, accountBookCommand, type GoalTaskCommand, goalTaskCommand } from "./commands.ts";
export {
  AccountClaimed,
  AccountOwnerAssigned,
  AccountRegistered,
  AccountReleasedToPool,
  AccountReturnedToPool,
  AccountRouted,
  type AccountBookEvent,
  type AssignmentsEvent,
  assignmentsEvents,
  type GoalTaskEvent,
  PoolPolicySet,
  RepAvailabilityChanged,
  RepCapacityChanged,
  RepEnrolled,
  RoutingRulesConfigured,
  TaskCancelled,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
  TaskRescheduled,
  TaskStarted,
  TerritoryDefined,
  TerritoryOwnerAssigned,
  TerritoryRetired,
} from "./events.ts";
export { type GoalTaskState, type GoalTasksState, goalTasksDecider, goalTasksStreamId } from "./goalTasksDecider.ts";
export { claimAccount, releaseAccount, sweepPool } from "./pool.ts";
export {
  type AccountOwnershipState,
  accountOwnership,
  accountsHeldAt,
  type OwnershipPeriod,
  type OwnershipRecord,
  ownerAt,
  ownershipHistory,
  ownershipPeriods,
} from "./projections/accountOwnership.ts";
export {
  type GoalCompletion,
  type GoalTaskTreeState,
  type GoalTaskTreeView,
  goalCompletion,
  goalTaskTree,
  overdueTasks,
  type TaskView,
} from "./projections/goalTaskTree.ts";
export {
  type FollowUp,
  type LastFollowUpsState,
  lastFollowUps,
  lastTouchByAccount,
} from "./projections/lastFollowUps.ts";
export {
  type TerritoryOwnershipState,
  type TerritoryView,
  territoryOwnerAt,
  territoryOwnership,
} from "./projections/territoryOwnership.ts";
export { isRoutable, matchesCriteria, pickRep, routeAccount, territoryOf } from "./routing.ts";
export { type AssignmentsRule, assignmentsRules, MAX_TASK_DEPTH } from "./rules.ts";
export {
  type AccountAttributes,
  accountAttributesSchema,
  type Criteria,
  criteriaSchema,
  type PoolPolicy,
  poolPolicySchema,
  type RoutingRule,
  type RoutingStrategy,
  routingRuleSchema,
  type TaskStatus,
} from "./schemas.ts";
export { timelineEntryAt, type TimelineEntry, type TimelinePeriod, timelinePeriods } from "./timeline.ts";
