import { describe, expect, it } from "vitest";
import {
  appraisalScorecard,
  computeScorecard,
  createFeedbackFreshnessProjection,
  type ImprovementPlanEvent,
  improvementPlanBoard,
  improvementPlanStatus,
  mboScoresFromCycle,
  measurementCommand,
  participantsAsOf,
  pipelineCoverageReading,
  type ReviewCycleEvent,
  reviewCycles,
  satisfactionReading,
  staleFeedback,
  visibleFeedback,
} from "../../../src/appraisals/index.ts";
import type { CoachingEvent } from "../../../src/coaching/index.ts";
import { fold, isDomainRuleError, isValidationError, money } from "../../../src/index.ts";
import type { Bonus } from "../../../src/incentives/index.ts";
import { type TeamEvent, teamDirectory } from "../../../src/team/index.ts";
import { envelopes } from "./envelopes.ts";
import { feedback, kpis, NOW, reviewed } from "./fixtures.ts";

const calibration: ReviewCycleEvent[] = [
  {
    type: "CalibrationStarted",
    data: {
      cycleId: "q3",
      startedAt: NOW,
      scores: [
        { repId: "rep-ana", scoreMilli: 4067, missingKpiIds: [] },
        { repId: "rep-bo", scoreMilli: 2333, missingKpiIds: ["win_rate", "teamwork"] },
      ],
    },
  },
  {
    type: "ScoreCalibrated",
    data: {
      cycleId: "q3",
      repId: "rep-bo",
      originalMilli: 2333,
      previousMilli: 2333,
      scoreMilli: 2500,
      reason: "slipped deals",
      calibratedBy: "dir-wu",
      calibratedAt: NOW,
    },
  },
];
const closed: ReviewCycleEvent = {
  type: "ReviewCycleClosed",
  data: {
    cycleId: "q3",
    closedAt: NOW,
    finalScores: [
      { repId: "rep-ana", originalMilli: 4067, finalMilli: 4067, calibrated: false },
      { repId: "rep-bo", originalMilli: 2333, finalMilli: 2500, calibrated: true },
    ],
  },
};
const mbo: Bonus = { kind: "mbo", id: "mbo", name: "Objectives", scale: { min: 1, max: 5 }, targetAmount: 200_000 };

describe("appraisal scorecard", () => {
  const state = fold(reviewCycles, envelopes([...reviewed, ...calibration, closed]));
  it("explains every component of Ana's card with independently computed figures", () => {
    const card = appraisalScorecard(state, "q3", "rep-ana");
    const byId = Object.fromEntries(card.scorecard.components.map((c) => [c.kpiId, c]));
    expect(byId.quota).toMatchObject({
      value: 11_000,
      ratingMilli: 4000,
      normalizedMilli: 4000,
      effectiveWeightBps: 5000,
    });
    expect(byId.win_rate).toMatchObject({ value: 4200, ratingMilli: 4000, normalizedMilli: 4000 });
    // 8 on 1–10 → 1 + 7·4/9 = 4.111… on 1–5
    expect(byId.coaching).toMatchObject({ ratingMilli: 8000, normalizedMilli: 4111 });
    expect(byId.teamwork).toMatchObject({ ratingMilli: 4500, normalizedMilli: 4500 });
    expect(byId.coaching!.explanation).toContain("4.111 on the 1–5 cycle scale");
    expect(byId.win_rate!.explanation).toContain("reaches the band at 4000: 4");
    expect(card.scorecard.scoreMilli).toBe(4067);
    expect(card).toMatchObject({ originalMilli: 4067, finalMilli: 4067, calibrations: [] });
  });
  it("reports Bo's missing components and renormalizes the weights over the present ones", () => {
    const card = appraisalScorecard(state, "q3", "rep-bo");
    expect(card.scorecard.missingKpiIds).toEqual(["win_rate", "teamwork"]);
    const present = card.scorecard.components.filter((c) => c.status === "present");
    // 5000, 1500, 500 over 7000: 7143, 2143, 714 (half-up)
    expect(present.map((c) => c.effectiveWeightBps)).toEqual([7143, 2143, 714]);
    expect(card.scorecard.explanation).toContain("missing win_rate, teamwork: weights renormalized");
    expect(card.scorecard.components.find((c) => c.kpiId === "win_rate")!.explanation).toContain("missing");
    expect(card).toMatchObject({ originalMilli: 2333, finalMilli: 2500 });
    expect(card.calibrations).toEqual([
      { fromMilli: 2333, toMilli: 2500, reason: "slipped deals", calibratedBy: "dir-wu", calibratedAt: NOW },
    ]);
  });
  it("evaluates a custom formula exactly, clamps it to the scale, and reports what it misses", () => {
    const base = {
      scale: { min: 1, max: 5 },
      kpis,
      measurements: { quota: { value: 11_000, explanation: "q" } },
      managerRatings: { coaching: 10 },
      peerRatings: [],
    };
    // quota 4, coaching 10 → 5; weighted over quota, coaching: (5000·4 + 1500·5) / 6500 = 4.2307…
    expect(computeScorecard({ ...base, formula: "weighted()" }).scoreMilli).toBe(4231);
    expect(computeScorecard({ ...base, formula: "max(quota, coaching) + 1" }).scoreMilli).toBe(5000);
    expect(computeScorecard({ ...base, formula: "(quota + coaching) / 2 - 0.25" }).scoreMilli).toBe(4250);
    expect(computeScorecard({ ...base, formula: "mean(quota, teamwork, coaching)" }).scoreMilli).toBe(4500);
    expect(computeScorecard({ ...base, formula: "clamp(quota * 2, 1, 4.5)" }).scoreMilli).toBe(4500);
    const missing = computeScorecard({ ...base, formula: "quota + teamwork" });
    expect(missing.scoreMilli).toBeNull();
    expect(missing.explanation).toContain("needs teamwork");
    expect(computeScorecard({ ...base, formula: "quota / (coaching - 5)" }).explanation).toContain("division by zero");
    expect(() => computeScorecard({ ...base, formula: "quota +" })).toThrow(/formula_invalid|unexpected end/);
  });
  it("refuses unknown cycles and reps", () => {
    expect(() => appraisalScorecard(state, "q9", "rep-ana")).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
    expect(() => appraisalScorecard(state, "q3", "rep-zed")).toThrow(/rep-zed/);
  });
});

