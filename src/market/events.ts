import { z } from "zod";
import { createEventCatalog, defineEvent, type EventOf, instantSchema, moneySchema } from "../core/index.ts";

const id = z.string().min(1).max(128);

/**
 * What market feedback can be about: another company's move, a price observation, or something customers ask for.
 *
 * @example
 * ```ts
 * feedbackKindSchema.parse("price_signal");
 * ```
 */
export const feedbackKindSchema = z.enum(["competitor_move", "price_signal", "customer_request"]);

/**
 * A kind of market feedback.
 *
 * @example
 * ```ts
 * const k: FeedbackKind = "competitor_move";
 * ```
 */
export type FeedbackKind = z.infer<typeof feedbackKindSchema>;

/**
 * A topic: a lower-case slug of letters, digits, `-` and `_`, 1 to 64 characters, so that it groups exactly.
 *
 * @example
 * ```ts
 * topicSchema.parse("pricing"); // "pricing"
 * topicSchema.safeParse("Pricing").success; // false
 * ```
 */
export const topicSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
  message: "a topic is 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit",
});

/**
 * What a piece of feedback is linked to: a customer, a deal and/or a product.
 *
 * @example
 * ```ts
 * const links: FeedbackLinks = { customerId: "cu-1", productId: "p-crm" };
 * ```
 */
export const feedbackLinksSchema = z.strictObject({
  customerId: id.optional(),
  dealId: id.optional(),
  productId: id.optional(),
});

/**
 * The links of a piece of feedback.
 *
 * @example
 * ```ts
 * const links: FeedbackLinks = { dealId: "d-7" };
 * ```
 */
export type FeedbackLinks = z.infer<typeof feedbackLinksSchema>;

/**
 * A rep recorded structured market feedback, linked to at least one customer, deal or product: its kind and topic,
 * the competitor where relevant (always for `competitor_move`), for price signals an observed price and/or a change
 * in basis points (-500 = 5% cheaper), a free-text note, when it was observed and who reported it.
 *
 * @example
 * ```ts
 * const e = { type: "MarketFeedbackRecorded", data: { feedbackId: "f-1", kind: "price_signal", topic: "pricing", links: { dealId: "d-7" }, competitor: "Acme", priceChangeBps: -1500, note: "Acme offers 15% off annual plans", observedAt: "2026-07-03T10:00:00.000Z", reportedBy: "rep-ana" } };
 * ```
 */
export const MarketFeedbackRecorded = /* @__PURE__ */ defineEvent(
  "MarketFeedbackRecorded",
  z.strictObject({
    feedbackId: id,
    kind: feedbackKindSchema,
    topic: topicSchema,
    links: feedbackLinksSchema.refine((l) => Object.values(l).some((v) => v !== undefined), {
      message: "at least one link",
    }),
    competitor: z.string().min(1).max(200).optional(),
    price: moneySchema.optional(),
    priceChangeBps: z.number().int().min(-100_000).max(100_000).optional(),
    note: z.string().min(1).max(5000),
    observedAt: instantSchema,
    reportedBy: id,
  }),
);

/**
 * A piece of feedback was retracted (wrong, duplicate); it no longer counts.
 *
 * @example
 * ```ts
 * const e = { type: "MarketFeedbackRetracted", data: { feedbackId: "f-1", retractedAt: "2026-07-04T10:00:00.000Z", reason: "duplicate of f-0" } };
 * ```
 */
export const MarketFeedbackRetracted = /* @__PURE__ */ defineEvent(
  "MarketFeedbackRetracted",
  z.strictObject({ feedbackId: id, retractedAt: instantSchema, reason: z.string().min(1).max(500) }),
);

/**
 * Every event of the market area.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: marketEvents });
 * ```
 */
export const marketEvents = /* @__PURE__ */ createEventCatalog([MarketFeedbackRecorded, MarketFeedbackRetracted]);

/**
 * An event of the market area.
 *
 * @example
 * ```ts
 * const e: MarketEvent = { type: "MarketFeedbackRetracted", data: { feedbackId: "f-1", retractedAt: "2026-07-04T10:00:00.000Z", reason: "duplicate" } };
 * ```
 */
export type MarketEvent = EventOf<typeof MarketFeedbackRecorded> | EventOf<typeof MarketFeedbackRetracted>;
