import { defineProjection, type Money } from "../../core/index.ts";
import { incentivesEvents } from "../events.ts";

/**
 * A dispute as the queue shows it.
 *
 * @example
 * ```ts
 * const d: QueuedDispute = { disputeId: "dp-1", planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", reason: "Deal d-9 missing", raisedAt: "2026-02-06T09:00:00.000Z", status: "open" };
 * ```
 */
export interface QueuedDispute {
  readonly disputeId: string;
  readonly planId: string;
  readonly periodId: string;
  readonly repId: string;
  readonly lineId?: string;
  readonly reason: string;
  readonly raisedAt: string;
  status: "open" | "upheld" | "rejected";
  resolution?: { reason: string; adjustment: Money; payInPeriodId: string; resolvedBy: string; resolvedAt: string };
}

/**
 * The state of {@link disputeQueue}: every dispute by id, and the open ones in the order they were raised (first in,
 * first out).
 *
 * @example
 * ```ts
 * const next = state.open[0] && state.disputes[state.open[0]];
 * ```
 */
export interface DisputeQueueState {
  readonly disputes: Record<string, QueuedDispute>;
  readonly open: string[];
}

/**
 * The dispute queue: open disputes in the order raised, and every resolution with its reason and adjustment.
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, disputeQueue);
 * state.open.map((id) => state.disputes[id]?.reason);
 * ```
 */
export const disputeQueue = /* @__PURE__ */ defineProjection({
  name: "incentiveDisputeQueue",
  events: incentivesEvents,
  initialState: (): DisputeQueueState => ({ disputes: {}, open: [] }),
  handlers: {
    PayoutDisputeRaised: (s, e) => {
      const { disputeId, planId, periodId, repId, lineId, reason, raisedAt } = e.data;
      s.disputes[disputeId] = {
        disputeId,
        planId,
        periodId,
        repId,
        ...(lineId && { lineId }),
        reason,
        raisedAt,
        status: "open",
      };
      s.open.push(disputeId);
    },
    PayoutDisputeResolved: (s, e) => {
      const d = s.disputes[e.data.disputeId];
      if (d === undefined) return;
      const { outcome, reason, adjustment, payInPeriodId, resolvedBy, resolvedAt } = e.data;
      d.status = outcome;
      d.resolution = { reason, adjustment: { ...adjustment }, payInPeriodId, resolvedBy, resolvedAt };
      const i = s.open.indexOf(e.data.disputeId);
      if (i >= 0) s.open.splice(i, 1);
    },
  },
});
