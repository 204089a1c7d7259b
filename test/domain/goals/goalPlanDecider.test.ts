import { describe, expect, it } from "vitest";
import { type GoalEvent, goalPlanDecider, goalRules, goalsCommand } from "../../../src/goals/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const NOW = "2026-06-20T01:00:00.000Z";
const spec = deciderSpec(goalPlanDecider, { commands: goalsCommand, now: NOW, actor: "manager:li" });
const by = { actor: "manager:li", at: NOW };
const calendar = { timeZone: "Asia/Shanghai" };
const usd = (amount: number) => ({ amount, currency: "USD" });
const q3 = { periodId: "2026-Q3", calendar };

const goalSet = (
  goalId: string,
  target: { amount: number; currency: string } | { count: number },
  extra: Record<string, unknown> = {},
): GoalEvent => ({
  type: "GoalSet",
  data: {
    goalId,
    metric: "currency" in target ? "revenue" : "deal_count",
    target,
    period: q3,
    owner: { kind: "team", teamId: "east" },
    description: "East closes USD 900k in Q3",
    measure: "Revenue-split credit dated in Q3",
    ...by,
    ...extra,
  } as never,
});
const q3East = goalSet("q3", usd(90_000_000));
const locked: GoalEvent = { type: "GoalLocked", data: { goalId: "q3", ...by } };
const cancelled: GoalEvent = { type: "GoalCancelled", data: { goalId: "q3", reason: "reorg", ...by } };

describe("goal plan decider: setting goals", () => {
  const set = (data: Record<string, unknown> = {}) =>
    ({
      type: "SetGoal",
      data: {
        goalId: "q3",
        metric: "revenue",
        target: usd(90_000_000),
        period: q3,
        owner: { kind: "team", teamId: "east" },
        description: "East closes USD 900k in Q3",
        measure: "Revenue-split credit dated in Q3",
        ...data,
      },
    }) as never;

  it("sets a goal with the actor and time of the decision", () => {
    spec.given([]).when(set()).then([q3East]);
  });

  it(`refuses a taken id (${goalRules.goalAlreadyExists})`, () => {
    spec.given([q3East]).when(set()).then("goal_already_exists");
  });

  it(`refuses a target that does not fit the metric (${goalRules.targetMustMatchMetric})`, () => {
    spec
      .given([])
      .when(set({ target: { count: 5 } }))
      .then("target_must_match_metric");
    spec
      .given([])
      .when(set({ metric: "units", target: usd(5) }))
      .then("target_must_match_metric");
    spec
      .given([])
      .when(set({ metric: { custom: "demos" }, target: { count: 5 } }))
      .then([
        {
          ...goalSet("q3", { count: 5 }),
          data: { ...goalSet("q3", { count: 5 }).data, metric: { custom: "demos" } },
        } as GoalEvent,
      ]);
  });

  it(`links a child to its parent, inferring split or seasonal, and refuses a missing parent (${goalRules.goalNotFound})`, () => {
    const child = set({ goalId: "q3-jul", period: { periodId: "2026-07", calendar }, parentGoalId: "q3" });
    spec.given([]).when(child).then("goal_not_found");
    spec
      .given([q3East])
      .when(child)
      .then([
        goalSet("q3-jul", usd(90_000_000), {
          period: { periodId: "2026-07", calendar },
          parentGoalId: "q3",
          basis: "seasonal",
        }),
      ]);
    spec
      .given([q3East])
      .when(set({ goalId: "q3-ana", owner: { kind: "rep", repId: "ana" }, parentGoalId: "q3" }))
      .then([
        goalSet("q3-ana", usd(90_000_000), {
          owner: { kind: "rep", repId: "ana" },
          parentGoalId: "q3",
          basis: "split",
        }),
      ]);
  });

  it(`refuses a child of another metric or currency (${goalRules.childMetricMismatch})`, () => {
    spec
      .given([q3East])
      .when(set({ goalId: "c", parentGoalId: "q3", metric: "gross_margin" }))
      .then("child_metric_mismatch");
    spec
      .given([q3East])
      .when(set({ goalId: "c", parentGoalId: "q3", target: { amount: 5, currency: "EUR" } }))
      .then("child_metric_mismatch");
  });

  it(`refuses a child outside the parent's period (${goalRules.childPeriodOutsideParent})`, () => {
    spec
      .given([q3East])
      .when(set({ goalId: "c", parentGoalId: "q3", period: { periodId: "2026-10", calendar } }))
      .then("child_period_outside_parent");
    spec
      .given([q3East])
      .when(
        set({
          goalId: "c",
          parentGoalId: "q3",
          period: { periodId: "2026-07", calendar: { timeZone: "Europe/Berlin" } },
        }),
      )
      .then("child_period_outside_parent");
  });
});

