import { z } from "zod";
import { instantSchema } from "../core/index.ts";
import { personal } from "./personalData.ts";
import { resolutionCodeSchema, ticketPrioritySchema } from "./ticketEvents.ts";
import { channelSchema, codeSchema, contactSchema, customerIdSchema, MAX_TAGS, preferencesSchema } from "./values.ts";

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

/**
 * The commands of a customer stream. Every command names the customer, which must match the stream's customer.
 *
 * - `RegisterCustomer`: create the customer with its profile, tags, preferences and contacts.
 * - `UpdateCustomerProfile`: change name, segment, industry, region or preferences (only changes are recorded).
 * - `AddCustomerContact` / `RemoveCustomerContact`: manage contact people.
 * - `TagCustomer` / `UntagCustomer`: idempotent tagging.
 * - `AddCustomerNote`: a free-text note.
 * - `LogInteraction`: a call, meeting, email, visit or message that already happened.
 * - `RecordCsat` / `RecordNps`: a satisfaction survey answer.
 *
 * @example
 * ```ts
 * customerCommand.parse({ type: "TagCustomer", data: { customerId: "cu-1", tag: "vip" } });
 * ```
 */
export const customerCommand = z.discriminatedUnion("type", [
  command(
    "RegisterCustomer",
    z.strictObject({
      customerId: customerIdSchema,
      kind: z.enum(["company", "person"]),
      name: personal(z.string().min(1).max(200)),
      segment: codeSchema,
      industry: codeSchema.optional(),
      region: codeSchema.optional(),
      tags: z.array(codeSchema).max(MAX_TAGS).optional(),
      preferences: preferencesSchema.optional(),
      contacts: z.array(contactSchema).max(100).optional(),
    }),
  ),
  command(
    "UpdateCustomerProfile",
    z.strictObject({
      customerId: customerIdSchema,
      name: personal(z.string().min(1).max(200)).optional(),
      segment: codeSchema.optional(),
      industry: codeSchema.optional(),
      region: codeSchema.optional(),
      preferences: preferencesSchema.optional(),
    }),
  ),
  command("AddCustomerContact", z.strictObject({ customerId: customerIdSchema, contact: contactSchema })),
  command("RemoveCustomerContact", z.strictObject({ customerId: customerIdSchema, contactId: customerIdSchema })),
  command("TagCustomer", z.strictObject({ customerId: customerIdSchema, tag: codeSchema })),
  command("UntagCustomer", z.strictObject({ customerId: customerIdSchema, tag: codeSchema })),
  command(
    "AddCustomerNote",
    z.strictObject({ customerId: customerIdSchema, text: personal(z.string().min(1).max(5000)) }),
  ),
  command(
    "LogInteraction",
    z.strictObject({
      customerId: customerIdSchema,
      interactionId: customerIdSchema.optional(),
      repId: customerIdSchema,
      channel: channelSchema,
      occurredAt: instantSchema,
      outcome: z.enum(["positive", "neutral", "negative", "no_answer"]),
      summary: personal(z.string().max(5000)).optional(),
      nextStep: personal(z.string().max(1000)).optional(),
      nextStepDue: z.iso.date().optional(),
      dealId: customerIdSchema.optional(),
    }),
  ),
  command(
    "RecordCsat",
    z.strictObject({
      customerId: customerIdSchema,
      surveyId: customerIdSchema,
      score: z.number().int().min(1).max(5),
      ticketId: customerIdSchema.optional(),
      dealId: customerIdSchema.optional(),
      comment: personal(z.string().min(1).max(2000)).optional(),
      respondedAt: instantSchema.optional(),
    }),
  ),
  command(
    "RecordNps",
    z.strictObject({
      customerId: customerIdSchema,
      surveyId: customerIdSchema,
      score: z.number().int().min(0).max(10),
      comment: personal(z.string().min(1).max(2000)).optional(),
      respondedAt: instantSchema.optional(),
    }),
  ),
]);

/**
 * A command of a customer stream.
 *
 * @example
 * ```ts
 * const c: CustomerCommand = { type: "UntagCustomer", data: { customerId: "cu-1", tag: "vip" } };
 * ```
 */
export type CustomerCommand = z.infer<typeof customerCommand>;

/**
 * The commands of a ticket stream. `at` (optional, default: the decision time) lets an import replay the real
 * timestamps; it may not be earlier than the ticket's last change nor later than now.
 *
 * - `OpenTicket`: open with a subject and priority; SLA targets come from the decider's policy.
 * - `UpdateTicket`: status, priority, assignee, a note, and whether this update answered the customer.
 * - `ResolveTicket`: resolve with a code and optional text.
 * - `ReopenTicket`: reopen a resolved ticket.
 *
 * @example
 * ```ts
 * ticketCommand.parse({ type: "ResolveTicket", data: { ticketId: "t-1", resolutionCode: "fixed" } });
 * ```
 */
export const ticketCommand = z.discriminatedUnion("type", [
  command(
    "OpenTicket",
    z.strictObject({
      ticketId: customerIdSchema,
      customerId: customerIdSchema,
      subject: personal(z.string().min(1).max(500)),
      priority: ticketPrioritySchema,
      channel: channelSchema.optional(),
      assigneeId: customerIdSchema.optional(),
      at: instantSchema.optional(),
    }),
  ),
  command(
    "UpdateTicket",
    z.strictObject({
      ticketId: customerIdSchema,
      status: z.enum(["in_progress", "waiting_on_customer"]).optional(),
      priority: ticketPrioritySchema.optional(),
      assigneeId: customerIdSchema.optional(),
      note: personal(z.string().min(1).max(5000)).optional(),
      respondedToCustomer: z.boolean().optional(),
      at: instantSchema.optional(),
    }),
  ),
  command(
    "ResolveTicket",
    z.strictObject({
      ticketId: customerIdSchema,
      resolutionCode: resolutionCodeSchema,
      resolution: personal(z.string().min(1).max(5000)).optional(),
      at: instantSchema.optional(),
    }),
  ),
  command(
    "ReopenTicket",
    z.strictObject({
      ticketId: customerIdSchema,
      reason: personal(z.string().min(1).max(1000)),
      at: instantSchema.optional(),
    }),
  ),
]);

/**
 * A command of a ticket stream.
 *
 * @example
 * ```ts
 * const c: TicketCommand = { type: "ReopenTicket", data: { ticketId: "t-1", reason: "still failing" } };
 * ```
 */
export type TicketCommand = z.infer<typeof ticketCommand>;
