import { describe, expect, it } from "vitest";
import { isDomainRuleError, isValidationError } from "../../../../src/index.ts";
import { calculate } from "../../../../src/incentives/engine/index.ts";
import { amountsOf, credit, plan, refund, revenueComponent } from "../support/fixtures.ts";

const flat = (bps: number) => [{ from: 0, to: null, rateBps: bps }];
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; rule?: string; issues?: { code: string }[] };
  }
  throw new Error("expected an error");
};

describe("calculate: tiers, accelerators and gates", () => {
  it("explains each slice: tier, rate, multiplier, basis, exact amount, rounding", () => {
    const p = plan({
      components: [
        revenueComponent(
          [
            { from: 0, to: 1_000_000, rateBps: 333 },
            { from: 1_000_000, to: null, rateBps: 500 },
          ],
          {
            accelerators: [{ fromAttainmentBps: 10_000, multiplierBps: 15_000 }],
          },
        ),
      ],
    });
    const s = calculate(
      p,
      {
        repId: "rep-1",
        credits: [credit("c1", 1_500_001, "2026-01-05T00:00:00Z")],
        quotas: [{ componentId: "nb", periodId: "2026-01", amount: 1_200_000 }],
      },
      "2026-01",
    );
    // 0–10,000.00 at 3.33% = 33,300; 10,000.00–12,000.00 at 5% = 10,000; 12,000.00–15,000.01 at 5% × 1.5 = 22,500.075
    expect(
      s.lines.map((l) => [l.tier?.index, l.rate, l.multiplierBps, l.basis, l.exact, l.rounding, l.amount.amount]),
    ).toEqual([
      [0, "3.33%", 10_000, "1000000", "33300", "0", 33_300],
      [1, "5%", 10_000, "200000", "10000", "0", 10_000],
      [1, "5%", 15_000, "300001", "22500.075", "-0.075", 22_500],
    ]);
    expect(s.lines[2]?.explanation).toContain("×1.5 accelerator above USD 12,000.00");
    expect(s.exactTotal).toBe("65800.075");
    expect(s.components[0]).toMatchObject({ measure: "1500001", quota: "1200000", tierIndex: 1 });
  });

  it("gates: nothing below the gate, everything from exactly the gate", () => {
    const p = plan({ components: [revenueComponent(flat(1_000), { gate: { minAttainmentBps: 5_000 } })] });
    const at = (amount: number) =>
      calculate(
        p,
        {
          repId: "rep-1",
          credits: [credit("c", amount, "2026-01-02T00:00:00Z")],
          quotas: [{ componentId: "nb", periodId: "2026-01", amount: 1_000 }],
        },
        "2026-01",
      );
    expect(at(499).total.amount).toBe(0);
    expect(at(499).lines.map((l) => l.kind)).toEqual(["tier", "gate"]);
    expect(at(500).total.amount).toBe(50);
  });

  it("true-up: quarterly tiers paid monthly pay f(quarter to date) − earned earlier, whatever the order of credits", () => {
    const p = plan({
      components: [
        revenueComponent(
          [
            { from: 0, to: 100_000, rateBps: 100 },
            { from: 100_000, to: null, rateBps: 1_000 },
          ],
          { accumulation: "quarter" },
        ),
      ],
    });
    const credits = [credit("a", 80_000, "2026-01-10T00:00:00Z"), credit("b", 40_000, "2026-02-10T00:00:00Z")];
    const jan = calculate(p, { repId: "rep-1", credits }, "2026-01");
    const feb = calculate(p, { repId: "rep-1", credits, history: [jan] }, "2026-02");
    expect(jan.total.amount).toBe(800);
    // Quarter to date 120,000: 1,000 + 2,000 = 3,000, less 800 earned in January.
    expect(feb.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ["tier", 1_000],
      ["tier", 2_000],
      ["previously_earned", -800],
    ]);
    expect(feb.total.amount).toBe(2_200);
  });
});

describe("calculate: caps, floors and the draw carry across periods", () => {
  it("caps the period and pays the carried excess when there is room", () => {
    const p = plan({ components: [revenueComponent(flat(10_000), { cap: { amount: 1_000, payExcessLater: true } })] });
    const credits = [credit("a", 1_500, "2026-01-10T00:00:00Z"), credit("b", 700, "2026-02-10T00:00:00Z")];
    const jan = calculate(p, { repId: "rep-1", credits }, "2026-01");
    const feb = calculate(p, { repId: "rep-1", credits, history: [jan] }, "2026-02");
    expect([jan.total.amount, jan.balances.buckets[0]?.excess]).toEqual([1_000, 500]);
    expect(feb.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ["tier", 700],
      ["excess_release", 300],
    ]);
    expect(feb.balances.buckets[0]?.excess).toBe(200);
  });

  it("advances the floor and recovers the shortfall later, at most maxRecoveryPerPeriod", () => {
    const p = plan({
      components: [
        revenueComponent(flat(10_000), { floor: { amount: 1_000, recoverShortfall: true, maxRecoveryPerPeriod: 250 } }),
      ],
    });
    const credits = [credit("a", 400, "2026-01-10T00:00:00Z"), credit("b", 2_000, "2026-02-10T00:00:00Z")];
    const jan = calculate(p, { repId: "rep-1", credits }, "2026-01");
    const feb = calculate(p, { repId: "rep-1", credits, history: [jan] }, "2026-02");
    expect(amountsOf(jan.lines, "floor")).toEqual([600]);
    expect(amountsOf(feb.lines, "shortfall_recovery")).toEqual([-250]);
    expect(feb.balances.buckets[0]?.shortfall).toBe(350);
  });
});

