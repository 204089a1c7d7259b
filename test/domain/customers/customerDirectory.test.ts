import { describe, expect, it } from "vitest";
import { type CustomerStreamEvent, customerDirectory } from "../../../src/customers/index.ts";
import { fold } from "../../../src/index.ts";
import { envelopes } from "../analytics/envelopes.ts";

describe("customerDirectory", () => {
  it("keeps each customer's current profile, contacts and tags", () => {
    const events: CustomerStreamEvent[] = [
      {
        type: "CustomerRegistered",
        data: {
          customerId: "cu-1",
          kind: "company",
          name: "Acme",
          segment: "smb",
          tags: ["vip"],
          preferences: {},
          contacts: [{ contactId: "a", name: "A" }],
          registeredAt: "2026-07-01T00:00:00.000Z",
        },
      },
      {
        type: "CustomerContactAdded",
        data: { customerId: "cu-1", contact: { contactId: "b", name: "B" }, addedAt: "2026-07-02T00:00:00.000Z" },
      },
      {
        type: "CustomerContactRemoved",
        data: { customerId: "cu-1", contactId: "a", removedAt: "2026-07-03T00:00:00.000Z" },
      },
      { type: "CustomerTagged", data: { customerId: "cu-1", tag: "key" } },
      { type: "CustomerUntagged", data: { customerId: "cu-1", tag: "vip" } },
      {
        type: "CustomerProfileUpdated",
        data: {
          customerId: "cu-1",
          segment: "enterprise",
          preferences: { doNotContact: true },
          updatedAt: "2026-07-04T00:00:00.000Z",
        },
      },
    ];
    const state = fold(customerDirectory, envelopes(events));
    expect(state.customers["cu-1"]).toEqual({
      customerId: "cu-1",
      kind: "company",
      name: "Acme",
      segment: "enterprise",
      tags: ["key"],
      preferences: { doNotContact: true },
      contacts: [{ contactId: "b", name: "B" }],
      registeredAt: "2026-07-01T00:00:00.000Z",
    });
  });
});
