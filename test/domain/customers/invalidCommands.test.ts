import { describe, it } from "vitest";
import {
  type CustomerCommand,
  customerCommand,
  customerDecider,
  customerEvents,
  customerStreamId,
  type TicketCommand,
  ticketCommand,
  ticketDecider,
  ticketStreamId,
} from "../../../src/customers/index.ts";
import { createCommandHandler, createInMemoryEventStore, fixedClock } from "../../../src/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";

const customer: Record<CustomerCommand["type"], CustomerCommand[]> = {
  RegisterCustomer: [
    {
      type: "RegisterCustomer",
      data: {
        customerId: "cu-1",
        kind: "company",
        name: "Acme",
        segment: "enterprise",
        industry: "manufacturing",
        region: "east",
        tags: ["vip"],
        preferences: { preferredChannel: "email", language: "zh-CN", interests: ["erp"], doNotContact: false },
        contacts: [
          { contactId: "ct-1", name: "Li Wei", role: "buyer", email: "li.wei@example.com", phone: "+86 21 5555" },
        ],
      },
    },
  ],
  UpdateCustomerProfile: [
    { type: "UpdateCustomerProfile", data: { customerId: "cu-1", name: "Acme Corp", segment: "mid" } },
  ],
  AddCustomerContact: [
    { type: "AddCustomerContact", data: { customerId: "cu-1", contact: { contactId: "c2", name: "Bo" } } },
  ],
  RemoveCustomerContact: [{ type: "RemoveCustomerContact", data: { customerId: "cu-1", contactId: "ct-1" } }],
  TagCustomer: [{ type: "TagCustomer", data: { customerId: "cu-1", tag: "key" } }],
  UntagCustomer: [{ type: "UntagCustomer", data: { customerId: "cu-1", tag: "vip" } }],
  AddCustomerNote: [{ type: "AddCustomerNote", data: { customerId: "cu-1", text: "Prefers calls" } }],
  LogInteraction: [
    {
      type: "LogInteraction",
      data: {
        customerId: "cu-1",
        interactionId: "i-1",
        repId: "rep-ana",
        channel: "visit",
        occurredAt: "2026-07-01T09:00:00.000Z",
        outcome: "positive",
        summary: "Demo",
        nextStep: "Quote",
        nextStepDue: "2026-07-05",
        dealId: "d-1",
      },
    },
  ],
  RecordCsat: [
    {
      type: "RecordCsat",
      data: {
        customerId: "cu-1",
        surveyId: "s-1",
        score: 5,
        ticketId: "t-1",
        comment: "great",
        respondedAt: "2026-07-01T00:00:00Z",
      },
    },
  ],
  RecordNps: [{ type: "RecordNps", data: { customerId: "cu-1", surveyId: "s-2", score: 10, comment: "yes" } }],
};

const ticket: Record<TicketCommand["type"], TicketCommand[]> = {
  OpenTicket: [
    {
      type: "OpenTicket",
      data: {
        ticketId: "t-1",
        customerId: "cu-1",
        subject: "Login",
        priority: "urgent",
        channel: "email",
        assigneeId: "sup-1",
        at: "2026-07-01T00:00:00Z",
      },
    },
  ],
  UpdateTicket: [
    {
      type: "UpdateTicket",
      data: {
        ticketId: "t-1",
        status: "waiting_on_customer",
        priority: "low",
        assigneeId: "sup-2",
        note: "n",
        respondedToCustomer: true,
      },
    },
  ],
  ResolveTicket: [
    { type: "ResolveTicket", data: { ticketId: "t-1", resolutionCode: "duplicate", resolution: "dup of t-0" } },
  ],
  ReopenTicket: [{ type: "ReopenTicket", data: { ticketId: "t-1", reason: "again" } }],
};

describe("customers commands", () => {
  it("every customer command rejects bad input with a ValidationError and writes nothing", async () => {
    const store = createInMemoryEventStore({ catalog: customerEvents });
    const handler = createCommandHandler({
      store,
      decider: customerDecider,
      commands: customerCommand,
      clock: fixedClock("2026-07-15T00:00:00.000Z"),
    });
    await assertRejectsInvalidCommands({
      schema: customerCommand,
      valid: Object.values(customer).flat(),
      store,
      handle: (command) => handler.handle(customerStreamId("cu-1"), command as CustomerCommand),
    });
  });

  it("every ticket command rejects bad input with a ValidationError and writes nothing", async () => {
    const store = createInMemoryEventStore({ catalog: customerEvents });
    const handler = createCommandHandler({ store, decider: ticketDecider, commands: ticketCommand });
    await assertRejectsInvalidCommands({
      schema: ticketCommand,
      valid: Object.values(ticket).flat(),
      store,
      handle: (command) => handler.handle(ticketStreamId("t-1"), command as TicketCommand),
    });
  });
});
