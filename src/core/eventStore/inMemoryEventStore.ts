import { z } from "zod";
import { _zodIssues, ValidationError } from "../errors/index.ts";
import {
  type AnyEvent,
  type EventCatalog,
  type EventEnvelope,
  type EventInput,
  tenantIdSchema,
} from "../events/index.ts";
import { type Clock, systemClock } from "../runtime/clock.ts";
import { type IdGenerator, randomId } from "../runtime/ids.ts";
import { createCatchUpSubscription } from "./catchUpSubscription.ts";
import { _subscriptionRegistry } from "./subscriptionRegistry.ts";
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  SubscribeOptions,
  Subscription,
} from "./eventStore.ts";
import { assertExpectedVersion } from "./expectedVersion.ts";
import type { InlineHook } from "./inlineHook.ts";
import { _EventLog } from "./eventLog.ts";
import { parseReadAllOptions, parseReadStreamOptions, parseStreamId } from "./readOptions.ts";
import { type _BatchedReadAll, _batchesKey } from "./readInBatches.ts";
import { resolveIdempotentAppend, validateAppend } from "./validateAppend.ts";

/**
 * Options of {@link createInMemoryEventStore}.
 *
 * @example
 * ```ts
 * const options: InMemoryEventStoreOptions<MyEvent> = { catalog, tenantId: "acme", clock: fixedClock("2026-07-01T00:00:00Z") };
 * ```
 */
export interface InMemoryEventStoreOptions<E extends AnyEvent> {
  /** The event types the store accepts. */
  readonly catalog: EventCatalog<E>;
  /** The tenant of this handle; `default` when omitted. */
  readonly tenantId?: string;
  /** Where `recordedAt` (and a missing `occurredAt`) come from; the wall clock by default. */
  readonly clock?: Clock;
  /** Where missing event ids come from; nanoid by default. */
  readonly ids?: IdGenerator;
  /** Read models updated inside every append. */
  readonly inline?: readonly InlineHook[];
}

const optionsSchema = z.strictObject({
  catalog: z.custom<EventCatalog>((v) => typeof v === "object" && v !== null && "prepare" in v, "an EventCatalog"),
  tenantId: tenantIdSchema.optional(),
  clock: z.custom<Clock>((v) => typeof (v as Clock)?.now === "function", "a Clock").optional(),
  ids: z.custom<IdGenerator>((v) => typeof v === "function", "an IdGenerator").optional(),
  inline: z
    .array(z.custom<InlineHook>((v) => typeof (v as InlineHook)?.stage === "function", "an InlineHook"))
    .optional(),
});

const API = "InMemoryEventStore";
/** Envelopes built ahead per step of `readAll`'s asynchronous iterator. */
const CHUNK = 256;

/**
 * Creates the embedded, in-process event store: salesfold's default. Appends are O(1) (no array copies, no
 * scans), stored history is deeply frozen, and it passes the same conformance suite as the durable stores.
 *
 * The log is kept compactly, in columns: each event's frozen data once, its id, and numbers for its type, stream,
 * version and append; the frozen envelope around the data is built on each read, so two reads return equal envelopes,
 * not the same objects. Type filters skip other events without building their envelopes, and rebuilds read the log
 * in batches rather than one asynchronous step per event.
 *
 * @param options - The catalog, tenant, clock, id generator and inline read models.
 * @returns An {@link EventStore} held in memory.
 * @throws {@link ValidationError} for invalid options.
 * @example
 * ```ts
 * import { createEventCatalog, createInMemoryEventStore } from "salesfold";
 * const store = createInMemoryEventStore({ catalog: createEventCatalog([DealWon]) });
 * await store.append("deal-1", [{ type: "DealWon", data: { dealId: "deal-1" } }], { expectedVersion: "no_stream" });
 * ```
 */
