import type { Decider } from "../core/index.ts";
import type { DevelopmentPlanCommand } from "./commands.ts";
import type { DevelopmentObjective, DevelopmentPlanEvent } from "./developmentPlanEvents.ts";
import { requireTrainingRule } from "./rules.ts";

const D = "developmentPlan";

/**
 * The state of a development plan: its gaps and objectives (with completion) and whether it is closed.
 *
 * @example
 * ```ts
 * const s: DevelopmentPlanState = developmentPlanDecider.initialState();
 * ```
 */
export interface DevelopmentPlanState {
  readonly status: "none" | "active" | "closed";
  readonly planId: string;
  readonly gapIds: readonly string[];
  readonly objectives: Readonly<Record<string, { readonly completedOn?: string }>>;
}

/**
 * The stream of a development plan.
 *
 * @param planId - The plan.
 * @returns `development-plan-<planId>`.
 * @example
 * ```ts
 * developmentPlanStreamId("idp-ana"); // "development-plan-idp-ana"
 * ```
 */
export function developmentPlanStreamId(planId: string): string {
  return `development-plan-${planId}`;
}

function evolve(s: DevelopmentPlanState, e: DevelopmentPlanEvent): DevelopmentPlanState {
  switch (e.type) {
    case "DevelopmentPlanCreated":
      return {
        status: "active",
        planId: e.data.planId,
        gapIds: e.data.gaps.map((g) => g.gapId),
        objectives: Object.fromEntries(e.data.objectives.map((o) => [o.objectiveId, {}])),
      };
    case "DevelopmentObjectiveAdded":
      return { ...s, objectives: { ...s.objectives, [e.data.objective.objectiveId]: {} } };
    case "DevelopmentObjectiveCompleted":
      return { ...s, objectives: { ...s.objectives, [e.data.objectiveId]: { completedOn: e.data.completedOn } } };
    case "DevelopmentPlanReviewed":
      return s;
    case "DevelopmentPlanClosed":
      return { ...s, status: "closed" };
    default: {
      const _exhaustive: never = e;
      return s;
    }
  }
}

function checkObjectives(objectives: readonly DevelopmentObjective[], known: Set<string>, gapIds: readonly string[]) {
  for (const o of objectives) {
    requireTrainingRule(!known.has(o.objectiveId), "duplicate_objective", `${D}: objective ${o.objectiveId} exists`, {
      objectiveId: o.objectiveId,
    });
    known.add(o.objectiveId);
    requireTrainingRule(
      o.gapId === undefined || gapIds.includes(o.gapId),
      "objective_gap_unknown",
      `${D}: objective ${o.objectiveId} addresses unknown gap ${o.gapId}`,
      { gapId: o.gapId },
    );
  }
}

/**
 * The decider of an individual development plan (one stream each, source article §5.2): a career goal, gaps traced to
 * appraisal KPIs (see `developmentGapsFromScorecard`), objectives addressing those gaps, reviews in 1:1 meetings, and
 * an outcome.
 *
 * @example
 * ```ts
 * const plans = createCommandHandler({ store, decider: developmentPlanDecider, commands: developmentPlanCommand });
 * await plans.handle(developmentPlanStreamId("idp-ana"), { type: "ReviewDevelopmentPlan", data: { meetingId: "1on1-w42", reviewerId: "mgr-li", reviewedOn: "2026-10-16", note: "On track" } });
 * ```
 */
export const developmentPlanDecider: Decider<DevelopmentPlanCommand, DevelopmentPlanEvent, DevelopmentPlanState> = {
  name: D,
  version: "1",
  initialState: () => ({ status: "none", planId: "", gapIds: [], objectives: {} }),
  evolve,
  decide: (command, state, { now }) => {
    if (command.type === "CreateDevelopmentPlan") {
      const d = command.data;
      requireTrainingRule(state.status === "none", "development_plan_exists", `${D}: ${d.planId} exists`, {
        planId: d.planId,
      });
      checkObjectives(
        d.objectives,
        new Set(),
        d.gaps.map((g) => g.gapId),
      );
      return [{ type: "DevelopmentPlanCreated", data: { ...d, createdAt: now } }];
    }
    requireTrainingRule(state.status !== "none", "development_plan_not_found", `${D}: the plan was never created`);
    requireTrainingRule(state.status === "active", "development_plan_closed", `${D}: ${state.planId} is closed`, {
      planId: state.planId,
    });
    const planId = state.planId;
    switch (command.type) {
      case "AddDevelopmentObjective":
        checkObjectives([command.data.objective], new Set(Object.keys(state.objectives)), state.gapIds);
        return [{ type: "DevelopmentObjectiveAdded", data: { planId, ...command.data } }];
      case "CompleteDevelopmentObjective": {
        const d = command.data;
        const o = state.objectives[d.objectiveId];
        requireTrainingRule(o !== undefined, "objective_unknown", `${D}: no objective ${d.objectiveId}`, {
          objectiveId: d.objectiveId,
        });
        requireTrainingRule(
          o.completedOn === undefined,
          "objective_already_completed",
          `${D}: ${d.objectiveId} was completed on ${o.completedOn}`,
          { objectiveId: d.objectiveId },
        );
        return [{ type: "DevelopmentObjectiveCompleted", data: { planId, ...d } }];
      }
      case "ReviewDevelopmentPlan":
        return [{ type: "DevelopmentPlanReviewed", data: { planId, ...command.data } }];
      case "CloseDevelopmentPlan":
        return [{ type: "DevelopmentPlanClosed", data: { planId, ...command.data, closedAt: now } }];
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
