// The engine's laws as property tests on plans valid by construction (see ../support/arbitraries.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ratio } from "../../../../src/index.ts";
import {
  calculate,
  evaluateRateTable,
  roundingTolerance,
  type Statement,
} from "../../../../src/incentives/engine/index.ts";
import { planDeclaresDecelerator } from "../../../../src/incentives/plan/index.ts";
import { creditsArb, planArb, quotas } from "../support/arbitraries.ts";
import { credit, refund } from "../support/fixtures.ts";

const inputs = (credits: ReturnType<typeof credit>[], history: Statement[] = []) => ({
  repId: "rep-1",
  credits,
  quotas,
  history,
});
const exactSum = (s: Statement) =>
  s.lines.reduce(
    (acc, l) => {
      const [n, d] = l.exactFraction.split("/").map(BigInt) as [bigint, bigint];
      return { n: acc.n * d + n * acc.d, d: acc.d * d };
    },
    { n: 0n, d: 1n },
  );

function reduced(n: bigint, d: bigint): string {
  let [a, b] = [n < 0n ? -n : n, d];
  while (b !== 0n) [a, b] = [b, a % b];
  const g = a === 0n ? d : a;
  return `${n / g}/${d / g}`;
}

describe("incentive engine laws", () => {
  it("payout is monotonic in credit unless the plan declares a decelerator", () => {
    fc.assert(
      fc.property(
        planArb({ adjustments: true }),
        creditsArb(),
        fc.integer({ min: 1, max: 150_000 }),
        (p, credits, extra) => {
          fc.pre(!planDeclaresDecelerator(p));
          const before = calculate(p, inputs(credits), "2026-01").total.amount;
          const after = calculate(p, inputs([...credits, credit("extra", extra, "2026-01-15T00:00:00Z")]), "2026-01")
            .total.amount;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it("caps hold: a capped component never pays more than its cap in a period", () => {
    fc.assert(
      fc.property(planArb({ adjustments: true }), creditsArb(), (p, credits) => {
        const cap = p.components[0]?.cap;
        fc.pre(cap !== undefined);
        const s = calculate(p, inputs(credits), "2026-01");
        expect(s.total.amount).toBeLessThanOrEqual(Math.max(cap?.amount ?? 0, p.components[0]?.floor?.amount ?? 0));
      }),
    );
  });

  it("marginal and interpolated tiers are continuous at every boundary", () => {
    fc.assert(
      fc.property(planArb({ modes: ["marginal", "interpolated"] }), (p) => {
        const c = p.components[0];
        if (c === undefined) return;
        const plain = { ...c, accelerators: undefined };
        for (const t of c.tiers.slice(1)) {
          const at = (v: bigint) => evaluateRateTable(plain, ratio(v, 1n)).payout;
          const left = at(BigInt(t.from) * 1000n - 1n);
          const here = at(BigInt(t.from) * 1000n);
          // Scale by 1000 so a one-unit step is tiny next to the bounds: the jump is at most one unit times the
          // highest per-unit payout, never a whole tier's worth.
          const jump =
            Number(here.numerator * left.denominator - left.numerator * here.denominator) /
            Number(here.denominator * left.denominator);
          expect(Math.abs(jump)).toBeLessThanOrEqual(30);
        }
      }),
    );
  });

  it("a clawback exactly cancels its original", () => {
    fc.assert(
      fc.property(
        planArb({ modes: ["marginal", "retroactive"] }),
        fc.integer({ min: 1, max: 150_000 }),
        (p, amount) => {
          fc.pre(p.components[0]?.gate === undefined);
          const credits = [
            credit("o", amount, "2026-01-10T00:00:00Z"),
            refund("r", "o", amount, "2026-02-10T00:00:00Z"),
          ];
          const jan = calculate(p, inputs(credits), "2026-01");
          const feb = calculate(p, inputs(credits, [jan]), "2026-02");
          const a = exactSum(jan);
          const b = exactSum(feb);
          expect(a.n * b.d + b.n * a.d).toBe(0n);
          expect(feb.lines.every((l) => l.amount.amount <= 0)).toBe(true);
          expect(Math.abs(jan.total.amount + feb.total.amount)).toBeLessThanOrEqual(roundingTolerance(jan).lines);
        },
      ),
    );
  });

  it("rounding conserves the total within the declared tolerance", () => {
    fc.assert(
      fc.property(planArb({ adjustments: true }), creditsArb(), (p, credits) => {
        const s = calculate(p, inputs(credits), "2026-01");
        const e = exactSum(s);
        expect(s.exactTotalFraction).toBe(reduced(e.n, e.d));
        // |total − exact| ≤ tolerance, compared exactly: |total·d − n| · 2 ≤ 2·tolerance·d.
        const diff = BigInt(s.total.amount) * e.d - e.n;
        const twice = BigInt(Math.round(roundingTolerance(s).minorUnits * 2));
        expect((diff < 0n ? -diff : diff) * 2n <= twice * e.d).toBe(true);
      }),
    );
  });

  it("recalculation is idempotent and independent of credit order", () => {
    fc.assert(
      fc.property(planArb({ adjustments: true }), creditsArb(), fc.infiniteStream(fc.nat()), (p, credits, seeds) => {
        const once = calculate(p, inputs(credits), "2026-01");
        expect(calculate(p, inputs(credits), "2026-01")).toEqual(once);
        const shuffled = credits
          .map((c) => [seeds.next().value, c] as const)
          .sort((x, y) => x[0] - y[0])
          .map(([, c]) => c);
        expect(calculate(p, inputs(shuffled), "2026-01")).toEqual(once);
      }),
    );
  });

  it("a closed period never changes: later credits and corrections only add deltas to the open period", () => {
    fc.assert(
      fc.property(planArb({ adjustments: true }), creditsArb(1), creditsArb(), (p, early, late) => {
        const jan = calculate(p, inputs(early), "2026-01");
        const snapshot = structuredClone(jan);
        const all = [...early, ...late.map((c) => ({ ...c, creditId: `late-${c.creditId}` }))];
        const feb = calculate(p, inputs(all, [jan]), "2026-02");
        expect(jan).toEqual(snapshot);
        expect(() => calculate(p, inputs(all, [jan]), "2026-01")).toThrow(/closed/);
        // What January has paid, after adjustment, is what January recalculated now would pay.
        const janNow = calculate(p, inputs(all), "2026-01");
        const adjusted = feb.lines
          .filter((l) => l.adjustsPeriodId === "2026-01")
          .reduce((s, l) => s + l.amount.amount, 0);
        expect(jan.total.amount + adjusted).toBe(janNow.total.amount);
      }),
    );
  });
});
