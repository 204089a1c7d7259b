import { describe, expect, it } from "vitest";
import {
  attainmentBps,
  type GoalEvent,
  goalAttainment,
  goalBook,
  goalPacing,
  goalProgress,
  starPerformers,
  targetHistory,
  targetMismatches,
} from "../../../src/goals/index.ts";
import { type EventEnvelope, fold } from "../../../src/index.ts";
import { credit, goal, interaction, joined, progressOf, teamCreated, usd } from "./fixtures.ts";

// Asia/Shanghai, Q3 2026 = [2026-07-01T00:00+08:00, 2026-10-01T00:00+08:00).
const team = [
  teamCreated("sales"),
  teamCreated("east", "sales"),
  teamCreated("west", "sales"),
  joined("ana", "east"),
  joined("bo", "west"),
  joined("cy", "east"),
  joined("cy", "west", "2026-08-01T00:00:00+08:00"),
];
const credits = [
  credit({ repId: "bo", customerId: "cu1", deal: "d0", amount: 99_00, at: "2026-06-01T10:00:00+08:00" }), // Q2
  credit({
    creditId: "c1",
    repId: "ana",
    customerId: "cu1",
    deal: "d1",
    amount: 300_00,
    margin: 100_00,
    units: 3,
    at: "2026-07-10T10:00:00+08:00",
  }),
  credit({ repId: "ana", customerId: "cu2", deal: "d2", amount: 100_00, at: "2026-08-05T10:00:00+08:00" }),
  credit({ repId: "bo", customerId: "cu2", deal: "d2", amount: 100_00, at: "2026-08-05T10:00:00+08:00" }),
  credit({
    repId: "wu",
    customerId: "cu2",
    deal: "d2",
    amount: 40_00,
    at: "2026-08-05T10:00:00+08:00",
    splitType: "overlay",
  }),
  credit({ repId: "cy", customerId: "cu3", deal: "d3", amount: 200_00, at: "2026-07-20T10:00:00+08:00" }),
  credit({ repId: "cy", customerId: "cu4", deal: "d4", amount: 50_00, at: "2026-08-10T10:00:00+08:00" }),
  credit({
    repId: "ana",
    customerId: "cu1",
    deal: "d1",
    amount: -300_00,
    at: "2026-09-01T10:00:00+08:00",
    reverses: "c1",
  }),
  credit({
    repId: "ana",
    customerId: "cu1",
    deal: "d5",
    amount: 10_00,
    currency: "EUR",
    at: "2026-09-02T10:00:00+08:00",
  }),
  credit({ repId: "ana", customerId: "cu5", deal: "d6", amount: 500_00, at: "2026-10-01T00:00:00+08:00" }), // Q4
];
const activities = [
  interaction("ana", "2026-07-02T10:00:00+08:00"),
  interaction("ana", "2026-08-02T10:00:00+08:00"),
  interaction("ana", "2026-09-30T23:59:59+08:00"),
  interaction("ana", "2026-10-01T00:00:00+08:00"),
  interaction("cy", "2026-07-03T10:00:00+08:00"),
  interaction("cy", "2026-08-03T10:00:00+08:00"),
];
const goals: GoalEvent[] = [
  goal("company", { kind: "company" }, "revenue", usd(1000_00)),
  goal("sales", { kind: "team", teamId: "sales" }, "revenue", usd(450_00)),
  goal("east", { kind: "team", teamId: "east" }, "revenue", usd(400_00)),
  goal("west", { kind: "team", teamId: "west" }, "revenue", usd(100_00)),
  goal("east-calls", { kind: "team", teamId: "east" }, "activity_count", { count: 8 }),
  goal("ana-rev", { kind: "rep", repId: "ana" }, "revenue", usd(200_00)),
  goal("ana-gm", { kind: "rep", repId: "ana" }, "gross_margin", usd(300_00)),
  goal("ana-units", { kind: "rep", repId: "ana" }, "units", { count: 3 }),
  goal("ana-deals", { kind: "rep", repId: "ana" }, "deal_count", { count: 3 }),
  goal("ana-new", { kind: "rep", repId: "ana" }, "new_customers", { count: 2 }),
  goal("ana-calls", { kind: "rep", repId: "ana" }, "activity_count", { count: 4 }),
  goal("wu-rev", { kind: "rep", repId: "wu" }, "revenue", usd(40_00)),
  goal("bo-deals-0", { kind: "rep", repId: "bo" }, "deal_count", { count: 0 }),
  goal("bo-new-0", { kind: "rep", repId: "bo" }, "new_customers", { count: 0 }, "2026-Q4"),
  goal("ana-demos", { kind: "rep", repId: "ana" }, { custom: "demos" }, { count: 5 }),
];
const progress = progressOf([...team, ...credits, ...activities, ...goals]);

