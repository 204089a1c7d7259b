// Exact rationals for scores: every component, renormalized weight and formula step is exact, and a score is
// rounded once, half-up, to thousandths of a point.
import { ratio, roundRatio } from "../core/index.ts";

/** @internal An exact rational with a positive denominator. */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};

/** @internal Builds a reduced rational. */
export function q(n: bigint | number, d: bigint | number = 1n): Q {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd);
  return { n: nn / g, d: dd / g };
}

/** @internal a + b. */
export const qAdd = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
/** @internal a − b. */
export const qSub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
/** @internal a × b. */
export const qMul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
/** @internal a ÷ b, or undefined when b is zero. */
export const qDiv = (a: Q, b: Q): Q | undefined => (b.n === 0n ? undefined : q(a.n * b.d, a.d * b.n));
/** @internal Compares a and b. */
export const qCmp = (a: Q, b: Q): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

/** @internal A value in thousandths of a point, rounded once, half-up. */
export function toMilli(value: Q): number {
  return Number(roundRatio(ratio(value.n * 1000n, value.d), "half_up"));
}

/** @internal A value in basis points of a whole, rounded once, half-up. */
export function toBps(value: Q): number {
  return Number(roundRatio(ratio(value.n * 10_000n, value.d), "half_up"));
}

/** @internal Thousandths as text: 3500 → "3.5". */
export function milliText(milli: number): string {
  const sign = milli < 0 ? "-" : "";
  const abs = Math.abs(milli);
  const frac = String(abs % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${Math.floor(abs / 1000)}${frac ? `.${frac}` : ""}`;
}

/** @internal An exact value as text, to thousandths (half-up). */
export const qText = (value: Q): string => milliText(toMilli(value));
