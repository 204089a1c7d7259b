import type { Decider, Money } from "../core/index.ts";
import type { PayPeriodCommand } from "./commands.ts";
import type { IncentiveEvent } from "./events.ts";
import { incentiveRules, requireIncentiveRule, requireReason } from "./rules.ts";

const WHO = "payPeriod";

/**
 * What the pay-period decider remembers about one plan's period: whether it is closed, and each rep's approval and
 * lock.
 *
 * @example
 * ```ts
 * const s: PayPeriodState = { planId: "ae-2026", periodId: "2026-01", closed: true, reps: { "rep-ana": { approvedTotal: undefined, locked: false } } };
 * ```
 */
export interface PayPeriodState {
  readonly planId: string | undefined;
  readonly periodId: string | undefined;
  readonly closed: boolean;
  readonly reps: Readonly<Record<string, { readonly approvedTotal: Money | undefined; readonly locked: boolean }>>;
}

/**
 * The stream id of a plan's period: its closing, approvals, locks and manual adjustments.
 *
 * @param planId - The plan.
 * @param periodId - The period id, in the plan's period kind.
 * @returns `incentive-period-<planId>-<periodId>`.
 * @example
 * ```ts
 * await handler.handle(payPeriodStreamId("ae-2026", "2026-01"), { type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: "2026-01" } });
 * ```
 */
export function payPeriodStreamId(planId: string, periodId: string): string {
  return `incentive-period-${planId}-${periodId}`;
}

type Events = Extract<
  IncentiveEvent,
  {
    type:
      | "IncentivePeriodClosed"
      | "IncentiveStatementApproved"
      | "IncentiveStatementLocked"
      | "IncentiveAdjustmentPosted";
  }
>;

const sameMoney = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency;

function requireStream(state: PayPeriodState, planId: string, periodId: string): void {
  requireIncentiveRule(
    state.planId === undefined || (state.planId === planId && state.periodId === periodId),
    incentiveRules.periodStreamMismatch,
    `${WHO}: this stream is ${state.planId} ${state.periodId}, not ${planId} ${periodId}`,
    { planId, periodId },
  );
}

function requireOpenStatement(state: PayPeriodState, repId: string, periodId: string): void {
  requireIncentiveRule(
    state.closed,
    incentiveRules.periodNotClosed,
    `${WHO}: ${periodId} is open; close it before approving or locking statements`,
    {
      periodId,
    },
  );
  requireIncentiveRule(
    !state.reps[repId]?.locked,
    incentiveRules.statementLocked,
    `${WHO}: the statement of ${repId} for ${periodId} is locked; it never changes`,
    {
      repId,
      periodId,
    },
  );
}

function requireNotPayee(approverId: string, repId: string): void {
  requireIncentiveRule(
    approverId !== repId,
    incentiveRules.approverIsPayee,
    `${WHO}: ${repId} cannot approve their own pay`,
    { repId },
  );
}

/**
 * The pay-period decider: closes a plan's period, approves and locks each rep's statement (storing the locked
 * statement in the event), and takes manual adjustments while the period is open.
 *
 * Currency: the period's stream never holds the plan, so the decider cannot know the plan's currency when an
 * adjustment is posted, and takes an adjustment in any currency. A lock is refused (`statement_mismatch`) unless
 * every adjustment it includes is in the statement's currency, and `statementFor` never adds an adjustment in another
 * currency to a total: it lists it apart in `otherCurrencyAdjustments`. Post adjustments in the plan's currency.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: payPeriodDecider, commands: payPeriodCommand });
 * await handler.handle(payPeriodStreamId("ae-2026", "2026-01"), { type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: "2026-01" } });
 * ```
 */
export const payPeriodDecider: Decider<PayPeriodCommand, Events, PayPeriodState> = {
  name: "payPeriod",
  initialState: () => ({ planId: undefined, periodId: undefined, closed: false, reps: {} }),
  evolve: (state, event) => {
    const base = { ...state, planId: event.data.planId, periodId: event.data.periodId };
    switch (event.type) {
      case "IncentivePeriodClosed":
        return { ...base, closed: true };
      case "IncentiveStatementApproved":
        return {
          ...base,
          reps: { ...state.reps, [event.data.repId]: { approvedTotal: event.data.total, locked: false } },
        };
      case "IncentiveStatementLocked": {
        const rep = state.reps[event.data.repId];
        return {
          ...base,
          reps: { ...state.reps, [event.data.repId]: { approvedTotal: rep?.approvedTotal, locked: true } },
        };
      }
      case "IncentiveAdjustmentPosted":
        return base;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
  decide: (command, state, { now, newId }) => {
    const { planId, periodId } = command.data;
    requireStream(state, planId, periodId);
    switch (command.type) {
      case "CloseIncentivePeriod":
        requireIncentiveRule(
          !state.closed,
          incentiveRules.periodAlreadyClosed,
          `${WHO}: ${planId} ${periodId} is already closed`,
          { periodId },
        );
        return { type: "IncentivePeriodClosed", data: { planId, periodId, closedAt: now } };
      case "ApproveIncentiveStatement": {
        const { repId, total, approverId } = command.data;
        requireOpenStatement(state, repId, periodId);
        requireNotPayee(approverId, repId);
        return {
          type: "IncentiveStatementApproved",
          data: { planId, periodId, repId, total, approverId, approvedAt: now },
        };
      }
      case "LockIncentiveStatement": {
        const { repId, statement, adjustments, total } = command.data;
        requireOpenStatement(state, repId, periodId);
        const approved = state.reps[repId]?.approvedTotal;
        requireIncentiveRule(
          approved !== undefined,
          incentiveRules.statementNotApproved,
          `${WHO}: approve the statement of ${repId} for ${periodId} before locking it`,
          {
            repId,
          },
        );
        const expected = adjustments.reduce((s, a) => s + a.amount.amount, statement.total.amount);
        const consistent =
          statement.repId === repId &&
          statement.planId === planId &&
          statement.periodId === periodId &&
          adjustments.every((a) => a.amount.currency === statement.currency) &&
          sameMoney(total, { amount: expected, currency: statement.currency });
        requireIncentiveRule(
          consistent,
          incentiveRules.statementMismatch,
          `${WHO}: the statement must be ${repId}'s for ${planId} ${periodId}, and the total its total plus its adjustments`,
          {
            repId,
            expected,
          },
        );
        requireIncentiveRule(
          sameMoney(approved, total),
          incentiveRules.statementChangedSinceApproval,
          `${WHO}: ${repId}'s statement was approved at ${approved.amount} and is now ${total.amount}; approve it again`,
          {
            approved: approved.amount,
            total: total.amount,
          },
        );
        return {
          type: "IncentiveStatementLocked",
          data: { planId, periodId, repId, statement, adjustments, total, lockedAt: now },
        };
      }
      case "PostIncentiveAdjustment": {
        const { repId, amount, reason, approverId } = command.data;
        requireIncentiveRule(
          !state.closed,
          incentiveRules.periodAlreadyClosed,
          `${WHO}: ${periodId} is closed; post the adjustment to the open period`,
          {
            periodId,
          },
        );
        requireReason(WHO, reason);
        requireIncentiveRule(
          amount.amount !== 0,
          incentiveRules.adjustmentIsZero,
          `${WHO}: an adjustment of zero changes nothing`,
        );
        requireNotPayee(approverId, repId);
        return {
          type: "IncentiveAdjustmentPosted",
          data: { adjustmentId: newId(), planId, periodId, repId, amount, reason, approverId, postedAt: now },
        };
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
