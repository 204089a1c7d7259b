import { _hasCode, SalesfoldError } from "./SalesfoldError.ts";

/**
 * Thrown when something asked for does not exist: a stream that must exist, a snapshot, a plan.
 *
 * @example
 * ```ts
 * import { NotFoundError } from "salesfold";
 * throw new NotFoundError("stream", "deal-9", "CommandHandler.handle: stream \"deal-9\" does not exist");
 * ```
 */
export class NotFoundError extends SalesfoldError {
  /** What kind of thing was missing, such as `stream`. */
  readonly resource: string;
  /** Its id. */
  readonly id: string;

  /**
   * Creates a not-found error.
   *
   * @param resource - The kind of thing.
   * @param id - Its id.
   * @param message - The message, naming the API.
   */
  constructor(resource: string, id: string, message: string) {
    super("not_found", message);
    this.name = "NotFoundError";
    this.resource = resource;
    this.id = id;
  }
}

/**
 * Tells whether a value is a {@link NotFoundError}.
 *
 * @param value - Anything caught.
 * @returns `true` for a salesfold error with code `not_found`.
 * @example
 * ```ts
 * if (isNotFoundError(error)) return respond(404);
 * ```
 */
export function isNotFoundError(value: unknown): value is NotFoundError {
  return _hasCode(value, "not_found");
}
