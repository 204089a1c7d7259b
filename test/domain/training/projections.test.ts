import { describe, expect, it } from "vitest";
import type { Scorecard } from "../../../src/appraisals/index.ts";
import type { CoachingEvent } from "../../../src/coaching/index.ts";
import { fold } from "../../../src/index.ts";
import {
  assignmentCommands,
  type DevelopmentPlanEvent,
  developmentGapsFromScorecard,
  developmentPlanProgress,
  developmentPlanProgressProjection,
  type TrainingCatalogEvent,
  type TrainingRecordEvent,
  trainingCatalogDecider,
  trainingCompletionBps,
  trainingCompliance,
  trainingComplianceProjection,
} from "../../../src/training/index.ts";
import { envelopes } from "../appraisals/envelopes.ts";

const NOW = "2026-07-01T09:00:00.000Z";
const course = (courseId: string, moduleIds: string[]) => ({
  courseId,
  title: courseId,
  topic: "sales_skills" as const,
  moduleIds,
});
const assigned = (repId: string, assignmentId: string, dueOn: string): TrainingRecordEvent => ({
  type: "TrainingAssigned",
  data: {
    repId,
    assignmentId,
    planId: "p",
    title: "P",
    courses: [course("c", ["m1", "m2"])],
    dueOn,
    assignedBy: "mgr",
    assignedAt: NOW,
  },
});

describe("training compliance", () => {
  const events: TrainingRecordEvent[] = [
    assigned("rep-ana", "as-1", "2026-07-31"),
    assigned("rep-ana", "as-2", "2026-07-10"),
    assigned("rep-ana", "as-3", "2026-07-10"),
    {
      type: "TrainingAssignmentWithdrawn",
      data: { repId: "rep-ana", assignmentId: "as-3", reason: "x", withdrawnAt: NOW },
    },
    {
      type: "ModuleCompleted",
      data: { repId: "rep-ana", assignmentId: "as-1", courseId: "c", moduleId: "m1", completedOn: "2026-07-05" },
    },
    {
      type: "TrainingAssignmentCompleted",
      data: { repId: "rep-ana", assignmentId: "as-1", completedOn: "2026-07-06" },
    },
    {
      type: "CertificationEarned",
      data: {
        repId: "rep-ana",
        certificationId: "soon",
        name: "S",
        earnedOn: "2025-08-01",
        expiresOn: "2026-08-01",
        source: { kind: "external", issuer: "X" },
      },
    },
    {
      type: "CertificationEarned",
      data: {
        repId: "rep-ana",
        certificationId: "gone",
        name: "G",
        earnedOn: "2025-07-15",
        expiresOn: "2026-07-15",
        source: { kind: "external", issuer: "X" },
      },
    },
    {
      type: "CertificationEarned",
      data: {
        repId: "rep-ana",
        certificationId: "later",
        name: "L",
        earnedOn: "2026-01-01",
        expiresOn: "2027-01-01",
        source: { kind: "external", issuer: "X" },
      },
    },
    {
      type: "CertificationEarned",
      data: {
        repId: "rep-ana",
        certificationId: "forever",
        name: "F",
        earnedOn: "2026-01-01",
        source: { kind: "external", issuer: "X" },
      },
    },
    {
      type: "SkillAssessed",
      data: { repId: "rep-bo", skillId: "demo", level: 4, assessedBy: "mgr", assessedOn: "2026-07-02" },
    },
  ];
  const state = fold(trainingComplianceProjection, envelopes(events));
  it("computes completion over live assignments, overdue ones and certification expiry on a day", () => {
    // one completed of two live (as-3 withdrawn): 5000 bps
    expect(trainingCompletionBps(state, "rep-ana")).toBe(5000);
    expect(trainingCompletionBps(state, "rep-bo")).toBeNull();
    const c = trainingCompliance(state, "2026-07-15", { expiringWithinDays: 30 });
    expect(c.byRep["rep-ana"]).toEqual({
      assignments: 2,
      completed: 1,
      completionBps: 5000,
      overdue: ["as-2"],
      expired: ["gone"],
      expiringSoon: ["soon"],
    });
    expect(trainingCompliance(state, "2026-07-14").byRep["rep-ana"]?.expiringSoon).toEqual(["gone", "soon"]);
    expect(trainingCompliance(state, "2026-07-14", { expiringWithinDays: 10 }).byRep["rep-ana"]?.expiringSoon).toEqual([
      "gone",
    ]);
    expect(state.reps["rep-bo"]?.skills.demo).toEqual({ level: 4, assessedOn: "2026-07-02" });
    expect(state.reps["rep-ana"]?.assignments["as-2"]?.courses.c).toEqual({
      total: 2,
      done: 0,
      passed: false,
      scoreBps: null,
    });
    expect(() => trainingCompliance(state, "2026-07-15", { expiringWithinDays: -1 })).toThrow();
  });
});

