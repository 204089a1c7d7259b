import {
  type Calendar,
  defineProjection,
  type Money,
  multiplyBps,
  type PeriodKind,
  periodContaining,
} from "../../core/index.ts";
import { analyticsSourceEvents } from "../sources.ts";

/**
 * Open deals of one group in one currency: how many, their amount, and their weighted amount, in minor units.
 *
 * @example
 * ```ts
 * const t: PipelineTotals = { count: 2, amount: 8_000_000, weighted: 4_400_000 };
 * ```
 */
export interface PipelineTotals {
  count: number;
  amount: number;
  /** Σ per deal of `amount × probability`, each rounded once, half-up. */
  weighted: number;
}

/**
 * An open deal as the pipeline holds it.
 *
 * @example
 * ```ts
 * const d: PipelineDeal = { ownerId: "rep-ana", stage: "proposal", forecastCategory: "best_case", amount: money(100, "USD"), probabilityBps: 6000, weighted: 60 };
 * ```
 */
export interface PipelineDeal {
  ownerId: string;
  stage: string;
  forecastCategory: string;
  amount: Money;
  probabilityBps: number;
  /** `amount × probabilityBps / 10,000`, rounded once, half-up. */
  weighted: number;
  closeDate?: string;
}

/**
 * The state of {@link pipeline}: the open deals, and totals by stage, forecast category and owner, each per
 * currency (never converted).
 *
 * @example
 * ```ts
 * state.byCategory.commit?.USD?.weighted;
 * ```
 */
export interface PipelineState {
  readonly deals: Record<string, PipelineDeal>;
  readonly byStage: Record<string, Record<string, PipelineTotals>>;
  readonly byCategory: Record<string, Record<string, PipelineTotals>>;
  readonly byOwner: Record<string, Record<string, PipelineTotals>>;
}

type Draft = { -readonly [K in keyof PipelineState]: PipelineState[K] };

function bump(group: Record<string, Record<string, PipelineTotals>>, key: string, d: PipelineDeal, sign: 1 | -1): void {
  const byCurrency = (group[key] ??= {});
  const t = (byCurrency[d.amount.currency] ??= { count: 0, amount: 0, weighted: 0 });
  t.count += sign;
  t.amount += sign * d.amount.amount;
  t.weighted += sign * d.weighted;
  if (t.count === 0) {
    delete byCurrency[d.amount.currency];
    if (Object.keys(byCurrency).length === 0) delete group[key];
  }
}

function apply(s: Draft, d: PipelineDeal, sign: 1 | -1): void {
  bump(s.byStage, d.stage, d, sign);
  bump(s.byCategory, d.forecastCategory, d, sign);
  bump(s.byOwner, d.ownerId, d, sign);
}

function change(s: Draft, dealId: string, patch: Partial<PipelineDeal>): void {
  const deal = s.deals[dealId];
  if (!deal) return;
  apply(s, deal, -1);
  // In place: the deal belongs to this state, and a new object per change would only be garbage to collect.
  Object.assign(deal, patch);
  deal.weighted = multiplyBps(deal.amount, deal.probabilityBps, "half_up").amount;
  apply(s, deal, 1);
}

function close(s: Draft, dealId: string): void {
  const old = s.deals[dealId];
  if (!old) return;
  apply(s, old, -1);
  delete s.deals[dealId];
}

/**
 * The open pipeline: every open deal with its weighted amount (amount × probability, rounded once per deal,
 * half-up), and totals by stage, by forecast category (pipeline, best_case, commit, omitted) and by owner, per
 * currency. Won and lost deals leave it. For a forecast per close period, use {@link forecastByPeriod}.
 *
 * @example
 * ```ts
 * const state = fold(pipeline, events);
 * state.byStage.proposal?.USD; // { count, amount, weighted }
 * ```
 */
export const pipeline = /* @__PURE__ */ defineProjection({
  name: "analytics.pipeline",
  events: analyticsSourceEvents,
  initialState: (): PipelineState => ({ deals: {}, byStage: {}, byCategory: {}, byOwner: {} }),
  handlers: {
    DealOpened: (s, e) => {
      const d = e.data;
      const deal: PipelineDeal = {
        ownerId: d.ownerId,
        stage: d.stage,
        forecastCategory: d.forecastCategory,
        amount: { ...d.amount },
        probabilityBps: d.probabilityBps,
        weighted: multiplyBps(d.amount, d.probabilityBps, "half_up").amount,
        ...(d.closeDate === undefined ? {} : { closeDate: d.closeDate }),
      };
      s.deals[d.dealId] = deal;
      apply(s, deal, 1);
    },
    DealStageChanged: (s, e) =>
      change(s, e.data.dealId, {
        stage: e.data.stage,
        probabilityBps: e.data.probabilityBps,
        forecastCategory: e.data.forecastCategory,
      }),
    DealForecastAdjusted: (s, e) =>
      change(s, e.data.dealId, { probabilityBps: e.data.probabilityBps, forecastCategory: e.data.forecastCategory }),
    DealAmountChanged: (s, e) => change(s, e.data.dealId, { amount: { ...e.data.amount } }),
    DealCloseDateChanged: (s, e) => change(s, e.data.dealId, { closeDate: e.data.closeDate }),
    DealReassigned: (s, e) => change(s, e.data.dealId, { ownerId: e.data.ownerId }),
    DealWon: (s, e) => close(s, e.data.dealId),
    DealLost: (s, e) => close(s, e.data.dealId),
  },
});

/**
 * The forecast by expected close period: open deals in one currency grouped by the period containing their close
 * date (a calendar date, placed with `periodContaining`, never shifted through UTC) and by forecast category. Deals
 * without a close date are under `unscheduled`.
 *
 * @param state - The state of {@link pipeline}.
 * @param calendar - The business calendar.
 * @param kind - The period kind, such as `month` or `fiscal_quarter`.
 * @param currency - The currency to report.
 * @returns Totals by period id, then by forecast category.
 * @example
 * ```ts
 * forecastByPeriod(state, cal, "quarter", "USD")["2026-Q3"]?.commit?.weighted;
 * ```
 */
export function forecastByPeriod(
  state: PipelineState,
  calendar: Calendar,
  kind: PeriodKind,
  currency: string,
): Record<string, Record<string, PipelineTotals>> {
  const out: Record<string, Record<string, PipelineTotals>> = {};
  for (const dealId of Object.keys(state.deals).sort()) {
    const d = state.deals[dealId]!;
    if (d.amount.currency !== currency) continue;
    const key = d.closeDate === undefined ? "unscheduled" : periodContaining(calendar, kind, d.closeDate).id;
    const byCategory = (out[key] ??= {});
    const t = (byCategory[d.forecastCategory] ??= { count: 0, amount: 0, weighted: 0 });
    t.count += 1;
    t.amount += d.amount.amount;
    t.weighted += d.weighted;
  }
  return out;
}