describe("calculate: clawbacks", () => {
  const p = plan({
    components: [
      revenueComponent([
        { from: 0, to: 100_000, rateBps: 500 },
        { from: 100_000, to: null, rateBps: 1_000 },
      ]),
    ],
    clawback: { windowDays: 30 },
  });

  it("claws a refund within the window back at the original average rate, as a negative line", () => {
    const credits = [
      credit("a", 100_000, "2026-01-10T00:00:00Z"),
      credit("b", 100_000, "2026-01-20T00:00:00Z"),
      refund("r", "a", 50_000, "2026-02-05T00:00:00Z"),
    ];
    const jan = calculate(p, { repId: "rep-1", credits }, "2026-01");
    const feb = calculate(p, { repId: "rep-1", credits, history: [jan] }, "2026-02");
    expect(jan.total.amount).toBe(15_000); // 5,000 + 10,000 on 200,000: average 7.5%
    expect(feb.lines.map((l) => [l.kind, l.amount.amount, l.creditIds])).toEqual([["clawback", -3_750, ["r", "a"]]]);
    expect(feb.lines[0]?.rate).toMatch(/^7\.5% /);
  });

  it("leaves a refund outside the window unclawed, with a line saying so", () => {
    const credits = [credit("a", 100_000, "2026-01-10T00:00:00Z"), refund("r", "a", 100_000, "2026-03-10T00:00:00Z")];
    const s = calculate(p, { repId: "rep-1", credits }, "2026-03");
    expect(s.lines.map((l) => [l.kind, l.amount.amount])).toEqual([["clawback_outside_window", 0]]);
    expect(s.lines[0]?.explanation).toContain("59 days later");
  });

  it("without a clawback policy a reversal is an ordinary negative credit; an unknown original is an error with one", () => {
    const noPolicy = plan({ components: p.components });
    const credits = [credit("a", 100_000, "2026-01-10T00:00:00Z"), refund("r", "a", 40_000, "2026-01-15T00:00:00Z")];
    expect(calculate(noPolicy, { repId: "rep-1", credits }, "2026-01").total.amount).toBe(3_000);
    const e = errorOf(() =>
      calculate(p, { repId: "rep-1", credits: [refund("r", "zz", 1, "2026-01-15T00:00:00Z")] }, "2026-01"),
    );
    expect(e.issues?.map((i) => i.code)).toEqual(["unknown_reversed_credit"]);
  });
});

describe("calculate: holds, SPIFFs and bonuses", () => {
  it("holds earnings on unpaid invoices and releases them in the period the invoice is paid", () => {
    const p = plan({ components: [revenueComponent(flat(1_000))], payment: { payWhen: "invoice_paid" } });
    const credits = [credit("a", 30_000, "2026-01-10T00:00:00Z"), credit("b", 10_000, "2026-01-12T00:00:00Z")];
    const invoices = [
      { sourceId: "d-a", paidAt: "2026-01-20T00:00:00Z" },
      { sourceId: "d-b", paidAt: "2026-02-03T09:00:00Z" },
    ];
    const jan = calculate(p, { repId: "rep-1", credits, invoices }, "2026-01");
    expect(jan.lines.map((l) => [l.kind, l.amount.amount, l.heldUntil])).toEqual([
      ["tier", 4_000, undefined],
      ["hold", -1_000, "invoice d-b is paid"],
    ]);
    const feb = calculate(p, { repId: "rep-1", credits, invoices, history: [jan] }, "2026-02");
    expect(feb.lines.map((l) => [l.kind, l.amount.amount, l.payableOn])).toEqual([
      ["hold_release", 1_000, "2026-02-03"],
    ]);
    expect(feb.balances.held).toEqual([]);
  });

  it("pays SPIFFs per qualifying credit by product and time, and a goal bonus once per window", () => {
    const p = plan({
      components: [revenueComponent(flat(0), { accumulation: "quarter" })],
      spiffs: [
        {
          id: "pro",
          name: "Pro push",
          productIds: ["pro"],
          from: "2026-01-15T00:00:00Z",
          to: "2026-02-01T00:00:00Z",
          payout: { kind: "fixed", amount: 5_000 },
        },
      ],
      bonuses: [{ kind: "goal", id: "club", name: "Club", componentId: "nb", thresholdBps: 10_000, amount: 100_000 }],
    });
    const credits = [
      credit("a", 60_000, "2026-01-10T00:00:00Z", { productId: "pro" }),
      credit("b", 50_000, "2026-01-20T00:00:00Z", { productId: "pro", shareBps: 5_000 }),
      credit("c", 10_000, "2026-02-20T00:00:00Z", { productId: "basic" }),
    ];
    const quotas = [{ componentId: "nb", periodId: "2026-Q1", amount: 100_000 }];
    const jan = calculate(p, { repId: "rep-1", credits, quotas }, "2026-01");
    const feb = calculate(p, { repId: "rep-1", credits, quotas, history: [jan] }, "2026-02");
    expect(amountsOf(jan.lines, "spiff")).toEqual([2_500]); // only b: in the window, half its share
    expect(amountsOf(jan.lines, "bonus")).toEqual([100_000]); // 110% of the quarter's quota
    expect(amountsOf(feb.lines, "bonus")).toEqual([]); // already paid in this quarter
  });
});

