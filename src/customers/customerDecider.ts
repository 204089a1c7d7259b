import type { Decider, DecisionContext } from "../core/index.ts";
import type { CustomerCommand } from "./commands.ts";
import type { CustomerStreamEvent } from "./events.ts";
import { requireCustomerRule, requireNotInFuture, requireTagRoom } from "./rules.ts";
import type { CustomerPreferences } from "./values.ts";

/**
 * What the customer decider remembers: whether the customer is registered, its current profile (to record only real
 * changes), contact ids, tags and the survey ids already recorded.
 *
 * @example
 * ```ts
 * const s: CustomerState = { status: "none" };
 * ```
 */
export type CustomerState =
  | { readonly status: "none" }
  | {
      readonly status: "registered";
      readonly customerId: string;
      readonly name: string;
      readonly segment: string;
      readonly industry: string | undefined;
      readonly region: string | undefined;
      readonly preferences: CustomerPreferences;
      readonly contactIds: readonly string[];
      readonly tags: readonly string[];
      readonly surveyIds: readonly string[];
    };

/**
 * The stream id of a customer.
 *
 * @param customerId - The customer's id.
 * @returns `customer-<customerId>`.
 * @example
 * ```ts
 * await handler.handle(customerStreamId("cu-1"), command);
 * ```
 */
export function customerStreamId(customerId: string): string {
  return `customer-${customerId}`;
}

type Registered = Extract<CustomerState, { status: "registered" }>;