describe("goal attainment", () => {
  it("measures money metrics from the owner's credited share, per currency", () => {
    // ana: 300 + 100 − 300 (the refund of c1) = USD 100; the EUR credit is left out and reported.
    const rev = goalAttainment(progress, "ana-rev");
    expect(rev.achieved).toEqual(usd(100_00));
    expect(rev.excluded).toEqual({ otherCurrency: 1, withoutMargin: 0 });
    expect([rev.attainmentBps, rev.status, rev.shortage]).toEqual([5000, "below", usd(100_00)]);
    const gm = goalAttainment(progress, "ana-gm");
    expect([gm.achieved, gm.excluded.withoutMargin, gm.attainmentBps]).toEqual([usd(100_00), 3, 3333]);
    expect(goalAttainment(progress, "ana-units").achieved).toEqual({ count: 3 });
  });

  it("counts distinct deals with net positive revenue credit and customers first won in the period", () => {
    // d1 was refunded in full (net 0); d2 and d5 count.
    expect(goalAttainment(progress, "ana-deals").achieved).toEqual({ count: 2 });
    // cu1 was first won in Q2 by bo; cu2 is new in Q3 (shared with bo).
    expect(goalAttainment(progress, "ana-new").achieved).toEqual({ count: 1 });
    // Interactions in [start, end): the one at Q4's first instant is out.
    expect(goalAttainment(progress, "ana-calls").achieved).toEqual({ count: 3 });
  });

  it("rolls team and company goals up from members' revenue-split credit at the credit's instant", () => {
    // east: ana 100 + cy's July credit 200 (cy moved to west on 1 August).
    const east = goalAttainment(progress, "east");
    expect(east.achieved).toEqual(usd(300_00));
    expect(east.contributors).toEqual([
      { repId: "ana", achieved: 100_00 },
      { repId: "cy", achieved: 200_00 },
    ]);
    expect(goalAttainment(progress, "west").achieved).toEqual(usd(150_00));
    // The parent team is the sum of its sub-teams; wu's overlay credit never rolls up.
    expect(goalAttainment(progress, "sales").achieved).toEqual(usd(450_00));
    const company = goalAttainment(progress, "company");
    expect([company.achieved, company.attainmentBps, company.shortage]).toEqual([usd(450_00), 4500, usd(550_00)]);
    // …but it counts for wu's own goal.
    expect(goalAttainment(progress, "wu-rev")).toMatchObject({
      achieved: usd(40_00),
      attainmentBps: 10_000,
      status: "met",
    });
    expect(goalAttainment(progress, "east-calls").achieved).toEqual({ count: 4 });
  });

  it("defines zero-target attainment: 100% when achieved ≥ 0", () => {
    expect(goalAttainment(progress, "bo-deals-0")).toMatchObject({
      achieved: { count: 1 },
      attainmentBps: 10_000,
      status: "exceeded",
    });
    expect(goalAttainment(progress, "bo-new-0")).toMatchObject({
      achieved: { count: 0 },
      attainmentBps: 10_000,
      status: "met",
    });
    expect([
      attainmentBps(0, 0),
      attainmentBps(-1, 0),
      attainmentBps(2, 3),
      attainmentBps(-1, 3),
      attainmentBps(19_999, 20_000),
    ]).toEqual([10_000, 0, 6666, -3334, 9999]);
  });

  it("leaves custom metrics unmeasured and refuses unknown goals", () => {
    expect(goalAttainment(progress, "ana-demos")).toMatchObject({ measured: false, achieved: { count: 0 } });
    expect(() => goalAttainment(progress, "nope")).toThrow(/unknown|no active goal/);
  });

  it("folds the same way from scratch and incrementally", () => {
    const all = [...team, ...credits, ...activities, ...goals].map((e, i) => ({ ...e, globalPosition: i + 1 }));
    const envelopes = all as unknown as EventEnvelope<never>[];
    const half = fold(goalProgress, envelopes.slice(0, 12));
    const rest = fold(goalProgress, envelopes.slice(12), half);
    expect(JSON.parse(JSON.stringify(rest))).toEqual(JSON.parse(JSON.stringify(progress)));
    expect(goalAttainment(rest, "sales").achieved).toEqual(usd(450_00));
  });

  it("measures achieved-to-date", () => {
    expect(goalAttainment(progress, "company", "2026-08-01T00:00:00+08:00").achieved).toEqual(usd(500_00));
  });

  it("lists star performers at or above the threshold, best first", () => {
    expect(starPerformers(progress, { periodId: "2026-Q3" }).map((s) => `${s.goalId}:${s.attainmentBps}`)).toEqual([
      "ana-units:10000",
      "bo-deals-0:10000",
      "wu-rev:10000",
    ]);
    expect(starPerformers(progress, { metric: "activity_count", thresholdBps: 7500 }).map((s) => s.repId)).toEqual([
      "ana",
    ]);
    expect(() => starPerformers(progress, { thresholdBps: -1 })).toThrow();
  });
});

