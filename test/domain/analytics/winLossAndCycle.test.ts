import { describe, expect, it } from "vitest";
import { cycleSummary, salesCycle, winLoss, winRateBps } from "../../../src/analytics/index.ts";
import type { DealEvent } from "../../../src/deals/index.ts";
import { fold, money } from "../../../src/index.ts";
import { envelopes } from "./envelopes.ts";

const closed = (
  type: "DealWon" | "DealLost",
  dealId: string,
  ownerId: string,
  amount: number,
  openedOn: string,
  closedOn: string,
  reason: string,
  competitorIds: string[],
  lostTo?: string,
): DealEvent =>
  ({
    type,
    data: {
      dealId,
      customerId: "cu",
      ownerId,
      amount: money(amount, "USD"),
      openedOn,
      closedOn,
      closedAt: `${closedOn}T08:00:00.000Z`,
      reason,
      competitorIds,
      ...(lostTo === undefined ? {} : { lostToCompetitorId: lostTo }),
    },
  }) as DealEvent;

const events: DealEvent[] = [
  {
    type: "DealCompetitorAdded",
    data: {
      dealId: "d1",
      competitor: { competitorId: "globex", name: "Globex", strengths: ["price"], weaknesses: ["support"] },
    },
  },
  {
    type: "DealCompetitorAdded",
    data: {
      dealId: "d3",
      competitor: { competitorId: "globex", name: "Globex Corp", strengths: ["price", "brand"], weaknesses: [] },
    },
  },
  closed("DealWon", "d1", "ana", 4_000, "2026-07-01", "2026-08-10", "product_fit", ["globex"]), // 40 days
  closed("DealWon", "d2", "ana", 3_000, "2026-02-27", "2026-03-01", "relationship", []), // 2 days (2026 not leap)
  closed("DealLost", "d3", "bo", 5_000, "2026-07-01", "2026-07-01", "price", ["globex"], "globex"), // 0 days
  closed("DealLost", "d4", "ana", 1_000, "2026-06-01", "2026-07-02", "price", []), // 31 days
];

describe("winLoss", () => {
  const state = fold(winLoss, envelopes(events));

  it("counts outcomes by reason", () => {
    expect(state.won).toEqual({ count: 2, amountByCurrency: { USD: 7_000 } });
    expect(state.lost).toEqual({ count: 2, amountByCurrency: { USD: 6_000 } });
    expect(state.wonByReason).toEqual({
      product_fit: { count: 1, amountByCurrency: { USD: 4_000 } },
      relationship: { count: 1, amountByCurrency: { USD: 3_000 } },
    });
    expect(state.lostByReason).toEqual({ price: { count: 2, amountByCurrency: { USD: 6_000 } } });
    expect(winRateBps(state.won.count, state.lost.count)).toBe(5_000);
  });

  it("counts outcomes by competitor, with strengths and weaknesses", () => {
    expect(state.byCompetitor.globex).toEqual({
      name: "Globex Corp",
      closed: 2,
      won: 1,
      lost: 1,
      lostTo: 1,
      strengths: { price: 2, brand: 1 },
      weaknesses: { support: 1 },
    });
  });

  it("counts strengths and weaknesses only on the deals a competitor is still on", () => {
    const globex = { competitorId: "globex", name: "Globex", strengths: ["price"], weaknesses: ["support"] };
    const add = (dealId: string, competitor = globex): DealEvent => ({
      type: "DealCompetitorAdded",
      data: { dealId, competitor },
    });
    const remove = (dealId: string): DealEvent => ({
      type: "DealCompetitorRemoved",
      data: { dealId, competitorId: "globex" },
    });
    // d-1: added, removed, added again; d-2: added then removed; d-3: recorded twice, the second time without
    // weaknesses (the second record replaces the first).
    const s = fold(
      winLoss,
      envelopes([
        add("d-1"),
        remove("d-1"),
        add("d-1"),
        add("d-2"),
        remove("d-2"),
        add("d-3"),
        add("d-3", { ...globex, strengths: ["brand"], weaknesses: [] }),
        remove("d-4"),
      ]),
    );
    expect(s.byCompetitor.globex?.strengths).toEqual({ price: 1, brand: 1 });
    expect(s.byCompetitor.globex?.weaknesses).toEqual({ support: 1 });
  });

  it("rates with half-up basis points and null for nothing closed", () => {
    expect(winRateBps(2, 1)).toBe(6_667);
    expect(winRateBps(1, 2)).toBe(3_333);
    expect(winRateBps(0, 0)).toBeNull();
  });
});

describe("salesCycle", () => {
  const state = fold(salesCycle, envelopes(events));

  it("sums calendar days from open to close, overall and per owner", () => {
    expect(state.all).toEqual({ won: 2, lost: 2, wonDays: 42, lostDays: 31 });
    expect(state.byOwner.ana).toEqual({ won: 2, lost: 1, wonDays: 42, lostDays: 31 });
    expect(state.byOwner.bo).toEqual({ won: 0, lost: 1, wonDays: 0, lostDays: 0 });
  });

  it("summarises averages (half-up days) and the win rate", () => {
    expect(cycleSummary(state.all)).toEqual({ averageWonDays: 21, averageLostDays: 16, winRateBps: 5_000 }); // 15.5 → 16
    expect(cycleSummary(state.byOwner.bo!)).toEqual({ averageWonDays: null, averageLostDays: 0, winRateBps: 0 });
  });
});
