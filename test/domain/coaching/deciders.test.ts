import { describe, it } from "vitest";
import {
  type CoachingNoteCommand,
  type CoachingNoteEvent,
  coachingNoteCommand,
  coachingNoteDecider,
  type MeetingSeriesCommand,
  type MeetingSeriesEvent,
  meetingSeriesCommand,
  meetingSeriesDecider,
  type ResourceRequestCommand,
  type ResourceRequestEvent,
  resourceRequestCommand,
  resourceRequestDecider,
} from "../../../src/coaching/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const NOW = "2026-07-06T09:00:00.000Z";
const cmd = <C>(type: string, data: Record<string, unknown> = {}) => ({ type, data }) as C;

describe("meeting series", () => {
  const spec = deciderSpec(meetingSeriesDecider, { commands: meetingSeriesCommand, now: NOW });
  const m = (type: string, data: Record<string, unknown> = {}) => cmd<MeetingSeriesCommand>(type, data);
  const create = {
    seriesId: "east-weekly",
    kind: "weekly_team",
    title: "East weekly",
    ownerId: "mgr-li",
    teamId: "team-east",
    attendees: ["mgr-li", "rep-ana", "rep-bo"],
  };
  const created: MeetingSeriesEvent = {
    type: "MeetingSeriesCreated",
    data: { ...create, kind: "weekly_team", createdAt: NOW },
  };
  const hold = {
    meetingId: "w28",
    heldOn: "2026-07-06",
    attendees: ["mgr-li", "rep-ana"],
    agenda: ["Pipeline"],
    notes: "Two deals slipped",
    decisions: ["Stand-ups"],
  };
  const held: MeetingSeriesEvent = {
    type: "MeetingHeld",
    data: { seriesId: "east-weekly", ...hold, carriedForward: [], developmentPlanIds: [] },
  };
  const item = {
    actionId: "a1",
    meetingId: "w28",
    ownerId: "rep-ana",
    description: "Call Globex CFO",
    dueOn: "2026-07-10",
  };
  const added: MeetingSeriesEvent = { type: "ActionItemAdded", data: { seriesId: "east-weekly", ...item } };
  const done: MeetingSeriesEvent = {
    type: "ActionItemCompleted",
    data: { seriesId: "east-weekly", actionId: "a1", completedOn: "2026-07-09" },
  };

  it("creates a series; series_already_created", () => {
    spec.given([]).when(m("CreateMeetingSeries", create)).then([created]);
    spec.given([created]).when(m("CreateMeetingSeries", create)).then("series_already_created");
  });
  it("series_attendees_invalid: owner absent, duplicates, a 1:1 of three", () => {
    spec
      .given([])
      .when(m("CreateMeetingSeries", { ...create, attendees: ["rep-ana", "rep-bo"] }))
      .then("series_attendees_invalid");
    spec
      .given([])
      .when(m("CreateMeetingSeries", { ...create, attendees: ["mgr-li", "mgr-li"] }))
      .then("series_attendees_invalid");
    spec
      .given([])
      .when(m("CreateMeetingSeries", { ...create, kind: "one_on_one" }))
      .then("series_attendees_invalid");
  });
  it("series_not_found", () => spec.given([]).when(m("HoldMeeting", hold)).then("series_not_found"));
  it("holds a meeting carrying forward every open item; meeting_already_held; meeting_out_of_order", () => {
    spec.given([created]).when(m("HoldMeeting", hold)).then([held]);
    const next = { ...hold, meetingId: "w29", heldOn: "2026-07-13", developmentPlanIds: ["idp-ana"] };
    spec
      .given([created, held, added])
      .when(m("HoldMeeting", next))
      .then([{ type: "MeetingHeld", data: { seriesId: "east-weekly", ...next, carriedForward: ["a1"] } }]);
    spec
      .given([created, held, added, done])
      .when(m("HoldMeeting", next))
      .then([{ type: "MeetingHeld", data: { seriesId: "east-weekly", ...next, carriedForward: [] } }]);
    spec.given([created, held]).when(m("HoldMeeting", hold)).then("meeting_already_held");
    spec
      .given([created, held])
      .when(m("HoldMeeting", { ...hold, meetingId: "w27", heldOn: "2026-06-29" }))
      .then("meeting_out_of_order");
  });
  it("adds an action item in a held meeting; action_item_exists; meeting_unknown", () => {
    spec.given([created, held]).when(m("AddActionItem", item)).then([added]);
    spec.given([created, held, added]).when(m("AddActionItem", item)).then("action_item_exists");
    spec.given([created]).when(m("AddActionItem", item)).then("meeting_unknown");
  });
  it("completes, cancels and reschedules open items; action_item_unknown; action_item_closed", () => {
    spec
      .given([created, held, added])
      .when(m("CompleteActionItem", { actionId: "a1", completedOn: "2026-07-09" }))
      .then([done]);
    spec
      .given([created, held, added])
      .when(m("CancelActionItem", { actionId: "a1", reason: "deal lost", cancelledOn: "2026-07-08" }))
      .then([
        {
          type: "ActionItemCancelled",
          data: { seriesId: "east-weekly", actionId: "a1", reason: "deal lost", cancelledOn: "2026-07-08" },
        },
      ]);
    spec
      .given([created, held, added])
      .when(m("RescheduleActionItem", { actionId: "a1", dueOn: "2026-07-17", reason: "CFO away" }))
      .then([
        {
          type: "ActionItemRescheduled",
          data: {
            seriesId: "east-weekly",
            actionId: "a1",
            dueOn: "2026-07-17",
            ownerId: "rep-ana",
            reason: "CFO away",
          },
        },
      ]);
    spec
      .given([created, held])
      .when(m("CompleteActionItem", { actionId: "a1", completedOn: "2026-07-09" }))
      .then("action_item_unknown");
    spec
      .given([created, held, added, done])
      .when(m("CancelActionItem", { actionId: "a1", reason: "x", cancelledOn: "2026-07-09" }))
      .then("action_item_closed");
    spec
      .given([created, held, added, done])
      .when(m("RescheduleActionItem", { actionId: "a1", dueOn: "2026-07-17", reason: "x" }))
      .then("action_item_closed");
  });
});

