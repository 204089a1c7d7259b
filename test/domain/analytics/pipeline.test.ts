import { describe, expect, it } from "vitest";
import { forecastByPeriod, pipeline } from "../../../src/analytics/index.ts";
import type { DealEvent } from "../../../src/deals/index.ts";
import { defineCalendar, fold, money } from "../../../src/index.ts";
import { envelopes } from "./envelopes.ts";

const at = "2026-07-01T00:00:00.000Z";
const open = (
  dealId: string,
  ownerId: string,
  stage: string,
  amount: number,
  probabilityBps: number,
  forecastCategory: "pipeline" | "best_case" | "commit",
  closeDate?: string,
): DealEvent => ({
  type: "DealOpened",
  data: {
    dealId,
    customerId: `cu-${dealId}`,
    ownerId,
    name: dealId,
    stage,
    amount: money(amount, "USD"),
    probabilityBps,
    forecastCategory,
    ...(closeDate === undefined ? {} : { closeDate }),
    openedOn: "2026-07-01",
    openedAt: at,
  },
});

describe("pipeline", () => {
  const events: DealEvent[] = [
    open("d1", "ana", "proposal", 1_001, 6_000, "best_case", "2026-09-30"), // weighted 600.6 → 601
    open("d2", "ana", "negotiation", 2_005, 8_000, "commit", "2026-10-01"), // 1,604
    open("d3", "bo", "prospecting", 333, 1_500, "pipeline"), // 49.95 → 50
    open("d4", "bo", "proposal", 5_000, 6_000, "best_case", "2026-08-31"), // later won: leaves the pipeline
    {
      type: "DealStageChanged",
      data: {
        dealId: "d3",
        fromStage: "prospecting",
        stage: "qualification",
        probabilityBps: 2_000,
        forecastCategory: "pipeline",
        changedAt: at,
      },
    }, // 66.6 → 67
    {
      type: "DealAmountChanged",
      data: { dealId: "d1", amount: money(1_003, "USD"), previousAmount: money(1_001, "USD"), changedAt: at },
    }, // 601.8 → 602
    {
      type: "DealWon",
      data: {
        dealId: "d4",
        customerId: "cu-d4",
        ownerId: "bo",
        amount: money(5_000, "USD"),
        openedOn: "2026-07-01",
        closedOn: "2026-08-01",
        closedAt: at,
        reason: "price",
        competitorIds: [],
      },
    },
  ];
  const state = fold(pipeline, envelopes(events));

  it("weights each open deal once, half-up, and totals by stage, category and owner", () => {
    expect(state.byStage).toEqual({
      proposal: { USD: { count: 1, amount: 1_003, weighted: 602 } },
      negotiation: { USD: { count: 1, amount: 2_005, weighted: 1_604 } },
      qualification: { USD: { count: 1, amount: 333, weighted: 67 } },
    });
    expect(state.byCategory).toEqual({
      best_case: { USD: { count: 1, amount: 1_003, weighted: 602 } },
      commit: { USD: { count: 1, amount: 2_005, weighted: 1_604 } },
      pipeline: { USD: { count: 1, amount: 333, weighted: 67 } },
    });
    expect(state.byOwner).toEqual({
      ana: { USD: { count: 2, amount: 3_008, weighted: 2_206 } },
      bo: { USD: { count: 1, amount: 333, weighted: 67 } },
    });
    expect(Object.keys(state.deals).sort()).toEqual(["d1", "d2", "d3"]);
  });

  it("forecasts by the period holding each close date, in the calendar's own dates", () => {
    const cal = defineCalendar({ timeZone: "Pacific/Auckland", fiscal: { startMonth: 7 } });
    expect(forecastByPeriod(state, cal, "quarter", "USD")).toEqual({
      "2026-Q3": { best_case: { count: 1, amount: 1_003, weighted: 602 } },
      "2026-Q4": { commit: { count: 1, amount: 2_005, weighted: 1_604 } },
      unscheduled: { pipeline: { count: 1, amount: 333, weighted: 67 } },
    });
    expect(Object.keys(forecastByPeriod(state, cal, "fiscal_quarter", "USD")).sort()).toEqual([
      "FY2027-Q1",
      "FY2027-Q2",
      "unscheduled",
    ]);
    expect(forecastByPeriod(state, cal, "quarter", "EUR")).toEqual({});
  });
});
