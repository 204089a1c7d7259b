import { checkCurrency } from "./guards.ts";

const BY_EXPONENT: Readonly<Record<number, string>> = {
  0: "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF",
  2:
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE " +
    "CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG " +
    "HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK " +
    "MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE " +
    "SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW " +
    "ZWG",
  3: "BHD IQD JOD KWD LYD OMR TND",
  4: "CLF UYW",
};

/**
 * The number of minor-unit digits (the ISO 4217 exponent) of every active ISO 4217 currency that has one. Codes not
 * listed here, such as withdrawn currencies or the precious-metal codes (`XAU`) whose exponent ISO leaves undefined,
 * are treated as having 2 by {@link minorUnits}.
 *
 * @example
 * ```ts
 * CURRENCY_EXPONENTS.KWD; // 3
 * ```
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  for (const [exponent, codes] of Object.entries(BY_EXPONENT)) {
    for (const code of codes.split(" ")) table[code] = Number(exponent);
  }
  return Object.freeze(table);
})();

/**
 * The exponent assumed for a well-formed code that is not in {@link CURRENCY_EXPONENTS}.
 *
 * @example
 * ```ts
 * minorUnits("XAU") === DEFAULT_MINOR_UNITS; // true: not in the table
 * ```
 */
export const DEFAULT_MINOR_UNITS = 2;

/**
 * Tells how many digits a currency's minor unit has: 2 for USD (cents), 0 for JPY, 3 for KWD. A well-formed code
 * that is not in the ISO 4217 table gets {@link DEFAULT_MINOR_UNITS} (2), so internal or future codes still work.
 *
 * @param currency - An ISO 4217 code of three capital letters.
 * @returns The number of decimal places of the minor unit.
 * @throws {@link ValidationError} (api `minorUnits`, path `["currency"]`) when the code is malformed.
 * @example
 * ```ts
 * minorUnits("USD"); // 2
 * minorUnits("JPY"); // 0
 * minorUnits("BHD"); // 3
 * minorUnits("ZZZ"); // 2 (not in the table)
 * ```
 */
export function minorUnits(currency: string): number {
  checkCurrency("minorUnits", ["currency"], currency);
  return CURRENCY_EXPONENTS[currency] ?? DEFAULT_MINOR_UNITS;
}

/**
 * Tells whether a code is in the ISO 4217 table of {@link CURRENCY_EXPONENTS}.
 *
 * @param currency - Any string.
 * @returns `true` for listed codes such as `"EUR"`; `false` for `"ZZZ"` or malformed input.
 * @example
 * ```ts
 * isKnownCurrency("EUR"); // true
 * isKnownCurrency("ZZZ"); // false
 * ```
 */
export function isKnownCurrency(currency: string): boolean {
  return typeof currency === "string" && Object.hasOwn(CURRENCY_EXPONENTS, currency);
}
