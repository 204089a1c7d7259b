import { compareCalendarDates, defineProjection, isCalendarDate, ValidationError } from "../../core/index.ts";
import { coachingEvents, type MeetingKind } from "../events.ts";

/**
 * An action item as the backlog keeps it: where it was raised, owner, due date, status, and how many later meetings
 * carried it forward.
 *
 * @example
 * ```ts
 * const item: BacklogItem = { actionId: "a1", seriesId: "east-weekly", meetingId: "w28", ownerId: "rep-ana", description: "Call CFO",
 *   dueOn: "2026-07-10", status: "open", carriedForward: 2 };
 * ```
 */
export interface BacklogItem {
  actionId: string;
  seriesId: string;
  meetingId: string;
  ownerId: string;
  description: string;
  dueOn: string;
  status: "open" | "completed" | "cancelled";
  carriedForward: number;
}

/**
 * The state of {@link coachingBacklogProjection}: meeting series, action items, coaching follow-ups and resource
 * requests.
 *
 * @example
 * ```ts
 * state.items["east-weekly/a1"]?.status; // "open"
 * ```
 */
export interface CoachingBacklogState {
  readonly series: Record<string, { kind: MeetingKind; ownerId: string; teamId?: string; lastHeldOn?: string }>;
  /** Action items keyed `<seriesId>/<actionId>`. */
  readonly items: Record<string, BacklogItem>;
  readonly followUps: Record<string, { coachId: string; repId?: string; followUpOn: string; done: boolean }>;
  readonly requests: Record<
    string,
    {
      requesterId: string;
      helperId?: string;
      status: "open" | "accepted" | "resolved" | "withdrawn";
      neededBy?: string;
      outcome?: string;
    }
  >;
}

/**
 * The coaching backlog read model: every action item (with how often it was carried forward), coaching follow-ups and
 * resource requests. Read it with {@link coachingBacklog}.
 *
 * @example
 * ```ts
 * const state = fold(coachingBacklogProjection, events);
 * coachingBacklog(state, "2026-07-15").byOwner["rep-ana"]?.overdue;
 * ```
 */
export const coachingBacklogProjection = /* @__PURE__ */ defineProjection({
  name: "coaching.backlog",
  events: coachingEvents,
  initialState: (): CoachingBacklogState => ({ series: {}, items: {}, followUps: {}, requests: {} }),
  handlers: {
    MeetingSeriesCreated: (s, e) => {
      const d = e.data;
      s.series[d.seriesId] = { kind: d.kind, ownerId: d.ownerId, ...(d.teamId ? { teamId: d.teamId } : {}) };
    },
    MeetingHeld: (s, e) => {
      const series = s.series[e.data.seriesId];
      if (series) series.lastHeldOn = e.data.heldOn;
      for (const id of e.data.carriedForward) {
        const item = s.items[`${e.data.seriesId}/${id}`];
        if (item) item.carriedForward += 1;
      }
    },
    ActionItemAdded: (s, e) => {
      const { seriesId, actionId, meetingId, ownerId, description, dueOn } = e.data;
      s.items[`${seriesId}/${actionId}`] = {
        actionId,
        seriesId,
        meetingId,
        ownerId,
        description,
        dueOn,
        status: "open",
        carriedForward: 0,
      };
    },
    ActionItemCompleted: (s, e) => {
      const item = s.items[`${e.data.seriesId}/${e.data.actionId}`];
      if (item) item.status = "completed";
    },
    ActionItemCancelled: (s, e) => {
      const item = s.items[`${e.data.seriesId}/${e.data.actionId}`];
      if (item) item.status = "cancelled";
    },
    ActionItemRescheduled: (s, e) => {
      const item = s.items[`${e.data.seriesId}/${e.data.actionId}`];
      if (item) {
        item.dueOn = e.data.dueOn;
        item.ownerId = e.data.ownerId;
      }
    },
    CoachingNoteRecorded: (s, e) => {
      const d = e.data;
      if (d.followUpOn === undefined) return;
      s.followUps[d.noteId] = {
        coachId: d.coachId,
        ...(d.links.repId ? { repId: d.links.repId } : {}),
        followUpOn: d.followUpOn,
        done: false,
      };
    },
    CoachingFollowUpDone: (s, e) => {
      const f = s.followUps[e.data.noteId];
      if (f) f.done = true;
    },
    ResourceRequested: (s, e) => {
      const d = e.data;
      s.requests[d.requestId] = {
        requesterId: d.requesterId,
        status: "open",
        ...(d.neededBy ? { neededBy: d.neededBy } : {}),
      };
    },
    ResourceRequestAccepted: (s, e) => {
      const r = s.requests[e.data.requestId];
      if (r) Object.assign(r, { status: "accepted", helperId: e.data.helperId });
    },
    ResourceRequestResolved: (s, e) => {
      const r = s.requests[e.data.requestId];
      if (r) Object.assign(r, { status: "resolved", outcome: e.data.outcome });
    },
    ResourceRequestWithdrawn: (s, e) => {
      const r = s.requests[e.data.requestId];
      if (r) r.status = "withdrawn";
    },
  },
});

