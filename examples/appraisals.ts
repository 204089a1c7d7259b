// Appraisals, coaching and training for one sales team: a Q3 review cycle through every state, the explained
// scorecards, the MBO bonus they drive, action items carried from meeting to meeting, and training compliance.
// #region cycle
import {
  appraisalScorecard,
  appraisalsEvents,
  type KpiDefinition,
  mboScoresFromCycle,
  type ReviewCycleCommand,
  reviewCycleCommand,
  reviewCycleDecider,
  reviewCycleStreamId,
  reviewCycles,
} from "salesfold/appraisals";
import {
  coachingBacklog,
  coachingBacklogProjection,
  coachingEvents,
  meetingSeriesCommand,
  meetingSeriesDecider,
  meetingSeriesStreamId,
} from "salesfold/coaching";
import { calculate, definePlan } from "salesfold/incentives";
import {
  createCommandHandler,
  createInMemoryEventStore,
  formatMoney,
  rebuildProjection,
  steppingClock,
} from "salesfold";
import {
  trainingCompliance,
  trainingComplianceProjection,
  trainingEvents,
  trainingRecordCommand,
  trainingRecordDecider,
  trainingRecordStreamId,
} from "salesfold/training";

// Weights in basis points must total exactly 10,000; each KPI has its own scale, normalized onto the cycle's 1–5.
const kpis: KpiDefinition[] = [
  {
    kpiId: "quota",
    name: "Quota attainment",
    source: { kind: "computed", metric: "goal_attainment" },
    scale: { min: 1, max: 5 },
    scoring: { kind: "linear", from: 5_000, to: 13_000 },
    weightBps: 6_000,
  },
  {
    kpiId: "nps",
    name: "Customer NPS",
    source: { kind: "computed", metric: "nps" },
    scale: { min: 1, max: 5 },
    scoring: {
      kind: "thresholds",
      bands: [
        { atLeast: 0, rating: 3 },
        { atLeast: 3_000, rating: 4 },
        { atLeast: 5_000, rating: 5 },
      ],
    },
    weightBps: 2_000,
  },
  {
    kpiId: "coaching",
    name: "Coachability",
    source: { kind: "manual", ratedBy: "manager" },
    scale: { min: 1, max: 10 },
    scoring: { kind: "direct" },
    weightBps: 2_000,
  },
];
const store = createInMemoryEventStore({ catalog: appraisalsEvents });
const cycles = createCommandHandler({
  store,
  decider: reviewCycleDecider,
  commands: reviewCycleCommand,
  clock: steppingClock("2026-09-25T01:00:00.000Z"),
});
const run = (command: ReviewCycleCommand) => cycles.handle(reviewCycleStreamId("2026-q3"), command);

await run({
  type: "OpenReviewCycle",
  data: {
    cycleId: "2026-q3",
    name: "Q3 2026",
    period: { start: "2026-07-01", end: "2026-10-01" },
    scale: { min: 1, max: 5 },
    kpis,
    population: { teamIds: ["team-east"], roles: ["rep"] },
    openedBy: "mgr-li",
    participants: [
      { repId: "rep-ana", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] },
      { repId: "rep-bo", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] },
    ],
  },
});
await run({
  type: "RecordKpiMeasurement",
  data: { repId: "rep-ana", kpiId: "quota", value: 11_000, explanation: "goal q3-ana: 110.00%" },
});
await run({
  type: "RecordKpiMeasurement",
  data: { repId: "rep-ana", kpiId: "nps", value: 4_000, explanation: "NPS 40 over 15 answers" },
});
await run({
  type: "RecordKpiMeasurement",
  data: { repId: "rep-bo", kpiId: "quota", value: 7_000, explanation: "goal q3-bo: 70.00%" },
});
await run({ type: "StartSelfReview", data: {} });
for (const repId of ["rep-ana", "rep-bo"]) {
  await run({
    type: "SubmitFeedback",
    data: { feedbackId: `self-${repId}`, repId, kind: "self", authorId: repId, ratings: {}, comment: "My quarter" },
  });
}
await run({ type: "StartManagerReview", data: {} });
await run({
  type: "SubmitFeedback",
  data: {
    feedbackId: "mgr-ana",
    repId: "rep-ana",
    kind: "manager",
    authorId: "mgr-li",
    ratings: { coaching: 8 },
    comment: "Strong",
  },
});
await run({
  type: "SubmitFeedback",
  data: {
    feedbackId: "mgr-bo",
    repId: "rep-bo",
    kind: "manager",
    authorId: "mgr-li",
    ratings: { coaching: 7 },
    comment: "Qualify earlier",
    privateNote: "talk about Q4 territory",
  },
});
await run({ type: "StartCalibration", data: {} });
await run({
  type: "CalibrateScore",
  data: { repId: "rep-bo", scoreMilli: 2_600, reason: "two deals slipped after his leave", calibratedBy: "dir-wu" },
});
await run({ type: "CloseReviewCycle", data: {} });
// #endregion cycle

