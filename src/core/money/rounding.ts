import { invalid, show } from "./guards.ts";
import { checkRatio, type Ratio } from "./ratio.ts";

/**
 * How an exact value is rounded to an integer. Every rounding in salesfold names its mode explicitly.
 *
 * | mode        | rule                                         | 2.5 | -2.5 | 2.4 | 2.6 |
 * |-------------|----------------------------------------------|-----|------|-----|-----|
 * | `half_up`   | nearest; halves away from zero (commercial)  | 3   | -3   | 2   | 3   |
 * | `half_down` | nearest; halves toward zero                  | 2   | -2   | 2   | 3   |
 * | `half_even` | nearest; halves to the even neighbour        | 2   | -2   | 2   | 3   |
 * | `up`        | away from zero                               | 3   | -3   | 3   | 3   |
 * | `down`      | toward zero (truncate)                       | 2   | -2   | 2   | 2   |
 * | `ceiling`   | toward +∞                                    | 3   | -2   | 3   | 3   |
 * | `floor`     | toward −∞                                    | 2   | -3   | 2   | 2   |
 *
 * @example
 * ```ts
 * const mode: RoundingMode = "half_even";
 * ```
 */
export type RoundingMode = "half_up" | "half_down" | "half_even" | "up" | "down" | "ceiling" | "floor";

/**
 * Every rounding mode, in a fixed order.
 *
 * @example
 * ```ts
 * ROUNDING_MODES.includes("half_up"); // true
 * ```
 */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze([
  "half_up",
  "half_down",
  "half_even",
  "up",
  "down",
  "ceiling",
  "floor",
]);

/**
 * Tells whether a value is a {@link RoundingMode}.
 *
 * @param value - Anything, e.g. a mode read from a plan file.
 * @returns `true` for one of the seven mode names.
 * @example
 * ```ts
 * isRoundingMode("half_even"); // true
 * isRoundingMode("HALF_EVEN"); // false
 * ```
 */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === "string" && (ROUNDING_MODES as readonly string[]).includes(value);
}

/** @internal Throws the ValidationError for an unknown mode. */
export function badMode(api: string, mode: unknown): never {
  return invalid(
    api,
    ["mode"],
    "invalid_rounding_mode",
    `expected one of ${ROUNDING_MODES.join(", ")}; got ${show(mode)}`,
  );
}

/**
 * @internal Rounds `n / d` (d > 0) with bigint arithmetic. `q` truncates toward zero; `r` has the sign of `n`.
 */
export function roundDiv(api: string, n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) {
    if (!isRoundingMode(mode)) badMode(api, mode);
    return q;
  }
  const away = n < 0n ? q - 1n : q + 1n;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return away;
    case "ceiling":
      return n > 0n ? away : q;
    case "floor":
      return n < 0n ? away : q;
    default: {
      const twice = r < 0n ? -2n * r : 2n * r;
      if (twice > d) {
        if (isRoundingMode(mode)) return away;
      } else if (twice < d) {
        if (isRoundingMode(mode)) return q;
      } else if (mode === "half_up") return away;
      else if (mode === "half_down") return q;
      else if (mode === "half_even") return q % 2n === 0n ? q : away;
      return badMode(api, mode);
    }
  }
}

/**
 * @internal Rounds `n / d` for safe integers `n` and `d > 0` without bigint. Same rules as {@link roundDiv}.
 */
export function roundDivNumber(api: string, n: number, d: number, mode: RoundingMode): number {
  const r = n % d;
  const q = (n - r) / d;
  if (r === 0) {
    if (!isRoundingMode(mode)) badMode(api, mode);
    return q;
  }
  const away = n < 0 ? q - 1 : q + 1;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return away;
    case "ceiling":
      return n > 0 ? away : q;
    case "floor":
      return n < 0 ? away : q;
    default: {
      const twice = r < 0 ? -2 * r : 2 * r;
      if (twice > d) {
        if (isRoundingMode(mode)) return away;
      } else if (twice < d) {
        if (isRoundingMode(mode)) return q;
      } else if (mode === "half_up") return away;
      else if (mode === "half_down") return q;
      else if (mode === "half_even") return q % 2 === 0 ? q : away;
      return badMode(api, mode);
    }
  }
}

/**
 * Rounds an exact ratio to an integer with an explicit {@link RoundingMode}.
 *
 * @param r - The exact value; its denominator must be positive.
 * @param mode - The rounding mode.
 * @returns The rounded integer, as a bigint.
 * @throws {@link ValidationError} (api `roundRatio`) for an unknown mode (path `["mode"]`) or a malformed ratio
 * (path `["r"]`).
 * @example
 * ```ts
 * roundRatio(decimal("2.5"), "half_even"); // 2n
 * roundRatio(decimal("-2.5"), "half_up"); // -3n (halves go away from zero)
 * roundRatio(decimal("-2.5"), "ceiling"); // -2n
 * ```
 */
export function roundRatio(r: Ratio, mode: RoundingMode): bigint {
  checkRatio("roundRatio", ["r"], r);
  return roundDiv("roundRatio", r.numerator, r.denominator, mode);
}
