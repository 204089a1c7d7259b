// A realistic quarter, end to end: 2026-Q3 in Asia/Shanghai, two teams under a root team, eight reps (one moves team
// mid-quarter, one joins in August), three managers and a sales engineer. About 2,000 events are produced through
// the areas' command handlers from a seeded simulation (see simulate.ts); the figures the projections give are
// checked against figures computed independently from the scenario's own inputs (expected.ts), and every projection
// rebuilt from the store must equal its inline fold.
import { beforeAll, describe, expect, it } from "vitest";
import { csatBps, customer360Of, forecastByPeriod, winRateBps } from "../../../src/analytics/index.ts";
import { goalCompletion } from "../../../src/assignments/index.ts";
import { goalAttainment, goalPacing, starPerformers, targetMismatches } from "../../../src/goals/index.ts";
import { defineCalendar, periodById, rebuildProjection } from "../../../src/index.ts";
import { participationIn } from "../../../src/team/index.ts";
import { attainment, halfUpDiv, ratioHalfUp } from "./arithmetic.ts";
import {
  expectedAchieved,
  expectedActivity,
  expectedAttainment,
  expectedCustomer360,
  expectedPipeline,
  expectedProductMix,
  expectedWinLoss,
} from "./expected.ts";
import { type Harness, projections, type ProjectionName } from "./harness.ts";
import type { Ledger } from "./ledger.ts";
import { runQuarter } from "./simulate.ts";
import { CALENDAR, iso, LATE_HIRE, localMs, MONTHS, QUARTER, STAGES } from "./world.ts";

let h: Harness;
let L: Ledger;
const live = <K extends ProjectionName>(name: K) => h.live[name].state;
const usd = (amount: number) => ({ amount, currency: "USD" });

beforeAll(async () => {
  h = await runQuarter();
  L = h.ledger;
});

describe("a quarter of sales through the command handlers", () => {
  it("stores about 2,000 events, every one of them decided by a command handler", async () => {
    const position = await h.store.lastPosition();
    expect(position).toBe(h.eventCount());
    expect(position).toBeGreaterThanOrEqual(1_800);
    expect(position).toBeLessThanOrEqual(2_500);
    const types = new Set<string>();
    for await (const e of h.store.readAll()) types.add(e.type);
    // Every kind of fact the scenario is about happened at least once.
    for (const t of [
      "GoalCascaded",
      "GoalAdjusted",
      "GoalProrated",
      "AccountClaimed",
      "DealWon",
      "DealLost",
      "OrderLineRefunded",
      "OrderLineCancelled",
      "TicketReopened",
      "MarketFeedbackRetracted",
      "TaskCancelled",
    ]) {
      expect(types, t).toContain(t);
    }
    expect(L.credits.some((c) => c.reversal && c.revenue)).toBe(true);
    expect(L.credits.some((c) => !c.revenue && c.repId === "se-wu")).toBe(true);
  });

  it("rebuilds every projection from the store to exactly its inline (live) fold", async () => {
    const head = await h.store.lastPosition();
    for (const name of Object.keys(projections) as ProjectionName[]) {
      const rebuilt = await rebuildProjection(h.store, projections[name] as never);
      expect(rebuilt.position, name).toBe(head);
      expect(rebuilt.state, name).toEqual(h.live[name].state);
      expect(Object.isFrozen(rebuilt.state), name).toBe(true);
    }
  });
});

