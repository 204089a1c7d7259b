import { describe, expect, it } from "vitest";
import { AccountOwnerAssigned, type AccountReleasedToPool } from "../../../src/assignments/events.ts";
import {
  type CreditCommand,
  creditCommand,
  creditDecider,
  creditEvents,
  creditStreamId,
  ownerFactAt,
  repCredits,
  saleOwnership,
} from "../../../src/credit/index.ts";
import {
  createCommandHandler,
  createEventCatalog,
  createInMemoryEventStore,
  type EventOf,
  fixedClock,
  fold,
  rebuildProjection,
} from "../../../src/index.ts";
import { envelopes } from "../analytics/envelopes.ts";
import { usd } from "./fixtures.ts";

type Ownership = EventOf<typeof AccountOwnerAssigned> | EventOf<typeof AccountReleasedToPool>;
const assigned = (repId: string, effectiveFrom: string): Ownership => ({
  type: "AccountOwnerAssigned",
  data: { customerId: "cu-1", repId, effectiveFrom },
});

describe("saleOwnership", () => {
  // Out of order on purpose: the July reassignment is recorded before the back-dated January one.
  const events: Ownership[] = [
    assigned("rep-ana", "2026-07-01T00:00:00+08:00"),
    assigned("rep-bo", "2026-01-01T00:00:00.000Z"),
    {
      type: "AccountReleasedToPool",
      data: { customerId: "cu-1", fromRepId: "rep-ana", effectiveFrom: "2026-10-01T00:00:00.000Z" },
    } as Ownership,
    assigned("rep-cy", "2026-11-01T00:00:00.000Z"),
    assigned("rep-dee", "2026-11-01T00:00:00.000Z"), // a correction at the same instant replaces rep-cy
  ];
  const state = fold(saleOwnership, envelopes(events));

  it("answers the owner at an instant, half-open at each change", () => {
    expect(ownerFactAt(state, "cu-1", "2025-12-31T23:59:59.999Z")).toBeUndefined();
    expect(ownerFactAt(state, "cu-1", "2026-01-01T00:00:00.000Z")).toEqual({
      repId: "rep-bo",
      effectiveFrom: "2026-01-01T00:00:00.000Z",
    });
    expect(ownerFactAt(state, "cu-1", "2026-06-30T15:59:59.999Z")?.repId).toBe("rep-bo");
    expect(ownerFactAt(state, "cu-1", "2026-06-30T16:00:00.000Z")).toEqual({
      repId: "rep-ana",
      effectiveFrom: "2026-06-30T16:00:00.000Z",
    });
    expect(ownerFactAt(state, "cu-1", "2026-10-15T00:00:00.000Z")).toBeUndefined();
    expect(ownerFactAt(state, "cu-1", "2026-12-01T00:00:00.000Z")?.repId).toBe("rep-dee");
    expect(ownerFactAt(state, "cu-2", "2026-12-01T00:00:00.000Z")).toBeUndefined();
  });

  it("builds a credit command the credit decider accepts", async () => {
    const store = createInMemoryEventStore({ catalog: createEventCatalog([creditEvents]) });
    const handler = createCommandHandler({
      store,
      decider: creditDecider,
      commands: creditCommand,
      clock: fixedClock("2026-08-15T00:00:00.000Z"),
    });
    const closedAt = "2026-08-14T08:00:00.000Z";
    const owner = ownerFactAt(state, "cu-1", closedAt)!;
    const command: CreditCommand = {
      type: "AssignDealCredit",
      data: { dealId: "d-1", customerId: "cu-1", amount: usd(48_000_00), closedAt, owner },
    };
    const result = await handler.handle(creditStreamId({ kind: "deal", id: "d-1" }), command);
    expect(result.events.map((e) => [e.data.repId, e.data.amount.amount])).toEqual([["rep-ana", 4_800_000]]);
    expect(AccountOwnerAssigned.type).toBe("AccountOwnerAssigned");
  });
});

describe("repCredits", () => {
  it("nets revenue and overlay per rep, reversals included, never using the order total", async () => {
    const store = createInMemoryEventStore({ catalog: creditEvents });
    const handler = createCommandHandler({ store, decider: creditDecider, commands: creditCommand });
    const owner = { repId: "rep-ana", effectiveFrom: "2026-01-01T00:00:00.000Z" };
    await handler.handle(creditStreamId({ kind: "order", id: "o-1" }), {
      type: "AssignOrderCredit",
      data: {
        orderId: "o-1",
        customerId: "cu-1",
        orderedAt: "2026-07-10T00:00:00.000Z",
        owner,
        lines: [
          { lineId: "a", productId: "p", amount: usd(1_000) },
          { lineId: "b", productId: "q", amount: usd(501) },
        ],
        revenueSplits: [
          { repId: "rep-ana", shareBps: 6_000 },
          { repId: "rep-bo", shareBps: 4_000 },
        ],
        overlaySplits: [{ repId: "mgr", shareBps: 10_000 }],
      },
    });
    await handler.handle(creditStreamId({ kind: "order", id: "o-1" }), {
      type: "ReverseCredit",
      data: {
        source: { kind: "order", id: "o-1" },
        kind: "refund",
        adjustmentId: "r-1",
        lineId: "a",
        amount: usd(-250),
        at: "2026-07-20T00:00:00.000Z",
      },
    });
    const { state } = await rebuildProjection(store, repCredits);
    // Line a: 600 / 400; line b: 501 × 0.6 = 300.6 → 301, 200.4 → 200 (largest remainder). Refund 250 of line a at
    // what each holds (600:400): 150 / 100. Overlay: 1,000 + 501, less 250.
    expect(state.byRep["rep-ana"]?.USD).toEqual({ revenue: 600 + 301 - 150, overlay: 0, reversed: -150, credits: 3 });
    expect(state.byRep["rep-bo"]?.USD).toEqual({ revenue: 400 + 200 - 100, overlay: 0, reversed: -100, credits: 3 });
    expect(state.byRep.mgr?.USD).toEqual({ revenue: 0, overlay: 1_000 + 501 - 250, reversed: -250, credits: 3 });
  });
});
