import { compareCalendarDates, type Decider } from "../core/index.ts";
import type { ImprovementPlanCommand } from "./commands.ts";
import type { ImprovementPlanEvent } from "./improvementPlanEvents.ts";
import { requireAppraisalsRule } from "./rules.ts";

const D = "improvementPlan";

/**
 * The state of an improvement plan: its rep, dates, goals, action items (open or completed), whether the rep
 * acknowledged it, and its outcome once closed.
 *
 * @example
 * ```ts
 * const s: ImprovementPlanState = improvementPlanDecider.initialState();
 * ```
 */
export interface ImprovementPlanState {
  readonly status: "none" | "active" | "closed";
  readonly planId: string;
  readonly repId: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly goalIds: readonly string[];
  readonly actions: Readonly<Record<string, { readonly dueOn: string; readonly completedOn?: string }>>;
  readonly acknowledged: boolean;
  readonly outcome?: "succeeded" | "not_succeeded" | "cancelled";
}

/**
 * The stream of an improvement plan.
 *
 * @param planId - The plan.
 * @returns `improvement-plan-<planId>`.
 * @example
 * ```ts
 * improvementPlanStreamId("pip-1"); // "improvement-plan-pip-1"
 * ```
 */
export function improvementPlanStreamId(planId: string): string {
  return `improvement-plan-${planId}`;
}

function evolve(s: ImprovementPlanState, e: ImprovementPlanEvent): ImprovementPlanState {
  switch (e.type) {
    case "ImprovementPlanStarted":
      return {
        ...s,
        status: "active",
        planId: e.data.planId,
        repId: e.data.repId,
        startsOn: e.data.startsOn,
        endsOn: e.data.endsOn,
        goalIds: e.data.goals.map((g) => g.goalId),
      };
    case "ImprovementActionAdded":
      return { ...s, actions: { ...s.actions, [e.data.actionId]: { dueOn: e.data.dueOn } } };
    case "ImprovementActionCompleted": {
      const a = s.actions[e.data.actionId]!;
      return { ...s, actions: { ...s.actions, [e.data.actionId]: { ...a, completedOn: e.data.completedOn } } };
    }
    case "ImprovementCheckInRecorded":
      return s;
    case "ImprovementPlanAcknowledged":
      return { ...s, acknowledged: true };
    case "ImprovementPlanExtended":
      return { ...s, endsOn: e.data.endsOn };
    case "ImprovementPlanClosed":
      return { ...s, status: "closed", outcome: e.data.outcome };
    default: {
      const _exhaustive: never = e;
      return s;
    }
  }
}

/**
 * The decider of an improvement plan (one stream each, after 15Five's PIPs): started with goals and dates, then
 * action items with due dates inside the plan, check-ins on the goals, the rep's acknowledgement, extensions and an
 * outcome. A plan closes as succeeded or not only once the rep has acknowledged it; it can always be cancelled.
 *
 * @example
 * ```ts
 * const plans = createCommandHandler({ store, decider: improvementPlanDecider, commands: improvementPlanCommand });
 * await plans.handle(improvementPlanStreamId("pip-1"), { type: "AcknowledgeImprovementPlan", data: { repId: "rep-bo" } });
 * ```
 */
