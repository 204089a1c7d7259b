import { checkCurrency, checkMoney, currencyMismatch, isCurrencyCode, overflow } from "./guards.ts";
import { type Money, makeMoney } from "./money.ts";

/** @internal Cheap check that a value is a well-formed Money; on failure, throws ValidationError at `[key]` or `[key, index]`. */
export function needMoney(api: string, value: Money, key: string, index = -1): void {
  if (
    typeof value !== "object" ||
    value === null ||
    !Number.isSafeInteger(value.amount) ||
    !isCurrencyCode(value.currency)
  ) {
    checkMoney(api, index < 0 ? [key] : [key, index], value);
  }
}

function sameCurrency(api: string, a: Money, b: Money): void {
  if (a.currency !== b.currency) currencyMismatch(api, a.currency, b.currency);
}

/**
 * Adds two amounts of the same currency.
 *
 * @param a - The first amount.
 * @param b - The second amount, in the same currency.
 * @returns `a + b`.
 * @throws {@link SalesfoldError} `currency_mismatch` when the currencies differ; `arithmetic_overflow` when the
 * result is not a safe integer.
 * @throws {@link ValidationError} (api `add`) when either argument is not a well-formed Money.
 * @example
 * ```ts
 * add(money(150, "USD"), money(275, "USD")); // USD 4.25
 * ```
 */
export function add(a: Money, b: Money): Money {
  needMoney("add", a, "a");
  needMoney("add", b, "b");
  sameCurrency("add", a, b);
  const result = a.amount + b.amount;
  if (!Number.isSafeInteger(result)) overflow("add", "the sum");
  return makeMoney(result, a.currency);
}

/**
 * Subtracts one amount from another of the same currency.
 *
 * @param a - The amount to subtract from.
 * @param b - The amount to subtract, in the same currency.
 * @returns `a − b`.
 * @throws {@link SalesfoldError} `currency_mismatch` or `arithmetic_overflow`.
 * @throws {@link ValidationError} (api `subtract`) when either argument is not a well-formed Money.
 * @example
 * ```ts
 * subtract(money(1000, "EUR"), money(1250, "EUR")); // EUR -2.50
 * ```
 */
export function subtract(a: Money, b: Money): Money {
  needMoney("subtract", a, "a");
  needMoney("subtract", b, "b");
  sameCurrency("subtract", a, b);
  const result = a.amount - b.amount;
  if (!Number.isSafeInteger(result)) overflow("subtract", "the difference");
  return makeMoney(result, a.currency);
}

/**
 * Negates an amount. It cannot overflow: the safe range is symmetric.
 *
 * @param m - The amount.
 * @returns `−m` (never `-0`).
 * @throws {@link ValidationError} (api `negate`) when the argument is not a well-formed Money.
 * @example
 * ```ts
 * negate(money(500, "GBP")); // GBP -5.00
 * ```
 */
export function negate(m: Money): Money {
  needMoney("negate", m, "m");
  return makeMoney(-m.amount, m.currency);
}

/**
 * Returns the absolute value of an amount.
 *
 * @param m - The amount.
 * @returns `|m|`.
 * @throws {@link ValidationError} (api `absMoney`) when the argument is not a well-formed Money.
 * @example
 * ```ts
 * absMoney(money(-42, "USD")); // USD 0.42
 * ```
 */
export function absMoney(m: Money): Money {
  needMoney("absMoney", m, "m");
  return m.amount < 0 ? makeMoney(-m.amount, m.currency) : makeMoney(m.amount, m.currency);
}

/**
 * Sums a list of amounts, all in the given currency. The currency is required so that an empty list has a well
 * defined total. Intermediate totals may leave the safe range (the sum is then finished exactly with bigint); only
 * the final total must be safe.
 *
 * @param items - The amounts.
 * @param currency - The currency every item must be in, and the currency of the result.
 * @returns The total; `zero(currency)` for an empty list.
 * @throws {@link SalesfoldError} `currency_mismatch` when an item is in another currency; `arithmetic_overflow`
 * when the total is not a safe integer.
 * @throws {@link ValidationError} (api `sum`) for a malformed currency (path `["currency"]`) or item (path
 * `["items", i]`).
 * @example
 * ```ts
 * sum([money(100, "USD"), money(250, "USD")], "USD"); // USD 3.50
 * sum([], "JPY"); // JPY 0
 * ```
 */
