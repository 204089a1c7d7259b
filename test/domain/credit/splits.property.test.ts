import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CreditEvent, creditDecider, reversalParts } from "../../../src/credit/index.ts";
import { money } from "../../../src/index.ts";
import { dealCredit, reverseCredit, run, usd } from "./fixtures.ts";

// Revenue splits of 1 to 8 reps whose shares are positive and total exactly 10,000 bps; the owner is the first rep.
const arbRevenueSplits = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { minLength: n - 1, maxLength: n - 1 }))
  .map((cuts) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 10_000];
    return points.slice(1).map((p, i) => ({ repId: `rep-${i}`, shareBps: p - points[i]! }));
  });
const arbOverlays = fc.uniqueArray(
  fc.record({ repId: fc.constantFrom("ov-a", "ov-b", "ov-c", "ov-d"), shareBps: fc.integer({ min: 0, max: 100_000 }) }),
  { selector: (s) => s.repId, maxLength: 4 },
);
const arbAmount = fc.integer({ min: 0, max: 10_000_000_000 });

const sumOf = (events: readonly CreditEvent[], type: "revenue" | "overlay") =>
  events.filter((e) => e.data.splitType === type).reduce((t, e) => t + e.data.amount.amount, 0);
const netByRep = (events: readonly CreditEvent[]) => {
  const out: Record<string, number> = {};
  for (const e of events)
    out[`${e.data.splitType}:${e.data.repId}`] =
      (out[`${e.data.splitType}:${e.data.repId}`] ?? 0) + e.data.amount.amount;
  return out;
};

describe("credit splits (properties)", () => {
  it("revenue credits sum exactly to the deal amount, and each is within one minor unit of its exact share", () => {
    fc.assert(
      fc.property(arbAmount, arbRevenueSplits, (amount, splits) => {
        const out = run(creditDecider).exec(
          dealCredit({
            amount: usd(amount),
            revenueSplits: splits,
            owner: { repId: "rep-0", effectiveFrom: "2026-01-01T00:00:00Z" },
          }),
        );
        expect(sumOf(out, "revenue")).toBe(amount);
        out.forEach((e, i) => {
          const exact = (BigInt(amount) * BigInt(splits[i]!.shareBps)) / 10_000n;
          expect(Math.abs(e.data.amount.amount - Number(exact))).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it("overlay credits never change the revenue total", () => {
    fc.assert(
      fc.property(arbAmount, arbRevenueSplits, arbOverlays, (amount, splits, overlays) => {
        const facts = {
          amount: usd(amount),
          revenueSplits: splits,
          owner: { repId: "rep-0", effectiveFrom: "2026-01-01T00:00:00Z" },
        };
        const without = run(creditDecider).exec(dealCredit(facts));
        const withOverlay = run(creditDecider).exec(dealCredit({ ...facts, overlaySplits: overlays }));
        expect(sumOf(withOverlay, "revenue")).toBe(sumOf(without, "revenue"));
        expect(withOverlay.filter((e) => e.data.splitType === "revenue").map((e) => e.data.amount)).toEqual(
          without.map((e) => e.data.amount),
        );
        for (const o of overlays) {
          const e = withOverlay.find((x) => x.data.splitType === "overlay" && x.data.repId === o.repId)!;
          // Independent half-up of amount × share / 10,000 (both non-negative).
          expect(e.data.amount.amount).toBe(Number((BigInt(amount) * BigInt(o.shareBps) * 2n + 10_000n) / 20_000n));
        }
      }),
    );
  });

  it("refunds in any pieces sum exactly to what they reverse, never over-reverse a rep, and a full refund cancels every credit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        arbRevenueSplits,
        arbOverlays,
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        (amount, splits, overlays, weights) => {
          const r = run(creditDecider);
          const original = r.exec(
            dealCredit({
              amount: usd(amount),
              revenueSplits: splits,
              overlaySplits: overlays,
              owner: { repId: "rep-0", effectiveFrom: "2026-01-01T00:00:00Z" },
            }),
          );
          // Cut the amount into pieces in proportion to the weights (the last takes the rest), skipping empty pieces.
          const total = weights.reduce((a, b) => a + b, 0);
          let given = 0;
          const pieces = weights.map((w, i) => {
            const p = i === weights.length - 1 ? amount - given : Math.floor((amount * w) / total);
            given += p;
            return p;
          });
          pieces.forEach((p, i) => {
            if (p === 0) return;
            const out = r.exec(
              reverseCredit({
                source: { kind: "deal", id: "d-1" },
                lineId: undefined,
                adjustmentId: `a-${i}`,
                amount: usd(-p),
              }),
            );
            expect(sumOf(out, "revenue")).toBe(-p);
            for (const e of out) expect(e.data.amount.amount).toBeLessThan(0);
            for (const [key, net] of Object.entries(netByRep(r.events))) expect(net, key).toBeGreaterThanOrEqual(0);
          });
          for (const [key, net] of Object.entries(netByRep(r.events))) expect(net, key).toBe(0);
          expect(sumOf(r.events, "revenue")).toBe(0);
          expect(original.length).toBe(splits.length + overlays.length);
        },
      ),
    );
  });

  it("reversal parts stay within what each credit holds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (held, seed) => {
          const total = held.reduce((a, b) => a + b, 0);
          const reverse = total === 0 ? 0 : 1 + (seed % total);
          const parts = reversalParts(money(-reverse || -1, "USD"), held);
          if (total === 0) return;
          expect(parts.reduce((t, p) => t + p.amount, 0)).toBe(-reverse);
          parts.forEach((p, i) => {
            expect(p.amount).toBeLessThanOrEqual(0);
            expect(-p.amount).toBeLessThanOrEqual(held[i]!);
          });
        },
      ),
    );
  });
});
