import { describe, expect, it } from "vitest";
import { money } from "../../../src/index.ts";
import {
  type OrderCommand,
  type OrderEvent,
  orderCommand,
  orderDecider,
  orderRules,
} from "../../../src/orders/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const now = "2026-07-20T02:00:00.000Z";
const spec = deciderSpec(orderDecider, { commands: orderCommand, now, idPrefix: "adj" });
const usd = (n: number) => money(n, "USD");

// Line l-1: 3 × 99,900 at 10 % off = 269,730 exactly; cost 60,000 each → margin 269,730 − 180,000 = 89,730.
// Line l-2: 2 × 10,000, no discount = 20,000.
const placed: OrderEvent = {
  type: "OrderPlaced",
  data: {
    orderId: "o-1",
    customerId: "cu-1",
    orderedAt: "2026-07-10T02:00:00.000Z",
    currency: "USD",
    lines: [
      {
        lineId: "l-1",
        productId: "erp",
        quantity: 3,
        unitPrice: usd(99_900),
        discountBps: 1000,
        unitCost: usd(60_000),
        lineTotal: usd(269_730),
        margin: usd(89_730),
      },
      { lineId: "l-2", productId: "svc", quantity: 2, unitPrice: usd(10_000), discountBps: 0, lineTotal: usd(20_000) },
    ],
    total: usd(289_730),
  },
};
const invoiced: OrderEvent = {
  type: "InvoiceIssued",
  data: {
    orderId: "o-1",
    invoiceId: "inv-1",
    customerId: "cu-1",
    issuedAt: now,
    dueOn: "2026-08-19",
    amount: usd(289_730),
  },
};
const place: OrderCommand = {
  type: "PlaceOrder",
  data: {
    orderId: "o-1",
    customerId: "cu-1",
    orderedAt: "2026-07-10T10:00:00+08:00",
    lines: [
      {
        lineId: "l-1",
        productId: "erp",
        quantity: 3,
        unitPrice: usd(99_900),
        discountBps: 1000,
        unitCost: usd(60_000),
      },
      { lineId: "l-2", productId: "svc", quantity: 2, unitPrice: usd(10_000) },
    ],
  },
};
const refund = (data: Partial<Extract<OrderCommand, { type: "RefundOrderLine" }>["data"]>): OrderCommand =>
  ({ type: "RefundOrderLine", data: { orderId: "o-1", lineId: "l-1", reason: "damaged", ...data } }) as OrderCommand;
const refunded = (line: Record<string, unknown>): OrderEvent =>
  ({
    type: "OrderLineRefunded",
    data: { orderId: "o-1", customerId: "cu-1", invoiceId: "inv-1", line, refundedAt: now },
  }) as OrderEvent;

