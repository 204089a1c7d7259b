import { z } from "zod";
import { createEventCatalog, defineEvent, type EventOf, instantSchema } from "../core/index.ts";
import { personal } from "./personalData.ts";
import { TicketOpened, TicketReopened, TicketResolved, TicketUpdated, type TicketEvent } from "./ticketEvents.ts";
import { codeSchema, contactSchema, customerIdSchema, MAX_TAGS, preferencesSchema } from "./values.ts";

/**
 * A rep logged an interaction with a customer: a call, meeting, email, visit or message, with its outcome and the
 * agreed next step. Goals count these for activity metrics; analytics relate them to outcomes. `summary` and
 * `nextStep` are free text and marked personal.
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
    summary: personal(z.string().max(5000)).optional(),
    nextStep: personal(z.string().max(1000)).optional(),
    nextStepDue: z.iso.date().optional(),
    dealId: z.string().min(1).optional(),
  }),
);

/**
 * A customer was registered: kind, name (personal: a person's name is personal data, and erasing a company's is
 * harmless), segment, tags, preferences and contacts.
 *
 * @example
 * ```ts
 * const e = { type: "CustomerRegistered", data: { customerId: "cu-1", kind: "company", name: "Acme", segment: "enterprise", tags: [], preferences: {}, contacts: [], registeredAt: "2026-07-01T09:00:00.000Z" } };
 * ```
 */
export const CustomerRegistered = /* @__PURE__ */ defineEvent(
  "CustomerRegistered",
  z.strictObject({
    customerId: customerIdSchema,
    kind: z.enum(["company", "person"]),
    name: personal(z.string().min(1).max(200)),
    segment: codeSchema,
    industry: codeSchema.optional(),
    region: codeSchema.optional(),
    tags: z.array(codeSchema).max(MAX_TAGS),
    preferences: preferencesSchema,
    contacts: z.array(contactSchema).max(100),
    registeredAt: instantSchema,
  }),
);

/**
 * A customer's basic profile changed. Only the changed fields are present; `preferences` replaces the whole set.
 *
 * @example
 * ```ts
 * const e = { type: "CustomerProfileUpdated", data: { customerId: "cu-1", segment: "mid_market", updatedAt: "2026-08-01T09:00:00.000Z" } };
 * ```
 */
export const CustomerProfileUpdated = /* @__PURE__ */ defineEvent(
  "CustomerProfileUpdated",
  z.strictObject({
    customerId: customerIdSchema,
    name: personal(z.string().min(1).max(200)).optional(),
    segment: codeSchema.optional(),
    industry: codeSchema.optional(),
    region: codeSchema.optional(),
    preferences: preferencesSchema.optional(),
    updatedAt: instantSchema,
  }),
);

/**
 * A contact person was added to a customer.
 *
 * @example
 * ```ts
 * const e = { type: "CustomerContactAdded", data: { customerId: "cu-1", contact: { contactId: "ct-1", name: "Li Wei" }, addedAt: "2026-07-01T09:00:00.000Z" } };
 * ```
 */
export const CustomerContactAdded = /* @__PURE__ */ defineEvent(
  "CustomerContactAdded",
  z.strictObject({ customerId: customerIdSchema, contact: contactSchema, addedAt: instantSchema }),
);

/**
 * A contact person was removed from a customer.
 *
 * @example
 * ```ts
 * const e = { type: "CustomerContactRemoved", data: { customerId: "cu-1", contactId: "ct-1", removedAt: "2026-07-09T09:00:00.000Z" } };
 * ```
 */
export const CustomerContactRemoved = /* @__PURE__ */ defineEvent(
  "CustomerContactRemoved",
  z.strictObject({ customerId: customerIdSchema, contactId: customerIdSchema, removedAt: instantSchema }),
);

/**
 * A customer got a tag.
 *
 * @example
 * ```ts
 * const e = { type: "CustomerTagged", data: { customerId: "cu-1", tag: "vip" } };
 * ```
 */
export const CustomerTagged = /* @__PURE__ */ defineEvent(
  "CustomerTagged",
  z.strictObject({ customerId: customerIdSchema, tag: codeSchema }),
);

