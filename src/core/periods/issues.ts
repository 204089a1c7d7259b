import { ValidationError } from "../errors/index.ts";

/**
 * Builds a {@link ValidationError} with a single issue. Internal to the periods module.
 *
 * @param api - The public function that rejected the input.
 * @param code - The snake_case issue code.
 * @param path - Where in the arguments the problem is.
 * @param message - A sentence for a person.
 * @returns The error, for the caller to throw.
 * @example
 * ```ts
 * throw invalidInput("periodById", "invalid_period_id", ["id"], "expected an id such as 2026-Q3");
 * ```
 */
export function invalidInput(api: string, code: string, path: PropertyKey[], message: string): ValidationError {
  return new ValidationError(api, [{ code, path, message }]);
}