describe("feedback visibility", () => {
  const notes: ReviewCycleEvent = {
    ...feedback("rep-ana", "manager", "mgr-li", { coaching: 8 }, "m-note"),
    data: {
      ...(feedback("rep-ana", "manager", "mgr-li", {}, "m-note").data as object),
      visibility: "hr",
      privateNote: "flight risk",
    } as never,
  };
  const state = fold(reviewCycles, envelopes([...reviewed.slice(0, 10), notes]));
  it("shows the rep their self feedback, hides peer feedback, HR-only feedback and private notes", () => {
    const forAna = visibleFeedback(state, "q3", "rep-ana", { id: "rep-ana", role: "subject" });
    expect(forAna.map((f) => f.kind)).toEqual(["self"]);
    const forManager = visibleFeedback(state, "q3", "rep-ana", { id: "mgr-li", role: "manager" });
    expect(forManager.map((f) => [f.kind, f.authorId])).toEqual([
      ["self", "rep-ana"],
      ["peer", null],
      ["peer", null],
      ["manager", "mgr-li"],
    ]);
    expect(forManager.find((f) => f.kind === "manager")!.privateNote).toBe("flight risk");
    const forHr = visibleFeedback(state, "q3", "rep-ana", { id: "hr-1", role: "hr" });
    expect(forHr.map((f) => f.authorId)).toEqual(["rep-ana", "rep-bo", "rep-cy", "mgr-li"]);
    expect(forHr.some((f) => f.privateNote !== undefined)).toBe(false);
    const forPeer = visibleFeedback(state, "q3", "rep-ana", { id: "rep-bo", role: "other" });
    expect(forPeer.map((f) => [f.kind, f.authorId])).toEqual([["peer", "rep-bo"]]);
  });
});

describe("the MBO link", () => {
  it("turns a closed cycle's final scores into the engine's mboScores, per rep", () => {
    const state = fold(reviewCycles, envelopes([...reviewed, ...calibration, closed]));
    expect(mboScoresFromCycle(state, "q3", { bonus: mbo, periodIds: ["2026-Q3"] })).toEqual({
      "rep-ana": [{ bonusId: "mbo", periodId: "2026-Q3", score: 4.067 }],
      "rep-bo": [{ bonusId: "mbo", periodId: "2026-Q3", score: 2.5 }],
    });
  });
  it("refuses an open cycle, another scale, a goal bonus and an unknown cycle", () => {
    const open = fold(reviewCycles, envelopes(reviewed));
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const e1 = err(() => mboScoresFromCycle(open, "q3", { bonus: mbo, periodIds: ["2026-Q3"] }));
    expect(isDomainRuleError(e1) && e1.rule === "cycle_not_closed").toBe(true);
    const e2 = err(() =>
      mboScoresFromCycle(open, "q3", { bonus: { ...mbo, scale: { min: 0, max: 100 } }, periodIds: [] }),
    );
    expect(isValidationError(e2) && e2.issues[0]!.code === "scale_mismatch").toBe(true);
    const goal: Bonus = { kind: "goal", id: "club", name: "Club", componentId: "c", thresholdBps: 10_000, amount: 1 };
    const e3 = err(() => mboScoresFromCycle(open, "q3", { bonus: goal, periodIds: [] }));
    expect(isValidationError(e3) && e3.issues[0]!.code === "not_an_mbo_bonus").toBe(true);
    expect(isValidationError(err(() => mboScoresFromCycle(open, "q0", { bonus: mbo, periodIds: [] })))).toBe(true);
  });
});

