import { DomainRuleError } from "../core/index.ts";
import type { GoalPlanState, GoalRecord } from "./goalPlan.ts";
import { type GoalMetric, type GoalTarget, isMoneyTarget, MONEY_METRICS, resolveGoalPeriod } from "./schemas.ts";

const WHO = "goalPlan";

/**
 * The names of the goal plan decider's business rules, as thrown in {@link DomainRuleError.rule}.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(e) && e.rule === goalRules.goalLocked) suggest("AdjustGoal with a reason");
 * ```
 */
export const goalRules = Object.freeze({
  /** A goal id is already taken in the plan. */
  goalAlreadyExists: "goal_already_exists",
  /** No goal with that id in the plan. */
  goalNotFound: "goal_not_found",
  /** The goal is agreed and locked: only an explicit adjustment (or a proration) changes it. */
  goalLocked: "goal_locked",
  /** The goal is cancelled: nothing changes it any more. */
  goalCancelled: "goal_cancelled",
  /** Cascade and seasonal weights must total exactly 10,000 basis points (100%). */
  weightsMustTotal10000: "weights_must_total_10000",
  /** Money metrics take a Money target, count metrics a count; a custom metric takes either. */
  targetMustMatchMetric: "target_must_match_metric",
  /** A goal's currency never changes: revisions and adjustments keep it. */
  currencyMustNotChange: "currency_must_not_change",
  /** A child goal measures the same metric (and currency) as its parent. */
  childMetricMismatch: "child_metric_mismatch",
  /** A child goal's period lies within its parent's period, in the same time zone. */
  childPeriodOutsideParent: "child_period_outside_parent",
  /** A seasonal distribution gives one weight per sub-period, and the sub-periods must tile the parent's period. */
  distributionMustMatchSubPeriods: "distribution_must_match_sub_periods",
  /** Participation counted by the team area must be for a period as long as the goal's. */
  participationPeriodMismatch: "participation_period_mismatch",
} as const);

/**
 * Returns a goal that exists and is not cancelled.
 *
 * @param state - The plan.
 * @param goalId - The goal.
 * @returns The goal.
 * @throws {@link DomainRuleError} `goal_not_found` or `goal_cancelled`.
 * @example
 * ```ts
 * const goal = requireGoal(state, "q3");
 * ```
 */
export function requireGoal(state: GoalPlanState, goalId: string): GoalRecord {
  const goal = state.goals[goalId];
  if (!goal) throw new DomainRuleError(goalRules.goalNotFound, `${WHO}: no goal ${goalId}`, { goalId });
  if (goal.status === "cancelled") {
    throw new DomainRuleError(goalRules.goalCancelled, `${WHO}: goal ${goalId} is cancelled`, { goalId });
  }
  return goal;
}

/**
 * Refuses a change to a locked goal.
 *
 * @param goal - The goal.
 * @param change - What the command would change, for the message.
 * @throws {@link DomainRuleError} `goal_locked`.
 * @example
 * ```ts
 * assertUnlocked(goal, "revise");
 * ```
 */
export function assertUnlocked(goal: GoalRecord, change: string): void {
  if (goal.status === "locked") {
    throw new DomainRuleError(
      goalRules.goalLocked,
      `${WHO}: goal ${goal.goalId} is locked; cannot ${change} it (use AdjustGoal with a reason)`,
      { goalId: goal.goalId },
    );
  }
}

/**
 * Refuses a goal id already in the plan.
 *
 * @param state - The plan.
 * @param goalId - The new id.
 * @throws {@link DomainRuleError} `goal_already_exists`.
 * @example
 * ```ts
 * assertNewGoal(state, "q3-ana");
 * ```
 */
export function assertNewGoal(state: GoalPlanState, goalId: string): void {
  if (state.goals[goalId]) {
    throw new DomainRuleError(goalRules.goalAlreadyExists, `${WHO}: goal ${goalId} already exists`, { goalId });
  }
}

/**
 * Refuses weights that do not total 10,000 basis points.
 *
 * @param weights - The weights.
 * @throws {@link DomainRuleError} `weights_must_total_10000`, with the actual total.
 * @example
 * ```ts
 * assertWeightsTotal([6000, 4000]);
 * ```
 */
