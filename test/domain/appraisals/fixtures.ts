// Shared fixtures of the appraisals tests: a Q3 cycle on a 1–5 scale with computed, manager, self and peer KPIs.
import type {
  KpiDefinition,
  Participant,
  ReviewCycleCommand,
  ReviewCycleEvent,
} from "../../../src/appraisals/index.ts";

export const NOW = "2026-09-20T09:00:00.000Z";

export const kpis: KpiDefinition[] = [
  {
    kpiId: "quota",
    name: "Quota attainment",
    source: { kind: "computed", metric: "goal_attainment" },
    scale: { min: 1, max: 5 },
    scoring: { kind: "linear", from: 5000, to: 13_000 },
    weightBps: 5000,
  },
  {
    kpiId: "win_rate",
    name: "Win rate",
    source: { kind: "computed", metric: "win_rate" },
    scale: { min: 1, max: 5 },
    scoring: {
      kind: "thresholds",
      bands: [
        { atLeast: 2000, rating: 2 },
        { atLeast: 3000, rating: 3 },
        { atLeast: 4000, rating: 4 },
        { atLeast: 5000, rating: 5 },
      ],
    },
    weightBps: 2000,
  },
  {
    kpiId: "coaching",
    name: "Coachability",
    source: { kind: "manual", ratedBy: "manager" },
    scale: { min: 1, max: 10 },
    scoring: { kind: "direct" },
    weightBps: 1500,
  },
  {
    kpiId: "drive",
    name: "Drive (self)",
    source: { kind: "manual", ratedBy: "self" },
    scale: { min: 1, max: 5 },
    scoring: { kind: "direct" },
    weightBps: 500,
  },
  {
    kpiId: "teamwork",
    name: "Teamwork (peers)",
    source: { kind: "manual", ratedBy: "peers" },
    scale: { min: 1, max: 5 },
    scoring: { kind: "direct" },
    weightBps: 1000,
  },
];

export const ana: Participant = { repId: "rep-ana", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] };
export const bo: Participant = { repId: "rep-bo", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] };
export const cy: Participant = { repId: "rep-cy", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] };

export const openData = {
  cycleId: "q3",
  name: "Q3 review",
  period: { start: "2026-07-01", end: "2026-10-01" },
  scale: { min: 1, max: 5 },
  kpis,
  population: { teamIds: ["team-east"], roles: ["rep" as const] },
  participants: [ana, bo],
  openedBy: "mgr-li",
};

export const open: ReviewCycleCommand = { type: "OpenReviewCycle", data: openData };
export const opened: ReviewCycleEvent = { type: "ReviewCycleOpened", data: { ...openData, openedAt: NOW } };
export const selfStarted: ReviewCycleEvent = { type: "SelfReviewStarted", data: { cycleId: "q3", startedAt: NOW } };
export const managerStarted: ReviewCycleEvent = {
  type: "ManagerReviewStarted",
  data: { cycleId: "q3", startedAt: NOW, pendingSelfReviews: [] },
};

export const measured = (repId: string, kpiId: string, value: number): ReviewCycleEvent => ({
  type: "KpiMeasured",
  data: { cycleId: "q3", repId, kpiId, value, explanation: `${kpiId} ${value}`, measuredAt: NOW },
});

export const feedback = (
  repId: string,
  kind: "self" | "manager" | "peer",
  authorId: string,
  ratings: Record<string, number>,
  feedbackId = `${kind}-${repId}-${authorId}`,
): ReviewCycleEvent => ({
  type: "FeedbackSubmitted",
  data: {
    cycleId: "q3",
    feedbackId,
    repId,
    kind,
    authorId,
    ratings,
    comment: "noted",
    visibility: kind === "peer" ? "manager" : "subject",
    anonymous: kind === "peer",
    submittedAt: NOW,
  },
});

/** A cycle of Ana and Bo with every review in, ready for calibration. */
export const reviewed: ReviewCycleEvent[] = [
  opened,
  measured("rep-ana", "quota", 11_000),
  measured("rep-ana", "win_rate", 4200),
  measured("rep-bo", "quota", 7000),
  selfStarted,
  feedback("rep-ana", "self", "rep-ana", { drive: 4 }),
  feedback("rep-bo", "self", "rep-bo", { drive: 3 }),
  feedback("rep-ana", "peer", "rep-bo", { teamwork: 5 }),
  feedback("rep-ana", "peer", "rep-cy", { teamwork: 4 }),
  managerStarted,
  feedback("rep-ana", "manager", "mgr-li", { coaching: 8 }),
  feedback("rep-bo", "manager", "mgr-li", { coaching: 6 }),
];

/**
 * Ana's score computed independently: quota 11,000 on the line 5,000→1, 13,000→5 is 1 + 6,000 × 4 / 8,000 = 4;
 * win rate 4,200 reaches the 4,000 band: 4; coaching 8 on 1–10 is 1 + 7 × 4 / 9 = 37/9 on 1–5; drive 4; teamwork
 * mean(5, 4) = 4.5. Weighted: (5000·4 + 2000·4 + 1500·37/9 + 500·4 + 1000·4.5) / 10,000.
 */
export const anaExact = (5000 * 4 + 2000 * 4 + (1500 * 37) / 9 + 500 * 4 + 1000 * 4.5) / 10_000;
/** Bo: quota 7,000 → 1 + 2,000 × 4 / 8,000 = 2; win rate missing; coaching 6 → 1 + 5 × 4 / 9 = 29/9; drive 3; teamwork missing. */
export const boExact = (5000 * 2 + (1500 * 29) / 9 + 500 * 3) / (5000 + 1500 + 500);