describe("assignments from the catalog", () => {
  const catalogEvents: TrainingCatalogEvent[] = [
    {
      type: "CourseDefined",
      data: {
        catalogId: "acme",
        courseId: "c",
        title: "C",
        topic: "market_analysis",
        modules: [{ moduleId: "m1", title: "M", minutes: 20 }],
        passingScoreBps: 7000,
        definedAt: NOW,
      },
    },
    {
      type: "TrainingPlanDefined",
      data: { catalogId: "acme", planId: "p", title: "Market basics", courseIds: ["c"], definedAt: NOW },
    },
  ];
  const catalog = catalogEvents.reduce(trainingCatalogDecider.evolve, trainingCatalogDecider.initialState());
  it("builds one AssignTraining per team member, with the plan's courses as of now", () => {
    const out = assignmentCommands(catalog, {
      planId: "p",
      repIds: ["rep-ana", "rep-bo"],
      teamId: "team-east",
      dueOn: "2026-07-31",
      assignedBy: "mgr",
      assignmentId: "mb-1",
    });
    expect(out.map((o) => o.streamId)).toEqual(["training-record-rep-ana", "training-record-rep-bo"]);
    expect(out[1]!.command.data).toEqual({
      repId: "rep-bo",
      assignmentId: "mb-1",
      planId: "p",
      title: "Market basics",
      teamId: "team-east",
      courses: [{ courseId: "c", title: "C", topic: "market_analysis", moduleIds: ["m1"], passingScoreBps: 7000 }],
      dueOn: "2026-07-31",
      assignedBy: "mgr",
    });
    expect(() =>
      assignmentCommands(catalog, {
        planId: "x",
        repIds: [],
        dueOn: "2026-07-31",
        assignedBy: "mgr",
        assignmentId: "a",
      }),
    ).toThrow();
  });
});

