import { bucketKey, defineProjection, type Projection } from "../../core/index.ts";
import {
  _checkBucketOptions,
  type AnalyticsSourceEvent,
  analyticsSourceEvents,
  type BucketOptions,
  ratioBps,
} from "../sources.ts";

/**
 * A rep's activity and outcomes in one period.
 *
 * @example
 * ```ts
 * const a: ActivityFigures = { interactions: 12, positive: 5, byChannel: { call: 8, visit: 4 }, dealsOpened: 3, won: 2, lost: 1, wonAmount: { USD: 7_800_000 } };
 * ```
 */
export interface ActivityFigures {
  interactions: number;
  positive: number;
  byChannel: Record<string, number>;
  dealsOpened: number;
  won: number;
  lost: number;
  wonAmount: Record<string, number>;
}

/**
 * The state of an activity-to-outcome projection: figures by rep, then by period id.
 *
 * @example
 * ```ts
 * state.byRep["rep-ana"]?.["2026-07"]?.won;
 * ```
 */
export interface ActivityOutcomeState {
  readonly byRep: Record<string, Record<string, ActivityFigures>>;
}

const blank = (): ActivityFigures => ({
  interactions: 0,
  positive: 0,
  byChannel: {},
  dealsOpened: 0,
  won: 0,
  lost: 0,
  wonAmount: {},
});

/**
 * Creates an activity-to-outcome projection: per rep and period, interactions logged (by `occurredAt`), deals
 * opened (by `openedAt`, for the opening owner) and deals won and lost (by `closedAt`, for the owner at close).
 * Use {@link activityRatios} for the ratios.
 *
 * @param options - The calendar and the period kind to bucket by.
 * @returns The projection.
 * @throws {@link ValidationError} for a bad calendar or period kind.
 * @example
 * ```ts
 * const activity = createActivityOutcomeProjection({ calendar: cal, period: "quarter" });
 * activityRatios(fold(activity, events), "rep-ana").interactionsPerWonDealBps;
 * ```
 */
export function createActivityOutcomeProjection(
  options: BucketOptions,
): Projection<AnalyticsSourceEvent, ActivityOutcomeState> {
  _checkBucketOptions("createActivityOutcomeProjection", options);
  const { calendar, period } = options;
  const figures = (s: ActivityOutcomeState, repId: string, at: string): ActivityFigures => {
    const byPeriod = (s.byRep[repId] ??= {});
    return (byPeriod[bucketKey(calendar, period, at)] ??= blank());
  };
  return defineProjection({
    name: `analytics.activityOutcome.${period}`,
    events: analyticsSourceEvents,
    initialState: (): ActivityOutcomeState => ({ byRep: {} }),
    handlers: {
      InteractionLogged: (s, e) => {
        const f = figures(s, e.data.repId, e.data.occurredAt);
        f.interactions += 1;
        if (e.data.outcome === "positive") f.positive += 1;
        f.byChannel[e.data.channel] = (f.byChannel[e.data.channel] ?? 0) + 1;
      },
      DealOpened: (s, e) => {
        figures(s, e.data.ownerId, e.data.openedAt).dealsOpened += 1;
      },
      DealWon: (s, e) => {
        const f = figures(s, e.data.ownerId, e.data.closedAt);
        f.won += 1;
        f.wonAmount[e.data.amount.currency] = (f.wonAmount[e.data.amount.currency] ?? 0) + e.data.amount.amount;
      },
      DealLost: (s, e) => {
        figures(s, e.data.ownerId, e.data.closedAt).lost += 1;
      },
    },
  });
}

/**
 * Activity-to-outcome ratios of a rep, over one period or all periods, in basis points (×10,000, half-up):
 * interactions per won deal (`125000` = 12.5 interactions per win), interactions per opened deal, the win rate and
 * the share of positive interactions. A ratio with a zero denominator is `null`.
 *
 * @param state - The state of an activity-to-outcome projection.
 * @param repId - The rep.
 * @param periodId - A period id; all periods when omitted.
 * @returns The summed figures and the ratios.
 * @example
 * ```ts
 * activityRatios(state, "rep-ana", "2026-Q3"); // { interactions: 12, won: 2, …, interactionsPerWonDealBps: 60000, winRateBps: 6667 }
 * ```
 */
export function activityRatios(
  state: ActivityOutcomeState,
  repId: string,
  periodId?: string,
): ActivityFigures & {
  interactionsPerWonDealBps: number | null;
  interactionsPerOpenedDealBps: number | null;
  winRateBps: number | null;
  positiveRateBps: number | null;
} {
  const byPeriod = state.byRep[repId] ?? {};
  const t = blank();
  for (const [id, f] of Object.entries(byPeriod)) {
    if (periodId !== undefined && id !== periodId) continue;
    t.interactions += f.interactions;
    t.positive += f.positive;
    t.dealsOpened += f.dealsOpened;
    t.won += f.won;
    t.lost += f.lost;
    for (const [k, v] of Object.entries(f.byChannel)) t.byChannel[k] = (t.byChannel[k] ?? 0) + v;
    for (const [k, v] of Object.entries(f.wonAmount)) t.wonAmount[k] = (t.wonAmount[k] ?? 0) + v;
  }
  return {
    ...t,
    interactionsPerWonDealBps: ratioBps(t.interactions, t.won),
    interactionsPerOpenedDealBps: ratioBps(t.interactions, t.dealsOpened),
    winRateBps: ratioBps(t.won, t.won + t.lost),
    positiveRateBps: ratioBps(t.positive, t.interactions),
  };
}
