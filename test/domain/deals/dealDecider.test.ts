import { describe, expect, it } from "vitest";
import {
  createDealDecider,
  type DealCommand,
  type DealEvent,
  dealCommand,
  dealDecider,
  dealRules,
} from "../../../src/deals/index.ts";
import { money } from "../../../src/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const now = "2026-08-14T08:00:00.000Z";
const spec = deciderSpec(dealDecider, { commands: dealCommand, now });
const usd = (n: number) => money(n, "USD");

const opened: DealEvent = {
  type: "DealOpened",
  data: {
    dealId: "d-1",
    customerId: "cu-1",
    ownerId: "rep-ana",
    name: "Acme ERP",
    stage: "prospecting",
    amount: usd(4_800_000),
    probabilityBps: 1000,
    forecastCategory: "pipeline",
    openedOn: "2026-07-01",
    openedAt: "2026-07-01T01:00:00.000Z",
  },
};
const withDate: DealEvent = {
  type: "DealCloseDateChanged",
  data: { dealId: "d-1", closeDate: "2026-09-30", changedAt: now },
};
const globex = { competitorId: "globex", name: "Globex", strengths: ["price"], weaknesses: ["support"] };
const competing: DealEvent = { type: "DealCompetitorAdded", data: { dealId: "d-1", competitor: globex } };
const won: DealEvent = {
  type: "DealWon",
  data: {
    dealId: "d-1",
    customerId: "cu-1",
    ownerId: "rep-ana",
    amount: usd(4_800_000),
    openedOn: "2026-07-01",
    closedOn: "2026-08-14",
    closedAt: now,
    reason: "product_fit",
    competitorIds: [],
  },
};
const open = (over: Partial<Extract<DealCommand, { type: "OpenDeal" }>["data"]> = {}): DealCommand => ({
  type: "OpenDeal",
  data: {
    dealId: "d-1",
    customerId: "cu-1",
    ownerId: "rep-ana",
    name: "Acme ERP",
    amount: usd(4_800_000),
    openedOn: "2026-07-01",
    ...over,
  },
});