export const improvementPlanDecider: Decider<ImprovementPlanCommand, ImprovementPlanEvent, ImprovementPlanState> = {
  name: D,
  version: "1",
  initialState: () => ({
    status: "none",
    planId: "",
    repId: "",
    startsOn: "",
    endsOn: "",
    goalIds: [],
    actions: {},
    acknowledged: false,
  }),
  evolve,
  decide: (command, state, { now }) => {
    if (command.type === "StartImprovementPlan") {
      const d = command.data;
      requireAppraisalsRule(state.status === "none", "plan_already_started", `${D}: ${d.planId} already exists`, {
        planId: d.planId,
      });
      requireAppraisalsRule(
        compareCalendarDates(d.startsOn, d.endsOn) <= 0,
        "plan_dates_invalid",
        `${D}: the plan ends (${d.endsOn}) before it starts (${d.startsOn})`,
        { startsOn: d.startsOn, endsOn: d.endsOn },
      );
      const { cycleId, ...rest } = d;
      return [
        {
          type: "ImprovementPlanStarted",
          data: { ...rest, ...(cycleId === undefined ? {} : { cycleId }), startedAt: now },
        },
      ];
    }
    requireAppraisalsRule(state.status !== "none", "plan_not_found", `${D}: the plan was never started`);
    requireAppraisalsRule(state.status === "active", "plan_not_active", `${D}: ${state.planId} is closed`, {
      planId: state.planId,
    });
    const planId = state.planId;
    switch (command.type) {
      case "AddImprovementAction": {
        const d = command.data;
        requireAppraisalsRule(
          state.actions[d.actionId] === undefined,
          "duplicate_action",
          `${D}: action ${d.actionId} exists`,
          { actionId: d.actionId },
        );
        requireAppraisalsRule(
          compareCalendarDates(d.dueOn, state.startsOn) >= 0 && compareCalendarDates(d.dueOn, state.endsOn) <= 0,
          "action_due_outside_plan",
          `${D}: ${d.dueOn} is outside the plan (${state.startsOn} to ${state.endsOn})`,
          { dueOn: d.dueOn },
        );
        return [{ type: "ImprovementActionAdded", data: { planId, ...d } }];
      }
      case "CompleteImprovementAction": {
        const d = command.data;
        const a = state.actions[d.actionId];
        requireAppraisalsRule(a !== undefined, "action_unknown", `${D}: no action ${d.actionId}`, {
          actionId: d.actionId,
        });
        requireAppraisalsRule(
          a.completedOn === undefined,
          "action_already_completed",
          `${D}: action ${d.actionId} was completed on ${a.completedOn}`,
          { actionId: d.actionId },
        );
        return [{ type: "ImprovementActionCompleted", data: { planId, ...d } }];
      }
      case "RecordImprovementCheckIn": {
        const d = command.data;
        const unknown = d.goalStatus.map((g) => g.goalId).filter((g) => !state.goalIds.includes(g));
        requireAppraisalsRule(
          unknown.length === 0,
          "check_in_goal_unknown",
          `${D}: no goal ${unknown.join(", ")} in the plan`,
          { goalIds: unknown },
        );
        return [{ type: "ImprovementCheckInRecorded", data: { planId, ...d } }];
      }
      case "AcknowledgeImprovementPlan": {
        const d = command.data;
        requireAppraisalsRule(
          d.repId === state.repId,
          "only_rep_acknowledges",
          `${D}: only ${state.repId} can acknowledge their plan, not ${d.repId}`,
          { repId: d.repId },
        );
        requireAppraisalsRule(!state.acknowledged, "already_acknowledged", `${D}: already acknowledged`);
        return [{ type: "ImprovementPlanAcknowledged", data: { planId, ...d, acknowledgedAt: now } }];
      }
      case "ExtendImprovementPlan": {
        const d = command.data;
        requireAppraisalsRule(
          compareCalendarDates(d.endsOn, state.endsOn) > 0,
          "extension_not_later",
          `${D}: ${d.endsOn} is not after the current end ${state.endsOn}`,
          { endsOn: d.endsOn },
        );
        return [{ type: "ImprovementPlanExtended", data: { planId, ...d } }];
      }
      case "CloseImprovementPlan": {
        const d = command.data;
        requireAppraisalsRule(
          d.outcome === "cancelled" || state.acknowledged,
          "outcome_requires_acknowledgement",
          `${D}: the rep has not acknowledged the plan; it can only be cancelled`,
          { outcome: d.outcome },
        );
        return [{ type: "ImprovementPlanClosed", data: { planId, ...d, closedAt: now } }];
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
