import type { EventEnvelope } from "../events/index.ts";

/**
 * A read model that a store updates inside its append, so that it is never behind the log. `stage` computes the
 * update without publishing it and returns the function that publishes it; the store calls it only once the events
 * are durably written. If `stage` throws, the append fails and nothing is written.
 * `inlineProjection` builds one from a projection definition.
 *
 * @example
 * ```ts
 * const hook: InlineHook = { stage: (events) => { const next = fold(current, events); return () => { current = next; }; } };
 * ```
 */
export interface InlineHook {
  /** Computes the update for a batch just validated and positioned, and returns how to publish it. */
  stage(events: readonly EventEnvelope[]): () => void;
}
