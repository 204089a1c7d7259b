import { describe, expect, it } from "vitest";
import {
  createCommandHandler,
  createInMemoryEventStore,
  fixedClock,
  money,
  rebuildProjection,
} from "../../../src/index.ts";
import { orderBook, orderCommand, orderDecider, orderEvents, orderStreamId } from "../../../src/orders/index.ts";

describe("orderBook", () => {
  it("tracks placed, cancelled, refunded, net and margin through the command handler", async () => {
    const store = createInMemoryEventStore({ catalog: orderEvents });
    const orders = createCommandHandler({
      store,
      decider: orderDecider,
      commands: orderCommand,
      clock: fixedClock("2026-07-20T00:00:00.000Z"),
    });
    const id = orderStreamId("o-1");
    await orders.handle(id, {
      type: "PlaceOrder",
      data: {
        orderId: "o-1",
        customerId: "cu-1",
        lines: [
          { lineId: "a", productId: "p", quantity: 4, unitPrice: money(2_500, "USD"), unitCost: money(1_000, "USD") },
          { lineId: "b", productId: "q", quantity: 1, unitPrice: money(7_000, "USD"), unitCost: money(3_000, "USD") },
        ],
      },
    });
    await orders.handle(id, {
      type: "CancelOrderLine",
      data: { orderId: "o-1", lineId: "a", quantity: 1, reason: "x" },
    });
    await orders.handle(id, {
      type: "IssueInvoice",
      data: { orderId: "o-1", invoiceId: "inv-1", dueOn: "2026-08-19" },
    });
    await orders.handle(id, {
      type: "RefundOrderLine",
      data: { orderId: "o-1", lineId: "b", amount: money(-1_500, "USD"), reason: "late" },
    });
    const { state } = await rebuildProjection(store, orderBook);
    // Placed 4 × 2,500 + 7,000 = 17,000; cancelled 2,500; refunded 1,500 → net 13,000.
    // Margin 6,000 + 4,000 = 10,000; cancellation −2,500 + 1,000 = −1,500; price refund −1,500 → 7,000.
    expect(state.orders["o-1"]).toEqual({
      orderId: "o-1",
      customerId: "cu-1",
      currency: "USD",
      orderedAt: "2026-07-20T00:00:00.000Z",
      invoiceId: "inv-1",
      placed: 17_000,
      cancelled: -2_500,
      refunded: -1_500,
      net: 13_000,
      margin: 7_000,
    });
  });
});
