import { DomainRuleError } from "../core/index.ts";

/**
 * The names of the orders area's business rules, as carried by `DomainRuleError.rule`.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(error) && error.rule === orderRules.refund_within_remaining) showRemaining(error.details);
 * ```
 */
export const orderRules = Object.freeze({
  /** An order id is placed once. */
  order_already_placed: "order_already_placed",
  /** Every other order command needs a placed order. */
  order_not_found: "order_not_found",
  /** A command's orderId must be the stream's order. */
  order_id_matches: "order_id_matches",
  /** Line ids are distinct within an order. */
  line_ids_unique: "line_ids_unique",
  /** All prices and costs of an order are in one currency. */
  order_single_currency: "order_single_currency",
  /** Unit prices and unit costs are zero or more. */
  line_amounts_not_negative: "line_amounts_not_negative",
  /** A refund or cancellation names a line of the order. */
  line_not_found: "line_not_found",
  /** An adjustment id is used once per order. */
  adjustment_id_unique: "adjustment_id_unique",
  /** An order is invoiced once, and only while something remains to invoice. */
  invoice_once: "invoice_once",
  /** Cancellations happen before invoicing; afterwards, refund. */
  cancel_before_invoice: "cancel_before_invoice",
  /** Refunds happen after invoicing; before, cancel. */
  refund_after_invoice: "refund_after_invoice",
  /** A refund amount is negative, in the order's currency: refunds are never positive lines. */
  refund_amount_negative: "refund_amount_negative",
  /** A refund or cancellation never exceeds what remains of the original line (units and amount). */
  refund_within_remaining: "refund_within_remaining",
} as const);

/**
 * The name of an orders-area rule.
 *
 * @example
 * ```ts
 * const rule: OrderRule = "refund_within_remaining";
 * ```
 */
export type OrderRule = keyof typeof orderRules;

/**
 * Refuses a command when a condition fails.
 *
 * @param ok - The condition that must hold.
 * @param rule - The rule's name.
 * @param message - What was refused, starting with `order:`.
 * @param details - Facts for a person or a log.
 * @throws {@link DomainRuleError} with `rule` when `ok` is false.
 * @example
 * ```ts
 * requireOrderRule(state.invoiceId === undefined, "invoice_once", "order: o-1 is already invoiced");
 * ```
 */
export function requireOrderRule(
  ok: boolean,
  rule: OrderRule,
  message: string,
  details: Record<string, unknown> = {},
): asserts ok {
  if (!ok) throw new DomainRuleError(rule, message, details);
}
