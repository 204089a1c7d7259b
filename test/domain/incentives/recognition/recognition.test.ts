// Recognition: badges from declarative rules awarded idempotently at period end, leaderboards with a documented
// tie-break, contests with rank and target prizes, and the recognition projections.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditEvents } from "../../../../src/credit/index.ts";
import {
  attainmentOf,
  badgeCommand,
  badgeDecider,
  badgeStreamId,
  contestCommand,
  contestDecider,
  contestOutcome,
  contestStreamId,
  creditLeaderboard,
  defineBadges,
  evaluateBadges,
  incentivesEvents,
  leaderboard,
  leaderboardFor,
  recognitionBoard,
} from "../../../../src/incentives/index.ts";
import {
  createCommandHandler,
  createInMemoryEventStore,
  defineCalendar,
  fixedClock,
  rebuildProjection,
} from "../../../../src/index.ts";
import { credit, statementOf } from "../events/fixtures.ts";

const badges = defineBadges([
  { badgeId: "first", name: "First deal", kind: "first_deal" },
  { badgeId: "club", name: "100% club", kind: "attainment", thresholdBps: 10_000 },
  { badgeId: "hat-trick", name: "Hat-trick", kind: "streak", thresholdBps: 10_000, periods: 3 },
  { badgeId: "csat", name: "Customer hero", kind: "top_csat", minResponses: 5 },
]);
const march = { periodId: "2026-03", periodStart: "2026-03-01T00:00:00.000Z", periodEnd: "2026-04-01T00:00:00.000Z" };

describe("badges", () => {
  it("validates definitions: zod shape and unique ids", () => {
    const dup = () =>
      defineBadges([
        { badgeId: "a", name: "A", kind: "first_deal" },
        { badgeId: "a", name: "B", kind: "first_deal" },
      ]);
    expect(dup).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: "duplicate_id" })] }));
    expect(() => defineBadges([{ badgeId: "s", name: "S", kind: "streak", thresholdBps: 10_000, periods: 1 }])).toThrow(
      /defineBadges/,
    );
  });

  it("evaluates each rule at period end: first deal, attainment, streaks, top CSAT (ties all win)", () => {
    const awards = evaluateBadges(badges, {
      ...march,
      reps: [
        {
          repId: "rep-bo",
          attainmentBps: { nb: 10_000 },
          firstDealAt: "2026-03-31T23:59:59.999Z",
          csat: { scoreBps: 9_500, responses: 8 },
        },
        {
          repId: "rep-ana",
          attainmentBps: { nb: 12_500, renewals: 8_000 },
          firstDealAt: "2026-01-10T00:00:00.000Z",
          csat: { scoreBps: 9_500, responses: 5 },
        },
        { repId: "rep-cy", attainmentBps: { nb: 9_999 }, csat: { scoreBps: 10_000, responses: 4 } },
      ],
      history: [
        {
          periodId: "2026-01",
          reps: [
            { repId: "rep-ana", attainmentBps: { nb: 10_100 } },
            { repId: "rep-bo", attainmentBps: { nb: 10_000 } },
          ],
        },
        {
          periodId: "2026-02",
          reps: [
            { repId: "rep-ana", attainmentBps: { nb: 11_000 } },
            { repId: "rep-bo", attainmentBps: { nb: 9_000 } },
          ],
        },
      ],
    });
    expect(awards.map((a) => `${a.badgeId}:${a.repId}`)).toEqual([
      "first:rep-bo",
      "club:rep-ana",
      "club:rep-bo",
      "hat-trick:rep-ana",
      "csat:rep-ana",
      "csat:rep-bo",
    ]);
    expect(awards[0]?.awardKey).toBe("first|rep-bo");
    expect(awards[1]).toMatchObject({
      awardKey: "club|rep-ana|2026-03",
      evidence: "attainment 125% ≥ 100%",
      periodEnd: "2026-04-01T00:00:00.000Z",
    });
    expect(awards[3]?.evidence).toBe("3 periods in a row ≥ 100%: 2026-01 101%, 2026-02 110%, 2026-03 125%");
  });

  it("reads attainment from statements, truncated to whole basis points", () => {
    const s = statementOf("rep-ana");
    const withQuota = { ...s, components: [{ ...s.components[0]!, quota: "3", attainmentBps: "9999.666666…" }] };
    expect(attainmentOf(withQuota)).toEqual({ nb: 9_999 });
    expect(attainmentOf(s)).toEqual({});
  });

  it("awards idempotently: running the period end twice stores each award once", async () => {
    const store = createInMemoryEventStore({ catalog: incentivesEvents });
    const handler = createCommandHandler({
      store,
      decider: badgeDecider,
      commands: badgeCommand,
      clock: fixedClock("2026-04-01T06:00:00.000Z"),
    });
    const facts = {
      ...march,
      reps: [{ repId: "rep-ana", attainmentBps: { nb: 12_500 }, firstDealAt: "2026-03-02T00:00:00.000Z" }],
    };
    for (let run = 0; run < 2; run++) {
      for (const award of evaluateBadges(badges, facts))
        await handler.handle(badgeStreamId(award.repId), { type: "AwardBadge", data: { award } });
    }
    const { state } = await rebuildProjection(store, recognitionBoard);
    expect(state.badgesByRep["rep-ana"]?.map((b) => b.badgeId)).toEqual(["first", "club"]);
    expect(state.awardsByPeriod["2026-03"]).toHaveLength(2);
  });
});

