import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  absMoney,
  add,
  compareMoney,
  equalsMoney,
  isNegative,
  isPositive,
  isZero,
  type Money,
  maxMoney,
  minMoney,
  money,
  negate,
  subtract,
  sum,
  zero,
} from "../../../../src/core/money/index.ts";
import { arbMoney } from "../../../../src/testing/arbitraries/money.ts";
import { thrown } from "./thrown.ts";

const usd = (amount: number) => money(amount, "USD");
const eur = (amount: number) => money(amount, "EUR");
const MAX = Number.MAX_SAFE_INTEGER;

describe("add and subtract", () => {
  it("add sums minor units", () => {
    expect(add(usd(150), usd(275))).toEqual(usd(425));
    expect(Object.isFrozen(add(usd(1), usd(2)))).toBe(true);
  });

  it("subtract can go negative", () => {
    expect(subtract(usd(1000), usd(1250))).toEqual(usd(-250));
  });

  it("throws currency_mismatch naming the API and both currencies", () => {
    const error = thrown(() => add(usd(1), eur(1)));
    expect(error).toMatchObject({ code: "currency_mismatch" });
    expect((error as Error).message).toMatch(/^add: .*USD.*EUR/);
    expect(thrown(() => subtract(eur(1), usd(1)))).toMatchObject({ code: "currency_mismatch" });
  });

  it("throws arithmetic_overflow outside the safe range", () => {
    expect(thrown(() => add(usd(MAX), usd(1)))).toMatchObject({ code: "arithmetic_overflow" });
    expect(thrown(() => subtract(usd(-MAX), usd(1)))).toMatchObject({ code: "arithmetic_overflow" });
    expect(add(usd(MAX - 1), usd(1)).amount).toBe(MAX);
  });

  it("validates its arguments cheaply", () => {
    const bad = { amount: 1.5, currency: "USD" } as Money;
    expect(thrown(() => add(usd(1), bad))).toMatchObject({
      code: "validation_failed",
      api: "add",
      path: ["b", "amount"],
    });
    const lower = { amount: 1, currency: "usd" } as Money;
    expect(thrown(() => add(lower, lower))).toMatchObject({ api: "add", path: ["a", "currency"] });
    expect(thrown(() => add(null as unknown as Money, usd(1)))).toMatchObject({ api: "add", path: ["a"] });
  });

  it("subtract undoes add (property)", () => {
    fc.assert(
      fc.property(arbMoney({ currency: "EUR" }), arbMoney({ currency: "EUR" }), (a, b) => {
        expect(subtract(add(a, b), b)).toEqual(a);
        expect(add(subtract(a, b), b)).toEqual(a);
      }),
    );
  });

  it("add is commutative and subtract is add of the negation (property)", () => {
    fc.assert(
      fc.property(arbMoney({ currency: "JPY" }), arbMoney({ currency: "JPY" }), (a, b) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(subtract(a, b)).toEqual(add(a, negate(b)));
      }),
    );
  });

  it("add overflows exactly when the true sum is unsafe (property)", () => {
    const big = arbMoney({ currency: "USD", min: -MAX, max: MAX });
    fc.assert(
      fc.property(big, big, (a, b) => {
        const exact = BigInt(a.amount) + BigInt(b.amount);
        const safe = exact <= BigInt(MAX) && exact >= -BigInt(MAX);
        if (safe) expect(BigInt(add(a, b).amount)).toBe(exact);
        else expect(thrown(() => add(a, b))).toMatchObject({ code: "arithmetic_overflow" });
      }),
    );
  });
});

describe("negate and absMoney", () => {
  it("negate flips the sign and never yields -0", () => {
    expect(negate(usd(5))).toEqual(usd(-5));
    expect(Object.is(negate(usd(0)).amount, 0)).toBe(true);
    expect(negate(usd(-MAX)).amount).toBe(MAX);
  });

  it("absMoney", () => {
    expect(absMoney(usd(-42))).toEqual(usd(42));
    expect(absMoney(usd(42))).toEqual(usd(42));
  });
});

