import { describe, expect, it } from "vitest";
import {
  appraisalsRules,
  type ReviewCycleCommand,
  type ReviewCycleEvent,
  reviewCycleCommand,
  reviewCycleDecider,
} from "../../../src/appraisals/index.ts";
import { deciderSpec } from "../../../src/testing.ts";
import {
  ana,
  anaExact,
  boExact,
  bo,
  cy,
  feedback,
  kpis,
  managerStarted,
  measured,
  NOW,
  open,
  openData,
  opened,
  reviewed,
  selfStarted,
} from "./fixtures.ts";

const spec = deciderSpec(reviewCycleDecider, { commands: reviewCycleCommand, now: NOW });
const cmd = (type: string, data: Record<string, unknown> = {}) => ({ type, data }) as ReviewCycleCommand;
const openWith = (patch: Record<string, unknown>) => cmd("OpenReviewCycle", { ...openData, ...patch });
const calibrating: ReviewCycleEvent = {
  type: "CalibrationStarted",
  data: {
    cycleId: "q3",
    startedAt: NOW,
    scores: [
      { repId: "rep-ana", scoreMilli: 4067, missingKpiIds: [] },
      { repId: "rep-bo", scoreMilli: 2333, missingKpiIds: ["win_rate", "teamwork"] },
    ],
  },
};
const calibrated: ReviewCycleEvent = {
  type: "ScoreCalibrated",
  data: {
    cycleId: "q3",
    repId: "rep-bo",
    originalMilli: 2333,
    previousMilli: 2333,
    scoreMilli: 2500,
    reason: "two deals slipped for reasons outside Bo's control",
    calibratedBy: "dir-wu",
    calibratedAt: NOW,
  },
};

describe("review cycle: opening", () => {
  it("opens a cycle with a checked definition", () => spec.given([]).when(open).then([opened]));
  it("cycle_already_opened", () => spec.given([opened]).when(open).then("cycle_already_opened"));
  it("cycle_not_found", () => spec.given([]).when(cmd("StartSelfReview")).then("cycle_not_found"));
  it("kpi_weights_total: 99.99% and 100.01% are refused with the total in the details", () => {
    for (const delta of [-1, 1]) {
      const changed = kpis.map((k, i) => (i === 0 ? { ...k, weightBps: k.weightBps + delta } : k));
      const error = spec
        .given([])
        .when(openWith({ kpis: changed }))
        .thenThrows("kpi_weights_total") as {
        details: { totalBps: number };
      };
      expect(error.details.totalBps).toBe(10_000 + delta);
    }
  });
  it("duplicate_kpi", () =>
    spec
      .given([])
      .when(openWith({ kpis: [...kpis.slice(0, 4), { ...kpis[4]!, kpiId: "quota" }] }))
      .then("duplicate_kpi"));
  it("kpi_scoring_invalid: empty scale, manual non-direct, flat line, unsorted bands, band off scale", () => {
    const q = kpis[0]!;
    const variants = [
      { ...q, scale: { min: 5, max: 5 } },
      { ...kpis[2]!, scoring: { kind: "linear", from: 0, to: 10 } },
      { ...q, scoring: { kind: "linear", from: 3, to: 3 } },
      {
        ...q,
        scoring: {
          kind: "thresholds",
          bands: [
            { atLeast: 5, rating: 2 },
            { atLeast: 5, rating: 3 },
          ],
        },
      },
      { ...q, scoring: { kind: "thresholds", bands: [{ atLeast: 5, rating: 9 }] } },
    ];
    for (const v of variants) {
      spec
        .given([])
        .when(openWith({ kpis: [v, ...kpis.filter((k) => k.kpiId !== v.kpiId)] }))
        .then("kpi_scoring_invalid");
    }
    spec
      .given([])
      .when(openWith({ scale: { min: 3, max: 1 } }))
      .then("kpi_scoring_invalid");
  });
  it("formula_invalid: unknown KPI, unknown function, bad syntax, wrong arity; a valid formula is accepted", () => {
    for (const formula of ["quota + qouta", "avg(quota)", "quota *", "clamp(quota, 1)", "weighted(quota)", "(quota"]) {
      spec.given([]).when(openWith({ formula })).then("formula_invalid");
    }
    const formula = "0.9 * weighted() + 0.1 * coalesce(teamwork, quota)";
    spec
      .given([])
      .when(openWith({ formula }))
      .then([{ type: "ReviewCycleOpened", data: { ...openData, formula, openedAt: NOW } }]);
  });
  it("cycle_period_invalid", () =>
    spec
      .given([])
      .when(openWith({ period: { start: "2026-10-01", end: "2026-10-01" } }))
      .then("cycle_period_invalid"));
  it("duplicate_participant", () => {
    spec
      .given([])
      .when(openWith({ participants: [ana, ana] }))
      .then("duplicate_participant");
    spec
      .given([opened])
      .when(cmd("AddCycleParticipant", { participant: bo }))
      .then("duplicate_participant");
  });
  it("participant_outside_population: other team or role", () => {
    spec
      .given([])
      .when(openWith({ participants: [{ ...ana, teamId: "team-west" }] }))
      .then("participant_outside_population");
    spec
      .given([opened])
      .when(cmd("AddCycleParticipant", { participant: { ...cy, roles: ["manager"] } }))
      .then("participant_outside_population");
  });
  it("adds and excludes participants while open or in self review", () => {
    spec
      .given([opened, selfStarted])
      .when(cmd("AddCycleParticipant", { participant: cy }))
      .then([{ type: "CycleParticipantAdded", data: { cycleId: "q3", participant: cy, addedAt: NOW } }]);
    spec
      .given([opened])
      .when(cmd("ExcludeCycleParticipant", { repId: "rep-bo", reason: "long leave" }))
      .then([
        {
          type: "CycleParticipantExcluded",
          data: { cycleId: "q3", repId: "rep-bo", reason: "long leave", excludedAt: NOW },
        },
      ]);
  });
  it("roster_locked after self review", () => {
    spec
      .given([opened, selfStarted, managerStarted])
      .when(cmd("AddCycleParticipant", { participant: cy }))
      .then("roster_locked");
    spec
      .given([opened, selfStarted, managerStarted])
      .when(cmd("ExcludeCycleParticipant", { repId: "rep-bo", reason: "left" }))
      .then("roster_locked");
  });
  it("participant_unknown", () =>
    spec
      .given([opened])
      .when(cmd("ExcludeCycleParticipant", { repId: "rep-zed", reason: "x" }))
      .then("participant_unknown"));
});