describe("feedback freshness", () => {
  const projection = createFeedbackFreshnessProjection({ timeZone: "Asia/Shanghai" });
  const events: (ReviewCycleEvent | CoachingEvent)[] = [
    {
      type: "MeetingSeriesCreated",
      data: {
        seriesId: "1on1-bo",
        kind: "one_on_one",
        title: "Bo",
        ownerId: "mgr-li",
        attendees: ["mgr-li", "rep-bo"],
        createdAt: NOW,
      },
    },
    {
      type: "MeetingSeriesCreated",
      data: {
        seriesId: "weekly",
        kind: "weekly_team",
        title: "Weekly",
        ownerId: "mgr-li",
        attendees: ["mgr-li", "rep-cy"],
        createdAt: NOW,
      },
    },
    {
      type: "MeetingHeld",
      data: {
        seriesId: "1on1-bo",
        meetingId: "m1",
        heldOn: "2026-07-01",
        attendees: ["mgr-li", "rep-bo"],
        agenda: [],
        notes: "n",
        decisions: [],
        carriedForward: [],
        developmentPlanIds: [],
      },
    },
    {
      type: "MeetingHeld",
      data: {
        seriesId: "weekly",
        meetingId: "w1",
        heldOn: "2026-07-19",
        attendees: ["mgr-li", "rep-cy"],
        agenda: [],
        notes: "n",
        decisions: [],
        carriedForward: [],
        developmentPlanIds: [],
      },
    },
    // 23:30 UTC on the 15th is the 16th in Shanghai
    {
      type: "CoachingNoteRecorded",
      data: {
        noteId: "n1",
        coachId: "mgr-li",
        links: { repId: "rep-ana" },
        note: "x",
        recordedAt: "2026-07-15T23:30:00.000Z",
      },
    },
    {
      ...feedback("rep-dee", "self", "rep-dee", {}),
      data: {
        ...(feedback("rep-dee", "self", "rep-dee", {}).data as object),
        submittedAt: "2026-07-18T00:00:00.000Z",
      } as never,
    },
  ];
  const state = fold(projection, envelopes(events));
  it("keeps each rep's last feedback day in the business time zone", () => {
    expect(state.last).toEqual({
      "rep-bo": { on: "2026-07-01", source: "one_on_one" },
      "rep-ana": { on: "2026-07-16", source: "coaching_note" },
    });
  });
  it("flags reps whose last feedback is older than the configured age, and those never given any", () => {
    const repIds = ["rep-ana", "rep-bo", "rep-cy", "rep-dee"];
    expect(staleFeedback(state, { asOf: "2026-07-20", maxAgeDays: 14, repIds })).toEqual([
      { repId: "rep-cy", lastFeedbackOn: null, ageDays: null },
      { repId: "rep-dee", lastFeedbackOn: null, ageDays: null },
      { repId: "rep-bo", lastFeedbackOn: "2026-07-01", ageDays: 19 },
    ]);
    expect(staleFeedback(state, { asOf: "2026-07-20", maxAgeDays: 19, repIds: ["rep-bo"] })).toEqual([]);
    expect(staleFeedback(state, { asOf: "2026-07-20", maxAgeDays: 3, repIds: ["rep-ana"] })).toEqual([
      { repId: "rep-ana", lastFeedbackOn: "2026-07-16", ageDays: 4 },
    ]);
    expect(() => staleFeedback(state, { asOf: "2026-7-20", maxAgeDays: 3, repIds })).toThrow();
    expect(() => createFeedbackFreshnessProjection({ timeZone: "Mars/Olympus" })).toThrow();
  });
});