describe("goal attainment", () => {
  const check = (goalId: string) => {
    const a = goalAttainment(live("goalProgress"), goalId);
    const e = expectedAttainment(L, L.goals[goalId]!);
    const units = (x: { amount: number } | { count: number }) => ("amount" in x ? x.amount : x.count);
    expect({
      goalId,
      achieved: units(a.achieved),
      target: units(a.target),
      bps: a.attainmentBps,
      shortage: units(a.shortage),
      status: a.status,
    }).toEqual({
      goalId,
      achieved: e.achieved,
      target: e.target,
      bps: e.attainmentBps,
      shortage: e.shortage,
      status: e.status,
    });
    return e;
  };

  it("per rep: each rep's share of revenue credit (and the SE's overlay credit) in the quarter", () => {
    const reps = Object.values(L.goals).filter((g) => g.owner.kind === "rep" && g.metric === "revenue");
    expect(reps.length).toBe(9);
    for (const g of reps) check(g.goalId);
    expect(check("q3-se").achieved).toBeGreaterThan(0);
  });

  it("per team: revenue shares of the reps in the team at the credit's instant (the mover counts for both), no overlay", () => {
    const east = check("q3-east").achieved;
    const west = check("q3-west").achieved;
    const root = check("q3-sales").achieved;
    const company = check("q3-company").achieved;
    // Every revenue credit goes to a rep of East or West, once: the roll-ups add up without double counting.
    expect(east + west).toBe(company);
    expect(root).toBe(company);
    const overlay = L.credits.filter((c) => !c.revenue && c.at >= QUARTER.start && c.at < QUARTER.end);
    expect(overlay.reduce((t, c) => t + c.amount, 0)).toBeGreaterThan(0);
  });

  it("company: the credited sale amounts of the quarter, net of refunds and cancellations, never the overlays", () => {
    const inQ = (at: number) => at >= QUARTER.start && at < QUARTER.end;
    const deals = Object.values(L.deals).filter((d) => d.status === "won" && inQ(d.closedAt!));
    const orders = Object.values(L.orders).filter((o) => o.credited);
    const sales =
      deals.reduce((t, d) => t + d.amount, 0) +
      orders.filter((o) => inQ(o.orderedAt)).reduce((t, o) => t + o.lines.reduce((s, l) => s + l.total, 0), 0) +
      orders
        .flatMap((o) => o.adjustments)
        .filter((a) => inQ(a.at))
        .reduce((t, a) => t + a.amount, 0);
    expect(goalAttainment(live("goalProgress"), "q3-company").achieved).toEqual(usd(sales));
    // The deal won at 23:59 on 30 September counts; the one won at midnight on 1 October does not.
    const edge = Object.values(L.deals).filter(
      (d) => d.closedAt === localMs("2026-09-30", 23, 59) || d.closedAt === localMs("2026-10-01"),
    );
    expect(edge.map((d) => inQ(d.closedAt!))).toEqual([true, false]);
  });

  it("monthly goals, activity counts, deal count and new customers", () => {
    for (const m of MONTHS) check(`q3-company-${m.id}`);
    expect(MONTHS.reduce((t, m) => t + expectedAchieved(L, L.goals[`q3-company-${m.id}`]!), 0)).toBe(
      check("q3-company").achieved,
    );
    for (const goalId of ["q3-east-activity", "q3-e1-activity", "q3-deals", "q3-new-logos"]) {
      expect(check(goalId).achieved, goalId).toBeGreaterThan(0);
    }
  });

  it("targets: cascades add up, the adjusted rep goal is reported as a mismatch, the late hire is prorated 45/92", () => {
    const progress = live("goalProgress");
    const west = L.goals["q3-west"]!.target;
    const children = ["rep-w1", "rep-w2", "rep-w3", "rep-w4"].reduce((t, r) => t + L.goals[`q3-${r}`]!.target, 0);
    expect(targetMismatches(progress.plan).map((m) => [m.parentGoalId, m.basis, m.difference])).toEqual([
      ["q3-west", "split", children - west],
    ]);
    const calendar = defineCalendar(CALENDAR);
    const w4 = participationIn(live("teamDirectory"), LATE_HIRE.repId, periodById(calendar, QUARTER.id));
    expect([w4.days, w4.periodDays]).toEqual([LATE_HIRE.days, QUARTER.days]);
    expect(progress.plan.goals["q3-rep-w4"]!.target).toEqual(usd(L.goals["q3-rep-w4"]!.target));
  });

  it("pacing on 31 August: linear and seasonal expected-to-date against the credits before noon", () => {
    const at = localMs("2026-08-31", 12);
    const goal = L.goals["q3-company"]!;
    const achieved = expectedAchieved(L, goal, at);
    const [t7, t8] = MONTHS.map((m) => BigInt(L.goals[`q3-company-${m.id}`]!.target));
    const expected = {
      linear: Number(halfUpDiv(BigInt(goal.target) * 61n, 92n)),
      seasonal: Number(halfUpDiv(t7! * 31n + t8! * 30n, 31n)),
    };
    for (const curve of ["linear", "seasonal"] as const) {
      const p = goalPacing(live("goalProgress"), "q3-company", iso(at), { curve });
      const shortfall = expected[curve] - achieved;
      const status =
        shortfall <= 0 ? "on_track" : shortfall * 10_000 >= 1_000 * expected[curve] ? "off_track" : "cautioned";
      expect([p.elapsedDays, p.expected, p.achieved, p.status]).toEqual([
        61,
        usd(expected[curve]),
        usd(achieved),
        status,
      ]);
    }
  });

  it("star performers: the reps at or above 100% of their revenue goal, best first", () => {
    const expected = Object.values(L.goals)
      .filter((g) => g.owner.kind === "rep" && g.metric === "revenue")
      .map((g) => ({
        goalId: g.goalId,
        repId: (g.owner as { repId: string }).repId,
        attainmentBps: attainment(expectedAchieved(L, g), g.target),
      }))
      .filter((s) => s.attainmentBps >= 10_000)
      .sort((a, b) => b.attainmentBps - a.attainmentBps || (a.repId < b.repId ? -1 : 1));
    expect(starPerformers(live("goalProgress"), { periodId: QUARTER.id, metric: "revenue" })).toEqual(expected);
  });
});

