import { describe, expect, it } from "vitest";
import { createFeedbackFreshnessProjection } from "../../../src/appraisals/index.ts";
import {
  type CoachingEvent,
  coachingBacklog,
  coachingBacklogProjection,
  teamHealth,
} from "../../../src/coaching/index.ts";
import { fold, money } from "../../../src/index.ts";
import { type TrainingRecordEvent, trainingComplianceProjection } from "../../../src/training/index.ts";
import { envelopes } from "../appraisals/envelopes.ts";

const NOW = "2026-07-06T09:00:00.000Z";
const events: CoachingEvent[] = [
  {
    type: "MeetingSeriesCreated",
    data: {
      seriesId: "weekly",
      kind: "weekly_team",
      title: "Weekly",
      ownerId: "mgr-li",
      teamId: "team-east",
      attendees: ["mgr-li", "rep-ana", "rep-bo"],
      createdAt: NOW,
    },
  },
  {
    type: "MeetingSeriesCreated",
    data: {
      seriesId: "1on1-ana",
      kind: "one_on_one",
      title: "Ana",
      ownerId: "mgr-li",
      attendees: ["mgr-li", "rep-ana"],
      createdAt: NOW,
    },
  },
  {
    type: "MeetingHeld",
    data: {
      seriesId: "weekly",
      meetingId: "w1",
      heldOn: "2026-07-06",
      attendees: ["mgr-li"],
      agenda: [],
      notes: "n",
      decisions: [],
      carriedForward: [],
      developmentPlanIds: [],
    },
  },
  {
    type: "ActionItemAdded",
    data: {
      seriesId: "weekly",
      actionId: "a1",
      meetingId: "w1",
      ownerId: "rep-ana",
      description: "d",
      dueOn: "2026-07-10",
    },
  },
  {
    type: "ActionItemAdded",
    data: {
      seriesId: "weekly",
      actionId: "a2",
      meetingId: "w1",
      ownerId: "rep-bo",
      description: "d",
      dueOn: "2026-07-08",
    },
  },
  {
    type: "ActionItemAdded",
    data: {
      seriesId: "weekly",
      actionId: "a3",
      meetingId: "w1",
      ownerId: "rep-bo",
      description: "d",
      dueOn: "2026-07-20",
    },
  },
  { type: "ActionItemCompleted", data: { seriesId: "weekly", actionId: "a1", completedOn: "2026-07-09" } },
  {
    type: "MeetingHeld",
    data: {
      seriesId: "weekly",
      meetingId: "w2",
      heldOn: "2026-07-13",
      attendees: ["mgr-li"],
      agenda: [],
      notes: "n",
      decisions: [],
      carriedForward: ["a2", "a3"],
      developmentPlanIds: [],
    },
  },
  {
    type: "MeetingHeld",
    data: {
      seriesId: "1on1-ana",
      meetingId: "o1",
      heldOn: "2026-07-14",
      attendees: ["mgr-li", "rep-ana"],
      agenda: [],
      notes: "n",
      decisions: [],
      carriedForward: [],
      developmentPlanIds: [],
    },
  },
  {
    type: "CoachingNoteRecorded",
    data: {
      noteId: "n1",
      coachId: "mgr-li",
      links: { dealId: "d-7" },
      note: "x",
      followUpOn: "2026-07-12",
      recordedAt: NOW,
    },
  },
  {
    type: "CoachingNoteRecorded",
    data: {
      noteId: "n2",
      coachId: "mgr-li",
      links: { repId: "rep-bo" },
      note: "x",
      followUpOn: "2026-07-30",
      recordedAt: NOW,
    },
  },
  {
    type: "ResourceRequested",
    data: { requestId: "r1", requesterId: "rep-bo", kind: "customer_help", description: "help", requestedAt: NOW },
  },
  {
    type: "ResourceRequested",
    data: { requestId: "r2", requesterId: "rep-bo", kind: "pricing", description: "help", requestedAt: NOW },
  },
  { type: "ResourceRequestAccepted", data: { requestId: "r2", helperId: "rep-ana", acceptedAt: NOW } },
  { type: "ResourceRequestResolved", data: { requestId: "r2", outcome: "helped", note: "ok", resolvedAt: NOW } },
];

