import { z } from "zod";
import { calendarDateSchema, instantSchema, moneySchema } from "../core/index.ts";
import { orderIdSchema, orderLineInputSchema } from "./values.ts";

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

/**
 * The commands of an order stream. Every command names the order, which must match the stream's order.
 *
 * - `PlaceOrder`: product lines (1 to 500); `orderedAt` defaults to the decision time.
 * - `IssueInvoice`: invoice the order's net amount, once.
 * - `RefundOrderLine`: after invoicing, refund `quantity` units of a line, or a NEGATIVE `amount` (a price-only
 *   refund); exactly one of the two.
 * - `CancelOrderLine`: before invoicing, cancel `quantity` units of a line (all that remain by default).
 * - `CancelOrder`: before invoicing, cancel everything that remains.
 *
 * @example
 * ```ts
 * orderCommand.parse({ type: "RefundOrderLine", data: { orderId: "o-1", lineId: "l-1", quantity: 1, reason: "damaged" } });
 * ```
 */
export const orderCommand = z.discriminatedUnion("type", [
  command(
    "PlaceOrder",
    z.strictObject({
      orderId: orderIdSchema,
      customerId: orderIdSchema,
      dealId: orderIdSchema.optional(),
      orderedAt: instantSchema.optional(),
      lines: z.array(orderLineInputSchema).min(1).max(500),
    }),
  ),
  command(
    "IssueInvoice",
    z.strictObject({ orderId: orderIdSchema, invoiceId: orderIdSchema, dueOn: calendarDateSchema }),
  ),
  command(
    "RefundOrderLine",
    z
      .strictObject({
        orderId: orderIdSchema,
        lineId: orderIdSchema,
        adjustmentId: orderIdSchema.optional(),
        quantity: z.number().int().min(1).max(1_000_000).optional(),
        amount: moneySchema.optional(),
        reason: z.string().min(1).max(500),
      })
      .refine((d) => (d.quantity === undefined) !== (d.amount === undefined), {
        message: "give exactly one of quantity or amount",
      }),
  ),
  command(
    "CancelOrderLine",
    z.strictObject({
      orderId: orderIdSchema,
      lineId: orderIdSchema,
      adjustmentId: orderIdSchema.optional(),
      quantity: z.number().int().min(1).max(1_000_000).optional(),
      reason: z.string().min(1).max(500),
    }),
  ),
  command("CancelOrder", z.strictObject({ orderId: orderIdSchema, reason: z.string().min(1).max(500) })),
]);

/**
 * A command of an order stream.
 *
 * @example
 * ```ts
 * const c: OrderCommand = { type: "CancelOrder", data: { orderId: "o-1", reason: "duplicate" } };
 * ```
 */
export type OrderCommand = z.infer<typeof orderCommand>;
