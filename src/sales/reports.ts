import { forecastByPeriod, type PipelineState } from "../analytics/index.ts";
import type { Calendar, Period, PeriodKind } from "../core/index.ts";
import type { RepCreditsState } from "../credit/index.ts";
import type { DealBoardState } from "../deals/index.ts";
import {
  type GoalMetric,
  type GoalOwner,
  type GoalProgressState,
  type GoalTarget,
  goalAttainment,
} from "../goals/index.ts";
import { moneyCell, percentCell } from "./cells.ts";
import type { ReportCell, ReportRow, ReportSection } from "./tabulate.ts";

/**
 * What a report view is given besides the state: the business calendar, the bucket kind of bucketed projections,
 * and the period to report on (`--period`), if any.
 *
 * @example
 * ```ts
 * const context: ReportContext = { calendar: defineCalendar({ timeZone: "UTC" }), bucket: "month" };
 * ```
 */
export interface ReportContext {
  readonly calendar: Calendar;
  readonly bucket: PeriodKind;
  readonly period?: Period;
}

const money = moneyCell;
const percent = percentCell;
const target = (t: GoalTarget): ReportCell => ("currency" in t ? t : t.count);
const owner = (o: GoalOwner): string => (o.kind === "company" ? "company" : o.kind === "team" ? o.teamId : o.repId);
const metricName = (m: GoalMetric): string => (typeof m === "string" ? m : `custom:${m.custom}`);

/**
 * The goal attainment report: one row per active goal (of `--period` when given) with its target, achieved,
 * attainment (basis points floored, shown as a percentage), status and shortage.
 *
 * @param state - The state of `goalProgress`.
 * @param context - The report context; `period` keeps the goals of that period id.
 * @returns One section, `goal attainment`.
 * @example
 * ```ts
 * goalAttainmentView(fold(goalProgress, events), { calendar, bucket: "month" })[0]?.rows[0]?.attainment; // "104.20%"
 * ```
 */
export function goalAttainmentView(state: GoalProgressState, context: ReportContext): ReportSection[] {
  const rows: ReportRow[] = [];
  for (const goal of Object.values(state.plan.goals)) {
    if (goal.status === "cancelled") continue;
    if (context.period && goal.period.periodId !== context.period.id) continue;
    const a = goalAttainment(state, goal.goalId);
    rows.push({
      goal: goal.goalId,
      owner: owner(goal.owner),
      metric: metricName(goal.metric),
      period: goal.period.periodId,
      target: target(a.target),
      achieved: target(a.achieved),
      attainment: percent(a.attainmentBps),
      status: a.status,
      shortage: target(a.shortage),
    });
  }
  return [{ title: "goal attainment", rows }];
}

const totalsRows = (label: string, by: PipelineState["byStage"]): ReportRow[] =>
  Object.entries(by).flatMap(([key, byCurrency]) =>
    Object.entries(byCurrency).map(([currency, t]) => ({
      [label]: key,
      deals: t.count,
      amount: money(t.amount, currency),
      weighted: money(t.weighted, currency),
    })),
  );

/**
 * The pipeline report: open deals by stage, forecast category and owner; with `--period`, the forecast of the
 * deals whose close date falls in that period, by category (close dates are calendar dates, placed without a UTC
 * shift). Weighted = amount × probability, rounded by the pipeline projection.
 *
 * @param state - The state of `pipeline`.
 * @param context - The report context.
 * @returns The sections.
 * @example
 * ```ts
 * pipelineView(state, { calendar, bucket: "month", period: periodById(calendar, "2026-Q3") });
 * ```
 */
export function pipelineView(state: PipelineState, context: ReportContext): ReportSection[] {
  if (context.period) {
    const { id, kind } = context.period;
    const currencies = [...new Set(Object.values(state.deals).map((d) => d.amount.currency))].sort();
    const rows = currencies.flatMap((currency) =>
      Object.entries(forecastByPeriod(state, context.calendar, kind, currency)[id] ?? {}).map(([category, t]) => ({
        period: id,
        category,
        deals: t.count,
        amount: money(t.amount, currency),
        weighted: money(t.weighted, currency),
      })),
    );
    return [{ title: `forecast ${id}`, rows }];
  }
  return [
    { title: "pipeline by stage", rows: totalsRows("stage", state.byStage) },
    { title: "pipeline by forecast category", rows: totalsRows("category", state.byCategory) },
    { title: "pipeline by owner", rows: totalsRows("owner", state.byOwner) },
  ];
}

/**
 * The deal board report: one row per deal; with `--period`, the deals whose close date (or, once closed, closing
 * date) falls in the period's local dates `[startDate, endDate)`.
 *
 * @param state - The state of `dealBoard`.
 * @param context - The report context.
 * @returns One section, `deals`.
 * @example
 * ```ts
 * dealBoardView(fold(dealBoard, events), { calendar, bucket: "month" })[0]?.rows.length;
 * ```
 */
export function dealBoardView(state: DealBoardState, context: ReportContext): ReportSection[] {
  const rows: ReportRow[] = [];
  for (const d of Object.values(state.deals)) {
    const date = d.closedOn ?? d.closeDate;
    if (context.period && (date === undefined || date < context.period.startDate || date >= context.period.endDate))
      continue;
    rows.push({
      deal: d.dealId,
      owner: d.ownerId,
      customer: d.customerId,
      status: d.status,
      stage: d.stage,
      amount: d.amount,
      probability: percent(d.probabilityBps),
      category: d.forecastCategory,
      closeDate: d.closeDate ?? null,
      closedOn: d.closedOn ?? null,
    });
  }
  return [{ title: "deals", rows }];
}

/**
 * The sales credit report: each rep's net revenue credit, overlay credit and reversals by currency.
 *
 * @param state - The state of `repCredits`.
 * @returns One section, `credit by rep`, sorted by revenue, highest first.
 * @example
 * ```ts
 * repCreditsView(fold(repCredits, events))[0]?.rows[0]?.rep;
 * ```
 */
export function repCreditsView(state: RepCreditsState): ReportSection[] {
  const rows = Object.entries(state.byRep)
    .flatMap(([rep, byCurrency]) => Object.entries(byCurrency).map(([currency, t]) => ({ rep, currency, t })))
    .sort((a, b) => b.t.revenue - a.t.revenue || (a.rep < b.rep ? -1 : 1))
    .map(({ rep, currency, t }) => ({
      rep,
      revenue: money(t.revenue, currency),
      overlay: money(t.overlay, currency),
      reversed: money(t.reversed, currency),
      credits: t.credits,
    }));
  return [{ title: "credit by rep", rows }];
}
