import type { Draft } from "immer";
import {
  type AnyEvent,
  defineProjection,
  type EventCatalog,
  type EventEnvelope,
  type Projection,
  ValidationError,
} from "../core/index.ts";

/**
 * The state of a projection used by a composed projection.
 *
 * @example
 * ```ts
 * type Pipe = StateOf<typeof pipeline>; // PipelineState
 * ```
 */
export type StateOf<P> = P extends Projection<any, infer S> ? S : never;

type EventsOfUses<U> = { [K in keyof U]: U[K] extends Projection<infer E, any> ? E : never }[keyof U];

/**
 * The state of a composed projection: its own state, and the state of each projection it uses, at the same position.
 *
 * @example
 * ```ts
 * const { own, uses } = fold(coverage, events);
 * uses.pipeline.byOwner;
 * ```
 */
export interface ComposedState<S, U extends Record<string, Projection<any, any>>> {
  /** The composed projection's own state. */
  readonly own: S;
  /** The state of every used projection, by the key given in `uses`. */
  readonly uses: { readonly [K in keyof U]: StateOf<U[K]> };
}

/**
 * The handlers of a composed projection: like `defineProjection`'s, with a third argument, the used projections'
 * states after they have applied the same event.
 *
 * @example
 * ```ts
 * const handlers: ComposedHandlers<DealEvent, { n: number }, { pipeline: typeof pipeline }> = {
 *   DealWon: (draft, event, uses) => { draft.n = Object.keys(uses.pipeline.deals).length; },
 * };
 * ```
 */
export type ComposedHandlers<E extends AnyEvent, S, U extends Record<string, Projection<any, any>>> = {
  readonly [K in E["type"]]?: (
    draft: Draft<S>,
    event: EventEnvelope<Extract<E, { type: K }>>,
    uses: ComposedState<S, U>["uses"],
  ) => void;
};

/**
 * The definition of a composed projection.
 *
 * @example
 * ```ts
 * const definition: ComposedProjectionDefinition<DealEvent, { n: number }, { pipeline: typeof pipeline }> = {
 *   name: "n", uses: { pipeline }, events: dealEvents, initialState: () => ({ n: 0 }), handlers: {},
 * };
 * ```
 */
export interface ComposedProjectionDefinition<E extends AnyEvent, S, U extends Record<string, Projection<any, any>>> {
  /** A stable name. */
  readonly name: string;
  /** The version of the handlers; bump it when they, or a used projection, change meaning. 1 by default. */
  readonly version?: number;
  /** The projections whose state the handlers read, by a key of your choice. */
  readonly uses: U;
  /** The catalog that types the own handlers. */
  readonly events?: EventCatalog<E>;
  /** The own state before any event: a fresh object on every call. */
  readonly initialState: () => S;
  /** The own handlers, with the used states as a third argument. */
  readonly handlers: ComposedHandlers<E, S, U>;
}

type AnyHandler = (draft: unknown, event: EventEnvelope, uses?: unknown) => void;

/**
 * Composes projections so that one reads the state of others at the same position, in a single pass over the
 * events. For every event, each used projection applies it first (in the order of `uses`), then the own handler
 * runs with those states. The result is an ordinary projection (`fold`, `rebuildProjection`, `inlineProjection`
 * and the runners take it), whose state is `{ own, uses }` and whose event types are the union of all of them.
 * The used projections' states are computed inside the composite: it does not share state with another copy of
 * the same projection.
 *
 * @param definition - The name, the used projections, the own initial state and the own handlers.
 * @returns A projection over the union of the event types.
 * @throws {@link ValidationError} for an invalid definition, a `uses` entry that is not a projection, or an own
 * handler whose type is not in `events`.
 * @example
 * ```ts
 * import { fold } from "salesfold";
 * import { pipeline } from "salesfold/analytics";
 * import { dealEvents } from "salesfold/deals";
 * import { composeProjections } from "salesfold/sales";
 * const openAfterWin = composeProjections({
 *   name: "openAfterWin",
 *   uses: { pipeline },
 *   events: dealEvents,
 *   initialState: () => ({ openWhenWon: [] as number[] }),
 *   handlers: {
 *     DealWon: (draft, _event, uses) => { draft.openWhenWon.push(Object.keys(uses.pipeline.deals).length); },
 *   },
 * });
 * fold(openAfterWin, events).own.openWhenWon;
 * ```
 */
export function composeProjections<E extends AnyEvent, S, const U extends Record<string, Projection<any, any>>>(
  definition: ComposedProjectionDefinition<E, S, U>,
): Projection<E | EventsOfUses<U>, ComposedState<S, U>> {
  const uses = definition?.uses;
  const entries = Object.entries(uses ?? {});
  const bad = entries.filter(([, p]) => typeof p?.initialState !== "function" || typeof p?.handlers !== "object");
  if (typeof uses !== "object" || uses === null || bad.length > 0) {
    throw new ValidationError(`composeProjections(${JSON.stringify(definition?.name)})`, [
      ...(typeof uses !== "object" || uses === null
        ? [{ code: "invalid_type", path: ["uses"], message: "uses is an object of projections" }]
        : []),
      ...bad.map(([key]) => ({ code: "invalid_type", path: ["uses", key], message: `${key} is not a projection` })),
    ]);
  }
  // Validates the own part (name, version, initial state, handler types against the catalog).
  const own = defineProjection<E, S>({
    name: definition.name,
    ...(definition.version === undefined ? {} : { version: definition.version }),
    ...(definition.events === undefined ? {} : { events: definition.events }),
    initialState: definition.initialState,
    handlers: definition.handlers as never,
  });
  const ownHandlers = own.handlers as Record<string, AnyHandler | undefined>;
  const types = new Set<string>(own.types);
  for (const [, p] of entries) for (const t of p.types) types.add(t);
  const handlers: Record<string, AnyHandler> = {};
  for (const type of types) {
    const steps = entries
      .map(([key, p]) => [key, (p.handlers as Record<string, AnyHandler | undefined>)[type]] as const)
      .filter((s): s is readonly [string, AnyHandler] => s[1] !== undefined);
    const ownHandler = ownHandlers[type];
    handlers[type] = (draft, event) => {
      const d = draft as { own: unknown; uses: Record<string, unknown> };
      for (const [key, h] of steps) h(d.uses[key], event);
      ownHandler?.(d.own, event, d.uses);
    };
  }
  return defineProjection<any, ComposedState<S, U>>({
    name: own.name,
    version: own.version,
    initialState: () => {
      const used: Record<string, unknown> = {};
      for (const [key, p] of entries) used[key] = p.initialState();
      return { own: definition.initialState(), uses: used } as ComposedState<S, U>;
    },
    handlers: handlers as never,
  });
}
