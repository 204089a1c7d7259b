// The scenario's own arithmetic, written from the documented conventions (not imported from the library), so that
// the expected figures are computed independently of the code under test.

/** Integer division rounded half-up (away from zero at .5 for positive numerators), for non-negative numbers. */
export function halfUpDiv(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n) return -halfUpDiv(-numerator, denominator);
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Floor division on bigints (toward −∞). */
export function floorDiv(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  return numerator % denominator !== 0n && numerator < 0n !== denominator < 0n ? q - 1n : q;
}

/** `amount × bps / 10,000`, half-up: overlay credit, weighted pipeline amounts. */
export function bpsHalfUp(amount: number, bps: number): number {
  return Number(halfUpDiv(BigInt(amount) * BigInt(bps), 10_000n));
}

/**
 * Largest-remainder allocation: parts proportional to the weights, summing exactly to the amount; leftover units go
 * to the largest remainders, ties to the lower index. A negative amount is allocated by magnitude, then negated.
 */
export function allocateParts(amount: number, weights: readonly number[]): number[] {
  const sign = amount < 0 ? -1 : 1;
  const whole = BigInt(Math.abs(amount));
  const total = BigInt(weights.reduce((t, w) => t + w, 0));
  if (total === 0n) throw new Error("allocateParts: all weights are zero");
  const floors = weights.map((w) => (whole * BigInt(w)) / total);
  const remainders = weights.map((w, i) => ({ i, r: (whole * BigInt(w)) % total }));
  let left = Number(whole - floors.reduce((t, f) => t + f, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    floors[i] = floors[i]! + 1n;
    left--;
  }
  return floors.map((f) => sign * Number(f));
}

/** An order line's total: quantity × unit price × (10,000 − discount) / 10,000, rounded once, half-up. */
export function lineTotal(quantity: number, unitPrice: number, discountBps: number): number {
  return Number(halfUpDiv(BigInt(quantity) * BigInt(unitPrice) * BigInt(10_000 - discountBps), 10_000n));
}

/** The part of a line's total that `units` of `quantity` stand for, half-up; the whole line exactly for all units. */
export function shareOfLine(total: number, units: number, quantity: number): number {
  return units === quantity ? total : Number(halfUpDiv(BigInt(total) * BigInt(units), BigInt(quantity)));
}

/** Attainment in basis points: floor(achieved × 10,000 / target); a zero target reads 10,000 unless achieved < 0. */
export function attainment(achieved: number, target: number): number {
  if (target === 0) return achieved >= 0 ? 10_000 : 0;
  return Number(floorDiv(BigInt(achieved) * 10_000n, BigInt(target)));
}

/** A ratio in basis points, half-up; null when the denominator is 0. */
export function ratioHalfUp(part: number, whole: number): number | null {
  return whole === 0 ? null : Number(halfUpDiv(BigInt(part) * 10_000n, BigInt(whole)));
}
