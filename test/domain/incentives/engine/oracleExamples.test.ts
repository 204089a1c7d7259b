// Worked examples from Oracle Incentive Compensation's public documentation, reproduced with the engine. Each block
// cites its page; figures marked "published" are copied from the page, figures marked "derived" follow from the
// page's stated formula or semantics and were not printed on the part of the page we could read.
import { describe, expect, it } from "vitest";
import { calculate, type Statement } from "../../../../src/incentives/engine/index.ts";
import { amountsOf, credit, plan, revenueComponent } from "../support/fixtures.ts";

const cents = (dollars: number) => Math.round(dollars * 100);

describe("Oracle IC: options for splitting attainment numbers across rate tiers", () => {
  // https://docs.oracle.com/en/cloud/saas/sales/facmi/options-for-splitting-attainment-numbers-across-rate-tiers.html
  // Rate table (USD): 0–10,000 1%; 10,000–50,000 2%; 50,000–100,000 3%; 100,000–9,999,999 4%. Oracle's last tier ends
  // at 9,999,999 "to cover all possible values"; salesfold states it as unbounded. Each amount is one transaction.
  const tiers = [
    { from: 0, to: cents(10_000), rateBps: 100 },
    { from: cents(10_000), to: cents(50_000), rateBps: 200 },
    { from: cents(50_000), to: cents(100_000), rateBps: 300 },
    { from: cents(100_000), to: null, rateBps: 400 },
  ];
  const run = (tierMode: "retroactive" | "marginal", amount: number) =>
    calculate(
      plan({ components: [revenueComponent(tiers, { tierMode, evaluation: "per_transaction" })] }),
      { repId: "rep-1", credits: [credit("t", cents(amount), "2026-01-15T12:00:00Z")] },
      "2026-01",
    );

  it("rate not split (flat): the rate of the highest tier attained applies to the whole amount", () => {
    // Published: 5,000 → 1%; 15,000 → 2%; 60,000 → 3%.
    for (const [amount, rate] of [
      [5_000, "1%"],
      [15_000, "2%"],
      [60_000, "3%"],
    ] as const) {
      const s = run("retroactive", amount);
      expect(s.lines.map((l) => l.rate)).toEqual([rate]);
      expect(s.total.amount).toBe((cents(amount) * Number.parseInt(rate, 10)) / 100);
    }
  });

  it("rate split, fixed for the tier (step): each slice at its tier's rate", () => {
    // Published: 15,000 → 1% on the first 10,000 and 2% on the remaining 5,000; 60,000 → 1% on 10,000, 2% on the next
    // 40,000 and 3% on the remaining 10,000. Derived amounts: 100 + 100 = 200; 100 + 800 + 300 = 1,200.
    const s15 = run("marginal", 15_000);
    expect(s15.lines.map((l) => [l.rate, l.basis])).toEqual([
      ["1%", String(cents(10_000))],
      ["2%", String(cents(5_000))],
    ]);
    expect(s15.total.amount).toBe(cents(200));
    const s60 = run("marginal", 60_000);
    expect(amountsOf(s60.lines, "tier")).toEqual([cents(100), cents(800), cents(300)]);
    expect(s60.total.amount).toBe(cents(1_200));
  });

  it("rate split, varied within the tier (interpolated): a pay curve on attainment", () => {
    // Published table (attainment % → USD): 0–25 1,000; 25–50 2,000; 50–100 5,000; 100–999 6,000, and the formula
    // ((Percent Value / (Upper Bound − Lower Bound)) × Rate) with "if the percent value is 12". Derived: 12% → 480;
    // 60% → 1,000 + 2,000 + (10 / 50) × 5,000 = 4,000.
    const curve = plan({
      components: [
        {
          id: "curve",
          name: "Attainment curve",
          measure: { kind: "attainment", of: "revenue" },
          evaluation: "cumulative",
          tierMode: "interpolated",
          boundary: "upper",
          tiers: [
            { from: 0, to: 2_500, amount: cents(1_000) },
            { from: 2_500, to: 5_000, amount: cents(2_000) },
            { from: 5_000, to: 10_000, amount: cents(5_000) },
            { from: 10_000, to: 99_900, amount: cents(6_000) },
          ],
        },
      ],
    });
    const at = (revenue: number) =>
      calculate(
        curve,
        {
          repId: "rep-1",
          credits: [credit("t", cents(revenue), "2026-01-15T12:00:00Z")],
          quotas: [{ componentId: "curve", periodId: "2026-01", amount: cents(100_000) }],
        },
        "2026-01",
      );
    expect(at(12_000).total.amount).toBe(cents(480));
    expect(at(12_000).components[0]?.attainmentBps).toBe("1200");
    expect(at(60_000).total.amount).toBe(cents(4_000));
  });
});

// The six transactions of Oracle's step-rate and interpolated-rate examples (Q1 2015).
const q1Transactions = [
  credit("T1", cents(200), "2015-01-01T12:00:00Z"),
  credit("T2", cents(300), "2015-01-02T12:00:00Z"),
  credit("T3", cents(1_500), "2015-01-15T12:00:00Z"),
  credit("T4", cents(1_200), "2015-02-01T12:00:00Z"),
  credit("T5", cents(2_000), "2015-02-15T12:00:00Z"),
  credit("T6", cents(4_500), "2015-03-01T12:00:00Z"),
];
const quarterly = { effectiveFrom: "2015-Q1", periodKind: "quarter" as const };
const perTransactionTotals = (s: Statement) =>
  ["T1", "T2", "T3", "T4", "T5", "T6"].map((id) =>
    s.lines.filter((l) => l.creditIds.includes(id)).reduce((sum, l) => sum + l.amount.amount, 0),
  );

