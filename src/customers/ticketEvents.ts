import { z } from "zod";
import { type EventOf, defineEvent, instantSchema } from "../core/index.ts";
import { personal } from "./personalData.ts";
import { channelSchema, customerIdSchema } from "./values.ts";

/**
 * How urgent a service ticket is; it sets the SLA targets.
 *
 * @example
 * ```ts
 * ticketPrioritySchema.parse("urgent");
 * ```
 */
export const ticketPrioritySchema = z.enum(["low", "normal", "high", "urgent"]);

/**
 * A ticket priority.
 *
 * @example
 * ```ts
 * const p: TicketPriority = "high";
 * ```
 */
export type TicketPriority = z.infer<typeof ticketPrioritySchema>;

/**
 * How a ticket was resolved.
 *
 * @example
 * ```ts
 * resolutionCodeSchema.parse("workaround");
 * ```
 */
export const resolutionCodeSchema = z.enum(["fixed", "workaround", "no_fault_found", "duplicate", "wont_fix"]);

/**
 * A customer opened a service ticket. The SLA targets (first response and resolution) are computed from the
 * priority when the ticket opens and stored, so a later policy change never rewrites history.
 *
 * @example
 * ```ts
 * const e = { type: "TicketOpened", data: { ticketId: "t-1", customerId: "cu-1", subject: "Login fails", priority: "high", openedAt: "2026-07-01T09:00:00.000Z", firstResponseDueAt: "2026-07-01T13:00:00.000Z", resolutionDueAt: "2026-07-02T09:00:00.000Z" } };
 * ```
 */
export const TicketOpened = /* @__PURE__ */ defineEvent(
  "TicketOpened",
  z.strictObject({
    ticketId: customerIdSchema,
    customerId: customerIdSchema,
    subject: personal(z.string().min(1).max(500)),
    priority: ticketPrioritySchema,
    channel: channelSchema.optional(),
    assigneeId: customerIdSchema.optional(),
    openedAt: instantSchema,
    firstResponseDueAt: instantSchema,
    resolutionDueAt: instantSchema,
  }),
);

/**
 * A ticket changed: its status, priority (which moves the SLA targets), assignee, or a note. `firstResponseAt` is
 * present on the update that first answered the customer.
 *
 * @example
 * ```ts
 * const e = { type: "TicketUpdated", data: { ticketId: "t-1", customerId: "cu-1", updatedAt: "2026-07-01T10:00:00.000Z", status: "in_progress", firstResponseAt: "2026-07-01T10:00:00.000Z" } };
 * ```
 */
export const TicketUpdated = /* @__PURE__ */ defineEvent(
  "TicketUpdated",
  z.strictObject({
    ticketId: customerIdSchema,
    customerId: customerIdSchema,
    updatedAt: instantSchema,
    status: z.enum(["in_progress", "waiting_on_customer"]).optional(),
    priority: ticketPrioritySchema.optional(),
    assigneeId: customerIdSchema.optional(),
    note: personal(z.string().min(1).max(5000)).optional(),
    firstResponseAt: instantSchema.optional(),
    firstResponseDueAt: instantSchema.optional(),
    resolutionDueAt: instantSchema.optional(),
  }),
);

/**
 * A ticket was resolved. The event records whether each SLA target was breached; a ticket resolved without an
 * earlier response counts the resolution as its first response.
 *
 * @example
 * ```ts
 * const e = { type: "TicketResolved", data: { ticketId: "t-1", customerId: "cu-1", resolvedAt: "2026-07-01T15:00:00.000Z", resolutionCode: "fixed", firstResponseAt: "2026-07-01T10:00:00.000Z", firstResponseBreached: false, resolutionBreached: false } };
 * ```
 */
export const TicketResolved = /* @__PURE__ */ defineEvent(
  "TicketResolved",
  z.strictObject({
    ticketId: customerIdSchema,
    customerId: customerIdSchema,
    resolvedAt: instantSchema,
    resolutionCode: resolutionCodeSchema,
    resolution: personal(z.string().min(1).max(5000)).optional(),
    firstResponseAt: instantSchema,
    firstResponseBreached: z.boolean(),
    resolutionBreached: z.boolean(),
  }),
);

/**
 * A resolved ticket was reopened; it keeps its original SLA targets.
 *
 * @example
 * ```ts
 * const e = { type: "TicketReopened", data: { ticketId: "t-1", customerId: "cu-1", reopenedAt: "2026-07-03T09:00:00.000Z", reason: "still failing" } };
 * ```
 */
export const TicketReopened = /* @__PURE__ */ defineEvent(
  "TicketReopened",
  z.strictObject({
    ticketId: customerIdSchema,
    customerId: customerIdSchema,
    reopenedAt: instantSchema,
    reason: personal(z.string().min(1).max(1000)),
  }),
);

/**
 * The events of a ticket stream.
 *
 * @example
 * ```ts
 * function isOpen(e: TicketEvent) { return e.type === "TicketOpened"; }
 * ```
 */
export type TicketEvent =
  | EventOf<typeof TicketOpened>
  | EventOf<typeof TicketUpdated>
  | EventOf<typeof TicketResolved>
  | EventOf<typeof TicketReopened>;
