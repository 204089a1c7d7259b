import type { IdGenerator } from "../../core/runtime/ids.ts";

// 64 URL-safe characters in ASCII order, so that ids compare in SQLite's BINARY collation as their numbers do.
const ALPHABET = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const TIME_CHARS = 9; // 54 bits of milliseconds: sortable until the year 570,000
const RANDOM_CHARS = 12; // 72 random bits per millisecond
const POOL_SIZE = 4096;

/**
 * @internal The store's default event ids: 21 characters, like nanoids, but a 9-character millisecond timestamp
 * first. The UNIQUE (tenant_id, event_id) index then grows at its right edge, so a batch of 100 events dirties a
 * page or two of it instead of up to 100 random ones: this alone more than doubles batched append throughput.
 */
export function timeOrderedIds(): IdGenerator {
  const pool = new Uint8Array(POOL_SIZE);
  let offset = POOL_SIZE;
  const codes: number[] = new Array(TIME_CHARS + RANDOM_CHARS).fill(0);
  let lastMs = -1;
  return () => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      let t = ms;
      for (let i = TIME_CHARS - 1; i >= 0; i--) {
        codes[i] = ALPHABET.charCodeAt(t % 64);
        t = Math.floor(t / 64);
      }
    }
    if (offset + RANDOM_CHARS > POOL_SIZE) {
      globalThis.crypto.getRandomValues(pool);
      offset = 0;
    }
    for (let i = 0; i < RANDOM_CHARS; i++) codes[TIME_CHARS + i] = ALPHABET.charCodeAt(pool[offset + i]! & 63);
    offset += RANDOM_CHARS;
    return String.fromCharCode.apply(null, codes);
  };
}
