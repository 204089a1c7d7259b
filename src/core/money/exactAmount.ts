import { checkCurrency, currencyMismatch, invalid, MAX_SAFE_BIG, MIN_SAFE_BIG, overflow } from "./guards.ts";
import { needMoney } from "./arithmetic.ts";
import { type Money, makeMoney } from "./money.ts";
import { checkRatio, type Ratio, reduce } from "./ratio.ts";
import { type RoundingMode, roundDiv } from "./rounding.ts";

/**
 * An exact amount of money before rounding: `numerator / denominator` minor units in a currency. Products of money
 * and rates are kept in this form so that a value is rounded exactly once, at the end, and a statement can show both
 * the amount before rounding and the rounding applied. Values built here are frozen and in lowest terms.
 *
 * @example
 * ```ts
 * const e: ExactAmount = multiplyExact(money(12345, "USD"), bps(750)); // 7407/8 = 925.875 cents
 * ```
 */
export interface ExactAmount {
  /** The ISO 4217 currency code. */
  readonly currency: string;
  /** The signed numerator, in minor units. */
  readonly numerator: bigint;
  /** The positive denominator. */
  readonly denominator: bigint;
}

/**
 * The outcome of {@link roundExact}: the rounded money and the rounding applied.
 *
 * @example
 * ```ts
 * const { money: paid, adjustment } = roundExact(exact, "half_up");
 * ```
 */
export interface RoundedAmount {
  /** The rounded amount. */
  readonly money: Money;
  /** `rounded − exact`, in minor units; zero when the exact amount was already whole. */
  readonly adjustment: Ratio;
}

function makeExact(currency: string, numerator: bigint, denominator: bigint): ExactAmount {
  const r = reduce(numerator, denominator);
  return Object.freeze({ currency, numerator: r.numerator, denominator: r.denominator });
}

function checkExact(api: string, key: string, e: ExactAmount): void {
  if (typeof e !== "object" || e === null) invalid(api, [key], "invalid_type", "expected an ExactAmount");
  checkCurrency(api, [key, "currency"], e.currency);
  checkRatio(api, [key], e);
}

/**
 * Turns a Money value into an {@link ExactAmount} with denominator 1.
 *
 * @param m - The amount.
 * @returns The same value as an exact amount.
 * @throws {@link ValidationError} (api `toExact`) when the argument is not a well-formed Money.
 * @example
 * ```ts
 * toExact(money(500, "USD")); // { currency: "USD", numerator: 500n, denominator: 1n }
 * ```
 */
export function toExact(m: Money): ExactAmount {
  needMoney("toExact", m, "m");
  return Object.freeze({ currency: m.currency, numerator: BigInt(m.amount), denominator: 1n });
}

/**
 * Multiplies money by an exact rate without rounding.
 *
 * @param m - The amount.
 * @param rate - A {@link Ratio} (from {@link decimal}, {@link bps} or {@link ratio}) or an integer factor as bigint.
 * @returns The exact product, in lowest terms.
 * @throws {@link ValidationError} (api `multiplyExact`) for a malformed Money (path `["m"]`) or rate (path
 * `["rate"]`).
 * @example
 * ```ts
 * multiplyExact(money(12345, "USD"), bps(750)); // 925.875 cents, as 7407n/8n
 * multiplyExact(money(100, "USD"), 3n); // 300n/1n
 * ```
 */
export function multiplyExact(m: Money, rate: Ratio | bigint): ExactAmount {
  needMoney("multiplyExact", m, "m");
  if (typeof rate === "bigint") return makeExact(m.currency, BigInt(m.amount) * rate, 1n);
  checkRatio("multiplyExact", ["rate"], rate);
  return makeExact(m.currency, BigInt(m.amount) * rate.numerator, rate.denominator);
}

