import { z } from "zod";
import { defineEvent, instantSchema } from "../core/index.ts";

/**
 * A rep logged an interaction with a customer: a call, meeting, email, visit or message, with its outcome and the
 * agreed next step. Goals count these for activity metrics; analytics relate them to outcomes.
 *
 * @example
 * ```ts
 * const e = { type: "InteractionLogged", data: { interactionId: "i-1", customerId: "cu-1", repId: "rep-ana", channel: "call", occurredAt: "2026-07-02T10:00:00.000Z", outcome: "positive" } };
 * ```
 */
export const InteractionLogged = /* @__PURE__ */ defineEvent(
  "InteractionLogged",
  z.strictObject({
    interactionId: z.string().min(1),
    customerId: z.string().min(1),
    repId: z.string().min(1),
    channel: z.enum(["call", "meeting", "email", "visit", "message"]),
    occurredAt: instantSchema,
    outcome: z.enum(["positive", "neutral", "negative", "no_answer"]),
    summary: z.string().max(5000).optional(),
    nextStep: z.string().max(1000).optional(),
    nextStepDue: z.iso.date().optional(),
    dealId: z.string().min(1).optional(),
  }),
);
