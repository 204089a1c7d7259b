import { compareCalendarDates, type Decider } from "../core/index.ts";
import type { MeetingSeriesCommand } from "./commands.ts";
import type { MeetingKind, MeetingSeriesEvent } from "./events.ts";
import { requireCoachingRule } from "./rules.ts";

const D = "meetingSeries";

/**
 * An action item as the meeting series keeps it.
 *
 * @example
 * ```ts
 * const item: ActionItemState = { status: "open", ownerId: "rep-ana", dueOn: "2026-07-10", meetingId: "w28" };
 * ```
 */
export interface ActionItemState {
  readonly status: "open" | "completed" | "cancelled";
  readonly ownerId: string;
  readonly dueOn: string;
  readonly meetingId: string;
}

/**
 * The state of a meeting series: its kind and owner, the meetings held (by id, with their dates), and every action
 * item ever raised, in the order raised. Items leave the open set only by completion or cancellation.
 *
 * @example
 * ```ts
 * const s: MeetingSeriesState = meetingSeriesDecider.initialState();
 * ```
 */
export interface MeetingSeriesState {
  readonly status: "none" | "active";
  readonly seriesId: string;
  readonly kind?: MeetingKind;
  readonly ownerId: string;
  readonly meetings: Readonly<Record<string, string>>;
  readonly lastHeldOn?: string;
  readonly items: Readonly<Record<string, ActionItemState>>;
  readonly itemOrder: readonly string[];
}

/**
 * The stream of a meeting series.
 *
 * @param seriesId - The series.
 * @returns `meeting-series-<seriesId>`.
 * @example
 * ```ts
 * meetingSeriesStreamId("east-weekly"); // "meeting-series-east-weekly"
 * ```
 */
export function meetingSeriesStreamId(seriesId: string): string {
  return `meeting-series-${seriesId}`;
}

/**
 * The open action items of a series, in the order they were raised: what the next meeting carries forward.
 *
 * @param state - The series state.
 * @returns The ids of the items neither completed nor cancelled.
 * @example
 * ```ts
 * openActionItems(state); // ["a1", "a3"]
 * ```
 */
export function openActionItems(state: MeetingSeriesState): string[] {
  return state.itemOrder.filter((id) => state.items[id]!.status === "open");
}

function evolve(s: MeetingSeriesState, e: MeetingSeriesEvent): MeetingSeriesState {
  const item = (actionId: string, patch: Partial<ActionItemState>) => ({
    ...s,
    items: { ...s.items, [actionId]: { ...s.items[actionId]!, ...patch } },
  });
  switch (e.type) {
    case "MeetingSeriesCreated":
      return { ...s, status: "active", seriesId: e.data.seriesId, kind: e.data.kind, ownerId: e.data.ownerId };
    case "MeetingHeld":
      return { ...s, meetings: { ...s.meetings, [e.data.meetingId]: e.data.heldOn }, lastHeldOn: e.data.heldOn };
    case "ActionItemAdded": {
      const { actionId, ownerId, dueOn, meetingId } = e.data;
      return {
        ...s,
        items: { ...s.items, [actionId]: { status: "open", ownerId, dueOn, meetingId } },
        itemOrder: [...s.itemOrder, actionId],
      };
    }
    case "ActionItemCompleted":
      return item(e.data.actionId, { status: "completed" });
    case "ActionItemCancelled":
      return item(e.data.actionId, { status: "cancelled" });
    case "ActionItemRescheduled":
      return item(e.data.actionId, { dueOn: e.data.dueOn, ownerId: e.data.ownerId });
    default: {
      const _exhaustive: never = e;
      return s;
    }
  }
}

/**
 * The decider of a meeting series (the weekly team meeting, the monthly review, a 1:1): meetings are held in date
 * order, each carrying forward every action item not yet completed or cancelled; action items are raised in a held
 * meeting with an owner and a due date, and leave the open list only when completed or cancelled.
 *
 * @example
 * ```ts
 * const meetings = createCommandHandler({ store, decider: meetingSeriesDecider, commands: meetingSeriesCommand });
 * await meetings.handle(meetingSeriesStreamId("east-weekly"), { type: "CompleteActionItem", data: { actionId: "a1", completedOn: "2026-07-09" } });
 * ```
 */
