import { createEventCatalog, defineProjection, type Money, toEpochMilliseconds } from "../../core/index.ts";
import { SalesCreditAssigned } from "../../credit/events.ts";
import { InteractionLogged } from "../../customers/events.ts";
import { teamEvents } from "../../team/events.ts";
import { goalsEvents } from "../events.ts";
import { applyGoalEvent, emptyGoalPlan, type GoalPlanState } from "../goalPlan.ts";

/**
 * The events the goal progress projection reads: the goals events, the team events (for team roll-ups), sales
 * credits and logged interactions.
 *
 * @example
 * ```ts
 * goalProgressEvents.types.includes("SalesCreditAssigned"); // true
 * ```
 */
export const goalProgressEvents = /* @__PURE__ */ createEventCatalog([
  goalsEvents,
  teamEvents,
  SalesCreditAssigned,
  InteractionLogged,
]);

/**
 * One sales credit as goal progress keeps it.
 *
 * @example
 * ```ts
 * const c: CreditFact = { creditId: "c-1", at: Date.parse("2026-07-10T00:00:00Z"), repId: "rep-ana", customerId: "cu-1", revenue: true, sourceKey: "deal:d-1", amount: { amount: 100_00, currency: "USD" } };
 * ```
 */
export interface CreditFact {
  readonly creditId: string;
  /** `creditedAt`, epoch milliseconds. */
  readonly at: number;
  readonly repId: string;
  readonly customerId: string;
  /** `true` for a revenue-split credit, `false` for an overlay credit. */
  readonly revenue: boolean;
  /** `kind:id` of the source; a reversal carries the source of the credit it reverses. */
  readonly sourceKey: string;
  readonly amount: Money;
  readonly margin?: Money;
  readonly units?: number;
}

/**
 * The state of the goal progress projection: the goal plan and the facts attainment is measured from.
 *
 * @example
 * ```ts
 * const progress: GoalProgressState = fold(goalProgress, events);
 * progress.credits.length;
 * ```
 */
export interface GoalProgressState {
  plan: GoalPlanState;
  /** Every credit, in event order. */
  credits: CreditFact[];
  /** The source key of each credit id, to attribute reversals to the original source. */
  sourceOfCredit: Record<string, string>;
  /** Each customer's first sale: the earliest positive revenue-split credit that reverses nothing. */
  firstSale: Record<string, { at: number; sourceKey: string }>;
  /** The instants of each rep's logged interactions. */
  interactions: Record<string, number[]>;
  /** Each member's team over time. */
  memberTeams: Record<string, { at: number; value: string | null }[]>;
  /** Each team's creation instant and parent over time. */
  teams: Record<string, { createdAt: number; parent: { at: number; value: string | null }[] }>;
}

function insertStep(timeline: { at: number; value: string | null }[], at: number, value: string | null): void {
  let i = timeline.length;
  while (i > 0 && timeline[i - 1]!.at > at) i--;
  timeline.splice(i, 0, { at, value });
}

/**
 * Goal progress: the goal plan plus the sales credits, interactions and team membership needed to measure
 * attainment, pacing and roll-ups. Read it with `goalAttainment`, `goalPacing` and `starPerformers`.
 *
 * @example
 * ```ts
 * const progress = fold(goalProgress, events);
 * goalAttainment(progress, "q3").attainmentBps;
 * ```
 */
export const goalProgress = /* @__PURE__ */ defineProjection({
  name: "goalProgress",
  events: goalProgressEvents,
  initialState: (): GoalProgressState => ({
    plan: emptyGoalPlan(),
    credits: [],
    sourceOfCredit: {},
    firstSale: {},
    interactions: {},
    memberTeams: {},
    teams: {},
  }),
  handlers: {
    GoalSet: (draft, e) => applyGoalEvent(draft.plan, e),
    GoalRevised: (draft, e) => applyGoalEvent(draft.plan, e),
    GoalLocked: (draft, e) => applyGoalEvent(draft.plan, e),
    GoalAdjusted: (draft, e) => applyGoalEvent(draft.plan, e),
    GoalProrated: (draft, e) => applyGoalEvent(draft.plan, e),
    GoalCancelled: (draft, e) => applyGoalEvent(draft.plan, e),
    SalesCreditAssigned: (draft, e) => {
      const d = e.data;
      const own = `${d.source.kind}:${d.source.id}`;
      const sourceKey = (d.reversesCreditId && draft.sourceOfCredit[d.reversesCreditId]) || own;
      draft.sourceOfCredit[d.creditId] = sourceKey;
      const at = toEpochMilliseconds(d.creditedAt);
      const fact: { -readonly [K in keyof CreditFact]: CreditFact[K] } = {
        creditId: d.creditId,
        at,
        repId: d.repId,
        customerId: d.customerId,
        revenue: d.splitType === "revenue",
        sourceKey,
        amount: d.amount,
      };
      if (d.margin !== undefined) fact.margin = d.margin;
      if (d.units !== undefined) fact.units = d.units;
      // Never changed once listed: frozen now, while it is at hand, rather than found again by the final freeze.
      draft.credits.push(Object.freeze(fact));
      const first = draft.firstSale[d.customerId];
      const isSale = d.splitType === "revenue" && d.amount.amount > 0 && d.reversesCreditId === undefined;
      if (isSale && (first === undefined || at < first.at)) draft.firstSale[d.customerId] = { at, sourceKey };
    },
    InteractionLogged: (draft, e) => {
      (draft.interactions[e.data.repId] ??= []).push(toEpochMilliseconds(e.data.occurredAt));
    },
    TeamCreated: (draft, e) => {
      const at = toEpochMilliseconds(e.data.effectiveFrom);
      draft.teams[e.data.teamId] = { createdAt: at, parent: [{ at, value: e.data.parentTeamId ?? null }] };
    },
    TeamParentChanged: (draft, e) => {
      const team = draft.teams[e.data.teamId];
      if (team) insertStep(team.parent, toEpochMilliseconds(e.data.effectiveFrom), e.data.parentTeamId);
    },
    TeamMembershipChanged: (draft, e) => {
      insertStep((draft.memberTeams[e.data.memberId] ??= []), toEpochMilliseconds(e.data.effectiveFrom), e.data.teamId);
    },
  },
});
