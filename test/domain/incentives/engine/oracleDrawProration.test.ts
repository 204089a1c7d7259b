// Oracle IC's draw-and-recovery example and its proration functions, reproduced with the engine.
import { describe, expect, it } from "vitest";
import { calculate, type Statement } from "../../../../src/incentives/engine/index.ts";
import { amountsOf, credit, plan, revenueComponent } from "../support/fixtures.ts";

const cents = (dollars: number) => Math.round(dollars * 100);

describe("Oracle IC: example of incentive compensation draw and recovery", () => {
  // https://docs.oracle.com/en/cloud/saas/sales/facmi/example-of-incentive-compensation-draw-and-recovery.html
  // Published configuration: a draw of 1,000 USD per period that stops at the end of the sixth period; recovery is 100%
  // of earnings above the minimum payment per period, starting at the fourth period, never bringing the payment below
  // 1,000 USD while the draw is in effect. Published rows (earnings, draw, recovery, paid, ending balance due):
  //   1: 500, 500, 0, 1,000, 500    2: 700, 300, 0, 1,000, 800    3: 400, 600, 0, 1,000, 1,400
  // The rows for periods 4–6 are not in the copy of the page we could read. The rows for periods 4–7 below are
  // constructed from the published rules (marked "constructed"): 4: earnings 1,500 → recovery 500, paid 1,000,
  // balance 900; 5: 1,200 → recovery 200, paid 1,000, balance 700; 6: 900 → draw 100, paid 1,000, balance 800;
  // 7 (draw ended, recovery of 100% of all earnings): 1,000 → recovery 800, paid 200, balance 0.
  const drawPlan = plan({
    components: [
      revenueComponent([{ from: 0, to: null, rateBps: 10_000 }], { tierMode: "retroactive", name: "Service revenue" }),
    ],
    draw: { amount: cents(1_000), durationPeriods: 6, recoverable: true, recovery: { fromPeriod: 4, rateBps: 10_000 } },
  });
  const earnings = [500, 700, 400, 1_500, 1_200, 900, 1_000];
  const months = earnings.map((_, i) => `2026-0${i + 1}`);
  const credits = earnings.map((e, i) => credit(`m${i + 1}`, cents(e), `2026-0${i + 1}-15T12:00:00Z`));

  it("pays the guaranteed minimum, carries the balance due and recovers it from period 4", () => {
    const history: Statement[] = [];
    for (const month of months)
      history.push(calculate(drawPlan, { repId: "rep-1", credits, history: [...history] }, month));
    const rows = history.map((s) => [
      amountsOf(s.lines, "tier").reduce((a, b) => a + b, 0),
      amountsOf(s.lines, "draw").reduce((a, b) => a + b, 0),
      amountsOf(s.lines, "draw_recovery").reduce((a, b) => a - b, 0),
      s.total.amount,
      s.balances.drawBalance,
    ]);
    expect(rows.slice(0, 3)).toEqual(
      [
        [500, 500, 0, 1_000, 500],
        [700, 300, 0, 1_000, 800],
        [400, 600, 0, 1_000, 1_400],
      ].map((r) => r.map(cents)),
    ); // published
    expect(rows.slice(3)).toEqual(
      [
        [1_500, 0, 500, 1_000, 900],
        [1_200, 0, 200, 1_000, 700],
        [900, 100, 0, 1_000, 800],
        [1_000, 0, 800, 200, 0],
      ].map((r) => r.map(cents)),
    ); // constructed from the published rules
    expect(history[6]?.lines.find((l) => l.kind === "draw_recovery")?.explanation).toMatch(
      /zero \(the draw has ended\)/,
    );
  });

  it("a non-recoverable draw is a guarantee: nothing is due afterwards", () => {
    const guarantee = plan({ ...drawPlan, draw: { amount: cents(1_000), durationPeriods: 6, recoverable: false } });
    const s = calculate(guarantee, { repId: "rep-1", credits }, "2026-01");
    expect([s.total.amount, s.balances.drawBalance]).toEqual([cents(1_000), 0]);
  });
});

describe("Oracle IC: predefined proration functions (participation days / interval days)", () => {
  // https://docs.oracle.com/en/cloud/saas/sales/facmi/incentive-compensation-predefined-functions.html
  // Published definition: "Prorated Plan Component Participation" = participation days in the plan component / days
  // in the calendar interval; calendar days, not working days; the result is not rounded or truncated. The page gives
  // no figures; the examples below are constructed from that definition (both participation bounds inclusive).
  const proratedPlan = plan({
    components: [
      {
        id: "quota",
        name: "Quota attainment",
        measure: { kind: "attainment", of: "revenue" },
        evaluation: "cumulative",
        tierMode: "retroactive",
        boundary: "upper",
        tiers: [{ from: 0, to: null, rateBps: 500 }],
      },
    ],
    bonuses: [
      { kind: "goal", id: "club", name: "100% club", componentId: "quota", thresholdBps: 10_000, amount: cents(5_000) },
      { kind: "mbo", id: "mbo", name: "Objectives", scale: { min: 1, max: 5 }, targetAmount: cents(3_000) },
    ],
    proration: { quota: true, fixedAmounts: true },
  });

  it("a hire on 10 June takes part 21 of June's 30 days: quota and fixed amounts × 21/30", () => {
    const s = calculate(
      proratedPlan,
      {
        repId: "rep-1",
        credits: [credit("c1", cents(21_000), "2026-06-20T12:00:00Z")],
        quotas: [{ componentId: "quota", periodId: "2026-06", amount: cents(30_000) }],
        participation: { from: "2026-06-10" },
        mboScores: [{ bonusId: "mbo", periodId: "2026-06", score: 4 }],
      },
      "2026-06",
    );
    expect(s.components[0]).toMatchObject({ quota: String(cents(21_000)), attainmentBps: "10000" });
    expect(amountsOf(s.lines, "bonus")).toEqual([cents(3_500)]); // 5,000 × 21/30
    expect(amountsOf(s.lines, "mbo")).toEqual([cents(1_575)]); // 3,000 × (4 − 1)/(5 − 1) × 21/30
  });

  it("a quarterly window prorates by the window's days: 46 of Q2's 91 days, exactly, never rounded", () => {
    const quarterly = plan({
      ...proratedPlan,
      components: proratedPlan.components.map((c) => ({ ...c, accumulation: "quarter" as const })),
      bonuses: [],
    });
    const s = calculate(
      quarterly,
      {
        repId: "rep-1",
        credits: [credit("c1", cents(46_000), "2026-05-20T12:00:00Z")],
        quotas: [{ componentId: "quota", periodId: "2026-Q2", amount: cents(91_000) }],
        participation: { from: "2026-05-16" },
      },
      "2026-05",
    );
    // 16 days of May + 30 of June = 46 of 91; quota 91,000 × 46/91 = 46,000; attainment 100%.
    expect(s.components[0]).toMatchObject({
      windowId: "2026-Q2",
      quota: String(cents(46_000)),
      attainmentBps: "10000",
    });
  });

  it("a leave after 20 June takes part 20 of 30 days; outside participation the fixed amounts are zero", () => {
    const inputs = {
      repId: "rep-1",
      credits: [],
      quotas: [{ componentId: "quota", periodId: "2026-06", amount: cents(30_000) }],
      participation: { through: "2026-06-20" },
      mboScores: [{ bonusId: "mbo", periodId: "2026-06", score: 5 }],
    };
    expect(amountsOf(calculate(proratedPlan, inputs, "2026-06").lines, "mbo")).toEqual([cents(2_000)]);
  });
});
