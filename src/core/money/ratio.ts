import { invalid, show } from "./guards.ts";

/**
 * An exact rational number, used for rates, percentages and proration factors. The denominator is positive and the
 * fraction is in lowest terms (zero is `0/1`), so equal ratios have equal fields. Build one with {@link ratio},
 * {@link decimal} or {@link bps}; never from a float.
 *
 * @example
 * ```ts
 * const rate: Ratio = decimal("0.075"); // { numerator: 3n, denominator: 40n }
 * ```
 */
export interface Ratio {
  /** The signed numerator. */
  readonly numerator: bigint;
  /** The positive denominator. */
  readonly denominator: bigint;
}

/** @internal Greatest common divisor of two bigints (non-negative result). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** @internal Normalises a fraction whose denominator is known to be non-zero. */
export function reduce(numerator: bigint, denominator: bigint): Ratio {
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n === 0n) return Object.freeze({ numerator: 0n, denominator: 1n });
  const g = gcd(n, d);
  if (g !== 1n) {
    n /= g;
    d /= g;
  }
  return Object.freeze({ numerator: n, denominator: d });
}

function toBigInt(api: string, path: PropertyKey[], value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (Number.isSafeInteger(value)) return BigInt(value as number);
  return invalid(api, path, "invalid_integer", `expected a bigint or a safe integer, got ${show(value)}`);
}

/**
 * Creates an exact ratio `numerator / denominator`, normalised: positive denominator, lowest terms.
 *
 * @param numerator - A bigint or a safe integer.
 * @param denominator - A non-zero bigint or safe integer.
 * @returns The frozen, normalised Ratio.
 * @throws {@link ValidationError} (api `ratio`) for a non-integer argument, or a zero denominator (path
 * `["denominator"]`, code `division_by_zero`).
 * @example
 * ```ts
 * ratio(15, 30); // { numerator: 1n, denominator: 2n }
 * ratio(3n, -4n); // { numerator: -3n, denominator: 4n }
 * ```
 */
export function ratio(numerator: bigint | number, denominator: bigint | number): Ratio {
  const n = toBigInt("ratio", ["numerator"], numerator);
  const d = toBigInt("ratio", ["denominator"], denominator);
  if (d === 0n) invalid("ratio", ["denominator"], "division_by_zero", "the denominator must not be zero");
  return reduce(n, d);
}

const DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/**
 * Parses an exact decimal string into a {@link Ratio}. The grammar is strict: an optional `-`, an integer part
 * without leading zeros (`0` alone is allowed), and an optional `.` followed by at least one digit. Exponents,
 * `+`, whitespace, thousands separators, a bare `.5` or `1.`, `NaN` and `Infinity` are all rejected.
 *
 * @param value - The decimal, e.g. `"0.075"` or `"-12.5"`.
 * @returns The exact value as a normalised Ratio.
 * @throws {@link ValidationError} (api `decimal`, path `["value"]`, code `invalid_decimal`) when the string does not
 * match the grammar.
 * @example
 * ```ts
 * decimal("0.075"); // { numerator: 3n, denominator: 40n }
 * decimal("-12.5"); // { numerator: -25n, denominator: 2n }
 * decimal("1e3"); // throws ValidationError
 * ```
 */
export function decimal(value: string): Ratio {
  const match = typeof value === "string" ? DECIMAL.exec(value) : null;
  if (match === null) {
    return invalid(
      "decimal",
      ["value"],
      "invalid_decimal",
      `expected a plain decimal such as "0.075" or "-12.5", got ${show(value)}`,
    );
  }
  const fraction = match[3] ?? "";
  const magnitude = BigInt((match[2] as string) + fraction);
  return reduce(match[1] === "-" ? -magnitude : magnitude, 10n ** BigInt(fraction.length));
}

/**
 * Creates the ratio of a number of basis points: `bps(750)` is 750/10000, i.e. 7.5 %.
 *
 * @param basisPoints - A safe integer (or bigint) number of basis points; negative values are allowed.
 * @returns The ratio `basisPoints / 10000`, normalised.
 * @throws {@link ValidationError} (api `bps`, path `["basisPoints"]`) when the argument is not an integer.
 * @example
 * ```ts
 * bps(750); // { numerator: 3n, denominator: 40n }
 * bps(10000); // { numerator: 1n, denominator: 1n }
 * ```
 */
export function bps(basisPoints: number | bigint): Ratio {
  return reduce(toBigInt("bps", ["basisPoints"], basisPoints), 10000n);
}

/** @internal Validates a value that should be a Ratio (bigint fields, positive denominator). */
export function checkRatio(api: string, path: PropertyKey[], value: unknown): Ratio {
  const r = value as { numerator?: unknown; denominator?: unknown } | null;
  if (typeof r !== "object" || r === null || typeof r.numerator !== "bigint" || typeof r.denominator !== "bigint") {
    return invalid(api, path, "invalid_ratio", "expected a Ratio with bigint numerator and denominator");
  }
  if (r.denominator <= 0n) {
    return invalid(api, [...path, "denominator"], "invalid_ratio", "the denominator of a Ratio must be positive");
  }
  return r as Ratio;
}
