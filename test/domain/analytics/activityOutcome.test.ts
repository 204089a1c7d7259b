import { describe, expect, it } from "vitest";
import {
  type AnalyticsSourceEvent,
  activityRatios,
  createActivityOutcomeProjection,
} from "../../../src/analytics/index.ts";
import { defineCalendar, fold, money } from "../../../src/index.ts";
import { envelopes } from "./envelopes.ts";

const cal = defineCalendar({ timeZone: "America/New_York" });
const usd = (n: number) => money(n, "USD");
const touch = (repId: string, occurredAt: string, outcome: "positive" | "negative"): AnalyticsSourceEvent => ({
  type: "InteractionLogged",
  data: { interactionId: `${repId}-${occurredAt}`, customerId: "cu", repId, channel: "call", occurredAt, outcome },
});
const opened = (dealId: string, ownerId: string, openedAt: string): AnalyticsSourceEvent => ({
  type: "DealOpened",
  data: {
    dealId,
    customerId: "cu",
    ownerId,
    name: dealId,
    stage: "s",
    amount: usd(1_000),
    probabilityBps: 1000,
    forecastCategory: "pipeline",
    openedOn: "2026-07-01",
    openedAt,
  },
});
const closed = (
  type: "DealWon" | "DealLost",
  dealId: string,
  ownerId: string,
  closedAt: string,
): AnalyticsSourceEvent =>
  ({
    type,
    data: {
      dealId,
      customerId: "cu",
      ownerId,
      amount: usd(1_000),
      openedOn: "2026-07-01",
      closedOn: "2026-08-01",
      closedAt,
      reason: "r",
      competitorIds: [],
    },
  }) as AnalyticsSourceEvent;

describe("activity to outcome", () => {
  const events: AnalyticsSourceEvent[] = [
    touch("ana", "2026-07-02T12:00:00.000Z", "positive"),
    touch("ana", "2026-07-03T12:00:00.000Z", "negative"),
    touch("ana", "2026-07-04T12:00:00.000Z", "positive"),
    touch("ana", "2026-07-01T03:00:00.000Z", "positive"), // 30 June in New York: Q2
    touch("ana", "2026-08-01T12:00:00.000Z", "negative"),
    opened("d1", "ana", "2026-07-05T12:00:00.000Z"),
    opened("d2", "ana", "2026-07-06T12:00:00.000Z"),
    closed("DealWon", "d1", "ana", "2026-08-10T12:00:00.000Z"),
    closed("DealLost", "d2", "ana", "2026-08-11T12:00:00.000Z"),
    closed("DealWon", "d3", "ana", "2026-09-30T23:00:00.000Z"), // still 30 September in New York: Q3
  ];
  const state = fold(createActivityOutcomeProjection({ calendar: cal, period: "quarter" }), envelopes(events));

  it("buckets activity and outcomes per rep and period in the calendar's zone", () => {
    expect(Object.keys(state.byRep.ana ?? {}).sort()).toEqual(["2026-Q2", "2026-Q3"]);
    expect(state.byRep.ana?.["2026-Q2"]).toEqual({
      interactions: 1,
      positive: 1,
      byChannel: { call: 1 },
      dealsOpened: 0,
      won: 0,
      lost: 0,
      wonAmount: {},
    });
  });

  it("computes ratios in basis points, half-up, null without a denominator", () => {
    // Q3: 4 interactions, 2 positive, 2 opened, 2 won, 1 lost.
    expect(activityRatios(state, "ana", "2026-Q3")).toEqual({
      interactions: 4,
      positive: 2,
      byChannel: { call: 4 },
      dealsOpened: 2,
      won: 2,
      lost: 1,
      wonAmount: { USD: 2_000 },
      interactionsPerWonDealBps: 20_000,
      interactionsPerOpenedDealBps: 20_000,
      winRateBps: 6_667,
      positiveRateBps: 5_000,
    });
    // All periods: 5 interactions, 3 positive → 5/2 wins = 2.5 → 25,000 bps.
    expect(activityRatios(state, "ana").interactionsPerWonDealBps).toBe(25_000);
    expect(activityRatios(state, "ana").positiveRateBps).toBe(6_000);
    expect(activityRatios(state, "nobody").winRateBps).toBeNull();
  });
});
