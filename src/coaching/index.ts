// The coaching area (source article §2, §10): meetings (weekly team meeting, monthly review, 1:1s) with agendas, notes and
// decisions; action items that carry forward until done or cancelled; coaching notes; resource requests between reps;
// the coaching backlog and team health.
export { type CoachingNoteState, coachingNoteDecider, coachingNoteStreamId } from "./coachingNoteDecider.ts";
export {
  type CoachingNoteCommand,
  coachingNoteCommand,
  type MeetingSeriesCommand,
  meetingSeriesCommand,
  type ResourceRequestCommand,
  resourceRequestCommand,
} from "./commands.ts";
export {
  ActionItemAdded,
  ActionItemCancelled,
  ActionItemCompleted,
  ActionItemRescheduled,
  type CoachingEvent,
  CoachingFollowUpDone,
  type CoachingNoteEvent,
  CoachingNoteRecorded,
  coachingEvents,
  MeetingHeld,
  type MeetingKind,
  MeetingSeriesCreated,
  type MeetingSeriesEvent,
  meetingKindSchema,
  ResourceRequestAccepted,
  type ResourceRequestEvent,
  ResourceRequestResolved,
  ResourceRequested,
  ResourceRequestWithdrawn,
  resourceKindSchema,
} from "./events.ts";
export {
  type ActionItemState,
  type MeetingSeriesState,
  meetingSeriesDecider,
  meetingSeriesStreamId,
  openActionItems,
} from "./meetingSeriesDecider.ts";
export {
  type BacklogItem,
  type CoachingBacklogState,
  coachingBacklog,
  coachingBacklogProjection,
  type PersonBacklog,
} from "./projections/coachingBacklog.ts";
export {
  type ResourceRequestState,
  resourceRequestDecider,
  resourceRequestStreamId,
} from "./resourceRequestDecider.ts";
export { type CoachingRule, coachingRules, requireCoachingRule } from "./rules.ts";
export { type RepHealth, type TeamHealthInputs, teamHealth } from "./views/teamHealth.ts";
