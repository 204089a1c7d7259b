import type { AnyEvent } from "../events/index.ts";

/**
 * What a decision may know besides the command and the state: the time, the actor and a source of ids. The command
 * handler fills it in; tests pass a fixed one. `decide` must take time and ids from here, never from the clock or a
 * random generator, so that it stays pure and replayable.
 *
 * @example
 * ```ts
 * const context: DecisionContext = { now: "2026-07-01T09:00:00.000Z", actor: "user:ana", newId: () => "id-1" };
 * ```
 */
export interface DecisionContext {
  /** The instant of the decision, ISO-8601 UTC. */
  readonly now: string;
  /** Who issued the command, when known. */
  readonly actor: string | undefined;
  /** Returns a fresh id for entities the decision creates. */
  readonly newId: () => string;
}

/**
 * Domain logic as three pure functions: the state before any event, how an event changes the state, and which
 * events a command produces in a state. `decide` throws a {@link DomainRuleError} to refuse a command.
 *
 * @typeParam C - The command union.
 * @typeParam E - The event union.
 * @typeParam S - The state.
 * @example
 * ```ts
 * const counter: Decider<{ type: "Add"; data: { n: number } }, { type: "Added"; data: { n: number } }, number> = {
 *   name: "counter",
 *   initialState: () => 0,
 *   evolve: (state, event) => state + event.data.n,
 *   decide: (command) => [{ type: "Added", data: { n: command.data.n } }],
 * };
 * ```
 */
export interface Decider<C, E extends AnyEvent, S> {
  /** A name for messages and snapshots. */
  readonly name: string;
  /**
   * The version of `evolve` and of the state's shape. Snapshots taken under another version are ignored, so bump
   * it whenever a change would make an old snapshot wrong.
   */
  readonly version?: string;
  /** The state of a stream with no events. Called once per load, so it may return a fresh object. */
  readonly initialState: () => S;
  /** Applies one event to the state. Pure: returns the next state. */
  readonly evolve: (state: S, event: E) => S;
  /** Decides the events a command produces, or throws a {@link DomainRuleError}. Pure. */
  readonly decide: (command: C, state: S, context: DecisionContext) => E | readonly E[];
}

/**
 * Folds events into a decider's state.
 *
 * @param decider - The decider, or anything with `initialState` and `evolve`.
 * @param events - The events, oldest first.
 * @param state - The state to start from; `initialState()` by default.
 * @returns The state after every event.
 * @example
 * ```ts
 * const state = evolveAll(counter, [{ type: "Added", data: { n: 2 } }]); // 2
 * ```
 */
export function evolveAll<E extends AnyEvent, S>(
  decider: Pick<Decider<unknown, E, S>, "initialState" | "evolve">,
  events: Iterable<E>,
  state: S = decider.initialState(),
): S {
  let s = state;
  for (const e of events) s = decider.evolve(s, e);
  return s;
}
