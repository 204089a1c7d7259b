import type { AnyEvent } from "../events/index.ts";
import type { EventStore } from "../eventStore/eventStore.ts";
import type { Projection } from "./defineProjection.ts";
import { rebuildProjections } from "./rebuildProjections.ts";

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

/**
 * Rebuilds a projection from a store's whole log (only the event types it handles are read), up to the position
 * the log had when the rebuild started. To rebuild several projections, {@link rebuildProjections} reads the log
 * once for all of them.
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
  const [rebuilt] = await rebuildProjections(store, [projection]);
  return rebuilt;
}
