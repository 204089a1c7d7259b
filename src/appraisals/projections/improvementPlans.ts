import { compareCalendarDates, defineProjection, isCalendarDate, ValidationError } from "../../core/index.ts";
import { improvementPlanEvents } from "../improvementPlanEvents.ts";

/**
 * An improvement plan as the board keeps it.
 *
 * @example
 * ```ts
 * const p: ImprovementPlanRecord = state.plans["pip-1"]!;
 * ```
 */
export interface ImprovementPlanRecord {
  repId: string;
  managerId: string;
  cycleId?: string;
  startsOn: string;
  endsOn: string;
  acknowledged: boolean;
  status: "active" | "closed";
  outcome?: "succeeded" | "not_succeeded" | "cancelled";
  actions: Record<string, { ownerId: string; dueOn: string; completedOn?: string }>;
  checkIns: { heldOn: string; statuses: Record<string, string> }[];
}

/**
 * The state of {@link improvementPlanBoard}.
 *
 * @example
 * ```ts
 * state.plans["pip-1"]?.acknowledged; // true
 * ```
 */
export interface ImprovementPlansState {
  readonly plans: Record<string, ImprovementPlanRecord>;
}

/**
 * Every improvement plan: dates, acknowledgement, action items, check-ins (with each goal's status) and outcome.
 * Read it with {@link improvementPlanStatus}.
 *
 * @example
 * ```ts
 * const state = fold(improvementPlanBoard, events);
 * ```
 */
export const improvementPlanBoard = /* @__PURE__ */ defineProjection({
  name: "appraisals.improvementPlans",
  events: improvementPlanEvents,
  initialState: (): ImprovementPlansState => ({ plans: {} }),
  handlers: {
    ImprovementPlanStarted: (s, e) => {
      const d = e.data;
      s.plans[d.planId] = {
        repId: d.repId,
        managerId: d.managerId,
        ...(d.cycleId ? { cycleId: d.cycleId } : {}),
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        acknowledged: false,
        status: "active",
        actions: {},
        checkIns: [],
      };
    },
    ImprovementActionAdded: (s, e) => {
      const p = s.plans[e.data.planId];
      if (p) p.actions[e.data.actionId] = { ownerId: e.data.ownerId, dueOn: e.data.dueOn };
    },
    ImprovementActionCompleted: (s, e) => {
      const a = s.plans[e.data.planId]?.actions[e.data.actionId];
      if (a) a.completedOn = e.data.completedOn;
    },
    ImprovementCheckInRecorded: (s, e) => {
      const statuses = Object.fromEntries(e.data.goalStatus.map((g) => [g.goalId, g.status]));
      s.plans[e.data.planId]?.checkIns.push({ heldOn: e.data.heldOn, statuses });
    },
    ImprovementPlanAcknowledged: (s, e) => {
      const p = s.plans[e.data.planId];
      if (p) p.acknowledged = true;
    },
    ImprovementPlanExtended: (s, e) => {
      const p = s.plans[e.data.planId];
      if (p) p.endsOn = e.data.endsOn;
    },
    ImprovementPlanClosed: (s, e) => {
      const p = s.plans[e.data.planId];
      if (p) Object.assign(p, { status: "closed", outcome: e.data.outcome });
    },
  },
});

/**
 * An improvement plan's status on a day: actions done and overdue (due before the day), days left, acknowledgement.
 *
 * @param state - The board state.
 * @param planId - The plan.
 * @param asOf - The day.
 * @returns The status.
 * @throws {@link ValidationError} `unknown_plan`, `invalid_calendar_date`.
 * @example
 * ```ts
 * improvementPlanStatus(state, "pip-1", "2026-10-20"); // { actions: 2, done: 1, overdue: ["a2"], acknowledged: true, … }
 * ```
 */
export function improvementPlanStatus(
  state: ImprovementPlansState,
  planId: string,
  asOf: string,
): { actions: number; done: number; overdue: string[]; acknowledged: boolean; status: string; outcome?: string } {
  const p = state.plans[planId];
  if (p === undefined || !isCalendarDate(asOf)) {
    throw new ValidationError("improvementPlanStatus", [
      p === undefined
        ? { code: "unknown_plan", path: ["planId"], message: `no plan ${planId}` }
        : { code: "invalid_calendar_date", path: ["asOf"], message: "expected YYYY-MM-DD" },
    ]);
  }
  const actions = Object.entries(p.actions);
  return {
    actions: actions.length,
    done: actions.filter(([, a]) => a.completedOn !== undefined).length,
    overdue: actions
      .filter(([, a]) => a.completedOn === undefined && compareCalendarDates(a.dueOn, asOf) < 0)
      .map(([id]) => id)
      .sort(),
    acknowledged: p.acknowledged,
    status: p.status,
    ...(p.outcome ? { outcome: p.outcome } : {}),
  };
}
