import { z } from "zod";
import { instantSchema, moneySchema } from "../core/index.ts";
import { feedbackKindSchema, feedbackLinksSchema, topicSchema } from "./events.ts";

const id = z.string().min(1).max(128);

/**
 * The commands of a piece of market feedback: record it (its id names the stream), or retract it.
 *
 * @example
 * ```ts
 * marketFeedbackCommand.parse({ type: "RetractMarketFeedback", data: { reason: "duplicate" } });
 * ```
 */
export const marketFeedbackCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("RecordMarketFeedback"),
    data: z.strictObject({
      feedbackId: id,
      kind: feedbackKindSchema,
      topic: topicSchema,
      links: feedbackLinksSchema,
      competitor: z.string().trim().min(1).max(200).optional(),
      price: moneySchema.optional(),
      priceChangeBps: z.number().int().min(-100_000).max(100_000).optional(),
      note: z.string().min(1).max(5000),
      observedAt: instantSchema.optional(),
      reportedBy: id,
    }),
  }),
  z.strictObject({
    type: z.literal("RetractMarketFeedback"),
    data: z.strictObject({ reason: z.string().min(1).max(500) }),
  }),
]);

/**
 * A command of a piece of market feedback.
 *
 * @example
 * ```ts
 * const c: MarketFeedbackCommand = { type: "RetractMarketFeedback", data: { reason: "wrong competitor" } };
 * ```
 */
export type MarketFeedbackCommand = z.infer<typeof marketFeedbackCommand>;
