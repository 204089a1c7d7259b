import { compareCalendarDates, type Decider } from "../core/index.ts";
import type { IncentivePlanCommand } from "./commands.ts";
import type { IncentiveEvent } from "./events.ts";
import type { PlanDefinition } from "./plan/planDefinition.ts";
import { incentiveRules, requireIncentiveRule, requireReason } from "./rules.ts";

const WHO = "incentivePlan";

/**
 * What the plan decider remembers: the plan's versions and its assignments.
 *
 * @example
 * ```ts
 * const s: IncentivePlanState = { planId: undefined, versions: [], assignments: {} };
 * ```
 */
export interface IncentivePlanState {
  readonly planId: string | undefined;
  readonly versions: readonly PlanDefinition[];
  readonly assignments: Readonly<
    Record<string, { readonly repId: string; readonly from: string; readonly through: string | undefined }>
  >;
}

/**
 * The stream id of a plan: its versions and assignments.
 *
 * @param planId - The plan's id.
 * @returns `incentive-plan-<planId>`.
 * @example
 * ```ts
 * await handler.handle(incentivePlanStreamId("ae-2026"), { type: "PublishIncentivePlan", data: { plan } });
 * ```
 */
export function incentivePlanStreamId(planId: string): string {
  return `incentive-plan-${planId}`;
}

type Events = Extract<
  IncentiveEvent,
  { type: "IncentivePlanPublished" | "IncentivePlanRevised" | "IncentivePlanAssigned" | "IncentivePlanAssignmentEnded" }
>;

const overlaps = (
  a: { from: string; through?: string | undefined },
  b: { from: string; through?: string | undefined },
) =>
  (a.through === undefined || compareCalendarDates(b.from, a.through) <= 0) &&
  (b.through === undefined || compareCalendarDates(a.from, b.through) <= 0);

function requirePlan(state: IncentivePlanState, planId: string): void {
  requireIncentiveRule(
    state.planId !== undefined,
    incentiveRules.planNotPublished,
    `${WHO}: plan ${planId} is not published`,
    { planId },
  );
  requireIncentiveRule(
    state.planId === planId,
    incentiveRules.planMismatch,
    `${WHO}: this stream is plan ${state.planId}, not ${planId}`,
    {
      planId,
    },
  );
}

function requireNoOverlap(
  state: IncentivePlanState,
  repId: string,
  range: { from: string; through?: string | undefined },
  except?: string,
) {
  for (const [assignmentId, a] of Object.entries(state.assignments)) {
    if (assignmentId === except || a.repId !== repId) continue;
    requireIncentiveRule(
      !overlaps(a, range),
      incentiveRules.assignmentOverlaps,
      `${WHO}: ${repId} is already on the plan from ${a.from}${a.through ? ` through ${a.through}` : ""} (${assignmentId})`,
      { assignmentId, repId },
    );
  }
}

function requireOrderedDates(from: string, through: string | undefined): void {
  requireIncentiveRule(
    through === undefined || compareCalendarDates(from, through) <= 0,
    incentiveRules.assignmentEndsBeforeStart,
    `${WHO}: an assignment cannot end (${through}) before it starts (${from})`,
    { from, through },
  );
}

/**
 * The plan decider: publishes versions (each above the last, compatible with the first) and assigns reps,
 * effective-dated, never overlapping for one rep.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: incentivePlanDecider, commands: incentivePlanCommand });
 * await handler.handle(incentivePlanStreamId("ae-2026"), { type: "PublishIncentivePlan", data: { plan } });
 * ```
 */
export const incentivePlanDecider: Decider<IncentivePlanCommand, Events, IncentivePlanState> = {
  name: "incentivePlan",
  initialState: () => ({ planId: undefined, versions: [], assignments: {} }),
  evolve: (state, event) => {
    switch (event.type) {
      case "IncentivePlanPublished":
      case "IncentivePlanRevised":
        return { ...state, planId: event.data.plan.planId, versions: [...state.versions, event.data.plan] };
      case "IncentivePlanAssigned": {
        const { assignmentId, repId, from, through } = event.data;
        return { ...state, assignments: { ...state.assignments, [assignmentId]: { repId, from, through } } };
      }
      case "IncentivePlanAssignmentEnded": {
        const a = state.assignments[event.data.assignmentId];
        if (a === undefined) return state;
        return {
          ...state,
          assignments: { ...state.assignments, [event.data.assignmentId]: { ...a, through: event.data.through } },
        };
      }
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
  decide: (command, state, { now, newId }) => {
    switch (command.type) {
      case "PublishIncentivePlan": {
        const { plan } = command.data;
        requireIncentiveRule(
          state.planId === undefined,
          incentiveRules.planAlreadyPublished,
          `${WHO}: plan ${state.planId} is already published; publish a new version with ReviseIncentivePlan`,
          {
            planId: plan.planId,
          },
        );
        return { type: "IncentivePlanPublished", data: { plan, publishedAt: now } };
      }
      case "ReviseIncentivePlan": {
        const { plan, reason } = command.data;
        requirePlan(state, plan.planId);
        requireReason(WHO, reason);
        const last = Math.max(...state.versions.map((v) => v.version));
        requireIncentiveRule(
          plan.version > last,
          incentiveRules.planVersionExists,
          `${WHO}: version ${plan.version} of ${plan.planId} is not above the latest, ${last}`,
          {
            version: plan.version,
            latest: last,
          },
        );
        const first = state.versions[0] as PlanDefinition;
        const same =
          plan.currency === first.currency &&
          plan.periodKind === first.periodKind &&
          JSON.stringify(plan.calendar) === JSON.stringify(first.calendar);
        requireIncentiveRule(
          same,
          incentiveRules.planVersionsIncompatible,
          `${WHO}: a new version keeps the currency, calendar and period kind of ${plan.planId}`,
          {
            version: plan.version,
          },
        );
        return { type: "IncentivePlanRevised", data: { plan, reason, revisedAt: now } };
      }
      case "AssignIncentivePlan": {
        const { planId, repId, from, through, quotas } = command.data;
        requirePlan(state, planId);
        requireOrderedDates(from, through);
        requireNoOverlap(state, repId, { from, through });
        return {
          type: "IncentivePlanAssigned",
          data: {
            assignmentId: newId(),
            planId,
            repId,
            from,
            ...(through !== undefined && { through }),
            quotas,
            assignedAt: now,
          },
        };
      }
      case "EndIncentivePlanAssignment": {
        const { planId, assignmentId, through, reason } = command.data;
        requirePlan(state, planId);
        const a = state.assignments[assignmentId];
        requireIncentiveRule(
          a !== undefined,
          incentiveRules.assignmentNotFound,
          `${WHO}: no assignment ${assignmentId}`,
          { assignmentId },
        );
        requireOrderedDates(a.from, through);
        requireNoOverlap(state, a.repId, { from: a.from, through }, assignmentId);
        return {
          type: "IncentivePlanAssignmentEnded",
          data: { assignmentId, planId, repId: a.repId, through, reason, endedAt: now },
        };
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
