import {
  calendarDateOf,
  compareCalendarDates,
  type Money,
  NotFoundError,
  type Period,
  periodById,
  sum,
} from "../../core/index.ts";
import { calculate } from "../engine/calculate.ts";
import type { Statement } from "../engine/statement.ts";
import type { StatementAdjustment } from "../events.ts";
import { planCalendar } from "../plan/planDefinition.ts";
import type { IncentiveLedgerState, LedgerAssignment, LedgerCredit } from "./incentiveLedger.ts";

/**
 * A rep's statement for one plan and period, as the ledger shows it.
 * - `status`: `open` (the period is open), `closed` (closed, not yet approved), `approved`, or `locked`;
 * - `statement`: the engine's statement (for a locked period, the one stored when it was locked);
 * - `adjustments`: manual adjustments and upheld disputes paid in this period, all in the statement's currency;
 * - `otherCurrencyAdjustments`: adjustments aimed at this period or earlier in another currency than the plan's.
 *   They are never added to `total` nor paid in a lock (amounts of two currencies are never summed): they stay listed
 *   here, period after period, so the amounts can be posted again in the plan's currency;
 * - `total`: `statement.total` plus `adjustments`: what the rep is paid for the period.
 *
 * @example
 * ```ts
 * const view: RepStatementView = statementFor(ledger, { planId: "ae-2026", repId: "rep-ana", periodId: "2026-02" })!;
 * view.total;
 * ```
 */
export interface RepStatementView {
  readonly planId: string;
  readonly repId: string;
  readonly periodId: string;
  readonly status: "open" | "closed" | "approved" | "locked";
  readonly statement: Statement;
  readonly adjustments: readonly StatementAdjustment[];
  readonly otherCurrencyAdjustments: readonly StatementAdjustment[];
  readonly total: Money;
  readonly approvedTotal?: Money;
}

/** Which statement to show. */
interface StatementKey {
  readonly planId: string;
  readonly repId: string;
  readonly periodId: string;
}

const dayOf = (a: LedgerAssignment) => a.from;

function overlapsPeriod(a: LedgerAssignment, p: Period): boolean {
  const lastDay = p.endDate; // exclusive
  return (
    compareCalendarDates(a.from, lastDay) < 0 &&
    (a.through === undefined || compareCalendarDates(a.through, p.startDate) >= 0)
  );
}

/**
 * The reps assigned to a plan for any day of a period, in rep id order.
 *
 * @param ledger - The ledger's state.
 * @param planId - The plan.
 * @param periodId - A period of the plan's kind.
 * @returns Rep ids.
 * @throws {@link NotFoundError} when the plan is not published.
 * @example
 * ```ts
 * assignedReps(ledger, "ae-2026", "2026-02"); // ["rep-ana", "rep-bo"]
 * ```
 */
export function assignedReps(ledger: IncentiveLedgerState, planId: string, periodId: string): string[] {
  const versions = ledger.plans[planId];
  if (versions === undefined || versions.length === 0)
    throw new NotFoundError("plan", planId, `statementFor: no plan ${planId}`);
  const p = periodById(planCalendar(versions[0] as never), periodId);
  const reps = new Set((ledger.assignments[planId] ?? []).filter((a) => overlapsPeriod(a, p)).map((a) => a.repId));
  return [...reps].sort();
}

