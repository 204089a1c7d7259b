import { z } from "zod";
import { calendarDateSchema } from "../core/index.ts";
import { meetingKindSchema, resourceKindSchema } from "./events.ts";

const id = z.string().min(1).max(128);
const text = z.string().min(1).max(5000);
const line = z.string().min(1).max(500);

/**
 * The commands of a meeting series (one stream per series): create it, hold a meeting (open action items are
 * carried forward into it), and add, complete, cancel or reschedule action items.
 *
 * @example
 * ```ts
 * meetingSeriesCommand.parse({ type: "CompleteActionItem", data: { actionId: "a1", completedOn: "2026-07-09" } });
 * ```
 */
export const meetingSeriesCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("CreateMeetingSeries"),
    data: z.strictObject({
      seriesId: id,
      kind: meetingKindSchema,
      title: line,
      ownerId: id,
      teamId: id.optional(),
      attendees: z.array(id).min(1).max(500),
    }),
  }),
  z.strictObject({
    type: z.literal("HoldMeeting"),
    data: z.strictObject({
      meetingId: id,
      heldOn: calendarDateSchema,
      attendees: z.array(id).min(1).max(500),
      agenda: z.array(line).max(100),
      notes: text,
      decisions: z.array(line).max(100),
      developmentPlanIds: z.array(id).max(100).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal("AddActionItem"),
    data: z.strictObject({
      actionId: id,
      meetingId: id,
      ownerId: id,
      description: line,
      dueOn: calendarDateSchema,
    }),
  }),
  z.strictObject({
    type: z.literal("CompleteActionItem"),
    data: z.strictObject({ actionId: id, completedOn: calendarDateSchema, note: line.optional() }),
  }),
  z.strictObject({
    type: z.literal("CancelActionItem"),
    data: z.strictObject({ actionId: id, reason: line, cancelledOn: calendarDateSchema }),
  }),
  z.strictObject({
    type: z.literal("RescheduleActionItem"),
    data: z.strictObject({ actionId: id, dueOn: calendarDateSchema, ownerId: id.optional(), reason: line }),
  }),
]);

/**
 * A command of a meeting series.
 *
 * @example
 * ```ts
 * const c: MeetingSeriesCommand = { type: "CancelActionItem", data: { actionId: "a1", reason: "deal lost", cancelledOn: "2026-07-09" } };
 * ```
 */
export type MeetingSeriesCommand = z.infer<typeof meetingSeriesCommand>;

/**
 * The commands of a coaching note (one stream per note): record it, mark its follow-up done.
 *
 * @example
 * ```ts
 * coachingNoteCommand.parse({ type: "CompleteCoachingFollowUp", data: { doneOn: "2026-07-20" } });
 * ```
 */
export const coachingNoteCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("RecordCoachingNote"),
    data: z.strictObject({
      noteId: id,
      coachId: id,
      links: z.strictObject({ repId: id.optional(), kpiId: id.optional(), dealId: id.optional() }),
      note: text,
      followUpOn: calendarDateSchema.optional(),
    }),
  }),
  z.strictObject({
    type: z.literal("CompleteCoachingFollowUp"),
    data: z.strictObject({ doneOn: calendarDateSchema, note: line.optional() }),
  }),
]);

/**
 * A command of a coaching note.
 *
 * @example
 * ```ts
 * const c: CoachingNoteCommand = { type: "RecordCoachingNote", data: { noteId: "n1", coachId: "mgr-li", links: { dealId: "d-7" }, note: "Multi-thread" } };
 * ```
 */
export type CoachingNoteCommand = z.infer<typeof coachingNoteCommand>;

/**
 * The commands of a resource request (one stream per request): request help, accept it, resolve it with an outcome,
 * or withdraw it.
 *
 * @example
 * ```ts
 * resourceRequestCommand.parse({ type: "AcceptResourceRequest", data: { helperId: "rep-ana" } });
 * ```
 */
export const resourceRequestCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("RequestResource"),
    data: z.strictObject({
      requestId: id,
      requesterId: id,
      kind: resourceKindSchema,
      customerId: id.optional(),
      dealId: id.optional(),
      description: text,
      neededBy: calendarDateSchema.optional(),
    }),
  }),
  z.strictObject({ type: z.literal("AcceptResourceRequest"), data: z.strictObject({ helperId: id }) }),
  z.strictObject({
    type: z.literal("ResolveResourceRequest"),
    data: z.strictObject({ outcome: z.enum(["helped", "not_helped"]), note: text }),
  }),
  z.strictObject({ type: z.literal("WithdrawResourceRequest"), data: z.strictObject({ reason: line }) }),
]);

/**
 * A command of a resource request.
 *
 * @example
 * ```ts
 * const c: ResourceRequestCommand = { type: "ResolveResourceRequest", data: { outcome: "helped", note: "joint call" } };
 * ```
 */
export type ResourceRequestCommand = z.infer<typeof resourceRequestCommand>;
