import { type Decider, type DecisionContext, type Money, money, sum, toIsoInstant } from "../core/index.ts";
import type { OrderCommand } from "./commands.ts";
import type { OrderEvent } from "./events.ts";
import { lineTotalOf, marginOf, shareOfLine } from "./lineMath.ts";
import { requireOrderRule } from "./rules.ts";
import type { AdjustmentLine, OrderLine } from "./values.ts";

/**
 * What remains of one order line after refunds and cancellations.
 *
 * @example
 * ```ts
 * const r: LineRemaining = { line, remainingQuantity: 2, remainingAmount: 179_820 };
 * ```
 */
export interface LineRemaining {
  readonly line: OrderLine;
  readonly remainingQuantity: number;
  /** In minor units of the order's currency. */
  readonly remainingAmount: number;
}

/**
 * What the order decider remembers.
 *
 * @example
 * ```ts
 * const s: OrderState = { status: "none" };
 * ```
 */
export type OrderState =
  | { readonly status: "none" }
  | {
      readonly status: "placed";
      readonly orderId: string;
      readonly customerId: string;
      readonly currency: string;
      readonly invoiceId: string | undefined;
      readonly lines: Readonly<Record<string, LineRemaining>>;
      readonly adjustmentIds: readonly string[];
    };

type Placed = Extract<OrderState, { status: "placed" }>;

/**
 * The stream id of an order.
 *
 * @param orderId - The order's id.
 * @returns `order-<orderId>`.
 * @example
 * ```ts
 * await handler.handle(orderStreamId("o-1"), { type: "CancelOrder", data: { orderId: "o-1", reason: "duplicate" } });
 * ```
 */
export function orderStreamId(orderId: string): string {
  return `order-${orderId}`;
}

function applyAdjustment(state: Placed, adj: AdjustmentLine): Placed {
  const r = state.lines[adj.originalLineId];
  if (!r) return state;
  return {
    ...state,
    adjustmentIds: [...state.adjustmentIds, adj.adjustmentId],
    lines: {
      ...state.lines,
      [adj.originalLineId]: {
        line: r.line,
        remainingQuantity: r.remainingQuantity + adj.quantity,
        remainingAmount: r.remainingAmount + adj.lineTotal.amount,
      },
    },
  };
}