/**
 * A rep's statement for a plan and period. A locked period returns the statement stored in its lock event, never
 * recalculated. Any other period is calculated now by the engine from the ledger:
 * - every published version of the plan (each period uses the highest version effective at its start);
 * - the rep's credits in the plan's currency dated on or after the first day of the rep's first assignment to the
 *   plan (in the plan's zone), plus the originals of reversals among them, so clawbacks use the original rates;
 * - the quotas of all the rep's assignments to the plan (a later assignment's quota for the same component and
 *   window wins), and the participation of the assignment covering the period, for proration, ramps and draws;
 * - the rep's locked statements as closed history, so late credits and plan corrections post prior-period
 *   adjustments into this period and locked statements never change;
 * - the manual and dispute adjustments targeted at this period or earlier and not included in a locked statement
 *   (an adjustment aimed at a locked period is paid in the next period calculated). Only those in the plan's
 *   currency are added to the total; any in another currency are set apart in `otherCurrencyAdjustments` (neither
 *   the pay-period nor the dispute decider knows the plan's currency, so they cannot refuse them).
 *
 * @param ledger - The state of {@link incentiveLedger}.
 * @param key - Plan, rep and period.
 * @returns The statement view, or `undefined` when the rep has no assignment to the plan covering the period.
 * @throws {@link NotFoundError} when the plan is not published.
 * @throws The engine's errors: e.g. `period_before_closed_history` for an unlocked period before a locked one.
 * @example
 * ```ts
 * const view = statementFor(ledger, { planId: "ae-2026", repId: "rep-ana", periodId: "2026-02" });
 * console.log(formatStatement(view!.statement), view!.total);
 * ```
 */
export function statementFor(ledger: IncentiveLedgerState, key: StatementKey): RepStatementView | undefined {
  const { planId, repId, periodId } = key;
  const versions = ledger.plans[planId];
  if (versions === undefined || versions.length === 0)
    throw new NotFoundError("plan", planId, `statementFor: no plan ${planId}`);
  const lockedByPeriod = ledger.locked[planId]?.[repId] ?? {};
  const approvedTotal = ledger.approved[planId]?.[repId]?.[periodId];
  const locked = lockedByPeriod[periodId];
  if (locked !== undefined) {
    return {
      planId,
      repId,
      periodId,
      status: "locked",
      statement: locked.statement,
      adjustments: locked.adjustments,
      otherCurrencyAdjustments: [],
      total: locked.total,
      ...(approvedTotal && { approvedTotal }),
    };
  }
  const plan = versions[0] as (typeof versions)[number];
  const calendar = planCalendar(plan);
  const period = periodById(calendar, periodId);
  const mine = (ledger.assignments[planId] ?? []).filter((a) => a.repId === repId);
  const covering = mine.find((a) => overlapsPeriod(a, period));
  if (covering === undefined) return undefined;
  const firstDay = mine.map(dayOf).sort()[0] as string;
  const all = (ledger.credits[repId] ?? []).filter((c) => c.amount.currency === plan.currency);
  const byId = new Map(all.map((c) => [c.creditId, c]));
  const picked = new Map<string, LedgerCredit>();
  for (const c of all) {
    if (compareCalendarDates(calendarDateOf(c.creditedAt, calendar.timeZone), firstDay) < 0) continue;
    picked.set(c.creditId, c);
    const original = c.reversesCreditId === undefined ? undefined : byId.get(c.reversesCreditId);
    if (original !== undefined) picked.set(original.creditId, original);
  }
  const quotas = new Map<string, { componentId: string; periodId: string; amount: number }>();
  for (const a of mine) for (const q of a.quotas) quotas.set(`${q.componentId}@${q.periodId}`, q);
  const history = Object.values(lockedByPeriod)
    .map((l) => l.statement)
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
  const statement = calculate(
    versions,
    {
      repId,
      credits: [...picked.values()],
      quotas: [...quotas.values()],
      history,
      participation: { from: covering.from, ...(covering.through !== undefined && { through: covering.through }) },
    },
    periodId,
  );
  const paidIn = new Set(Object.values(lockedByPeriod).flatMap((l) => l.adjustments.map((a) => a.adjustmentId)));
  const due = (ledger.adjustments[planId]?.[repId] ?? []).filter(
    (a) => !paidIn.has(a.adjustmentId) && periodById(calendar, a.periodId).start <= period.start,
  );
  const adjustments = due.filter((a) => a.amount.currency === statement.currency);
  const closed = ledger.closed[planId]?.[periodId] !== undefined;
  return {
    planId,
    repId,
    periodId,
    status: approvedTotal !== undefined ? "approved" : closed ? "closed" : "open",
    statement,
    adjustments,
    otherCurrencyAdjustments: due.filter((a) => a.amount.currency !== statement.currency),
    total: sum([statement.total, ...adjustments.map((a) => a.amount)], statement.currency),
    ...(approvedTotal && { approvedTotal }),
  };
}
