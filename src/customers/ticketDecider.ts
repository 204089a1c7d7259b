import { z } from "zod";
import {
  _zodIssues,
  type Decider,
  type DecisionContext,
  toEpochMilliseconds,
  toIsoInstant,
  ValidationError,
} from "../core/index.ts";
import type { TicketCommand } from "./commands.ts";
import { requireCustomerRule } from "./rules.ts";
import type { TicketEvent, TicketPriority } from "./ticketEvents.ts";

const targetSchema = z.strictObject({
  firstResponseMinutes: z.number().int().min(1).max(525_600),
  resolutionMinutes: z.number().int().min(1).max(525_600),
});

/**
 * SLA targets per priority, in elapsed minutes from the moment the ticket opens (wall-clock time, not business
 * hours).
 *
 * @example
 * ```ts
 * slaPolicySchema.parse(DEFAULT_SLA_POLICY);
 * ```
 */
export const slaPolicySchema = z.strictObject({
  low: targetSchema,
  normal: targetSchema,
  high: targetSchema,
  urgent: targetSchema,
});

/**
 * SLA targets per priority.
 *
 * @example
 * ```ts
 * const policy: SlaPolicy = { ...DEFAULT_SLA_POLICY, urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 } };
 * ```
 */
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

/**
 * The default SLA: urgent 1 h / 4 h, high 4 h / 24 h, normal 8 h / 72 h, low 24 h / 7 days (first response /
 * resolution).
 *
 * @example
 * ```ts
 * DEFAULT_SLA_POLICY.high.firstResponseMinutes; // 240
 * ```
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = Object.freeze({
  urgent: Object.freeze({ firstResponseMinutes: 60, resolutionMinutes: 240 }),
  high: Object.freeze({ firstResponseMinutes: 240, resolutionMinutes: 1440 }),
  normal: Object.freeze({ firstResponseMinutes: 480, resolutionMinutes: 4320 }),
  low: Object.freeze({ firstResponseMinutes: 1440, resolutionMinutes: 10_080 }),
});

/**
 * What the ticket decider remembers.
 *
 * @example
 * ```ts
 * const s: TicketState = { status: "none" };
 * ```
 */
export type TicketState =
  | { readonly status: "none" }
  | {
      readonly status: "open" | "resolved";
      readonly ticketId: string;
      readonly customerId: string;
      readonly priority: TicketPriority;
      readonly openedAt: string;
      readonly lastAt: string;
      readonly firstResponseAt: string | undefined;
      readonly firstResponseDueAt: string;
      readonly resolutionDueAt: string;
    };

type Opened = Extract<TicketState, { status: "open" | "resolved" }>;

/**
 * The stream id of a service ticket.
 *
 * @param ticketId - The ticket's id.
 * @returns `ticket-<ticketId>`.
 * @example
 * ```ts
 * await handler.handle(ticketStreamId("t-1"), { type: "ResolveTicket", data: { ticketId: "t-1", resolutionCode: "fixed" } });
 * ```
 */
export function ticketStreamId(ticketId: string): string {
  return `ticket-${ticketId}`;
}

const plusMinutes = (at: string, minutes: number) => toIsoInstant(toEpochMilliseconds(at) + minutes * 60_000);
const after = (a: string, b: string) => toEpochMilliseconds(a) > toEpochMilliseconds(b);

