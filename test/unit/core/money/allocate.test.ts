import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocateEvenly, type Money, money, negate } from "../../../../src/core/money/index.ts";
import { arbMoney, arbWeights } from "../../../../src/testing/arbitraries/money.ts";
import { thrown } from "./thrown.ts";

const usd = (amount: number) => money(amount, "USD");
const amounts = (parts: Money[]) => parts.map((p) => p.amount);
const MAX = Number.MAX_SAFE_INTEGER;

describe("allocate", () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [1000, [3333, 3333, 3334], [333, 333, 334]],
    [10000, [5000, 3000, 2000], [5000, 3000, 2000]],
    [10, [1, 2], [3, 7]],
    [100, [0, 1, 1], [0, 50, 50]],
    [5, [1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0, 0]],
    [1, [1, 1], [1, 0]],
    [2, [1, 1, 1], [1, 1, 0]],
    [7, [0, 0, 3], [0, 0, 7]],
    [0, [1, 2, 3], [0, 0, 0]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [-1000, [3333, 3333, 3334], [-333, -333, -334]],
  ])("allocates %i by %j into %j", (amount, weights, expected) => {
    expect(amounts(allocate(usd(amount), weights))).toEqual(expected);
  });

  it("breaks equal remainders toward the lower index, whatever the weights' order", () => {
    // 101 by [2, 1, 1, 2]: shares 33.67, 16.83, 16.83, 33.67 → floors 33,16,16,33 (98); the 3 left go to
    // remainders 0.83 (index 1, 2) then 0.67 (index 0 before index 3).
    expect(amounts(allocate(usd(101), [2, 1, 1, 2]))).toEqual([34, 17, 17, 33]);
  });

  it("keeps the currency and returns frozen values", () => {
    const parts = allocate(money(1000, "JPY"), [1, 3]);
    expect(parts).toEqual([money(250, "JPY"), money(750, "JPY")]);
    expect(parts.every(Object.isFrozen)).toBe(true);
  });

  it("handles amounts and weights whose product exceeds 2^53", () => {
    expect(amounts(allocate(usd(MAX), [1, 1]))).toEqual([(MAX + 1) / 2, (MAX - 1) / 2]);
    expect(amounts(allocate(usd(MAX), [10000, 10000, 10000]))).toEqual([
      3002399751580331, 3002399751580330, 3002399751580330,
    ]);
    expect(amounts(allocate(usd(100), [10n ** 30n, 10n ** 30n, 1n]))).toEqual([50, 50, 0]);
    expect(amounts(allocate(usd(10), [MAX, MAX, MAX]))).toEqual([4, 3, 3]);
  });

  it.each([
    [[], ["weights"], "empty_weights"],
    [[0, 0], ["weights"], "zero_weights"],
    [[0n], ["weights"], "zero_weights"],
    [[1, -1], ["weights", 1], "invalid_weight"],
    [[1, 0.5], ["weights", 1], "invalid_weight"],
    [[Number.NaN], ["weights", 0], "invalid_weight"],
    [[2 ** 53], ["weights", 0], "invalid_weight"],
    [[1n, -1n], ["weights", 1], "invalid_weight"],
    [[1, "2"], ["weights", 1], "invalid_weight"],
  ])("rejects weights %#", (weights, path, code) => {
    expect(thrown(() => allocate(usd(100), weights as number[]))).toMatchObject({
      code: "validation_failed",
      api: "allocate",
      path,
      issues: [{ code }],
    });
  });

  it("rejects a non-array and a malformed amount", () => {
    expect(thrown(() => allocate(usd(1), "1,1" as never))).toMatchObject({ api: "allocate", path: ["weights"] });
    expect(thrown(() => allocate({ amount: 1.5, currency: "USD" }, [1]))).toMatchObject({
      api: "allocate",
      path: ["m", "amount"],
    });
  });
});

