import { createHash } from "node:crypto";
import type { NatsConnection } from "@nats-io/transport-node";
import { z } from "zod";
import { _zodIssues, ConcurrencyError, SalesfoldError, ValidationError } from "../../core/errors/index.ts";
import {
  type AnyEvent,
  type EventCatalog,
  type EventEnvelope,
  type EventInput,
  tenantIdSchema,
} from "../../core/events/index.ts";
import { createCatchUpSubscription } from "../../core/eventStore/catchUpSubscription.ts";
import { _subscriptionRegistry } from "../../core/eventStore/subscriptionRegistry.ts";
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  SubscribeOptions,
  Subscription,
} from "../../core/eventStore/eventStore.ts";
import { assertExpectedVersion } from "../../core/eventStore/expectedVersion.ts";
import { parseReadAllOptions, parseReadStreamOptions, parseStreamId } from "../../core/eventStore/readOptions.ts";
import { resolveIdempotentAppend, validateAppend } from "../../core/eventStore/validateAppend.ts";
import { type Clock, systemClock } from "../../core/runtime/clock.ts";
import { type IdGenerator, randomId } from "../../core/runtime/ids.ts";
import { createEventIdIndex } from "./eventIdIndex.ts";
import { batchHeaders, decodeBatch, encodeBatchBody, HEADER_ROOM } from "./natsBatch.ts";
import {
  MAX_SEQUENCE,
  NATS_POSITION_STRIDE,
  natsPrefixSchema,
  natsStreamNames,
  positionOf,
  streamSubject,
} from "./natsLayout.ts";
import { ensureStream, getMessage, isWrongLastSequence, openClients, wrap } from "./natsLog.ts";
import { createNatsReader } from "./natsReader.ts";
import { natsConnectionSchema, natsSettingsShape } from "./natsOptions.ts";
import { createAppendWaiter } from "./appendWaiter.ts";

/**
 * Options of {@link createNatsEventStore}. Give either `connection` (left open on close) or `servers` (the store
 * connects, and drains its connection on close); neither connects to `nats://127.0.0.1:4222`.
 *
 * @example
 * ```ts
 * const options: NatsEventStoreOptions<SalesEvent> = { catalog, tenantId: "acme", servers: "nats://nats:4222", replicas: 3 };
 * ```
 */
export interface NatsEventStoreOptions<E extends AnyEvent> {
  /** The event types the store accepts. */
  readonly catalog: EventCatalog<E>;
  /** The tenant of this handle; `default` when omitted. Its events live in the stream `<prefix>_<tenantId>`. */
  readonly tenantId?: string;
  /** Where `recordedAt` (and a missing `occurredAt`) come from; the wall clock by default. */
  readonly clock?: Clock;
  /** Where missing event ids come from; nanoid by default. */
  readonly ids?: IdGenerator;
  /** An open NATS connection to use; the store never closes it. */
  readonly connection?: NatsConnection;
  /** Servers to connect to when no `connection` is given. */
  readonly servers?: string | readonly string[];
  /** The prefix of stream names and subjects: 1-32 ASCII letters or digits; `SALESFOLD` by default. */
  readonly prefix?: string;
  /** Replicas of the streams the store creates (1-5); 1 by default. Use 3 on a cluster. */
  readonly replicas?: number;
  /** `file` (default) or `memory` storage for the streams the store creates. */
  readonly storage?: "file" | "memory";
  /** JetStream's duplicate window for `Nats-Msg-Id` in milliseconds; 2 minutes by default. */
  readonly duplicateWindowMs?: number;
  /** How often an idle subscription polls for appends it was not notified of, in ms; 1,000 by default. */
  readonly pollIntervalMs?: number;
}