describe("leaderboards", () => {
  it("breaks ties by value, then who reached it first, then rep id; shared ranks for equal values", () => {
    const rows = leaderboard([
      { repId: "rep-dee", value: 5 },
      { repId: "rep-bo", value: 7, reachedAt: "2026-07-20T00:00:00Z" },
      { repId: "rep-cy", value: 7 },
      { repId: "rep-ana", value: 7, reachedAt: "2026-07-21T00:00:00Z" },
    ]);
    expect(rows.map((r) => [r.rank, r.sharedRank, r.repId, r.tied])).toEqual([
      [1, 1, "rep-bo", true],
      [2, 1, "rep-ana", true],
      [3, 1, "rep-cy", true],
      [4, 4, "rep-dee", false],
    ]);
    expect(
      leaderboard(
        [
          { repId: "a", value: 3 },
          { repId: "b", value: 1 },
        ],
        { order: "asc", limit: 1 },
      ),
    ).toMatchObject([{ repId: "b" }]);
    expect(() =>
      leaderboard([
        { repId: "a", value: 1 },
        { repId: "a", value: 2 },
      ]),
    ).toThrow(expect.objectContaining({ code: "validation_failed" }));
  });

  it("does not depend on the input order (property)", () => {
    const entries = fc.uniqueArray(
      fc.record({
        repId: fc.constantFrom("a", "b", "c", "d", "e", "f"),
        value: fc.integer({ min: 0, max: 3 }),
        reachedAt: fc.option(fc.constantFrom("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"), { nil: undefined }),
      }),
      { selector: (e) => e.repId },
    );
    fc.assert(
      fc.property(
        entries.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
        ),
        ([list, shuffled]) => {
          const clean = (l: typeof list) =>
            l.map((e) => ({ repId: e.repId, value: e.value, ...(e.reachedAt && { reachedAt: e.reachedAt }) }));
          const a = leaderboard(clean(list));
          expect(leaderboard(clean(shuffled))).toEqual(a);
          a.forEach((r, i) => {
            expect(r.rank).toBe(i + 1);
            if (i > 0) expect(a[i - 1]!.value).toBeGreaterThanOrEqual(r.value);
          });
        },
      ),
    );
  });

  it("ranks credit per period from sales credits: revenue net of refunds, deals as share of a deal", async () => {
    const store = createInMemoryEventStore({ catalog: creditEvents });
    const board = creditLeaderboard({
      calendar: defineCalendar({ timeZone: "UTC" }),
      periodKind: "month",
      currency: "USD",
    });
    const half = { ...credit("b1", "rep-bo", 300_000, "2026-07-03T00:00:00Z"), shareBps: 5_000 };
    const refund = {
      ...credit("a1r", "rep-ana", -50_000, "2026-07-09T00:00:00Z"),
      source: { kind: "refund" as const, id: "d-a1" },
      reversesCreditId: "a1",
    };
    const other = {
      ...credit("x", "rep-cy", 1_000_000, "2026-07-09T00:00:00Z"),
      amount: { amount: 1_000_000, currency: "EUR" },
    };
    for (const c of [
      credit("a1", "rep-ana", 400_000, "2026-07-02T00:00:00Z"),
      half,
      refund,
      other,
      credit("a2", "rep-ana", 10, "2026-08-01T00:00:00Z"),
    ]) {
      await store.append(`credit-${c.creditId}`, [{ type: "SalesCreditAssigned", data: c }]);
    }
    const { state } = await rebuildProjection(store, board);
    expect(leaderboardFor(state, "revenue", "2026-07").map((r) => [r.repId, r.value])).toEqual([
      ["rep-ana", 350_000],
      ["rep-bo", 300_000],
    ]);
    expect(leaderboardFor(state, "deals", "2026-07").map((r) => [r.repId, r.value])).toEqual([
      ["rep-ana", 10_000],
      ["rep-bo", 5_000],
    ]);
    expect(leaderboardFor(state, "revenue", "2026-08")).toHaveLength(1);
  });
});

describe("contests", () => {
  const contest = {
    contestId: "q3",
    name: "Q3 blitz",
    metric: "revenue",
    from: "2026-07-01T00:00:00.000Z",
    to: "2026-10-01T00:00:00.000Z",
    prizes: [
      { kind: "rank" as const, rank: 1, prize: { label: "Gold" } },
      { kind: "rank" as const, rank: 2, prize: { label: "Silver" } },
      { kind: "target" as const, target: 1_000, prize: { label: "Club dinner" } },
    ],
    minValue: 500,
  };

  it("gives rank prizes after the tie-break, target prizes to everyone who reached it, none below minValue", () => {
    const outcome = contestOutcome(contest, [
      { repId: "rep-ana", value: 1_200 },
      { repId: "rep-bo", value: 400 },
      { repId: "rep-cy", value: 1_200, reachedAt: "2026-08-01T00:00:00.000Z" },
    ]);
    expect(outcome.winners.map((w) => `${w.prize.label}:${w.repId}`)).toEqual([
      "Gold:rep-cy",
      "Club dinner:rep-cy",
      "Silver:rep-ana",
      "Club dinner:rep-ana",
    ]);
    expect(contestOutcome(contest, [{ repId: "rep-bo", value: 400 }]).winners).toEqual([]);
  });

  it("records winners at close on the recognition board", async () => {
    const store = createInMemoryEventStore({ catalog: incentivesEvents });
    const handler = createCommandHandler({
      store,
      decider: contestDecider,
      commands: contestCommand,
      clock: fixedClock("2026-10-01T00:00:00.000Z"),
    });
    await handler.handle(contestStreamId("q3"), { type: "OpenContest", data: { contest } });
    await handler.handle(contestStreamId("q3"), {
      type: "CloseContest",
      data: { results: [{ repId: "rep-ana", value: 900 }] },
    });
    const { state } = await rebuildProjection(store, recognitionBoard);
    expect(state.contests.q3).toMatchObject({
      status: "closed",
      winners: [{ repId: "rep-ana", rank: 1, prize: { label: "Gold" }, reason: "rank" }],
    });
  });
});
