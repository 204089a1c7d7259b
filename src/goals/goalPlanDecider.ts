import {
  type Decider,
  type DecisionContext,
  DomainRuleError,
  isValidationError,
  periodDays,
  prorate,
  subPeriods,
} from "../core/index.ts";
import type { GoalsCommand } from "./commands.ts";
import type { GoalEvent } from "./events.ts";
import { emptyGoalPlan, evolveGoalPlan, type GoalPlanState, type GoalRecord } from "./goalPlan.ts";
import {
  assertNewGoal,
  assertSameCurrency,
  assertTargetFitsMetric,
  assertUnlocked,
  assertWeightsTotal,
  childBasis,
  goalRules,
  requireGoal,
} from "./rules.ts";
import { type GoalOwner, resolveGoalPeriod } from "./schemas.ts";
import { prorateTarget, splitTarget } from "./targets.ts";

/**
 * The stream id of a goal plan: one stream holds a plan's goals (company, team and rep goals of a year or a
 * quarter), so that cascades, seasonal distributions and mismatches are decided against one consistent tree.
 *
 * @param planId - The plan's id, such as `2026`.
 * @returns `goal-plan-<id>`.
 * @example
 * ```ts
 * await handler.handle(goalPlanStreamId("2026"), { type: "LockGoal", data: { goalId: "q3" } });
 * ```
 */
export function goalPlanStreamId(planId: string): string {
  return `goal-plan-${planId}`;
}

function provenance(context: DecisionContext): { actor?: string; at: string } {
  return context.actor === undefined ? { at: context.now } : { actor: context.actor, at: context.now };
}

function ownerLabel(owner: GoalOwner): string {
  return owner.kind === "company" ? "the company" : owner.kind === "team" ? owner.teamId : owner.repId;
}

function assertFreshIds(state: GoalPlanState, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    assertNewGoal(state, id);
    if (seen.has(id)) {
      throw new DomainRuleError(goalRules.goalAlreadyExists, `goalPlan: goal ${id} is listed twice`, { goalId: id });
    }
    seen.add(id);
  }
}

function nextVersion(goal: GoalRecord): number {
  return goal.versions.length + 1;
}

