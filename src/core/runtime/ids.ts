import { urlAlphabet } from "nanoid";

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

const ID_LENGTH = 21;
let alphabetCodes: Uint8Array | undefined;
const codes: number[] = new Array(ID_LENGTH).fill(0);

/**
 * The default id generator: 21-character URL-safe nanoids (nanoid's alphabet, 126 random bits) from Web Crypto. Each
 * id is built as one flat string, which keeps stored ids at 40 bytes of heap (string concatenation would leave a
 * chain of rope nodes behind every id).
 *
 * @returns A new random id.
 * @example
 * ```ts
 * import { randomId } from "salesfold";
 * randomId(); // e.g. "V1StGXR8_Z5jdHi6B-myT"
 * ```
 */
export const randomId: IdGenerator = () => {
  if (alphabetCodes === undefined) {
    alphabetCodes = new Uint8Array(64);
    for (let i = 0; i < 64; i++) alphabetCodes[i] = urlAlphabet.charCodeAt(i);
  }
  const bytes = pooledRandomBytes(ID_LENGTH);
  for (let i = 0; i < ID_LENGTH; i++) codes[i] = alphabetCodes[bytes[i]! & 63]!;
  return String.fromCharCode.apply(null, codes);
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
