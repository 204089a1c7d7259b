import { describe, expect, it } from "vitest";
import {
  type CustomerCommand,
  type CustomerStreamEvent,
  customerCommand,
  customerDecider,
  customerRules,
} from "../../../src/customers/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const now = "2026-07-15T10:00:00.000Z";
const spec = deciderSpec(customerDecider, { commands: customerCommand, now, actor: "rep-ana", idPrefix: "cx" });

const registered: CustomerStreamEvent = {
  type: "CustomerRegistered",
  data: {
    customerId: "cu-1",
    kind: "company",
    name: "Acme",
    segment: "enterprise",
    tags: ["vip"],
    preferences: { preferredChannel: "email" },
    contacts: [{ contactId: "ct-1", name: "Li Wei", email: "li.wei@example.com" }],
    registeredAt: "2026-07-01T00:00:00.000Z",
  },
};
const register = (over: Partial<Extract<CustomerCommand, { type: "RegisterCustomer" }>["data"]> = {}) =>
  ({
    type: "RegisterCustomer",
    data: {
      customerId: "cu-1",
      kind: "company",
      name: "Acme",
      segment: "enterprise",
      tags: ["vip"],
      preferences: { preferredChannel: "email" },
      contacts: [{ contactId: "ct-1", name: "Li Wei", email: "li.wei@example.com" }],
      ...over,
    },
  }) as CustomerCommand;
const interaction = (over: Record<string, unknown> = {}) =>
  ({
    type: "LogInteraction",
    data: {
      customerId: "cu-1",
      interactionId: "i-1",
      repId: "rep-ana",
      channel: "call",
      occurredAt: "2026-07-15T09:00:00.000Z",
      outcome: "positive",
      ...over,
    },
  }) as CustomerCommand;