describe("development plans", () => {
  it("derives gaps from a scorecard: present KPIs below the target, lowest first", () => {
    const card: Scorecard = {
      method: "weighted",
      scoreMilli: 3000,
      missingKpiIds: ["nps"],
      explanation: "",
      components: [
        {
          kpiId: "quota",
          name: "Quota",
          source: { kind: "computed", metric: "goal_attainment" },
          weightBps: 5000,
          status: "present",
          normalizedMilli: 3400,
          explanation: "",
        },
        {
          kpiId: "win",
          name: "Win rate",
          source: { kind: "computed", metric: "win_rate" },
          weightBps: 3000,
          status: "present",
          normalizedMilli: 2200,
          explanation: "",
        },
        {
          kpiId: "team",
          name: "Team",
          source: { kind: "manual", ratedBy: "peers" },
          weightBps: 1000,
          status: "present",
          normalizedMilli: 4000,
          explanation: "",
        },
        {
          kpiId: "nps",
          name: "NPS",
          source: { kind: "computed", metric: "nps" },
          weightBps: 1000,
          status: "missing",
          explanation: "",
        },
      ],
    };
    expect(developmentGapsFromScorecard(card, { cycleId: "q3", targetMilli: 3500 })).toEqual([
      {
        gapId: "gap-win",
        description: "Win rate: 2.2 < 3.5",
        kpiId: "win",
        cycleId: "q3",
        currentMilli: 2200,
        targetMilli: 3500,
      },
      {
        gapId: "gap-quota",
        description: "Quota: 3.4 < 3.5",
        kpiId: "quota",
        cycleId: "q3",
        currentMilli: 3400,
        targetMilli: 3500,
      },
    ]);
  });
  it("tracks progress and reviews held in 1:1s", () => {
    const events: (DevelopmentPlanEvent | CoachingEvent)[] = [
      {
        type: "MeetingSeriesCreated",
        data: {
          seriesId: "1on1",
          kind: "one_on_one",
          title: "Ana",
          ownerId: "mgr",
          attendees: ["mgr", "rep-ana"],
          createdAt: NOW,
        },
      },
      {
        type: "MeetingSeriesCreated",
        data: {
          seriesId: "weekly",
          kind: "weekly_team",
          title: "W",
          ownerId: "mgr",
          attendees: ["mgr"],
          createdAt: NOW,
        },
      },
      {
        type: "DevelopmentPlanCreated",
        data: {
          planId: "idp",
          repId: "rep-ana",
          managerId: "mgr",
          careerGoal: "lead",
          gaps: [],
          objectives: [
            { objectiveId: "o1", description: "a", dueOn: "2026-08-01" },
            { objectiveId: "o2", description: "b", dueOn: "2026-09-01" },
            { objectiveId: "o3", description: "c", dueOn: "2026-12-01" },
          ],
          createdAt: NOW,
        },
      },
      { type: "DevelopmentObjectiveCompleted", data: { planId: "idp", objectiveId: "o2", completedOn: "2026-08-20" } },
      {
        type: "MeetingHeld",
        data: {
          seriesId: "weekly",
          meetingId: "w5",
          heldOn: "2026-08-10",
          attendees: ["mgr"],
          agenda: [],
          notes: "n",
          decisions: [],
          carriedForward: [],
          developmentPlanIds: ["idp"],
        },
      },
      {
        type: "MeetingHeld",
        data: {
          seriesId: "1on1",
          meetingId: "o-7",
          heldOn: "2026-07-20",
          attendees: ["mgr", "rep-ana"],
          agenda: [],
          notes: "n",
          decisions: [],
          carriedForward: [],
          developmentPlanIds: [],
        },
      },
      {
        type: "DevelopmentPlanReviewed",
        data: { planId: "idp", meetingId: "o-7", reviewerId: "mgr", reviewedOn: "2026-07-20", note: "ok" },
      },
    ];
    const state = fold(developmentPlanProgressProjection, envelopes(events));
    expect(developmentPlanProgress(state, "2026-09-15", { reviewEveryDays: 30 }).idp).toEqual({
      planId: "idp",
      repId: "rep-ana",
      status: "active",
      objectives: 3,
      completed: 1,
      progressBps: 3333,
      overdueObjectives: ["o1"],
      lastReviewedOn: "2026-08-10",
      lastOneOnOneReviewOn: "2026-07-20",
      reviewDue: true,
    });
    expect(developmentPlanProgress(state, "2026-08-19").idp?.reviewDue).toBe(false);
  });
  it("counts a never-reviewed plan from the UTC day of its creation, whatever offset the instant carries", () => {
    const plan = (createdAt: string): DevelopmentPlanEvent => ({
      type: "DevelopmentPlanCreated",
      data: {
        planId: "idp",
        repId: "rep-ana",
        managerId: "mgr",
        careerGoal: "lead",
        gaps: [],
        objectives: [],
        createdAt,
      },
    });
    // The same instant: 1 October, 23:30 UTC, is 2 October, 07:30 in Shanghai.
    for (const createdAt of ["2026-10-01T23:30:00.000Z", "2026-10-02T07:30:00+08:00"]) {
      const state = fold(developmentPlanProgressProjection, envelopes([plan(createdAt)]));
      // 31 days after 1 October: due with a 30-day rhythm.
      expect(developmentPlanProgress(state, "2026-11-01", { reviewEveryDays: 30 }).idp?.reviewDue).toBe(true);
      expect(developmentPlanProgress(state, "2026-10-31", { reviewEveryDays: 30 }).idp?.reviewDue).toBe(false);
    }
  });
});
