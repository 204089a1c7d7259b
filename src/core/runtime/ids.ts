import { customRandom, urlAlphabet } from "nanoid";

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

// Web Crypto (global in Node 20, browsers and edge runtimes) fills a pool of random bytes; ids take slices of it,
// so one system call serves hundreds of ids.
const POOL_SIZE = 4096;
let pool: Uint8Array | undefined;
let offset = POOL_SIZE;

function pooledRandomBytes(size: number): Uint8Array {
  if (pool === undefined || offset + size > POOL_SIZE) {
    pool = new Uint8Array(POOL_SIZE);
    globalThis.crypto.getRandomValues(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + size);
  offset += size;
  return bytes;
}

let generate: ((size?: number) => string) | undefined;

/**
 * The default id generator: 21-character URL-safe nanoids (126 random bits) from Web Crypto.
 *
 * @returns A new random id.
 * @example
 * ```ts
 * import { randomId } from "salesfold";
 * randomId(); // e.g. "V1StGXR8_Z5jdHi6B-myT"
 * ```
 */
export const randomId: IdGenerator = () => {
  generate ??= customRandom(urlAlphabet, 21, pooledRandomBytes);
  return generate();
};

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
