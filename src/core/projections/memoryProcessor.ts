import { freeze } from "immer";
import type { AnyEvent, EventEnvelope } from "../events/index.ts";
import type { Projection } from "./defineProjection.ts";
import { _applyShared } from "./fold.ts";
import type { ProjectionProcessor } from "./projectionRunner.ts";

/**
 * A processor that keeps a projection's state in memory, for {@link createProjectionRunner}. Its checkpoint lives
 * with the state, so after a restart it rebuilds from the start of the log.
 *
 * @typeParam S - The projection's state.
 * @example
 * ```ts
 * const wins = createMemoryProcessor(wonByRep);
 * createProjectionRunner(store, wins);
 * wins.state; // the current, frozen state
 * ```
 */
export interface MemoryProcessor<E extends AnyEvent, S> extends ProjectionProcessor<E> {
  /** The current, frozen state. */
  readonly state: S;
  /** The global position the state includes. */
  readonly position: number;
}

/**
 * Creates an in-memory processor for a projection. Each batch runs in one immer `produce`, so readers of `state`
 * always see a consistent, frozen snapshot.
 *
 * @param projection - The projection.
 * @returns A {@link MemoryProcessor}.
 * @example
 * ```ts
 * import { createMemoryProcessor } from "salesfold";
 * const processor = createMemoryProcessor(wonByRep);
 * ```
 */
export function createMemoryProcessor<E extends AnyEvent, S>(projection: Projection<E, S>): MemoryProcessor<E, S> {
  let state: S = freeze(projection.initialState(), true);
  let position = 0;
  return {
    name: projection.name,
    types: projection.types,
    get state() {
      return state;
    },
    get position() {
      return position;
    },
    checkpoint: async () => position,
    handle: async (events: readonly EventEnvelope<E>[]) => {
      let from = 0;
      while (from < events.length && events[from]!.globalPosition <= position) from++;
      if (from === events.length) return;
      const fresh = from === 0 ? events : events.slice(from);
      state = _applyShared(projection, state, fresh as readonly EventEnvelope[]);
      position = fresh[fresh.length - 1]!.globalPosition;
    },
    reset: async () => {
      state = freeze(projection.initialState(), true);
      position = 0;
    },
  };
}