describe("goal pacing", () => {
  const paced = (achieved: number) =>
    progressOf([
      goal("q", { kind: "rep", repId: "ana" }, "revenue", usd(920_00)),
      ...(achieved > 0 ? [credit({ repId: "ana", deal: "d", amount: achieved, at: "2026-07-05T10:00:00+08:00" })] : []),
      credit({ repId: "ana", deal: "later", amount: 999_00, at: "2026-09-01T10:00:00+08:00" }),
    ]);
  const at = "2026-08-16T12:00:00+08:00"; // 31 + 15 whole days elapsed of 92

  it("expects target × elapsed days / period days on the linear curve", () => {
    const p = goalPacing(paced(460_00), "q", at, { curve: "linear" });
    expect([p.elapsedDays, p.periodDays, p.expected, p.achieved, p.status]).toEqual([
      46,
      92,
      usd(460_00),
      usd(460_00),
      "on_track",
    ]);
    expect(goalPacing(paced(450_00), "q", at)).toMatchObject({ status: "cautioned", behindBps: 217 });
    expect(goalPacing(paced(414_00), "q", at)).toMatchObject({ status: "off_track", behindBps: 1000 });
    expect(goalPacing(paced(414_01), "q", at)).toMatchObject({ status: "cautioned" });
    expect(goalPacing(paced(450_00), "q", at, { onTrackWithinBps: 300 }).status).toBe("on_track");
    expect(goalPacing(paced(0), "q", "2026-07-01T00:00:00+08:00")).toMatchObject({
      expected: usd(0),
      status: "on_track",
    });
    expect(goalPacing(paced(0), "q", "2026-10-01T00:00:00+08:00").expected).toEqual(usd(920_00));
  });

  it("follows the seasonal distribution when there is one", () => {
    const months = ["2026-07", "2026-08", "2026-09"].map((id, i) => ({
      ...goal(`q-${id}`, { kind: "rep", repId: "ana" }, "revenue", usd([276_00, 276_00, 368_00][i]!), id),
    }));
    for (const m of months) (m.data as { parentGoalId?: string; basis?: string }).parentGoalId = "q";
    for (const m of months) (m.data as { basis?: string }).basis = "seasonal";
    const progress = progressOf([goal("q", { kind: "rep", repId: "ana" }, "revenue", usd(920_00)), ...months]);
    // July in full, then 15 of August's 31 days: 27,600 + 27,600 × 15 / 31 = 40,954.84 → 40,955 (half_up).
    expect(goalPacing(progress, "q", at)).toMatchObject({ curve: "seasonal", expected: usd(40_955) });
    expect(goalPacing(progress, "q", at, { curve: "linear" }).expected).toEqual(usd(46_000));
    expect(() => goalPacing(paced(0), "q", at, { curve: "seasonal" })).toThrow(/seasonal/);
    expect(() => goalPacing(paced(0), "q", at, { offTrackBehindBps: 0 })).toThrow();
  });
});