// #region scorecard
const { state } = await rebuildProjection(store, reviewCycles);
for (const repId of ["rep-ana", "rep-bo"]) {
  const card = appraisalScorecard(state, "2026-q3", repId);
  console.log(
    `${repId}: computed ${card.originalMilli! / 1000}, final ${card.finalMilli! / 1000}; missing: ${card.scorecard.missingKpiIds.join(", ") || "none"}`,
  );
  for (const c of card.scorecard.components) console.log(`  ${c.explanation}`);
  for (const step of card.calibrations)
    console.log(
      `  calibrated ${step.fromMilli / 1000} → ${step.toMilli / 1000} by ${step.calibratedBy}: ${step.reason}`,
    );
}
// #endregion scorecard

// #region mbo
const plan = definePlan({
  planId: "ae-2026",
  version: 1,
  name: "AE 2026",
  currency: "USD",
  effectiveFrom: "2026-Q3",
  calendar: { timeZone: "Asia/Shanghai" },
  periodKind: "quarter",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "nb",
      name: "New business",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      tierMode: "marginal",
      boundary: "upper",
      tiers: [{ from: 0, to: null, rateBps: 500 }],
    },
  ],
  bonuses: [{ kind: "mbo", id: "mbo", name: "Objectives", scale: { min: 1, max: 5 }, targetAmount: 2_000_00 }],
});
const mboScores = mboScoresFromCycle(state, "2026-q3", { bonus: plan.bonuses![0]!, periodIds: ["2026-Q3"] });
for (const repId of ["rep-ana", "rep-bo"]) {
  const statement = calculate(plan, { repId, credits: [], mboScores: mboScores[repId] }, "2026-Q3");
  const line = statement.lines.find((l) => l.kind === "mbo")!;
  console.log(`${repId} MBO bonus ${formatMoney(line.amount)}: ${line.explanation}`);
}
// #endregion mbo

// #region coaching
const coaching = createInMemoryEventStore({ catalog: coachingEvents });
const meetings = createCommandHandler({
  store: coaching,
  decider: meetingSeriesDecider,
  commands: meetingSeriesCommand,
  clock: steppingClock("2026-07-06T01:00:00.000Z"),
});
const weekly = meetingSeriesStreamId("east-weekly");
await meetings.handle(weekly, {
  type: "CreateMeetingSeries",
  data: {
    seriesId: "east-weekly",
    kind: "weekly_team",
    title: "East weekly",
    ownerId: "mgr-li",
    teamId: "team-east",
    attendees: ["mgr-li", "rep-ana", "rep-bo"],
  },
});
const hold = (meetingId: string, heldOn: string) =>
  meetings.handle(weekly, {
    type: "HoldMeeting",
    data: {
      meetingId,
      heldOn,
      attendees: ["mgr-li", "rep-ana", "rep-bo"],
      agenda: ["Pipeline review"],
      notes: "…",
      decisions: [],
    },
  });
await hold("w28", "2026-07-06");
await meetings.handle(weekly, {
  type: "AddActionItem",
  data: {
    actionId: "a1",
    meetingId: "w28",
    ownerId: "rep-bo",
    description: "Call the Globex CFO",
    dueOn: "2026-07-10",
  },
});
await meetings.handle(weekly, {
  type: "AddActionItem",
  data: {
    actionId: "a2",
    meetingId: "w28",
    ownerId: "rep-ana",
    description: "Share the pricing deck",
    dueOn: "2026-07-08",
  },
});
await meetings.handle(weekly, { type: "CompleteActionItem", data: { actionId: "a2", completedOn: "2026-07-08" } });
const { events } = await hold("w29", "2026-07-13");
console.log(`w29 carries forward: ${(events[0]!.data as { carriedForward: string[] }).carriedForward.join(", ")}`);
const backlog = coachingBacklog((await rebuildProjection(coaching, coachingBacklogProjection)).state, "2026-07-13");
console.log(`overdue on 2026-07-13: ${backlog.byOwner["rep-bo"]?.overdue.join(", ")}`);
// #endregion coaching

// #region training
const training = createInMemoryEventStore({ catalog: trainingEvents });
const records = createCommandHandler({
  store: training,
  decider: trainingRecordDecider,
  commands: trainingRecordCommand,
  clock: steppingClock("2026-07-01T01:00:00.000Z"),
});
await records.handle(trainingRecordStreamId("rep-ana"), {
  type: "AssignTraining",
  data: {
    repId: "rep-ana",
    assignmentId: "prod-q3",
    planId: "product",
    title: "Product Pro",
    dueOn: "2026-07-31",
    assignedBy: "mgr-li",
    courses: [
      {
        courseId: "c-prod",
        title: "Product Pro",
        topic: "product_knowledge",
        moduleIds: ["m1", "m2"],
        passingScoreBps: 8_000,
        certification: { certificationId: "cert-pro", name: "Product specialist", validForDays: 365 },
      },
    ],
  },
});
for (const [moduleId, scoreBps] of [
  ["m1", 9_000],
  ["m2", 7_500],
] as const) {
  await records.handle(trainingRecordStreamId("rep-ana"), {
    type: "CompleteModule",
    data: { assignmentId: "prod-q3", courseId: "c-prod", moduleId, scoreBps, completedOn: "2026-07-12" },
  });
}
const compliance = trainingCompliance(
  (await rebuildProjection(training, trainingComplianceProjection)).state,
  "2027-06-20",
);
console.log(
  `rep-ana training ${compliance.byRep["rep-ana"]!.completionBps! / 100}% complete; expiring soon: ${compliance.byRep["rep-ana"]!.expiringSoon.join(", ")}`,
);
// #endregion training