function evolve(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === "OrderPlaced") {
    const d = event.data;
    const lines: Record<string, LineRemaining> = {};
    for (const line of d.lines) {
      lines[line.lineId] = { line, remainingQuantity: line.quantity, remainingAmount: line.lineTotal.amount };
    }
    return {
      status: "placed",
      orderId: d.orderId,
      customerId: d.customerId,
      currency: d.currency,
      invoiceId: undefined,
      lines,
      adjustmentIds: [],
    };
  }
  if (state.status === "none") return state;
  switch (event.type) {
    case "InvoiceIssued":
      return { ...state, invoiceId: event.data.invoiceId };
    case "OrderLineRefunded":
    case "OrderLineCancelled":
      return applyAdjustment(state, event.data.line);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function placed(state: OrderState, command: OrderCommand): Placed {
  requireOrderRule(state.status === "placed", "order_not_found", `order: ${command.data.orderId} is not placed`, {
    orderId: command.data.orderId,
  });
  requireOrderRule(
    state.orderId === command.data.orderId,
    "order_id_matches",
    `order: the command names ${command.data.orderId} but the stream holds ${state.orderId}`,
    { expected: state.orderId, got: command.data.orderId },
  );
  return state;
}

function remainingOf(s: Placed, lineId: string): LineRemaining {
  const r = s.lines[lineId];
  requireOrderRule(r !== undefined, "line_not_found", `order: ${s.orderId} has no line ${lineId}`, { lineId });
  return r;
}

function adjustmentId(s: Placed, given: string | undefined, context: DecisionContext): string {
  const id = given ?? context.newId();
  requireOrderRule(!s.adjustmentIds.includes(id), "adjustment_id_unique", `order: adjustment ${id} already exists`, {
    adjustmentId: id,
  });
  return id;
}

/** Builds the negative line that returns `units` units (or, when `amount` is given, that amount) of a line. */
function adjustment(
  r: LineRemaining,
  id: string,
  units: number,
  amount: Money | undefined,
  reason: string,
): AdjustmentLine {
  const { line } = r;
  const exceeded = units > r.remainingQuantity || (amount !== undefined && -amount.amount > r.remainingAmount);
  requireOrderRule(
    !exceeded,
    "refund_within_remaining",
    `order: line ${line.lineId} has ${r.remainingQuantity} units and ${r.remainingAmount} minor units left`,
    { lineId: line.lineId, remainingQuantity: r.remainingQuantity, remainingAmount: r.remainingAmount, units, amount },
  );
  let total: number;
  if (amount !== undefined) total = amount.amount;
  else if (units === r.remainingQuantity) total = -r.remainingAmount;
  else {
    const returned = line.quantity - r.remainingQuantity;
    const before = shareOfLine(line.lineTotal, returned, line.quantity).amount;
    const afterwards = shareOfLine(line.lineTotal, returned + units, line.quantity).amount;
    total = -Math.min(afterwards - before, r.remainingAmount);
  }
  requireOrderRule(total < 0, "refund_within_remaining", `order: nothing remains of line ${line.lineId}`, {
    lineId: line.lineId,
  });
  const lineTotal = money(total, line.lineTotal.currency);
  return {
    adjustmentId: id,
    originalLineId: line.lineId,
    productId: line.productId,
    quantity: -units,
    lineTotal,
    ...(line.unitCost === undefined ? {} : { margin: marginOf(lineTotal, -units, line.unitCost) }),
    reason,
  };
}

function placeOrder(command: Extract<OrderCommand, { type: "PlaceOrder" }>, now: string): OrderEvent {
  const d = command.data;
  const ids = d.lines.map((l) => l.lineId);
  requireOrderRule(new Set(ids).size === ids.length, "line_ids_unique", "order: line ids must be distinct", { ids });
  const currency = d.lines[0]!.unitPrice.currency;
  for (const l of d.lines) {
    requireOrderRule(
      l.unitPrice.currency === currency && (l.unitCost === undefined || l.unitCost.currency === currency),
      "order_single_currency",
      `order: line ${l.lineId} is not in ${currency}`,
      { lineId: l.lineId, currency },
    );
    requireOrderRule(
      l.unitPrice.amount >= 0 && (l.unitCost === undefined || l.unitCost.amount >= 0),
      "line_amounts_not_negative",
      `order: line ${l.lineId} has a negative price or cost`,
      { lineId: l.lineId },
    );
  }
  const lines: OrderLine[] = d.lines.map((l) => {
    const discountBps = l.discountBps ?? 0;
    const lineTotal = lineTotalOf(l.quantity, l.unitPrice, discountBps);
    return {
      ...l,
      discountBps,
      lineTotal,
      ...(l.unitCost === undefined ? {} : { margin: marginOf(lineTotal, l.quantity, l.unitCost) }),
    };
  });
  const { orderedAt, lines: _lines, ...rest } = d;
  return {
    type: "OrderPlaced",
    data: {
      ...rest,
      orderedAt: orderedAt === undefined ? now : toIsoInstant(orderedAt),
      currency,
      lines,
      total: sum(
        lines.map((l) => l.lineTotal),
        currency,
      ),
    },
  };
}

function decide(command: OrderCommand, state: OrderState, context: DecisionContext): OrderEvent[] {
  const { now } = context;
  if (command.type === "PlaceOrder") {
    requireOrderRule(
      state.status === "none",
      "order_already_placed",
      `order: ${command.data.orderId} is already placed`,
      {
        orderId: command.data.orderId,
      },
    );
    return [placeOrder(command, now)];
  }
  const s = placed(state, command);
  const base = { orderId: s.orderId, customerId: s.customerId };
  switch (command.type) {
    case "IssueInvoice": {
      const amount = Object.values(s.lines).reduce((t, r) => t + r.remainingAmount, 0);
      const hasUnits = Object.values(s.lines).some((r) => r.remainingQuantity > 0);
      requireOrderRule(
        s.invoiceId === undefined && hasUnits,
        "invoice_once",
        s.invoiceId === undefined
          ? `order: nothing remains to invoice on ${s.orderId}`
          : `order: ${s.orderId} is already invoiced`,
        { invoiceId: s.invoiceId },
      );
      return [
        {
          type: "InvoiceIssued",
          data: {
            ...base,
            invoiceId: command.data.invoiceId,
            issuedAt: now,
            dueOn: command.data.dueOn,
            amount: money(amount, s.currency),
          },
        },
      ];
    }
    case "RefundOrderLine": {
      requireOrderRule(
        s.invoiceId !== undefined,
        "refund_after_invoice",
        `order: ${s.orderId} is not invoiced; cancel instead`,
      );
      const r = remainingOf(s, command.data.lineId);
      const { amount } = command.data;
      requireOrderRule(
        amount === undefined || (amount.amount < 0 && amount.currency === s.currency),
        "refund_amount_negative",
        `order: a refund amount is a negative amount in ${s.currency}`,
        { amount },
      );
      const id = adjustmentId(s, command.data.adjustmentId, context);
      const line = adjustment(r, id, command.data.quantity ?? 0, amount, command.data.reason);
      return [{ type: "OrderLineRefunded", data: { ...base, invoiceId: s.invoiceId, line, refundedAt: now } }];
    }
    case "CancelOrderLine": {
      requireOrderRule(
        s.invoiceId === undefined,
        "cancel_before_invoice",
        `order: ${s.orderId} is invoiced; refund instead`,
      );
      const r = remainingOf(s, command.data.lineId);
      const id = adjustmentId(s, command.data.adjustmentId, context);
      const units = command.data.quantity ?? r.remainingQuantity;
      const line = adjustment(r, id, units, undefined, command.data.reason);
      return [{ type: "OrderLineCancelled", data: { ...base, line, cancelledAt: now } }];
    }
    case "CancelOrder": {
      requireOrderRule(
        s.invoiceId === undefined,
        "cancel_before_invoice",
        `order: ${s.orderId} is invoiced; refund instead`,
      );
      // Lines with nothing left to return (fully adjusted, or free) are skipped.
      return Object.values(s.lines)
        .filter((r) => r.remainingAmount > 0)
        .map((r): OrderEvent => {
          const line = adjustment(
            r,
            adjustmentId(s, undefined, context),
            r.remainingQuantity,
            undefined,
            command.data.reason,
          );
          return { type: "OrderLineCancelled", data: { ...base, line, cancelledAt: now } };
        });
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * The order decider: places orders with exactly computed lines, invoices them once, and records refunds and
 * cancellations as negative lines that never exceed what remains of the original line. See `orderRules`.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: orderDecider, commands: orderCommand });
 * await handler.handle(orderStreamId("o-1"), { type: "IssueInvoice", data: { orderId: "o-1", invoiceId: "inv-1", dueOn: "2026-08-10" } });
 * ```
 */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = Object.freeze({
  name: "order",
  version: "1",
  initialState: (): OrderState => ({ status: "none" }),
  evolve,
  decide,
});