function evolve(state: CustomerState, event: CustomerStreamEvent): CustomerState {
  if (event.type === "CustomerRegistered") {
    const d = event.data;
    return {
      status: "registered",
      customerId: d.customerId,
      name: d.name,
      segment: d.segment,
      industry: d.industry,
      region: d.region,
      preferences: d.preferences,
      contactIds: d.contacts.map((c) => c.contactId),
      tags: [...d.tags],
      surveyIds: [],
    };
  }
  if (state.status !== "registered") return state;
  switch (event.type) {
    case "CustomerProfileUpdated": {
      const d = event.data;
      return {
        ...state,
        name: d.name ?? state.name,
        segment: d.segment ?? state.segment,
        industry: d.industry ?? state.industry,
        region: d.region ?? state.region,
        preferences: d.preferences ?? state.preferences,
      };
    }
    case "CustomerContactAdded":
      return { ...state, contactIds: [...state.contactIds, event.data.contact.contactId] };
    case "CustomerContactRemoved":
      return { ...state, contactIds: state.contactIds.filter((id) => id !== event.data.contactId) };
    case "CustomerTagged":
      return { ...state, tags: [...state.tags, event.data.tag] };
    case "CustomerUntagged":
      return { ...state, tags: state.tags.filter((t) => t !== event.data.tag) };
    case "CsatRecorded":
    case "NpsRecorded":
      return { ...state, surveyIds: [...state.surveyIds, event.data.surveyId] };
    case "CustomerNoteAdded":
    case "InteractionLogged":
      return state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function registered(state: CustomerState, command: CustomerCommand): Registered {
  requireCustomerRule(
    state.status === "registered",
    "customer_not_registered",
    `customer: ${command.type} needs a registered customer; ${command.data.customerId} is not registered`,
    { customerId: command.data.customerId },
  );
  const s = state as Registered;
  requireCustomerRule(
    s.customerId === command.data.customerId,
    "customer_id_matches",
    `customer: the command names ${command.data.customerId} but the stream holds ${s.customerId}`,
    { expected: s.customerId, got: command.data.customerId },
  );
  return s;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function decide(command: CustomerCommand, state: CustomerState, context: DecisionContext): CustomerStreamEvent[] {
  const { now } = context;
  if (command.type === "RegisterCustomer") {
    requireCustomerRule(
      state.status === "none",
      "customer_already_registered",
      `customer: ${command.data.customerId} is already registered`,
      { customerId: command.data.customerId },
    );
    const d = command.data;
    const contactIds = (d.contacts ?? []).map((c) => c.contactId);
    requireCustomerRule(
      new Set(contactIds).size === contactIds.length,
      "contact_already_added",
      "customer: contact ids must be distinct",
      { contactIds },
    );
    return [
      {
        type: "CustomerRegistered",
        data: {
          customerId: d.customerId,
          kind: d.kind,
          name: d.name,
          segment: d.segment,
          ...(d.industry === undefined ? {} : { industry: d.industry }),
          ...(d.region === undefined ? {} : { region: d.region }),
          tags: [...new Set(d.tags ?? [])],
          preferences: d.preferences ?? {},
          contacts: d.contacts ?? [],
          registeredAt: now,
        },
      },
    ];
  }
  const s = registered(state, command);
  const customerId = s.customerId;
  switch (command.type) {
    case "UpdateCustomerProfile": {
      const d = command.data;
      const changes = {
        ...(d.name !== undefined && d.name !== s.name ? { name: d.name } : {}),
        ...(d.segment !== undefined && d.segment !== s.segment ? { segment: d.segment } : {}),
        ...(d.industry !== undefined && d.industry !== s.industry ? { industry: d.industry } : {}),
        ...(d.region !== undefined && d.region !== s.region ? { region: d.region } : {}),
        ...(d.preferences !== undefined && !same(d.preferences, s.preferences) ? { preferences: d.preferences } : {}),
      };
      if (Object.keys(changes).length === 0) return [];
      return [{ type: "CustomerProfileUpdated", data: { customerId, ...changes, updatedAt: now } }];
    }
    case "AddCustomerContact":
      requireCustomerRule(
        !s.contactIds.includes(command.data.contact.contactId),
        "contact_already_added",
        `customer: contact ${command.data.contact.contactId} is already on ${customerId}`,
        { contactId: command.data.contact.contactId },
      );
      return [{ type: "CustomerContactAdded", data: { customerId, contact: command.data.contact, addedAt: now } }];
    case "RemoveCustomerContact":
      requireCustomerRule(
        s.contactIds.includes(command.data.contactId),
        "contact_not_found",
        `customer: ${customerId} has no contact ${command.data.contactId}`,
        { contactId: command.data.contactId },
      );
      return [
        { type: "CustomerContactRemoved", data: { customerId, contactId: command.data.contactId, removedAt: now } },
      ];
    case "TagCustomer":
      if (s.tags.includes(command.data.tag)) return [];
      requireTagRoom(s.tags);
      return [{ type: "CustomerTagged", data: { customerId, tag: command.data.tag } }];
    case "UntagCustomer":
      if (!s.tags.includes(command.data.tag)) return [];
      return [{ type: "CustomerUntagged", data: { customerId, tag: command.data.tag } }];
    case "AddCustomerNote":
      return [
        {
          type: "CustomerNoteAdded",
          data: {
            customerId,
            noteId: context.newId(),
            authorId: context.actor ?? "unknown",
            text: command.data.text,
            addedAt: now,
          },
        },
      ];
    case "LogInteraction": {
      const { interactionId, ...d } = command.data;
      requireNotInFuture("interaction_not_in_future", d.occurredAt, now, "interaction");
      requireCustomerRule(
        d.nextStepDue === undefined || d.nextStep !== undefined,
        "next_step_due_needs_next_step",
        "customer: a next-step due date needs a next step",
        { nextStepDue: d.nextStepDue },
      );
      return [{ type: "InteractionLogged", data: { interactionId: interactionId ?? context.newId(), ...d } }];
    }
    case "RecordCsat":
    case "RecordNps": {
      const { respondedAt, ...d } = command.data;
      requireCustomerRule(
        !s.surveyIds.includes(d.surveyId),
        "survey_recorded_once",
        `customer: survey ${d.surveyId} is already recorded for ${customerId}`,
        { surveyId: d.surveyId },
      );
      const at = respondedAt ?? now;
      requireNotInFuture("response_not_in_future", at, now, "survey answer");
      return command.type === "RecordCsat"
        ? [{ type: "CsatRecorded", data: { ...(d as typeof command.data), respondedAt: at } }]
        : [{ type: "NpsRecorded", data: { ...(d as typeof command.data), respondedAt: at } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * The customer decider: one stream per customer holding its profile, contacts, tags, notes, logged interactions and
 * satisfaction answers. See `customerRules` for what it refuses.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: customerDecider, commands: customerCommand });
 * await handler.handle(customerStreamId("cu-1"), { type: "TagCustomer", data: { customerId: "cu-1", tag: "vip" } });
 * ```
 */
export const customerDecider: Decider<CustomerCommand, CustomerStreamEvent, CustomerState> = Object.freeze({
  name: "customer",
  version: "1",
  initialState: (): CustomerState => ({ status: "none" }),
  evolve,
  decide,
});