const optionsSchema = z.strictObject({
  catalog: z.custom<EventCatalog>((v) => typeof v === "object" && v !== null && "prepare" in v, "an EventCatalog"),
  tenantId: tenantIdSchema.optional(),
  clock: z.custom<Clock>((v) => typeof (v as Clock)?.now === "function", "a Clock").optional(),
  ids: z.custom<IdGenerator>((v) => typeof v === "function", "an IdGenerator").optional(),
  connection: natsConnectionSchema.optional(),
  ...natsSettingsShape,
  prefix: natsPrefixSchema.optional(),
  duplicateWindowMs: z.number().int().min(100).max(86_400_000).optional(),
  pollIntervalMs: z.number().int().min(10).max(60_000).optional(),
});

const API = "NatsEventStore";
/** An append that keeps losing the race for its stream's last sequence gives up after this many attempts. */
const MAX_ATTEMPTS = 1000;

/**
 * Creates an event store on NATS JetStream, bound to one tenant. Each tenant has one stream (`<prefix>_<tenant>`);
 * each event stream is one subject (`<prefix>.<tenant>.s.<token>`, the token encoding the stream id); each append is
 * ONE message holding the whole batch, so it is atomic by construction. Optimistic concurrency uses
 * `Nats-Expected-Last-Subject-Sequence`; idempotency uses `Nats-Msg-Id` plus a durable event-id index.
 *
 * @param options - The catalog, tenant, connection or servers, prefix, replicas and storage.
 * @returns An {@link EventStore} whose streams exist once the promise resolves.
 * @throws {@link ValidationError} for invalid options.
 * @throws {@link SalesfoldError} `invalid_state` when NATS or JetStream cannot be reached, or a stream of the same
 *   name captures other subjects.
 * @example
 * ```ts
 * import { createNatsEventStore } from "salesfold/nats";
 * const store = await createNatsEventStore({ catalog, tenantId: "acme", servers: "nats://127.0.0.1:4222" });
 * await store.append("deal-1", [{ type: "DealWon", data: { dealId: "deal-1" } }], { expectedVersion: "no_stream" });
 * await store.close();
 * ```
 */
