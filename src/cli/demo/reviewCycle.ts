// The demo's Q3 review cycle. Li Na and Sam Ortiz appraise their reps at the end of the quarter on four weighted
// KPIs (1–5 scale): revenue attainment and win rate measured from the goals and analytics projections, the number
// of customer interactions logged, and the manager's rating. The cycle opens on 24 September, takes self reviews,
// then manager reviews; the KPIs are recorded once the quarter's last deal has closed; the VP of sales calibrates
// one score and closes the cycle on 30 September.
import {
  activityReading,
  goalAttainmentReading,
  type KpiDefinition,
  type KpiReading,
  measurementCommand,
  type ReviewCycleCommand,
  reviewCycleStreamId,
} from "../../appraisals/index.ts";
import { createActivityOutcomeProjection } from "../../analytics/index.ts";
import { goalProgress } from "../../goals/index.ts";
import { defineCalendar, rebuildProjection } from "../../index.ts";
import { QUARTER, REPS, TEAMS } from "./cast.ts";
import type { Milestone } from "./quarter.ts";
import { at, type DemoWorld } from "./world.ts";

/** The review cycle's id. */
export const CYCLE_ID = "2026-q3";
const STREAM = reviewCycleStreamId(CYCLE_ID);
/** The cycle's scale: every KPI's rating is normalized onto it. */
export const CYCLE_SCALE = { min: 1, max: 5 } as const;
const VP = "vp-sales";

/** The cycle's KPIs: their weights total 100 %; each is scored on its own scale and normalized onto 1–5. */
export const REVIEW_KPIS: readonly KpiDefinition[] = [
  {
    kpiId: "revenue",
    name: "Revenue attainment",
    source: { kind: "computed", metric: "goal_attainment" },
    scale: { min: 1, max: 5 },
    scoring: { kind: "linear", from: 5_000, to: 13_000 },
    weightBps: 5_000,
  },
  {
    kpiId: "win_rate",
    name: "Win rate",
    source: { kind: "computed", metric: "win_rate" },
    scale: { min: 1, max: 5 },
    scoring: {
      kind: "thresholds",
      bands: [
        { atLeast: 3_000, rating: 2 },
        { atLeast: 5_000, rating: 3 },
        { atLeast: 6_500, rating: 4 },
        { atLeast: 8_000, rating: 5 },
      ],
    },
    weightBps: 2_000,
  },
  {
    kpiId: "activity",
    name: "Customer interactions",
    source: { kind: "computed", metric: "activity_count" },
    scale: { min: 1, max: 5 },
    scoring: { kind: "linear", from: 5, to: 21 },
    weightBps: 1_500,
  },
  {
    kpiId: "manager",
    name: "Manager rating",
    source: { kind: "manual", ratedBy: "manager" },
    scale: { min: 1, max: 10 },
    scoring: { kind: "direct" },
    weightBps: 1_500,
  },
];

/** Each rep's self review, and the manager's rating (1–10) and review. */
const REVIEWS: Record<string, { self: string; rating: number; review: string }> = {
  "rep-ana": { self: "Closed Acme twice; Borealis renewal in negotiation.", rating: 9, review: "Ran Acme end to end." },
  "rep-bo": { self: "Two wins; Delta went quiet after the demo.", rating: 6, review: "Qualify budgets earlier." },
  "rep-cy": { self: "Fjord and Granite closed on plan.", rating: 8, review: "Reliable closer, clean forecast." },
  "rep-dee": { self: "Lost Iris to Globex on price.", rating: 5, review: "Needs help on competitive deals." },
  "rep-eli": {
    self: "Best quarter so far: Juniper and Kestrel.",
    rating: 9,
    review: "Top of the team; mentor others.",
  },
  "rep-fay": { self: "Meridian took longer than planned.", rating: 7, review: "Steady pipeline; tighten dates." },
  "rep-gus": { self: "Pipeline built late in the quarter.", rating: 5, review: "Start Q4 prospecting now." },
  "rep-hal": { self: "Three wins from two accounts.", rating: 8, review: "Grew Pinnacle and Quasar well." },
};

