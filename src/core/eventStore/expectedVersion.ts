import { z } from "zod";
import { ConcurrencyError } from "../errors/index.ts";
import type { ExpectedVersion } from "./eventStore.ts";

/**
 * The zod schema of an {@link ExpectedVersion}: a non-negative integer or one of the three keywords.
 *
 * @example
 * ```ts
 * expectedVersionSchema.parse("no_stream");
 * ```
 */
export const expectedVersionSchema = z.union([z.number().int().min(0), z.enum(["no_stream", "stream_exists", "any"])]);

/**
 * Checks an expectation against a stream's current version.
 *
 * @param streamId - The stream, for the error message.
 * @param expected - What the caller expects.
 * @param actual - The stream's current version (0 when it does not exist).
 * @throws {@link ConcurrencyError} when the expectation does not hold.
 * @example
 * ```ts
 * assertExpectedVersion("deal-1", 3, 3); // passes
 * assertExpectedVersion("deal-1", "no_stream", 2); // throws ConcurrencyError
 * ```
 */
export function assertExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (!matchesExpectedVersion(expected, actual)) throw new ConcurrencyError(streamId, expected, actual);
}

/**
 * Tells whether an expectation holds for a stream's current version.
 *
 * @param expected - What the caller expects.
 * @param actual - The current version (0 when the stream does not exist).
 * @returns `true` when an append may proceed.
 * @example
 * ```ts
 * matchesExpectedVersion("stream_exists", 0); // false
 * ```
 */
export function matchesExpectedVersion(expected: ExpectedVersion, actual: number): boolean {
  if (expected === "any") return true;
  if (expected === "no_stream") return actual === 0;
  if (expected === "stream_exists") return actual > 0;
  return expected === actual;
}
