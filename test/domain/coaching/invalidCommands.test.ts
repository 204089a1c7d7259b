import { describe, expect, it } from "vitest";
import {
  type CoachingNoteCommand,
  coachingEvents,
  coachingNoteCommand,
  coachingNoteDecider,
  type MeetingSeriesCommand,
  meetingSeriesCommand,
  meetingSeriesDecider,
  type ResourceRequestCommand,
  resourceRequestCommand,
  resourceRequestDecider,
} from "../../../src/coaching/index.ts";
import { createCommandHandler, createInMemoryEventStore, fixedClock } from "../../../src/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";

const cases: { schema: any; decider: any; valid: unknown[] }[] = [
  {
    schema: meetingSeriesCommand,
    decider: meetingSeriesDecider,
    valid: [
      {
        type: "CreateMeetingSeries",
        data: {
          seriesId: "s",
          kind: "one_on_one",
          title: "Ana",
          ownerId: "mgr-li",
          teamId: "t",
          attendees: ["mgr-li", "rep-ana"],
        },
      },
      {
        type: "HoldMeeting",
        data: {
          meetingId: "m1",
          heldOn: "2026-07-06",
          attendees: ["mgr-li"],
          agenda: ["a"],
          notes: "n",
          decisions: ["d"],
          developmentPlanIds: ["idp"],
        },
      },
      {
        type: "AddActionItem",
        data: { actionId: "a1", meetingId: "m1", ownerId: "rep-ana", description: "call", dueOn: "2026-07-10" },
      },
      { type: "CompleteActionItem", data: { actionId: "a1", completedOn: "2026-07-09", note: "done" } },
      { type: "CancelActionItem", data: { actionId: "a1", reason: "lost", cancelledOn: "2026-07-09" } },
      {
        type: "RescheduleActionItem",
        data: { actionId: "a1", dueOn: "2026-07-17", ownerId: "rep-bo", reason: "leave" },
      },
    ] satisfies MeetingSeriesCommand[],
  },
  {
    schema: coachingNoteCommand,
    decider: coachingNoteDecider,
    valid: [
      {
        type: "RecordCoachingNote",
        data: {
          noteId: "n1",
          coachId: "mgr-li",
          links: { repId: "rep-bo", kpiId: "win_rate", dealId: "d-7" },
          note: "x",
          followUpOn: "2026-07-20",
        },
      },
      { type: "CompleteCoachingFollowUp", data: { doneOn: "2026-07-20", note: "done" } },
    ] satisfies CoachingNoteCommand[],
  },
  {
    schema: resourceRequestCommand,
    decider: resourceRequestDecider,
    valid: [
      {
        type: "RequestResource",
        data: {
          requestId: "r1",
          requesterId: "rep-bo",
          kind: "pricing",
          customerId: "cu",
          dealId: "d",
          description: "help",
          neededBy: "2026-07-15",
        },
      },
      { type: "AcceptResourceRequest", data: { helperId: "rep-ana" } },
      { type: "ResolveResourceRequest", data: { outcome: "not_helped", note: "lost anyway" } },
      { type: "WithdrawResourceRequest", data: { reason: "quiet" } },
    ] satisfies ResourceRequestCommand[],
  },
];

describe("coaching commands reject bad input with a ValidationError and write nothing", () => {
  for (const { schema, decider, valid } of cases) {
    it(`${decider.name} covers every command type`, () => {
      expect(new Set(valid.map((c: any) => c.type))).toEqual(
        new Set(schema.options.map((o: any) => o.shape.type.value)),
      );
    });
    for (const command of valid) {
      it(`${decider.name} ${(command as { type: string }).type}`, async () => {
        const store = createInMemoryEventStore({ catalog: coachingEvents });
        const handler = createCommandHandler({
          store,
          decider,
          commands: schema,
          clock: fixedClock("2026-07-06T00:00:00.000Z"),
        });
        await assertRejectsInvalidCommands({
          schema,
          valid: [command],
          store,
          handle: (c) => handler.handle("s-1", c as never),
        });
      });
    }
  }
});
