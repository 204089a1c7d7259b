// One quarter, end to end: goals are set, deals and activities are logged, a review cycle runs through every state,
// and the final scores feed the MBO bonus of the incentive engine. Every figure is computed independently here.
import { describe, expect, it } from "vitest";
import {
  type AnalyticsSourceEvent,
  analyticsSourceEvents,
  createActivityOutcomeProjection,
} from "../../src/analytics/index.ts";
import {
  activityReading,
  appraisalScorecard,
  appraisalsEvents,
  goalAttainmentReading,
  type KpiDefinition,
  mboScoresFromCycle,
  measurementCommand,
  type ReviewCycleCommand,
  reviewCycleCommand,
  reviewCycleDecider,
  reviewCycleStreamId,
  reviewCycles,
} from "../../src/appraisals/index.ts";
import { goalPlanDecider, goalPlanStreamId, goalProgress, goalsCommand, goalsEvents } from "../../src/goals/index.ts";
import { calculate, definePlan } from "../../src/incentives/index.ts";
import {
  createCommandHandler,
  createInMemoryEventStore,
  defineCalendar,
  type EventStore,
  fold,
  rebuildProjection,
  steppingClock,
} from "../../src/index.ts";

const TZ = "Asia/Shanghai";
const usd = (amount: number) => ({ amount, currency: "USD" });
const kpis: KpiDefinition[] = [
  {
    kpiId: "quota",
    name: "Quota",
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
    kpiId: "activity",
    name: "Activity",
    source: { kind: "computed", metric: "activity_count" },
    scale: { min: 1, max: 5 },
    scoring: { kind: "linear", from: 0, to: 10 },
    weightBps: 1000,
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
    name: "Drive",
    source: { kind: "manual", ratedBy: "self" },
    scale: { min: 1, max: 5 },
    scoring: { kind: "direct" },
    weightBps: 500,
  },
];

async function all(store: EventStore<any>) {
  const out = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
}