describe("pipeline and forecast", () => {
  const stageIds = STAGES.map((s) => s.id);
  const usdOnly = (group: Record<string, Record<string, unknown>>) =>
    Object.fromEntries(Object.entries(group).map(([k, v]) => [k, v.USD]));

  it("open deals by stage, forecast category and owner, weighted by probability (half-up per deal)", () => {
    const p = live("pipeline");
    const e = expectedPipeline(L, stageIds);
    expect(Object.keys(e.byStage).length).toBeGreaterThan(2);
    expect(usdOnly(p.byStage)).toEqual(e.byStage);
    expect(usdOnly(p.byCategory)).toEqual(e.byCategory);
    expect(usdOnly(p.byOwner)).toEqual(e.byOwner);
  });

  it("the forecast by close month and category", () => {
    const f = forecastByPeriod(live("pipeline"), defineCalendar(CALENDAR), "month", "USD");
    expect(f).toEqual(expectedPipeline(L, stageIds).byMonth);
  });
});

describe("customer 360", () => {
  const pickCustomers = () => {
    const byInteractions = Object.keys(L.customers).sort(
      (a, b) =>
        L.interactions.filter((i) => i.customerId === b).length -
          L.interactions.filter((i) => i.customerId === a).length || (a < b ? -1 : 1),
    );
    const refunded = Object.values(L.orders).find((o) => o.adjustments.some((a) => a.kind === "refund"))!.customerId;
    const moved = Object.keys(L.owners).find((c) => L.owners[c]!.some((o) => o.repId === null))!;
    const ticketed = Object.values(L.tickets).find((t) => t.reopened > 0)!.customerId;
    return [...new Set([byInteractions[0]!, refunded, moved, ticketed, "cu-61"])];
  };

  it("interactions, purchases net of refunds, deals, satisfaction, tickets and owner history", () => {
    const state = live("customer360");
    for (const customerId of pickCustomers()) {
      const v = customer360Of(state, customerId)!;
      const e = expectedCustomer360(L, customerId);
      expect({ customerId, ...v.interactions, recent: v.interactions.recent.map((r) => r.interactionId) }).toEqual({
        customerId,
        ...e.interactions,
        lastAt: e.interactions.lastAt === undefined ? undefined : iso(e.interactions.lastAt),
      });
      const usdTotals = v.purchases.byCurrency.USD ?? { placed: 0, adjustments: 0, net: 0 };
      expect({
        customerId,
        orders: v.purchases.orders,
        first: v.purchases.firstOrderAt,
        last: v.purchases.lastOrderAt,
        ...usdTotals,
        units: v.purchases.units,
      }).toEqual({
        customerId,
        orders: e.purchases.orders,
        first: e.purchases.firstOrderAt === undefined ? undefined : iso(e.purchases.firstOrderAt),
        last: e.purchases.lastOrderAt === undefined ? undefined : iso(e.purchases.lastOrderAt),
        placed: e.purchases.placed,
        adjustments: e.purchases.adjustments,
        net: e.purchases.net,
        units: e.purchases.units,
      });
      expect({ ...v.deals, wonByCurrency: v.deals.wonByCurrency.USD ?? 0 }).toEqual({
        ...e.deals,
        wonByCurrency: e.deals.wonAmount,
        wonAmount: undefined,
      });
      const { latest: _c, ...csat } = v.satisfaction.csat;
      const { latest: _n, ...nps } = v.satisfaction.nps;
      expect([csat, nps, csatBps(v.satisfaction.csat)]).toEqual([
        e.csat,
        e.nps,
        ratioHalfUp(e.csat.satisfied, e.csat.responses),
      ]);
      expect(v.tickets).toEqual(e.tickets);
      expect(v.owners.map((o) => ({ repId: o.repId, at: o.effectiveFromMs }))).toEqual(e.owners);
    }
  });
});

