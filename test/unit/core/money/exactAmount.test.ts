import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addExact,
  bps,
  decimal,
  type ExactAmount,
  formatExact,
  money,
  multiply,
  multiplyExact,
  ratio,
  roundExact,
  toExact,
} from "../../../../src/core/money/index.ts";
import { arbMoney, arbRatio, arbRoundingMode } from "../../../../src/testing/arbitraries/money.ts";
import { thrown } from "./thrown.ts";

const usd = (amount: number) => money(amount, "USD");
const exact = (numerator: bigint, denominator: bigint, currency = "USD"): ExactAmount => ({
  currency,
  numerator,
  denominator,
});

describe("multiplyExact", () => {
  it("keeps the product unrounded, in lowest terms", () => {
    expect(multiplyExact(usd(12345), bps(750))).toEqual(exact(7407n, 8n));
    expect(multiplyExact(usd(100), 3n)).toEqual(exact(300n, 1n));
    expect(multiplyExact(usd(-100), ratio(1, 3))).toEqual(exact(-100n, 3n));
    expect(Object.isFrozen(multiplyExact(usd(1), bps(1)))).toBe(true);
  });

  it("stays exact beyond 2^53", () => {
    const e = multiplyExact(usd(Number.MAX_SAFE_INTEGER), decimal("1000.5"));
    expect(e).toEqual(exact(BigInt(Number.MAX_SAFE_INTEGER) * 2001n, 2n));
  });

  it("rejects a malformed rate", () => {
    const bad = { numerator: 1n, denominator: -2n };
    expect(thrown(() => multiplyExact(usd(1), bad))).toMatchObject({
      api: "multiplyExact",
      path: ["rate", "denominator"],
    });
  });
});

describe("toExact and addExact", () => {
  it("toExact has denominator 1", () => {
    expect(toExact(usd(500))).toEqual(exact(500n, 1n));
  });

  it("adds exact amounts so several lines round once", () => {
    const rate = decimal("0.125");
    const lines = [usd(3), usd(3), usd(3), usd(3)];
    const total = lines.map((m) => multiplyExact(m, rate)).reduce(addExact);
    expect(total).toEqual(exact(3n, 2n));
    expect(roundExact(total, "half_up").money).toEqual(usd(2));
    // Rounding each line first would pay 0 (each line is 0.375 cents).
    expect(lines.map((m) => multiply(m, rate, "half_up").amount)).toEqual([0, 0, 0, 0]);
  });

  it("adds across different denominators", () => {
    expect(addExact(exact(1n, 3n), exact(1n, 6n))).toEqual(exact(1n, 2n));
  });

  it("rejects mixed currencies", () => {
    expect(thrown(() => addExact(exact(1n, 1n), exact(1n, 1n, "EUR")))).toMatchObject({ code: "currency_mismatch" });
  });
});

describe("roundExact", () => {
  it("reports the rounding applied", () => {
    const result = roundExact(multiplyExact(usd(12345), bps(750)), "half_up");
    expect(result.money).toEqual(usd(926));
    expect(result.adjustment).toEqual({ numerator: 1n, denominator: 8n });
    const down = roundExact(multiplyExact(usd(12345), bps(750)), "down");
    expect(down.money).toEqual(usd(925));
    expect(down.adjustment).toEqual({ numerator: -7n, denominator: 8n });
  });

  it("has a zero adjustment when the amount is whole", () => {
    expect(roundExact(exact(42n, 1n), "up").adjustment).toEqual({ numerator: 0n, denominator: 1n });
  });

  it("throws arithmetic_overflow when the rounded amount is unsafe", () => {
    const e = multiplyExact(usd(Number.MAX_SAFE_INTEGER), 2n);
    expect(thrown(() => roundExact(e, "down"))).toMatchObject({ code: "arithmetic_overflow" });
  });

  it("rejects a malformed amount and an unknown mode", () => {
    expect(thrown(() => roundExact(exact(1n, 0n), "down"))).toMatchObject({
      api: "roundExact",
      path: ["e", "denominator"],
    });
    expect(thrown(() => roundExact(exact(1n, 1n, "usd"), "down"))).toMatchObject({ path: ["e", "currency"] });
    expect(thrown(() => roundExact(exact(1n, 2n), "nearest" as never))).toMatchObject({ path: ["mode"] });
  });

  it("money.amount − adjustment equals the exact amount, and |adjustment| < 1 (property)", () => {
    fc.assert(
      fc.property(
        arbMoney({ min: -1e9, max: 1e9 }),
        arbRatio({ maxNumerator: 1_000_000n }),
        arbRoundingMode(),
        (m, rate, mode) => {
          const e = multiplyExact(m, rate);
          const { money: rounded, adjustment } = roundExact(e, mode);
          expect(rounded.currency).toBe(m.currency);
          // rounded − adj/adjDen = num/den  ⇔  (rounded·adjDen − adj)·den = num·adjDen
          const lhs = (BigInt(rounded.amount) * adjustment.denominator - adjustment.numerator) * e.denominator;
          expect(lhs).toBe(e.numerator * adjustment.denominator);
          const abs = adjustment.numerator < 0n ? -adjustment.numerator : adjustment.numerator;
          expect(abs < adjustment.denominator).toBe(true);
          expect(multiply(m, rate, mode)).toEqual(rounded);
        },
      ),
    );
  });
});

describe("formatExact", () => {
  it.each([
    [exact(7407n, 8n), "925.875"],
    [exact(-12n, 1n), "-12"],
    [exact(0n, 1n), "0"],
    [exact(1n, 2n), "0.5"],
    [exact(-1n, 40n), "-0.025"],
    [exact(1n, 1024n), "0.0009765625"],
    [exact(100n, 3n), "33.333333…"],
    [exact(-100n, 3n), "-33.333333…"],
    [exact(2n, 3n), "0.666666…"],
    [exact(1n, 7000000n), "0.000000…"],
    [exact(3n, 6n), "0.5"],
    [exact(20n, 8n), "2.5"],
  ])("formats %#: %s", (e, text) => {
    expect(formatExact(e)).toBe(text);
  });

  it("is exact for terminating expansions (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (n, a, b) => {
          const d = 2n ** BigInt(a) * 5n ** BigInt(b);
          expect(decimal(formatExact(exact(n, d)))).toEqual(ratio(n, d));
        },
      ),
    );
  });

  it("shows a truncated prefix for repeating expansions (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, k) => {
          const d = 3n * k;
          const text = formatExact(exact(n, d));
          const r = ratio(n, d);
          if (10n ** 40n % r.denominator === 0n) return;
          expect(text.endsWith("…")).toBe(true);
          const shown = decimal(text.slice(0, -1));
          // The shown prefix is within 10^-6 of the exact value, toward zero.
          const gap =
            (r.numerator * shown.denominator - shown.numerator * r.denominator) * (r.numerator < 0n ? -1n : 1n);
          expect(gap >= 0n).toBe(true);
          expect(gap * 1_000_000n < r.denominator * shown.denominator).toBe(true);
        },
      ),
    );
  });
});
