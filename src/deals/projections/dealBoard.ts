import { defineProjection, type Money } from "../../core/index.ts";
import { dealEvents } from "../events.ts";
import type { ForecastCategory } from "../values.ts";

/**
 * A deal as the board shows it.
 *
 * @example
 * ```ts
 * const row: DealRow = { dealId: "d-1", customerId: "cu-1", ownerId: "rep-ana", name: "Acme ERP", status: "open", stage: "proposal", amount: money(100, "USD"), probabilityBps: 6000, forecastCategory: "best_case", openedOn: "2026-07-01", competitorIds: [] };
 * ```
 */
export interface DealRow {
  dealId: string;
  customerId: string;
  ownerId: string;
  name: string;
  status: "open" | "won" | "lost";
  stage: string;
  amount: Money;
  probabilityBps: number;
  forecastCategory: ForecastCategory;
  closeDate?: string;
  openedOn: string;
  closedOn?: string;
  reason?: string;
  competitorIds: string[];
}

/**
 * The state of {@link dealBoard}.
 *
 * @example
 * ```ts
 * const s: DealBoardState = { deals: {} };
 * ```
 */
export interface DealBoardState {
  readonly deals: Record<string, DealRow>;
}

/**
 * Every deal's current stage, amount, forecast, owner, competitors and outcome.
 *
 * @example
 * ```ts
 * const state = fold(dealBoard, events);
 * Object.values(state.deals).filter((d) => d.status === "open");
 * ```
 */
export const dealBoard = /* @__PURE__ */ defineProjection({
  name: "dealBoard",
  events: dealEvents,
  initialState: (): DealBoardState => ({ deals: {} }),
  handlers: {
    DealOpened: (s, e) => {
      const d = e.data;
      s.deals[d.dealId] = {
        dealId: d.dealId,
        customerId: d.customerId,
        ownerId: d.ownerId,
        name: d.name,
        status: "open",
        stage: d.stage,
        amount: { ...d.amount },
        probabilityBps: d.probabilityBps,
        forecastCategory: d.forecastCategory,
        ...(d.closeDate === undefined ? {} : { closeDate: d.closeDate }),
        openedOn: d.openedOn,
        competitorIds: [],
      };
    },
    DealStageChanged: (s, e) => {
      const r = s.deals[e.data.dealId];
      if (!r) return;
      r.stage = e.data.stage;
      r.probabilityBps = e.data.probabilityBps;
      r.forecastCategory = e.data.forecastCategory;
    },
    DealForecastAdjusted: (s, e) => {
      const r = s.deals[e.data.dealId];
      if (r) Object.assign(r, { probabilityBps: e.data.probabilityBps, forecastCategory: e.data.forecastCategory });
    },
    DealAmountChanged: (s, e) => {
      const r = s.deals[e.data.dealId];
      if (r) r.amount = { ...e.data.amount };
    },
    DealCloseDateChanged: (s, e) => {
      const r = s.deals[e.data.dealId];
      if (r) r.closeDate = e.data.closeDate;
    },
    DealReassigned: (s, e) => {
      const r = s.deals[e.data.dealId];
      if (r) r.ownerId = e.data.ownerId;
    },
    DealCompetitorAdded: (s, e) => {
      s.deals[e.data.dealId]?.competitorIds.push(e.data.competitor.competitorId);
    },
    DealCompetitorRemoved: (s, e) => {
      const r = s.deals[e.data.dealId];
      if (r) r.competitorIds = r.competitorIds.filter((c) => c !== e.data.competitorId);
    },
    DealWon: (s, e) => {
      const r = s.deals[e.data.dealId];
      if (!r) return;
      r.status = "won";
      r.amount = { ...e.data.amount };
      r.probabilityBps = 10_000;
      r.forecastCategory = "closed";
      r.closedOn = e.data.closedOn;
      r.reason = e.data.reason;
    },
    DealLost: (s, e) => {
      const r = s.deals[e.data.dealId];
      if (!r) return;
      r.status = "lost";
      r.probabilityBps = 0;
      r.forecastCategory = "omitted";
      r.closedOn = e.data.closedOn;
      r.reason = e.data.reason;
    },
  },
});
