// Writing your own adapter: an EventStore over a key-value store that holds JSON strings (a Map stands in for
// Redis, DynamoDB or localStorage here). It reuses salesfold's shared validation, idempotency and subscription
// helpers, so it rejects and accepts exactly what every other store does, and it passes the conformance suite.
// Run it with `npx tsx examples/customAdapter.ts`: the suite runs under node:test.
// #region adapter
import {
  type AnyEvent,
  assertExpectedVersion,
  createCatchUpSubscription,
  type EventCatalog,
  type EventEnvelope,
  type EventStore,
  type IdGenerator,
  type Subscription,
  type Clock,
  parseReadAllOptions,
  parseReadStreamOptions,
  randomId,
  parseStreamId,
  resolveIdempotentAppend,
  systemClock,
  validateAppend,
} from "salesfold";

export interface KeyValueStoreOptions<E extends AnyEvent> {
  readonly kv: Map<string, string>;
  readonly catalog: EventCatalog<E>;
  readonly tenantId: string;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
}

export function createKeyValueEventStore<E extends AnyEvent>(options: KeyValueStoreOptions<E>): EventStore<E> {
  const { kv, catalog, tenantId } = options;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomId;
  const api = "KeyValueEventStore";
  // Keys are namespaced by tenant; JSON.stringify quotes the ids, so no id can forge another key.
  const key = (...parts: (string | number)[]) => JSON.stringify([tenantId, ...parts]);
  const head = () => Number(kv.get(key("head")) ?? 0);
  const version = (streamId: string) => Number(kv.get(key("version", streamId)) ?? 0);
  const load = (position: number): EventEnvelope<E> =>
    catalog.parseStored(`${api}.read`, JSON.parse(kv.get(key("event", position))!));
  let wake: (() => void)[] = [];
  const subscriptions = new Set<Subscription>();

  return {
    tenantId,
    async append(streamId, events, appendOptions) {
      const request = validateAppend(`${api}.append`, catalog, streamId, events, appendOptions);
      const stored = request.events.map((e) => {
        const at = e.eventId === undefined ? undefined : kv.get(key("id", e.eventId));
        return at === undefined ? undefined : load(Number(at));
      });
      const replay = resolveIdempotentAppend(request.streamId, request.events, stored);
      if (replay) return replay as never;
      const current = version(request.streamId);
      assertExpectedVersion(request.streamId, request.expectedVersion, current);
      const recordedAt = clock.now();
      const envelopes = request.events.map((e, i) => ({
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        eventId: e.eventId ?? ids(),
        streamId: request.streamId,
        streamVersion: current + i + 1,
        globalPosition: head() + i + 1,
        occurredAt: e.occurredAt ?? recordedAt,
        recordedAt,
        tenantId,
      }));
      // A real adapter writes these keys in one transaction; a Map write cannot fail halfway.
      for (const env of envelopes) {
        kv.set(key("event", env.globalPosition), JSON.stringify(env));
        kv.set(key("stream", request.streamId, env.streamVersion), String(env.globalPosition));
        kv.set(key("id", env.eventId), String(env.globalPosition));
      }
      if (envelopes.length > 0) {
        kv.set(key("version", request.streamId), String(current + envelopes.length));
        kv.set(key("head"), String(head() + envelopes.length));
      }
      for (const w of wake.splice(0)) w();
      const read = envelopes.map((e) => load(e.globalPosition));
      return {
        streamId: request.streamId,
        nextExpectedVersion: current + envelopes.length,
        lastPosition: head(),
        events: read,
      };
    },
    async readStream(streamId, readOptions) {
      parseStreamId(`${api}.readStream`, streamId);
      const o = parseReadStreamOptions(`${api}.readStream`, readOptions);
      const current = version(streamId);
      const forwards = o.direction === "forwards";
      let from = forwards ? Math.max(1, o.fromVersion ?? 1) : Math.min(current, o.fromVersion ?? current);
      const to = forwards ? Math.min(current, o.toVersion ?? current) : Math.max(1, o.toVersion ?? 1);
      const events: EventEnvelope<E>[] = [];
      while ((forwards ? from <= to : from >= to) && events.length < (o.maxCount ?? Number.POSITIVE_INFINITY)) {
        events.push(load(Number(kv.get(key("stream", streamId, from)))));
        from += forwards ? 1 : -1;
      }
      return Object.freeze({ events: Object.freeze(events), currentVersion: current, exists: current > 0 });
    },
    readAll(readOptions) {
      const o = parseReadAllOptions(`${api}.readAll`, readOptions);
      const types = o.types ? new Set(o.types) : undefined;
      return {
        async *[Symbol.asyncIterator]() {
          let left = o.limit ?? Number.POSITIVE_INFINITY;
          for (let p = o.after + 1, end = head(); p <= end && left > 0; p++) {
            const e = load(p);
            if (types && !types.has(e.type)) continue;
            left--;
            yield e;
          }
        },
      };
    },
    subscribe(subscribeOptions) {
      const sub = createCatchUpSubscription(
        `${api}.subscribe`,
        {
          readBatch: async (after, limit, types) => {
            const events: EventEnvelope[] = [];
            let p = after + 1;
            for (const end = head(); p <= end && events.length < limit; p++) {
              const e = load(p);
              if (!types || types.has(e.type)) events.push(e);
            }
            return { events, scannedTo: p - 1 };
          },
          waitForAppend: (after, signal) =>
            new Promise<void>((resolve) => {
              if (head() > after || signal.aborted) return resolve();
              signal.addEventListener("abort", () => resolve(), { once: true });
              wake.push(resolve);
            }),
        },
        subscribeOptions,
      );
      // Closing the store ends its subscriptions.
      subscriptions.add(sub);
      const forget = () => subscriptions.delete(sub);
      sub.done.then(forget, forget);
      return sub;
    },
    streamVersion: async (streamId) => version(streamId),
    streamExists: async (streamId) => version(streamId) > 0,
    lastPosition: async () => head(),
    close: async () => {
      await Promise.all([...subscriptions].map((sub) => sub.stop()));
      for (const w of wake.splice(0)) w();
      wake = [];
    },
  };
}
// #endregion adapter

// #region conformance
import { describe, it } from "node:test";
import { eventStoreConformance } from "salesfold/testing";

const kv = new Map<string, string>(); // one "database" shared by every tenant the suite creates
eventStoreConformance("key-value (example)", (setup) => createKeyValueEventStore({ kv, ...setup }), { describe, it });
// #endregion conformance
