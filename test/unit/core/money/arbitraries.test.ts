import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCurrencyCode, isRoundingMode, ratio } from "../../../../src/core/money/index.ts";
import {
  arbCurrency,
  arbMoney,
  arbRatio,
  arbRoundingMode,
  arbWeights,
} from "../../../../src/testing/arbitraries/money.ts";

describe("money arbitraries", () => {
  it("arbCurrency yields well-formed codes", () => {
    fc.assert(fc.property(arbCurrency(), (c) => isCurrencyCode(c)));
  });

  it("arbMoney respects currency and bounds", () => {
    fc.assert(
      fc.property(arbMoney({ currency: "KWD", min: -5, max: 7 }), (m) => {
        expect(m.currency).toBe("KWD");
        expect(m.amount).toBeGreaterThanOrEqual(-5);
        expect(m.amount).toBeLessThanOrEqual(7);
        expect(Object.isFrozen(m)).toBe(true);
      }),
    );
  });

  it("arbWeights yields valid weight lists of the requested length", () => {
    fc.assert(
      fc.property(arbWeights({ minLength: 2, maxLength: 4, maxWeight: 1 }), (weights) => {
        expect(weights.length).toBeGreaterThanOrEqual(2);
        expect(weights.length).toBeLessThanOrEqual(4);
        expect(weights.some((w) => w > 0)).toBe(true);
        expect(weights.every((w) => Number.isSafeInteger(w) && w >= 0 && w <= 1)).toBe(true);
      }),
    );
  });

  it("arbRoundingMode yields modes", () => {
    fc.assert(fc.property(arbRoundingMode(), (mode) => isRoundingMode(mode)));
  });

  it("arbRatio yields normalised ratios", () => {
    fc.assert(
      fc.property(arbRatio({ maxDenominator: 50n }), (r) => {
        expect(r.denominator > 0n && r.denominator <= 50n).toBe(true);
        expect(ratio(r.numerator, r.denominator)).toEqual(r);
      }),
    );
  });
});
