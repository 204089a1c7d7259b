// Figures paid in several lines over time (clawbacks of a credit refunded in parts, a goal bonus trued up over its
// window) add up to the rounded figure to date, never to a sum of separately rounded parts. And no line or total
// leaves the safe integer range of minor units silently.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSalesfoldError, ROUNDING_MODES, type RoundingMode, roundExact } from "../../../../src/index.ts";
import { calculate, type Statement } from "../../../../src/incentives/engine/index.ts";
import type { PlanDefinition } from "../../../../src/incentives/plan/index.ts";
import { type Credit, credit, plan, refund, revenueComponent } from "../support/fixtures.ts";

const ORIGINAL_AT = "2026-01-10T00:00:00Z";
const MONTHS = ["2026-01", "2026-02", "2026-03"] as const;

/** Calculates January to March in turn, each closed month becoming history for the next. */
function quarter(p: PlanDefinition, credits: Credit[], extra: object = {}): Statement[] {
  const history: Statement[] = [];
  for (const month of MONTHS)
    history.push(calculate(p, { repId: "rep-1", credits, history: [...history], ...extra }, month));
  return history;
}

const clawedIn = (s: Statement, bucket: string) =>
  s.lines.filter((l) => l.kind === "clawback" && l.bucket === bucket).reduce((t, l) => t + l.amount.amount, 0);

const rounded = (numerator: bigint, denominator: bigint, mode: RoundingMode) =>
  roundExact({ currency: "USD", numerator, denominator }, mode).money.amount;

/** An amount split into parts (positive, summing to it), each dated in February or March. */
const refundArb = fc
  .record({
    amount: fc.integer({ min: 1, max: 5_000_000 }),
    rateBps: fc.integer({ min: 1, max: 10_000 }),
    mode: fc.constantFrom(...ROUNDING_MODES),
    cuts: fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }), { maxLength: 7 }),
    days: fc.array(fc.integer({ min: 0, max: 55 }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ amount, rateBps, mode, cuts, days }) => {
    const points = [...new Set(cuts.map((c) => Math.floor(c * amount)).filter((c) => c > 0 && c < amount))].sort(
      (a, b) => a - b,
    );
    const bounds = [0, ...points, amount];
    const parts = bounds.slice(1).map((b, i) => b - (bounds[i] as number));
    const dates = parts.map((_, i) => new Date(Date.parse("2026-02-01T00:00:00Z") + (days[i] as number) * 86_400_000));
    return { amount, rateBps, mode, parts, dates: dates.map((d) => d.toISOString()) };
  });