/**
 * Adds two exact amounts of the same currency, so several unrounded lines can be totalled and rounded once.
 *
 * @param a - The first exact amount.
 * @param b - The second exact amount, in the same currency.
 * @returns The exact sum, in lowest terms.
 * @throws {@link SalesfoldError} `currency_mismatch` when the currencies differ.
 * @throws {@link ValidationError} (api `addExact`) when an argument is malformed.
 * @example
 * ```ts
 * const total = addExact(multiplyExact(a, rate), multiplyExact(b, rate));
 * roundExact(total, "half_even");
 * ```
 */
export function addExact(a: ExactAmount, b: ExactAmount): ExactAmount {
  checkExact("addExact", "a", a);
  checkExact("addExact", "b", b);
  if (a.currency !== b.currency) currencyMismatch("addExact", a.currency, b.currency);
  if (a.denominator === b.denominator) return makeExact(a.currency, a.numerator + b.numerator, a.denominator);
  return makeExact(
    a.currency,
    a.numerator * b.denominator + b.numerator * a.denominator,
    a.denominator * b.denominator,
  );
}

/**
 * Rounds an exact amount to whole minor units, once, with an explicit mode, and reports the rounding applied.
 * The identity `money.amount − adjustment = exact` always holds.
 *
 * @param e - The exact amount.
 * @param mode - The rounding mode.
 * @returns `{ money, adjustment }` where `adjustment = rounded − exact` (a Ratio of minor units, `|adjustment| < 1`).
 * @throws {@link SalesfoldError} `arithmetic_overflow` when the rounded amount is not a safe integer.
 * @throws {@link ValidationError} (api `roundExact`) for a malformed amount or an unknown mode.
 * @example
 * ```ts
 * const { money: m, adjustment } = roundExact(multiplyExact(money(12345, "USD"), bps(750)), "half_up");
 * m; // USD 9.26
 * adjustment; // 1n/8n (0.125 cents added by rounding)
 * ```
 */
export function roundExact(e: ExactAmount, mode: RoundingMode): RoundedAmount {
  checkExact("roundExact", "e", e);
  const rounded = roundDiv("roundExact", e.numerator, e.denominator, mode);
  if (rounded > MAX_SAFE_BIG || rounded < MIN_SAFE_BIG) overflow("roundExact", "the rounded amount");
  return Object.freeze({
    money: makeMoney(Number(rounded), e.currency),
    adjustment: reduce(rounded * e.denominator - e.numerator, e.denominator),
  });
}

/** Digits shown after the point when the expansion does not terminate. */
const REPEATING_DIGITS = 6;

/**
 * Formats an exact amount as a decimal string of minor units, without the currency. When the denominator has no
 * prime factors other than 2 and 5 the expansion terminates and is printed in full, exactly. Otherwise the first six
 * fractional digits are printed, truncated (not rounded, so they are a true prefix of the expansion), followed by
 * `…`.
 *
 * @param e - The exact amount.
 * @returns For example `"925.875"`, `"-12"`, or `"33.333333…"`.
 * @throws {@link ValidationError} (api `formatExact`) for a malformed amount.
 * @example
 * ```ts
 * formatExact(multiplyExact(money(12345, "USD"), bps(750))); // "925.875"
 * formatExact(multiplyExact(money(100, "USD"), ratio(1, 3))); // "33.333333…"
 * ```
 */
export function formatExact(e: ExactAmount): string {
  checkExact("formatExact", "e", e);
  const { numerator, denominator: d } = reduce(e.numerator, e.denominator);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const sign = negative ? "-" : "";
  const whole = n / d;
  const rest = n % d;
  if (rest === 0n) return sign + whole.toString();
  let twos = 0;
  let fives = 0;
  let left = d;
  while (left % 2n === 0n) {
    left /= 2n;
    twos++;
  }
  while (left % 5n === 0n) {
    left /= 5n;
    fives++;
  }
  const terminates = left === 1n;
  const digits = terminates ? Math.max(twos, fives) : REPEATING_DIGITS;
  const scaled = (rest * 10n ** BigInt(digits)) / d;
  let fraction = scaled.toString().padStart(digits, "0");
  if (terminates) fraction = fraction.replace(/0+$/, "");
  return `${sign}${whole}.${fraction}${terminates ? "" : "…"}`;
}