describe("one quarter, end to end", () => {
  it("goals → deals and activities → review cycle through every state → MBO bonus", async () => {
    // 1. Goals are set for Q3.
    const goals = createInMemoryEventStore({ catalog: goalsEvents });
    const goalHandler = createCommandHandler({
      store: goals,
      decider: goalPlanDecider,
      commands: goalsCommand,
      clock: steppingClock("2026-06-25T00:00:00.000Z"),
    });
    for (const [repId, target] of [
      ["rep-ana", 100_000_00],
      ["rep-bo", 80_000_00],
    ] as const) {
      await goalHandler.handle(goalPlanStreamId("2026"), {
        type: "SetGoal",
        data: {
          goalId: `q3-${repId}`,
          metric: "revenue",
          target: usd(target),
          period: { periodId: "2026-Q3", calendar: { timeZone: TZ } },
          owner: { kind: "rep", repId },
          description: "Q3 revenue",
          measure: "credited revenue",
        },
      } as never);
    }

    // 2. Deals and activities are logged: Ana wins 2 of 3 and logs 5 calls, Bo wins 1 of 4 and logs 2.
    const sales = createInMemoryEventStore({ catalog: analyticsSourceEvents });
    const log: AnalyticsSourceEvent[] = [];
    const deal = (dealId: string, ownerId: string, won: boolean, amount: number, day: string) => {
      const common = { dealId, customerId: `cu-${dealId}`, ownerId, amount: usd(amount), openedOn: "2026-07-01" };
      log.push({
        type: "DealOpened",
        data: {
          ...common,
          name: dealId,
          stage: "qualify",
          probabilityBps: 2000,
          forecastCategory: "pipeline",
          openedAt: "2026-07-01T02:00:00.000Z",
        },
      } as AnalyticsSourceEvent);
      log.push({
        type: won ? "DealWon" : "DealLost",
        data: {
          ...common,
          closedOn: day,
          closedAt: `${day}T02:00:00.000Z`,
          reason: won ? "fit" : "price",
          competitorIds: [],
        },
      } as AnalyticsSourceEvent);
      if (won) {
        log.push({
          type: "SalesCreditAssigned",
          data: {
            creditId: `cr-${dealId}`,
            repId: ownerId,
            customerId: `cu-${dealId}`,
            source: { kind: "deal", id: dealId },
            splitType: "revenue",
            shareBps: 10_000,
            amount: usd(amount),
            creditedAt: `${day}T02:00:00.000Z`,
          },
        } as AnalyticsSourceEvent);
      }
    };
    deal("d1", "rep-ana", true, 60_000_00, "2026-07-20");
    deal("d2", "rep-ana", true, 50_000_00, "2026-08-20");
    deal("d3", "rep-ana", false, 30_000_00, "2026-09-01");
    deal("d4", "rep-bo", true, 56_000_00, "2026-08-10");
    for (const d of ["d5", "d6", "d7"]) deal(d, "rep-bo", false, 10_000_00, "2026-09-10");
    const calls = [
      ["rep-ana", 5],
      ["rep-bo", 2],
    ] as const;
    for (const [repId, n] of calls) {
      for (let i = 0; i < n; i++) {
        log.push({
          type: "InteractionLogged",
          data: {
            interactionId: `${repId}-${i}`,
            customerId: "cu-x",
            repId,
            channel: "call",
            occurredAt: `2026-07-${String(10 + i).padStart(2, "0")}T03:00:00.000Z`,
            outcome: "positive",
          },
        } as AnalyticsSourceEvent);
      }
    }
    for (const e of log)
      await sales.append(
        `sales-${e.type}-${(e.data as { dealId?: string; interactionId?: string }).dealId ?? (e.data as { interactionId: string }).interactionId}`,
        [e],
      );

    const progress = fold(goalProgress, [...(await all(goals)), ...(await all(sales))] as never);
    const activity = (
      await rebuildProjection(
        sales,
        createActivityOutcomeProjection({ calendar: defineCalendar({ timeZone: TZ }), period: "quarter" }),
      )
    ).state;

    // 3. A review cycle runs through every state.
    const store = createInMemoryEventStore({ catalog: appraisalsEvents });
    const cycles = createCommandHandler({
      store,
      decider: reviewCycleDecider,
      commands: reviewCycleCommand,
      clock: steppingClock("2026-09-25T00:00:00.000Z"),
    });
    const q3 = reviewCycleStreamId("2026-q3");
    const run = (c: ReviewCycleCommand) => cycles.handle(q3, c);
    await run({
      type: "OpenReviewCycle",
      data: {
        cycleId: "2026-q3",
        name: "Q3 2026",
        period: { start: "2026-07-01", end: "2026-10-01" },
        scale: { min: 1, max: 5 },
        kpis,
        population: { roles: ["rep"] },
        participants: [
          { repId: "rep-ana", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] },
          { repId: "rep-bo", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] },
        ],
        openedBy: "mgr-li",
      },
    });
    for (const repId of ["rep-ana", "rep-bo"]) {
      const readings = {
        quota: goalAttainmentReading(progress, `q3-${repId}`),
        win_rate: activityReading(activity, "win_rate", repId, "2026-Q3"),
        activity: activityReading(activity, "activity_count", repId, "2026-Q3"),
      };
      expect(readings.quota).toMatchObject({ value: repId === "rep-ana" ? 11_000 : 7000 }); // 110k/100k, 56k/80k
      expect(readings.win_rate).toMatchObject({ value: repId === "rep-ana" ? 6667 : 2500 }); // 2/3, 1/4
      expect(readings.activity).toMatchObject({ value: repId === "rep-ana" ? 5 : 2 });
      for (const [kpiId, reading] of Object.entries(readings)) await run(measurementCommand(repId, kpiId, reading)!);
    }
    await run({ type: "StartSelfReview", data: {} });
    await run({
      type: "SubmitFeedback",
      data: {
        feedbackId: "s-ana",
        repId: "rep-ana",
        kind: "self",
        authorId: "rep-ana",
        ratings: { drive: 4 },
        comment: "Great quarter",
      },
    });
    await run({
      type: "StartManagerReview",
      data: { waiveMissingSelfReviews: { reason: "Bo was on leave in September" } },
    });
    await run({
      type: "SubmitFeedback",
      data: {
        feedbackId: "m-ana",
        repId: "rep-ana",
        kind: "manager",
        authorId: "mgr-li",
        ratings: { coaching: 8 },
        comment: "Keep it up",
      },
    });
    await run({
      type: "SubmitFeedback",
      data: {
        feedbackId: "m-bo",
        repId: "rep-bo",
        kind: "manager",
        authorId: "mgr-li",
        ratings: { coaching: 6 },
        comment: "Qualify earlier",
      },
    });
    await run({ type: "StartCalibration", data: {} });
    await run({
      type: "CalibrateScore",
      data: {
        repId: "rep-bo",
        scoreMilli: 2500,
        reason: "Two deals slipped into Q4 after his leave",
        calibratedBy: "dir-wu",
      },
    });
    await run({ type: "CloseReviewCycle", data: {} });

    const state = (await rebuildProjection(store, reviewCycles)).state;
    // Ana: quota 11,000 → 1 + 6,000·4/8,000 = 4; win 6,667 → 5; activity 5 → 1 + 5·4/10 = 3; coaching 8 → 1 + 7·4/9; drive 4.
    const ana = (5000 * 4 + 2000 * 5 + 1000 * 3 + (1500 * (9 + 28)) / 9 + 500 * 4) / 10_000;
    // Bo: quota 7,000 → 2; win 2,500 → 2; activity 2 → 1.8; coaching 6 → 1 + 5·4/9; drive missing (self review waived).
    const bo = (5000 * 2 + 2000 * 2 + 1000 * 1.8 + (1500 * (9 + 20)) / 9) / 9500;
    const anaCard = appraisalScorecard(state, "2026-q3", "rep-ana");
    const boCard = appraisalScorecard(state, "2026-q3", "rep-bo");
    expect(anaCard.scorecard.scoreMilli).toBe(Math.round(ana * 1000));
    expect(anaCard.finalMilli).toBe(4117);
    expect(boCard.scorecard.missingKpiIds).toEqual(["drive"]);
    expect(boCard.originalMilli).toBe(Math.round(bo * 1000));
    expect(boCard.originalMilli).toBe(2172);
    expect(boCard.finalMilli).toBe(2500);
    expect(state.cycles["2026-q3"]?.status).toBe("closed");

    // 4. The final scores feed the MBO bonus of a quarterly plan.
    const plan = definePlan({
      planId: "ae-2026",
      version: 1,
      name: "AE 2026",
      currency: "USD",
      effectiveFrom: "2026-Q3",
      calendar: { timeZone: TZ },
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
    const mbo = mboScoresFromCycle(state, "2026-q3", { bonus: plan.bonuses![0]!, periodIds: ["2026-Q3"] });
    const credits = log.filter((e) => e.type === "SalesCreditAssigned").map((e) => e.data as never);
    for (const [repId, finalMilli, revenue] of [
      ["rep-ana", 4117, 110_000_00],
      ["rep-bo", 2500, 56_000_00],
    ] as const) {
      const statement = calculate(
        plan,
        { repId, credits: credits.filter((c: { repId: string }) => c.repId === repId), mboScores: mbo[repId] },
        "2026-Q3",
      );
      const mboLines = statement.lines.filter((l) => l.kind === "mbo").map((l) => l.amount.amount);
      // target × (score − 1) / (5 − 1): Ana 200,000 × 3.117 / 4 = 155,850; Bo 200,000 × 1.5 / 4 = 75,000
      expect(mboLines).toEqual([(2_000_00 * (finalMilli - 1000)) / 4000]);
      const commission = statement.lines.filter((l) => l.kind !== "mbo").reduce((a, l) => a + l.amount.amount, 0);
      expect(commission).toBe(revenue * 0.05);
    }
  });
});
