// What the engine accepts at its boundary: closed history of the plan calculated only, plans of one currency to
// compare, and any MBO score on the bonus's scale, however it is written as a number.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSalesfoldError, isValidationError } from "../../../../src/index.ts";
import { calculate, comparePlans } from "../../../../src/incentives/engine/index.ts";
import { definePlan, type PlanDefinition } from "../../../../src/incentives/plan/index.ts";
import { credit, plan, revenueComponent } from "../support/fixtures.ts";

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
};

const tenPercent = [revenueComponent([{ from: 0, to: null, rateBps: 1_000 }])];

describe("closed history", () => {
  it("refuses a closed statement of another plan, naming its path", () => {
    const other = plan({ planId: "other", components: tenPercent });
    const jan = calculate(
      other,
      { repId: "rep-1", credits: [credit("c1", 100_000, "2026-01-10T00:00:00Z")] },
      "2026-01",
    );
    const error = thrown(() =>
      calculate(plan({ components: tenPercent }), { repId: "rep-1", credits: [], history: [jan] }, "2026-02"),
    );
    expect(isValidationError(error) && error.issues).toEqual([
      expect.objectContaining({ code: "statement_for_other_plan", path: ["inputs", "history", 0, "planId"] }),
    ]);
  });

  it("refuses a closed statement in another currency, naming its path", () => {
    const yen: PlanDefinition = definePlan({ ...plan({ components: tenPercent }), currency: "JPY" });
    const jan = calculate(
      yen,
      {
        repId: "rep-1",
        credits: [
          { ...credit("c1", 1_000_000, "2026-01-10T00:00:00Z"), amount: { amount: 1_000_000, currency: "JPY" } },
        ],
      },
      "2026-01",
    );
    const error = thrown(() =>
      calculate(plan({ components: tenPercent }), { repId: "rep-1", credits: [], history: [jan] }, "2026-02"),
    );
    expect(isValidationError(error) && error.issues).toEqual([
      expect.objectContaining({ code: "currency_mismatch", path: ["inputs", "history", 0, "currency"] }),
    ]);
  });

  it("still takes the plan's own closed statements", () => {
    const p = plan({ components: tenPercent });
    const credits = [credit("c1", 100_000, "2026-01-10T00:00:00Z")];
    const jan = calculate(p, { repId: "rep-1", credits }, "2026-01");
    expect(calculate(p, { repId: "rep-1", credits, history: [jan] }, "2026-02").total.amount).toBe(0);
  });
});

describe("comparePlans", () => {
  const withDraw = (currency: string, amount: number) =>
    definePlan({
      ...plan({ components: [] }),
      currency,
      draw: { amount, durationPeriods: 12, recoverable: false },
    });

  it("refuses plans in different currencies with currency_mismatch", () => {
    const error = thrown(() =>
      comparePlans(withDraw("USD", 300_000), withDraw("JPY", 300_000), {
        inputs: { repId: "rep-1", credits: [] },
        from: "2026-01",
        to: "2026-02",
      }),
    );
    expect(isSalesfoldError(error) && error.code).toBe("currency_mismatch");
  });

  it("pairs each period's totals by period id, and the rows add up to the totals", () => {
    const inputs = { repId: "rep-1", credits: [credit("c1", 2_000_000, "2026-02-10T00:00:00Z")] };
    const a = plan({ components: tenPercent });
    const b = withDraw("USD", 150_000);
    const cmp = comparePlans(a, b, { inputs, from: "2026-01", to: "2026-03" });
    expect(cmp.periods.map((r) => [r.periodId, r.a.amount, r.b.amount, r.difference.amount])).toEqual([
      ["2026-01", 0, 150_000, 150_000],
      ["2026-02", 200_000, 150_000, -50_000],
      ["2026-03", 0, 150_000, 150_000],
    ]);
    for (const r of cmp.periods) {
      expect(r.a.amount).toBe(calculate(a, inputs, r.periodId).total.amount);
      expect(r.b.amount).toBe(calculate(b, inputs, r.periodId).total.amount);
    }
    expect([cmp.totalA.amount, cmp.totalB.amount, cmp.difference.amount]).toEqual([200_000, 450_000, 250_000]);
  });
});

describe("MBO scores", () => {
  const mbo = plan({
    components: [],
    bonuses: [{ kind: "mbo", id: "mbo", name: "Objectives", scale: { min: 0, max: 5 }, targetAmount: 200_000 }],
  });
  const mboLine = (score: number) =>
    calculate(
      mbo,
      { repId: "rep-1", credits: [], mboScores: [{ bonusId: "mbo", periodId: "2026-01", score }] },
      "2026-01",
    ).lines.find((l) => l.kind === "mbo");

  it("reads a score printed with an exponent as the exact decimal it is", () => {
    // 200,000 × 0.0000001 / 5 = 0.004 minor units; 200,000 × 0.00000015 / 5 = 0.006.
    expect(mboLine(1e-7)?.exactFraction).toBe("1/250");
    expect(mboLine(1.5e-7)?.exactFraction).toBe("3/500");
    expect(mboLine(1e-7)?.explanation).toContain("score 0.0000001 on the 0–5 scale");
  });

  it("pays target × score / scale for any score on the scale, never failing on how the number is written", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5, noNaN: true }), (score) => {
        const line = mboLine(score);
        const [n, d] = (line?.exactFraction ?? "").split("/").map(BigInt) as [bigint, bigint];
        // exact = 200,000 × score / 5 = 40,000 × score, within the double's own precision of the score.
        expect(Math.abs(Number(n) / Number(d) - 40_000 * score)).toBeLessThanOrEqual(40_000 * score * 1e-12 + 1e-9);
        expect(line?.amount.amount).toBeGreaterThanOrEqual(0);
        expect(line?.amount.amount).toBeLessThanOrEqual(200_000);
      }),
    );
  });
});
