import { describe, expect, it } from "vitest";
import {
  createTicketDecider,
  DEFAULT_SLA_POLICY,
  type TicketEvent,
  ticketCommand,
  ticketDecider,
} from "../../../src/customers/index.ts";
import { isValidationError } from "../../../src/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const now = "2026-07-02T12:00:00.000Z";
const spec = deciderSpec(ticketDecider, { commands: ticketCommand, now });

// Opened at 09:00 with high priority: first response due 4 h later (13:00), resolution 24 h later.
const opened: TicketEvent = {
  type: "TicketOpened",
  data: {
    ticketId: "t-1",
    customerId: "cu-1",
    subject: "Login fails",
    priority: "high",
    openedAt: "2026-07-02T09:00:00.000Z",
    firstResponseDueAt: "2026-07-02T13:00:00.000Z",
    resolutionDueAt: "2026-07-03T09:00:00.000Z",
  },
};
const resolved: TicketEvent = {
  type: "TicketResolved",
  data: {
    ticketId: "t-1",
    customerId: "cu-1",
    resolvedAt: "2026-07-02T11:00:00.000Z",
    resolutionCode: "fixed",
    firstResponseAt: "2026-07-02T11:00:00.000Z",
    firstResponseBreached: false,
    resolutionBreached: false,
  },
};

describe("ticket decider", () => {
  it("opens a ticket with SLA targets from the priority, once (ticket_already_opened)", () => {
    spec
      .given([])
      .when({
        type: "OpenTicket",
        data: {
          ticketId: "t-1",
          customerId: "cu-1",
          subject: "Login fails",
          priority: "high",
          at: "2026-07-02T09:00:00Z",
        },
      })
      .then([opened]);
    spec
      .given([opened])
      .when({ type: "OpenTicket", data: { ticketId: "t-1", customerId: "cu-1", subject: "x", priority: "low" } })
      .then("ticket_already_opened");
  });

  it("refuses to change a ticket that was never opened (ticket_not_opened)", () => {
    spec
      .given([])
      .when({ type: "ResolveTicket", data: { ticketId: "t-1", resolutionCode: "fixed" } })
      .then("ticket_not_opened");
  });

  it("records the first response and moves the SLA targets when the priority changes", () => {
    spec
      .given([opened])
      .when({
        type: "UpdateTicket",
        data: { ticketId: "t-1", priority: "urgent", respondedToCustomer: true, at: "2026-07-02T09:30:00Z" },
      })
      .then([
        {
          type: "TicketUpdated",
          data: {
            ticketId: "t-1",
            customerId: "cu-1",
            updatedAt: "2026-07-02T09:30:00.000Z",
            priority: "urgent",
            firstResponseAt: "2026-07-02T09:30:00.000Z",
            // Urgent: 60 min and 240 min from 09:00.
            firstResponseDueAt: "2026-07-02T10:00:00.000Z",
            resolutionDueAt: "2026-07-02T13:00:00.000Z",
          },
        },
      ]);
    spec
      .given([opened])
      .when({ type: "UpdateTicket", data: { ticketId: "t-1", priority: "high" } })
      .then([]);
  });

  it("marks breached SLA targets on resolution; the resolution counts as first response when none came", () => {
    // Resolved at 12:00 (now) without a response: first response 12:00 ≤ 13:00, resolution 12:00 ≤ next day.
    spec
      .given([opened])
      .when({ type: "ResolveTicket", data: { ticketId: "t-1", resolutionCode: "workaround" } })
      .then([
        {
          type: "TicketResolved",
          data: {
            ticketId: "t-1",
            customerId: "cu-1",
            resolvedAt: now,
            resolutionCode: "workaround",
            firstResponseAt: now,
            firstResponseBreached: false,
            resolutionBreached: false,
          },
        },
      ]);
    const late = deciderSpec(ticketDecider, { commands: ticketCommand, now: "2026-07-03T09:00:00.001Z" });
    late
      .given([opened])
      .when({ type: "ResolveTicket", data: { ticketId: "t-1", resolutionCode: "fixed" } })
      .then([
        {
          type: "TicketResolved",
          data: {
            ticketId: "t-1",
            customerId: "cu-1",
            resolvedAt: "2026-07-03T09:00:00.001Z",
            resolutionCode: "fixed",
            firstResponseAt: "2026-07-03T09:00:00.001Z",
            firstResponseBreached: true,
            resolutionBreached: true,
          },
        },
      ]);
  });

  it("refuses to change or resolve a resolved ticket (ticket_already_resolved)", () => {
    spec
      .given([opened, resolved])
      .when({ type: "UpdateTicket", data: { ticketId: "t-1", note: "more" } })
      .then("ticket_already_resolved");
    spec
      .given([opened, resolved])
      .when({ type: "ResolveTicket", data: { ticketId: "t-1", resolutionCode: "fixed" } })
      .then("ticket_already_resolved");
  });

  it("reopens only a resolved ticket (ticket_not_resolved)", () => {
    spec
      .given([opened])
      .when({ type: "ReopenTicket", data: { ticketId: "t-1", reason: "still failing" } })
      .then("ticket_not_resolved");
    spec
      .given([opened, resolved])
      .when({ type: "ReopenTicket", data: { ticketId: "t-1", reason: "still failing" } })
      .then([
        {
          type: "TicketReopened",
          data: { ticketId: "t-1", customerId: "cu-1", reopenedAt: now, reason: "still failing" },
        },
      ]);
  });

  it("keeps timestamps in order and never after now (ticket_time_in_order)", () => {
    spec
      .given([opened])
      .when({ type: "UpdateTicket", data: { ticketId: "t-1", status: "in_progress", at: "2026-07-02T08:59:59Z" } })
      .then("ticket_time_in_order");
    spec
      .given([])
      .when({
        type: "OpenTicket",
        data: { ticketId: "t-1", customerId: "cu-1", subject: "x", priority: "low", at: "2026-07-02T12:00:01Z" },
      })
      .then("ticket_time_in_order");
    spec
      .given([opened])
      .when({ type: "UpdateTicket", data: { ticketId: "t-1", status: "in_progress", at: "2026-07-02T09:00:00Z" } })
      .then([
        {
          type: "TicketUpdated",
          data: { ticketId: "t-1", customerId: "cu-1", updatedAt: "2026-07-02T09:00:00.000Z", status: "in_progress" },
        },
      ]);
  });

  it("validates its SLA policy", () => {
    expect(() =>
      createTicketDecider({ sla: { ...DEFAULT_SLA_POLICY, low: { firstResponseMinutes: 0, resolutionMinutes: 1 } } }),
    ).toThrow(expect.objectContaining({ code: "validation_failed" }));
    let caught: unknown;
    try {
      createTicketDecider({ sla: {} as never });
    } catch (e) {
      caught = e;
    }
    expect(isValidationError(caught)).toBe(true);
  });
});
