import { ValidationError, type ValidationIssue } from "../errors/index.ts";
import type { EventEnvelope } from "../events/index.ts";
import type { EventStore } from "../eventStore/eventStore.ts";
import { _forEachBatch } from "../eventStore/readInBatches.ts";
import type { Projection } from "./defineProjection.ts";
import { _deepFreeze } from "./deepFreeze.ts";
import { _applyInPlace, _applyShared, _isFrozenWrite } from "./fold.ts";
import type { ProjectionState } from "./rebuildProjection.ts";

/**
 * What {@link rebuildProjections} returns: the {@link ProjectionState} of each projection, in the order given.
 *
 * @typeParam P - The projections, as a tuple.
 * @example
 * ```ts
 * const [deals, wins]: ProjectionStates<[typeof dealBoard, typeof wonByRep]> = await rebuildProjections(store, [dealBoard, wonByRep]);
 * ```
 */
export type ProjectionStates<P extends readonly Projection<any, any>[]> = {
  readonly [K in keyof P]: ProjectionState<P[K] extends Projection<any, infer S> ? S : never>;
};

const BATCH = 4096;

/**
 * Rebuilds several projections in one pass over a store's log: the events of every type one of them handles are
 * read once, in global order, and each is handed to the projections that handle its type. Every state reflects the
 * same position, the head of the log when the rebuild started, and equals what {@link rebuildProjection} gives for
 * that projection alone.
 *
 * Like `rebuildProjection`, each projection mutates a private state that is deeply frozen once at the end. A
 * projection whose handler writes into frozen event data leaves the pass, and is replayed on its own through immer,
 * which copies on write; the others are not affected. Any other error from a handler rejects the whole rebuild.
 *
 * @param store - The store to read.
 * @param projections - The projections; each gets its own fresh state, even if given twice.
 * @returns Each projection's frozen state and the position it reflects, in the order given.
 * @throws {@link ValidationError} when `projections` is not an array of projections.
 * @example
 * ```ts
 * import { rebuildProjections } from "salesfold";
 * const [board, wins] = await rebuildProjections(store, [dealBoard, wonByRep]);
 * board.position === wins.position; // true: both reflect the same head of the log
 * ```
 */
export async function rebuildProjections<const P extends readonly Projection<any, any>[]>(
  store: EventStore<any>,
  projections: P,
): Promise<ProjectionStates<P>> {
  checkProjections(projections);
  const head = await store.lastPosition();
  const states = projections.map((p) => p.initialState());
  const types = [...new Set(projections.flatMap((p) => p.types))];
  const failed = new Set<number>();
  if (types.length > 0) {
    const pass = createPass(projections, states, failed);
    await _forEachBatch(store.readAll({ types }), head, BATCH, pass);
  }
  const results: ProjectionState<unknown>[] = states.map((state, i) => ({
    state: failed.has(i) ? undefined : _deepFreeze(state),
    position: head,
  }));
  for (const i of failed) {
    // A handler wrote into frozen event data: replay this projection through immer, which copies on write.
    const projection = projections[i]!;
    let state: unknown = _deepFreeze(projection.initialState());
    await _forEachBatch(store.readAll({ types: projection.types }), head, BATCH, (batch) => {
      state = _applyShared(projection, state, batch);
    });
    results[i] = { state, position: head };
  }
  return results as unknown as ProjectionStates<P>;
}

/**
 * Applies each batch projection by projection: the events a projection handles are handed to it in order, then to
 * the next projection, so each works on its own state while the batch is at hand. A projection that writes into
 * frozen event data is dropped from the pass; the others go on.
 */
function createPass(
  projections: readonly Projection<any, any>[],
  states: readonly unknown[],
  failed: Set<number>,
): (batch: readonly EventEnvelope[]) => void {
  const handled = new Map<string, number[]>();
  for (const [index, p] of projections.entries()) {
    for (const type of p.types) {
      let indexes = handled.get(type);
      if (indexes === undefined) handled.set(type, (indexes = []));
      indexes.push(index);
    }
  }
  const queues: EventEnvelope[][] = projections.map(() => []);
  return (batch) => {
    for (let i = 0; i < batch.length; i++) {
      const e = batch[i]!;
      const indexes = handled.get(e.type);
      if (indexes !== undefined) for (let j = 0; j < indexes.length; j++) queues[indexes[j]!]!.push(e);
    }
    for (let index = 0; index < queues.length; index++) {
      const queue = queues[index]!;
      if (queue.length === 0) continue;
      if (!failed.has(index)) {
        try {
          _applyInPlace(projections[index]!, states[index], queue);
        } catch (error) {
          if (!_isFrozenWrite(error)) throw error;
          failed.add(index);
        }
      }
      queue.length = 0;
    }
  };
}

function checkProjections(projections: unknown): void {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(projections)) {
    issues.push({ code: "invalid_type", path: ["projections"], message: "projections is an array of projections" });
  } else {
    for (const [i, p] of projections.entries()) {
      const ok =
        typeof p === "object" &&
        p !== null &&
        typeof (p as Projection<any, any>).initialState === "function" &&
        Array.isArray((p as Projection<any, any>).types) &&
        typeof (p as Projection<any, any>).handlers === "object";
      if (!ok) issues.push({ code: "invalid_type", path: ["projections", i], message: "expected a projection" });
    }
  }
  if (issues.length > 0) throw new ValidationError("rebuildProjections", issues);
}
