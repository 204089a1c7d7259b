import { type Money, money, multiply, ratio, subtract } from "../core/index.ts";

/**
 * Computes a line total exactly: `quantity × unitPrice × (10,000 − discountBps) / 10,000`, rounded once, half-up
 * (halves away from zero), in the unit price's currency.
 *
 * @param quantity - Units, a positive integer.
 * @param unitPrice - The price of one unit.
 * @param discountBps - The discount in basis points (0 to 10,000).
 * @returns The line total.
 * @example
 * ```ts
 * lineTotalOf(3, money(99_999, "USD"), 1250).amount; // 262_497 (299,997 × 0.875 = 262,497.375 → 262,497)
 * ```
 */
export function lineTotalOf(quantity: number, unitPrice: Money, discountBps: number): Money {
  return multiply(unitPrice, ratio(BigInt(quantity) * BigInt(10_000 - discountBps), 10_000n), "half_up");
}

/**
 * Computes the margin of a line (or of a negative adjustment line): `lineTotal − quantity × unitCost`, exact.
 *
 * @param lineTotal - The line's total (negative for an adjustment).
 * @param quantity - The line's quantity (negative or zero for an adjustment).
 * @param unitCost - The cost of one unit, in the same currency.
 * @returns The margin.
 * @example
 * ```ts
 * marginOf(money(1000, "USD"), 10, money(60, "USD")).amount; // 400
 * marginOf(money(-200, "USD"), -2, money(60, "USD")).amount; // -80
 * ```
 */
export function marginOf(lineTotal: Money, quantity: number, unitCost: Money): Money {
  return subtract(lineTotal, multiply(unitCost, ratio(quantity, 1), "half_up"));
}

/**
 * The share of a line total that `units` of its `quantity` account for, rounded half-up: `lineTotal × units /
 * quantity`. Refunds and cancellations by quantity take the difference of two such shares (before and after), so
 * returning a line in any number of pieces returns exactly its total.
 *
 * @param lineTotal - The original line total.
 * @param units - Units counted, 0 to `quantity`.
 * @param quantity - The original quantity.
 * @returns The share of the total.
 * @example
 * ```ts
 * shareOfLine(money(1000, "USD"), 1, 3).amount; // 333
 * shareOfLine(money(1000, "USD"), 2, 3).amount; // 667
 * ```
 */
export function shareOfLine(lineTotal: Money, units: number, quantity: number): Money {
  if (units === quantity) return lineTotal;
  return units === 0 ? money(0, lineTotal.currency) : multiply(lineTotal, ratio(units, quantity), "half_up");
}
