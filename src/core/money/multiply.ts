import { needMoney } from "./arithmetic.ts";
import { checkCount, invalid, MAX_SAFE_BIG, MIN_SAFE_BIG, overflow, show } from "./guards.ts";
import { type Money, makeMoney } from "./money.ts";
import { checkRatio, type Ratio } from "./ratio.ts";
import { type RoundingMode, roundDiv, roundDivNumber } from "./rounding.ts";

/** @internal `amount × factor / divisor`, rounded once; plain numbers while the product is exact, bigint beyond. */
function scale(api: string, amount: number, factor: number, divisor: number, mode: RoundingMode): number {
  const product = amount * factor;
  if (product <= Number.MAX_SAFE_INTEGER && product >= -Number.MAX_SAFE_INTEGER) {
    return roundDivNumber(api, product, divisor, mode);
  }
  return toSafe(api, roundDiv(api, BigInt(amount) * BigInt(factor), BigInt(divisor), mode));
}

function toSafe(api: string, value: bigint): number {
  if (value > MAX_SAFE_BIG || value < MIN_SAFE_BIG) overflow(api, "the result");
  return Number(value);
}

/**
 * Multiplies money by an exact rate and rounds the product once.
 *
 * @param m - The amount.
 * @param rate - An exact {@link Ratio}, e.g. `decimal("0.075")`.
 * @param mode - The rounding mode.
 * @returns `round(m × rate)` in the currency of `m`.
 * @throws {@link SalesfoldError} `arithmetic_overflow` when the result is not a safe integer.
 * @throws {@link ValidationError} (api `multiply`) for a malformed Money, rate or mode.
 * @example
 * ```ts
 * multiply(money(12345, "USD"), decimal("0.075"), "half_up"); // USD 9.26 (925.875 cents)
 * ```
 */
export function multiply(m: Money, rate: Ratio, mode: RoundingMode): Money {
  needMoney("multiply", m, "m");
  checkRatio("multiply", ["rate"], rate);
  const rounded = roundDiv("multiply", BigInt(m.amount) * rate.numerator, rate.denominator, mode);
  return makeMoney(toSafe("multiply", rounded), m.currency);
}

/**
 * Multiplies money by a rate in basis points (1 bp = 0.01 %) and rounds once. Built for hot loops: it stays in
 * plain integer arithmetic while `amount × basisPoints` is a safe integer and switches to bigint beyond that, so it is
 * exact for every input.
 *
 * @param m - The amount.
 * @param basisPoints - The rate as a safe integer of basis points; `750` is 7.5 %. Negative rates are allowed.
 * @param mode - The rounding mode.
 * @returns `round(m × basisPoints / 10000)`.
 * @throws {@link SalesfoldError} `arithmetic_overflow` when the result is not a safe integer.
 * @throws {@link ValidationError} (api `multiplyBps`) for a malformed Money, a non-integer rate (path
 * `["basisPoints"]`) or an unknown mode.
 * @example
 * ```ts
 * multiplyBps(money(12345, "USD"), 750, "half_up"); // USD 9.26 (925.875 cents)
 * multiplyBps(money(12345, "USD"), 750, "down"); // USD 9.25
 * ```
 */
export function multiplyBps(m: Money, basisPoints: number, mode: RoundingMode): Money {
  needMoney("multiplyBps", m, "m");
  if (!Number.isSafeInteger(basisPoints)) {
    invalid("multiplyBps", ["basisPoints"], "invalid_integer", `expected a safe integer, got ${show(basisPoints)}`);
  }
  return makeMoney(scale("multiplyBps", m.amount, basisPoints, 10000, mode), m.currency);
}

/**
 * Prorates money by a number of days out of a period, rounding once: `m × days / periodDays`. Use it for partial
 * periods such as a mid-quarter hire or a plan change.
 *
 * @param m - The full-period amount.
 * @param days - Days covered: a safe integer from 0 to `periodDays`.
 * @param periodDays - Days in the full period: a positive safe integer.
 * @param mode - The rounding mode.
 * @returns `round(m × days / periodDays)`.
 * @throws {@link ValidationError} (api `prorateMoney`) for a malformed Money, `days` outside `0..periodDays`,
 * a non-positive `periodDays`, or an unknown mode.
 * @example
 * ```ts
 * prorateMoney(money(900000, "USD"), 45, 90, "half_even"); // USD 4,500.00
 * prorateMoney(money(100, "USD"), 1, 3, "half_up"); // USD 0.33
 * ```
 */
export function prorateMoney(m: Money, days: number, periodDays: number, mode: RoundingMode): Money {
  needMoney("prorateMoney", m, "m");
  checkCount("prorateMoney", ["days"], days, 0);
  checkCount("prorateMoney", ["periodDays"], periodDays, 1);
  if (days > periodDays) {
    invalid("prorateMoney", ["days"], "out_of_range", `days (${days}) must not exceed periodDays (${periodDays})`);
  }
  return makeMoney(scale("prorateMoney", m.amount, days, periodDays, mode), m.currency);
}