describe("goal book", () => {
  const events: GoalEvent[] = [
    goal("q", { kind: "team", teamId: "east" }, "revenue", usd(900_00)),
    {
      ...goal("a", { kind: "rep", repId: "ana" }, "revenue", usd(540_00)),
      data: {
        ...goal("a", { kind: "rep", repId: "ana" }, "revenue", usd(540_00)).data,
        parentGoalId: "q",
        basis: "split",
      },
    } as GoalEvent,
    {
      ...goal("b", { kind: "rep", repId: "bo" }, "revenue", usd(360_00)),
      data: {
        ...goal("b", { kind: "rep", repId: "bo" }, "revenue", usd(360_00)).data,
        parentGoalId: "q",
        basis: "split",
      },
    } as GoalEvent,
    { type: "GoalLocked", data: { goalId: "q", at: "2026-06-21T00:00:00.000Z" } },
    {
      type: "GoalProrated",
      data: {
        goalId: "b",
        version: 2,
        fullTarget: usd(360_00),
        target: usd(180_00),
        days: 46,
        periodDays: 92,
        rounding: "half_up",
        source: "dates",
        at: "2026-08-17T00:00:00.000Z",
      },
    },
    {
      type: "GoalAdjusted",
      data: {
        goalId: "q",
        version: 2,
        previousTarget: usd(900_00),
        target: usd(720_00),
        reason: "ramp",
        actor: "vp",
        at: "2026-08-18T00:00:00.000Z",
      },
    },
  ];
  const book = (list: GoalEvent[]) =>
    fold(goalBook, list.map((e, i) => ({ ...e, globalPosition: i + 1 })) as unknown as EventEnvelope<GoalEvent>[]);

  it("reports children that do not add up to their parent, with the difference", () => {
    expect(targetMismatches(book(events.slice(0, 3)))).toEqual([]);
    expect(targetMismatches(book(events.slice(0, 5)))).toEqual([
      {
        parentGoalId: "q",
        basis: "split",
        parentTarget: usd(900_00),
        childrenTotal: usd(720_00),
        difference: -180_00,
        childGoalIds: ["a", "b"],
      },
    ]);
    expect(targetMismatches(book(events))).toEqual([]);
  });

  it("keeps every target version with its change, reason, actor and time", () => {
    const b = book(events);
    expect(
      targetHistory(b, "q").map((v) => [
        v.version,
        v.change,
        v.reason,
        v.actor,
        (v.target as { amount: number }).amount,
      ]),
    ).toEqual([
      [1, "set", undefined, undefined, 900_00],
      [2, "adjusted", "ramp", "vp", 720_00],
    ]);
    expect(targetHistory(b, "b")[1]).toMatchObject({
      change: "prorated",
      reason: "proration 46/92 days (dates, half_up)",
    });
    expect(targetHistory(b, "none")).toEqual([]);
  });
});
