import { needMoney } from "./arithmetic.ts";
import { checkCount, invalid, show } from "./guards.ts";
import { type Money, makeMoney } from "./money.ts";

const API = "allocate";

function badWeight(index: number, weight: unknown): never {
  return invalid(
    API,
    ["weights", index],
    "invalid_weight",
    `expected a non-negative safe integer, got ${show(weight)}`,
  );
}

/**
 * Splits money into parts proportional to integer weights by the largest-remainder method, so the parts always sum
 * to the whole. Each part first gets the floor of its exact share `|amount| × weight / Σweights`; the minor units
 * left over are then handed out one each to the parts with the largest remainders. Ties between equal remainders
 * go to the lower index. A part with weight 0 always gets 0. A negative amount is split by its magnitude and every
 * part negated, so `allocate(negate(m), w)` equals `allocate(m, w).map(negate)`. Each part is within one minor unit
 * of its exact share.
 *
 * @param m - The amount to split.
 * @param weights - Non-negative safe integers (or non-negative bigints), e.g. basis points of a split; at least one
 * must be positive. They need not sum to any particular total.
 * @returns One Money per weight, in order, in the currency of `m`.
 * @throws {@link ValidationError} (api `allocate`) for a malformed Money (path `["m"]`), an empty or all-zero weight
 * list (path `["weights"]`), or a negative, fractional or unsafe weight (path `["weights", i]`).
 * @example
 * ```ts
 * allocate(money(100, "USD"), [1, 1, 1]); // [34, 33, 33] cents
 * allocate(money(1000, "USD"), [3333, 3333, 3334]); // [333, 333, 334]
 * allocate(money(-100, "USD"), [1, 1, 1]); // [-34, -33, -33]
 * ```
 */
export function allocate(m: Money, weights: readonly number[] | readonly bigint[]): Money[] {
  needMoney(API, m, "m");
  if (!Array.isArray(weights)) invalid(API, ["weights"], "invalid_type", "expected an array of weights");
  const count = weights.length;
  if (count === 0) invalid(API, ["weights"], "empty_weights", "expected at least one weight");
  let total = 0;
  let numbersOnly = true;
  let anyPositive = false;
  for (let i = 0; i < count; i++) {
    const w: unknown = weights[i];
    if (typeof w === "number") {
      if (!Number.isSafeInteger(w) || w < 0) badWeight(i, w);
      total += w as number;
      if ((w as number) > 0) anyPositive = true;
    } else if (typeof w === "bigint") {
      if (w < 0n) badWeight(i, w);
      numbersOnly = false;
      if (w > 0n) anyPositive = true;
    } else {
      badWeight(i, w);
    }
  }
  if (!anyPositive) invalid(API, ["weights"], "zero_weights", "at least one weight must be positive");
  const negative = m.amount < 0;
  const whole = negative ? -m.amount : m.amount;
  const parts =
    numbersOnly && whole * total <= Number.MAX_SAFE_INTEGER
      ? splitNumber(whole, weights as readonly number[], total)
      : splitBig(whole, weights);
  const out = new Array<Money>(count);
  for (let i = 0; i < count; i++) {
    const part = parts[i] as number;
    out[i] = makeMoney(negative ? -part : part, m.currency);
  }
  return out;
}

/** Largest remainder on plain numbers; the caller guarantees `whole × total` is a safe integer. */
function splitNumber(whole: number, weights: readonly number[], total: number): number[] {
  const count = weights.length;
  const parts = new Array<number>(count);
  const remainders = new Array<number>(count);
  let given = 0;
  for (let i = 0; i < count; i++) {
    const product = whole * (weights[i] as number);
    const remainder = product % total;
    const part = (product - remainder) / total;
    parts[i] = part;
    remainders[i] = remainder;
    given += part;
  }
  let left = whole - given;
  if (left > 0) {
    const order = rankByRemainder(remainders);
    for (let k = 0; left > 0; k++, left--) {
      const i = order[k] as number;
      parts[i] = (parts[i] as number) + 1;
    }
  }
  return parts;
}

/** Largest remainder on bigint, for large amounts or bigint weights. */
function splitBig(whole: number, weights: readonly (number | bigint)[]): number[] {
  const count = weights.length;
  const big = weights.map((w) => BigInt(w));
  let total = 0n;
  for (const w of big) total += w;
  const amount = BigInt(whole);
  const parts = new Array<number>(count);
  const remainders = new Array<bigint>(count);
  let given = 0;
  for (let i = 0; i < count; i++) {
    const product = amount * (big[i] as bigint);
    parts[i] = Number(product / total);
    remainders[i] = product % total;
    given += parts[i] as number;
  }
  let left = whole - given;
  if (left > 0) {
    const order = rankByRemainder(remainders);
    for (let k = 0; left > 0; k++, left--) {
      const i = order[k] as number;
      parts[i] = (parts[i] as number) + 1;
    }
  }
  return parts;
}

/** Indices with a positive remainder, largest remainder first, then lower index first. */
function rankByRemainder<T extends number | bigint>(remainders: readonly T[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < remainders.length; i++) if ((remainders[i] as T) > 0) order.push(i);
  order.sort((a, b) => {
    const ra = remainders[a] as T;
    const rb = remainders[b] as T;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  return order;
}

/**
 * Splits money into `n` parts as evenly as possible; the first `|amount| mod n` parts get one extra minor unit.
 * This is exactly `allocate(m, [1, 1, …, 1])`.
 *
 * @param m - The amount to split.
 * @param n - The number of parts: a positive safe integer.
 * @returns `n` Money values summing to `m`.
 * @throws {@link ValidationError} (api `allocateEvenly`) for a malformed Money or a non-positive `n` (path `["n"]`).
 * @example
 * ```ts
 * allocateEvenly(money(1000, "EUR"), 3); // [334, 333, 333] cents
 * ```
 */
export function allocateEvenly(m: Money, n: number): Money[] {
  needMoney("allocateEvenly", m, "m");
  checkCount("allocateEvenly", ["n"], n, 1);
  const negative = m.amount < 0;
  const whole = negative ? -m.amount : m.amount;
  const extra = whole % n;
  const base = (whole - extra) / n;
  const out = new Array<Money>(n);
  for (let i = 0; i < n; i++) {
    const part = i < extra ? base + 1 : base;
    out[i] = makeMoney(negative ? -part : part, m.currency);
  }
  return out;
}