describe("deal decider", () => {
  it("opens a deal in the first stage with its defaults, once (deal_already_opened)", () => {
    spec
      .given([])
      .when(open())
      .then([{ ...opened, data: { ...opened.data, openedAt: now } }]);
    spec.given([opened]).when(open()).then("deal_already_opened");
  });

  it("refuses commands on a deal never opened (deal_not_found) or another deal (deal_id_matches)", () => {
    spec
      .given([])
      .when({ type: "MoveDealStage", data: { dealId: "d-1", stage: "proposal" } })
      .then("deal_not_found");
    spec
      .given([opened])
      .when({ type: "MoveDealStage", data: { dealId: "d-2", stage: "proposal" } })
      .then("deal_id_matches");
  });

  it("refuses every change to a closed deal (deal_closed)", () => {
    spec
      .given([opened, won])
      .when({ type: "ChangeDealAmount", data: { dealId: "d-1", amount: usd(1) } })
      .then("deal_closed");
    spec
      .given([opened, won])
      .when({ type: "LoseDeal", data: { dealId: "d-1", closedOn: "2026-08-15", reason: "price" } })
      .then("deal_closed");
  });

  it("moves only to configured stages (stage_unknown)", () => {
    spec
      .given([opened])
      .when({ type: "MoveDealStage", data: { dealId: "d-1", stage: "dreaming" } })
      .then("stage_unknown");
    spec
      .given([])
      .when(open({ stage: "dreaming" }))
      .then("stage_unknown");
    spec
      .given([opened])
      .when({ type: "MoveDealStage", data: { dealId: "d-1", stage: "qualification" } })
      .then([
        {
          type: "DealStageChanged",
          data: {
            dealId: "d-1",
            fromStage: "prospecting",
            stage: "qualification",
            probabilityBps: 2000,
            forecastCategory: "pipeline",
            changedAt: now,
          },
        },
      ]);
  });

  it("needs an expected close date in best_case or commit (close_date_required)", () => {
    spec
      .given([opened])
      .when({ type: "MoveDealStage", data: { dealId: "d-1", stage: "proposal" } })
      .then("close_date_required");
    spec
      .given([opened])
      .when({ type: "AdjustDealForecast", data: { dealId: "d-1", forecastCategory: "commit" } })
      .then("close_date_required");
    spec
      .given([])
      .when(open({ stage: "negotiation" }))
      .then("close_date_required");
    spec
      .given([opened, withDate])
      .when({ type: "MoveDealStage", data: { dealId: "d-1", stage: "proposal" } })
      .then([
        {
          type: "DealStageChanged",
          data: {
            dealId: "d-1",
            fromStage: "prospecting",
            stage: "proposal",
            probabilityBps: 6000,
            forecastCategory: "best_case",
            changedAt: now,
          },
        },
      ]);
  });

  it("keeps close dates on or after the opening day (close_date_not_before_open)", () => {
    spec
      .given([opened])
      .when({ type: "ChangeDealCloseDate", data: { dealId: "d-1", closeDate: "2026-06-30" } })
      .then("close_date_not_before_open");
    spec
      .given([opened])
      .when({ type: "WinDeal", data: { dealId: "d-1", closedOn: "2026-06-30", reason: "price" } })
      .then("close_date_not_before_open");
    spec
      .given([])
      .when(open({ closeDate: "2026-06-30" }))
      .then("close_date_not_before_open");
    spec
      .given([opened])
      .when({ type: "ChangeDealCloseDate", data: { dealId: "d-1", closeDate: "2026-07-01" } })
      .then([{ type: "DealCloseDateChanged", data: { dealId: "d-1", closeDate: "2026-07-01", changedAt: now } }]);
  });

  it("keeps the deal's currency (amount_currency_fixed) and refuses negative amounts (amount_not_negative)", () => {
    spec
      .given([opened])
      .when({ type: "ChangeDealAmount", data: { dealId: "d-1", amount: money(100, "EUR") } })
      .then("amount_currency_fixed");
    spec
      .given([opened])
      .when({ type: "WinDeal", data: { dealId: "d-1", closedOn: "2026-08-14", reason: "x", amount: money(1, "EUR") } })
      .then("amount_currency_fixed");
    spec
      .given([opened])
      .when({ type: "ChangeDealAmount", data: { dealId: "d-1", amount: usd(-1) } })
      .then("amount_not_negative");
    spec
      .given([])
      .when(open({ amount: usd(-5) }))
      .then("amount_not_negative");
    spec
      .given([opened])
      .when({ type: "ChangeDealAmount", data: { dealId: "d-1", amount: usd(5_000_000) } })
      .then([
        {
          type: "DealAmountChanged",
          data: { dealId: "d-1", amount: usd(5_000_000), previousAmount: usd(4_800_000), changedAt: now },
        },
      ]);
  });

  it("records a competitor once (competitor_already_added) and names only recorded ones (competitor_not_found)", () => {
    spec
      .given([opened])
      .when({ type: "AddDealCompetitor", data: { dealId: "d-1", competitor: globex } })
      .then([competing]);
    spec
      .given([opened, competing])
      .when({ type: "AddDealCompetitor", data: { dealId: "d-1", competitor: globex } })
      .then("competitor_already_added");
    spec
      .given([opened])
      .when({ type: "RemoveDealCompetitor", data: { dealId: "d-1", competitorId: "globex" } })
      .then("competitor_not_found");
    spec
      .given([opened])
      .when({
        type: "LoseDeal",
        data: { dealId: "d-1", closedOn: "2026-08-14", reason: "price", lostToCompetitorId: "globex" },
      })
      .then("competitor_not_found");
  });

  it("wins with the final amount and the competitors beaten; loses with the competitor it lost to", () => {
    spec
      .given([opened, competing])
      .when({
        type: "WinDeal",
        data: { dealId: "d-1", closedOn: "2026-08-14", reason: "product_fit", amount: usd(4_500_000) },
      })
      .then([{ ...won, data: { ...won.data, amount: usd(4_500_000), competitorIds: ["globex"] } }]);
    spec
      .given([opened, competing])
      .when({
        type: "LoseDeal",
        data: {
          dealId: "d-1",
          closedOn: "2026-08-01",
          reason: "price",
          detail: "20 % cheaper",
          lostToCompetitorId: "globex",
        },
      })
      .then([
        {
          type: "DealLost",
          data: {
            dealId: "d-1",
            customerId: "cu-1",
            ownerId: "rep-ana",
            amount: usd(4_800_000),
            openedOn: "2026-07-01",
            closedOn: "2026-08-01",
            closedAt: now,
            reason: "price",
            competitorIds: ["globex"],
            detail: "20 % cheaper",
            lostToCompetitorId: "globex",
          },
        },
      ]);
  });

  it("reassigns and adjusts the forecast, ignoring no-op changes", () => {
    spec
      .given([opened])
      .when({ type: "ReassignDeal", data: { dealId: "d-1", ownerId: "rep-ana" } })
      .then([]);
    spec
      .given([opened])
      .when({ type: "ReassignDeal", data: { dealId: "d-1", ownerId: "rep-bo" } })
      .then([
        {
          type: "DealReassigned",
          data: { dealId: "d-1", ownerId: "rep-bo", previousOwnerId: "rep-ana", changedAt: now },
        },
      ]);
    spec
      .given([opened])
      .when({ type: "AdjustDealForecast", data: { dealId: "d-1", probabilityBps: 1500 } })
      .then([
        {
          type: "DealForecastAdjusted",
          data: { dealId: "d-1", probabilityBps: 1500, forecastCategory: "pipeline", changedAt: now },
        },
      ]);
    spec
      .given([opened])
      .when({ type: "AdjustDealForecast", data: { dealId: "d-1", forecastCategory: "closed" } as never })
      .thenThrows("validation_failed");
  });

  it("takes configurable stages and validates them", () => {
    const custom = createDealDecider({
      stages: [{ id: "lead", label: "Lead", probabilityBps: 500, forecastCategory: "pipeline" }],
    });
    const s = deciderSpec(custom, { commands: dealCommand, now });
    s.given([])
      .when(open())
      .then([{ ...opened, data: { ...opened.data, stage: "lead", probabilityBps: 500, openedAt: now } }]);
    expect(() => createDealDecider({ stages: [] })).toThrow(expect.objectContaining({ code: "validation_failed" }));
    const dup = { id: "a", label: "A", probabilityBps: 1, forecastCategory: "pipeline" as const };
    expect(() => createDealDecider({ stages: [dup, dup] })).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });

  it("names every rule it lists", () => {
    expect(Object.entries(dealRules).every(([k, v]) => k === v)).toBe(true);
  });
});
