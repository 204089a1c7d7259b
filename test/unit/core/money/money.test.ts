import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSalesfoldError, isValidationError } from "../../../../src/core/errors/index.ts";
import { isCurrencyCode, money, moneySchema, zero } from "../../../../src/core/money/index.ts";
import { thrown } from "./thrown.ts";

describe("money", () => {
  it("creates a frozen value", () => {
    const m = money(1234, "USD");
    expect(m).toEqual({ amount: 1234, currency: "USD" });
    expect(Object.isFrozen(m)).toBe(true);
  });

  it("stores -0 as 0", () => {
    expect(Object.is(money(-0, "USD").amount, 0)).toBe(true);
  });

  it("accepts the ends of the safe range", () => {
    expect(money(Number.MAX_SAFE_INTEGER, "USD").amount).toBe(Number.MAX_SAFE_INTEGER);
    expect(money(Number.MIN_SAFE_INTEGER, "USD").amount).toBe(Number.MIN_SAFE_INTEGER);
  });

  it.each([
    [12.5, "fractional"],
    [Number.MAX_SAFE_INTEGER + 1, "unsafe"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "infinite"],
    ["12", "string"],
  ])("rejects amount %s (%s) at path amount", (amount, _label) => {
    const error = thrown(() => money(amount as number, "USD"));
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ api: "money", path: ["amount"], issues: [{ code: "invalid_amount" }] });
  });

  it.each(["usd", "US", "USDD", "", "U1D", " USD"])("rejects currency %j at path currency", (currency) => {
    const error = thrown(() => money(1, currency));
    expect(error).toMatchObject({ code: "validation_failed", api: "money", path: ["currency"] });
    expect(isSalesfoldError(error)).toBe(true);
  });
});

describe("zero", () => {
  it("is a frozen zero in the currency", () => {
    expect(zero("JPY")).toEqual({ amount: 0, currency: "JPY" });
    expect(Object.isFrozen(zero("JPY"))).toBe(true);
  });

  it("rejects a malformed currency", () => {
    expect(thrown(() => zero("eur"))).toMatchObject({ api: "zero", path: ["currency"] });
  });
});

describe("moneySchema", () => {
  it("accepts a well-formed value", () => {
    expect(moneySchema.parse({ amount: -5, currency: "EUR" })).toEqual({ amount: -5, currency: "EUR" });
  });

  it.each([
    [{ amount: 1.5, currency: "EUR" }, "amount"],
    [{ amount: 2 ** 53, currency: "EUR" }, "amount"],
    [{ amount: "1", currency: "EUR" }, "amount"],
    [{ amount: 1, currency: "eur" }, "currency"],
    [{ amount: 1 }, "currency"],
  ])("rejects %j at %s", (value, field) => {
    const result = moneySchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it("rejects extra keys", () => {
    expect(moneySchema.safeParse({ amount: 1, currency: "EUR", note: "x" }).success).toBe(false);
  });

  it("agrees with money() on every input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger()), fc.string({ maxLength: 4 }), (a, c) => {
        let built = true;
        try {
          money(a, c);
        } catch {
          built = false;
        }
        expect(moneySchema.safeParse({ amount: a, currency: c }).success).toBe(built);
      }),
    );
  });
});

describe("isCurrencyCode", () => {
  it.each([
    ["USD", true],
    ["XAU", true],
    ["usd", false],
    ["US", false],
    ["ÄBC", false],
    [42, false],
  ])("%j → %s", (value, expected) => {
    expect(isCurrencyCode(value)).toBe(expected);
  });
});