describe("review cycle: transitions", () => {
  it("invalid_transition: every step from the wrong state", () => {
    spec.given([opened]).when(cmd("StartManagerReview")).then("invalid_transition");
    spec.given([opened]).when(cmd("StartCalibration")).then("invalid_transition");
    spec.given([opened]).when(cmd("CloseReviewCycle")).then("invalid_transition");
    spec.given([opened, selfStarted]).when(cmd("StartSelfReview")).then("invalid_transition");
  });
  it("cycle_needs_participants (open → self_review)", () => {
    spec
      .given([{ type: "ReviewCycleOpened", data: { ...opened.data, participants: [] } as never }])
      .when(cmd("StartSelfReview"))
      .then("cycle_needs_participants");
    spec.given([opened]).when(cmd("StartSelfReview")).then([selfStarted]);
  });
  it("self_reviews_pending (self_review → manager_review), unless waived with a reason", () => {
    const oneSelf = [opened, selfStarted, feedback("rep-ana", "self", "rep-ana", { drive: 4 })];
    spec.given(oneSelf).when(cmd("StartManagerReview")).then("self_reviews_pending");
    spec
      .given(oneSelf)
      .when(cmd("StartManagerReview", { waiveMissingSelfReviews: { reason: "Bo on leave" } }))
      .then([
        {
          type: "ManagerReviewStarted",
          data: { cycleId: "q3", startedAt: NOW, pendingSelfReviews: ["rep-bo"], waiverReason: "Bo on leave" },
        },
      ]);
  });
  it("manager_reviews_pending (manager_review → calibration); the original scores are frozen", () => {
    spec.given(reviewed.slice(0, -1)).when(cmd("StartCalibration")).then("manager_reviews_pending");
    spec.given(reviewed).when(cmd("StartCalibration")).then([calibrating]);
    expect(Math.round(anaExact * 1000)).toBe(4067);
    expect(Math.round(boExact * 1000)).toBe(2333);
  });
  it("unscored_participants (calibration → closed)", () => {
    const unscored: ReviewCycleEvent = {
      ...calibrating,
      data: {
        ...calibrating.data,
        scores: [{ repId: "rep-ana", scoreMilli: null, missingKpiIds: ["quota"] }, calibrating.data.scores[1]!],
      },
    } as never;
    spec
      .given([...reviewed, unscored])
      .when(cmd("CloseReviewCycle"))
      .then("unscored_participants");
    const excluded: ReviewCycleEvent = {
      type: "CycleParticipantExcluded",
      data: { cycleId: "q3", repId: "rep-ana", reason: "no quota measurement", excludedAt: NOW },
    };
    spec
      .given([...reviewed, unscored, excluded])
      .when(cmd("CloseReviewCycle"))
      .then([
        {
          type: "ReviewCycleClosed",
          data: {
            cycleId: "q3",
            closedAt: NOW,
            finalScores: [{ repId: "rep-bo", originalMilli: 2333, finalMilli: 2333, calibrated: false }],
          },
        },
      ]);
    spec
      .given([...reviewed, calibrating, calibrated])
      .when(cmd("CloseReviewCycle"))
      .then([
        {
          type: "ReviewCycleClosed",
          data: {
            cycleId: "q3",
            closedAt: NOW,
            finalScores: [
              { repId: "rep-ana", originalMilli: 4067, finalMilli: 4067, calibrated: false },
              { repId: "rep-bo", originalMilli: 2333, finalMilli: 2500, calibrated: true },
            ],
          },
        },
      ]);
  });
});

