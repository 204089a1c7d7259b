import { defineProjection } from "../../core/index.ts";
import { incentivesEvents } from "../events.ts";

/**
 * One locked payout: what a rep was paid for a plan's period, split into the period's own earnings, the prior-period
 * adjustments it carried and the manual or dispute adjustments.
 *
 * @example
 * ```ts
 * const p: Payout = { planId: "ae-2026", periodId: "2026-01", currency: "USD", total: 400_000, own: 400_000, priorPeriod: 0, adjustments: 0, planVersion: 1, lockedAt: "2026-02-05T09:00:00.000Z" };
 * ```
 */
export interface Payout {
  readonly planId: string;
  readonly periodId: string;
  readonly currency: string;
  /** What was paid, in minor units: `own + priorPeriod + adjustments`. */
  readonly total: number;
  /** The period's own lines. */
  readonly own: number;
  /** Prior-period adjustment lines (late credits, plan corrections). */
  readonly priorPeriod: number;
  /** Manual and dispute adjustments. */
  readonly adjustments: number;
  readonly planVersion: number;
  readonly lockedAt: string;
}

/**
 * The state of {@link payoutHistory}: each rep's payouts in the order they were locked, and the rep's total paid per
 * currency.
 *
 * @example
 * ```ts
 * state.byRep["rep-ana"]?.payouts.map((p) => p.periodId);
 * ```
 */
export interface PayoutHistoryState {
  readonly byRep: Record<string, { payouts: Payout[]; paid: Record<string, number> }>;
}

/**
 * The payout history: every locked statement per rep, as paid. It reads only lock events, so it never changes when
 * credits arrive late (those show up as prior-period adjustments of a later payout).
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, payoutHistory);
 * state.byRep["rep-ana"]?.paid.USD;
 * ```
 */
export const payoutHistory = /* @__PURE__ */ defineProjection({
  name: "incentivePayoutHistory",
  events: incentivesEvents,
  initialState: (): PayoutHistoryState => ({ byRep: {} }),
  handlers: {
    IncentiveStatementLocked: (s, e) => {
      const { planId, periodId, repId, statement, adjustments, total, lockedAt } = e.data;
      const priorPeriod = statement.lines
        .filter((l) => l.kind === "prior_period_adjustment")
        .reduce((sum, l) => sum + l.amount.amount, 0);
      const adjusted = adjustments.reduce((sum, a) => sum + a.amount.amount, 0);
      const rep = (s.byRep[repId] ??= { payouts: [], paid: {} });
      rep.payouts.push({
        planId,
        periodId,
        currency: total.currency,
        total: total.amount,
        own: statement.total.amount - priorPeriod,
        priorPeriod,
        adjustments: adjusted,
        planVersion: statement.planVersion,
        lockedAt,
      });
      rep.paid[total.currency] = (rep.paid[total.currency] ?? 0) + total.amount;
    },
  },
});