function evolve(state: TicketState, event: TicketEvent): TicketState {
  if (event.type === "TicketOpened") {
    const d = event.data;
    return {
      status: "open",
      ticketId: d.ticketId,
      customerId: d.customerId,
      priority: d.priority,
      openedAt: d.openedAt,
      lastAt: d.openedAt,
      firstResponseAt: undefined,
      firstResponseDueAt: d.firstResponseDueAt,
      resolutionDueAt: d.resolutionDueAt,
    };
  }
  if (state.status === "none") return state;
  switch (event.type) {
    case "TicketUpdated": {
      const d = event.data;
      return {
        ...state,
        lastAt: d.updatedAt,
        priority: d.priority ?? state.priority,
        firstResponseAt: state.firstResponseAt ?? d.firstResponseAt,
        firstResponseDueAt: d.firstResponseDueAt ?? state.firstResponseDueAt,
        resolutionDueAt: d.resolutionDueAt ?? state.resolutionDueAt,
      };
    }
    case "TicketResolved":
      return {
        ...state,
        status: "resolved",
        lastAt: event.data.resolvedAt,
        firstResponseAt: event.data.firstResponseAt,
      };
    case "TicketReopened":
      return { ...state, status: "open", lastAt: event.data.reopenedAt };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function timeOf(command: TicketCommand, state: TicketState, now: string): string {
  const at = command.data.at === undefined ? now : toIsoInstant(command.data.at);
  const last = state.status === "none" ? undefined : state.lastAt;
  requireCustomerRule(
    !after(at, now) && (last === undefined || !after(last, at)),
    "ticket_time_in_order",
    `ticket: ${command.type} at ${at} must be between the ticket's last change (${last ?? "none"}) and now (${now})`,
    { at, last, now },
  );
  return at;
}

function opened(state: TicketState, command: TicketCommand): Opened {
  requireCustomerRule(state.status !== "none", "ticket_not_opened", `ticket: ${command.data.ticketId} is not opened`, {
    ticketId: command.data.ticketId,
  });
  return state as Opened;
}

function decider(policy: SlaPolicy): Decider<TicketCommand, TicketEvent, TicketState> {
  const decide = (command: TicketCommand, state: TicketState, { now }: DecisionContext): TicketEvent[] => {
    if (command.type === "OpenTicket") {
      requireCustomerRule(
        state.status === "none",
        "ticket_already_opened",
        `ticket: ${command.data.ticketId} is already opened`,
        { ticketId: command.data.ticketId },
      );
      const { at: _at, ...d } = command.data;
      const openedAt = timeOf(command, state, now);
      const target = policy[d.priority];
      return [
        {
          type: "TicketOpened",
          data: {
            ...d,
            openedAt,
            firstResponseDueAt: plusMinutes(openedAt, target.firstResponseMinutes),
            resolutionDueAt: plusMinutes(openedAt, target.resolutionMinutes),
          },
        },
      ];
    }
    const s = opened(state, command);
    if (command.type === "ReopenTicket") {
      requireCustomerRule(s.status === "resolved", "ticket_not_resolved", `ticket: ${s.ticketId} is not resolved`, {
        ticketId: s.ticketId,
      });
      const at = timeOf(command, state, now);
      return [
        {
          type: "TicketReopened",
          data: { ticketId: s.ticketId, customerId: s.customerId, reopenedAt: at, reason: command.data.reason },
        },
      ];
    }
    requireCustomerRule(s.status === "open", "ticket_already_resolved", `ticket: ${s.ticketId} is resolved`, {
      ticketId: s.ticketId,
    });
    const at = timeOf(command, state, now);
    if (command.type === "ResolveTicket") {
      const firstResponseAt = s.firstResponseAt ?? at;
      return [
        {
          type: "TicketResolved",
          data: {
            ticketId: s.ticketId,
            customerId: s.customerId,
            resolvedAt: at,
            resolutionCode: command.data.resolutionCode,
            ...(command.data.resolution === undefined ? {} : { resolution: command.data.resolution }),
            firstResponseAt,
            firstResponseBreached: after(firstResponseAt, s.firstResponseDueAt),
            resolutionBreached: after(at, s.resolutionDueAt),
          },
        },
      ];
    }
    const { at: _at, ticketId: _id, respondedToCustomer, ...d } = command.data;
    const priorityChanged = d.priority !== undefined && d.priority !== s.priority;
    const firstResponse = respondedToCustomer === true && s.firstResponseAt === undefined;
    const target = priorityChanged ? policy[d.priority as TicketPriority] : undefined;
    const changes = {
      ...(d.status === undefined ? {} : { status: d.status }),
      ...(priorityChanged ? { priority: d.priority } : {}),
      ...(d.assigneeId === undefined ? {} : { assigneeId: d.assigneeId }),
      ...(d.note === undefined ? {} : { note: d.note }),
      ...(firstResponse ? { firstResponseAt: at } : {}),
      ...(target
        ? {
            firstResponseDueAt: plusMinutes(s.openedAt, target.firstResponseMinutes),
            resolutionDueAt: plusMinutes(s.openedAt, target.resolutionMinutes),
          }
        : {}),
    };
    if (Object.keys(changes).length === 0) return [];
    return [
      { type: "TicketUpdated", data: { ticketId: s.ticketId, customerId: s.customerId, updatedAt: at, ...changes } },
    ];
  };
  return Object.freeze({
    name: "ticket",
    version: "1",
    initialState: (): TicketState => ({ status: "none" }),
    evolve,
    decide,
  });
}

/**
 * Creates a ticket decider with an SLA policy. A priority change moves both SLA targets to the new priority's,
 * counted from the opening instant.
 *
 * @param options - `sla`: targets per priority; {@link DEFAULT_SLA_POLICY} by default.
 * @returns The ticket decider.
 * @throws {@link ValidationError} when the policy is invalid.
 * @example
 * ```ts
 * const decider = createTicketDecider({ sla: { ...DEFAULT_SLA_POLICY, urgent: { firstResponseMinutes: 15, resolutionMinutes: 120 } } });
 * ```
 */
export function createTicketDecider(
  options: { readonly sla?: SlaPolicy } = {},
): Decider<TicketCommand, TicketEvent, TicketState> {
  const parsed = slaPolicySchema.safeParse(options.sla ?? DEFAULT_SLA_POLICY);
  if (!parsed.success) {
    throw new ValidationError("createTicketDecider", _zodIssues(parsed.error.issues, ["sla"]));
  }
  return decider(parsed.data);
}

/**
 * The ticket decider with the {@link DEFAULT_SLA_POLICY}: opens, updates, resolves and reopens service tickets and
 * records their SLA timestamps.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: ticketDecider, commands: ticketCommand });
 * ```
 */
export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = /* @__PURE__ */ createTicketDecider();
