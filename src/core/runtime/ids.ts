import { nanoid } from "nanoid";

/**
 * Where ids come from. The domain never calls a random generator: the command handler and the stores ask an
 * `IdGenerator`, and tests give them a sequential one.
 *
 * @example
 * ```ts
 * import { sequentialIds } from "salesfold";
 * const ids: IdGenerator = sequentialIds("evt");
 * ids(); // "evt-000001"
 * ```
 */
export type IdGenerator = () => string;

/**
 * The default id generator: 21-character URL-safe nanoids.
 *
 * @returns A new random id.
 * @example
 * ```ts
 * import { randomId } from "salesfold";
 * randomId(); // e.g. "V1StGXR8_Z5jdHi6B-myT"
 * ```
 */
export const randomId: IdGenerator = () => nanoid();

/**
 * A deterministic id generator for tests and examples: `prefix-000001`, `prefix-000002`, …
 *
 * @param prefix - Put before the counter.
 * @returns A generator whose ids sort in creation order.
 * @example
 * ```ts
 * const ids = sequentialIds("deal");
 * ids(); // "deal-000001"
 * ```
 */
export function sequentialIds(prefix = "id"): IdGenerator {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}-${String(n).padStart(6, "0")}`;
  };
}
