import { defineProjection } from "../../core/index.ts";
import { _copyJson } from "./copyJson.ts";
import type { CustomerPreferences, Contact } from "../values.ts";
import { customerEvents } from "../events.ts";

/**
 * A customer's current profile, as the directory shows it.
 *
 * @example
 * ```ts
 * const p: CustomerProfile = { customerId: "cu-1", kind: "company", name: "Acme", segment: "enterprise", tags: [], preferences: {}, contacts: [], registeredAt: "2026-07-01T09:00:00.000Z" };
 * ```
 */
export interface CustomerProfile {
  customerId: string;
  kind: "company" | "person";
  name: string;
  segment: string;
  industry?: string;
  region?: string;
  tags: string[];
  preferences: CustomerPreferences;
  contacts: Contact[];
  registeredAt: string;
}

/**
 * The state of {@link customerDirectory}.
 *
 * @example
 * ```ts
 * const s: CustomerDirectoryState = { customers: {} };
 * ```
 */
export interface CustomerDirectoryState {
  readonly customers: Record<string, CustomerProfile>;
}

/**
 * The current profile of every customer: basic info, segment, tags, preferences and contacts.
 *
 * @example
 * ```ts
 * const state = fold(customerDirectory, events);
 * state.customers["cu-1"]?.tags; // ["vip"]
 * ```
 */
export const customerDirectory = /* @__PURE__ */ defineProjection({
  name: "customerDirectory",
  events: customerEvents,
  initialState: (): CustomerDirectoryState => ({ customers: {} }),
  handlers: {
    CustomerRegistered: (s, e) => {
      const d = e.data;
      s.customers[d.customerId] = {
        customerId: d.customerId,
        kind: d.kind,
        name: d.name,
        segment: d.segment,
        ...(d.industry === undefined ? {} : { industry: d.industry }),
        ...(d.region === undefined ? {} : { region: d.region }),
        tags: [...d.tags],
        preferences: _copyJson(d.preferences),
        contacts: _copyJson(d.contacts),
        registeredAt: d.registeredAt,
      };
    },
    CustomerProfileUpdated: (s, e) => {
      const c = s.customers[e.data.customerId];
      if (!c) return;
      const { customerId: _id, updatedAt: _at, preferences, ...rest } = e.data;
      Object.assign(c, rest);
      if (preferences !== undefined) c.preferences = _copyJson(preferences);
    },
    CustomerContactAdded: (s, e) => {
      s.customers[e.data.customerId]?.contacts.push(_copyJson(e.data.contact));
    },
    CustomerContactRemoved: (s, e) => {
      const c = s.customers[e.data.customerId];
      if (c) c.contacts = c.contacts.filter((x) => x.contactId !== e.data.contactId);
    },
    CustomerTagged: (s, e) => {
      s.customers[e.data.customerId]?.tags.push(e.data.tag);
    },
    CustomerUntagged: (s, e) => {
      const c = s.customers[e.data.customerId];
      if (c) c.tags = c.tags.filter((t) => t !== e.data.tag);
    },
  },
});
