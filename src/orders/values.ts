import { z } from "zod";
import { moneySchema } from "../core/index.ts";

/**
 * An entity id in the orders area: 1 to 128 characters.
 *
 * @example
 * ```ts
 * orderIdSchema.parse("o-1001");
 * ```
 */
export const orderIdSchema = z.string().min(1).max(128);

/**
 * A product line as ordered: product, quantity, unit price, discount in basis points and, when known, unit cost.
 *
 * @example
 * ```ts
 * orderLineInputSchema.parse({ lineId: "l-1", productId: "erp", quantity: 3, unitPrice: { amount: 99_900, currency: "USD" }, discountBps: 1000 });
 * ```
 */
export const orderLineInputSchema = z.strictObject({
  lineId: orderIdSchema,
  productId: orderIdSchema,
  quantity: z.number().int().min(1).max(1_000_000),
  unitPrice: moneySchema,
  discountBps: z.number().int().min(0).max(10_000).optional(),
  unitCost: moneySchema.optional(),
});

/**
 * A product line as ordered.
 *
 * @example
 * ```ts
 * const line: OrderLineInput = { lineId: "l-1", productId: "erp", quantity: 1, unitPrice: money(99_900, "USD") };
 * ```
 */
export type OrderLineInput = z.infer<typeof orderLineInputSchema>;

/**
 * A stored product line: the ordered line plus its computed `lineTotal` and, when the cost is known, `margin`.
 *
 * @example
 * ```ts
 * const total = orderLineSchema.parse(line).lineTotal;
 * ```
 */
export const orderLineSchema = z.strictObject({
  lineId: orderIdSchema,
  productId: orderIdSchema,
  quantity: z.number().int().min(1).max(1_000_000),
  unitPrice: moneySchema,
  discountBps: z.number().int().min(0).max(10_000),
  unitCost: moneySchema.optional(),
  lineTotal: moneySchema,
  margin: moneySchema.optional(),
});

/**
 * A stored product line.
 *
 * @example
 * ```ts
 * const line: OrderLine = { lineId: "l-1", productId: "erp", quantity: 1, unitPrice: money(100, "USD"), discountBps: 0, lineTotal: money(100, "USD") };
 * ```
 */
export type OrderLine = z.infer<typeof orderLineSchema>;

/**
 * A negative line that refunds or cancels part of an original line. `quantity` is zero or negative (zero for a
 * price-only refund), `lineTotal` is negative, and `margin` is present when the original line's cost is known.
 *
 * @example
 * ```ts
 * adjustmentLineSchema.parse({ adjustmentId: "a-1", originalLineId: "l-1", productId: "erp", quantity: -1, lineTotal: { amount: -89_910, currency: "USD" }, reason: "damaged" });
 * ```
 */
export const adjustmentLineSchema = z.strictObject({
  adjustmentId: orderIdSchema,
  originalLineId: orderIdSchema,
  productId: orderIdSchema,
  quantity: z.number().int().min(-1_000_000).max(0),
  lineTotal: moneySchema.refine((m) => m.amount < 0, { message: "an adjustment line total is negative" }),
  margin: moneySchema.optional(),
  reason: z.string().min(1).max(500),
});

/**
 * A refund or cancellation line.
 *
 * @example
 * ```ts
 * const adj: AdjustmentLine = { adjustmentId: "a-1", originalLineId: "l-1", productId: "erp", quantity: 0, lineTotal: money(-500, "USD"), reason: "goodwill" };
 * ```
 */
export type AdjustmentLine = z.infer<typeof adjustmentLineSchema>;
