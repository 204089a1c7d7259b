import { z } from "zod";
import { calendarDateSchema, createEventCatalog, defineEvent, type EventOf, instantSchema } from "../core/index.ts";

const id = z.string().min(1).max(128);
const text = z.string().min(1).max(5000);
const line = z.string().min(1).max(500);

/**
 * The kinds of meeting series: the `weekly_team` meeting, the `monthly_review` and `one_on_one`s (source article §2.1).
 *
 * @example
 * ```ts
 * meetingKindSchema.parse("one_on_one");
 * ```
 */
export const meetingKindSchema = z.enum(["weekly_team", "monthly_review", "one_on_one"]);

/**
 * A kind of meeting series.
 *
 * @example
 * ```ts
 * const k: MeetingKind = "weekly_team";
 * ```
 */
export type MeetingKind = z.infer<typeof meetingKindSchema>;

/**
 * What a resource request asks for: help with a difficult customer, product expertise, pricing, technical support.
 *
 * @example
 * ```ts
 * resourceKindSchema.parse("customer_help");
 * ```
 */
export const resourceKindSchema = z.enum(["customer_help", "product_expertise", "pricing", "technical", "other"]);

/**
 * A meeting series was created: its kind, title, owner, team and regular attendees (a 1:1 has exactly two).
 *
 * @example
 * ```ts
 * const e = { type: "MeetingSeriesCreated", data: { seriesId: "east-weekly", kind: "weekly_team", title: "East weekly", ownerId: "mgr-li",
 *   teamId: "team-east", attendees: ["mgr-li", "rep-ana", "rep-bo"], createdAt: "2026-07-01T09:00:00.000Z" } };
 * ```
 */
export const MeetingSeriesCreated = /* @__PURE__ */ defineEvent(
  "MeetingSeriesCreated",
  z.strictObject({
    seriesId: id,
    kind: meetingKindSchema,
    title: line,
    ownerId: id,
    teamId: id.optional(),
    attendees: z.array(id).min(1).max(500),
    createdAt: instantSchema,
  }),
);

/**
 * A meeting of the series was held: who attended, the agenda, notes and decisions, the open action items carried
 * forward into it (every item not yet completed or cancelled), and the development plans reviewed (1:1s).
 *
 * @example
 * ```ts
 * const e = { type: "MeetingHeld", data: { seriesId: "east-weekly", meetingId: "w28", heldOn: "2026-07-06", attendees: ["mgr-li", "rep-ana"],
 *   agenda: ["Pipeline review"], notes: "Two deals slipped", decisions: ["Daily stand-up until month end"], carriedForward: ["a1"], developmentPlanIds: [] } };
 * ```
 */
export const MeetingHeld = /* @__PURE__ */ defineEvent(
  "MeetingHeld",
  z.strictObject({
    seriesId: id,
    meetingId: id,
    heldOn: calendarDateSchema,
    attendees: z.array(id).min(1).max(500),
    agenda: z.array(line).max(100),
    notes: text,
    decisions: z.array(line).max(100),
    carriedForward: z.array(id).max(10_000),
    developmentPlanIds: z.array(id).max(100),
  }),
);

/**
 * An action item was raised in a meeting: owner, due date and what to do.
 *
 * @example
 * ```ts
 * const e = { type: "ActionItemAdded", data: { seriesId: "east-weekly", actionId: "a1", meetingId: "w28", ownerId: "rep-ana", description: "Call Globex CFO", dueOn: "2026-07-10" } };
 * ```
 */
export const ActionItemAdded = /* @__PURE__ */ defineEvent(
  "ActionItemAdded",
  z.strictObject({
    seriesId: id,
    actionId: id,
    meetingId: id,
    ownerId: id,
    description: line,
    dueOn: calendarDateSchema,
  }),
);

/**
 * An action item was done.
 *
 * @example
 * ```ts
 * const e = { type: "ActionItemCompleted", data: { seriesId: "east-weekly", actionId: "a1", completedOn: "2026-07-09" } };
 * ```
 */