describe("coaching backlog", () => {
  const state = fold(coachingBacklogProjection, envelopes(events));
  it("counts carry-forwards, open and overdue items, due follow-ups and waiting requests on a day", () => {
    expect(state.items["weekly/a2"]?.carriedForward).toBe(1);
    const b = coachingBacklog(state, "2026-07-15");
    expect(b.byOwner["rep-bo"]).toEqual({
      openItems: ["weekly/a2", "weekly/a3"],
      overdue: ["weekly/a2"],
      followUpsDue: [],
      requestsWaiting: ["r1"],
    });
    expect(b.byOwner["mgr-li"]).toEqual({ openItems: [], overdue: [], followUpsDue: ["n1"], requestsWaiting: [] });
    expect(b.totals).toEqual({ openItems: 2, overdueItems: 1, followUpsDue: 1, requestsWaiting: 1 });
    expect(coachingBacklog(state, "2026-07-08").totals.overdueItems).toBe(0);
    expect(() => coachingBacklog(state, "15/07/2026")).toThrow();
  });
});

describe("team health", () => {
  const training: TrainingRecordEvent[] = [
    {
      type: "TrainingAssigned",
      data: {
        repId: "rep-ana",
        assignmentId: "as-1",
        planId: "p",
        title: "P",
        courses: [{ courseId: "c", title: "C", topic: "sales_skills", moduleIds: ["m"] }],
        dueOn: "2026-07-31",
        assignedBy: "mgr-li",
        assignedAt: NOW,
      },
    },
    {
      type: "TrainingAssigned",
      data: {
        repId: "rep-bo",
        assignmentId: "as-1",
        planId: "p",
        title: "P",
        courses: [{ courseId: "c", title: "C", topic: "sales_skills", moduleIds: ["m"] }],
        dueOn: "2026-07-31",
        assignedBy: "mgr-li",
        assignedAt: NOW,
      },
    },
    {
      type: "TrainingAssignmentCompleted",
      data: { repId: "rep-ana", assignmentId: "as-1", completedOn: "2026-07-10" },
    },
  ];
  it("gathers activity, coverage, training, overdue items and feedback freshness per rep and for the team", () => {
    const activity = {
      byRep: {
        "rep-ana": {
          "2026-Q3": { interactions: 12, positive: 0, byChannel: {}, dealsOpened: 0, won: 0, lost: 0, wonAmount: {} },
        },
        "rep-bo": {
          "2026-Q3": { interactions: 5, positive: 0, byChannel: {}, dealsOpened: 0, won: 0, lost: 0, wonAmount: {} },
          "2026-Q2": { interactions: 40, positive: 0, byChannel: {}, dealsOpened: 0, won: 0, lost: 0, wonAmount: {} },
        },
      },
    };
    const pipeline = {
      deals: {},
      byStage: {},
      byCategory: {},
      byOwner: {
        "rep-ana": { USD: { count: 3, amount: 300_000, weighted: 0 } },
        "rep-bo": { USD: { count: 1, amount: 50_000, weighted: 0 } },
      },
    };
    const health = teamHealth({
      repIds: ["rep-bo", "rep-ana"],
      asOf: "2026-07-15",
      periodId: "2026-Q3",
      activity,
      pipeline,
      remainingTargets: { "rep-ana": money(100_000, "USD"), "rep-bo": money(100_000, "USD") },
      training: fold(trainingComplianceProjection, envelopes(training)),
      backlog: fold(coachingBacklogProjection, envelopes(events)),
      freshness: fold(createFeedbackFreshnessProjection({ timeZone: "UTC" }), envelopes(events)),
      maxFeedbackAgeDays: 7,
    });
    expect(health.reps).toEqual([
      {
        repId: "rep-ana",
        interactions: 12,
        pipelineCoverageBps: 30_000,
        trainingCompletionBps: 10_000,
        overdueActionItems: 0,
        lastFeedbackOn: "2026-07-14",
        feedbackStale: false,
        flags: [],
      },
      {
        repId: "rep-bo",
        interactions: 5,
        pipelineCoverageBps: 5000,
        trainingCompletionBps: 0,
        overdueActionItems: 1,
        lastFeedbackOn: "2026-07-06",
        feedbackStale: true,
        flags: ["low_coverage", "training_incomplete", "overdue_action_items", "stale_feedback"],
      },
    ]);
    // means over the reps: (30,000 + 5,000) / 2 and (10,000 + 0) / 2
    expect(health.team).toEqual({
      interactions: 17,
      meanPipelineCoverageBps: 17_500,
      meanTrainingCompletionBps: 5000,
      overdueActionItems: 1,
      staleFeedback: ["rep-bo"],
    });
  });
  it("leaves figures without a source null, and refuses an empty team", () => {
    const h = teamHealth({ repIds: ["rep-ana"], asOf: "2026-07-15", periodId: "2026-Q3" });
    expect(h.reps[0]).toMatchObject({ interactions: null, pipelineCoverageBps: null, feedbackStale: null, flags: [] });
    expect(h.team.interactions).toBeNull();
    expect(() => teamHealth({ repIds: [], asOf: "2026-07-15", periodId: "2026-Q3" })).toThrow();
  });
});
