import { _hasCode, SalesfoldError } from "./SalesfoldError.ts";

/**
 * Thrown when an append reuses an event id that is already stored with different content, or in another stream or
 * position. Re-appending the very same events is not an error: it returns the original result.
 *
 * @example
 * ```ts
 * import { isIdempotencyConflictError } from "salesfold";
 * if (isIdempotencyConflictError(error)) console.log(error.eventId);
 * ```
 */
export class IdempotencyConflictError extends SalesfoldError {
  /** The event id that was reused. */
  readonly eventId: string;

  /**
   * Creates an idempotency conflict.
   *
   * @param eventId - The reused event id.
   * @param detail - What differs.
   */
  constructor(eventId: string, detail: string) {
    super("idempotency_conflict", `EventStore.append: event id ${JSON.stringify(eventId)} is already stored ${detail}`);
    this.name = "IdempotencyConflictError";
    this.eventId = eventId;
  }
}

/**
 * Tells whether a value is an {@link IdempotencyConflictError}.
 *
 * @param value - Anything caught.
 * @returns `true` for a salesfold error with code `idempotency_conflict`.
 * @example
 * ```ts
 * if (isIdempotencyConflictError(error)) alert(`duplicate id ${error.eventId}`);
 * ```
 */
export function isIdempotencyConflictError(value: unknown): value is IdempotencyConflictError {
  return _hasCode(value, "idempotency_conflict");
}
