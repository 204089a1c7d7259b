import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CURRENCY_EXPONENTS,
  formatMoney,
  isKnownCurrency,
  minorUnits,
  money,
  parseMoney,
} from "../../../../src/core/money/index.ts";
import { arbMoney } from "../../../../src/testing/arbitraries/money.ts";
import { thrown } from "./thrown.ts";

describe("minorUnits", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["CNY", 2],
    ["GBP", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["CLP", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["TND", 3],
    ["CLF", 4],
    ["ZZZ", 2],
    ["XAU", 2],
  ])("%s has %i", (currency, digits) => {
    expect(minorUnits(currency)).toBe(digits);
  });

  it("rejects a malformed code", () => {
    expect(thrown(() => minorUnits("usd"))).toMatchObject({ api: "minorUnits", path: ["currency"] });
  });

  it("knows the ISO table", () => {
    expect(isKnownCurrency("EUR")).toBe(true);
    expect(isKnownCurrency("ZZZ")).toBe(false);
    expect(isKnownCurrency("toString")).toBe(false);
    expect(Object.keys(CURRENCY_EXPONENTS).length).toBeGreaterThan(150);
    expect(Object.isFrozen(CURRENCY_EXPONENTS)).toBe(true);
  });
});

describe("formatMoney", () => {
  it.each([
    [123456, "USD", "USD 1,234.56"],
    [1235, "JPY", "JPY 1,235"],
    [-5, "USD", "-USD 0.05"],
    [0, "USD", "USD 0.00"],
    [100000000, "USD", "USD 1,000,000.00"],
    [-1234567, "JPY", "-JPY 1,234,567"],
    [1, "KWD", "KWD 0.001"],
    [1500, "BHD", "BHD 1.500"],
    [123456789, "CLF", "CLF 12,345.6789"],
    [99, "ZZZ", "ZZZ 0.99"],
    [Number.MAX_SAFE_INTEGER, "USD", "USD 90,071,992,547,409.91"],
  ])("formats %i %s as %j", (amount, currency, text) => {
    expect(formatMoney(money(amount, currency))).toBe(text);
  });
});

describe("parseMoney", () => {
  it.each([
    ["12.34", "USD", 1234],
    ["12.3", "USD", 1230],
    ["12", "USD", 1200],
    ["-0.05", "USD", -5],
    ["0", "USD", 0],
    ["-0", "USD", 0],
    ["1235", "JPY", 1235],
    ["1.234", "KWD", 1234],
    ["90071992547409.91", "USD", Number.MAX_SAFE_INTEGER],
  ])("parses %j %s as %i", (text, currency, amount) => {
    const m = parseMoney(text, currency);
    expect(m).toEqual({ amount, currency });
    expect(Object.is(m.amount, -0)).toBe(false);
  });

  it.each([
    ["12.345", "USD", "too_precise"],
    ["1.5", "JPY", "too_precise"],
    ["1.0", "JPY", "too_precise"],
    ["1.2345", "KWD", "too_precise"],
    ["1e3", "USD", "invalid_decimal"],
    ["1,000.00", "USD", "invalid_decimal"],
    ["USD 12.34", "USD", "invalid_decimal"],
    [" 12", "USD", "invalid_decimal"],
    ["", "USD", "invalid_decimal"],
    ["12.", "USD", "invalid_decimal"],
    ["90071992547409.92", "USD", "out_of_range"],
  ])("rejects %j %s (%s)", (text, currency, code) => {
    expect(thrown(() => parseMoney(text, currency))).toMatchObject({
      code: "validation_failed",
      api: "parseMoney",
      path: ["text"],
      issues: [{ code }],
    });
  });

  it("rejects a malformed currency", () => {
    expect(thrown(() => parseMoney("1", "Usd"))).toMatchObject({ api: "parseMoney", path: ["currency"] });
  });

  it("parses what formatMoney prints, once the code and separators are removed (property)", () => {
    fc.assert(
      fc.property(arbMoney({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (m) => {
        const text = formatMoney(m).replace(`${m.currency} `, "").replaceAll(",", "");
        expect(parseMoney(text, m.currency)).toEqual(m);
      }),
    );
  });
});
