import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coachingBacklog,
  coachingBacklogProjection,
  type MeetingSeriesCommand,
  type MeetingSeriesEvent,
  meetingSeriesCommand,
  meetingSeriesDecider,
  openActionItems,
} from "../../../src/coaching/index.ts";
import { addCalendarDays, fold, isDomainRuleError, sequentialIds } from "../../../src/index.ts";
import { envelopes } from "../appraisals/envelopes.ts";

const step = fc.oneof(
  fc.record({ kind: fc.constant("hold" as const), gap: fc.integer({ min: 0, max: 14 }) }),
  fc.record({
    kind: fc.constant("add" as const),
    owner: fc.constantFrom("rep-ana", "rep-bo"),
    due: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({ kind: fc.constantFrom("complete" as const, "cancel" as const, "reschedule" as const), pick: fc.nat() }),
);

describe("action items", () => {
  it("never vanish until completed or cancelled, and every meeting carries all open items forward", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const created: MeetingSeriesEvent = {
          type: "MeetingSeriesCreated",
          data: {
            seriesId: "s",
            kind: "weekly_team",
            title: "Weekly",
            ownerId: "mgr",
            attendees: ["mgr"],
            createdAt: "2026-07-01T00:00:00.000Z",
          },
        };
        const history: MeetingSeriesEvent[] = [created];
        let state = meetingSeriesDecider.evolve(meetingSeriesDecider.initialState(), created);
        const model: string[] = [];
        let day = "2026-07-01";
        let meetings = 0;
        let items = 0;
        const run = (command: MeetingSeriesCommand) => {
          try {
            const out = meetingSeriesDecider.decide(meetingSeriesCommand.parse(command), state, {
              now: "2026-07-01T00:00:00.000Z",
              actor: "t",
              newId: sequentialIds("x"),
            });
            for (const e of Array.isArray(out) ? out : [out]) {
              history.push(e);
              state = meetingSeriesDecider.evolve(state, e);
            }
            return Array.isArray(out) ? out : [out];
          } catch (e) {
            expect(isDomainRuleError(e)).toBe(true);
            return [];
          }
        };
        for (const s of steps) {
          if (s.kind === "hold") {
            day = addCalendarDays(day, s.gap);
            const [held] = run({
              type: "HoldMeeting",
              data: {
                meetingId: `m${++meetings}`,
                heldOn: day,
                attendees: ["mgr"],
                agenda: [],
                notes: "n",
                decisions: [],
              },
            });
            expect(held?.type === "MeetingHeld" && held.data.carriedForward).toEqual([...model]);
          } else if (s.kind === "add") {
            if (meetings === 0) continue;
            const id = `a${++items}`;
            const out = run({
              type: "AddActionItem",
              data: {
                actionId: id,
                meetingId: `m${meetings}`,
                ownerId: s.owner,
                description: "d",
                dueOn: addCalendarDays(day, s.due),
              },
            });
            if (out.length > 0) model.push(id);
          } else {
            if (items === 0) continue;
            const id = `a${(s.pick % items) + 1}`;
            const wasOpen = model.includes(id);
            const command: MeetingSeriesCommand =
              s.kind === "complete"
                ? { type: "CompleteActionItem", data: { actionId: id, completedOn: day } }
                : s.kind === "cancel"
                  ? { type: "CancelActionItem", data: { actionId: id, reason: "r", cancelledOn: day } }
                  : {
                      type: "RescheduleActionItem",
                      data: { actionId: id, dueOn: addCalendarDays(day, 7), reason: "r" },
                    };
            const out = run(command);
            expect(out.length > 0).toBe(wasOpen);
            if (out.length > 0 && s.kind !== "reschedule") model.splice(model.indexOf(id), 1);
          }
          expect(openActionItems(state)).toEqual(model);
        }
        const backlog = coachingBacklog(fold(coachingBacklogProjection, envelopes(history)), "2026-01-01");
        expect(backlog.totals.openItems).toBe(model.length);
        const closedIds = new Set(
          history.flatMap((e) =>
            e.type === "ActionItemCompleted" || e.type === "ActionItemCancelled" ? [e.data.actionId] : [],
          ),
        );
        const addedIds = history.flatMap((e) => (e.type === "ActionItemAdded" ? [e.data.actionId] : []));
        expect(addedIds.filter((id) => !closedIds.has(id))).toEqual(model);
      }),
    );
  });
});