describe("sum", () => {
  it("sums a list in the given currency", () => {
    expect(sum([usd(100), usd(250), usd(-50)], "USD")).toEqual(usd(300));
  });

  it("an empty list sums to zero in the given currency", () => {
    expect(sum([], "JPY")).toEqual(zero("JPY"));
  });

  it("rejects an item in another currency", () => {
    const error = thrown(() => sum([usd(1), eur(1)], "USD"));
    expect(error).toMatchObject({ code: "currency_mismatch" });
    expect((error as Error).message).toContain("sum");
    expect(thrown(() => sum([eur(1)], "USD"))).toMatchObject({ code: "currency_mismatch" });
  });

  it("tolerates intermediate totals outside the safe range", () => {
    expect(sum([usd(MAX), usd(MAX), usd(-MAX), usd(-1)], "USD")).toEqual(usd(MAX - 1));
  });

  it("throws arithmetic_overflow when the total is unsafe", () => {
    expect(thrown(() => sum([usd(MAX), usd(1)], "USD"))).toMatchObject({ code: "arithmetic_overflow" });
  });

  it("reports the index of a malformed item and a malformed currency", () => {
    expect(thrown(() => sum([usd(1), { amount: 0.5, currency: "USD" }], "USD"))).toMatchObject({
      api: "sum",
      path: ["items", 1, "amount"],
    });
    expect(thrown(() => sum([], "usd"))).toMatchObject({ api: "sum", path: ["currency"] });
  });

  it("equals a fold of add (property)", () => {
    fc.assert(
      fc.property(fc.array(arbMoney({ currency: "GBP", min: -1e12, max: 1e12 }), { maxLength: 20 }), (items) => {
        expect(sum(items, "GBP")).toEqual(items.reduce(add, zero("GBP")));
      }),
    );
  });
});

describe("predicates and comparison", () => {
  it("isZero, isNegative, isPositive", () => {
    expect([isZero(usd(0)), isZero(usd(1))]).toEqual([true, false]);
    expect([isNegative(usd(-1)), isNegative(usd(0))]).toEqual([true, false]);
    expect([isPositive(usd(1)), isPositive(usd(0))]).toEqual([true, false]);
  });

  it("compareMoney orders by amount", () => {
    expect(compareMoney(usd(1), usd(2))).toBe(-1);
    expect(compareMoney(usd(2), usd(2))).toBe(0);
    expect(compareMoney(usd(3), usd(2))).toBe(1);
    expect([usd(3), usd(-1), usd(2)].sort(compareMoney).map((m) => m.amount)).toEqual([-1, 2, 3]);
  });

  it("compareMoney rejects mixed currencies", () => {
    expect(thrown(() => compareMoney(usd(1), eur(1)))).toMatchObject({ code: "currency_mismatch" });
  });

  it("equalsMoney compares currency and amount without throwing", () => {
    expect(equalsMoney(usd(100), usd(100))).toBe(true);
    expect(equalsMoney(usd(100), usd(101))).toBe(false);
    expect(equalsMoney(usd(100), eur(100))).toBe(false);
  });

  it("minMoney and maxMoney return an argument, the first on ties", () => {
    const a = usd(5);
    const b = usd(5);
    expect(minMoney(usd(500), usd(300), usd(400))).toEqual(usd(300));
    expect(maxMoney(usd(-200), zero("USD"))).toEqual(zero("USD"));
    expect(minMoney(a, b)).toBe(a);
    expect(maxMoney(a, b)).toBe(a);
    expect(minMoney(a)).toBe(a);
  });

  it("minMoney and maxMoney reject mixed currencies", () => {
    expect(thrown(() => minMoney(usd(1), eur(0)))).toMatchObject({ code: "currency_mismatch" });
    expect(thrown(() => maxMoney(usd(1), usd(2), eur(0)))).toMatchObject({ code: "currency_mismatch" });
  });

  it("minMoney ≤ every argument ≤ maxMoney (property)", () => {
    fc.assert(
      fc.property(fc.array(arbMoney({ currency: "USD" }), { minLength: 1, maxLength: 10 }), (items) => {
        const [first, ...rest] = items as [Money, ...Money[]];
        const lo = minMoney(first, ...rest);
        const hi = maxMoney(first, ...rest);
        for (const item of items) {
          expect(compareMoney(lo, item)).toBeLessThanOrEqual(0);
          expect(compareMoney(hi, item)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
