import { SalesfoldError, ValidationError } from "../errors/index.ts";

/** @internal Throws a ValidationError with a single issue. */
export function invalid(api: string, path: PropertyKey[], code: string, message: string): never {
  throw new ValidationError(api, [{ code, path, message }]);
}

/** @internal Throws the `currency_mismatch` error, naming the API and both currencies. */
export function currencyMismatch(api: string, left: string, right: string): never {
  throw new SalesfoldError("currency_mismatch", `${api}: cannot mix currencies ${left} and ${right}`);
}

/** @internal Throws the `arithmetic_overflow` error. */
export function overflow(api: string, what: string): never {
  throw new SalesfoldError(
    "arithmetic_overflow",
    `${api}: ${what} is outside the safe integer range of minor units (±${Number.MAX_SAFE_INTEGER})`,
  );
}

/**
 * Tells whether a value is a well-formed currency code: exactly three ASCII capital letters. Cheap enough for hot
 * loops (no regular expression).
 *
 * @param value - Anything.
 * @returns `true` for strings such as `"USD"`; `false` for `"usd"`, `"US"` or non-strings.
 * @example
 * ```ts
 * isCurrencyCode("EUR"); // true
 * isCurrencyCode("eur"); // false
 * ```
 */
export function isCurrencyCode(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 3) return false;
  const a = value.charCodeAt(0);
  const b = value.charCodeAt(1);
  const c = value.charCodeAt(2);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90 && c >= 65 && c <= 90;
}

/** @internal Validates a currency argument. */
export function checkCurrency(api: string, path: PropertyKey[], currency: unknown): string {
  if (!isCurrencyCode(currency)) {
    invalid(api, path, "invalid_currency", `expected an ISO 4217 code of three capital letters, got ${show(currency)}`);
  }
  return currency;
}

/** @internal Validates an amount of minor units. */
export function checkAmount(api: string, path: PropertyKey[], amount: unknown): number {
  if (!Number.isSafeInteger(amount)) {
    invalid(api, path, "invalid_amount", `expected a safe integer of minor units, got ${show(amount)}`);
  }
  return amount as number;
}

/** @internal Validates something that should be a Money value; returns nothing, throws ValidationError. */
export function checkMoney(api: string, path: PropertyKey[], value: unknown): void {
  if (typeof value !== "object" || value === null) {
    invalid(api, path, "invalid_type", `expected a Money value, got ${show(value)}`);
  }
  const m = value as { amount?: unknown; currency?: unknown };
  if (!Number.isSafeInteger(m.amount)) checkAmount(api, [...path, "amount"], m.amount);
  if (!isCurrencyCode(m.currency)) checkCurrency(api, [...path, "currency"], m.currency);
}

/** @internal Validates a non-negative (or positive) safe integer count such as days. */
export function checkCount(api: string, path: PropertyKey[], value: unknown, min: 0 | 1): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    invalid(
      api,
      path,
      "invalid_count",
      `expected a ${min === 0 ? "non-negative" : "positive"} safe integer, got ${show(value)}`,
    );
  }
  return value as number;
}

/** @internal A short, safe rendering of an unknown value for error messages. */
export function show(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === null || value === undefined || typeof value === "boolean") return String(value);
  return typeof value;
}

/** @internal The bigint bounds of the safe integer range. */
export const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
/** @internal */
export const MIN_SAFE_BIG = -MAX_SAFE_BIG;
