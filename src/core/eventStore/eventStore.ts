import type { AnyEvent, EventEnvelope, EventInput } from "../events/index.ts";

/**
 * What an append expects of the stream: its exact current version (0 = the stream does not exist yet),
 * `no_stream`, `stream_exists`, or `any` for no check.
 *
 * @example
 * ```ts
 * await store.append("deal-1", [opened], { expectedVersion: "no_stream" });
 * await store.append("deal-1", [won], { expectedVersion: 1 });
 * ```
 */
export type ExpectedVersion = number | "no_stream" | "stream_exists" | "any";

/**
 * Options of {@link EventStore.append}.
 *
 * @example
 * ```ts
 * const options: AppendOptions = { expectedVersion: 3 };
 * ```
 */
export interface AppendOptions {
  /** The version the stream must be at; `any` when omitted. */
  readonly expectedVersion?: ExpectedVersion;
}

/**
 * What an append returns. Re-appending the same event ids returns the original result.
 *
 * @example
 * ```ts
 * const { nextExpectedVersion } = await store.append("deal-1", [won], { expectedVersion: 1 });
 * ```
 */
export interface AppendResult<E extends AnyEvent = AnyEvent> {
  /** The stream appended to. */
  readonly streamId: string;
  /** The stream's version after the append: pass it as the next `expectedVersion`. */
  readonly nextExpectedVersion: number;
  /** The global position of the last event appended; the previous last position for an empty batch. */
  readonly lastPosition: number;
  /** The stored envelopes, in order. */
  readonly events: readonly EventEnvelope<E>[];
}

/**
 * Options of {@link EventStore.readStream}.
 *
 * @example
 * ```ts
 * const latestFive: ReadStreamOptions = { direction: "backwards", maxCount: 5 };
 * ```
 */
export interface ReadStreamOptions {
  /** `forwards` (default) from the oldest, or `backwards` from the newest. */
  readonly direction?: "forwards" | "backwards";
  /** The first version to read, inclusive. Forwards: default 1. Backwards: default the current version. */
  readonly fromVersion?: number;
  /** The last version to read, inclusive. Forwards: default the current version. Backwards: default 1. */
  readonly toVersion?: number;
  /** At most this many events. */
  readonly maxCount?: number;
}

/**
 * What {@link EventStore.readStream} returns.
 *
 * @example
 * ```ts
 * const { events, currentVersion, exists } = await store.readStream("deal-1");
 * ```
 */
export interface ReadStreamResult<E extends AnyEvent = AnyEvent> {
  /** The events read, frozen, in the requested direction. */
  readonly events: readonly EventEnvelope<E>[];
  /** The stream's version when read: 0 when it does not exist. */
  readonly currentVersion: number;
  /** Whether the stream has any event. */
  readonly exists: boolean;
}

/**
 * Options of {@link EventStore.readAll}.
 *
 * @example
 * ```ts
 * for await (const e of store.readAll({ after: checkpoint, types: ["DealWon"], limit: 1000 })) handle(e);
 * ```
 */
export interface ReadAllOptions {
  /** Read events whose global position is greater than this; 0 (default) reads from the start. */
  readonly after?: number;
  /** At most this many events. */
  readonly limit?: number;
  /** Only these event types. */
  readonly types?: readonly string[];
}

/**
 * Receives a batch of events from a subscription. The next batch waits until the returned promise settles, which is
 * the subscription's backpressure.
 *
 * @example
 * ```ts
 * const handler: SubscriptionHandler = async (events) => { for (const e of events) await save(e); };
 * ```
 */
export type SubscriptionHandler<E extends AnyEvent = AnyEvent> = (
  events: readonly EventEnvelope<E>[],
) => void | Promise<void>;

/**
 * Options of {@link EventStore.subscribe}.
 *
 * @example
 * ```ts
 * store.subscribe({ after: 0, batchSize: 500, handler: (events) => apply(events) });
 * ```
 */
export interface SubscribeOptions<E extends AnyEvent = AnyEvent> {
  /** Deliver events after this global position; 0 (default) from the start. */
  readonly after?: number;
  /** Only these event types. */
  readonly types?: readonly string[];
  /** At most this many events per handler call; 500 by default. */
  readonly batchSize?: number;
  /** Called with each batch, in global order. */
  readonly handler: SubscriptionHandler<E>;
}

/**
 * A running catch-up subscription: it reads what is stored from its start position, then waits for new events.
 *
 * @example
 * ```ts
 * const sub = store.subscribe({ handler });
 * await sub.caughtUp(store.lastPosition());
 * await sub.stop();
 * ```
 */
export interface Subscription {
  /** The global position of the last event handled. */
  readonly position: number;
  /** Resolves once every event up to `position` has been handled. Rejects if the subscription failed. */
  caughtUp(position: number | Promise<number>): Promise<void>;
  /** Stops after the batch in flight, and resolves when it has. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on `stop()`, rejects with the handler's error. */
  readonly done: Promise<void>;
}

/**
 * The storage contract every salesfold store implements: in memory, SQLite, PostgreSQL, NATS JetStream, or your own.
 * `eventStoreConformance` in `salesfold/testing` checks an implementation against it.
 *
 * Guarantees:
 * - A batch is atomic: all of it is stored, or none.
 * - Every event is validated against its registered schema before anything is written.
 * - Appends are idempotent by event id: the same ids with the same content return the original result.
 * - Stream versions start at 1 and have no gaps; global positions increase with commit order and readers never
 *   skip an event that commits late.
 * - A handle is bound to one tenant and never reads or writes another tenant's events.
 *
 * @typeParam E - The union of domain events the store accepts.
 * @example
 * ```ts
 * async function total(store: EventStore) {
 *   let sum = 0;
 *   for await (const e of store.readAll({ types: ["DealWon"] })) sum += (e.data as { amount: number }).amount;
 *   return sum;
 * }
 * ```
 */
export interface EventStore<E extends AnyEvent = AnyEvent> {
  /** The tenant this handle reads and writes. */
  readonly tenantId: string;
  /**
   * Appends events to a stream atomically, after validating all of them.
   *
   * @throws {@link ValidationError} for an invalid stream id, unknown type or invalid data: nothing is written.
   * @throws {@link ConcurrencyError} when the stream is not at the expected version: nothing is written.
   * @throws {@link IdempotencyConflictError} when an event id is already stored with other content.
   */
  append(streamId: string, events: readonly EventInput<E>[], options?: AppendOptions): Promise<AppendResult<E>>;
  /** Reads a stream forwards or backwards, between two versions. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult<E>>;
  /** Reads every stream in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<EventEnvelope<E>>;
  /** Starts a catch-up subscription. */
  subscribe(options: SubscribeOptions<E>): Subscription;
  /** The stream's current version: 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** Whether the stream has any event. */
  streamExists(streamId: string): Promise<boolean>;
  /** The global position of the newest event visible to readers: 0 when the store is empty. */
  lastPosition(): Promise<number>;
  /** Releases resources the store opened itself. */
  close(): Promise<void>;
}
