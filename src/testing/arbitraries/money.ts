import fc from "fast-check";
import { type Money, money, type Ratio, ROUNDING_MODES, type RoundingMode, ratio } from "../../core/money/index.ts";

const CURRENCIES = ["USD", "EUR", "GBP", "CNY", "INR", "CHF", "JPY", "KRW", "CLP", "KWD", "BHD", "TND", "CLF"] as const;

/** Default bound of generated amounts: ±10^15 minor units, so sums of a few values stay in the safe range. */
const DEFAULT_BOUND = 1_000_000_000_000_000;

/**
 * Generates ISO 4217 codes, mixing 2-digit currencies with 0-, 3- and 4-digit ones (JPY, KWD, CLF) so that
 * formatting and parsing are exercised across exponents.
 *
 * @returns An arbitrary of currency codes.
 * @example
 * ```ts
 * fc.assert(fc.property(arbCurrency(), (c) => minorUnits(c) >= 0));
 * ```
 */
export function arbCurrency(): fc.Arbitrary<string> {
  return fc.constantFrom(...CURRENCIES);
}

/**
 * Generates frozen {@link Money} values.
 *
 * @param options - `currency` fixes the currency (default: any from {@link arbCurrency}); `min` and `max` bound the
 * amount in minor units (defaults ±10^15; both must be safe integers).
 * @returns An arbitrary of Money.
 * @example
 * ```ts
 * fc.assert(fc.property(arbMoney({ currency: "USD", min: 0 }), (m) => !isNegative(m)));
 * ```
 */
export function arbMoney(options: { currency?: string; min?: number; max?: number } = {}): fc.Arbitrary<Money> {
  const amount = fc.integer({ min: options.min ?? -DEFAULT_BOUND, max: options.max ?? DEFAULT_BOUND });
  const currency = options.currency === undefined ? arbCurrency() : fc.constant(options.currency);
  return fc.tuple(amount, currency).map(([a, c]) => money(a, c));
}

/**
 * Generates weight lists for `allocate`: non-negative integers up to `maxWeight`, at least one positive.
 *
 * @param options - `minLength` (default 1) and `maxLength` (default 8) bound the list; `maxWeight` bounds each
 * weight (default 10000, i.e. basis points).
 * @returns An arbitrary of weight arrays.
 * @example
 * ```ts
 * fc.assert(fc.property(arbMoney(), arbWeights(), (m, w) => allocate(m, w).length === w.length));
 * ```
 */
export function arbWeights(
  options: { minLength?: number; maxLength?: number; maxWeight?: number } = {},
): fc.Arbitrary<number[]> {
  const minLength = Math.max(1, options.minLength ?? 1);
  const maxLength = Math.max(minLength, options.maxLength ?? 8);
  const maxWeight = Math.max(1, options.maxWeight ?? 10_000);
  return fc
    .tuple(
      fc.array(fc.nat({ max: maxWeight }), { minLength, maxLength }),
      fc.nat(),
      fc.integer({ min: 1, max: maxWeight }),
    )
    .map(([weights, at, positive]) => {
      if (weights.some((w) => w > 0)) return weights;
      const copy = weights.slice();
      copy[at % copy.length] = positive;
      return copy;
    });
}

/**
 * Generates any of the seven {@link RoundingMode} values.
 *
 * @returns An arbitrary of rounding modes.
 * @example
 * ```ts
 * fc.assert(fc.property(arbRatio(), arbRoundingMode(), (r, mode) => typeof roundRatio(r, mode) === "bigint"));
 * ```
 */
export function arbRoundingMode(): fc.Arbitrary<RoundingMode> {
  return fc.constantFrom(...ROUNDING_MODES);
}

/**
 * Generates normalised {@link Ratio} values, positive and negative, including exact halves and whole numbers.
 *
 * @param options - `maxNumerator` bounds `|numerator|` (default 10^12) and `maxDenominator` the denominator
 * (default 10^6).
 * @returns An arbitrary of ratios.
 * @example
 * ```ts
 * fc.assert(fc.property(arbRatio(), (r) => r.denominator > 0n));
 * ```
 */
export function arbRatio(options: { maxNumerator?: bigint; maxDenominator?: bigint } = {}): fc.Arbitrary<Ratio> {
  const maxN = options.maxNumerator ?? 1_000_000_000_000n;
  const maxD = options.maxDenominator ?? 1_000_000n;
  const general = fc.tuple(fc.bigInt({ min: -maxN, max: maxN }), fc.bigInt({ min: 1n, max: maxD }));
  const half = fc.bigInt({ min: -maxN, max: maxN }).map((n) => [2n * n + 1n, 2n] as [bigint, bigint]);
  return fc.oneof(general, half).map(([n, d]) => ratio(n, d));
}
