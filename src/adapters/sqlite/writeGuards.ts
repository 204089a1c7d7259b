import type { Clock } from "../../core/runtime/clock.ts";
import { SalesfoldError, ValidationError } from "../../core/errors/index.ts";

// What the SQLite store checks or maps at the edge of a write: text SQLite cannot store exactly, the clock's instant,
// and the lock timeout of another connection.

// A lone UTF-16 surrogate cannot be stored as SQLite text: it would become U+FFFD, and two distinct ids would
// collide. With the `u` flag this matches only unpaired surrogates.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * @internal Rejects ids SQLite cannot store exactly. Every API that takes a stream id calls it, so a read can never
 * reach another stream's events through a lossy conversion.
 */
export function assertStorableText(api: string, field: string, value: string): void {
  if (LONE_SURROGATE.test(value)) {
    throw new ValidationError(api, [
      {
        code: "invalid_unicode",
        path: [field],
        message: `${field} holds an unpaired UTF-16 surrogate, which SQLite text cannot store exactly`,
      },
    ]);
  }
}

/** @internal Maps SQLite's lock timeout to a salesfold error that names the API. */
export function busyError(api: string, error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) {
    return new SalesfoldError(
      "invalid_state",
      `${api}: another connection held the database's write lock past busyTimeoutMs (${code}); nothing was written`,
      { cause: error },
    );
  }
  return error;
}

const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * @internal The clock's instant in the canonical form rows are read back in, so an append's result equals a later
 * read.
 */
export function isoNow(api: string, clock: Clock): string {
  const now = clock.now();
  if (typeof now === "string" && CANONICAL_ISO.test(now)) return now;
  const ms = typeof now === "string" ? Date.parse(now) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new SalesfoldError("invalid_state", `${api}: the clock returned ${JSON.stringify(now)}, not an ISO instant`);
  }
  return new Date(ms).toISOString();
}
