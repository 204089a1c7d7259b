import type { EventEnvelope } from "../events/index.ts";

/**
 * @internal The key under which a `readAll` result may also offer its events as synchronous batches. The in-memory
 * store sets it, so that rebuilds read its log without one asynchronous step per event; other stores need not.
 */
export const _batchesKey: unique symbol = Symbol("salesfold.readAll.batches");

/**
 * @internal A `readAll` result that can also hand out the same events, in the same order, as arrays.
 */
export interface _BatchedReadAll {
  /**
   * The events of the read, at most `size` per batch, up to global position `until` (inclusive).
   */
  [_batchesKey](until: number, size: number): Iterable<readonly EventEnvelope[]>;
}

function hasBatches(read: AsyncIterable<EventEnvelope>): read is AsyncIterable<EventEnvelope> & _BatchedReadAll {
  return typeof (read as Partial<_BatchedReadAll>)[_batchesKey] === "function";
}

/**
 * @internal Hands the events of a `readAll` result up to `until` (inclusive) to `apply`, in batches of at most
 * `size`: synchronously when the store offers batches, else through the asynchronous iterator.
 */
export async function _forEachBatch(
  read: AsyncIterable<EventEnvelope>,
  until: number,
  size: number,
  apply: (batch: readonly EventEnvelope[]) => void,
): Promise<void> {
  if (hasBatches(read)) {
    for (const batch of read[_batchesKey](until, size)) apply(batch);
    return;
  }
  let batch: EventEnvelope[] = [];
  for await (const e of read) {
    if (e.globalPosition > until) break;
    batch.push(e);
    if (batch.length === size) {
      apply(batch);
      batch = [];
    }
  }
  if (batch.length > 0) apply(batch);
}