function decide(command: GoalsCommand, state: GoalPlanState, context: DecisionContext): GoalEvent | GoalEvent[] {
  const by = provenance(context);
  switch (command.type) {
    case "SetGoal": {
      const d = command.data;
      assertNewGoal(state, d.goalId);
      assertTargetFitsMetric(d.metric, d.target);
      let basis: "split" | "seasonal" | undefined;
      if (d.parentGoalId !== undefined) basis = childBasis(requireGoal(state, d.parentGoalId), d);
      return { type: "GoalSet", data: basis === undefined ? { ...d, ...by } : { ...d, basis, ...by } };
    }
    case "CascadeGoal": {
      const { parentGoalId, children } = command.data;
      const parent = requireGoal(state, parentGoalId);
      assertFreshIds(
        state,
        children.map((c) => c.goalId),
      );
      assertWeightsTotal(children.map((c) => c.weightBps));
      const targets = splitTarget(
        parent.target,
        children.map((c) => c.weightBps),
      );
      const set: GoalEvent[] = children.map((c, i) => ({
        type: "GoalSet",
        data: {
          goalId: c.goalId,
          metric: parent.metric,
          target: targets[i]!,
          period: parent.period,
          owner: c.owner,
          parentGoalId,
          basis: "split",
          description: c.description ?? `${parent.description} (share of ${ownerLabel(c.owner)})`,
          measure: parent.measure,
          ...by,
        },
      }));
      const allocations = children.map((c, i) => ({ goalId: c.goalId, weightBps: c.weightBps, target: targets[i]! }));
      return [...set, { type: "GoalCascaded", data: { parentGoalId, basis: "split", allocations, ...by } }];
    }
    case "DistributeGoal": {
      const { goalId, subPeriodKind, children } = command.data;
      const parent = requireGoal(state, goalId);
      assertFreshIds(
        state,
        children.map((c) => c.goalId),
      );
      const { calendar, period } = resolveGoalPeriod(parent.period);
      let parts: ReturnType<typeof subPeriods>;
      try {
        parts = subPeriods(calendar, subPeriodKind, period);
      } catch (error) {
        if (!isValidationError(error)) throw error;
        throw new DomainRuleError(
          goalRules.distributionMustMatchSubPeriods,
          `goalPlan: ${subPeriodKind} periods do not tile ${period.id}: ${error.message}`,
          { goalId, subPeriodKind },
        );
      }
      if (parts.length !== children.length || parts.length < 2) {
        throw new DomainRuleError(
          goalRules.distributionMustMatchSubPeriods,
          `goalPlan: ${period.id} has ${parts.length} ${subPeriodKind} periods; ${children.length} weights given`,
          { goalId, subPeriods: parts.map((p) => p.id), weights: children.length },
        );
      }
      assertWeightsTotal(children.map((c) => c.weightBps));
      const targets = splitTarget(
        parent.target,
        children.map((c) => c.weightBps),
      );
      const set: GoalEvent[] = children.map((c, i) => ({
        type: "GoalSet",
        data: {
          goalId: c.goalId,
          metric: parent.metric,
          target: targets[i]!,
          period: { periodId: parts[i]!.id, calendar: parent.period.calendar },
          owner: parent.owner,
          parentGoalId: goalId,
          basis: "seasonal",
          description: c.description ?? `${parent.description} (${parts[i]!.id})`,
          measure: parent.measure,
          ...by,
        },
      }));
      const allocations = children.map((c, i) => ({ goalId: c.goalId, weightBps: c.weightBps, target: targets[i]! }));
      const cascaded: GoalEvent = {
        type: "GoalCascaded",
        data: { parentGoalId: goalId, basis: "seasonal", subPeriodKind, allocations, ...by },
      };
      return [...set, cascaded];
    }
    case "ReviseGoal": {
      const d = command.data;
      const goal = requireGoal(state, d.goalId);
      assertUnlocked(goal, "revise");
      if (d.target !== undefined) assertSameCurrency(goal, d.target);
      // Only a new target changes the target: a revision of the wording keeps a proration in place.
      const data = {
        goalId: d.goalId,
        version: nextVersion(goal),
        ...(d.target === undefined ? {} : { target: d.target }),
        description: d.description ?? goal.description,
        measure: d.measure ?? goal.measure,
        ...by,
      };
      return { type: "GoalRevised", data };
    }
    case "LockGoal": {
      const goal = requireGoal(state, command.data.goalId);
      if (goal.status === "locked") return [];
      return { type: "GoalLocked", data: { goalId: goal.goalId, ...by } };
    }
    case "AdjustGoal": {
      const d = command.data;
      const goal = requireGoal(state, d.goalId);
      assertSameCurrency(goal, d.target);
      const data = { ...d, version: nextVersion(goal), previousTarget: goal.target, ...by };
      return { type: "GoalAdjusted", data };
    }
    case "ProrateGoal": {
      const { goalId, participation, rounding } = command.data;
      const goal = requireGoal(state, goalId);
      const { period } = resolveGoalPeriod(goal.period);
      let counted: { days: number; periodDays: number };
      if (participation.source === "dates") {
        const dates = { from: participation.from, through: participation.through };
        counted = prorate(period, Object.fromEntries(Object.entries(dates).filter(([, v]) => v !== undefined)));
      } else {
        counted = { days: participation.days, periodDays: participation.periodDays };
        if (counted.periodDays !== periodDays(period) || counted.days > counted.periodDays) {
          throw new DomainRuleError(
            goalRules.participationPeriodMismatch,
            `goalPlan: participation counts ${counted.days}/${counted.periodDays} days; ${period.id} has ${periodDays(period)}`,
            { goalId, periodId: period.id, ...counted },
          );
        }
      }
      const target = prorateTarget(goal.fullTarget, counted.days, counted.periodDays, rounding);
      const data = {
        goalId,
        version: nextVersion(goal),
        fullTarget: goal.fullTarget,
        target,
        ...counted,
        rounding,
        source: participation.source,
        ...by,
      };
      return { type: "GoalProrated", data };
    }
    case "CancelGoal": {
      const goal = requireGoal(state, command.data.goalId);
      assertUnlocked(goal, "cancel");
      return { type: "GoalCancelled", data: { ...command.data, ...by } };
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * The decider of a goal plan: SMART goals per quarter, month and week, cascaded over owners and distributed over
 * sub-periods, locked once agreed, adjusted mid-period with a reason, and prorated for partial participation. Time
 * and actor of every target version come from the decision context.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: goalPlanDecider, commands: goalsCommand });
 * await handler.handle(goalPlanStreamId("2026"), { type: "LockGoal", data: { goalId: "q3" } }, { actor: "user:li" });
 * ```
 */
export const goalPlanDecider: Decider<GoalsCommand, GoalEvent, GoalPlanState> = {
  name: "goalPlan",
  initialState: emptyGoalPlan,
  evolve: evolveGoalPlan,
  decide,
};
