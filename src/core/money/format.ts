import { needMoney } from "./arithmetic.ts";
import { minorUnits } from "./currencies.ts";
import { checkCurrency, invalid, show } from "./guards.ts";
import { type Money, makeMoney } from "./money.ts";

function group(digits: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}

/**
 * Formats money for logs, statements and tests, independent of locale: the currency code, a space, the amount with
 * `,` thousands separators and `.` before exactly {@link minorUnits} digits. A negative amount starts with `-`.
 *
 * @param m - The amount.
 * @returns For example `"USD 1,234.56"`, `"JPY 1,235"`, `"-USD 0.05"`, `"KWD 1.500"`.
 * @throws {@link ValidationError} (api `formatMoney`) for a malformed Money.
 * @example
 * ```ts
 * formatMoney(money(123456, "USD")); // "USD 1,234.56"
 * formatMoney(money(-5, "USD")); // "-USD 0.05"
 * ```
 */
export function formatMoney(m: Money): string {
  needMoney("formatMoney", m, "m");
  const exponent = minorUnits(m.currency);
  const digits = String(Math.abs(m.amount)).padStart(exponent + 1, "0");
  const cut = digits.length - exponent;
  const text = exponent === 0 ? group(digits) : `${group(digits.slice(0, cut))}.${digits.slice(cut)}`;
  return `${m.amount < 0 ? "-" : ""}${m.currency} ${text}`;
}

const PLAIN = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/**
 * Parses a plain decimal string in major units into money, exactly. The grammar is the one of {@link decimal}
 * (no currency code, no separators, no exponent). The string may have fewer fractional digits than the currency but
 * never more: `"12.345"` is not a USD amount, and no rounding happens here.
 *
 * @param text - The amount in major units, e.g. `"12.34"` or `"-0.5"`.
 * @param currency - An ISO 4217 code of three capital letters.
 * @returns The exact Money, e.g. 1234 minor units.
 * @throws {@link ValidationError} (api `parseMoney`) for a malformed string (path `["text"]`, code
 * `invalid_decimal`), too many fractional digits (code `too_precise`), an amount outside the safe range (code
 * `out_of_range`), or a malformed currency (path `["currency"]`).
 * @example
 * ```ts
 * parseMoney("12.34", "USD"); // { amount: 1234, currency: "USD" }
 * parseMoney("12.3", "USD"); // { amount: 1230, currency: "USD" }
 * parseMoney("1235", "JPY"); // { amount: 1235, currency: "JPY" }
 * parseMoney("12.345", "USD"); // throws ValidationError
 * ```
 */
export function parseMoney(text: string, currency: string): Money {
  checkCurrency("parseMoney", ["currency"], currency);
  const match = typeof text === "string" ? PLAIN.exec(text) : null;
  if (match === null) {
    return invalid(
      "parseMoney",
      ["text"],
      "invalid_decimal",
      `expected a plain decimal such as "12.34", got ${show(text)}`,
    );
  }
  const exponent = minorUnits(currency);
  const fraction = match[3] ?? "";
  if (fraction.length > exponent) {
    invalid(
      "parseMoney",
      ["text"],
      "too_precise",
      `${currency} has ${exponent} minor-unit digit${exponent === 1 ? "" : "s"}; ${show(text)} has ${fraction.length}`,
    );
  }
  const units = BigInt((match[2] as string) + fraction.padEnd(exponent, "0"));
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) {
    invalid("parseMoney", ["text"], "out_of_range", `${show(text)} is outside the safe range of minor units`);
  }
  const amount = Number(units);
  return makeMoney(match[1] === "-" ? -amount : amount, currency);
}
