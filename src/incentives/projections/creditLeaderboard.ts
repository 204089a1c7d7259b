import {
  bucketKey,
  type Calendar,
  createEventCatalog,
  defineProjection,
  type PeriodKind,
  type Projection,
  toEpochMilliseconds,
  toIsoInstant,
} from "../../core/index.ts";
import { type CreditEvent, SalesCreditAssigned } from "../../credit/events.ts";
import { type LeaderboardOptions, type LeaderboardRow, leaderboard } from "../recognition/leaderboard.ts";

/**
 * The metrics {@link creditLeaderboard} counts per rep and period:
 * - `revenue`: net revenue-split credit, in minor units (overlays excluded, reversals subtracted);
 * - `overlay`: net overlay credit, in minor units;
 * - `deals`: won-deal revenue credits, in basis points of a deal (a 50% split counts 5,000), net of cancellations.
 *
 * @example
 * ```ts
 * const metric: CreditMetric = "deals";
 * ```
 */
export type CreditMetric = "revenue" | "overlay" | "deals";

/**
 * The state of a credit leaderboard: per period id, per rep, each metric's value and when it last changed.
 *
 * @example
 * ```ts
 * state.periods["2026-07"]?.["rep-ana"]?.revenue;
 * ```
 */
export interface CreditLeaderboardState {
  readonly periods: Record<string, Record<string, Record<CreditMetric, number> & { lastAt: number }>>;
}

/**
 * Builds a leaderboard projection over sales credits in one currency: each rep's revenue, overlay and deals per
 * period of `periodKind` in `calendar` (credits bucketed by `creditedAt`). Rank it with {@link leaderboardFor}.
 *
 * @param options - The calendar, the period kind and the currency counted (credits in others are ignored).
 * @returns A projection over `SalesCreditAssigned`.
 * @example
 * ```ts
 * const board = creditLeaderboard({ calendar: defineCalendar({ timeZone: "Europe/Paris" }), periodKind: "month", currency: "EUR" });
 * const { state } = await rebuildProjection(store, board);
 * leaderboardFor(state, "revenue", "2026-07");
 * ```
 */
export function creditLeaderboard(options: {
  readonly calendar: Calendar;
  readonly periodKind: PeriodKind;
  readonly currency: string;
}): Projection<CreditEvent, CreditLeaderboardState> {
  const { calendar, periodKind, currency } = options;
  return defineProjection({
    name: `creditLeaderboard:${periodKind}:${currency}`,
    events: createEventCatalog([SalesCreditAssigned]),
    initialState: (): CreditLeaderboardState => ({ periods: {} }),
    handlers: {
      SalesCreditAssigned: (s, e) => {
        const d = e.data;
        if (d.amount.currency !== currency) return;
        const period = (s.periods[bucketKey(calendar, periodKind, d.creditedAt)] ??= {});
        const row = (period[d.repId] ??= { revenue: 0, overlay: 0, deals: 0, lastAt: 0 });
        if (d.splitType === "overlay") row.overlay += d.amount.amount;
        else {
          row.revenue += d.amount.amount;
          const reversal = d.source.kind === "cancellation";
          if (d.source.kind === "deal" || reversal) row.deals += reversal ? -d.shareBps : d.shareBps;
        }
        row.lastAt = Math.max(row.lastAt, toEpochMilliseconds(d.creditedAt));
      },
    },
  });
}

/**
 * Ranks the reps of a period on one metric of a {@link creditLeaderboard}; ties go to who reached the value first
 * (the last contributing credit's instant), then to the rep id (see `leaderboard`).
 *
 * @param state - The leaderboard's state.
 * @param metric - `revenue`, `overlay` or `deals`.
 * @param periodId - The period.
 * @param options - Order and limit.
 * @returns The ranked rows (empty for a period without credits).
 * @example
 * ```ts
 * leaderboardFor(state, "deals", "2026-07", { limit: 3 });
 * ```
 */
export function leaderboardFor(
  state: CreditLeaderboardState,
  metric: CreditMetric,
  periodId: string,
  options: LeaderboardOptions = {},
): LeaderboardRow[] {
  const reps = state.periods[periodId] ?? {};
  return leaderboard(
    Object.entries(reps).map(([repId, r]) => ({ repId, value: r[metric], reachedAt: toIsoInstant(r.lastAt) })),
    options,
  );
}
