import { type IdGenerator, randomId } from "../../core/runtime/ids.ts";

// nanoid's 64 characters in byte order, so that a counter written with them sorts like the number it counts.
const DIGITS = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const PREFIX = 12;
const COUNTER = 6;
const TAIL = 3;
const LENGTH = PREFIX + COUNTER + TAIL;
const WRAP = 64 ** COUNTER;

/**
 * @internal The PostgreSQL store's default event ids: 21 characters of nanoid's alphabet, like `randomId`, made of
 * a random 12-character prefix drawn by each generator, a 6-character counter and 3 random characters. The ids of
 * one store handle sort together and in creation order, so a batch's ids land next to each other in the event-id
 * index instead of on a random index page each, which makes the index several times cheaper to grow. The prefix
 * (72 random bits, drawn again after 64^6 ids) keeps generators apart; the unique index refuses a duplicate anyway.
 * Each id is built as one flat string, as `randomId` does.
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