describe("cheap cross-checks", () => {
  it("win/loss by reason and competitor, win rate and sales-cycle days", () => {
    const e = expectedWinLoss(L);
    const wl = live("winLoss");
    expect([wl.won.count, wl.won.amountByCurrency.USD, wl.lost.count, wl.lost.amountByCurrency.USD]).toEqual([
      e.won.count,
      e.won.amount,
      e.lost.count,
      e.lost.amount,
    ]);
    const counts = (r: Record<string, { count: number }>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.count]));
    expect([counts(wl.wonByReason), counts(wl.lostByReason)]).toEqual([e.wonByReason, e.lostByReason]);
    expect(
      Object.fromEntries(
        Object.entries(wl.byCompetitor).map(([k, c]) => [
          k,
          { closed: c.closed, won: c.won, lost: c.lost, lostTo: c.lostTo },
        ]),
      ),
    ).toEqual(expect.objectContaining(e.competitors));
    expect(winRateBps(wl.won.count, wl.lost.count)).toBe(ratioHalfUp(e.won.count, e.won.count + e.lost.count));
    expect(live("salesCycle").all).toEqual(e.cycle);
    expect(live("salesCycle").byOwner).toEqual(e.cycleByOwner);
  });

  it("activity to outcome per rep and month", () => {
    const state = live("activityOutcome").byRep;
    const got = Object.fromEntries(
      Object.entries(state).map(([rep, months]) => [
        rep,
        Object.fromEntries(
          Object.entries(months).map(([m, f]) => [
            m,
            {
              interactions: f.interactions,
              positive: f.positive,
              dealsOpened: f.dealsOpened,
              won: f.won,
              lost: f.lost,
            },
          ]),
        ),
      ]),
    );
    expect(got).toEqual(expectedActivity(L));
  });

  it("product mix per month: units, revenue and margin net of refunds in the month they happen", () => {
    const got = Object.fromEntries(
      Object.entries(live("productMix").byPeriod).map(([m, products]) => [
        m,
        Object.fromEntries(Object.entries(products).map(([p, c]) => [p, c.USD])),
      ]),
    );
    expect(got).toEqual(expectedProductMix(L));
  });

  it("rep credit totals: revenue and overlay net of reversals", () => {
    const expected: Record<string, { revenue: number; overlay: number; reversed: number; credits: number }> = {};
    for (const c of L.credits) {
      const t = (expected[c.repId] ??= { revenue: 0, overlay: 0, reversed: 0, credits: 0 });
      t[c.revenue ? "revenue" : "overlay"] += c.amount;
      if (c.reversal) t.reversed += c.amount;
      t.credits += 1;
    }
    expect(Object.fromEntries(Object.entries(live("repCredits").byRep).map(([r, t]) => [r, t.USD]))).toEqual(expected);
  });

  it("market feedback by topic and by competitor (spellings grouped), retractions left out", () => {
    const liveItems = L.feedback.filter((f) => !f.retracted);
    const byTopic = live("feedbackByTopic").topics;
    for (const topic of new Set(L.feedback.map((f) => f.topic))) {
      expect(byTopic[topic]?.total.count ?? 0, topic).toBe(liveItems.filter((f) => f.topic === topic).length);
    }
    const key = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
    const expected: Record<string, number> = {};
    for (const f of liveItems) if (f.competitor) expected[key(f.competitor)] = (expected[key(f.competitor)] ?? 0) + 1;
    const got = Object.fromEntries(
      Object.entries(live("feedbackByCompetitor").competitors).map(([k, c]) => [k, c.count]),
    );
    expect(Object.fromEntries(Object.entries(got).filter(([, n]) => n > 0))).toEqual(expected);
  });

  it("goal task trees: completion counts every live task, cancelled ones in neither part", () => {
    for (const goalId of ["q3-east", "q3-west"]) {
      const tasks = Object.values(L.tasks).filter((t) => t.goalId === goalId && t.status !== "cancelled");
      const done = tasks.filter((t) => t.status === "done");
      const weight = (xs: typeof tasks) => xs.reduce((t, x) => t + x.weight, 0);
      const c = goalCompletion(live("goalTaskTree"), goalId);
      expect([c.done, c.total, c.completionBps, c.weightDone, c.weightTotal, c.weightedCompletionBps]).toEqual([
        done.length,
        tasks.length,
        Math.floor((done.length * 10_000) / tasks.length),
        weight(done),
        weight(tasks),
        Math.floor((weight(done) * 10_000) / weight(tasks)),
      ]);
    }
  });
});
