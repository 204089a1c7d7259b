// The orders area: orders and invoices with exact product lines; refunds and cancellations as negative lines.
export { type OrderCommand, orderCommand } from "./commands.ts";
export {
  InvoiceIssued,
  type OrderEvent,
  OrderLineCancelled,
  OrderLineRefunded,
  OrderPlaced,
  orderEvents,
} from "./events.ts";
export { lineTotalOf, marginOf, shareOfLine } from "./lineMath.ts";
export { type LineRemaining, type OrderState, orderDecider, orderStreamId } from "./orderDecider.ts";
export { type OrderBookState, type OrderRow, orderBook } from "./projections/orderBook.ts";
export { type OrderRule, orderRules, requireOrderRule } from "./rules.ts";
export {
  type AdjustmentLine,
  adjustmentLineSchema,
  type OrderLine,
  type OrderLineInput,
  orderIdSchema,
  orderLineInputSchema,
  orderLineSchema,
} from "./values.ts";