/** The VP's calibration: scores moved after comparing both teams, each with its reason. */
const CALIBRATIONS = [
  { repId: "rep-gus", scoreMilli: 2_300, reason: "inherited Nimbus and Orchid in July: a partial quarter" },
] as const;

const managerOf = (teamId: string) => TEAMS.find((t) => t.teamId === teamId)!.managerId;

/** The KPI readings of every rep, from the goal progress and activity-to-outcome projections of the store. */
async function recordMeasurements(w: DemoWorld): Promise<void> {
  const { state: progress } = await rebuildProjection(w.store, goalProgress);
  const calendar = defineCalendar({ timeZone: w.timeZone });
  const { state: activity } = await rebuildProjection(
    w.store,
    createActivityOutcomeProjection({ calendar, period: "quarter" }),
  );
  for (const r of REPS) {
    const readings: [string, KpiReading][] = [
      ["revenue", goalAttainmentReading(progress, `q3-${r.repId}`)],
      ["win_rate", activityReading(activity, "win_rate", r.repId, QUARTER)],
      ["activity", activityReading(activity, "activity_count", r.repId, QUARTER)],
    ];
    for (const [kpiId, reading] of readings) {
      const command = measurementCommand(r.repId, kpiId, reading);
      if (command) await w.reviews.handle(STREAM, command, { actor: `user:${VP}` });
    }
  }
}

/** The review cycle's steps, played in time order with the rest of the quarter. */
export function reviewCycleMilestones(w: DemoWorld): Milestone[] {
  const run = (when: string, actor: string, command: ReviewCycleCommand): Milestone => ({
    when,
    what: () => w.reviews.handle(STREAM, command, { actor: `user:${actor}` }),
  });
  const open = run(at("2026-09-24", "09:00"), VP, {
    type: "OpenReviewCycle",
    data: {
      cycleId: CYCLE_ID,
      name: "Q3 2026 sales review",
      period: { start: "2026-07-01", end: "2026-10-01" },
      scale: CYCLE_SCALE,
      kpis: [...REVIEW_KPIS],
      population: { teamIds: TEAMS.map((t) => t.teamId), roles: ["rep"] },
      participants: REPS.map((r) => ({
        repId: r.repId,
        managerId: managerOf(r.teamId),
        teamId: r.teamId,
        roles: ["rep" as const],
      })),
      openedBy: VP,
    },
  });
  const selfReviews = REPS.map((r, i) =>
    run(at(i < 4 ? "2026-09-25" : "2026-09-26", "18:00"), r.repId, {
      type: "SubmitFeedback",
      data: {
        feedbackId: `self-${r.repId}`,
        repId: r.repId,
        kind: "self",
        authorId: r.repId,
        ratings: {},
        comment: REVIEWS[r.repId]!.self,
      },
    }),
  );
  const managerReviews = REPS.map((r) => {
    const managerId = managerOf(r.teamId);
    return run(at("2026-09-29", "14:00"), managerId, {
      type: "SubmitFeedback",
      data: {
        feedbackId: `manager-${r.repId}`,
        repId: r.repId,
        kind: "manager",
        authorId: managerId,
        ratings: { manager: REVIEWS[r.repId]!.rating },
        comment: REVIEWS[r.repId]!.review,
      },
    });
  });
  return [
    open,
    run(at("2026-09-24", "09:05"), VP, { type: "StartSelfReview", data: {} }),
    ...selfReviews,
    run(at("2026-09-28", "09:00"), VP, { type: "StartManagerReview", data: {} }),
    ...managerReviews,
    { when: at("2026-09-30", "17:15"), what: () => recordMeasurements(w) },
    run(at("2026-09-30", "17:30"), VP, { type: "StartCalibration", data: {} }),
    ...CALIBRATIONS.map((c) =>
      run(at("2026-09-30", "17:40"), VP, { type: "CalibrateScore", data: { ...c, calibratedBy: VP } }),
    ),
    run(at("2026-09-30", "17:50"), VP, { type: "CloseReviewCycle", data: {} }),
  ];
}
