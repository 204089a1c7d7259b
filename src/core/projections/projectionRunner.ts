import { SalesfoldError, ValidationError, type ValidationIssue } from "../errors/index.ts";
import type { AnyEvent, EventEnvelope } from "../events/index.ts";
import type { EventStore, Subscription } from "../eventStore/eventStore.ts";

/**
 * What an asynchronous projection runner drives: a read model that knows how far it has got. Adapters provide
 * processors that keep the read model and its checkpoint in the same database and write both in one transaction;
 * {@link createMemoryProcessor} keeps a projection's state in memory.
 *
 * Delivery is at least once: after a crash, events up to the last batch may come again. `handle` must skip events
 * at or below its checkpoint, which makes it idempotent by position.
 *
 * @typeParam E - The event union.
 * @example
 * ```ts
 * const processor: ProjectionProcessor = {
 *   name: "wins",
 *   types: ["DealWon"],
 *   checkpoint: async () => Number(await db.get("checkpoint:wins") ?? 0),
 *   handle: async (events) => db.transaction(async (tx) => { ...; await tx.set("checkpoint:wins", last); }),
 *   reset: async () => db.clear("wins"),
 * };
 * ```
 */
export interface ProjectionProcessor<E extends AnyEvent = AnyEvent> {
  /** A stable name: the key of the checkpoint. */
  readonly name: string;
  /** The event types the read model needs; all when omitted. */
  readonly types?: readonly string[];
  /** The global position up to which the read model is durably up to date; 0 when empty. */
  checkpoint(): Promise<number>;
  /**
   * Applies a batch in global order and durably records the last position as the checkpoint, atomically with the
   * read model where the storage allows. Events at or below the checkpoint must be skipped.
   */
  handle(events: readonly EventEnvelope<E>[]): Promise<void>;
  /** Empties the read model and sets the checkpoint back to 0, for a rebuild. */
  reset(): Promise<void>;
}

/**
 * Options of {@link createProjectionRunner}.
 *
 * @example
 * ```ts
 * const options: ProjectionRunnerOptions = { batchSize: 1000 };
 * ```
 */
export interface ProjectionRunnerOptions {
  /** Events per batch; 500 by default. The next batch waits for the previous one: that is the backpressure. */
  readonly batchSize?: number;
}

/**
 * A running asynchronous projection.
 *
 * @example
 * ```ts
 * const runner = createProjectionRunner(store, processor);
 * await runner.start();
 * await runner.caughtUp(await store.lastPosition());
 * await runner.stop();
 * ```
 */
export interface ProjectionRunner {
  /** The processor's name. */
  readonly name: string;
  /** The position of the last batch handled by this runner, or the checkpoint it started from. */
  readonly position: number;
  /** Whether the runner is running. */
  readonly running: boolean;
  /** Starts catching up from the processor's checkpoint, then follows new events. Resolves once started. */
  start(): Promise<void>;
  /** Resolves once every event up to `position` is handled; rejects if the runner failed or stopped before. */
  caughtUp(position: number | Promise<number>): Promise<void>;
  /** Stops after the batch in flight. The checkpoint stays where the last handled batch left it. */
  stop(): Promise<void>;
  /** Stops, resets the read model, and starts again from position 0. */
  rebuild(): Promise<void>;
  /** Settles when the runner stops: resolves on `stop()`, rejects with the processor's error. */
  readonly done: Promise<void>;
}

/**
 * Runs a projection asynchronously over a store: catch-up from the processor's durable checkpoint, in batches,
 * then live, with at-least-once delivery, a clean stop and a rebuild.
 *
 * @param store - The store to follow.
 * @param processor - The read model and its checkpoint.
 * @param options - The batch size.
 * @returns A stopped runner: call `start()`.
 * @throws {@link ValidationError} for an invalid processor or batch size.
 * @example
 * ```ts
 * import { createMemoryProcessor, createProjectionRunner } from "salesfold";
 * const wins = createMemoryProcessor(wonByRep);
 * const runner = createProjectionRunner(store, wins);
 * await runner.start();
 * ```
 */
export function createProjectionRunner<E extends AnyEvent>(
  store: EventStore<any>,
  processor: ProjectionProcessor<E>,
  options: ProjectionRunnerOptions = {},
): ProjectionRunner {
  const batchSize = options.batchSize ?? 500;
  const issues: ValidationIssue[] = [];
  if (!processor || typeof processor.handle !== "function" || typeof processor.checkpoint !== "function") {
    issues.push({
      code: "invalid_type",
      path: ["processor"],
      message: "a processor has name, checkpoint, handle and reset",
    });
  }
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    issues.push({ code: "too_small", path: ["batchSize"], message: "batchSize is a positive integer" });
  }
  if (issues.length > 0) throw new ValidationError("createProjectionRunner", issues);

  let subscription: Subscription | undefined;
  let startedAt = 0;
  let settle: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  let done: Promise<void> = Promise.resolve();

  const start = async () => {
    if (subscription)
      throw new SalesfoldError("invalid_state", `ProjectionRunner(${processor.name}).start: already running`);
    startedAt = await processor.checkpoint();
    done = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    done.catch(() => undefined);
    const sub = store.subscribe({
      after: startedAt,
      batchSize,
      ...(processor.types ? { types: processor.types } : {}),
      handler: (events) => processor.handle(events as readonly EventEnvelope<E>[]),
    });
    subscription = sub;
    sub.done.then(
      () => settle?.resolve(),
      (error) => {
        if (subscription === sub) subscription = undefined;
        settle?.reject(error);
      },
    );
  };

  const stop = async () => {
    const sub = subscription;
    subscription = undefined;
    if (sub) {
      startedAt = sub.position;
      await sub.stop();
    }
  };

  return {
    name: processor.name,
    get position() {
      return subscription ? subscription.position : startedAt;
    },
    get running() {
      return subscription !== undefined;
    },
    start,
    stop,
    caughtUp: async (target) => {
      const sub = subscription;
      if (!sub) {
        await done;
        throw new SalesfoldError(
          "invalid_state",
          `ProjectionRunner(${processor.name}).caughtUp: the runner is not running`,
        );
      }
      await sub.caughtUp(target);
    },
    rebuild: async () => {
      await stop();
      await processor.reset();
      startedAt = 0;
      await start();
    },
    get done() {
      return done;
    },
  };
}
