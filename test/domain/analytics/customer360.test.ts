import { describe, expect, it } from "vitest";
import { csatBps, customer360, customer360Of, npsBps } from "../../../src/analytics/index.ts";
import type { AnalyticsSourceEvent } from "../../../src/analytics/index.ts";
import { fold, money } from "../../../src/index.ts";
import { envelopes } from "./envelopes.ts";

const usd = (n: number) => money(n, "USD");
const interaction = (
  id: string,
  occurredAt: string,
  channel: "call" | "visit",
  outcome: "positive" | "neutral",
): AnalyticsSourceEvent => ({
  type: "InteractionLogged",
  data: { interactionId: id, customerId: "cu-1", repId: "ana", channel, occurredAt, outcome },
});

const events: AnalyticsSourceEvent[] = [
  {
    type: "AccountOwnerAssigned",
    data: { customerId: "cu-1", repId: "ana", effectiveFrom: "2026-07-01T00:00:00.000Z" },
  },
  {
    type: "CustomerRegistered",
    data: {
      customerId: "cu-1",
      kind: "company",
      name: "Acme",
      segment: "smb",
      tags: ["vip"],
      preferences: {},
      contacts: [{ contactId: "a", name: "A" }],
      registeredAt: "2026-07-01T00:00:00.000Z",
    },
  },
  {
    type: "AccountOwnerAssigned",
    data: { customerId: "cu-1", repId: "bo", effectiveFrom: "2026-01-01T00:00:00.000Z", reason: "initial" },
  },
  interaction("i1", "2026-07-02T00:00:00.000Z", "call", "positive"),
  interaction("i2", "2026-07-05T00:00:00.000Z", "visit", "neutral"),
  interaction("i3", "2026-07-03T00:00:00.000Z", "call", "positive"), // logged late: sorted by when it happened
  {
    type: "OrderPlaced",
    data: {
      orderId: "o-1",
      customerId: "cu-1",
      orderedAt: "2026-07-10T00:00:00.000Z",
      currency: "USD",
      lines: [
        { lineId: "l1", productId: "erp", quantity: 3, unitPrice: usd(1_000), discountBps: 0, lineTotal: usd(3_000) },
        { lineId: "l2", productId: "svc", quantity: 2, unitPrice: usd(500), discountBps: 0, lineTotal: usd(1_000) },
      ],
      total: usd(4_000),
    },
  },
  {
    type: "OrderLineRefunded",
    data: {
      orderId: "o-1",
      customerId: "cu-1",
      invoiceId: "inv-1",
      line: {
        adjustmentId: "r1",
        originalLineId: "l1",
        productId: "erp",
        quantity: -1,
        lineTotal: usd(-1_000),
        reason: "x",
      },
      refundedAt: "2026-07-20T00:00:00.000Z",
    },
  },
  {
    type: "TicketOpened",
    data: {
      ticketId: "t1",
      customerId: "cu-1",
      subject: "s",
      priority: "high",
      openedAt: "2026-07-11T09:00:00.000Z",
      firstResponseDueAt: "2026-07-11T13:00:00.000Z",
      resolutionDueAt: "2026-07-12T09:00:00.000Z",
    },
  },
  {
    type: "TicketResolved",
    data: {
      ticketId: "t1",
      customerId: "cu-1",
      resolvedAt: "2026-07-12T10:30:59.000Z",
      resolutionCode: "fixed",
      firstResponseAt: "2026-07-11T14:00:00.000Z",
      firstResponseBreached: true,
      resolutionBreached: true,
    },
  },
  {
    type: "TicketOpened",
    data: {
      ticketId: "t2",
      customerId: "cu-1",
      subject: "s",
      priority: "low",
      openedAt: "2026-07-13T09:00:00.000Z",
      firstResponseDueAt: "2026-07-14T09:00:00.000Z",
      resolutionDueAt: "2026-07-20T09:00:00.000Z",
    },
  },
  {
    type: "CsatRecorded",
    data: { surveyId: "s1", customerId: "cu-1", score: 5, respondedAt: "2026-07-13T00:00:00.000Z" },
  },
  {
    type: "CsatRecorded",
    data: { surveyId: "s2", customerId: "cu-1", score: 3, respondedAt: "2026-07-14T00:00:00.000Z" },
  },
  {
    type: "CsatRecorded",
    data: { surveyId: "s3", customerId: "cu-1", score: 4, respondedAt: "2026-07-15T00:00:00.000Z" },
  },
  {
    type: "NpsRecorded",
    data: { surveyId: "n1", customerId: "cu-1", score: 10, respondedAt: "2026-07-15T00:00:00.000Z" },
  },
  {
    type: "NpsRecorded",
    data: { surveyId: "n2", customerId: "cu-1", score: 6, respondedAt: "2026-07-16T00:00:00.000Z" },
  },
  {
    type: "NpsRecorded",
    data: { surveyId: "n3", customerId: "cu-1", score: 8, respondedAt: "2026-07-17T00:00:00.000Z" },
  },
  {
    type: "DealOpened",
    data: {
      dealId: "d1",
      customerId: "cu-1",
      ownerId: "ana",
      name: "n",
      stage: "proposal",
      amount: usd(9_000),
      probabilityBps: 6000,
      forecastCategory: "pipeline",
      openedOn: "2026-07-01",
      openedAt: "2026-07-01T00:00:00.000Z",
    },
  },
  {
    type: "DealWon",
    data: {
      dealId: "d1",
      customerId: "cu-1",
      ownerId: "ana",
      amount: usd(9_000),
      openedOn: "2026-07-01",
      closedOn: "2026-07-09",
      closedAt: "2026-07-09T00:00:00.000Z",
      reason: "fit",
      competitorIds: [],
    },
  },
];

