import { _hasCode, SalesfoldError } from "./SalesfoldError.ts";

/**
 * Thrown when an append's expected version does not match the stream. Nothing has been written. The command handler
 * retries these a bounded number of times before it lets one through.
 *
 * @example
 * ```ts
 * import { isConcurrencyError } from "salesfold";
 * try { await store.append("deal-1", events, { expectedVersion: 4 }); }
 * catch (error) { if (isConcurrencyError(error)) console.log(error.expected, error.actual); }
 * ```
 */
export class ConcurrencyError extends SalesfoldError {
  /** The stream that was appended to. */
  readonly streamId: string;
  /** The expectation the caller gave: a version, `no_stream`, `stream_exists` or `any`. */
  readonly expected: number | "no_stream" | "stream_exists" | "any";
  /** The stream's version when the append was tried: 0 when the stream does not exist. */
  readonly actual: number;

  /**
   * Creates a concurrency error.
   *
   * @param streamId - The stream appended to.
   * @param expected - The expected version given.
   * @param actual - The version found.
   */
  constructor(streamId: string, expected: number | "no_stream" | "stream_exists" | "any", actual: number) {
    super(
      "concurrency_conflict",
      `EventStore.append: stream ${JSON.stringify(streamId)} is at version ${actual}, expected ${typeof expected === "number" ? `version ${expected}` : expected}`,
    );
    this.name = "ConcurrencyError";
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * Tells whether a value is a {@link ConcurrencyError}, from any copy or build of salesfold.
 *
 * @param value - Anything caught.
 * @returns `true` for a salesfold error with code `concurrency_conflict`.
 * @example
 * ```ts
 * if (isConcurrencyError(error)) await retry();
 * ```
 */
export function isConcurrencyError(value: unknown): value is ConcurrencyError {
  return _hasCode(value, "concurrency_conflict");
}
