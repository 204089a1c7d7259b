import { z } from "zod";
import {
  calendarDateSchema,
  createEventCatalog,
  defineEvent,
  type EventOf,
  instantSchema,
  moneySchema,
} from "../core/index.ts";
import { adjustmentLineSchema, orderIdSchema, orderLineSchema } from "./values.ts";

/**
 * A customer placed an order. Every line's total (and margin, when the cost is known) is computed when the order is
 * placed; `total` is their sum. All lines share one currency.
 *
 * @example
 * ```ts
 * const e = { type: "OrderPlaced", data: { orderId: "o-1", customerId: "cu-1", orderedAt: "2026-07-10T02:00:00.000Z", currency: "USD", lines: [line], total: { amount: 269_730, currency: "USD" } } };
 * ```
 */
export const OrderPlaced = /* @__PURE__ */ defineEvent(
  "OrderPlaced",
  z.strictObject({
    orderId: orderIdSchema,
    customerId: orderIdSchema,
    dealId: orderIdSchema.optional(),
    orderedAt: instantSchema,
    currency: z.string().regex(/^[A-Z]{3}$/),
    lines: z.array(orderLineSchema).min(1).max(500),
    total: moneySchema,
  }),
);

/**
 * An invoice was issued for an order: the order's net amount at that moment (lines less cancellations).
 *
 * @example
 * ```ts
 * const e = { type: "InvoiceIssued", data: { orderId: "o-1", invoiceId: "inv-1", customerId: "cu-1", issuedAt: "2026-07-11T02:00:00.000Z", dueOn: "2026-08-10", amount: { amount: 269_730, currency: "USD" } } };
 * ```
 */
export const InvoiceIssued = /* @__PURE__ */ defineEvent(
  "InvoiceIssued",
  z.strictObject({
    orderId: orderIdSchema,
    invoiceId: orderIdSchema,
    customerId: orderIdSchema,
    issuedAt: instantSchema,
    dueOn: calendarDateSchema,
    amount: moneySchema,
  }),
);

/**
 * Part of an invoiced line was refunded: a NEGATIVE line referencing the original line, never a positive amount.
 *
 * @example
 * ```ts
 * const e = { type: "OrderLineRefunded", data: { orderId: "o-1", customerId: "cu-1", invoiceId: "inv-1", line: { adjustmentId: "a-1", originalLineId: "l-1", productId: "erp", quantity: -1, lineTotal: { amount: -89_910, currency: "USD" }, reason: "damaged" }, refundedAt: "2026-07-20T02:00:00.000Z" } };
 * ```
 */
export const OrderLineRefunded = /* @__PURE__ */ defineEvent(
  "OrderLineRefunded",
  z.strictObject({
    orderId: orderIdSchema,
    customerId: orderIdSchema,
    invoiceId: orderIdSchema,
    line: adjustmentLineSchema,
    refundedAt: instantSchema,
  }),
);

/**
 * Part of a line was cancelled before invoicing: a NEGATIVE line referencing the original line.
 *
 * @example
 * ```ts
 * const e = { type: "OrderLineCancelled", data: { orderId: "o-1", customerId: "cu-1", line: { adjustmentId: "a-2", originalLineId: "l-2", productId: "svc", quantity: -2, lineTotal: { amount: -20_000, currency: "USD" }, reason: "customer request" }, cancelledAt: "2026-07-10T05:00:00.000Z" } };
 * ```
 */
export const OrderLineCancelled = /* @__PURE__ */ defineEvent(
  "OrderLineCancelled",
  z.strictObject({
    orderId: orderIdSchema,
    customerId: orderIdSchema,
    line: adjustmentLineSchema,
    cancelledAt: instantSchema,
  }),
);

/**
 * The catalog of the orders area.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: createEventCatalog([orderEvents]) });
 * ```
 */
export const orderEvents = /* @__PURE__ */ createEventCatalog([
  OrderPlaced,
  InvoiceIssued,
  OrderLineRefunded,
  OrderLineCancelled,
]);

/**
 * The events of an order stream.
 *
 * @example
 * ```ts
 * const negative = (e: OrderEvent) => e.type === "OrderLineRefunded" || e.type === "OrderLineCancelled";
 * ```
 */
export type OrderEvent =
  | EventOf<typeof OrderPlaced>
  | EventOf<typeof InvoiceIssued>
  | EventOf<typeof OrderLineRefunded>
  | EventOf<typeof OrderLineCancelled>;
