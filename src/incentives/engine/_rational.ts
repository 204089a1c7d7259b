// Exact rational arithmetic on the kernel's Ratio shape. Internal to the engine: every value is kept normalised
// (positive denominator, lowest terms), so equal values have equal fields.
import { decimal, formatExact, type Ratio } from "../../core/index.ts";

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds a normalised ratio; `d` must not be zero. */
export function rq(n: bigint | number, d: bigint | number = 1n): Ratio {
  let nn = typeof n === "bigint" ? n : BigInt(n);
  let dd = typeof d === "bigint" ? d : BigInt(d);
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  if (nn === 0n) return ZERO;
  if (dd === 1n) return { numerator: nn, denominator: 1n };
  const g = gcd(nn, dd);
  return g === 1n ? { numerator: nn, denominator: dd } : { numerator: nn / g, denominator: dd / g };
}

export const ZERO: Ratio = Object.freeze({ numerator: 0n, denominator: 1n });
export const ONE: Ratio = Object.freeze({ numerator: 1n, denominator: 1n });

export const add = (a: Ratio, b: Ratio): Ratio =>
  a.denominator === b.denominator
    ? rq(a.numerator + b.numerator, a.denominator)
    : rq(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
export const neg = (a: Ratio): Ratio => rq(-a.numerator, a.denominator);
export const sub = (a: Ratio, b: Ratio): Ratio => add(a, neg(b));
export const mul = (a: Ratio, b: Ratio): Ratio => rq(a.numerator * b.numerator, a.denominator * b.denominator);
/** `a / b`; `b` must not be zero. */
export const div = (a: Ratio, b: Ratio): Ratio => rq(a.numerator * b.denominator, a.denominator * b.numerator);
export const cmp = (a: Ratio, b: Ratio): -1 | 0 | 1 => {
  const l = a.numerator * b.denominator;
  const r = b.numerator * a.denominator;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const lt = (a: Ratio, b: Ratio) => cmp(a, b) < 0;
export const le = (a: Ratio, b: Ratio) => cmp(a, b) <= 0;
export const minQ = (a: Ratio, b: Ratio) => (cmp(a, b) <= 0 ? a : b);
export const maxQ = (a: Ratio, b: Ratio) => (cmp(a, b) >= 0 ? a : b);
export const isZero = (a: Ratio) => a.numerator === 0n;
export const sign = (a: Ratio) => (a.numerator < 0n ? -1 : a.numerator > 0n ? 1 : 0);
export const sumQ = (items: readonly Ratio[]) => items.reduce(add, ZERO);
/** The ratio of basis points: `bpsQ(750)` is 3/40. */
export const bpsQ = (bps: number) => rq(bps, 10_000);

/** An exact decimal string: terminating expansions in full, otherwise six digits and `…` (as `formatExact`). */
export function dec(r: Ratio): string {
  return formatExact({ currency: "XXX", numerator: r.numerator, denominator: r.denominator });
}

/**
 * A finite number as a plain decimal string, without exponent notation: the shortest decimal that reads back as the
 * same number (`String(n)`), with an exponent such as `1e-7` or `1.5e+21` written out (`"0.0000001"`).
 */
export function plainDecimal(n: number): string {
  const text = String(n);
  const e = text.search(/e/i);
  if (e < 0) return text;
  const negative = text.startsWith("-");
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf(".");
  const digits = mantissa.replace(".", "");
  const at = (point < 0 ? mantissa.length : point) + exponent;
  const body =
    at <= 0
      ? `0.${"0".repeat(-at)}${digits}`
      : at >= digits.length
        ? `${digits}${"0".repeat(at - digits.length)}`
        : `${digits.slice(0, at)}.${digits.slice(at)}`;
  return `${negative ? "-" : ""}${body}`;
}

/** A finite number as the exact decimal it is written as (`0.1` is 1/10, `1e-7` is 1/10000000). */
export const numberQ = (n: number): Ratio => decimal(plainDecimal(n));