describe("allocate properties", () => {
  const anyMoney = fc.oneof(arbMoney(), arbMoney({ min: -MAX, max: MAX }), arbMoney({ min: -1000, max: 1000 }));

  it("conserves the total exactly, in the same currency", () => {
    fc.assert(
      fc.property(anyMoney, arbWeights(), (m, weights) => {
        const parts = allocate(m, weights);
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((acc, p) => acc + BigInt(p.amount), 0n)).toBe(BigInt(m.amount));
        for (const p of parts) expect(p.currency).toBe(m.currency);
      }),
    );
  });

  it("puts each part within one minor unit of its exact share, and zero-weight parts at 0", () => {
    fc.assert(
      fc.property(anyMoney, arbWeights({ maxLength: 12 }), (m, weights) => {
        const total = BigInt(weights.reduce((a, b) => a + b, 0));
        allocate(m, weights).forEach((p, i) => {
          const w = BigInt(weights[i] as number);
          const diff = BigInt(p.amount) * total - BigInt(m.amount) * w;
          expect((diff < 0n ? -diff : diff) < total).toBe(true);
          if (w === 0n) expect(p.amount).toBe(0);
        });
      }),
    );
  });

  it("gives the extra units by largest remainder, ties to the lower index", () => {
    fc.assert(
      fc.property(arbMoney({ min: 0 }), arbWeights({ maxLength: 12, maxWeight: 5 }), (m, weights) => {
        const total = BigInt(weights.reduce((a, b) => a + b, 0));
        const whole = BigInt(m.amount);
        const parts = allocate(m, weights);
        const info = weights.map((w, i) => {
          const product = whole * BigInt(w);
          const floor = product / total;
          const extra = BigInt((parts[i] as Money).amount) - floor;
          expect(extra === 0n || extra === 1n).toBe(true);
          return { i, remainder: product % total, extra };
        });
        for (const a of info) {
          for (const b of info) {
            if (a.extra === 1n && b.extra === 0n) {
              expect(a.remainder > b.remainder || (a.remainder === b.remainder && a.i < b.i)).toBe(true);
            }
          }
        }
      }),
    );
  });

  it("is deterministic, and number and bigint weights agree", () => {
    fc.assert(
      fc.property(anyMoney, arbWeights(), (m, weights) => {
        const first = allocate(m, weights);
        expect(allocate(m, weights)).toEqual(first);
        expect(allocate(m, weights.map(BigInt))).toEqual(first);
      }),
    );
  });

  it("is symmetric under negation: allocate(−m, w) = allocate(m, w).map(negate)", () => {
    fc.assert(
      fc.property(anyMoney, arbWeights(), (m, weights) => {
        expect(allocate(negate(m), weights)).toEqual(allocate(m, weights).map(negate));
      }),
    );
  });

  it("depends only on the proportions of the weights", () => {
    fc.assert(
      fc.property(arbMoney(), arbWeights({ maxWeight: 1000 }), fc.integer({ min: 2, max: 1000 }), (m, weights, k) => {
        expect(
          allocate(
            m,
            weights.map((w) => w * k),
          ),
        ).toEqual(allocate(m, weights));
      }),
    );
  });
});

describe("allocateEvenly", () => {
  it("gives the first parts the extra units", () => {
    expect(amounts(allocateEvenly(money(1000, "EUR"), 3))).toEqual([334, 333, 333]);
    expect(amounts(allocateEvenly(usd(-5), 3))).toEqual([-2, -2, -1]);
    expect(amounts(allocateEvenly(usd(7), 1))).toEqual([7]);
    expect(amounts(allocateEvenly(usd(2), 4))).toEqual([1, 1, 0, 0]);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects n = %s", (n) => {
    expect(thrown(() => allocateEvenly(usd(1), n))).toMatchObject({ api: "allocateEvenly", path: ["n"] });
  });

  it("equals allocate with equal weights (property)", () => {
    fc.assert(
      fc.property(arbMoney({ min: -MAX, max: MAX }), fc.integer({ min: 1, max: 50 }), (m, n) => {
        expect(allocateEvenly(m, n)).toEqual(allocate(m, new Array<number>(n).fill(1)));
      }),
    );
  });
});
