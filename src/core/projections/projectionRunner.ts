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
  /** Whether the runner is running: false from the moment `stop()` is called. */
  readonly running: boolean;
  /**
   * Starts catching up from the processor's checkpoint, then follows new events. Resolves once started.
   * `start`, `stop` and `rebuild` take effect one after the other, in the order they were called. A `stop()` called
   * before the start has subscribed cancels it: the start then resolves without starting.
   *
   * @throws {@link SalesfoldError} `invalid_state` when the runner is already running.
   */
  start(): Promise<void>;
  /**
   * Resolves once every event up to `position` is handled; rejects if the runner failed or stopped before. Called
   * while a start is under way, it waits for that start.
   */
  caughtUp(position: number | Promise<number>): Promise<void>;
  /**
   * Stops after the batch in flight, and resolves once that batch is handled; calls made meanwhile share the same
   * stop. The checkpoint stays where the last handled batch left it.
   */
  stop(): Promise<void>;
  /** Stops after the batch in flight, resets the read model, and starts again from position 0. */
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

  // Every start, stop and rebuild runs on one lifecycle chain, each after the previous one has finished, so that
  // they never interleave: at most one subscription exists, and a reset never runs beside a batch in flight.
  let lifecycle: Promise<void> = Promise.resolve();
  /** The subscription, until its stop begins. */
  let subscription: Subscription | undefined;
  /** How many stop() calls there had been when `subscription` was made: any later call is stopping it. */
  let subscribedAfterStops = 0;
  /** A subscription that is stopping: its batch in flight is still being handled. */
  let draining: Subscription | undefined;
  let startedAt = 0;
  let done: Promise<void> = Promise.resolve();
  /** Counts stop() calls: a start or rebuild requested before a stop gives way to it. */
  let stopCalls = 0;
  /** The stop every stop() call shares until it has finished or a new start is requested. */
  const pendingStop = pendingSlot();
  /** The latest start or rebuild not yet finished, which `caughtUp` waits for. */
  const pendingStart = pendingSlot();

  const enqueue = (step: () => Promise<void>): Promise<void> => {
    const result = lifecycle.then(step);
    lifecycle = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };

  /** Starts unless a stop was requested after `stopsBefore` stop() calls; runs on the lifecycle chain. */
  const startNow = async (stopsBefore: number) => {
    if (subscription)
      throw new SalesfoldError("invalid_state", `ProjectionRunner(${processor.name}).start: already running`);
    if (stopCalls !== stopsBefore) return;
    const checkpoint = await processor.checkpoint();
    // A stop requested while the checkpoint was read wins: the runner does not subscribe at all.
    if (stopCalls !== stopsBefore) return;
    let settle!: { resolve: () => void; reject: (e: unknown) => void };
    const runDone = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    runDone.catch(() => undefined);
    const sub = store.subscribe({
      after: checkpoint,
      batchSize,
      ...(processor.types ? { types: processor.types } : {}),
      handler: (events) => processor.handle(events as readonly EventEnvelope<E>[]),
    });
    startedAt = checkpoint;
    done = runDone;
    subscription = sub;
    subscribedAfterStops = stopsBefore;
    sub.done.then(
      () => settle.resolve(),
      (error) => {
        if (subscription === sub) subscription = undefined;
        settle.reject(error);
      },
    );
  };

  /** Stops the subscription after its batch in flight; runs on the lifecycle chain. */
  const stopNow = async () => {
    const sub = subscription;
    if (!sub) return;
    subscription = undefined;
    draining = sub;
    try {
      await sub.stop();
    } finally {
      // Read only now: the batch that was in flight has moved the position.
      startedAt = sub.position;
      draining = undefined;
    }
  };

  /** The subscription if no stop() has been called since it was made. */
  const live = () => (stopCalls === subscribedAfterStops ? subscription : undefined);

  const start = () => {
    pendingStop.clear();
    const stopsBefore = stopCalls;
    return pendingStart.hold(enqueue(() => startNow(stopsBefore)));
  };

  const stop = () => {
    stopCalls++;
    return pendingStop.current() ?? pendingStop.hold(enqueue(stopNow));
  };

  const rebuild = () => {
    pendingStop.clear();
    const stopsBefore = stopCalls;
    return pendingStart.hold(
      enqueue(async () => {
        await stopNow();
        await processor.reset();
        startedAt = 0;
        await startNow(stopsBefore);
      }),
    );
  };

  return {
    name: processor.name,
    get position() {
      return (subscription ?? draining)?.position ?? startedAt;
    },
    get running() {
      return live() !== undefined;
    },
    start,
    stop,
    caughtUp: async (target) => {
      const starting = pendingStart.current();
      if (!live() && starting) await starting.catch(() => undefined);
      const sub = live();
      if (!sub) {
        await done;
        throw new SalesfoldError(
          "invalid_state",
          `ProjectionRunner(${processor.name}).caughtUp: the runner is not running`,
        );
      }
      await sub.caughtUp(target);
    },
    rebuild,
    get done() {
      return done;
    },
  };
}

/** A promise kept until it settles, unless another replaces it or it is cleared first. */
function pendingSlot() {
  let current: Promise<void> | undefined;
  return {
    current: () => current,
    clear: () => {
      current = undefined;
    },
    hold: (promise: Promise<void>): Promise<void> => {
      current = promise;
      const release = () => {
        if (current === promise) current = undefined;
      };
      promise.then(release, release);
      return promise;
    },
  };
}