describe("review cycle: measurements and feedback", () => {
  const record = (data: Record<string, unknown>) =>
    cmd("RecordKpiMeasurement", { repId: "rep-ana", kpiId: "quota", value: 9000, explanation: "goal q3-ana", ...data });
  it("records a measurement", () =>
    spec
      .given([opened])
      .when(record({}))
      .then(
        [measured("rep-ana", "quota", 9000)].map((e) => ({
          ...e,
          data: { ...e.data, explanation: "goal q3-ana" },
        })) as never,
      ));
  it("measurement_window_closed", () =>
    spec
      .given([...reviewed, calibrating])
      .when(record({}))
      .then("measurement_window_closed"));
  it("kpi_unknown", () =>
    spec
      .given([opened])
      .when(record({ kpiId: "nps" }))
      .then("kpi_unknown"));
  it("kpi_not_computed", () =>
    spec
      .given([opened])
      .when(record({ kpiId: "coaching" }))
      .then("kpi_not_computed"));
  it("value_out_of_scale for a directly scored computed KPI", () => {
    const direct = [{ ...kpis[0]!, scoring: { kind: "direct" as const } }, ...kpis.slice(1)];
    const given: ReviewCycleEvent = { type: "ReviewCycleOpened", data: { ...opened.data, kpis: direct } } as never;
    spec
      .given([given])
      .when(record({ value: 6 }))
      .then("value_out_of_scale");
    spec
      .given([given])
      .when(record({ value: 5 }))
      .then([
        {
          ...measured("rep-ana", "quota", 5),
          data: { ...measured("rep-ana", "quota", 5).data, explanation: "goal q3-ana" },
        } as never,
      ]);
  });
  const submit = (data: Record<string, unknown>) =>
    cmd("SubmitFeedback", {
      feedbackId: "f1",
      repId: "rep-ana",
      kind: "self",
      authorId: "rep-ana",
      ratings: { drive: 4 },
      comment: "ok",
      ...data,
    });
  it("submits self feedback with default visibility, and a private note", () =>
    spec
      .given([opened, selfStarted])
      .when(submit({ privateNote: "ask for the west territory" }))
      .then([
        {
          type: "FeedbackSubmitted",
          data: {
            ...(feedback("rep-ana", "self", "rep-ana", { drive: 4 }, "f1").data as object),
            comment: "ok",
            privateNote: "ask for the west territory",
          } as never,
        },
      ]));
  it("feedback_window_closed: self only in self review, manager only in manager review", () => {
    spec.given([opened]).when(submit({})).then("feedback_window_closed");
    spec
      .given([opened, selfStarted])
      .when(submit({ kind: "manager", authorId: "mgr-li", ratings: {} }))
      .then("feedback_window_closed");
    spec.given([opened, selfStarted, managerStarted]).when(submit({})).then("feedback_window_closed");
  });
  it("feedback_author_mismatch: self by another, manager by a non-manager, peer on oneself", () => {
    spec
      .given([opened, selfStarted])
      .when(submit({ authorId: "rep-bo" }))
      .then("feedback_author_mismatch");
    spec
      .given([opened, selfStarted, managerStarted])
      .when(submit({ kind: "manager", authorId: "rep-bo", ratings: {} }))
      .then("feedback_author_mismatch");
    spec
      .given([opened, selfStarted])
      .when(submit({ kind: "peer", ratings: {} }))
      .then("feedback_author_mismatch");
  });
  it("feedback_already_submitted: same kind twice, same peer twice, same id", () => {
    const given = [opened, selfStarted, feedback("rep-ana", "self", "rep-ana", { drive: 4 }, "f0")];
    spec.given(given).when(submit({})).then("feedback_already_submitted");
    spec
      .given([...given, feedback("rep-ana", "peer", "rep-bo", {}, "p1")])
      .when(submit({ feedbackId: "p2", kind: "peer", authorId: "rep-bo", ratings: {} }))
      .then("feedback_already_submitted");
    spec
      .given(given)
      .when(submit({ feedbackId: "f0", repId: "rep-bo", authorId: "rep-bo" }))
      .then("feedback_already_submitted");
  });
  it("rating_not_expected: a KPI this kind does not rate", () => {
    spec
      .given([opened, selfStarted])
      .when(submit({ ratings: { coaching: 4 } }))
      .then("rating_not_expected");
    spec
      .given([opened, selfStarted])
      .when(submit({ ratings: { quota: 4 } }))
      .then("rating_not_expected");
  });
  it("rating_out_of_scale", () =>
    spec
      .given([opened, selfStarted])
      .when(submit({ ratings: { drive: 6 } }))
      .then("rating_out_of_scale"));
});

