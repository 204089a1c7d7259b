import { z } from "zod";
import { checkAmount, checkCurrency } from "./guards.ts";

/**
 * An amount of money: a safe integer of minor units (cents for USD, yen for JPY, fils for KWD) and an ISO 4217
 * currency code. Values built by {@link money} are frozen; `-0` is stored as `0`.
 *
 * @example
 * ```ts
 * const price: Money = money(1999, "USD"); // USD 19.99
 * ```
 */
export interface Money {
  /** The amount in minor units; a safe integer. */
  readonly amount: number;
  /** The ISO 4217 alphabetic code, three capital letters. */
  readonly currency: string;
}

/**
 * The zod schema of a {@link Money} value in event payloads and commands: a strict object with a safe-integer
 * `amount` and a three-capital-letter `currency`. Use it in schemas; use {@link money} in code.
 *
 * @example
 * ```ts
 * const dealWon = z.strictObject({ dealId: z.string(), value: moneySchema });
 * moneySchema.parse({ amount: 1250, currency: "EUR" });
 * ```
 */
export const moneySchema = z.strictObject({
  amount: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code of three capital letters"),
});

/** @internal Builds a frozen Money without validation; callers guarantee a safe integer and a valid code. */
export function makeMoney(amount: number, currency: string): Money {
  return Object.freeze({ amount: amount === 0 ? 0 : amount, currency });
}

/**
 * Creates a validated, frozen {@link Money} value.
 *
 * @param amount - A safe integer of minor units, e.g. `1234` for USD 12.34.
 * @param currency - An ISO 4217 code of three capital letters.
 * @returns The frozen Money (`-0` becomes `0`).
 * @throws {@link ValidationError} (api `money`) when the amount is not a safe integer (path `["amount"]`) or the
 * currency is not three capital letters (path `["currency"]`).
 * @example
 * ```ts
 * money(1234, "USD"); // { amount: 1234, currency: "USD" }
 * money(12.5, "USD"); // throws ValidationError
 * ```
 */
export function money(amount: number, currency: string): Money {
  checkAmount("money", ["amount"], amount);
  checkCurrency("money", ["currency"], currency);
  return makeMoney(amount, currency);
}

/**
 * Creates a zero amount in a currency.
 *
 * @param currency - An ISO 4217 code of three capital letters.
 * @returns The frozen Money `{ amount: 0, currency }`.
 * @throws {@link ValidationError} (api `zero`) when the currency is malformed.
 * @example
 * ```ts
 * zero("EUR"); // { amount: 0, currency: "EUR" }
 * ```
 */
export function zero(currency: string): Money {
  checkCurrency("zero", ["currency"], currency);
  return makeMoney(0, currency);
}
