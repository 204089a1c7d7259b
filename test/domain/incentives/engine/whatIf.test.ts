import { describe, expect, it } from "vitest";
import { ratio } from "../../../../src/index.ts";
import {
  calculate,
  comparePlans,
  evaluateRateTable,
  formatStatement,
  simulate,
} from "../../../../src/incentives/engine/index.ts";
import { amountsOf, credit, plan, revenueComponent } from "../support/fixtures.ts";

const tiered = plan({
  components: [
    revenueComponent([
      { from: 0, to: 100_000, rateBps: 500 },
      { from: 100_000, to: null, rateBps: 1_000 },
    ]),
  ],
});
const credits = [credit("a", 80_000, "2026-01-10T00:00:00Z"), credit("b", 60_000, "2026-02-10T00:00:00Z")];

describe("what-if", () => {
  it("simulate: what a hypothetical deal would pay, with both statements", () => {
    const s = simulate(
      tiered,
      [credit("what-if", 40_000, "2026-01-20T00:00:00Z")],
      { repId: "rep-1", credits },
      "2026-01",
    );
    expect([s.baseline.total.amount, s.scenario.total.amount, s.difference.amount]).toEqual([4_000, 7_000, 3_000]);
  });

  it("comparePlans: two plans over the same history, period by period", () => {
    const flat = plan({ planId: "flat", components: [revenueComponent([{ from: 0, to: null, rateBps: 700 }])] });
    const cmp = comparePlans(tiered, flat, { inputs: { repId: "rep-1", credits }, from: "2026-01", to: "2026-03" });
    expect(cmp.periods.map((r) => [r.periodId, r.a.amount, r.b.amount, r.difference.amount])).toEqual([
      ["2026-01", 4_000, 5_600, 1_600],
      ["2026-02", 3_000, 4_200, 1_200],
      ["2026-03", 0, 0, 0],
    ]);
    expect([cmp.totalA.amount, cmp.totalB.amount, cmp.difference.amount]).toEqual([7_000, 9_800, 2_800]);
  });
});

describe("measures and rate tables", () => {
  it("evaluateRateTable exposes the curve on its own, with a quota for attainment", () => {
    const c = tiered.components[0];
    if (c === undefined) throw new Error("no component");
    expect(evaluateRateTable(c, ratio(150_000, 1)).payout).toEqual({ numerator: 10_000n, denominator: 1n });
    const attainment = {
      ...c,
      measure: { kind: "attainment" as const, of: "revenue" as const },
      tiers: [{ from: 0, to: null, rateBps: 1_000 }],
    };
    expect(() => evaluateRateTable(attainment, ratio(1, 1))).toThrow(/quota/);
    expect(evaluateRateTable(attainment, ratio(5_000, 1), { quota: 10_000 }).payout).toEqual({
      numerator: 500n,
      denominator: 1n,
    });
  });

  it("measures units and deal counts (each deal credit counts its share) and demands margins when measured", () => {
    const p = plan({
      components: [
        {
          id: "u",
          name: "Units",
          measure: { kind: "units" },
          evaluation: "cumulative",
          tierMode: "marginal",
          boundary: "upper",
          tiers: [{ from: 0, to: null, amountPerUnit: 250 }],
        },
        {
          id: "d",
          name: "Deals",
          measure: { kind: "deal_count" },
          evaluation: "cumulative",
          tierMode: "retroactive",
          boundary: "upper",
          tiers: [
            { from: 0, to: 2, amountPerUnit: 1_000 },
            { from: 2, to: null, amountPerUnit: 3_000 },
          ],
        },
      ],
    });
    const cs = [
      credit("a", 1, "2026-01-03T00:00:00Z", { units: 3 }),
      credit("b", 1, "2026-01-04T00:00:00Z", { units: 2, shareBps: 5_000 }),
      credit("c", 1, "2026-01-05T00:00:00Z", { units: 1, source: { kind: "order", id: "o-1" } }),
    ];
    const s = calculate(p, { repId: "rep-1", credits: cs }, "2026-01");
    expect(s.components.map((c) => [c.componentId, c.measure])).toEqual([
      ["u", "6"],
      ["d", "1.5"],
    ]);
    expect(amountsOf(s.lines, "tier")).toEqual([1_500, 1_500]);
    const margin = plan({
      components: [revenueComponent([{ from: 0, to: null, rateBps: 100 }], { measure: { kind: "margin" } })],
    });
    expect(() => calculate(margin, { repId: "rep-1", credits: cs }, "2026-01")).toThrow(/margin/);
  });

  it("ramps a new hire's quota by period of participation, and starts the draw at the hire", () => {
    const p = plan({
      components: [
        revenueComponent([{ from: 0, to: null, rateBps: 1_000 }], { ramp: [{ periodNumber: 1, quotaBps: 5_000 }] }),
      ],
      draw: { amount: 10_000, durationPeriods: 1, recoverable: false },
    });
    const inputs = {
      repId: "rep-1",
      credits: [],
      participation: { from: "2026-03-01" },
      quotas: ["2026-03", "2026-04"].map((periodId) => ({ componentId: "nb", periodId, amount: 100_000 })),
    };
    const mar = calculate(p, inputs, "2026-03");
    const apr = calculate(p, inputs, "2026-04");
    expect([mar.components[0]?.quota, apr.components[0]?.quota]).toEqual(["50000", "100000"]);
    expect([amountsOf(mar.lines, "draw"), amountsOf(apr.lines, "draw")]).toEqual([[10_000], []]);
  });

  it("formatStatement prints every line with its explanation and the exact amount when rounding changed it", () => {
    const p = plan({ components: [revenueComponent([{ from: 0, to: null, rateBps: 333 }])] });
    const text = formatStatement(
      calculate(p, { repId: "rep-1", credits: [credit("a", 1_001, "2026-01-03T00:00:00Z")] }, "2026-01"),
    );
    expect(text).toMatch(/tier +USD 0\.33 {2}New business: .*\[exact 33\.3333, rounding -0\.3333 minor units\]/);
    expect(text).toMatch(/total +USD 0\.33/);
  });
});