/**
 * A customer lost a tag.
 *
 * @example
 * ```ts
 * const e = { type: "CustomerUntagged", data: { customerId: "cu-1", tag: "vip" } };
 * ```
 */
export const CustomerUntagged = /* @__PURE__ */ defineEvent(
  "CustomerUntagged",
  z.strictObject({ customerId: customerIdSchema, tag: codeSchema }),
);

/**
 * A free-text note was added to a customer's file (personal).
 *
 * @example
 * ```ts
 * const e = { type: "CustomerNoteAdded", data: { customerId: "cu-1", noteId: "n-1", authorId: "rep-ana", text: "Prefers calls after 3 pm", addedAt: "2026-07-01T09:00:00.000Z" } };
 * ```
 */
export const CustomerNoteAdded = /* @__PURE__ */ defineEvent(
  "CustomerNoteAdded",
  z.strictObject({
    customerId: customerIdSchema,
    noteId: customerIdSchema,
    authorId: customerIdSchema,
    text: personal(z.string().min(1).max(5000)),
    addedAt: instantSchema,
  }),
);

/**
 * A customer answered a CSAT survey: a score from 1 (very unsatisfied) to 5 (very satisfied).
 *
 * @example
 * ```ts
 * const e = { type: "CsatRecorded", data: { surveyId: "s-1", customerId: "cu-1", score: 4, ticketId: "t-1", respondedAt: "2026-07-02T09:00:00.000Z" } };
 * ```
 */
export const CsatRecorded = /* @__PURE__ */ defineEvent(
  "CsatRecorded",
  z.strictObject({
    surveyId: customerIdSchema,
    customerId: customerIdSchema,
    score: z.number().int().min(1).max(5),
    ticketId: customerIdSchema.optional(),
    dealId: customerIdSchema.optional(),
    comment: personal(z.string().min(1).max(2000)).optional(),
    respondedAt: instantSchema,
  }),
);

/**
 * A customer answered an NPS survey: how likely they are to recommend, from 0 to 10.
 *
 * @example
 * ```ts
 * const e = { type: "NpsRecorded", data: { surveyId: "s-2", customerId: "cu-1", score: 9, respondedAt: "2026-07-02T09:00:00.000Z" } };
 * ```
 */
export const NpsRecorded = /* @__PURE__ */ defineEvent(
  "NpsRecorded",
  z.strictObject({
    surveyId: customerIdSchema,
    customerId: customerIdSchema,
    score: z.number().int().min(0).max(10),
    comment: personal(z.string().min(1).max(2000)).optional(),
    respondedAt: instantSchema,
  }),
);

/**
 * The catalog of the customers area: customer streams (profile, contacts, tags, notes, interactions, satisfaction)
 * and ticket streams.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: createEventCatalog([customerEvents, dealEvents]) });
 * ```
 */
export const customerEvents = /* @__PURE__ */ createEventCatalog([
  CustomerRegistered,
  CustomerProfileUpdated,
  CustomerContactAdded,
  CustomerContactRemoved,
  CustomerTagged,
  CustomerUntagged,
  CustomerNoteAdded,
  InteractionLogged,
  CsatRecorded,
  NpsRecorded,
  TicketOpened,
  TicketUpdated,
  TicketResolved,
  TicketReopened,
]);

/**
 * The events of a customer stream.
 *
 * @example
 * ```ts
 * const e: CustomerStreamEvent = { type: "CustomerTagged", data: { customerId: "cu-1", tag: "vip" } };
 * ```
 */
export type CustomerStreamEvent =
  | EventOf<typeof CustomerRegistered>
  | EventOf<typeof CustomerProfileUpdated>
  | EventOf<typeof CustomerContactAdded>
  | EventOf<typeof CustomerContactRemoved>
  | EventOf<typeof CustomerTagged>
  | EventOf<typeof CustomerUntagged>
  | EventOf<typeof CustomerNoteAdded>
  | EventOf<typeof InteractionLogged>
  | EventOf<typeof CsatRecorded>
  | EventOf<typeof NpsRecorded>;

/**
 * Every event of the customers area: customer streams and ticket streams.
 *
 * @example
 * ```ts
 * function customerOf(e: CustomerEvent) { return e.data.customerId; }
 * ```
 */
export type CustomerEvent = CustomerStreamEvent | TicketEvent;
