import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CustomerContactAdded,
  CustomerRegistered,
  customerEvents,
  ERASED,
  InteractionLogged,
  personal,
  personalPaths,
  personalPathsOfCatalog,
  redactPersonalData,
} from "../../../src/customers/index.ts";
import { createInMemoryEventStore } from "../../../src/index.ts";

describe("personal data", () => {
  it("lists the personal paths of an event schema, through optionals and arrays", () => {
    expect(personalPaths(CustomerRegistered.schema)).toEqual([
      "name",
      "contacts.*.name",
      "contacts.*.email",
      "contacts.*.phone",
    ]);
    expect(personalPaths(CustomerContactAdded.schema)).toEqual(["contact.name", "contact.email", "contact.phone"]);
    expect(personalPaths(InteractionLogged.schema)).toEqual(["summary", "nextStep"]);
  });

  it("finds marks in records, unions and tuples, and nothing in unmarked schemas", () => {
    const schema = z.object({
      a: z.record(z.string(), personal(z.string())),
      b: z.union([z.object({ x: personal(z.string()) }), z.object({ y: z.string() })]),
      c: z.tuple([z.number(), personal(z.string())]).nullable(),
      d: z.string(),
    });
    expect(personalPaths(schema)).toEqual(["a.*", "b.x", "c.*"]);
    expect(personalPaths(z.object({ id: z.string() }))).toEqual([]);
  });

  it("maps every customers event with personal data, and only those", () => {
    const paths = personalPathsOfCatalog(customerEvents);
    expect(Object.keys(paths).sort()).toEqual(
      [
        "CsatRecorded",
        "CustomerContactAdded",
        "CustomerNoteAdded",
        "CustomerProfileUpdated",
        "CustomerRegistered",
        "InteractionLogged",
        "NpsRecorded",
        "TicketOpened",
        "TicketReopened",
        "TicketResolved",
        "TicketUpdated",
      ].sort(),
    );
    expect(paths.CustomerTagged).toBeUndefined();
  });

  it("redacts personal fields, keeps the rest, and the result still validates and stores", async () => {
    const data = {
      customerId: "cu-1",
      kind: "person" as const,
      name: "Li Wei",
      segment: "retail",
      tags: ["vip"],
      preferences: { preferredChannel: "call" as const },
      contacts: [
        { contactId: "ct-1", name: "Li Wei", email: "li.wei@example.com", phone: "+86 1" },
        { contactId: "ct-2", name: "Bo" },
      ],
      registeredAt: "2026-07-01T00:00:00.000Z",
    };
    const erased = redactPersonalData(CustomerRegistered.schema, data);
    expect(erased).toEqual({
      ...data,
      name: ERASED,
      contacts: [
        { contactId: "ct-1", name: ERASED, email: ERASED, phone: ERASED },
        { contactId: "ct-2", name: ERASED },
      ],
    });
    expect(data.name).toBe("Li Wei");
    const store = createInMemoryEventStore({ catalog: customerEvents });
    await store.append("customer-cu-1", [{ type: "CustomerRegistered", data: erased }], { expectedVersion: "any" });
    expect((await store.readStream("customer-cu-1")).events[0]?.data).toEqual(erased);
  });

  it("finds personal fields behind a preprocess, a pipe or a catchall, as the erasable store does", () => {
    const schema = z.object({
      customerId: z.string(),
      note: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), personal(z.string())),
      alias: z.string().pipe(personal(z.string())),
      extra: z.object({ kind: z.string() }).catchall(personal(z.string())),
    });
    expect(personalPaths(schema)).toEqual(["note", "alias", "extra.*"]);
    const data = { customerId: "cu-1", note: "Li Wei", alias: "li", extra: { kind: "vip", nickname: "Wei" } };
    expect(redactPersonalData(schema, data)).toEqual({
      customerId: "cu-1",
      note: ERASED,
      alias: ERASED,
      extra: { kind: "vip", nickname: ERASED },
    });
  });
});
