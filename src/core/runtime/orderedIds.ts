import { type IdGenerator, randomId } from "./ids.ts";

// nanoid's 64 characters in byte order, so that a counter written with them sorts like the number it counts.
const DIGITS = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const PREFIX = 12;
const COUNTER = 6;
const TAIL = 3;
const LENGTH = PREFIX + COUNTER + TAIL;
const WRAP = 64 ** COUNTER;

/**
 * Creates a generator of ids that sort in the order it made them: 21 characters of nanoid's alphabet, like
 * {@link randomId}, made of a random 12-character prefix drawn by the generator, a 6-character counter and 3 random
 * characters. It reads no clock.
 *
 * The ids of one generator land next to each other in a store's event-id index (a B-tree) instead of on a random
 * page each, so appending them dirties one or two index pages per batch rather than one per event. The command
 * handler uses one for event ids by default; the PostgreSQL store uses one per handle for the ids it makes.
 *
 * The prefix (72 random bits, drawn again after 64^6 ids) keeps generators apart, and the 3 random characters make
 * the next id hard to guess; for ids that must not reveal their order at all, use {@link randomId}. Each id is built
 * as one flat string, as `randomId` does.
 *
 * @returns A new generator.
 * @example
 * ```ts
 * import { orderedIds } from "salesfold";
 * const ids = orderedIds();
 * const a = ids();
 * const b = ids();
 * a < b; // true: ids of one generator sort in creation order
 * ```
 */
export function orderedIds(): IdGenerator {
  const codes: number[] = new Array(LENGTH).fill(0);
  let count = WRAP;
  let spare = "";
  let used = 0;
  return () => {
    if (count === WRAP) {
      const prefix = randomId();
      for (let i = 0; i < PREFIX; i++) codes[i] = prefix.charCodeAt(i);
      count = 0;
    }
    let n = count++;
    for (let i = PREFIX + COUNTER - 1; i >= PREFIX; i--) {
      codes[i] = DIGITS.charCodeAt(n % 64);
      n = Math.floor(n / 64);
    }
    if (used + TAIL > spare.length) {
      spare = randomId();
      used = 0;
    }
    for (let i = 0; i < TAIL; i++) codes[PREFIX + COUNTER + i] = spare.charCodeAt(used++);
    return String.fromCharCode.apply(null, codes);
  };
}
