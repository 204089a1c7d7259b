import { enableMapSet, produce } from "immer";
import type { AnyEvent, EventEnvelope } from "../events/index.ts";
import type { Projection } from "./defineProjection.ts";
import { _deepFreeze } from "./deepFreeze.ts";

type AnyHandler = (draft: unknown, event: EventEnvelope) => void;

let mapSetEnabled = false;
function ensureMapSet(): void {
  if (!mapSetEnabled) {
    enableMapSet();
    mapSetEnabled = true;
  }
}

/** @internal Applies events to a state the caller owns, mutating it in place. */
export function _applyInPlace(
  projection: Projection<any, any>,
  state: unknown,
  events: readonly EventEnvelope[],
): void {
  const handlers = projection.handlers as Record<string, AnyHandler | undefined>;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const h = handlers[e.type];
    if (h !== undefined) h(state, e);
  }
}

/** @internal Applies events to a shared, frozen state through one immer produce: the old state is untouched. */
export function _applyShared<S>(projection: Projection<any, S>, state: S, events: readonly EventEnvelope[]): S {
  ensureMapSet();
  try {
    return produce(state, (draft) => {
      _applyInPlace(projection, draft, events);
    }) as S;
  } catch (error) {
    if (events.length < 2 || !_isFrozenWrite(error)) throw error;
    // A handler wrote into frozen event data that an earlier event of the batch put in the state: immer drafts only
    // what was in the base state, so apply the batch again one event per produce.
    let next = state;
    for (const e of events) next = produce(next, (draft) => _applyInPlace(projection, draft, [e])) as S;
    return next;
  }
}

/** @internal Whether an error comes from writing to frozen data, which the immer path handles. */
export function _isFrozenWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /read.only|not extensible|frozen|Cannot (assign|add|delete|define)/i.test(error.message)
  );
}

/**
 * Folds events into a projection's state. From scratch (no `state` given), the handlers mutate a private state that
 * is deeply frozen once at the end; from an existing state, the batch runs inside one immer `produce`, leaving the
 * given state untouched. The result is frozen either way.
 *
 * @param projection - The projection.
 * @param events - Events in global order.
 * @param state - The state to continue from; omitted, the fold starts from `initialState()`.
 * @returns The new, frozen state.
 * @example
 * ```ts
 * import { fold } from "salesfold";
 * const first = fold(wonByRep, firstEvents);
 * const next = fold(wonByRep, moreEvents, first); // `first` is unchanged
 * ```
 */
export function fold<E extends AnyEvent, S>(
  projection: Projection<E, S>,
  events: readonly EventEnvelope<E>[],
  state?: S,
): S {
  const list = events as readonly EventEnvelope[];
  if (state !== undefined) return _applyShared(projection, state, list);
  const fresh = projection.initialState();
  try {
    _applyInPlace(projection, fresh, list);
    return _deepFreeze(fresh);
  } catch (error) {
    if (!_isFrozenWrite(error)) throw error;
    return _applyShared(projection, _deepFreeze(projection.initialState()), list);
  }
}
