import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decimal,
  isRoundingMode,
  ROUNDING_MODES,
  type Ratio,
  type RoundingMode,
  ratio,
  roundRatio,
} from "../../../../src/core/money/index.ts";
import { arbRatio, arbRoundingMode } from "../../../../src/testing/arbitraries/money.ts";
import { thrown } from "./thrown.ts";

const inputs = ["2.5", "-2.5", "2.4", "-2.4", "2.6", "-2.6", "0.5", "-0.5", "3", "-3"] as const;

// Expected results per mode, in the order of `inputs`.
const table: Record<RoundingMode, number[]> = {
  half_up: [3, -3, 2, -2, 3, -3, 1, -1, 3, -3],
  half_down: [2, -2, 2, -2, 3, -3, 0, 0, 3, -3],
  half_even: [2, -2, 2, -2, 3, -3, 0, 0, 3, -3],
  up: [3, -3, 3, -3, 3, -3, 1, -1, 3, -3],
  down: [2, -2, 2, -2, 2, -2, 0, 0, 3, -3],
  ceiling: [3, -2, 3, -2, 3, -2, 1, 0, 3, -3],
  floor: [2, -3, 2, -3, 2, -3, 0, -1, 3, -3],
};

const cases = ROUNDING_MODES.flatMap((mode) =>
  inputs.map((input, i) => [mode, input, table[mode][i] as number] as const),
);

describe("roundRatio", () => {
  it.each(cases)("%s rounds %s to %i", (mode, input, expected) => {
    expect(roundRatio(decimal(input), mode)).toBe(BigInt(expected));
  });

  it("half_even goes to the even neighbour on 1.5, 3.5 and -1.5", () => {
    expect(roundRatio(decimal("1.5"), "half_even")).toBe(2n);
    expect(roundRatio(decimal("3.5"), "half_even")).toBe(4n);
    expect(roundRatio(decimal("-1.5"), "half_even")).toBe(-2n);
  });

  it("works on values far beyond 2^53", () => {
    const big = 10n ** 30n;
    expect(roundRatio(ratio(2n * big + 1n, 2n), "half_up")).toBe(big + 1n);
    expect(roundRatio(ratio(-(2n * big + 1n), 2n), "floor")).toBe(-big - 1n);
  });

  it("rejects an unknown mode, also when the value is whole", () => {
    for (const value of [decimal("2.5"), decimal("2.4"), decimal("2")]) {
      expect(thrown(() => roundRatio(value, "HALF_UP" as RoundingMode))).toMatchObject({
        code: "validation_failed",
        api: "roundRatio",
        path: ["mode"],
        issues: [{ code: "invalid_rounding_mode" }],
      });
    }
  });

  it("rejects a malformed ratio", () => {
    const bad = { numerator: 1n, denominator: 0n } as Ratio;
    expect(thrown(() => roundRatio(bad, "down"))).toMatchObject({ api: "roundRatio", path: ["r", "denominator"] });
    const floats = { numerator: 1, denominator: 2 } as unknown as Ratio;
    expect(thrown(() => roundRatio(floats, "down"))).toMatchObject({ api: "roundRatio", path: ["r"] });
  });

  it("every mode lands within 1 of the exact value and follows its direction (property)", () => {
    fc.assert(
      fc.property(arbRatio(), arbRoundingMode(), (r, mode) => {
        const { numerator: n, denominator: d } = r;
        const result = roundRatio(r, mode);
        const diff = result * d - n; // (result − exact) × d
        const absDiff = diff < 0n ? -diff : diff;
        expect(absDiff < d).toBe(true);
        const exactHalf = 2n * absDiff === d;
        switch (mode) {
          case "up":
            expect(n >= 0n ? diff >= 0n : diff <= 0n).toBe(true);
            break;
          case "down":
            expect(n >= 0n ? diff <= 0n : diff >= 0n).toBe(true);
            break;
          case "ceiling":
            expect(diff >= 0n).toBe(true);
            break;
          case "floor":
            expect(diff <= 0n).toBe(true);
            break;
          default:
            expect(2n * absDiff <= d).toBe(true);
            if (exactHalf && mode === "half_even") expect(result % 2n).toBe(0n);
            if (exactHalf && mode === "half_up") expect(n > 0n ? diff > 0n : diff < 0n).toBe(true);
            if (exactHalf && mode === "half_down") expect(n > 0n ? diff < 0n : diff > 0n).toBe(true);
        }
      }),
    );
  });

  it("is odd-symmetric for the symmetric modes and mirrors ceiling/floor (property)", () => {
    fc.assert(
      fc.property(arbRatio(), (r) => {
        const neg = ratio(-r.numerator, r.denominator);
        for (const mode of ["half_up", "half_down", "half_even", "up", "down"] as const) {
          expect(roundRatio(neg, mode)).toBe(-roundRatio(r, mode));
        }
        expect(roundRatio(neg, "ceiling")).toBe(-roundRatio(r, "floor"));
      }),
    );
  });

  it("returns integers unchanged in every mode (property)", () => {
    fc.assert(
      fc.property(fc.bigInt(), arbRoundingMode(), (n, mode) => {
        expect(roundRatio(ratio(n, 1n), mode)).toBe(n);
      }),
    );
  });
});

describe("isRoundingMode", () => {
  it("accepts the seven modes only", () => {
    expect(ROUNDING_MODES).toHaveLength(7);
    for (const mode of ROUNDING_MODES) expect(isRoundingMode(mode)).toBe(true);
    expect(isRoundingMode("half_odd")).toBe(false);
    expect(isRoundingMode(undefined)).toBe(false);
  });
});
