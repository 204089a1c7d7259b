import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bps, decimal, ratio } from "../../../../src/core/money/index.ts";
import { thrown } from "./thrown.ts";

describe("ratio", () => {
  it.each([
    [15, 30, 1n, 2n],
    [3n, -4n, -3n, 4n],
    [-6, -9, 2n, 3n],
    [0, -7, 0n, 1n],
    [7, 1, 7n, 1n],
  ])("ratio(%s, %s) = %s/%s", (n, d, numerator, denominator) => {
    expect(ratio(n, d)).toEqual({ numerator, denominator });
  });

  it("is frozen", () => {
    expect(Object.isFrozen(ratio(1, 2))).toBe(true);
  });

  it("rejects a zero denominator", () => {
    expect(thrown(() => ratio(1, 0))).toMatchObject({
      code: "validation_failed",
      api: "ratio",
      path: ["denominator"],
      issues: [{ code: "division_by_zero" }],
    });
  });

  it("rejects non-integers", () => {
    expect(thrown(() => ratio(0.5, 1))).toMatchObject({ api: "ratio", path: ["numerator"] });
    expect(thrown(() => ratio(1, 2 ** 60))).toMatchObject({ api: "ratio", path: ["denominator"] });
  });

  it("normalises: lowest terms, positive denominator, and equal values compare equal (property)", () => {
    const nonZero = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), nonZero, nonZero, (n, d, k) => {
        const r = ratio(n, d);
        expect(r.denominator > 0n).toBe(true);
        expect(r.numerator * d).toBe(n * r.denominator);
        expect(ratio(n * k, d * k)).toEqual(r);
      }),
    );
  });
});

describe("decimal", () => {
  it.each([
    ["0.075", 3n, 40n],
    ["-12.5", -25n, 2n],
    ["0", 0n, 1n],
    ["-0", 0n, 1n],
    ["-0.000", 0n, 1n],
    ["10", 10n, 1n],
    ["1.50", 3n, 2n],
    ["0.0001", 1n, 10000n],
    ["123456789012345678901234567890.1", 1234567890123456789012345678901n, 10n],
  ])("decimal(%j) = %s/%s", (text, numerator, denominator) => {
    expect(decimal(text)).toEqual({ numerator, denominator });
  });

  it.each([
    "1e3",
    " 1",
    "1 ",
    "1.",
    ".5",
    "",
    "NaN",
    "Infinity",
    "+1",
    "--1",
    "1,000",
    "01",
    "00.5",
    "1.2.3",
    "0x10",
    "１",
    "-",
  ])("rejects %j", (text) => {
    expect(thrown(() => decimal(text))).toMatchObject({
      code: "validation_failed",
      api: "decimal",
      path: ["value"],
      issues: [{ code: "invalid_decimal" }],
    });
  });

  it("rejects non-strings", () => {
    expect(thrown(() => decimal(0.5 as unknown as string))).toMatchObject({ api: "decimal", path: ["value"] });
  });

  it("round-trips integers scaled by powers of ten (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }), (n, places) => {
        const abs = (n < 0n ? -n : n).toString().padStart(places + 1, "0");
        const text = `${n < 0n ? "-" : ""}${places === 0 ? abs : `${abs.slice(0, -places)}.${abs.slice(-places)}`}`;
        expect(decimal(text)).toEqual(ratio(n, 10n ** BigInt(places)));
      }),
    );
  });
});

describe("bps", () => {
  it("is basis points over 10000", () => {
    expect(bps(750)).toEqual({ numerator: 3n, denominator: 40n });
    expect(bps(10000)).toEqual({ numerator: 1n, denominator: 1n });
    expect(bps(-250)).toEqual({ numerator: -1n, denominator: 40n });
    expect(bps(1n)).toEqual({ numerator: 1n, denominator: 10000n });
    expect(bps(750)).toEqual(decimal("0.075"));
  });

  it("rejects non-integers", () => {
    expect(thrown(() => bps(7.5))).toMatchObject({ api: "bps", path: ["basisPoints"] });
  });
});