describe("improvement plan board", () => {
  const events: ImprovementPlanEvent[] = [
    {
      type: "ImprovementPlanStarted",
      data: {
        planId: "pip-1",
        repId: "rep-bo",
        managerId: "mgr-li",
        reason: "r",
        goals: [{ goalId: "g1", description: "d", measure: "m" }],
        startsOn: "2026-10-01",
        endsOn: "2026-11-30",
        startedAt: NOW,
      },
    },
    {
      type: "ImprovementActionAdded",
      data: { planId: "pip-1", actionId: "a1", description: "d", ownerId: "rep-bo", dueOn: "2026-10-10" },
    },
    {
      type: "ImprovementActionAdded",
      data: { planId: "pip-1", actionId: "a2", description: "d", ownerId: "rep-bo", dueOn: "2026-10-20" },
    },
    {
      type: "ImprovementActionAdded",
      data: { planId: "pip-1", actionId: "a3", description: "d", ownerId: "rep-bo", dueOn: "2026-10-05" },
    },
    { type: "ImprovementActionCompleted", data: { planId: "pip-1", actionId: "a3", completedOn: "2026-10-04" } },
    { type: "ImprovementPlanAcknowledged", data: { planId: "pip-1", repId: "rep-bo", acknowledgedAt: NOW } },
  ];
  it("counts actions done and overdue on a day", () => {
    const state = fold(improvementPlanBoard, envelopes(events));
    expect(improvementPlanStatus(state, "pip-1", "2026-10-15")).toEqual({
      actions: 3,
      done: 1,
      overdue: ["a1"],
      acknowledged: true,
      status: "active",
    });
    expect(() => improvementPlanStatus(state, "pip-9", "2026-10-15")).toThrow();
  });
});

describe("KPI readings and the population", () => {
  it("pipeline coverage (floor) and satisfaction readings; missing is not zero", () => {
    const pipeline = {
      deals: {},
      byStage: {},
      byCategory: {},
      byOwner: { "rep-ana": { USD: { count: 2, amount: 100_000, weighted: 0 } } },
    };
    expect(pipelineCoverageReading(pipeline, "rep-ana", money(30_000, "USD"))).toMatchObject({ value: 33_333 });
    expect(pipelineCoverageReading(pipeline, "rep-ana", money(0, "USD"))).toEqual({
      missing: "the target is already met",
    });
    expect(satisfactionReading("nps", { responses: 4, promoters: 2, passives: 1, detractors: 1 })).toMatchObject({
      value: 2500,
    });
    expect(satisfactionReading("csat", { responses: 3, satisfied: 2, scoreTotal: 12 })).toMatchObject({ value: 6667 });
    expect(satisfactionReading("csat", { responses: 0, satisfied: 0, scoreTotal: 0 })).toEqual({
      missing: "no CSAT answers",
    });
    expect(measurementCommand("rep-ana", "quota", { missing: "none" })).toBeUndefined();
    expect(measurementCommand("rep-ana", "quota", { value: 5, explanation: "e" })).toEqual({
      type: "RecordKpiMeasurement",
      data: { repId: "rep-ana", kpiId: "quota", value: 5, explanation: "e" },
    });
  });
  it("resolves participants from the roster by team and role", () => {
    const at = "2026-01-01T00:00:00.000Z";
    const team: TeamEvent[] = [
      { type: "TeamCreated", data: { teamId: "team-east", name: "East", effectiveFrom: at } },
      {
        type: "MemberHired",
        data: { memberId: "mgr-li", displayName: "Li", roles: ["manager"], responsibilities: [], effectiveFrom: at },
      },
      {
        type: "MemberHired",
        data: { memberId: "rep-ana", displayName: "Ana", roles: ["rep"], responsibilities: [], effectiveFrom: at },
      },
      {
        type: "MemberHired",
        data: { memberId: "rep-bo", displayName: "Bo", roles: ["rep"], responsibilities: [], effectiveFrom: at },
      },
      { type: "TeamMembershipChanged", data: { memberId: "rep-ana", teamId: "team-east", effectiveFrom: at } },
      { type: "TeamMembershipChanged", data: { memberId: "mgr-li", teamId: "team-east", effectiveFrom: at } },
      { type: "ManagerChanged", data: { memberId: "rep-ana", managerId: "mgr-li", effectiveFrom: at } },
      { type: "ManagerChanged", data: { memberId: "rep-bo", managerId: "mgr-li", effectiveFrom: at } },
    ];
    const directory = fold(teamDirectory, envelopes(team));
    expect(participantsAsOf(directory, { teamIds: ["team-east"], roles: ["rep"] }, "2026-09-01T00:00:00.000Z")).toEqual(
      [{ repId: "rep-ana", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] }],
    );
    expect(participantsAsOf(directory, {}, "2026-09-01T00:00:00.000Z").map((p) => p.repId)).toEqual([
      "rep-ana",
      "rep-bo",
    ]);
  });
});
