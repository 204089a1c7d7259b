import { defineProjection, diffCalendarDays, ratio, roundRatio } from "../../core/index.ts";
import { analyticsSourceEvents, ratioBps } from "../sources.ts";

/**
 * Closed deals of one rep (or of everyone) with the total of their cycle lengths in calendar days.
 *
 * @example
 * ```ts
 * const c: CycleTotals = { won: 2, lost: 1, wonDays: 80, lostDays: 31 };
 * ```
 */
export interface CycleTotals {
  won: number;
  lost: number;
  /** Σ calendar days from `openedOn` to `closedOn` over won deals. */
  wonDays: number;
  /** The same over lost deals. */
  lostDays: number;
}

/**
 * The state of {@link salesCycle}.
 *
 * @example
 * ```ts
 * state.byOwner["rep-ana"]?.wonDays;
 * ```
 */
export interface SalesCycleState {
  readonly all: CycleTotals;
  readonly byOwner: Record<string, CycleTotals>;
}

const blank = (): CycleTotals => ({ won: 0, lost: 0, wonDays: 0, lostDays: 0 });

/**
 * Sales-cycle length and win rate, overall and per deal owner at close. A cycle is `closedOn − openedOn` in calendar
 * days (both plain dates, so no time zone is involved; a deal opened and closed the same day has a cycle of 0).
 * Use {@link cycleSummary} for averages and the win rate.
 *
 * @example
 * ```ts
 * const state = fold(salesCycle, events);
 * cycleSummary(state.all); // { averageWonDays: 40, averageLostDays: 31, winRateBps: 6667 }
 * ```
 */
export const salesCycle = /* @__PURE__ */ defineProjection({
  name: "analytics.salesCycle",
  events: analyticsSourceEvents,
  initialState: (): SalesCycleState => ({ all: blank(), byOwner: {} }),
  handlers: {
    DealWon: (s, e) => {
      const days = diffCalendarDays(e.data.openedOn, e.data.closedOn);
      for (const t of [s.all, (s.byOwner[e.data.ownerId] ??= blank())]) {
        t.won += 1;
        t.wonDays += days;
      }
    },
    DealLost: (s, e) => {
      const days = diffCalendarDays(e.data.openedOn, e.data.closedOn);
      for (const t of [s.all, (s.byOwner[e.data.ownerId] ??= blank())]) {
        t.lost += 1;
        t.lostDays += days;
      }
    },
  },
});

/**
 * Averages and win rate of a {@link CycleTotals}: average cycle days of won and lost deals (rounded half-up to
 * whole days) and the win rate in basis points (half-up).
 *
 * @param t - Totals from {@link salesCycle}.
 * @returns The summary; each figure is `null` when it has no deals.
 * @example
 * ```ts
 * cycleSummary({ won: 2, lost: 1, wonDays: 81, lostDays: 31 }); // { averageWonDays: 41, averageLostDays: 31, winRateBps: 6667 }
 * ```
 */
export function cycleSummary(t: CycleTotals): {
  averageWonDays: number | null;
  averageLostDays: number | null;
  winRateBps: number | null;
} {
  const avg = (days: number, n: number) => (n === 0 ? null : Number(roundRatio(ratio(days, n), "half_up")));
  return {
    averageWonDays: avg(t.wonDays, t.won),
    averageLostDays: avg(t.lostDays, t.lost),
    winRateBps: ratioBps(t.won, t.won + t.lost),
  };
}