describe("calculate: closed periods and prior-period adjustments", () => {
  const p = plan({ components: [revenueComponent(flat(1_000))] });
  const jan = calculate(p, { repId: "rep-1", credits: [credit("a", 10_000, "2026-01-10T00:00:00Z")] }, "2026-01");

  it("posts a late credit dated in a closed period as a delta in the open period, leaving the closed statement as it was", () => {
    const frozen = structuredClone(jan);
    const credits = [
      credit("a", 10_000, "2026-01-10T00:00:00Z"),
      credit("late", 5_000, "2026-01-28T00:00:00Z"),
      credit("b", 20_000, "2026-02-02T00:00:00Z"),
    ];
    const feb = calculate(p, { repId: "rep-1", credits, history: [jan] }, "2026-02");
    expect(feb.lines.map((l) => [l.kind, l.adjustsPeriodId, l.amount.amount])).toEqual([
      ["tier", undefined, 2_000],
      ["prior_period_adjustment", "2026-01", 500],
    ]);
    expect(jan).toEqual(frozen);
    // Once paid in February, March adjusts nothing more for January.
    const mar = calculate(p, { repId: "rep-1", credits, history: [jan, feb] }, "2026-03");
    expect(mar.lines).toEqual([]);
  });

  it("a plan correction (a new version with the same dates) is posted as deltas, with both versions named", () => {
    const corrected = plan({ version: 2, components: [revenueComponent(flat(1_200))] });
    const feb = calculate(
      [p, corrected],
      { repId: "rep-1", credits: [credit("a", 10_000, "2026-01-10T00:00:00Z")], history: [jan] },
      "2026-02",
    );
    expect(feb.planVersion).toBe(2);
    expect(feb.lines.map((l) => [l.kind, l.amount.amount])).toEqual([["prior_period_adjustment", 200]]);
    expect(feb.lines[0]?.explanation).toMatch(/under plan v2 .*closed statement under plan v1/);
  });

  it("refuses to recalculate a closed period, or one behind closed history, or outside the plan", () => {
    expect(errorOf(() => calculate(p, { repId: "rep-1", credits: [], history: [jan] }, "2026-01")).rule).toBe(
      "period_closed",
    );
    const feb = calculate(p, { repId: "rep-1", credits: [], history: [jan] }, "2026-02");
    expect(errorOf(() => calculate(p, { repId: "rep-1", credits: [], history: [feb] }, "2026-01")).rule).toBe(
      "period_before_closed_history",
    );
    const e = errorOf(() => calculate(p, { repId: "rep-1", credits: [] }, "2025-12"));
    expect(isDomainRuleError(e) && e.rule).toBe("plan_not_effective");
  });
});

describe("calculate: input validation", () => {
  const p = plan({ components: [revenueComponent(flat(100), { gate: { minAttainmentBps: 1 } })] });
  const codes = (inputs: unknown, period = "2026-01") => {
    const e = errorOf(() => calculate(p, inputs as never, period));
    expect(isValidationError(e)).toBe(true);
    return e.issues?.map((i) => i.code);
  };
  it("rejects missing quotas, other currencies, other reps, duplicates and bad periods", () => {
    expect(codes({ repId: "rep-1", credits: [] })).toEqual(["quota_missing"]);
    const eur = credit("a", 1, "2026-01-01T00:00:00Z", { amount: { amount: 1, currency: "EUR" } });
    expect(codes({ repId: "rep-1", credits: [eur] })).toEqual(["currency_mismatch"]);
    const a = credit("a", 1, "2026-01-01T00:00:00Z");
    expect(codes({ repId: "rep-2", credits: [a, a] })).toEqual([
      "credit_for_other_rep",
      "credit_for_other_rep",
      "duplicate_credit",
    ]);
    expect(codes({ repId: "rep-1", credits: [] }, "2026-Q1")).toEqual(["invalid_period"]);
    expect(codes({ repId: "rep-1", credits: [{ ...a, amount: { amount: 1.5, currency: "USD" } }] })).toEqual([
      "invalid_type",
    ]);
  });
});
