import { freeze } from "immer";
import type { AnyEvent, EventEnvelope } from "../events/index.ts";
import type { InlineHook } from "../eventStore/inlineHook.ts";
import type { Projection } from "./defineProjection.ts";
import { _applyShared } from "./fold.ts";
import type { ProjectionState } from "./rebuildProjection.ts";

/**
 * A projection kept current inside a store's appends: pass it in the store's `inline` option, then read `state`.
 * It is never behind the log, and a handler that throws fails the append, so nothing is written.
 *
 * @typeParam S - The projection's state.
 * @example
 * ```ts
 * const wins = inlineProjection(wonByRep);
 * const store = createInMemoryEventStore({ catalog, inline: [wins] });
 * await store.append("deal-1", [won], { expectedVersion: "no_stream" });
 * wins.state; // includes the win
 * ```
 */
export interface InlineProjection<S> extends InlineHook {
  /** The projection's name. */
  readonly name: string;
  /** The current, frozen state. */
  readonly state: S;
  /** The global position of the last event applied. */
  readonly position: number;
}

/**
 * Wraps a projection so that a store updates it inside every append.
 *
 * @param projection - The projection.
 * @param from - Where to start, such as the result of `rebuildProjection` for a store that already has events.
 * @returns An {@link InlineProjection} to pass in a store's `inline` option.
 * @example
 * ```ts
 * const live = inlineProjection(wonByRep, await rebuildProjection(store, wonByRep));
 * ```
 */
export function inlineProjection<E extends AnyEvent, S>(
  projection: Projection<E, S>,
  from?: ProjectionState<S>,
): InlineProjection<S> {
  let state: S = from ? from.state : freeze(projection.initialState(), true);
  let position = from ? from.position : 0;
  const types = new Set(projection.types);
  return {
    name: projection.name,
    get state() {
      return state;
    },
    get position() {
      return position;
    },
    stage(events: readonly EventEnvelope[]) {
      const last = events.length > 0 ? events[events.length - 1]!.globalPosition : position;
      const relevant = events.filter((e) => types.has(e.type));
      const next = relevant.length === 0 ? state : _applyShared(projection, state, relevant);
      return () => {
        state = next;
        position = last;
      };
    },
  };
}