export async function createNatsEventStore<E extends AnyEvent>(
  options: NatsEventStoreOptions<E>,
): Promise<EventStore<E>> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success || (options.connection !== undefined && options.servers !== undefined)) {
    const issues = parsed.success ? [] : parsed.error.issues;
    throw new ValidationError("createNatsEventStore", [
      ..._zodIssues(issues),
      ...(options?.connection !== undefined && options?.servers !== undefined
        ? [{ code: "exclusive", path: ["servers"], message: "give either connection or servers, not both" }]
        : []),
    ]);
  }
  const catalog = options.catalog;
  const tenantId = options.tenantId ?? "default";
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomId;
  const prefix = options.prefix ?? "SALESFOLD";
  const names = natsStreamNames(tenantId, prefix);
  const settings = {
    replicas: options.replicas ?? 1,
    storage: options.storage ?? "file",
    duplicateWindowMs: options.duplicateWindowMs ?? 120_000,
  } as const;
  const clients = await openClients("createNatsEventStore", options.connection, options.servers);
  const { nc, js, jsm } = clients;
  try {
    await ensureStream("createNatsEventStore", jsm, settings, {
      name: names.events,
      subjects: [names.eventSubjects],
      allow_direct: false,
      deny_purge: true,
    });
    await ensureStream("createNatsEventStore", jsm, settings, {
      name: names.index,
      subjects: [names.indexSubjects, names.indexMark],
      max_msgs_per_subject: 1,
    });
  } catch (error) {
    if (clients.owned) await nc.close();
    throw error;
  }
  const maxBatchBytes = (nc.info?.max_payload ?? 1_048_576) - HEADER_ROOM;
  const reader = createNatsReader(API, clients, names, prefix, tenantId, catalog);
  const index = createEventIdIndex(`${API}.append`, clients, names, prefix, tenantId, catalog);
  const waiter = createAppendWaiter(nc, names.appended, options.pollIntervalMs ?? 1000, reader.lastPosition);
  let closed = false;

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
    const api = `${API}.append`;
    const request = validateAppend(api, catalog, streamId, events, appendOptions);
    const prepared = request.events;
    const n = prepared.length;
    const withIds = prepared.some((e) => e.eventId !== undefined);
    const eventIds = prepared.map((e) => e.eventId ?? ids());
    let recordedAt: string | undefined;
    let body: Uint8Array | undefined;
    if (n > 0) {
      recordedAt = clock.now();
      body = encodeBatchBody(request.streamId, prepared, eventIds, recordedAt);
      tooBig(api, n, body.length, maxBatchBytes);
    }
    const subject = streamSubject(prefix, tenantId, request.streamId);
    // The server drops a re-published batch with the same ids inside the duplicate window, atomically.
    const msgID = withIds && prepared.every((e) => e.eventId !== undefined) ? batchMsgId(eventIds) : undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        if (withIds) {
          const stored = await index.lookup(
            prepared.map((e) => e.eventId),
            await reader.headSeq(),
          );
          const replay = resolveIdempotentAppend(request.streamId, prepared, stored);
          if (replay) return replay as AppendResult<E>;
        }
        const head = await reader.streamHead(request.streamId);
        assertExpectedVersion(request.streamId, request.expectedVersion, head.version);
        if (body === undefined || recordedAt === undefined) {
          return Object.freeze({
            streamId: request.streamId,
            nextExpectedVersion: head.version,
            lastPosition: await reader.lastPosition(),
            events: Object.freeze([]),
          });
        }
        let ack: { seq: number; duplicate: boolean };
        try {
          ack = await js.publish(subject, body, {
            headers: batchHeaders(head.version + 1, n, head.seq),
            ...(msgID === undefined ? {} : { msgID }),
            expect: { lastSubjectSequence: head.seq },
          });
        } catch (error) {
          if (!isWrongLastSequence(error)) throw error;
          if (attempt >= MAX_ATTEMPTS)
            throw new ConcurrencyError(request.streamId, request.expectedVersion, head.version);
          continue; // Another append won the race: re-check idempotency and the expectation, then retry.
        }
        if (ack.duplicate) {
          const msg = await getMessage(jsm, names.events, { seq: ack.seq });
          const stored = msg === null ? [] : decodeBatch(api, catalog, tenantId, msg);
          const replay = resolveIdempotentAppend(
            request.streamId,
            prepared,
            prepared.map((_, i) => stored[i]),
          );
          if (replay) return replay as AppendResult<E>;
          throw new SalesfoldError("invalid_state", `${api}: the server reported a duplicate it cannot show`);
        }
        if (ack.seq > MAX_SEQUENCE)
          throw new SalesfoldError(
            "invalid_state",
            `${api}: the batch was stored at sequence ${ack.seq}, past 2^33-1, where positions overflow: its events have no position; give the tenant a new stream`,
          );
        waiter.notify();
        const envelopes: EventEnvelope[] = new Array(n);
        for (let i = 0; i < n; i++) {
          const e = prepared[i]!;
          envelopes[i] = Object.freeze({
            type: e.type,
            data: e.data,
            metadata: e.metadata,
            eventId: eventIds[i]!,
            streamId: request.streamId,
            streamVersion: head.version + 1 + i,
            globalPosition: positionOf(ack.seq, i),
            occurredAt: e.occurredAt ?? recordedAt,
            recordedAt,
            tenantId,
          }) as EventEnvelope;
        }
        const upcast = catalog.definitions.some((d) => d.version > 1);
        return Object.freeze({
          streamId: request.streamId,
          nextExpectedVersion: head.version + n,
          lastPosition: positionOf(ack.seq, n - 1),
          events: Object.freeze(
            upcast ? envelopes.map((e) => catalog.upcast(e)) : envelopes,
          ) as readonly EventEnvelope<E>[],
        });
      }
    } catch (error) {
      throw wrap(api, error);
    }
  };

  const readStream = async (streamId: string, readOptions?: ReadStreamOptions): Promise<ReadStreamResult<E>> => {
    assertOpen("readStream");
    parseStreamId(`${API}.readStream`, streamId);
    const o = parseReadStreamOptions(`${API}.readStream`, readOptions);
    try {
      const { events, current } = await reader.readRange(streamId, o);
      return Object.freeze({
        events: Object.freeze(events) as readonly EventEnvelope<E>[],
        currentVersion: current,
        exists: current > 0,
      });
    } catch (error) {
      throw wrap(`${API}.readStream`, error);
    }
  };

  const readAll = (readOptions?: ReadAllOptions): AsyncIterable<EventEnvelope<E>> => {
    assertOpen("readAll");
    const o = parseReadAllOptions(`${API}.readAll`, readOptions);
    const types = o.types ? new Set(o.types) : undefined;
    return {
      async *[Symbol.asyncIterator]() {
        let remaining = o.limit ?? Number.POSITIVE_INFINITY;
        if (remaining <= 0) return;
        for await (const e of reader.scan(o.after)) {
          if (types !== undefined && !types.has(e.type)) continue;
          yield e as EventEnvelope<E>;
          if (--remaining <= 0) return;
        }
      },
    };
  };

  const readBatch = async (after: number, limit: number, types: ReadonlySet<string> | undefined) => {
    const events: EventEnvelope[] = [];
    let scannedTo = after;
    if (closed) return { events, scannedTo };
    for await (const e of reader.scan(after)) {
      scannedTo = e.globalPosition;
      if (types !== undefined && !types.has(e.type)) continue;
      events.push(e);
      if (events.length >= limit) break;
    }
    return { events, scannedTo };
  };

  const subscriptions = _subscriptionRegistry();
  const subscribe = (subscribeOptions: SubscribeOptions<E>): Subscription => {
    assertOpen("subscribe");
    return subscriptions.track(
      createCatchUpSubscription(`${API}.subscribe`, { readBatch, waitForAppend: waiter.wait }, subscribeOptions),
    );
  };

  const streamVersion = async (streamId: string) => {
    assertOpen("streamVersion");
    parseStreamId(`${API}.streamVersion`, streamId);
    try {
      return (await reader.streamHead(streamId)).version;
    } catch (error) {
      throw wrap(`${API}.streamVersion`, error);
    }
  };

  return Object.freeze({
    tenantId,
    append,
    readStream,
    readAll,
    subscribe,
    streamVersion,
    streamExists: async (streamId: string) => (await streamVersion(streamId)) > 0,
    lastPosition: async () => {
      assertOpen("lastPosition");
      try {
        return await reader.lastPosition();
      } catch (error) {
        throw wrap(`${API}.lastPosition`, error);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      // Subscriptions end with the store, as on every store: their `done` resolves once the batch in flight is
      // handled.
      await subscriptions.stopAll();
      waiter.close();
      if (clients.owned) await nc.drain();
    },
  });
}

function tooBig(api: string, count: number, bytes: number, maxBytes: number): void {
  const issues = [];
  if (count > NATS_POSITION_STRIDE)
    issues.push({
      code: "too_big",
      path: ["events"],
      message: `an append holds at most ${NATS_POSITION_STRIDE} events; this one has ${count}`,
    });
  if (bytes > maxBytes)
    issues.push({
      code: "too_big",
      path: ["events"],
      message: `the batch is ${bytes} bytes of JSON; one NATS message (max_payload) holds at most ${maxBytes}: split it`,
    });
  if (issues.length > 0) throw new ValidationError(api, issues);
}

function batchMsgId(eventIds: readonly string[]): string {
  return `sf1-${createHash("sha256").update(eventIds.join("\n")).digest("base64url")}`;
}