describe("goal plan decider: cascades and distributions", () => {
  const cascade = (weights: number[], ids = weights.map((_, i) => `c${i}`)) =>
    ({
      type: "CascadeGoal",
      data: {
        parentGoalId: "q3",
        children: weights.map((weightBps, i) => ({
          goalId: ids[i]!,
          owner: { kind: "rep" as const, repId: `rep${i}` },
          weightBps,
        })),
      },
    }) as const;

  it("splits the target by weights with remainders allocated deterministically", () => {
    const events = spec.given([goalSet("q3", usd(100))]).when(cascade([3333, 3333, 3334]));
    events.then([
      ...[33, 33, 34].map((amount, i) =>
        goalSet(`c${i}`, usd(amount), {
          owner: { kind: "rep", repId: `rep${i}` },
          parentGoalId: "q3",
          basis: "split",
          description: `East closes USD 900k in Q3 (share of rep${i})`,
        }),
      ),
      {
        type: "GoalCascaded",
        data: {
          parentGoalId: "q3",
          basis: "split",
          allocations: [33, 33, 34].map((amount, i) => ({
            goalId: `c${i}`,
            weightBps: [3333, 3333, 3334][i]!,
            target: usd(amount),
          })),
          ...by,
        },
      },
    ]);
  });

  it(`refuses weights that do not total 10,000 bps (${goalRules.weightsMustTotal10000})`, () => {
    spec
      .given([q3East])
      .when(cascade([5000, 4999]))
      .then("weights_must_total_10000");
    spec
      .given([q3East])
      .when(cascade([5000, 5001]))
      .then("weights_must_total_10000");
  });

  it(`refuses child ids already taken or repeated (${goalRules.goalAlreadyExists})`, () => {
    spec
      .given([q3East])
      .when(cascade([5000, 5000], ["q3", "c1"]))
      .then("goal_already_exists");
    spec
      .given([q3East])
      .when(cascade([5000, 5000], ["c1", "c1"]))
      .then("goal_already_exists");
  });

  it(`refuses to cascade a cancelled goal (${goalRules.goalCancelled})`, () => {
    spec
      .given([q3East, cancelled])
      .when(cascade([10_000]))
      .then("goal_cancelled");
  });

  const distribute = (kind: string, weights: number[]) =>
    ({
      type: "DistributeGoal",
      data: {
        goalId: "q3",
        subPeriodKind: kind,
        children: weights.map((weightBps, i) => ({ goalId: `m${i}`, weightBps })),
      },
    }) as never;

  it("distributes a quarter over its months", () => {
    const out = goalPlanDecider.decide(
      goalsCommand.parse(distribute("month", [3000, 3000, 4000])),
      goalPlanDecider.evolve(goalPlanDecider.initialState(), goalSet("q3", { count: 7 })),
      { now: NOW, actor: undefined, newId: () => "x" },
    ) as GoalEvent[];
    expect(
      out.map((e) => (e.type === "GoalSet" ? `${e.data.period.periodId}=${JSON.stringify(e.data.target)}` : e.type)),
    ).toEqual(['2026-07={"count":2}', '2026-08={"count":2}', '2026-09={"count":3}', "GoalCascaded"]);
  });

  it(`refuses a distribution that does not match the sub-periods (${goalRules.distributionMustMatchSubPeriods})`, () => {
    spec
      .given([q3East])
      .when(distribute("month", [5000, 5000]))
      .then("distribution_must_match_sub_periods");
    spec
      .given([q3East])
      .when(distribute("week", [10_000]))
      .then("distribution_must_match_sub_periods");
    spec
      .given([q3East])
      .when(distribute("quarter", [10_000]))
      .then("distribution_must_match_sub_periods");
    spec
      .given([q3East])
      .when(distribute("month", [3000, 3000, 3000]))
      .then("weights_must_total_10000");
  });
});

