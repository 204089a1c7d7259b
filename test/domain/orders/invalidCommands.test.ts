import { describe, it } from "vitest";
import { createCommandHandler, createInMemoryEventStore } from "../../../src/index.ts";
import {
  type OrderCommand,
  orderCommand,
  orderDecider,
  orderEvents,
  orderStreamId,
} from "../../../src/orders/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";

const usd = (amount: number) => ({ amount, currency: "USD" });
const valid: Record<OrderCommand["type"], OrderCommand[]> = {
  PlaceOrder: [
    {
      type: "PlaceOrder",
      data: {
        orderId: "o-1",
        customerId: "cu-1",
        dealId: "d-1",
        orderedAt: "2026-07-10T02:00:00.000Z",
        lines: [
          {
            lineId: "l-1",
            productId: "erp",
            quantity: 3,
            unitPrice: usd(99_900),
            discountBps: 1000,
            unitCost: usd(60_000),
          },
        ],
      },
    },
  ],
  IssueInvoice: [{ type: "IssueInvoice", data: { orderId: "o-1", invoiceId: "inv-1", dueOn: "2026-08-10" } }],
  RefundOrderLine: [
    {
      type: "RefundOrderLine",
      data: { orderId: "o-1", lineId: "l-1", adjustmentId: "a-1", quantity: 1, reason: "damaged" },
    },
    { type: "RefundOrderLine", data: { orderId: "o-1", lineId: "l-1", amount: usd(-500), reason: "goodwill" } },
  ],
  CancelOrderLine: [
    { type: "CancelOrderLine", data: { orderId: "o-1", lineId: "l-1", adjustmentId: "a-2", quantity: 1, reason: "x" } },
  ],
  CancelOrder: [{ type: "CancelOrder", data: { orderId: "o-1", reason: "duplicate" } }],
};

describe("order commands", () => {
  it("every order command rejects bad input with a ValidationError and writes nothing", async () => {
    const store = createInMemoryEventStore({ catalog: orderEvents });
    const handler = createCommandHandler({ store, decider: orderDecider, commands: orderCommand });
    await assertRejectsInvalidCommands({
      schema: orderCommand,
      valid: Object.values(valid).flat(),
      store,
      handle: (command) => handler.handle(orderStreamId("o-1"), command as OrderCommand),
    });
  });
});