export function createInMemoryEventStore<E extends AnyEvent>(options: InMemoryEventStoreOptions<E>): EventStore<E> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ValidationError("createInMemoryEventStore", _zodIssues(parsed.error.issues));
  }
  const catalog = options.catalog;
  const tenantId = options.tenantId ?? "default";
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomId;
  const inline = options.inline ?? [];
  const upcasts = catalog.definitions.some((d) => d.version > 1);

  const log = new _EventLog(tenantId);
  // The event-id index is built lazily: appends that carry no ids never pay for it, and the first append that does
  // indexes everything stored since, so a re-appended event is found whether its id was given or generated.
  const byId = new Map<string, number>();
  let indexedUpTo = 0;
  const lookupId = (eventId: string): EventEnvelope | undefined => {
    for (; indexedUpTo < log.size; indexedUpTo++) byId.set(log.eventIdAt(indexedUpTo + 1), indexedUpTo + 1);
    const position = byId.get(eventId);
    return position === undefined ? undefined : log.envelope(position);
  };
  let wake: (() => void)[] = [];
  let closed = false;

  const view = (e: EventEnvelope): EventEnvelope<E> => (upcasts ? catalog.upcast(e) : (e as EventEnvelope<E>));
  const assertOpen = (api: string) => {
    if (closed)
      throw new ValidationError(`${API}.${api}`, [{ code: "store_closed", path: [], message: "the store is closed" }]);
  };

  const append = async (
    streamId: string,
    events: readonly EventInput<E>[],
    appendOptions?: AppendOptions,
  ): Promise<AppendResult<E>> => {
    assertOpen("append");
    const request = validateAppend(`${API}.append`, catalog, streamId, events, appendOptions);
    const stream = log.stream(request.streamId);
    const actual = stream === undefined ? 0 : stream.positions.length;
    const prepared = request.events;
    let withIds = false;
    for (let i = 0; i < prepared.length; i++) if (prepared[i]!.eventId !== undefined) withIds = true;
    if (withIds) {
      const replay = resolveIdempotentAppend(
        request.streamId,
        prepared,
        prepared.map((e) => (e.eventId === undefined ? undefined : lookupId(e.eventId))),
      );
      if (replay) {
        return upcasts
          ? Object.freeze({ ...replay, events: Object.freeze(replay.events.map(view)) })
          : (replay as AppendResult<E>);
      }
    }
    assertExpectedVersion(request.streamId, request.expectedVersion, actual);
    if (request.events.length === 0) {
      return Object.freeze({
        streamId: request.streamId,
        nextExpectedVersion: actual,
        lastPosition: log.size,
        events: Object.freeze([]),
      });
    }
    const recordedAt = clock.now();
    // The stream's id is kept once per stream, so envelopes share one string instead of the caller's copy per append.
    const streamKey = stream === undefined ? request.streamId : stream.id;
    const first = log.size + 1;
    const eventIds: string[] = new Array(prepared.length);
    const envelopes: EventEnvelope[] = new Array(prepared.length);
    for (let i = 0; i < prepared.length; i++) {
      const e = prepared[i]!;
      const eventId = e.eventId ?? ids();
      eventIds[i] = eventId;
      envelopes[i] = Object.freeze({
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        eventId,
        streamId: streamKey,
        streamVersion: actual + i + 1,
        globalPosition: first + i,
        occurredAt: e.occurredAt ?? recordedAt,
        recordedAt,
        tenantId,
      }) as EventEnvelope;
    }
    // Readers, inline read models and the result all see the current shape of events written at an older version.
    const viewed = upcasts ? envelopes.map(view) : (envelopes as EventEnvelope<E>[]);
    const publish = inline.length === 0 ? undefined : inline.map((hook) => hook.stage(viewed));
    log.write(streamKey, prepared, eventIds, recordedAt);
    if (publish) for (const p of publish) p();
    if (wake.length > 0) {
      const toWake = wake;
      wake = [];
      for (const w of toWake) w();
    }
    return Object.freeze({
      streamId: request.streamId,
      nextExpectedVersion: actual + envelopes.length,
      lastPosition: log.size,
      events: Object.freeze(viewed),
    });
  };

  const readStream = async (streamId: string, readOptions?: ReadStreamOptions): Promise<ReadStreamResult<E>> => {
    assertOpen("readStream");
    parseStreamId(`${API}.readStream`, streamId);
    const o = parseReadStreamOptions(`${API}.readStream`, readOptions);
    const positions = log.stream(streamId)?.positions;
    if (positions === undefined) return Object.freeze({ events: Object.freeze([]), currentVersion: 0, exists: false });
    const current = positions.length;
    const events: EventEnvelope<E>[] = [];
    if (o.direction === "forwards") {
      const from = Math.max(1, o.fromVersion ?? 1);
      const to = Math.min(current, o.toVersion ?? current);
      const end = o.maxCount === undefined ? to : Math.min(to, from + o.maxCount - 1);
      for (let v = from; v <= end; v++) events.push(view(log.envelope(positions[v - 1]!)));
    } else {
      const from = Math.min(current, o.fromVersion ?? current);
      const to = Math.max(1, o.toVersion ?? 1);
      const end = o.maxCount === undefined ? to : Math.max(to, from - o.maxCount + 1);
      for (let v = from; v >= end; v--) events.push(view(log.envelope(positions[v - 1]!)));
    }
    return Object.freeze({ events: Object.freeze(events), currentVersion: current, exists: true });
  };

  const readAll = (readOptions?: ReadAllOptions): AsyncIterable<EventEnvelope<E>> => {
    assertOpen("readAll");
    const o = parseReadAllOptions(`${API}.readAll`, readOptions);
    const limit = o.limit ?? Number.POSITIVE_INFINITY;
    const read: AsyncIterable<EventEnvelope<E>> & _BatchedReadAll = {
      [Symbol.asyncIterator]() {
        // A snapshot of the length: events appended while iterating are not read by this iteration.
        const end = log.size;
        const wanted = log.typeFilter(o.types);
        let position = o.after;
        let remaining = limit;
        let chunk: EventEnvelope[] = [];
        let next = 0;
        return {
          next: async (): Promise<IteratorResult<EventEnvelope<E>>> => {
            if (next === chunk.length) {
              chunk = [];
              next = 0;
              if (remaining > 0 && position < end)
                position = log.scan(position, end, wanted, Math.min(CHUNK, remaining), chunk, view);
              if (chunk.length === 0) return { done: true, value: undefined };
              remaining -= chunk.length;
            }
            return { done: false, value: chunk[next++] as EventEnvelope<E> };
          },
        };
      },
      *[_batchesKey](until: number, size: number) {
        const end = Math.min(log.size, until);
        const wanted = log.typeFilter(o.types);
        let position = o.after;
        let remaining = limit;
        while (remaining > 0 && position < end) {
          const batch: EventEnvelope[] = [];
          position = log.scan(position, end, wanted, Math.min(size, remaining), batch, view);
          if (batch.length === 0) return;
          remaining -= batch.length;
          yield batch;
        }
      },
    };
    return read;
  };

  const readBatch = async (after: number, limit: number, types: ReadonlySet<string> | undefined) => {
    const events: EventEnvelope[] = [];
    const scannedTo = log.scan(after, log.size, log.typeFilter(types), limit, events, view);
    return { events, scannedTo };
  };

  const waitForAppend = (after: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (log.size > after || signal.aborted) return resolve();
      const onAbort = () => resolve();
      signal.addEventListener("abort", onAbort, { once: true });
      wake.push(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      });
    });

  const subscriptions = _subscriptionRegistry();
  const subscribe = (subscribeOptions: SubscribeOptions<E>): Subscription => {
    assertOpen("subscribe");
    return subscriptions.track(
      createCatchUpSubscription(`${API}.subscribe`, { readBatch, waitForAppend }, subscribeOptions),
    );
  };

  const streamVersion = async (streamId: string) => {
    assertOpen("streamVersion");
    return log.stream(streamId)?.positions.length ?? 0;
  };

  return Object.freeze({
    tenantId,
    append,
    readStream,
    readAll,
    subscribe,
    streamVersion,
    streamExists: async (streamId: string) => (await streamVersion(streamId)) > 0,
    lastPosition: async () => log.size,
    close: async () => {
      closed = true;
      // Subscriptions end with the store: their `done` resolves once the batch in flight is handled.
      await subscriptions.stopAll();
      const toWake = wake;
      wake = [];
      for (const w of toWake) w();
    },
  });
}
