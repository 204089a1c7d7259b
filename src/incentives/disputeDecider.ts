import type { Decider } from "../core/index.ts";
import type { DisputeCommand } from "./commands.ts";
import type { IncentiveEvent } from "./events.ts";
import { incentiveRules, requireIncentiveRule, requireReason } from "./rules.ts";

const WHO = "payoutDispute";

/**
 * What the dispute decider remembers.
 *
 * @example
 * ```ts
 * const s: DisputeState = { status: "none" };
 * ```
 */
export type DisputeState =
  | { readonly status: "none" }
  | {
      readonly status: "open" | "resolved";
      readonly disputeId: string;
      readonly planId: string;
      readonly periodId: string;
      readonly repId: string;
    };

/**
 * The stream id of a payout dispute.
 *
 * @param disputeId - The dispute's id.
 * @returns `incentive-dispute-<disputeId>`.
 * @example
 * ```ts
 * await handler.handle(disputeStreamId("dp-1"), { type: "RaisePayoutDispute", data: { disputeId: "dp-1", planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", reason: "Deal d-9 missing" } });
 * ```
 */
export function disputeStreamId(disputeId: string): string {
  return `incentive-dispute-${disputeId}`;
}

type Events = Extract<IncentiveEvent, { type: "PayoutDisputeRaised" | "PayoutDisputeResolved" }>;

/**
 * The dispute decider (Varicent's inquiries, Everstage's disputes): a rep raises a dispute on a statement; a manager
 * resolves it once, upheld with an adjustment paid in an open period or rejected, always with a reason.
 *
 * Currency: the dispute's stream never holds the plan, so the decider cannot know the plan's currency and takes an
 * adjustment in any currency. `statementFor` adds an upheld dispute's adjustment to a statement's total only in the
 * plan's currency; one in another currency is listed apart in `otherCurrencyAdjustments`, never summed.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: disputeDecider, commands: disputeCommand });
 * ```
 */
export const disputeDecider: Decider<DisputeCommand, Events, DisputeState> = {
  name: "payoutDispute",
  initialState: () => ({ status: "none" }),
  evolve: (state, event) => {
    switch (event.type) {
      case "PayoutDisputeRaised": {
        const { disputeId, planId, periodId, repId } = event.data;
        return { status: "open", disputeId, planId, periodId, repId };
      }
      case "PayoutDisputeResolved":
        return state.status === "none" ? state : { ...state, status: "resolved" };
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
  decide: (command, state, { now }) => {
    switch (command.type) {
      case "RaisePayoutDispute":
        requireIncentiveRule(
          state.status === "none",
          incentiveRules.disputeExists,
          `${WHO}: dispute ${command.data.disputeId} was already raised`,
          {
            disputeId: command.data.disputeId,
          },
        );
        return { type: "PayoutDisputeRaised", data: { ...command.data, raisedAt: now } };
      case "ResolvePayoutDispute": {
        requireIncentiveRule(
          state.status === "open",
          incentiveRules.disputeNotOpen,
          `${WHO}: the dispute is ${state.status === "none" ? "not raised" : "already resolved"}`,
        );
        const { outcome, reason, adjustment, payInPeriodId, resolvedBy } = command.data;
        requireReason(WHO, reason);
        requireIncentiveRule(
          outcome === "upheld" || adjustment.amount === 0,
          incentiveRules.rejectedDisputeAdjusts,
          `${WHO}: a rejected dispute adjusts nothing (adjustment ${adjustment.amount})`,
        );
        requireIncentiveRule(
          resolvedBy !== state.repId,
          incentiveRules.approverIsPayee,
          `${WHO}: ${state.repId} cannot resolve their own dispute`,
        );
        const { disputeId, planId, periodId, repId } = state;
        return {
          type: "PayoutDisputeResolved",
          data: {
            disputeId,
            planId,
            periodId,
            repId,
            outcome,
            reason,
            adjustment,
            payInPeriodId,
            resolvedBy,
            resolvedAt: now,
          },
        };
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
