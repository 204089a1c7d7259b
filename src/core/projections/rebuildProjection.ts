import { freeze } from "immer";
import type { AnyEvent, EventEnvelope } from "../events/index.ts";
import type { EventStore } from "../eventStore/eventStore.ts";
import type { Projection } from "./defineProjection.ts";
import { _applyInPlace, _applyShared, _isFrozenWrite } from "./fold.ts";

/**
 * The state of a projection at a position of the log.
 *
 * @example
 * ```ts
 * const { state, position }: ProjectionState<{ won: number }> = await rebuildProjection(store, wins);
 * ```
 */
export interface ProjectionState<S> {
  /** The frozen state. */
  readonly state: S;
  /** The global position the state includes every event up to. */
  readonly position: number;
}

const BATCH = 10_000;

/**
 * Rebuilds a projection from a store's whole log (only the event types it handles are read), up to the position
 * the log had when the rebuild started.
 *
 * @param store - The store to read.
 * @param projection - The projection.
 * @returns The frozen state and the position it reflects.
 * @example
 * ```ts
 * import { rebuildProjection } from "salesfold";
 * const { state, position } = await rebuildProjection(store, wonByRep);
 * ```
 */
export async function rebuildProjection<E extends AnyEvent, S>(
  store: EventStore<any>,
  projection: Projection<E, S>,
): Promise<ProjectionState<S>> {
  const head = await store.lastPosition();
  if (projection.types.length === 0) return { state: freeze(projection.initialState(), true), position: head };
  try {
    const state = projection.initialState();
    await forEachBatch(store, projection, head, (batch) => _applyInPlace(projection, state, batch));
    return { state: freeze(state, true), position: head };
  } catch (error) {
    if (!_isFrozenWrite(error)) throw error;
    // A handler wrote into frozen event data: replay through immer, which copies on write.
    let state = freeze(projection.initialState(), true);
    await forEachBatch(store, projection, head, (batch) => {
      state = _applyShared(projection, state, batch);
    });
    return { state, position: head };
  }
}

async function forEachBatch(
  store: EventStore<any>,
  projection: Projection<any, any>,
  head: number,
  apply: (batch: readonly EventEnvelope[]) => void,
): Promise<void> {
  let batch: EventEnvelope[] = [];
  for await (const e of store.readAll({ types: projection.types })) {
    if (e.globalPosition > head) break;
    batch.push(e);
    if (batch.length === BATCH) {
      apply(batch);
      batch = [];
    }
  }
  if (batch.length > 0) apply(batch);
}