describe("goal plan decider: locks, revisions, adjustments, proration", () => {
  it(`revises an open goal but not a locked one (${goalRules.goalLocked})`, () => {
    const revise = { type: "ReviseGoal", data: { goalId: "q3", target: usd(95_000_000) } } as const;
    spec
      .given([q3East])
      .when(revise)
      .then([
        {
          type: "GoalRevised",
          data: {
            goalId: "q3",
            version: 2,
            target: usd(95_000_000),
            description: "East closes USD 900k in Q3",
            measure: "Revenue-split credit dated in Q3",
            ...by,
          },
        },
      ]);
    spec.given([q3East, locked]).when(revise).then("goal_locked");
    spec
      .given([q3East, locked])
      .when({ type: "CancelGoal", data: { goalId: "q3", reason: "x" } })
      .then("goal_locked");
  });

  it(`keeps the currency (${goalRules.currencyMustNotChange})`, () => {
    spec
      .given([q3East])
      .when({ type: "ReviseGoal", data: { goalId: "q3", target: { amount: 1, currency: "EUR" } } })
      .then("currency_must_not_change");
    spec
      .given([q3East])
      .when({ type: "AdjustGoal", data: { goalId: "q3", target: { count: 1 }, reason: "other" } })
      .then("target_must_match_metric");
  });

  it("locks once: a second lock is a no-op", () => {
    spec
      .given([q3East])
      .when({ type: "LockGoal", data: { goalId: "q3" } })
      .then([locked]);
    spec
      .given([q3East, locked])
      .when({ type: "LockGoal", data: { goalId: "q3" } })
      .then([]);
    spec
      .given([])
      .when({ type: "LockGoal", data: { goalId: "q3" } })
      .then("goal_not_found");
  });

  it("adjusts a locked goal with a reason, keeping the previous target", () => {
    spec
      .given([q3East, locked])
      .when({
        type: "AdjustGoal",
        data: { goalId: "q3", target: usd(80_000_000), reason: "market_change", note: "Price war" },
      })
      .then([
        {
          type: "GoalAdjusted",
          data: {
            goalId: "q3",
            target: usd(80_000_000),
            reason: "market_change",
            note: "Price war",
            version: 2,
            previousTarget: usd(90_000_000),
            ...by,
          },
        },
      ]);
    spec
      .given([q3East, cancelled])
      .when({ type: "AdjustGoal", data: { goalId: "q3", target: usd(1), reason: "other" } })
      .then("goal_cancelled");
  });

  it("prorates by explicit dates or by team participation, from the full target", () => {
    const prorated = (days: number, amount: number, source: string, version = 2): GoalEvent => ({
      type: "GoalProrated",
      data: {
        goalId: "q3",
        version,
        fullTarget: usd(90_000_000),
        target: usd(amount),
        days,
        periodDays: 92,
        rounding: "half_up",
        source,
        ...by,
      } as never,
    });
    // 17 Aug – 30 Sep is 45 of 92 days: 90,000,000 × 45 / 92 = 44,021,739.13… → 44,021,739.
    spec
      .given([q3East, locked])
      .when({
        type: "ProrateGoal",
        data: { goalId: "q3", participation: { source: "dates", from: "2026-08-17" }, rounding: "half_up" },
      })
      .then([prorated(45, 44_021_739, "dates")]);
    spec
      .given([q3East, prorated(45, 44_021_739, "dates")])
      .when({
        type: "ProrateGoal",
        data: {
          goalId: "q3",
          participation: { source: "team_participation", days: 46, periodDays: 92 },
          rounding: "half_up",
        },
      })
      .then([prorated(46, 45_000_000, "team_participation", 3)]);
  });

  it("revises only the wording of a prorated goal without touching its target", () => {
    const prorated: GoalEvent = {
      type: "GoalProrated",
      data: {
        goalId: "q3",
        version: 2,
        fullTarget: usd(90_000_000),
        target: usd(44_021_739),
        days: 45,
        periodDays: 92,
        rounding: "half_up",
        source: "dates",
        ...by,
      } as never,
    };
    const reworded: GoalEvent = {
      type: "GoalRevised",
      data: {
        goalId: "q3",
        version: 3,
        description: "Clearer wording",
        measure: "Revenue-split credit dated in Q3",
        ...by,
      },
    };
    spec
      .given([q3East, prorated])
      .when({ type: "ReviseGoal", data: { goalId: "q3", description: "Clearer wording" } })
      .then([reworded]);
    const state = [q3East, prorated, reworded].reduce(goalPlanDecider.evolve, goalPlanDecider.initialState());
    expect(state.goals.q3?.target).toEqual(usd(44_021_739));
    expect(state.goals.q3?.fullTarget).toEqual(usd(90_000_000));
    expect(state.goals.q3?.versions.map((v) => [v.version, v.change, v.target])).toEqual([
      [1, "set", usd(90_000_000)],
      [2, "prorated", usd(44_021_739)],
      [3, "revised", usd(44_021_739)],
    ]);
  });

  it(`refuses participation counted over another period length (${goalRules.participationPeriodMismatch})`, () => {
    spec
      .given([q3East])
      .when({
        type: "ProrateGoal",
        data: {
          goalId: "q3",
          participation: { source: "team_participation", days: 10, periodDays: 30 },
          rounding: "down",
        },
      })
      .then("participation_period_mismatch");
  });

  it("lists every rule it can throw", () => {
    expect(Object.values(goalRules).sort()).toEqual(
      [
        "child_metric_mismatch",
        "child_period_outside_parent",
        "currency_must_not_change",
        "distribution_must_match_sub_periods",
        "goal_already_exists",
        "goal_cancelled",
        "goal_locked",
        "goal_not_found",
        "participation_period_mismatch",
        "target_must_match_metric",
        "weights_must_total_10000",
      ].sort(),
    );
  });
});