/**
 * One person's coaching backlog on a day.
 *
 * @example
 * ```ts
 * const b: PersonBacklog = { openItems: ["east-weekly/a1"], overdue: [], followUpsDue: [], requestsWaiting: [] };
 * ```
 */
export interface PersonBacklog {
  /** Open action items they own (`<seriesId>/<actionId>`). */
  readonly openItems: string[];
  /** Of those, the ones due before the day. */
  readonly overdue: string[];
  /** Coaching notes whose follow-up (by them as coach) is due on or before the day and not done. */
  readonly followUpsDue: string[];
  /** Resource requests they raised that are still open or accepted. */
  readonly requestsWaiting: string[];
}

/**
 * The coaching backlog on a day, per person: open and overdue action items (an item is overdue when its due date is
 * before `asOf`), coaching follow-ups due on or before `asOf`, and resource requests still waiting; plus totals.
 *
 * @param state - The state of {@link coachingBacklogProjection}.
 * @param asOf - The day (`YYYY-MM-DD`).
 * @returns The backlog by person id, and the counts.
 * @throws {@link ValidationError} `invalid_calendar_date` for a bad day.
 * @example
 * ```ts
 * coachingBacklog(state, "2026-07-15").totals.overdueItems; // 1
 * ```
 */
export function coachingBacklog(
  state: CoachingBacklogState,
  asOf: string,
): {
  byOwner: Record<string, PersonBacklog>;
  totals: { openItems: number; overdueItems: number; followUpsDue: number; requestsWaiting: number };
} {
  if (!isCalendarDate(asOf)) {
    throw new ValidationError("coachingBacklog", [
      { code: "invalid_calendar_date", path: ["asOf"], message: "expected YYYY-MM-DD" },
    ]);
  }
  const byOwner: Record<string, PersonBacklog> = {};
  const of = (id: string) => (byOwner[id] ??= { openItems: [], overdue: [], followUpsDue: [], requestsWaiting: [] });
  const totals = { openItems: 0, overdueItems: 0, followUpsDue: 0, requestsWaiting: 0 };
  for (const [key, item] of Object.entries(state.items).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (item.status !== "open") continue;
    of(item.ownerId).openItems.push(key);
    totals.openItems += 1;
    if (compareCalendarDates(item.dueOn, asOf) < 0) {
      of(item.ownerId).overdue.push(key);
      totals.overdueItems += 1;
    }
  }
  for (const [noteId, f] of Object.entries(state.followUps).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (f.done || compareCalendarDates(f.followUpOn, asOf) > 0) continue;
    of(f.coachId).followUpsDue.push(noteId);
    totals.followUpsDue += 1;
  }
  for (const [requestId, r] of Object.entries(state.requests).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (r.status !== "open" && r.status !== "accepted") continue;
    of(r.requesterId).requestsWaiting.push(requestId);
    totals.requestsWaiting += 1;
  }
  return { byOwner, totals };
}
