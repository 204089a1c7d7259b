import { z } from "zod";
import { instantSchema, moneySchema } from "../core/index.ts";

const id = z.string().min(1).max(128);
const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

/**
 * The account owner at the moment of the sale, as read from the `accountOwnership` projection
 * (`ownerAt(state, customerId, instant)`): the rep and the instant their ownership took effect.
 *
 * @example
 * ```ts
 * ownerFactSchema.parse({ repId: "rep-ana", effectiveFrom: "2026-01-01T00:00:00.000Z" });
 * ```
 */
export const ownerFactSchema = z.strictObject({ repId: id, effectiveFrom: instantSchema });

/**
 * A revenue split: a rep and a share in basis points, 1 to 10,000. The revenue splits of a sale total exactly
 * 10,000.
 *
 * @example
 * ```ts
 * revenueSplitSchema.parse({ repId: "rep-bo", shareBps: 4000 });
 * ```
 */
export const revenueSplitSchema = z.strictObject({ repId: id, shareBps: z.number().int().min(1).max(10_000) });

/**
 * An overlay split: a rep (a specialist, a manager, a partner manager) credited on top of the revenue splits, with
 * any share from 0 to 100,000 basis points (0 to 1,000 %, as Salesforce overlay splits).
 *
 * @example
 * ```ts
 * overlaySplitSchema.parse({ repId: "se-cy", shareBps: 10_000 });
 * ```
 */
export const overlaySplitSchema = z.strictObject({ repId: id, shareBps: z.number().int().min(0).max(100_000) });

const splits = {
  owner: ownerFactSchema,
  revenueSplits: z.array(revenueSplitSchema).min(1).max(20).optional(),
  overlaySplits: z.array(overlaySplitSchema).max(20).optional(),
};

/**
 * A line of an order to credit: its product, net amount, and optionally margin and units.
 *
 * @example
 * ```ts
 * creditLineSchema.parse({ lineId: "l-1", productId: "erp", amount: { amount: 269_730, currency: "USD" }, units: 3 });
 * ```
 */
export const creditLineSchema = z.strictObject({
  lineId: id,
  productId: id,
  amount: moneySchema,
  margin: moneySchema.optional(),
  units: z.number().int().min(0).max(1_000_000).optional(),
});

/**
 * The commands of a credit stream (one stream per credited deal or order). Cross-aggregate facts come in the
 * command: the account owner at the time of the sale, and the splits.
 *
 * - `AssignDealCredit`: credit a won deal's amount at its close instant.
 * - `AssignOrderCredit`: credit each order line at the order instant.
 * - `ReverseCredit`: a refund or cancellation of a deal or of an order line: negative credits at the original
 *   shares, each naming the credit it reverses.
 *
 * Without `revenueSplits`, the owner gets 100 % of the revenue.
 *
 * @example
 * ```ts
 * creditCommand.parse({ type: "AssignDealCredit", data: { dealId: "d-1", customerId: "cu-1", amount: { amount: 100, currency: "USD" }, closedAt: "2026-08-14T08:00:00.000Z", owner: { repId: "rep-ana", effectiveFrom: "2026-01-01T00:00:00.000Z" } } });
 * ```
 */
export const creditCommand = z.discriminatedUnion("type", [
  command(
    "AssignDealCredit",
    z.strictObject({
      dealId: id,
      customerId: id,
      amount: moneySchema,
      margin: moneySchema.optional(),
      productId: id.optional(),
      closedAt: instantSchema,
      ...splits,
    }),
  ),
  command(
    "AssignOrderCredit",
    z.strictObject({
      orderId: id,
      customerId: id,
      orderedAt: instantSchema,
      lines: z.array(creditLineSchema).min(1).max(500),
      ...splits,
    }),
  ),
  command(
    "ReverseCredit",
    z.strictObject({
      source: z.strictObject({ kind: z.enum(["deal", "order"]), id }),
      kind: z.enum(["refund", "cancellation"]),
      adjustmentId: id,
      lineId: id.optional(),
      amount: moneySchema,
      margin: moneySchema.optional(),
      units: z.number().int().min(-1_000_000).max(0).optional(),
      at: instantSchema,
    }),
  ),
]);

/**
 * A command of a credit stream.
 *
 * @example
 * ```ts
 * const c: CreditCommand = { type: "ReverseCredit", data: { source: { kind: "order", id: "o-1" }, kind: "refund", adjustmentId: "a-1", lineId: "l-1", amount: money(-89_910, "USD"), at: "2026-07-20T02:00:00.000Z" } };
 * ```
 */
export type CreditCommand = z.infer<typeof creditCommand>;