describe("customer decider", () => {
  it("registers a customer, and refuses a second registration (customer_already_registered)", () => {
    spec
      .given([])
      .when(register())
      .then([{ ...registered, data: { ...registered.data, registeredAt: now } }]);
    spec.given([registered]).when(register()).then("customer_already_registered");
  });

  it("refuses commands on an unregistered customer (customer_not_registered)", () => {
    spec
      .given([])
      .when({ type: "TagCustomer", data: { customerId: "cu-1", tag: "vip" } })
      .then("customer_not_registered");
    spec
      .given([registered])
      .when({ type: "TagCustomer", data: { customerId: "cu-1", tag: "key" } })
      .then([{ type: "CustomerTagged", data: { customerId: "cu-1", tag: "key" } }]);
  });

  it("refuses a command naming another customer (customer_id_matches)", () => {
    spec
      .given([registered])
      .when({ type: "TagCustomer", data: { customerId: "cu-2", tag: "key" } })
      .then("customer_id_matches");
  });

  it("adds a contact once (contact_already_added), also at registration", () => {
    const contact = { contactId: "ct-2", name: "Zhang Min", phone: "+86 21 5555 0100" };
    spec
      .given([registered])
      .when({ type: "AddCustomerContact", data: { customerId: "cu-1", contact } })
      .then([{ type: "CustomerContactAdded", data: { customerId: "cu-1", contact, addedAt: now } }]);
    spec
      .given([registered])
      .when({ type: "AddCustomerContact", data: { customerId: "cu-1", contact: { contactId: "ct-1", name: "X" } } })
      .then("contact_already_added");
    spec
      .given([])
      .when(
        register({
          contacts: [
            { contactId: "a", name: "A" },
            { contactId: "a", name: "B" },
          ],
        }),
      )
      .then("contact_already_added");
  });

  it("removes only a known contact (contact_not_found)", () => {
    spec
      .given([registered])
      .when({ type: "RemoveCustomerContact", data: { customerId: "cu-1", contactId: "ct-1" } })
      .then([{ type: "CustomerContactRemoved", data: { customerId: "cu-1", contactId: "ct-1", removedAt: now } }]);
    spec
      .given([registered])
      .when({ type: "RemoveCustomerContact", data: { customerId: "cu-1", contactId: "ct-9" } })
      .then("contact_not_found");
  });

  it("tags idempotently and caps tags at 50 (tag_limit)", () => {
    spec
      .given([registered])
      .when({ type: "TagCustomer", data: { customerId: "cu-1", tag: "vip" } })
      .then([]);
    spec
      .given([registered])
      .when({ type: "UntagCustomer", data: { customerId: "cu-1", tag: "none" } })
      .then([]);
    const full = Array.from(
      { length: 49 },
      (_, i): CustomerStreamEvent => ({
        type: "CustomerTagged",
        data: { customerId: "cu-1", tag: `t${i}` },
      }),
    );
    spec
      .given([registered, ...full])
      .when({ type: "TagCustomer", data: { customerId: "cu-1", tag: "one-more" } })
      .then("tag_limit");
    spec
      .given([registered, ...full.slice(1)])
      .when({ type: "TagCustomer", data: { customerId: "cu-1", tag: "one-more" } })
      .then([{ type: "CustomerTagged", data: { customerId: "cu-1", tag: "one-more" } }]);
  });

  it("records only real profile changes", () => {
    spec
      .given([registered])
      .when({ type: "UpdateCustomerProfile", data: { customerId: "cu-1", segment: "enterprise", name: "Acme Corp" } })
      .then([{ type: "CustomerProfileUpdated", data: { customerId: "cu-1", name: "Acme Corp", updatedAt: now } }]);
    spec
      .given([registered])
      .when({ type: "UpdateCustomerProfile", data: { customerId: "cu-1", preferences: { preferredChannel: "email" } } })
      .then([]);
  });

  it("adds a note authored by the actor with an id from the context", () => {
    spec
      .given([registered])
      .when({ type: "AddCustomerNote", data: { customerId: "cu-1", text: "Prefers calls" } })
      .then([
        {
          type: "CustomerNoteAdded",
          data: { customerId: "cu-1", noteId: "cx-000001", authorId: "rep-ana", text: "Prefers calls", addedAt: now },
        },
      ]);
  });

  it("logs interactions that already happened (interaction_not_in_future)", () => {
    spec
      .given([registered])
      .when(interaction())
      .then([
        {
          type: "InteractionLogged",
          data: {
            interactionId: "i-1",
            customerId: "cu-1",
            repId: "rep-ana",
            channel: "call",
            occurredAt: "2026-07-15T09:00:00.000Z",
            outcome: "positive",
          },
        },
      ]);
    spec
      .given([registered])
      .when(interaction({ occurredAt: "2026-07-15T18:00:01+08:00" }))
      .then("interaction_not_in_future");
    // Exactly the decision time, written in another offset, is not in the future.
    spec
      .given([registered])
      .when(interaction({ occurredAt: "2026-07-15T18:00:00+08:00", interactionId: undefined }))
      .then([
        {
          type: "InteractionLogged",
          data: {
            interactionId: "cx-000001",
            customerId: "cu-1",
            repId: "rep-ana",
            channel: "call",
            occurredAt: "2026-07-15T18:00:00+08:00",
            outcome: "positive",
          },
        },
      ]);
  });

  it("needs a next step for a next-step due date (next_step_due_needs_next_step)", () => {
    spec
      .given([registered])
      .when(interaction({ nextStepDue: "2026-07-20" }))
      .then("next_step_due_needs_next_step");
    const [event] = customerDecider.decide(
      customerCommand.parse(interaction({ nextStepDue: "2026-07-20", nextStep: "send quote" })) as CustomerCommand,
      customerDecider.evolve(customerDecider.initialState(), registered),
      { now, actor: "a", newId: () => "x" },
    ) as CustomerStreamEvent[];
    expect(event?.type).toBe("InteractionLogged");
  });

  it("records each survey once (survey_recorded_once) and never in the future (response_not_in_future)", () => {
    const csat: CustomerCommand = {
      type: "RecordCsat",
      data: { customerId: "cu-1", surveyId: "s-1", score: 4, ticketId: "t-1" },
    };
    spec
      .given([registered])
      .when(csat)
      .then([
        {
          type: "CsatRecorded",
          data: { customerId: "cu-1", surveyId: "s-1", score: 4, ticketId: "t-1", respondedAt: now },
        },
      ]);
    const recorded: CustomerStreamEvent = {
      type: "CsatRecorded",
      data: { customerId: "cu-1", surveyId: "s-1", score: 4, respondedAt: now },
    };
    spec.given([registered, recorded]).when(csat).then("survey_recorded_once");
    spec
      .given([registered, recorded])
      .when({ type: "RecordNps", data: { customerId: "cu-1", surveyId: "s-1", score: 9 } })
      .then("survey_recorded_once");
    spec
      .given([registered])
      .when({
        type: "RecordNps",
        data: { customerId: "cu-1", surveyId: "s-2", score: 9, respondedAt: "2026-07-16T00:00:00Z" },
      })
      .then("response_not_in_future");
    spec
      .given([registered])
      .when({
        type: "RecordNps",
        data: { customerId: "cu-1", surveyId: "s-2", score: 0, respondedAt: "2026-07-14T00:00:00.000Z" },
      })
      .then([
        {
          type: "NpsRecorded",
          data: { customerId: "cu-1", surveyId: "s-2", score: 0, respondedAt: "2026-07-14T00:00:00.000Z" },
        },
      ]);
  });

  it("rejects scores out of range before deciding", () => {
    spec
      .given([registered])
      .when({ type: "RecordCsat", data: { customerId: "cu-1", surveyId: "s", score: 0 } })
      .thenThrows("validation_failed");
    spec
      .given([registered])
      .when({ type: "RecordNps", data: { customerId: "cu-1", surveyId: "s", score: 11 } })
      .thenThrows("validation_failed");
  });

  it("names every rule it lists", () => {
    expect(Object.keys(customerRules).every((k) => customerRules[k as keyof typeof customerRules] === k)).toBe(true);
  });
});
