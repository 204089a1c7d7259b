import { bucketKey, calendarDateOf, compareCalendarDates, isSalesfoldError, periodById } from "../core/index.ts";
import {
  accruedLiability,
  type IncentiveLedgerState,
  type PayoutHistoryState,
  planCalendar,
  type RecognitionBoardState,
} from "../incentives/index.ts";
import { byKey, moneyCell } from "./cells.ts";
import type { ReportContext } from "./reports.ts";
import type { ReportRow, ReportSection } from "./tabulate.ts";

type Plan = IncentiveLedgerState["plans"][string][number];

/** The periods of a plan the ledger knows something about, in time order. */
function periodsOf(ledger: IncentiveLedgerState, planId: string, plan: Plan): string[] {
  const calendar = planCalendar(plan);
  const ids = new Set<string>(Object.keys(ledger.closed[planId] ?? {}));
  for (const byPeriod of Object.values(ledger.locked[planId] ?? {})) for (const p of Object.keys(byPeriod)) ids.add(p);
  for (const byPeriod of Object.values(ledger.approved[planId] ?? {}))
    for (const p of Object.keys(byPeriod)) ids.add(p);
  for (const list of Object.values(ledger.adjustments[planId] ?? {})) for (const a of list) ids.add(a.periodId);
  const assignments = ledger.assignments[planId] ?? [];
  for (const a of assignments) for (const q of a.quotas) ids.add(q.periodId);
  for (const repId of new Set(assignments.map((a) => a.repId))) {
    const from = assignments
      .filter((a) => a.repId === repId)
      .map((a) => a.from)
      .sort()[0]!;
    for (const c of ledger.credits[repId] ?? []) {
      if (c.amount.currency !== plan.currency) continue;
      if (compareCalendarDates(calendarDateOf(c.creditedAt, calendar.timeZone), from) < 0) continue;
      ids.add(bucketKey(calendar, plan.periodKind, c.creditedAt));
    }
  }
  const start = (id: string) => {
    try {
      return periodById(calendar, id).start;
    } catch {
      return id;
    }
  };
  return [...ids].sort(byKey(start));
}

/**
 * The commission report over the incentive ledger: every assigned rep's statement per plan and period (locked ones
 * as stored, the others calculated now by the engine), and each plan's accrued liability per period (payable,
 * locked, held, excess carried, draw receivable). The periods are those the ledger knows of (credits, quotas,
 * closes, approvals, locks, adjustments); with `--period`, only that period, for the plans calculated per period of
 * its kind. A period the engine refuses to calculate (for example an open period before a locked one) is listed
 * with the reason instead of figures.
 *
 * @param ledger - The state of `incentiveLedger`.
 * @param context - The report context; `period` keeps that period.
 * @returns Two sections, `commission statements` and `accrued liability`.
 * @example
 * ```ts
 * const [statements, liability] = incentiveStatementsView(fold(incentiveLedger, events), { calendar, bucket: "month" });
 * statements?.rows[0]?.total; // { amount: 900_000, currency: "USD" }
 * ```
 */
export function incentiveStatementsView(ledger: IncentiveLedgerState, context: ReportContext): ReportSection[] {
  const statements: ReportRow[] = [];
  const liability: ReportRow[] = [];
  for (const planId of Object.keys(ledger.plans).sort()) {
    const plan = ledger.plans[planId]![0];
    if (plan === undefined) continue;
    if (context.period && context.period.kind !== plan.periodKind) continue;
    const periods = context.period ? [context.period.id] : periodsOf(ledger, planId, plan);
    for (const periodId of periods) {
      try {
        const l = accruedLiability(ledger, { planId, periodId });
        for (const v of l.reps) {
          statements.push({
            plan: planId,
            period: periodId,
            rep: v.repId,
            status: v.status,
            earned: v.statement.total,
            adjustments: moneyCell(
              v.adjustments.reduce((s, a) => s + a.amount.amount, 0),
              v.total.currency,
            ),
            total: v.total,
            approved: v.approvedTotal ?? null,
          });
        }
        liability.push({
          plan: planId,
          period: periodId,
          reps: l.reps.length,
          payable: l.payable,
          locked: l.locked,
          held: l.held,
          "excess carried": l.excessCarried,
          "draw receivable": l.drawReceivable,
          note: null,
        });
      } catch (error) {
        if (!isSalesfoldError(error)) throw error;
        liability.push({ plan: planId, period: periodId, note: `not calculated: ${error.message}` });
      }
    }
  }
  return [
    { title: "commission statements", rows: statements },
    { title: "accrued liability", rows: liability },
  ];
}

/**
 * The payout report: one row per locked statement, by rep then lock time, splitting what was paid into the period's
 * own lines, prior-period adjustments (late credits, plan corrections) and manual or dispute adjustments.
 *
 * @param state - The state of `payoutHistory`.
 * @returns One section, `payouts`.
 * @example
 * ```ts
 * payoutHistoryView(fold(payoutHistory, events))[0]?.rows.map((r) => r.total);
 * ```
 */
export function payoutHistoryView(state: PayoutHistoryState): ReportSection[] {
  const rows: ReportRow[] = [];
  for (const repId of Object.keys(state.byRep).sort()) {
    for (const p of state.byRep[repId]!.payouts) {
      rows.push({
        rep: repId,
        plan: p.planId,
        version: p.planVersion,
        period: p.periodId,
        own: moneyCell(p.own, p.currency),
        "prior period": moneyCell(p.priorPeriod, p.currency),
        adjustments: moneyCell(p.adjustments, p.currency),
        total: moneyCell(p.total, p.currency),
        "locked at": p.lockedAt,
      });
    }
  }
  return [{ title: "payouts", rows }];
}

/**
 * The recognition report: the badges awarded, by rep, and each contest with its status and winners.
 *
 * @param state - The state of `recognitionBoard`.
 * @returns Two sections, `badges` and `contests`.
 * @example
 * ```ts
 * recognitionView(fold(recognitionBoard, events))[1]?.rows[0]?.winners; // "rep-eli #1 (Trophy)"
 * ```
 */
export function recognitionView(state: RecognitionBoardState): ReportSection[] {
  const badges: ReportRow[] = Object.keys(state.badgesByRep)
    .sort()
    .flatMap((repId) =>
      state.badgesByRep[repId]!.map((b) => ({
        rep: repId,
        badge: b.badgeId,
        name: b.name,
        period: b.periodId,
        evidence: b.evidence,
        "awarded at": b.awardedAt,
      })),
    );
  const contests: ReportRow[] = Object.keys(state.contests)
    .sort()
    .map((id) => {
      const c = state.contests[id]!;
      return {
        contest: id,
        name: c.contest.name,
        metric: c.contest.metric,
        from: c.contest.from,
        to: c.contest.to,
        status: c.status,
        winners: c.winners.map((w) => `${w.repId} #${w.rank} (${w.prize.label})`).join("; ") || null,
      };
    });
  return [
    { title: "badges", rows: badges },
    { title: "contests", rows: contests },
  ];
}
