import { DomainRuleError } from "../core/index.ts";

/**
 * The names of every business rule of the assignments area, as `DomainRuleError.rule` carries them.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(e) && e.rule === assignmentsRules.claimLimitReached) showTomorrowBanner();
 * ```
 */
export const assignmentsRules = Object.freeze({
  taskAlreadyExists: "task_already_exists",
  taskNotFound: "task_not_found",
  goalMismatch: "goal_mismatch",
  parentTaskNotFound: "parent_task_not_found",
  parentTaskClosed: "parent_task_closed",
  taskTreeTooDeep: "task_tree_too_deep",
  taskClosed: "task_closed",
  taskAlreadyStarted: "task_already_started",
  subtasksStillOpen: "subtasks_still_open",
  taskOwnerUnchanged: "task_owner_unchanged",
  repAlreadyEnrolled: "rep_already_enrolled",
  repNotEnrolled: "rep_not_enrolled",
  routingRuleDuplicate: "routing_rule_duplicate",
  routingRuleUnknownRep: "routing_rule_unknown_rep",
  territoryAlreadyExists: "territory_already_exists",
  territoryNotFound: "territory_not_found",
  territoryPriorityTaken: "territory_priority_taken",
  territoryRetired: "territory_retired",
  territoryOwnerUnchanged: "territory_owner_unchanged",
  accountAlreadyRegistered: "account_already_registered",
  accountNotRegistered: "account_not_registered",
  accountAlreadyOwned: "account_already_owned",
  alreadyOwner: "already_owner",
  noEligibleRep: "no_eligible_rep",
  accountAlreadyInPool: "account_already_in_pool",
  poolNotConfigured: "pool_not_configured",
  accountNotInPool: "account_not_in_pool",
  ownershipChangeScheduled: "ownership_change_scheduled",
  reclaimTooSoon: "reclaim_too_soon",
  holdingLimitReached: "holding_limit_reached",
  claimLimitReached: "claim_limit_reached",
} as const);

/**
 * The name of a rule of the assignments area.
 *
 * @example
 * ```ts
 * const r: AssignmentsRule = "holding_limit_reached";
 * ```
 */
export type AssignmentsRule = (typeof assignmentsRules)[keyof typeof assignmentsRules];

/**
 * The deepest a task tree may go: a goal's tasks (depth 1) and up to four levels of subtasks.
 *
 * @example
 * ```ts
 * MAX_TASK_DEPTH; // 5
 * ```
 */
export const MAX_TASK_DEPTH = 5;

/**
 * Throws the named rule unless `ok` holds. The one way the assignments area refuses a command.
 *
 * @param ok - The condition the rule requires.
 * @param rule - The rule's name.
 * @param message - What was refused and why, starting with the decider's name.
 * @param details - Facts about the violation.
 * @throws {@link DomainRuleError} with `rule` when `ok` is false.
 * @example
 * ```ts
 * requireRule(claims < limit, "claim_limit_reached", "accountBook: rep-bo already claimed 5 accounts today", { limit });
 * ```
 */
export function requireRule(
  ok: boolean,
  rule: AssignmentsRule,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): asserts ok {
  if (!ok) throw new DomainRuleError(rule, message, details);
}

/**
 * Rule `rep_not_enrolled`: a rep named by a command must have joined the book.
 *
 * @param reps - The book's reps by id.
 * @param repId - The rep.
 * @throws {@link DomainRuleError} `rep_not_enrolled`.
 * @example
 * ```ts
 * requireEnrolled(state.reps, "rep-ana");
 * ```
 */
export function requireEnrolled(reps: Readonly<Record<string, unknown>>, repId: string): void {
  requireRule(Object.hasOwn(reps, repId), "rep_not_enrolled", `accountBook: ${repId} is not enrolled in this book`, {
    repId,
  });
}

/**
 * Rule `account_not_registered`: an account named by a command must be in the book.
 *
 * @param accounts - The book's accounts by id.
 * @param customerId - The account.
 * @throws {@link DomainRuleError} `account_not_registered`.
 * @example
 * ```ts
 * requireRegistered(state.accounts, "cu-1");
 * ```
 */
export function requireRegistered(accounts: Readonly<Record<string, unknown>>, customerId: string): void {
  requireRule(
    Object.hasOwn(accounts, customerId),
    "account_not_registered",
    `accountBook: account ${customerId} is not registered in this book`,
    { customerId },
  );
}

/**
 * Rule `task_not_found`: the task must exist in the goal's tree.
 *
 * @param tasks - The goal's tasks by id.
 * @param taskId - The task.
 * @throws {@link DomainRuleError} `task_not_found`.
 * @example
 * ```ts
 * requireTask(state.tasks, "t-1");
 * ```
 */
export function requireTask(tasks: Readonly<Record<string, unknown>>, taskId: string): void {
  requireRule(Object.hasOwn(tasks, taskId), "task_not_found", `goalTasks: no task ${taskId} in this goal`, { taskId });
}

/**
 * Rule `task_closed`: a done or cancelled task cannot change any more.
 *
 * @param taskId - The task.
 * @param status - Its status.
 * @throws {@link DomainRuleError} `task_closed`.
 * @example
 * ```ts
 * requireTaskOpen("t-1", "in_progress"); // passes
 * ```
 */
export function requireTaskOpen(taskId: string, status: string): void {
  requireRule(
    status === "open" || status === "in_progress",
    "task_closed",
    `goalTasks: task ${taskId} is ${status} and cannot change`,
    { taskId, status },
  );
}