export function sum(items: readonly Money[], currency: string): Money {
  checkCurrency("sum", ["currency"], currency);
  let total = 0;
  let big: bigint | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Money;
    needMoney("sum", item, "items", i);
    if (item.currency !== currency) currencyMismatch("sum", currency, item.currency);
    if (big === undefined) {
      const next = total + item.amount;
      if (Number.isSafeInteger(next)) total = next;
      else big = BigInt(total) + BigInt(item.amount);
    } else {
      big += BigInt(item.amount);
    }
  }
  if (big !== undefined) {
    if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)) overflow("sum", "the total");
    total = Number(big);
  }
  return makeMoney(total, currency);
}

/**
 * Tells whether an amount is zero.
 *
 * @param m - The amount.
 * @returns `true` when `m.amount === 0`.
 * @example
 * ```ts
 * isZero(zero("USD")); // true
 * ```
 */
export function isZero(m: Money): boolean {
  return m.amount === 0;
}

/**
 * Tells whether an amount is below zero.
 *
 * @param m - The amount.
 * @returns `true` when `m.amount < 0`.
 * @example
 * ```ts
 * isNegative(money(-1, "USD")); // true
 * ```
 */
export function isNegative(m: Money): boolean {
  return m.amount < 0;
}

/**
 * Tells whether an amount is above zero.
 *
 * @param m - The amount.
 * @returns `true` when `m.amount > 0`.
 * @example
 * ```ts
 * isPositive(money(1, "USD")); // true
 * ```
 */
export function isPositive(m: Money): boolean {
  return m.amount > 0;
}

/**
 * Compares two amounts of the same currency, for sorting.
 *
 * @param a - The first amount.
 * @param b - The second amount, in the same currency.
 * @returns `-1` when `a < b`, `0` when equal, `1` when `a > b`.
 * @throws {@link SalesfoldError} `currency_mismatch` when the currencies differ.
 * @throws {@link ValidationError} (api `compareMoney`) when either argument is not a well-formed Money.
 * @example
 * ```ts
 * [money(3, "USD"), money(1, "USD")].sort(compareMoney); // [USD 0.01, USD 0.03]
 * ```
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  needMoney("compareMoney", a, "a");
  needMoney("compareMoney", b, "b");
  sameCurrency("compareMoney", a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

/**
 * Tells whether two amounts are equal: same currency and same amount. Unlike arithmetic, amounts in different
 * currencies are simply not equal (no error is thrown).
 *
 * @param a - The first amount.
 * @param b - The second amount.
 * @returns `true` when both the currency and the amount match.
 * @example
 * ```ts
 * equalsMoney(money(100, "USD"), money(100, "USD")); // true
 * equalsMoney(money(100, "USD"), money(100, "EUR")); // false
 * ```
 */
export function equalsMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

function pick(api: string, first: Money, rest: readonly Money[], wantSmaller: boolean): Money {
  needMoney(api, first, "first");
  let best = first;
  for (let i = 0; i < rest.length; i++) {
    const item = rest[i] as Money;
    needMoney(api, item, "rest", i);
    if (item.currency !== first.currency) currencyMismatch(api, first.currency, item.currency);
    if (wantSmaller ? item.amount < best.amount : item.amount > best.amount) best = item;
  }
  return best;
}

/**
 * Returns the smallest of one or more amounts of the same currency; on a tie, the earliest argument.
 *
 * @param first - The first amount.
 * @param rest - More amounts, in the same currency.
 * @returns The smallest amount (one of the arguments).
 * @throws {@link SalesfoldError} `currency_mismatch` when the currencies differ.
 * @throws {@link ValidationError} (api `minMoney`) when an argument is not a well-formed Money.
 * @example
 * ```ts
 * minMoney(money(500, "USD"), money(300, "USD")); // USD 3.00 — e.g. capping a payout
 * ```
 */
export function minMoney(first: Money, ...rest: Money[]): Money {
  return pick("minMoney", first, rest, true);
}

/**
 * Returns the largest of one or more amounts of the same currency; on a tie, the earliest argument.
 *
 * @param first - The first amount.
 * @param rest - More amounts, in the same currency.
 * @returns The largest amount (one of the arguments).
 * @throws {@link SalesfoldError} `currency_mismatch` when the currencies differ.
 * @throws {@link ValidationError} (api `maxMoney`) when an argument is not a well-formed Money.
 * @example
 * ```ts
 * maxMoney(money(-200, "USD"), zero("USD")); // USD 0.00 — e.g. flooring at zero
 * ```
 */
export function maxMoney(first: Money, ...rest: Money[]): Money {
  return pick("maxMoney", first, rest, false);
}