export const ActionItemCompleted = /* @__PURE__ */ defineEvent(
  "ActionItemCompleted",
  z.strictObject({ seriesId: id, actionId: id, completedOn: calendarDateSchema, note: line.optional() }),
);

/**
 * An action item was cancelled, with the reason.
 *
 * @example
 * ```ts
 * const e = { type: "ActionItemCancelled", data: { seriesId: "east-weekly", actionId: "a1", reason: "deal lost", cancelledOn: "2026-07-09" } };
 * ```
 */
export const ActionItemCancelled = /* @__PURE__ */ defineEvent(
  "ActionItemCancelled",
  z.strictObject({ seriesId: id, actionId: id, reason: line, cancelledOn: calendarDateSchema }),
);

/**
 * An open action item got a new due date (and optionally a new owner), with the reason.
 *
 * @example
 * ```ts
 * const e = { type: "ActionItemRescheduled", data: { seriesId: "east-weekly", actionId: "a1", dueOn: "2026-07-17", ownerId: "rep-bo", reason: "Ana on leave" } };
 * ```
 */
export const ActionItemRescheduled = /* @__PURE__ */ defineEvent(
  "ActionItemRescheduled",
  z.strictObject({ seriesId: id, actionId: id, dueOn: calendarDateSchema, ownerId: id, reason: line }),
);

/**
 * A coaching note was recorded by a coach, linked to a rep, a KPI and/or a deal, with an optional follow-up date.
 *
 * @example
 * ```ts
 * const e = { type: "CoachingNoteRecorded", data: { noteId: "n1", coachId: "mgr-li", links: { repId: "rep-bo", kpiId: "win_rate" },
 *   note: "Qualify budget earlier", followUpOn: "2026-07-20", recordedAt: "2026-07-06T10:00:00.000Z" } };
 * ```
 */
export const CoachingNoteRecorded = /* @__PURE__ */ defineEvent(
  "CoachingNoteRecorded",
  z.strictObject({
    noteId: id,
    coachId: id,
    links: z.strictObject({ repId: id.optional(), kpiId: id.optional(), dealId: id.optional() }),
    note: text,
    followUpOn: calendarDateSchema.optional(),
    recordedAt: instantSchema,
  }),
);

/**
 * A coaching note's follow-up was done.
 *
 * @example
 * ```ts
 * const e = { type: "CoachingFollowUpDone", data: { noteId: "n1", doneOn: "2026-07-20", note: "Budget now asked in call 1" } };
 * ```
 */
export const CoachingFollowUpDone = /* @__PURE__ */ defineEvent(
  "CoachingFollowUpDone",
  z.strictObject({ noteId: id, doneOn: calendarDateSchema, note: line.optional() }),
);

/**
 * A rep asked the team for help (source article §2.2): what kind, about which customer or deal, by when.
 *
 * @example
 * ```ts
 * const e = { type: "ResourceRequested", data: { requestId: "r1", requesterId: "rep-bo", kind: "customer_help", customerId: "cu-9",
 *   description: "Procurement keeps reopening terms", neededBy: "2026-07-15", requestedAt: "2026-07-06T10:00:00.000Z" } };
 * ```
 */
export const ResourceRequested = /* @__PURE__ */ defineEvent(
  "ResourceRequested",
  z.strictObject({
    requestId: id,
    requesterId: id,
    kind: resourceKindSchema,
    customerId: id.optional(),
    dealId: id.optional(),
    description: text,
    neededBy: calendarDateSchema.optional(),
    requestedAt: instantSchema,
  }),
);

/**
 * A teammate took the request on.
 *
 * @example
 * ```ts
 * const e = { type: "ResourceRequestAccepted", data: { requestId: "r1", helperId: "rep-ana", acceptedAt: "2026-07-06T11:00:00.000Z" } };
 * ```
 */
