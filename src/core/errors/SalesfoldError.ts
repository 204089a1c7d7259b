/**
 * The brand that marks every error thrown by salesfold. It is a registered symbol, so errors from the ESM and the CJS
 * build (or from two installed copies) are recognised alike, where `instanceof` would fail.
 */
const BRAND: unique symbol = Symbol.for("salesfold.error") as never;

/**
 * Every stable error code salesfold throws. Codes are snake_case and never change meaning; new codes may be added.
 *
 * @example
 * ```ts
 * import { isSalesfoldError } from "salesfold";
 * try { await store.append("deal-1", events, { expectedVersion: 3 }); }
 * catch (error) { if (isSalesfoldError(error) && error.code === "concurrency_conflict") { retry(); } }
 * ```
 */
export type SalesfoldErrorCode =
  | "validation_failed"
  | "concurrency_conflict"
  | "idempotency_conflict"
  | "domain_rule_violated"
  | "not_found"
  | "currency_mismatch"
  | "arithmetic_overflow"
  | "invalid_state";

/**
 * The base class of every salesfold error. Recognise it with {@link isSalesfoldError}, and branch on its `code`.
 *
 * @example
 * ```ts
 * import { SalesfoldError } from "salesfold";
 * const error = new SalesfoldError("invalid_state", "ProjectionRunner.start: the runner is already running");
 * error.code; // "invalid_state"
 * ```
 */
export class SalesfoldError extends Error {
  /** The stable, machine-readable error code. */
  readonly code: SalesfoldErrorCode;
  /** @internal The brand used by {@link isSalesfoldError}. */
  readonly [BRAND] = true;

  /**
   * Creates an error with a stable code and a message that names the API at fault.
   *
   * @param code - The stable error code.
   * @param message - What went wrong, starting with the API's name.
   * @param options - Standard error options, such as the `cause`.
   */
  constructor(code: SalesfoldErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "SalesfoldError";
  }
}

/**
 * Tells whether a value is an error thrown by salesfold, from any copy or build of the package.
 *
 * @param value - Anything caught.
 * @returns `true` when the value carries the salesfold brand.
 * @example
 * ```ts
 * import { isSalesfoldError } from "salesfold";
 * isSalesfoldError(new Error("x")); // false
 * ```
 */
export function isSalesfoldError(value: unknown): value is SalesfoldError {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/** @internal Tells whether a value is a salesfold error with the given code. */
export function _hasCode(value: unknown, code: SalesfoldErrorCode): boolean {
  return isSalesfoldError(value) && value.code === code;
}
