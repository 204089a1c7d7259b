import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bps,
  decimal,
  money,
  multiply,
  multiplyBps,
  prorateMoney,
  ratio,
  roundRatio,
} from "../../../../src/core/money/index.ts";
import { arbMoney, arbRatio, arbRoundingMode } from "../../../../src/testing/arbitraries/money.ts";
import { thrown } from "./thrown.ts";

const usd = (amount: number) => money(amount, "USD");
const MAX = Number.MAX_SAFE_INTEGER;

describe("multiplyBps", () => {
  it("12345 × 7.5% = 925.875 rounds per mode", () => {
    expect(multiplyBps(usd(12345), 750, "half_up")).toEqual(usd(926));
    expect(multiplyBps(usd(12345), 750, "down")).toEqual(usd(925));
    expect(multiplyBps(usd(-12345), 750, "half_up")).toEqual(usd(-926));
    expect(multiplyBps(usd(-12345), 750, "ceiling")).toEqual(usd(-925));
    expect(multiplyBps(usd(-12345), 750, "floor")).toEqual(usd(-926));
  });

  it("handles exact halves: 50 × 1% = 0.5", () => {
    expect(multiplyBps(usd(50), 100, "half_up")).toEqual(usd(1));
    expect(multiplyBps(usd(50), 100, "half_even")).toEqual(usd(0));
    expect(multiplyBps(usd(150), 100, "half_even")).toEqual(usd(2));
    expect(multiplyBps(usd(-50), 100, "half_down")).toEqual(usd(0));
    expect(Object.is(multiplyBps(usd(-50), 100, "half_down").amount, 0)).toBe(true);
  });

  it("negative and over-100% rates", () => {
    expect(multiplyBps(usd(10000), -250, "half_up")).toEqual(usd(-250));
    expect(multiplyBps(usd(10000), 15000, "half_up")).toEqual(usd(15000));
  });

  it("stays exact when amount × rate exceeds 2^53", () => {
    expect(multiplyBps(usd(MAX), 5000, "half_up")).toEqual(usd(4503599627370496));
    expect(multiplyBps(usd(MAX), 5000, "down")).toEqual(usd(4503599627370495));
    expect(multiplyBps(usd(MAX), 5000, "half_even")).toEqual(usd(4503599627370496));
  });

  it("throws arithmetic_overflow when the result is unsafe", () => {
    expect(thrown(() => multiplyBps(usd(MAX), 20000, "down"))).toMatchObject({ code: "arithmetic_overflow" });
  });

  it("rejects a fractional rate and an unknown mode", () => {
    expect(thrown(() => multiplyBps(usd(1), 7.5, "down"))).toMatchObject({
      api: "multiplyBps",
      path: ["basisPoints"],
    });
    expect(thrown(() => multiplyBps(usd(1), 750, "round" as never))).toMatchObject({
      api: "multiplyBps",
      path: ["mode"],
    });
    expect(thrown(() => multiplyBps(usd(10000), 750, "round" as never))).toMatchObject({ path: ["mode"] });
  });

  it("agrees with exact bigint arithmetic on both sides of 2^53 (property)", () => {
    const amounts = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -MAX, max: MAX }));
    const rates = fc.oneof(fc.integer({ min: -20000, max: 20000 }), fc.integer({ min: -1e6, max: 1e6 }));
    fc.assert(
      fc.property(amounts, rates, arbRoundingMode(), (amount, rate, mode) => {
        const expected = roundRatio(ratio(BigInt(amount) * BigInt(rate), 10000n), mode);
        if (expected > BigInt(MAX) || expected < -BigInt(MAX)) {
          expect(thrown(() => multiplyBps(usd(amount), rate, mode))).toMatchObject({ code: "arithmetic_overflow" });
        } else {
          expect(multiplyBps(usd(amount), rate, mode)).toEqual(usd(Number(expected)));
          expect(multiply(usd(amount), bps(rate), mode)).toEqual(usd(Number(expected)));
        }
      }),
    );
  });
});

describe("multiply", () => {
  it("rounds once with the given mode", () => {
    expect(multiply(usd(12345), decimal("0.075"), "half_up")).toEqual(usd(926));
    expect(multiply(usd(100), ratio(1, 3), "up")).toEqual(usd(34));
    expect(multiply(money(999, "JPY"), decimal("1.5"), "half_even")).toEqual(money(1498, "JPY"));
  });

  it("throws arithmetic_overflow when the result is unsafe", () => {
    expect(thrown(() => multiply(usd(MAX), decimal("1.0000001"), "down"))).toMatchObject({
      code: "arithmetic_overflow",
    });
  });

  it("rejects a float rate", () => {
    expect(thrown(() => multiply(usd(1), 0.5 as never, "down"))).toMatchObject({ api: "multiply", path: ["rate"] });
  });

  it("stays within one minor unit of the exact product (property)", () => {
    fc.assert(
      fc.property(
        arbMoney({ min: -1e9, max: 1e9 }),
        arbRatio({ maxNumerator: 1_000_000n }),
        arbRoundingMode(),
        (m, rate, mode) => {
          const result = BigInt(multiply(m, rate, mode).amount);
          const diff = result * rate.denominator - BigInt(m.amount) * rate.numerator;
          expect((diff < 0n ? -diff : diff) < rate.denominator).toBe(true);
        },
      ),
    );
  });
});

describe("prorateMoney", () => {
  it("prorates by days over the period", () => {
    expect(prorateMoney(usd(900000), 45, 90, "half_even")).toEqual(usd(450000));
    expect(prorateMoney(usd(100), 1, 3, "half_up")).toEqual(usd(33));
    expect(prorateMoney(usd(100), 2, 3, "half_up")).toEqual(usd(67));
    expect(prorateMoney(usd(100), 2, 3, "down")).toEqual(usd(66));
    expect(prorateMoney(usd(100), 0, 3, "up")).toEqual(usd(0));
    expect(prorateMoney(usd(100), 3, 3, "up")).toEqual(usd(100));
  });

  it("is exact for large amounts", () => {
    expect(prorateMoney(usd(MAX), 364, 365, "down").amount).toBe(Number((BigInt(MAX) * 364n) / 365n));
  });

  it.each([
    [-1, 30, ["days"]],
    [1.5, 30, ["days"]],
    [31, 30, ["days"]],
    [0, 0, ["periodDays"]],
    [1, -30, ["periodDays"]],
  ])("rejects days=%s periodDays=%s", (days, periodDays, path) => {
    expect(thrown(() => prorateMoney(usd(100), days, periodDays, "down"))).toMatchObject({
      code: "validation_failed",
      api: "prorateMoney",
      path,
    });
  });
});
