import type { AnyEvent } from "../events/index.ts";
import type { EventStore } from "../eventStore/eventStore.ts";
import type { Decider } from "./decider.ts";

/**
 * Reads a stream and folds it into a state.
 *
 * @param store - The store.
 * @param streamId - The stream.
 * @param decider - Anything with `initialState` and `evolve`.
 * @returns The state, the stream's version, and whether it exists.
 * @example
 * ```ts
 * const { state, version } = await aggregateStream(store, "deal-1", dealDecider);
 * ```
 */
export async function aggregateStream<E extends AnyEvent, S>(
  store: EventStore<any>,
  streamId: string,
  decider: Pick<Decider<unknown, E, S>, "initialState" | "evolve">,
): Promise<{ readonly state: S; readonly version: number; readonly exists: boolean }> {
  const { events, currentVersion, exists } = await store.readStream(streamId);
  let state = decider.initialState();
  for (let i = 0; i < events.length; i++) state = decider.evolve(state, events[i] as unknown as E);
  return { state, version: currentVersion, exists };
}
