import { z } from "zod";
import { createEventCatalog, defineEvent, type EventOf, instantSchema, moneySchema } from "../core/index.ts";

/**
 * Where a credit comes from: a won deal, an order line, or a refund or cancellation of one (which credits a
 * negative amount that references the original).
 *
 * @example
 * ```ts
 * const source: CreditSource = { kind: "order", id: "o-1", lineId: "l-1" };
 * ```
 */
export const creditSourceSchema = z.strictObject({
  kind: z.enum(["deal", "order", "refund", "cancellation"]),
  id: z.string().min(1),
  lineId: z.string().min(1).optional(),
});

/**
 * The source of a credit.
 *
 * @example
 * ```ts
 * const source: CreditSource = { kind: "deal", id: "d-9" };
 * ```
 */
export type CreditSource = z.infer<typeof creditSourceSchema>;

/**
 * A rep was credited with part of a sale. Revenue splits of one source total exactly 100% (10,000 basis points);
 * overlay credits are extra and never count twice in roll-ups. Refunds and cancellations are negative credits that
 * name the credit they reverse (`reversesCreditId`) and the refund or cancellation line (`adjustmentId`); their
 * `source.id` and `source.lineId` are the original deal or order and line.
 *
 * @example
 * ```ts
 * const e: EventOf<typeof SalesCreditAssigned> = { type: "SalesCreditAssigned", data: { creditId: "c-1", repId: "rep-ana", customerId: "cu-1", source: { kind: "deal", id: "d-1" }, splitType: "revenue", shareBps: 10_000, amount: { amount: 480_000, currency: "USD" }, creditedAt: "2026-07-01T09:00:00.000Z" } };
 * ```
 */
export const SalesCreditAssigned = /* @__PURE__ */ defineEvent(
  "SalesCreditAssigned",
  z.strictObject({
    creditId: z.string().min(1),
    repId: z.string().min(1),
    customerId: z.string().min(1),
    source: creditSourceSchema,
    productId: z.string().min(1).optional(),
    splitType: z.enum(["revenue", "overlay"]),
    shareBps: z.number().int().min(0).max(100_000),
    amount: moneySchema,
    margin: moneySchema.optional(),
    units: z.number().int().optional(),
    creditedAt: instantSchema,
    reversesCreditId: z.string().min(1).optional(),
    adjustmentId: z.string().min(1).optional(),
  }),
);

/**
 * The catalog of the credit area.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: createEventCatalog([creditEvents]) });
 * ```
 */
export const creditEvents = /* @__PURE__ */ createEventCatalog([SalesCreditAssigned]);

/**
 * The events of a credit stream.
 *
 * @example
 * ```ts
 * const negative = (e: CreditEvent) => e.data.amount.amount < 0;
 * ```
 */
export type CreditEvent = EventOf<typeof SalesCreditAssigned>;
