import { defineProjection } from "../../core/index.ts";
import { analyticsSourceEvents, ratioBps } from "../sources.ts";

/**
 * Closed deals of one group: how many, and their amounts per currency (minor units).
 *
 * @example
 * ```ts
 * const t: OutcomeTotals = { count: 2, amountByCurrency: { USD: 7_800_000 } };
 * ```
 */
export interface OutcomeTotals {
  count: number;
  amountByCurrency: Record<string, number>;
}

/**
 * How deals went against one competitor: the closed deals it was on, won and lost among them, and lost to it.
 * Strengths and weaknesses are counted over the deals it is currently recorded on (closed or not): removing it from a
 * deal takes that deal's counts back out.
 *
 * @example
 * ```ts
 * const c: CompetitorRecord = { name: "Globex", closed: 3, won: 1, lost: 2, lostTo: 2, strengths: { price: 2 }, weaknesses: {} };
 * ```
 */
export interface CompetitorRecord {
  name: string;
  closed: number;
  won: number;
  lost: number;
  lostTo: number;
  strengths: Record<string, number>;
  weaknesses: Record<string, number>;
}

/**
 * The state of {@link winLoss}.
 *
 * @example
 * ```ts
 * state.lostByReason.price?.count;
 * ```
 */
export interface WinLossState {
  readonly won: OutcomeTotals;
  readonly lost: OutcomeTotals;
  readonly wonByReason: Record<string, OutcomeTotals>;
  readonly lostByReason: Record<string, OutcomeTotals>;
  readonly byCompetitor: Record<string, CompetitorRecord>;
  /**
   * @internal The strengths and weaknesses each deal currently records for each competitor, so that removing a
   * competitor from a deal (or recording it again) takes its counts back out.
   */
  readonly onDeal: Record<string, Record<string, { strengths: string[]; weaknesses: string[] }>>;
}

const totals = (): OutcomeTotals => ({ count: 0, amountByCurrency: {} });

function count(t: OutcomeTotals, currency: string, amount: number): void {
  t.count += 1;
  t.amountByCurrency[currency] = (t.amountByCurrency[currency] ?? 0) + amount;
}

/** Takes one deal's strengths and weaknesses of a competitor back out of its counts; a count that reaches 0 goes. */
function untally(r: CompetitorRecord, recorded: { strengths: string[]; weaknesses: string[] }): void {
  for (const [counts, keys] of [
    [r.strengths, recorded.strengths],
    [r.weaknesses, recorded.weaknesses],
  ] as const) {
    for (const x of keys) {
      const left = (counts[x] ?? 0) - 1;
      if (left > 0) counts[x] = left;
      else delete counts[x];
    }
  }
}

function competitor(s: WinLossState, id: string): CompetitorRecord {
  return (s.byCompetitor[id] ??= { name: id, closed: 0, won: 0, lost: 0, lostTo: 0, strengths: {}, weaknesses: {} });
}

/**
 * Win/loss analysis: won and lost deals overall, by reason, and by competitor (the competitors recorded on the deal
 * when it closed, and the one it was lost to). Use {@link winRateBps} for rates.
 *
 * @example
 * ```ts
 * const state = fold(winLoss, events);
 * winRateBps(state.won.count, state.lost.count); // e.g. 6667
 * ```
 */
export const winLoss = /* @__PURE__ */ defineProjection({
  name: "analytics.winLoss",
  events: analyticsSourceEvents,
  initialState: (): WinLossState => ({
    won: totals(),
    lost: totals(),
    wonByReason: {},
    lostByReason: {},
    byCompetitor: {},
    onDeal: {},
  }),
  handlers: {
    DealCompetitorAdded: (s, e) => {
      const c = e.data.competitor;
      const r = competitor(s, c.competitorId);
      r.name = c.name;
      const deal = (s.onDeal[e.data.dealId] ??= {});
      // Recorded again on the same deal: the new strengths and weaknesses replace the old ones.
      const previous = deal[c.competitorId];
      if (previous !== undefined) untally(r, previous);
      deal[c.competitorId] = { strengths: [...c.strengths], weaknesses: [...c.weaknesses] };
      for (const x of c.strengths) r.strengths[x] = (r.strengths[x] ?? 0) + 1;
      for (const x of c.weaknesses) r.weaknesses[x] = (r.weaknesses[x] ?? 0) + 1;
    },
    DealCompetitorRemoved: (s, e) => {
      const deal = s.onDeal[e.data.dealId];
      const previous = deal?.[e.data.competitorId];
      if (deal === undefined || previous === undefined) return;
      untally(competitor(s, e.data.competitorId), previous);
      delete deal[e.data.competitorId];
    },
    DealWon: (s, e) => {
      const d = e.data;
      count(s.won, d.amount.currency, d.amount.amount);
      count((s.wonByReason[d.reason] ??= totals()), d.amount.currency, d.amount.amount);
      for (const id of d.competitorIds) {
        const r = competitor(s, id);
        r.closed += 1;
        r.won += 1;
      }
    },
    DealLost: (s, e) => {
      const d = e.data;
      count(s.lost, d.amount.currency, d.amount.amount);
      count((s.lostByReason[d.reason] ??= totals()), d.amount.currency, d.amount.amount);
      for (const id of d.competitorIds) {
        const r = competitor(s, id);
        r.closed += 1;
        r.lost += 1;
      }
      if (d.lostToCompetitorId !== undefined) competitor(s, d.lostToCompetitorId).lostTo += 1;
    },
  },
});

/**
 * A win rate in basis points: won / (won + lost), rounded once, half-up.
 *
 * @param won - Deals won.
 * @param lost - Deals lost.
 * @returns 0 to 10,000, or `null` when nothing closed.
 * @example
 * ```ts
 * winRateBps(2, 1); // 6667
 * ```
 */
export function winRateBps(won: number, lost: number): number | null {
  return ratioBps(won, won + lost);
}