describe("clawbacks of a credit refunded in parts", () => {
  it("refunding 100 paid at 5% in three parts takes back exactly the 5 paid", () => {
    const p = plan({
      clawback: { windowDays: 90 },
      components: [revenueComponent([{ from: 0, to: null, rateBps: 500 }])],
    });
    const credits = [
      credit("c1", 100, ORIGINAL_AT),
      refund("r1", "c1", 33, "2026-02-01T00:00:00Z"),
      refund("r2", "c1", 33, "2026-02-02T00:00:00Z"),
      refund("r3", "c1", 34, "2026-02-03T00:00:00Z"),
    ];
    const [jan, feb] = quarter(p, credits);
    expect(jan?.total.amount).toBe(5);
    // 1.65 to date → 2; 3.30 → 3, less 2; 5 → 5, less 3.
    expect(feb?.lines.filter((l) => l.kind === "clawback").map((l) => l.amount.amount)).toEqual([-2, -1, -2]);
    expect(feb?.total.amount).toBe(-5);
    // Each line shows the exact amount to date less what was taken, and the one rounding of the amount to date.
    expect(feb?.lines.filter((l) => l.kind === "clawback").map((l) => [l.exact, l.rounding])).toEqual([
      ["-1.65", "-0.35"],
      ["-1.3", "0.3"],
      ["-2", "0"],
    ]);
  });

  it("refunding a credit in any number of parts claws back exactly the rounded payout, and each part the rounded share to date less what was taken", () => {
    fc.assert(
      fc.property(refundArb, ({ amount, rateBps, mode, parts, dates }) => {
        const p = plan({
          rounding: { mode },
          clawback: { windowDays: 90 },
          components: [revenueComponent([{ from: 0, to: null, rateBps }])],
        });
        const refunds = parts.map((part, i) => refund(`r${i}`, "c1", part, dates[i] as string));
        const [jan, feb, mar] = quarter(p, [credit("c1", amount, ORIGINAL_AT), ...refunds]);
        const paid = jan?.total.amount ?? 0;
        const payout = BigInt(amount) * BigInt(rateBps);
        expect(paid).toBe(rounded(payout, 10_000n, mode));
        const bucket = "component:nb";
        expect(clawedIn(feb as Statement, bucket) + clawedIn(mar as Statement, bucket)).toBe(0 - paid);
        // After February alone: the rounded payout of the share refunded in February.
        const inFeb = refunds.filter((r) => r.creditedAt < "2026-03-01").reduce((s, r) => s - r.amount.amount, 0);
        expect(clawedIn(feb as Statement, bucket)).toBe(
          0 - rounded(payout * BigInt(inFeb), 10_000n * BigInt(amount), mode),
        );
        for (const s of [feb, mar])
          for (const l of s?.lines ?? []) if (l.kind === "clawback") expect(l.amount.amount).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("a SPIFF paid on a credit refunded in parts is clawed back exactly, in any number of parts", () => {
    fc.assert(
      fc.property(refundArb, ({ amount, rateBps, mode, parts, dates }) => {
        const p = plan({
          rounding: { mode },
          clawback: { windowDays: 90 },
          components: [revenueComponent([{ from: 0, to: null, rateBps: 100 }])],
          spiffs: [
            {
              id: "push",
              name: "Push",
              from: "2026-01-01T00:00:00Z",
              to: "2026-02-01T00:00:00Z",
              payout: { kind: "percentage", rateBps },
            },
          ],
        });
        const refunds = parts.map((part, i) => refund(`r${i}`, "c1", part, dates[i] as string));
        const [jan, feb, mar] = quarter(p, [credit("c1", amount, ORIGINAL_AT), ...refunds]);
        const spiff = jan?.lines.filter((l) => l.bucket === "spiff:push").reduce((s, l) => s + l.amount.amount, 0);
        expect(spiff).toBe(rounded(BigInt(amount) * BigInt(rateBps), 10_000n, mode));
        expect(clawedIn(feb as Statement, "spiff:push") + clawedIn(mar as Statement, "spiff:push")).toBe(
          0 - (spiff ?? 0),
        );
      }),
    );
  });
});

describe("goal bonus true-up", () => {
  it("pays over the window exactly the rounded bonus earned to date, in every rounding mode", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom(...ROUNDING_MODES),
        fc.integer({ min: 0, max: 58 }),
        (amount, mode, lastDay) => {
          const through = new Date(Date.parse("2026-01-31T00:00:00Z") + lastDay * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const p = plan({
            rounding: { mode },
            proration: { quota: false, fixedAmounts: true },
            components: [revenueComponent([{ from: 0, to: null, rateBps: 0 }], { accumulation: "quarter" })],
            bonuses: [{ kind: "goal", id: "club", name: "Club", componentId: "nb", thresholdBps: 10_000, amount }],
          });
          const statements = quarter(p, [credit("c1", 1_000_000, ORIGINAL_AT)], {
            quotas: [{ componentId: "nb", periodId: "2026-Q1", amount: 1_000_000 }],
            participation: { from: "2026-01-01", through },
          });
          let paid = 0;
          for (const s of statements) {
            paid += s.lines.filter((l) => l.bucket === "bonus:club").reduce((t, l) => t + l.amount.amount, 0);
            const state = s.balances.buckets.find((b) => b.bucket === "bonus:club");
            expect(paid).toBe(state?.earnedInWindow);
          }
        },
      ),
    );
  });

  it("a half-even bonus prorated to 50,000.5 pays 50,000 in total, not 50,001", () => {
    const p = plan({
      rounding: { mode: "half_even" },
      proration: { quota: false, fixedAmounts: true },
      components: [revenueComponent([{ from: 0, to: null, rateBps: 0 }], { accumulation: "quarter" })],
      bonuses: [{ kind: "goal", id: "club", name: "Club", componentId: "nb", thresholdBps: 10_000, amount: 100_001 }],
    });
    const [jan, feb] = quarter(p, [credit("c1", 1_000_000, ORIGINAL_AT)], {
      quotas: [{ componentId: "nb", periodId: "2026-Q1", amount: 1_000_000 }],
      participation: { from: "2026-01-01", through: "2026-02-14" },
    });
    const bonus = (s?: Statement) => s?.lines.find((l) => l.bucket === "bonus:club");
    expect(bonus(jan)?.amount.amount).toBe(100_001);
    // 100,001 × 14/28 days of February = 50,000.5 → 50,000 (half even), less 100,001 paid in January.
    expect(bonus(feb)?.amount.amount).toBe(-50_001);
    expect(bonus(feb)?.exact).toBe("-50000.5");
    expect(bonus(feb)?.explanation).toContain("USD 500.005 earned in the window");
  });
});

describe("safe integer range", () => {
  const overflow = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return isSalesfoldError(error) ? error.code : error;
    }
    return "no error";
  };

  it("a whole line amount above the safe range throws arithmetic_overflow instead of losing precision", () => {
    const p = plan({ components: [revenueComponent([{ from: 0, to: null, rateBps: 30_000 }])] });
    // 3 × 3,002,399,751,580,331 = 2^53 + 1.
    const credits = [credit("c1", 3_002_399_751_580_331, ORIGINAL_AT)];
    expect(overflow(() => calculate(p, { repId: "rep-1", credits }, "2026-01"))).toBe("arithmetic_overflow");
  });

  it("a statement total above the safe range throws arithmetic_overflow, though every line is safe", () => {
    const p = plan({
      components: [
        revenueComponent([{ from: 0, to: null, rateBps: 10_000 }]),
        revenueComponent([{ from: 0, to: null, rateBps: 10_000 }], { id: "nb2", name: "Second" }),
      ],
    });
    const credits = [credit("c1", 5_000_000_000_000_000, ORIGINAL_AT)];
    expect(overflow(() => calculate(p, { repId: "rep-1", credits }, "2026-01"))).toBe("arithmetic_overflow");
  });
});
