import { allocate, type Money, money, prorateMoney, type RoundingMode, ratio, roundRatio, sum } from "../core/index.ts";
import { type GoalTarget, isMoneyTarget } from "./schemas.ts";

/**
 * Splits a count into parts proportional to integer weights by the largest-remainder method: each part gets the
 * floor of its exact share, and the units left over go one each to the largest remainders, ties to the lower index.
 * The parts always sum to the total (the same rule as the money module's `allocate`).
 *
 * @param total - A non-negative safe integer.
 * @param weights - Non-negative integers, at least one positive.
 * @returns One count per weight.
 * @example
 * ```ts
 * allocateCount(10, [3333, 3333, 3334]); // [3, 3, 4]
 * allocateCount(2, [1, 1, 1]); // [1, 1, 0]
 * ```
 */
export function allocateCount(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  const whole = BigInt(total);
  const parts = weights.map((w) => (whole * BigInt(w)) / sum);
  const remainders = weights.map((w) => (whole * BigInt(w)) % sum);
  let left = whole - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((_, i) => i)
    .filter((i) => remainders[i]! > 0n)
    .sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  for (const i of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/**
 * Splits a target by weights so that the parts add up to it exactly: Money with the money module's `allocate`,
 * counts with {@link allocateCount}.
 *
 * @param target - The parent's target.
 * @param weights - Weights in basis points (or any non-negative integers, at least one positive).
 * @returns One target per weight.
 * @example
 * ```ts
 * splitTarget({ amount: 100, currency: "USD" }, [3333, 3333, 3334]); // 33, 33, 34 cents
 * ```
 */
export function splitTarget(target: GoalTarget, weights: readonly number[]): GoalTarget[] {
  if (isMoneyTarget(target)) return allocate(target, weights);
  return allocateCount(target.count, weights).map((count) => ({ count }));
}

/**
 * Prorates a target by days, rounding once with the declared mode: Money with the money module's `prorateMoney`,
 * counts as `round(count × days / periodDays)`.
 *
 * @param target - The full-period target.
 * @param days - Days taken part in, 0 to `periodDays`.
 * @param periodDays - Days of the period.
 * @param mode - The rounding mode.
 * @returns The prorated target.
 * @throws {@link ValidationError} when `days` is out of range.
 * @example
 * ```ts
 * prorateTarget({ count: 10 }, 45, 92, "half_up"); // { count: 5 }
 * ```
 */
export function prorateTarget(target: GoalTarget, days: number, periodDays: number, mode: RoundingMode): GoalTarget {
  if (isMoneyTarget(target)) return prorateMoney(money(target.amount, target.currency), days, periodDays, mode);
  prorateMoney(money(0, "XXX"), days, periodDays, mode); // the same range checks as for Money
  return { count: Number(roundRatio(ratio(BigInt(target.count) * BigInt(days), periodDays), mode)) };
}

/**
 * Adds targets of one kind (all Money of one currency, or all counts).
 *
 * @param like - A target giving the kind and currency of the result.
 * @param targets - The targets to add.
 * @returns Their sum (zero of `like`'s kind when empty).
 * @example
 * ```ts
 * sumTargets({ count: 0 }, [{ count: 2 }, { count: 3 }]); // { count: 5 }
 * ```
 */
export function sumTargets(like: GoalTarget, targets: readonly GoalTarget[]): GoalTarget {
  if (isMoneyTarget(like)) return sum(targets as Money[], like.currency);
  let total = 0;
  for (const t of targets) total += isMoneyTarget(t) ? t.amount : t.count;
  return { count: total };
}
