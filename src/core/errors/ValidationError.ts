import { _hasCode, SalesfoldError } from "./SalesfoldError.ts";

/**
 * One problem found in an input. zod's issues have this shape, and salesfold's own checks produce it too.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { code: "too_small", path: ["lines", 0, "amount"], message: "must be positive" };
 * ```
 */
export interface ValidationIssue {
  /** A snake_case code: zod's (`invalid_type`, `too_small`, …) or salesfold's (`unknown_event_type`, …). */
  readonly code: string;
  /** Where in the input the problem is. */
  readonly path: readonly PropertyKey[];
  /** A sentence for a person. */
  readonly message: string;
}

/**
 * Formats a path as `events[0].data.amount`.
 *
 * @param path - The path of an issue.
 * @returns The path in dotted form, or `(root)` for an empty path.
 * @example
 * ```ts
 * formatPath(["events", 0, "data"]); // "events[0].data"
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * Thrown when an input fails validation: a command, an appended event, a row read back, a plan, a file. Nothing has
 * been written when it is thrown. `issues` lists every problem; `path` is the first one's.
 *
 * @example
 * ```ts
 * import { isValidationError } from "salesfold";
 * try { await store.append("s-1", [{ type: "DealWon", data: { amount: "12" } }], { expectedVersion: "any" }); }
 * catch (error) { if (isValidationError(error)) console.log(error.path, error.issues); }
 * ```
 */
export class ValidationError extends SalesfoldError {
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];
  /** The path of the first problem. */
  readonly path: readonly PropertyKey[];
  /** The API that rejected the input, such as `EventStore.append`. */
  readonly api: string;

  /**
   * Creates a validation error.
   *
   * @param api - The API that rejected the input.
   * @param issues - The problems found; at least one.
   */
  constructor(api: string, issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    const message = first
      ? `${api}: invalid input at ${formatPath(first.path)}: ${first.message}${more}`
      : `${api}: invalid input`;
    super("validation_failed", message);
    this.name = "ValidationError";
    this.api = api;
    this.issues = issues;
    this.path = first?.path ?? [];
  }
}

/**
 * Tells whether a value is a {@link ValidationError}, from any copy or build of salesfold.
 *
 * @param value - Anything caught.
 * @returns `true` for a salesfold error with code `validation_failed`.
 * @example
 * ```ts
 * if (isValidationError(error)) console.error(error.issues);
 * ```
 */
export function isValidationError(value: unknown): value is ValidationError {
  return _hasCode(value, "validation_failed");
}
