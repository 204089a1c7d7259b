import { type Money, sum } from "../../core/index.ts";
import type { IncentiveLedgerState } from "./incentiveLedger.ts";
import { assignedReps, type RepStatementView, statementFor } from "./repStatements.ts";

/**
 * What a plan owes its reps for one period, in minor units of the plan's currency.
 * - `payable`: the sum of the reps' statement totals (locked ones as stored, others as calculated now); adjustments
 *   in another currency than the plan's are never part of it (see `RepStatementView.otherCurrencyAdjustments`);
 * - `locked`: the part of `payable` already locked;
 * - `held`: amounts earned but on hold (unpaid invoices) at the period's end: a liability not yet payable;
 * - `excessCarried`: excess above caps carried forward, to be paid later;
 * - `drawReceivable`: recoverable draw balances the reps owe back (an asset, shown separately).
 *
 * @example
 * ```ts
 * const l: AccruedLiability = accruedLiability(ledger, { planId: "ae-2026", periodId: "2026-02" });
 * l.payable.amount + l.held.amount + l.excessCarried.amount; // everything accrued
 * ```
 */
export interface AccruedLiability {
  readonly planId: string;
  readonly periodId: string;
  readonly payable: Money;
  readonly locked: Money;
  readonly held: Money;
  readonly excessCarried: Money;
  readonly drawReceivable: Money;
  readonly reps: readonly RepStatementView[];
}

/**
 * The accrued liability of a plan for a period: every assigned rep's statement, summed. Calculated from the ledger
 * on demand (open statements change with every late credit until they are locked).
 *
 * @param ledger - The state of `incentiveLedger`.
 * @param key - The plan and period.
 * @returns The totals and each rep's statement view.
 * @throws {@link NotFoundError} when the plan is not published, and the engine's errors.
 * @throws {@link SalesfoldError} `currency_mismatch` if a statement total is not in the plan's currency.
 * @example
 * ```ts
 * const { payable, held } = accruedLiability(ledger, { planId: "ae-2026", periodId: "2026-02" });
 * ```
 */
export function accruedLiability(
  ledger: IncentiveLedgerState,
  key: { readonly planId: string; readonly periodId: string },
): AccruedLiability {
  const currency = (ledger.plans[key.planId]?.[0]?.currency ?? "USD") as string;
  const reps = assignedReps(ledger, key.planId, key.periodId)
    .map((repId) => statementFor(ledger, { ...key, repId }))
    .filter((v): v is RepStatementView => v !== undefined);
  const m = (amount: number): Money => ({ amount, currency });
  const payable = sum(
    reps.map((v) => v.total),
    currency,
  );
  const locked = sum(
    reps.filter((v) => v.status === "locked").map((v) => v.total),
    currency,
  );
  let held = 0;
  let excess = 0;
  let draw = 0;
  for (const v of reps) {
    held += v.statement.balances.held.reduce((s, h) => s + h.amount, 0);
    excess += v.statement.balances.buckets.reduce((s, b) => s + b.excess, 0);
    draw += v.statement.balances.drawBalance;
  }
  return {
    planId: key.planId,
    periodId: key.periodId,
    payable,
    locked,
    held: m(held),
    excessCarried: m(excess),
    drawReceivable: m(draw),
    reps,
  };
}
