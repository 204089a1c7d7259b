import { defineProjection, type EventOf, type Money } from "../../core/index.ts";
import type { SalesCreditAssigned } from "../../credit/events.ts";
import type { Statement } from "../engine/statement.ts";
import { type AssignmentQuota, incentiveProjectionEvents, type StatementAdjustment } from "../events.ts";
import type { PlanDefinition } from "../plan/planDefinition.ts";

/**
 * A credit as the ledger keeps it: the data of a `SalesCreditAssigned` event.
 *
 * @example
 * ```ts
 * const amountOf = (c: LedgerCredit) => c.amount.amount;
 * ```
 */
export type LedgerCredit = EventOf<typeof SalesCreditAssigned>["data"];

/**
 * A rep's assignment to a plan, as the ledger keeps it.
 *
 * @example
 * ```ts
 * const a: LedgerAssignment = { assignmentId: "as-1", repId: "rep-ana", from: "2026-01-01", through: undefined, quotas: [] };
 * ```
 */
export interface LedgerAssignment {
  readonly assignmentId: string;
  readonly repId: string;
  readonly from: string;
  through: string | undefined;
  readonly quotas: readonly AssignmentQuota[];
}

/**
 * A locked statement, as stored in its event: the engine's statement, the adjustments it included and the total paid.
 *
 * @example
 * ```ts
 * const paid = (l: LockedStatement) => l.total;
 * ```
 */
export interface LockedStatement {
  readonly statement: Statement;
  readonly adjustments: readonly StatementAdjustment[];
  readonly total: Money;
  readonly lockedAt: string;
}

/**
 * The state of {@link incentiveLedger}: everything a statement is calculated from, folded from events. Keyed by plan
 * id, then rep id, then period id where it applies.
 *
 * @example
 * ```ts
 * const versions = ledger.plans["ae-2026"]; // every published version, in order
 * ```
 */
export interface IncentiveLedgerState {
  readonly plans: Record<string, PlanDefinition[]>;
  readonly assignments: Record<string, LedgerAssignment[]>;
  readonly credits: Record<string, LedgerCredit[]>;
  readonly closed: Record<string, Record<string, string>>;
  readonly approved: Record<string, Record<string, Record<string, Money>>>;
  readonly locked: Record<string, Record<string, Record<string, LockedStatement>>>;
  readonly adjustments: Record<string, Record<string, StatementAdjustment[]>>;
}

/**
 * The incentive ledger: plan versions, assignments, every rep's credits, closed periods, approvals, locked
 * statements, manual adjustments and upheld disputes' adjustments. Statements are never stored here except locked
 * ones: `statementFor` calculates an open period's statement from this state with the engine, and returns a locked
 * period's statement exactly as its event stored it.
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, incentiveLedger);
 * const view = statementFor(state, { planId: "ae-2026", repId: "rep-ana", periodId: "2026-02" });
 * ```
 */
export const incentiveLedger = /* @__PURE__ */ defineProjection({
  name: "incentiveLedger",
  events: incentiveProjectionEvents,
  initialState: (): IncentiveLedgerState => ({
    plans: {},
    assignments: {},
    credits: {},
    closed: {},
    approved: {},
    locked: {},
    adjustments: {},
  }),
  handlers: {
    IncentivePlanPublished: (s, e) => {
      (s.plans[e.data.plan.planId] ??= []).push(e.data.plan as never);
    },
    IncentivePlanRevised: (s, e) => {
      (s.plans[e.data.plan.planId] ??= []).push(e.data.plan as never);
    },
    IncentivePlanAssigned: (s, e) => {
      const { assignmentId, repId, from, through, quotas } = e.data;
      (s.assignments[e.data.planId] ??= []).push({ assignmentId, repId, from, through, quotas: quotas as never });
    },
    IncentivePlanAssignmentEnded: (s, e) => {
      const a = s.assignments[e.data.planId]?.find((x) => x.assignmentId === e.data.assignmentId);
      if (a !== undefined) a.through = e.data.through;
    },
    SalesCreditAssigned: (s, e) => {
      (s.credits[e.data.repId] ??= []).push(e.data as never);
    },
    IncentivePeriodClosed: (s, e) => {
      (s.closed[e.data.planId] ??= {})[e.data.periodId] = e.data.closedAt;
    },
    IncentiveStatementApproved: (s, e) => {
      const byRep = (s.approved[e.data.planId] ??= {});
      (byRep[e.data.repId] ??= {})[e.data.periodId] = e.data.total;
    },
    IncentiveStatementLocked: (s, e) => {
      const { statement, adjustments, total, lockedAt } = e.data;
      const byRep = (s.locked[e.data.planId] ??= {});
      (byRep[e.data.repId] ??= {})[e.data.periodId] = { statement, adjustments, total, lockedAt } as never;
    },
    IncentiveAdjustmentPosted: (s, e) => {
      const { adjustmentId, periodId, amount, reason } = e.data;
      const byRep = (s.adjustments[e.data.planId] ??= {});
      (byRep[e.data.repId] ??= []).push({ adjustmentId, kind: "manual", amount, reason, periodId });
    },
    PayoutDisputeResolved: (s, e) => {
      const { disputeId, outcome, adjustment, reason, payInPeriodId } = e.data;
      if (outcome !== "upheld" || adjustment.amount === 0) return;
      const byRep = (s.adjustments[e.data.planId] ??= {});
      (byRep[e.data.repId] ??= []).push({
        adjustmentId: `dispute:${disputeId}`,
        kind: "dispute",
        amount: adjustment,
        reason,
        periodId: payInPeriodId,
      });
    },
  },
});
