import { allocate, type Money, money, multiplyBps } from "../core/index.ts";

/**
 * Splits an amount among revenue splits with `allocate` (largest remainder), so the parts sum exactly to the amount.
 *
 * @param amount - The amount to split (a line or a deal).
 * @param sharesBps - The revenue shares in basis points (they total 10,000).
 * @returns One part per share, in order.
 * @example
 * ```ts
 * revenueParts(money(100, "USD"), [3334, 3333, 3333]).map((m) => m.amount); // [34, 33, 33]
 * ```
 */
export function revenueParts(amount: Money, sharesBps: readonly number[]): Money[] {
  return allocate(amount, sharesBps);
}

/**
 * The overlay credit of a share: `amount × shareBps / 10,000`, rounded once, half-up.
 *
 * @param amount - The amount credited (a line or a deal).
 * @param shareBps - The overlay share, 0 to 100,000.
 * @returns The overlay credit.
 * @example
 * ```ts
 * overlayPart(money(1001, "USD"), 5000).amount; // 501
 * ```
 */
export function overlayPart(amount: Money, shareBps: number): Money {
  return multiplyBps(amount, shareBps, "half_up");
}

/**
 * Splits a reversal among the revenue credits of a line in proportion to what each still holds. Each part is at
 * most what its credit still holds, the parts sum exactly to the reversal, and reversing everything that remains
 * returns each credit's remainder exactly, so a line refunded in any number of pieces cancels every rep's credit.
 *
 * @param reversal - The reversal, negative.
 * @param remaining - What each revenue credit still holds (non-negative, minor units), in order.
 * @returns One non-positive part per credit.
 * @example
 * ```ts
 * reversalParts(money(-50, "USD"), [34, 33, 33]).map((m) => m.amount); // [-17, -17, -16]
 * ```
 */
export function reversalParts(reversal: Money, remaining: readonly number[]): Money[] {
  if (remaining.every((r) => r === 0)) return remaining.map(() => money(0, reversal.currency));
  return allocate(reversal, remaining);
}