describe("review cycle: calibration", () => {
  const calibrate = (data: Record<string, unknown>) =>
    cmd("CalibrateScore", {
      repId: "rep-bo",
      scoreMilli: 2500,
      reason: calibrated.data.reason,
      calibratedBy: "dir-wu",
      ...data,
    });
  it("calibrates, keeping the original and the previous score", () => {
    spec
      .given([...reviewed, calibrating])
      .when(calibrate({}))
      .then([calibrated]);
    spec
      .given([...reviewed, calibrating, calibrated])
      .when(calibrate({ scoreMilli: 2700 }))
      .then([{ ...calibrated, data: { ...calibrated.data, previousMilli: 2500, scoreMilli: 2700 } } as never]);
  });
  it("roster_locked in calibration, except excluding a participant without a score (so the cycle can close)", () => {
    const none: ReviewCycleEvent = {
      ...calibrating,
      data: {
        ...calibrating.data,
        scores: [calibrating.data.scores[0]!, { repId: "rep-bo", scoreMilli: null, missingKpiIds: ["quota"] }],
      },
    } as never;
    const exclude = (repId: string) => cmd("ExcludeCycleParticipant", { repId, reason: "no quota measurement" });
    spec
      .given([...reviewed, none])
      .when(exclude("rep-bo"))
      .then([
        {
          type: "CycleParticipantExcluded",
          data: { cycleId: "q3", repId: "rep-bo", reason: "no quota measurement", excludedAt: NOW },
        },
      ]);
    spec
      .given([...reviewed, none])
      .when(exclude("rep-ana"))
      .then("roster_locked");
    spec
      .given([...reviewed, calibrating])
      .when(exclude("rep-bo"))
      .then("roster_locked");
    spec
      .given([...reviewed, none])
      .when(cmd("AddCycleParticipant", { participant: cy }))
      .then("roster_locked");
    spec
      .given([
        ...reviewed,
        none,
        { type: "ReviewCycleClosed", data: { cycleId: "q3", closedAt: NOW, finalScores: [] } },
      ])
      .when(exclude("rep-bo"))
      .then("roster_locked");
  });
  it("calibration_window_closed", () => spec.given(reviewed).when(calibrate({})).then("calibration_window_closed"));
  it("score_unavailable", () => {
    const none: ReviewCycleEvent = {
      ...calibrating,
      data: {
        ...calibrating.data,
        scores: [calibrating.data.scores[0]!, { repId: "rep-bo", scoreMilli: null, missingKpiIds: ["quota"] }],
      },
    } as never;
    spec
      .given([...reviewed, none])
      .when(calibrate({}))
      .then("score_unavailable");
  });
  it("calibrated_score_out_of_scale", () => {
    spec
      .given([...reviewed, calibrating])
      .when(calibrate({ scoreMilli: 5001 }))
      .then("calibrated_score_out_of_scale");
    spec
      .given([...reviewed, calibrating])
      .when(calibrate({ scoreMilli: 999 }))
      .then("calibrated_score_out_of_scale");
  });
  it("lists every cycle rule name it tests", () => {
    expect(Object.values(appraisalsRules)).toContain("kpi_weights_total");
  });
});