describe("Oracle IC: examples of calculating earnings using step rates", () => {
  // https://docs.oracle.com/en/cloud/saas/sales/facmi/examples-of-calculating-earnings-using-step-rates.html
  // Published: tiers 0–1,000 1%; 1,000–3,000 2%; 3,000–8,000 3%; 8,000–20,000 5%; transactions processed individually
  // and split nonproportionally: T1 2, T2 3, T3 20, T4 14, T5 30, T6 95; "the total amount of compensation earned for
  // the quarter is 164 USD".
  it("processes each transaction individually and totals 164 USD", () => {
    const p = plan({
      ...quarterly,
      components: [
        revenueComponent(
          [
            { from: 0, to: cents(1_000), rateBps: 100 },
            { from: cents(1_000), to: cents(3_000), rateBps: 200 },
            { from: cents(3_000), to: cents(8_000), rateBps: 300 },
            { from: cents(8_000), to: null, rateBps: 500 },
          ],
          { evaluation: "per_transaction" },
        ),
      ],
    });
    const s = calculate(p, { repId: "rep-1", credits: q1Transactions }, "2015-Q1");
    expect(perTransactionTotals(s)).toEqual([2, 3, 20, 14, 30, 95].map(cents));
    expect(s.total.amount).toBe(cents(164));
  });
});

describe("Oracle IC: examples of calculating earnings using interpolated rates", () => {
  // https://docs.oracle.com/cd/G11809_01/trans/F77870-03/examples-of-calculating-earnings-using-interpolated-rates.html
  // (the Japanese edition of the facmi page). Published: amount table 0–1,000 → 10; 1,000–3,000 → 40; 3,000–8,000 →
  // 100; 8,000–20,000 → 2,000; transactions processed individually and split proportionally: T1 2, T2 3, T3 20, T4 14,
  // T5 30, T6 80; total 149 USD.
  it("interpolates each transaction on the amount table and totals 149 USD", () => {
    const p = plan({
      ...quarterly,
      components: [
        revenueComponent(
          [
            { from: 0, to: cents(1_000), amount: cents(10) },
            { from: cents(1_000), to: cents(3_000), amount: cents(40) },
            { from: cents(3_000), to: cents(8_000), amount: cents(100) },
            { from: cents(8_000), to: cents(20_000), amount: cents(2_000) },
          ],
          { evaluation: "per_transaction", tierMode: "interpolated" },
        ),
      ],
    });
    const s = calculate(p, { repId: "rep-1", credits: q1Transactions }, "2015-Q1");
    expect(perTransactionTotals(s)).toEqual([2, 3, 20, 14, 30, 80].map(cents));
    expect(s.total.amount).toBe(cents(149));
  });

  it("derived: the same transactions accumulated per month (running totals reset each interval)", () => {
    // The page's second scenario ("calculation at the end of the interval, cumulative transactions") is cut off in the
    // copy we could read. Derived from its stated semantics with the step table: January 2,000 → 10 + 20 = 30;
    // February 3,200 → 10 + 40 + 6 = 56; March 4,500 → 10 + 40 + 45 = 95.
    const p = plan({
      effectiveFrom: "2015-01",
      components: [
        revenueComponent([
          { from: 0, to: cents(1_000), rateBps: 100 },
          { from: cents(1_000), to: cents(3_000), rateBps: 200 },
          { from: cents(3_000), to: cents(8_000), rateBps: 300 },
          { from: cents(8_000), to: null, rateBps: 500 },
        ]),
      ],
    });
    const totals = ["2015-01", "2015-02", "2015-03"].map(
      (m) => calculate(p, { repId: "rep-1", credits: q1Transactions }, m).total.amount,
    );
    expect(totals).toEqual([30, 56, 95].map(cents));
  });
});

describe("Oracle IC: equal tier values", () => {
  // https://docs.oracle.com/en/cloud/saas/sales/facmi/equal-tier-values.html
  // Published: 0–25,000 1%; 25,000–50,000 2%; 50,000–75,000 3%; 75,000–100,000 4%; "the calculation process pays a
  // transaction that matches exactly 50,000 at the 3 percent rate". Salesforce Spiff's tier_payout takes the lower
  // tier instead; both are a declared boundary policy here.
  const tiers = [
    { from: 0, to: cents(25_000), rateBps: 100 },
    { from: cents(25_000), to: cents(50_000), rateBps: 200 },
    { from: cents(50_000), to: cents(75_000), rateBps: 300 },
    { from: cents(75_000), to: null, rateBps: 400 },
  ];
  const pay = (boundary: "upper" | "lower") =>
    calculate(
      plan({ components: [revenueComponent(tiers, { tierMode: "retroactive", boundary })] }),
      { repId: "rep-1", credits: [credit("t", cents(50_000), "2026-01-10T00:00:00Z")] },
      "2026-01",
    );
  it("pays exactly 50,000 at 3% with the upper policy (Oracle) and at 2% with the lower policy (Spiff)", () => {
    expect(pay("upper").lines[0]?.rate).toBe("3%");
    expect(pay("upper").total.amount).toBe(cents(1_500));
    expect(pay("lower").lines[0]?.rate).toBe("2%");
    expect(pay("lower").total.amount).toBe(cents(1_000));
  });
});
