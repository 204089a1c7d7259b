import type { GoalEvent } from "./events.ts";
import type { GoalMetric, GoalOwner, GoalPeriod, GoalTarget } from "./schemas.ts";

/**
 * One version of a goal's target, with why, who and when.
 *
 * @example
 * ```ts
 * const v: TargetVersion = { version: 2, target: { amount: 800_000_00, currency: "USD" }, change: "adjusted", reason: "market_change", actor: "user:li", at: "2026-08-10T09:00:00.000Z" };
 * ```
 */
export interface TargetVersion {
  readonly version: number;
  readonly target: GoalTarget;
  /** How this version came about. */
  readonly change: "set" | "revised" | "adjusted" | "prorated";
  /** The adjustment reason, or `proration` details. */
  readonly reason?: string;
  readonly note?: string;
  readonly actor?: string;
  /** When the version was recorded (the decision instant). */
  readonly at: string;
}

/**
 * A goal as the goal plan knows it.
 *
 * @example
 * ```ts
 * const goal: GoalRecord | undefined = plan.goals["q3"];
 * ```
 */
export interface GoalRecord {
  readonly goalId: string;
  readonly metric: GoalMetric;
  readonly period: GoalPeriod;
  readonly owner: GoalOwner;
  readonly parentGoalId?: string;
  /** How the goal relates to its parent: `split` (same period) or `seasonal` (a sub-period). */
  readonly basis?: "split" | "seasonal";
  description: string;
  measure: string;
  /** The current target. */
  target: GoalTarget;
  /** The target before any proration; proration always starts from it. */
  fullTarget: GoalTarget;
  status: "open" | "locked" | "cancelled";
  /** Every target version, oldest first. */
  versions: TargetVersion[];
  /** Child goal ids, in the order they were set. */
  children: string[];
}

/**
 * The state of a goal plan: its goals by id. Both the goal plan decider's state and the `goalBook` projection's.
 *
 * @example
 * ```ts
 * const plan: GoalPlanState = { goals: {} };
 * ```
 */
export interface GoalPlanState {
  goals: Record<string, GoalRecord>;
}

/**
 * Creates an empty goal plan.
 *
 * @returns `{ goals: {} }`.
 * @example
 * ```ts
 * const plan = emptyGoalPlan();
 * ```
 */
export function emptyGoalPlan(): GoalPlanState {
  return { goals: {} };
}

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out as T;
}

/**
 * Applies one goal event to a goal plan, in place. The projection runs it on its draft; the decider on a copy.
 *
 * @param state - The plan to change.
 * @param event - The event.
 * @example
 * ```ts
 * const plan = emptyGoalPlan();
 * applyGoalEvent(plan, goalSetEvent);
 * ```
 */
export function applyGoalEvent(state: GoalPlanState, event: GoalEvent): void {
  switch (event.type) {
    case "GoalSet": {
      const d = event.data;
      const first = withOptional<TargetVersion>(
        { version: 1, target: d.target, change: "set", at: d.at },
        { actor: d.actor },
      );
      state.goals[d.goalId] = withOptional<GoalRecord>(
        {
          goalId: d.goalId,
          metric: d.metric,
          period: d.period,
          owner: d.owner,
          description: d.description,
          measure: d.measure,
          target: d.target,
          fullTarget: d.target,
          status: "open",
          versions: [first],
          children: [],
        },
        { parentGoalId: d.parentGoalId, basis: d.basis },
      );
      if (d.parentGoalId !== undefined) state.goals[d.parentGoalId]?.children.push(d.goalId);
      return;
    }
    case "GoalCascaded":
      return;
    case "GoalRevised": {
      const d = event.data;
      const goal = state.goals[d.goalId];
      if (!goal) return;
      goal.description = d.description;
      goal.measure = d.measure;
      if (d.target !== undefined) {
        goal.target = d.target;
        goal.fullTarget = d.target;
      }
      goal.versions.push(
        withOptional<TargetVersion>(
          { version: d.version, target: goal.target, change: "revised", at: d.at },
          { actor: d.actor },
        ),
      );
      return;
    }
    case "GoalLocked": {
      const goal = state.goals[event.data.goalId];
      if (goal) goal.status = "locked";
      return;
    }
    case "GoalAdjusted": {
      const d = event.data;
      const goal = state.goals[d.goalId];
      if (!goal) return;
      goal.target = d.target;
      goal.fullTarget = d.target;
      goal.versions.push(
        withOptional<TargetVersion>(
          { version: d.version, target: d.target, change: "adjusted", reason: d.reason, at: d.at },
          { note: d.note, actor: d.actor },
        ),
      );
      return;
    }
    case "GoalProrated": {
      const d = event.data;
      const goal = state.goals[d.goalId];
      if (!goal) return;
      goal.target = d.target;
      const reason = `proration ${d.days}/${d.periodDays} days (${d.source}, ${d.rounding})`;
      goal.versions.push(
        withOptional<TargetVersion>(
          { version: d.version, target: d.target, change: "prorated", reason, at: d.at },
          { actor: d.actor },
        ),
      );
      return;
    }
    case "GoalCancelled": {
      const goal = state.goals[event.data.goalId];
      if (goal) goal.status = "cancelled";
      return;
    }
    default: {
      // Every event type is handled above; anything else (a newer event type) leaves the state as it is.
      const _exhaustive: never = event;
      return;
    }
  }
}

/**
 * Applies one goal event without touching the given plan: the goals the event changes are copied first.
 *
 * @param state - The plan before the event; left unchanged.
 * @param event - The event.
 * @returns The plan after the event.
 * @example
 * ```ts
 * const next = evolveGoalPlan(emptyGoalPlan(), goalSetEvent);
 * ```
 */
export function evolveGoalPlan(state: GoalPlanState, event: GoalEvent): GoalPlanState {
  const goals = { ...state.goals };
  const d = event.data as { goalId?: string; parentGoalId?: string };
  for (const id of [d.goalId, d.parentGoalId]) {
    if (id !== undefined && goals[id]) goals[id] = structuredClone(goals[id]!);
  }
  const next = { goals };
  applyGoalEvent(next, event);
  return next;
}