export function assertWeightsTotal(weights: readonly number[]): void {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total !== 10_000) {
    throw new DomainRuleError(goalRules.weightsMustTotal10000, `${WHO}: weights total ${total} bps, not 10,000`, {
      total,
      weights,
    });
  }
}

/**
 * Refuses a target whose kind does not fit the metric.
 *
 * @param metric - The metric.
 * @param target - The target.
 * @throws {@link DomainRuleError} `target_must_match_metric`.
 * @example
 * ```ts
 * assertTargetFitsMetric("revenue", { amount: 100, currency: "USD" });
 * ```
 */
export function assertTargetFitsMetric(metric: GoalMetric, target: GoalTarget): void {
  if (typeof metric !== "string") return;
  const wantsMoney = MONEY_METRICS.includes(metric);
  if (wantsMoney !== isMoneyTarget(target)) {
    throw new DomainRuleError(
      goalRules.targetMustMatchMetric,
      `${WHO}: a ${metric} goal takes ${wantsMoney ? "a Money target" : "a count target"}`,
      { metric, target },
    );
  }
}

/**
 * Refuses a new target of another kind or currency than the goal's.
 *
 * @param goal - The goal.
 * @param target - The new target.
 * @throws {@link DomainRuleError} `target_must_match_metric` or `currency_must_not_change`.
 * @example
 * ```ts
 * assertSameCurrency(goal, { amount: 800_000_00, currency: "USD" });
 * ```
 */
export function assertSameCurrency(goal: GoalRecord, target: GoalTarget): void {
  if (isMoneyTarget(goal.target) !== isMoneyTarget(target)) {
    throw new DomainRuleError(goalRules.targetMustMatchMetric, `${WHO}: goal ${goal.goalId} keeps its target kind`, {
      goalId: goal.goalId,
    });
  }
  if (isMoneyTarget(goal.target) && isMoneyTarget(target) && goal.target.currency !== target.currency) {
    throw new DomainRuleError(
      goalRules.currencyMustNotChange,
      `${WHO}: goal ${goal.goalId} is in ${goal.target.currency}, not ${target.currency}`,
      { goalId: goal.goalId, currency: goal.target.currency, given: target.currency },
    );
  }
}

/**
 * Checks that a child goal fits its parent and says how it relates to it.
 *
 * @param parent - The parent goal.
 * @param child - The child's metric, target and period.
 * @returns `split` when the periods are the same, `seasonal` when the child's lies strictly within.
 * @throws {@link DomainRuleError} `child_metric_mismatch` or `child_period_outside_parent`.
 * @example
 * ```ts
 * childBasis(parent, { metric: "revenue", target, period: { periodId: "2026-07", calendar } }); // "seasonal"
 * ```
 */
export function childBasis(
  parent: GoalRecord,
  child: Pick<GoalRecord, "metric" | "target" | "period">,
): "split" | "seasonal" {
  const sameMetric = JSON.stringify(parent.metric) === JSON.stringify(child.metric);
  const sameCurrency =
    isMoneyTarget(parent.target) === isMoneyTarget(child.target) &&
    (!isMoneyTarget(parent.target) || parent.target.currency === (child.target as { currency: string }).currency);
  if (!sameMetric || !sameCurrency) {
    throw new DomainRuleError(goalRules.childMetricMismatch, `${WHO}: a child of ${parent.goalId} measures the same`, {
      parentGoalId: parent.goalId,
      parentMetric: parent.metric,
      metric: child.metric,
    });
  }
  const p = resolveGoalPeriod(parent.period).period;
  const c = resolveGoalPeriod(child.period).period;
  const inside = p.timeZone === c.timeZone && c.startDate >= p.startDate && c.endDate <= p.endDate;
  if (!inside) {
    throw new DomainRuleError(
      goalRules.childPeriodOutsideParent,
      `${WHO}: ${c.id} (${c.timeZone}) is not within ${p.id} (${p.timeZone})`,
      { parentGoalId: parent.goalId, parentPeriodId: p.id, periodId: c.id },
    );
  }
  return c.startDate === p.startDate && c.endDate === p.endDate ? "split" : "seasonal";
}