export const ResourceRequestAccepted = /* @__PURE__ */ defineEvent(
  "ResourceRequestAccepted",
  z.strictObject({ requestId: id, helperId: id, acceptedAt: instantSchema }),
);

/**
 * The request ended with an outcome: `helped` or `not_helped`, and a note (what was learned).
 *
 * @example
 * ```ts
 * const e = { type: "ResourceRequestResolved", data: { requestId: "r1", outcome: "helped", note: "Joint call; terms signed", resolvedAt: "2026-07-09T16:00:00.000Z" } };
 * ```
 */
export const ResourceRequestResolved = /* @__PURE__ */ defineEvent(
  "ResourceRequestResolved",
  z.strictObject({
    requestId: id,
    outcome: z.enum(["helped", "not_helped"]),
    note: text,
    resolvedAt: instantSchema,
  }),
);

/**
 * The requester withdrew the request.
 *
 * @example
 * ```ts
 * const e = { type: "ResourceRequestWithdrawn", data: { requestId: "r1", reason: "customer went quiet", withdrawnAt: "2026-07-08T09:00:00.000Z" } };
 * ```
 */
export const ResourceRequestWithdrawn = /* @__PURE__ */ defineEvent(
  "ResourceRequestWithdrawn",
  z.strictObject({ requestId: id, reason: line, withdrawnAt: instantSchema }),
);

/**
 * An event of a meeting series stream.
 *
 * @example
 * ```ts
 * const e: MeetingSeriesEvent = { type: "ActionItemCompleted", data: { seriesId: "s", actionId: "a1", completedOn: "2026-07-09" } };
 * ```
 */
export type MeetingSeriesEvent =
  | EventOf<typeof MeetingSeriesCreated>
  | EventOf<typeof MeetingHeld>
  | EventOf<typeof ActionItemAdded>
  | EventOf<typeof ActionItemCompleted>
  | EventOf<typeof ActionItemCancelled>
  | EventOf<typeof ActionItemRescheduled>;

/**
 * An event of a coaching note stream.
 *
 * @example
 * ```ts
 * const e: CoachingNoteEvent = { type: "CoachingFollowUpDone", data: { noteId: "n1", doneOn: "2026-07-20" } };
 * ```
 */
export type CoachingNoteEvent = EventOf<typeof CoachingNoteRecorded> | EventOf<typeof CoachingFollowUpDone>;

/**
 * An event of a resource request stream.
 *
 * @example
 * ```ts
 * const e: ResourceRequestEvent = { type: "ResourceRequestAccepted", data: { requestId: "r1", helperId: "rep-ana", acceptedAt: "2026-07-06T11:00:00.000Z" } };
 * ```
 */
export type ResourceRequestEvent =
  | EventOf<typeof ResourceRequested>
  | EventOf<typeof ResourceRequestAccepted>
  | EventOf<typeof ResourceRequestResolved>
  | EventOf<typeof ResourceRequestWithdrawn>;

/**
 * An event of the coaching area.
 *
 * @example
 * ```ts
 * const e: CoachingEvent = { type: "CoachingFollowUpDone", data: { noteId: "n1", doneOn: "2026-07-20" } };
 * ```
 */
export type CoachingEvent = MeetingSeriesEvent | CoachingNoteEvent | ResourceRequestEvent;

/**
 * Every event of the coaching area: meetings and action items, coaching notes, resource requests.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: coachingEvents });
 * ```
 */
export const coachingEvents = /* @__PURE__ */ createEventCatalog([
  MeetingSeriesCreated,
  MeetingHeld,
  ActionItemAdded,
  ActionItemCompleted,
  ActionItemCancelled,
  ActionItemRescheduled,
  CoachingNoteRecorded,
  CoachingFollowUpDone,
  ResourceRequested,
  ResourceRequestAccepted,
  ResourceRequestResolved,
  ResourceRequestWithdrawn,
]);