export const meetingSeriesDecider: Decider<MeetingSeriesCommand, MeetingSeriesEvent, MeetingSeriesState> = {
  name: D,
  version: "1",
  initialState: () => ({ status: "none", seriesId: "", ownerId: "", meetings: {}, items: {}, itemOrder: [] }),
  evolve,
  decide: (command, state, { now }) => {
    if (command.type === "CreateMeetingSeries") {
      const d = command.data;
      requireCoachingRule(state.status === "none", "series_already_created", `${D}: ${d.seriesId} exists`, {
        seriesId: d.seriesId,
      });
      const distinct = new Set(d.attendees).size === d.attendees.length;
      requireCoachingRule(
        distinct && d.attendees.includes(d.ownerId) && (d.kind !== "one_on_one" || d.attendees.length === 2),
        "series_attendees_invalid",
        `${D}: attendees must be distinct and include the owner; a 1:1 has exactly two`,
        { attendees: d.attendees },
      );
      const { teamId, ...rest } = d;
      return [{ type: "MeetingSeriesCreated", data: { ...rest, ...(teamId ? { teamId } : {}), createdAt: now } }];
    }
    requireCoachingRule(state.status === "active", "series_not_found", `${D}: the series was never created`);
    const seriesId = state.seriesId;
    if (command.type === "HoldMeeting") {
      const d = command.data;
      requireCoachingRule(
        state.meetings[d.meetingId] === undefined,
        "meeting_already_held",
        `${D}: meeting ${d.meetingId} was already held`,
        { meetingId: d.meetingId },
      );
      requireCoachingRule(
        state.lastHeldOn === undefined || compareCalendarDates(d.heldOn, state.lastHeldOn) >= 0,
        "meeting_out_of_order",
        `${D}: ${d.heldOn} is before the last meeting (${state.lastHeldOn})`,
        { heldOn: d.heldOn, lastHeldOn: state.lastHeldOn },
      );
      const { developmentPlanIds, ...rest } = d;
      const data = {
        seriesId,
        ...rest,
        carriedForward: openActionItems(state),
        developmentPlanIds: developmentPlanIds ?? [],
      };
      return [{ type: "MeetingHeld", data }];
    }
    if (command.type === "AddActionItem") {
      const d = command.data;
      requireCoachingRule(
        state.items[d.actionId] === undefined,
        "action_item_exists",
        `${D}: action item ${d.actionId} exists`,
        { actionId: d.actionId },
      );
      requireCoachingRule(
        state.meetings[d.meetingId] !== undefined,
        "meeting_unknown",
        `${D}: no meeting ${d.meetingId} was held in this series`,
        { meetingId: d.meetingId },
      );
      return [{ type: "ActionItemAdded", data: { seriesId, ...d } }];
    }
    const item = state.items[command.data.actionId];
    requireCoachingRule(item !== undefined, "action_item_unknown", `${D}: no action item ${command.data.actionId}`, {
      actionId: command.data.actionId,
    });
    requireCoachingRule(
      item.status === "open",
      "action_item_closed",
      `${D}: action item ${command.data.actionId} is ${item.status}`,
      { actionId: command.data.actionId, status: item.status },
    );
    switch (command.type) {
      case "CompleteActionItem":
        return [{ type: "ActionItemCompleted", data: { seriesId, ...command.data } }];
      case "CancelActionItem":
        return [{ type: "ActionItemCancelled", data: { seriesId, ...command.data } }];
      case "RescheduleActionItem": {
        const d = command.data;
        const data = {
          seriesId,
          actionId: d.actionId,
          dueOn: d.dueOn,
          ownerId: d.ownerId ?? item.ownerId,
          reason: d.reason,
        };
        return [{ type: "ActionItemRescheduled", data }];
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