describe("order decider", () => {
  it("places an order with exact line totals and margins, once (order_already_placed)", () => {
    spec.given([]).when(place).then([placed]);
    spec.given([placed]).when(place).then("order_already_placed");
  });

  it("refuses commands on an unknown order (order_not_found) or another order (order_id_matches)", () => {
    spec
      .given([])
      .when({ type: "CancelOrder", data: { orderId: "o-1", reason: "x" } })
      .then("order_not_found");
    spec
      .given([placed])
      .when({ type: "CancelOrder", data: { orderId: "o-2", reason: "x" } })
      .then("order_id_matches");
  });

  it("checks lines: distinct ids, one currency, no negative price or cost", () => {
    const lines = (place.data as { lines: unknown[] }).lines;
    const with_ = (ls: unknown[]) => ({ ...place, data: { ...place.data, lines: ls } }) as OrderCommand;
    spec
      .given([])
      .when(with_([lines[0], { ...(lines[1] as object), lineId: "l-1" }]))
      .then("line_ids_unique");
    spec
      .given([])
      .when(with_([lines[0], { ...(lines[1] as object), unitPrice: money(10_000, "EUR") }]))
      .then("order_single_currency");
    spec
      .given([])
      .when(with_([{ ...(lines[0] as object), unitCost: money(1, "EUR") }]))
      .then("order_single_currency");
    spec
      .given([])
      .when(with_([{ ...(lines[0] as object), unitPrice: usd(-1) }]))
      .then("line_amounts_not_negative");
  });

  it("invoices the net amount once (invoice_once)", () => {
    spec
      .given([placed])
      .when({ type: "IssueInvoice", data: { orderId: "o-1", invoiceId: "inv-1", dueOn: "2026-08-19" } })
      .then([invoiced]);
    spec
      .given([placed, invoiced])
      .when({ type: "IssueInvoice", data: { orderId: "o-1", invoiceId: "inv-2", dueOn: "2026-08-19" } })
      .then("invoice_once");
    const allCancelled = deciderSpec(orderDecider, { now, idPrefix: "adj" });
    const cancelledAll: OrderEvent[] = orderDecider.decide(
      { type: "CancelOrder", data: { orderId: "o-1", reason: "dup" } },
      orderDecider.evolve(orderDecider.initialState(), placed),
      {
        now,
        actor: undefined,
        newId: (() => {
          let n = 0;
          return () => `c-${++n}`;
        })(),
      },
    ) as OrderEvent[];
    allCancelled
      .given([placed, ...cancelledAll])
      .when({ type: "IssueInvoice", data: { orderId: "o-1", invoiceId: "inv-1", dueOn: "2026-08-19" } })
      .then("invoice_once");
  });

  it("cancels only before invoicing (cancel_before_invoice), as negative lines", () => {
    spec
      .given([placed, invoiced])
      .when({ type: "CancelOrderLine", data: { orderId: "o-1", lineId: "l-2", reason: "x" } })
      .then("cancel_before_invoice");
    spec
      .given([placed, invoiced])
      .when({ type: "CancelOrder", data: { orderId: "o-1", reason: "x" } })
      .then("cancel_before_invoice");
    spec
      .given([placed])
      .when({ type: "CancelOrderLine", data: { orderId: "o-1", lineId: "l-2", quantity: 1, reason: "x" } })
      .then([
        {
          type: "OrderLineCancelled",
          data: {
            orderId: "o-1",
            customerId: "cu-1",
            line: {
              adjustmentId: "adj-000001",
              originalLineId: "l-2",
              productId: "svc",
              quantity: -1,
              lineTotal: usd(-10_000),
              reason: "x",
            },
            cancelledAt: now,
          },
        },
      ]);
  });

  it("refunds only after invoicing (refund_after_invoice), as negative lines with negative margin", () => {
    spec
      .given([placed])
      .when(refund({ quantity: 1 }))
      .then("refund_after_invoice");
    // 1 of 3 units of 269,730: share(1) = 89,910 → line −89,910; margin −89,910 + 60,000 = −29,910.
    spec
      .given([placed, invoiced])
      .when(refund({ quantity: 1 }))
      .then([
        refunded({
          adjustmentId: "adj-000001",
          originalLineId: "l-1",
          productId: "erp",
          quantity: -1,
          lineTotal: usd(-89_910),
          margin: usd(-29_910),
          reason: "damaged",
        }),
      ]);
  });

  it("takes refund amounts only as negative amounts in the order's currency (refund_amount_negative)", () => {
    spec
      .given([placed, invoiced])
      .when(refund({ amount: usd(500) }))
      .then("refund_amount_negative");
    spec
      .given([placed, invoiced])
      .when(refund({ amount: money(-500, "EUR") }))
      .then("refund_amount_negative");
    spec
      .given([placed, invoiced])
      .when(refund({ amount: usd(-500), adjustmentId: "goodwill" }))
      .then([
        refunded({
          adjustmentId: "goodwill",
          originalLineId: "l-1",
          productId: "erp",
          quantity: 0,
          lineTotal: usd(-500),
          margin: usd(-500),
          reason: "damaged",
        }),
      ]);
  });

  it("never refunds or cancels more than remains of the line (refund_within_remaining)", () => {
    const piece = refunded({
      adjustmentId: "a",
      originalLineId: "l-1",
      productId: "erp",
      quantity: -2,
      lineTotal: usd(-179_820),
      reason: "x",
    });
    spec
      .given([placed, invoiced, piece])
      .when(refund({ quantity: 2 }))
      .then("refund_within_remaining");
    spec
      .given([placed, invoiced, piece])
      .when(refund({ amount: usd(-89_911) }))
      .then("refund_within_remaining");
    spec
      .given([placed, invoiced, piece])
      .when(refund({ quantity: 1 }))
      .then([
        refunded({
          adjustmentId: "adj-000001",
          originalLineId: "l-1",
          productId: "erp",
          quantity: -1,
          lineTotal: usd(-89_910),
          margin: usd(-29_910),
          reason: "damaged",
        }),
      ]);
    spec
      .given([placed])
      .when({ type: "CancelOrderLine", data: { orderId: "o-1", lineId: "l-2", quantity: 3, reason: "x" } })
      .then("refund_within_remaining");
  });

  it("names only lines of the order (line_not_found) and uses each adjustment id once (adjustment_id_unique)", () => {
    spec
      .given([placed, invoiced])
      .when(refund({ lineId: "l-9", quantity: 1 }))
      .then("line_not_found");
    const piece = refunded({
      adjustmentId: "a",
      originalLineId: "l-1",
      productId: "erp",
      quantity: -1,
      lineTotal: usd(-89_910),
      reason: "x",
    });
    spec
      .given([placed, invoiced, piece])
      .when(refund({ quantity: 1, adjustmentId: "a" }))
      .then("adjustment_id_unique");
  });

  it("cancels a whole order as one negative line per line with something left", () => {
    spec
      .given([placed])
      .when({ type: "CancelOrder", data: { orderId: "o-1", reason: "dup" } })
      .then([
        {
          type: "OrderLineCancelled",
          data: {
            orderId: "o-1",
            customerId: "cu-1",
            line: {
              adjustmentId: "adj-000001",
              originalLineId: "l-1",
              productId: "erp",
              quantity: -3,
              lineTotal: usd(-269_730),
              margin: usd(-89_730),
              reason: "dup",
            },
            cancelledAt: now,
          },
        },
        {
          type: "OrderLineCancelled",
          data: {
            orderId: "o-1",
            customerId: "cu-1",
            line: {
              adjustmentId: "adj-000002",
              originalLineId: "l-2",
              productId: "svc",
              quantity: -2,
              lineTotal: usd(-20_000),
              reason: "dup",
            },
            cancelledAt: now,
          },
        },
      ]);
  });

  it("rejects a refund naming both or neither of quantity and amount before deciding", () => {
    spec
      .given([placed, invoiced])
      .when(refund({ quantity: 1, amount: usd(-1) }))
      .thenThrows("validation_failed");
    spec.given([placed, invoiced]).when(refund({})).thenThrows("validation_failed");
  });

  it("names every rule it lists", () => {
    expect(Object.entries(orderRules).every(([k, v]) => k === v)).toBe(true);
  });
});