describe("customer360", () => {
  const c = customer360Of(fold(customer360, envelopes(events)), "cu-1")!;

  it("gathers profile, interactions and purchases", () => {
    expect(c.profile).toEqual({ name: "Acme", kind: "company", segment: "smb", tags: ["vip"], contacts: 1 });
    expect(c.interactions.count).toBe(3);
    expect(c.interactions.byChannel).toEqual({ call: 2, visit: 1 });
    expect(c.interactions.byOutcome).toEqual({ positive: 2, neutral: 1 });
    expect(c.interactions.lastAt).toBe("2026-07-05T00:00:00.000Z");
    expect(c.interactions.recent.map((i) => i.interactionId)).toEqual(["i2", "i3", "i1"]);
    expect(c.purchases).toEqual({
      orders: 1,
      firstOrderAt: "2026-07-10T00:00:00.000Z",
      lastOrderAt: "2026-07-10T00:00:00.000Z",
      byCurrency: { USD: { placed: 4_000, adjustments: -1_000, net: 3_000 } },
      units: { erp: 2, svc: 2 },
    });
  });

  it("counts tickets with SLA breaches and whole resolution minutes", () => {
    // t1: 09:00 → next day 10:30:59 = 25 h 30 min 59 s → 1,530 whole minutes.
    expect(c.tickets).toEqual({
      opened: 2,
      open: 1,
      resolved: 1,
      reopened: 0,
      firstResponseBreaches: 1,
      resolutionBreaches: 1,
      resolutionMinutes: 1_530,
    });
  });

  it("scores satisfaction: CSAT share of 4–5, NPS promoters minus detractors", () => {
    expect(c.satisfaction.csat).toEqual({ responses: 3, satisfied: 2, scoreTotal: 12, latest: 4 });
    expect(csatBps(c.satisfaction.csat)).toBe(6_667);
    expect(c.satisfaction.nps).toEqual({ responses: 3, promoters: 1, passives: 1, detractors: 1, latest: 8 });
    expect(npsBps(c.satisfaction.nps)).toBe(0);
    expect(npsBps({ responses: 3, promoters: 0, passives: 1, detractors: 2 })).toBe(-6_667);
    expect(csatBps({ responses: 0, satisfied: 0, scoreTotal: 0 })).toBeNull();
  });

  it("keeps deals and the owner history in effective order", () => {
    expect(c.deals).toEqual({ open: 0, won: 1, lost: 0, wonByCurrency: { USD: 9_000 } });
    expect(c.owners.map((o) => [o.repId, o.effectiveFrom])).toEqual([
      ["bo", "2026-01-01T00:00:00.000Z"],
      ["ana", "2026-07-01T00:00:00.000Z"],
    ]);
  });
});
