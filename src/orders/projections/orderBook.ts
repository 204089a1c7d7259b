import { defineProjection } from "../../core/index.ts";
import { orderEvents } from "../events.ts";

/**
 * An order's totals in minor units of its currency: as placed, cancelled and refunded (both negative), and net.
 *
 * @example
 * ```ts
 * const row: OrderRow = { orderId: "o-1", customerId: "cu-1", currency: "USD", orderedAt: "2026-07-10T02:00:00.000Z", placed: 1000, cancelled: 0, refunded: -200, net: 800 };
 * ```
 */
export interface OrderRow {
  orderId: string;
  customerId: string;
  currency: string;
  orderedAt: string;
  invoiceId?: string;
  placed: number;
  /** Negative or zero. */
  cancelled: number;
  /** Negative or zero. */
  refunded: number;
  net: number;
  /** Net margin, when every line's cost is known. */
  margin?: number;
}

/**
 * The state of {@link orderBook}.
 *
 * @example
 * ```ts
 * const s: OrderBookState = { orders: {} };
 * ```
 */
export interface OrderBookState {
  readonly orders: Record<string, OrderRow>;
}

/**
 * Every order's placed, cancelled, refunded and net amounts, with the invoice id once invoiced.
 *
 * @example
 * ```ts
 * const state = fold(orderBook, events);
 * state.orders["o-1"]?.net;
 * ```
 */
export const orderBook = /* @__PURE__ */ defineProjection({
  name: "orderBook",
  events: orderEvents,
  initialState: (): OrderBookState => ({ orders: {} }),
  handlers: {
    OrderPlaced: (s, e) => {
      const d = e.data;
      const costed = d.lines.every((l) => l.margin !== undefined);
      s.orders[d.orderId] = {
        orderId: d.orderId,
        customerId: d.customerId,
        currency: d.currency,
        orderedAt: d.orderedAt,
        placed: d.total.amount,
        cancelled: 0,
        refunded: 0,
        net: d.total.amount,
        ...(costed ? { margin: d.lines.reduce((t, l) => t + l.margin!.amount, 0) } : {}),
      };
    },
    InvoiceIssued: (s, e) => {
      const r = s.orders[e.data.orderId];
      if (r) r.invoiceId = e.data.invoiceId;
    },
    OrderLineCancelled: (s, e) => {
      const r = s.orders[e.data.orderId];
      if (!r) return;
      r.cancelled += e.data.line.lineTotal.amount;
      r.net += e.data.line.lineTotal.amount;
      if (r.margin !== undefined) r.margin += e.data.line.margin?.amount ?? 0;
    },
    OrderLineRefunded: (s, e) => {
      const r = s.orders[e.data.orderId];
      if (!r) return;
      r.refunded += e.data.line.lineTotal.amount;
      r.net += e.data.line.lineTotal.amount;
      if (r.margin !== undefined) r.margin += e.data.line.margin?.amount ?? 0;
    },
  },
});
