import { ValidationError } from "../errors/index.ts";

/**
 * Where time comes from. The domain never reads the wall clock: the command handler and the stores ask a `Clock`,
 * and tests give them a fixed or stepping one.
 *
 * @example
 * ```ts
 * import { fixedClock } from "salesfold";
 * const clock = fixedClock("2026-07-01T09:00:00.000Z");
 * clock.now(); // "2026-07-01T09:00:00.000Z"
 * ```
 */
export interface Clock {
  /** The current instant as an ISO-8601 UTC string with milliseconds. */
  now(): string;
}

/**
 * The wall clock. Stores and command handlers use it unless given another.
 *
 * @example
 * ```ts
 * import { systemClock } from "salesfold";
 * systemClock.now(); // e.g. "2026-11-27T23:10:00.000Z"
 * ```
 */
export const systemClock: Clock = /* @__PURE__ */ createSystemClock();

function createSystemClock(): Clock {
  // Formatting a date costs more than reading the clock: reuse the string while the millisecond is the same.
  let lastMs = -1;
  let lastIso = "";
  return Object.freeze({
    now: () => {
      const ms = Date.now();
      if (ms !== lastMs) {
        lastMs = ms;
        lastIso = new Date(ms).toISOString();
      }
      return lastIso;
    },
  });
}

/**
 * A clock that always answers the same instant.
 *
 * @param instant - An ISO-8601 instant.
 * @returns A clock for tests and replays.
 * @example
 * ```ts
 * const clock = fixedClock("2026-07-01T00:00:00.000Z");
 * ```
 */
export function fixedClock(instant: string): Clock {
  const iso = _toIso("fixedClock", instant);
  return Object.freeze({ now: () => iso });
}

/**
 * A clock that starts at an instant and moves forward by a fixed step on every call. Deterministic tests use it to
 * get distinct, ordered timestamps.
 *
 * @param start - The first instant returned, ISO-8601.
 * @param stepMs - Milliseconds added after each call; 1 by default.
 * @returns A deterministic clock.
 * @example
 * ```ts
 * const clock = steppingClock("2026-07-01T00:00:00.000Z", 60_000);
 * clock.now(); // "2026-07-01T00:00:00.000Z"
 * clock.now(); // "2026-07-01T00:01:00.000Z"
 * ```
 */
export function steppingClock(start: string, stepMs = 1): Clock {
  let current = Date.parse(_toIso("steppingClock", start));
  if (!Number.isSafeInteger(stepMs) || stepMs < 0) {
    throw new ValidationError("steppingClock", [
      { code: "invalid_step", path: ["stepMs"], message: "stepMs is a non-negative integer" },
    ]);
  }
  return Object.freeze({
    now: () => {
      const iso = new Date(current).toISOString();
      current += stepMs;
      return iso;
    },
  });
}

function _toIso(api: string, instant: string): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new ValidationError(api, [
      { code: "invalid_instant", path: ["instant"], message: `${JSON.stringify(instant)} is not an ISO-8601 instant` },
    ]);
  }
  return new Date(ms).toISOString();
}