describe("coaching note", () => {
  const spec = deciderSpec(coachingNoteDecider, { commands: coachingNoteCommand, now: NOW });
  const c = (type: string, data: Record<string, unknown>) => cmd<CoachingNoteCommand>(type, data);
  const note = {
    noteId: "n1",
    coachId: "mgr-li",
    links: { repId: "rep-bo", kpiId: "win_rate", dealId: "d-7" },
    note: "Qualify budget earlier",
    followUpOn: "2026-07-20",
  };
  const recorded: CoachingNoteEvent = { type: "CoachingNoteRecorded", data: { ...note, recordedAt: NOW } };
  const followed: CoachingNoteEvent = { type: "CoachingFollowUpDone", data: { noteId: "n1", doneOn: "2026-07-20" } };
  it("records a note linked to a rep, a KPI and a deal", () =>
    spec.given([]).when(c("RecordCoachingNote", note)).then([recorded]));
  it("note_already_recorded", () =>
    spec.given([recorded]).when(c("RecordCoachingNote", note)).then("note_already_recorded"));
  it("note_link_required", () =>
    spec
      .given([])
      .when(c("RecordCoachingNote", { ...note, links: {} }))
      .then("note_link_required"));
  it("note_not_found", () =>
    spec
      .given([])
      .when(c("CompleteCoachingFollowUp", { doneOn: "2026-07-20" }))
      .then("note_not_found"));
  it("completes a follow-up once: no_follow_up, follow_up_already_done", () => {
    spec
      .given([recorded])
      .when(c("CompleteCoachingFollowUp", { doneOn: "2026-07-20" }))
      .then([followed]);
    const { followUpOn: _f, ...plain } = note;
    spec
      .given([{ type: "CoachingNoteRecorded", data: { ...plain, recordedAt: NOW } }])
      .when(c("CompleteCoachingFollowUp", { doneOn: "2026-07-20" }))
      .then("no_follow_up");
    spec
      .given([recorded, followed])
      .when(c("CompleteCoachingFollowUp", { doneOn: "2026-07-21" }))
      .then("follow_up_already_done");
  });
});

describe("resource request", () => {
  const spec = deciderSpec(resourceRequestDecider, { commands: resourceRequestCommand, now: NOW });
  const c = (type: string, data: Record<string, unknown>) => cmd<ResourceRequestCommand>(type, data);
  const request = {
    requestId: "r1",
    requesterId: "rep-bo",
    kind: "customer_help",
    customerId: "cu-9",
    description: "Procurement reopens terms",
    neededBy: "2026-07-15",
  };
  const requested: ResourceRequestEvent = {
    type: "ResourceRequested",
    data: { ...request, kind: "customer_help", requestedAt: NOW },
  };
  const accepted: ResourceRequestEvent = {
    type: "ResourceRequestAccepted",
    data: { requestId: "r1", helperId: "rep-ana", acceptedAt: NOW },
  };
  const resolved: ResourceRequestEvent = {
    type: "ResourceRequestResolved",
    data: { requestId: "r1", outcome: "helped", note: "joint call", resolvedAt: NOW },
  };
  it("requests help; request_already_made", () => {
    spec.given([]).when(c("RequestResource", request)).then([requested]);
    spec.given([requested]).when(c("RequestResource", request)).then("request_already_made");
  });
  it("request_not_found", () =>
    spec
      .given([])
      .when(c("AcceptResourceRequest", { helperId: "rep-ana" }))
      .then("request_not_found"));
  it("accepts by a teammate: helper_is_requester, request_already_accepted", () => {
    spec
      .given([requested])
      .when(c("AcceptResourceRequest", { helperId: "rep-ana" }))
      .then([accepted]);
    spec
      .given([requested])
      .when(c("AcceptResourceRequest", { helperId: "rep-bo" }))
      .then("helper_is_requester");
    spec
      .given([requested, accepted])
      .when(c("AcceptResourceRequest", { helperId: "rep-cy" }))
      .then("request_already_accepted");
  });
  it("resolves with an outcome once accepted: request_not_accepted", () => {
    spec
      .given([requested, accepted])
      .when(c("ResolveResourceRequest", { outcome: "helped", note: "joint call" }))
      .then([resolved]);
    spec
      .given([requested])
      .when(c("ResolveResourceRequest", { outcome: "helped", note: "x" }))
      .then("request_not_accepted");
  });
  it("withdraws an open request; request_closed after the outcome", () => {
    spec
      .given([requested])
      .when(c("WithdrawResourceRequest", { reason: "customer went quiet" }))
      .then([
        {
          type: "ResourceRequestWithdrawn",
          data: { requestId: "r1", reason: "customer went quiet", withdrawnAt: NOW },
        },
      ]);
    spec
      .given([requested, accepted, resolved])
      .when(c("WithdrawResourceRequest", { reason: "x" }))
      .then("request_closed");
  });
});
