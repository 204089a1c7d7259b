import { z } from "zod";
import {
  _zodIssues,
  isConcurrencyError,
  isIdempotencyConflictError,
  ValidationError,
  type ValidationIssue,
} from "../errors/index.ts";
import {
  type AnyEvent,
  type EventCatalog,
  type EventEnvelope,
  type EventInput,
  instantSchema,
} from "../events/index.ts";
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  SubscribeOptions,
  Subscription,
} from "../eventStore/index.ts";
import { validateAppend } from "../eventStore/index.ts";
import { type Clock, systemClock } from "../runtime/clock.ts";
import { createKeyRing, type MasterKey } from "./keyRing.ts";
import { checkSubjectId, type KeyStore } from "./keyStore.ts";
import { erasureReasonSchema, erasureStreamId, SubjectErased, SubjectErasureRequested } from "./privacyEvents.ts";
import { openEvents, type SubjectOf, sealEvents, storedKeyVersions, subjectResolver } from "./sealedEvents.ts";
import { isStorageCatalog, personalFieldsFor } from "./storageCatalog.ts";

/**
 * Options of {@link createErasableEventStore}.
 *
 * @example
 * ```ts
 * const options: ErasableEventStoreOptions<AppEvent> = { catalog, keys: createInMemoryKeyStore(), subjectOf: { CustomerRegistered: "customerId" } };
 * ```
 */
export interface ErasableEventStoreOptions<E extends AnyEvent> {
  /** The domain catalog, with {@link privacyEvents} merged in. Its personal fields are the ones encrypted. */
  readonly catalog: EventCatalog<E>;
  /** Where the subjects' data keys live; the same tenant as the store. */
  readonly keys: KeyStore;
  /** Names the subject of each event type with personal fields (see {@link SubjectOf}). */
  readonly subjectOf?: SubjectOf;
  /** Master keys that encrypt the data keys at rest; without them, data keys are stored in the clear. */
  readonly masterKeys?: readonly MasterKey[];
  /** Where erasure times come from; the wall clock by default. */
  readonly clock?: Clock;
}

/**
 * Options of {@link ErasableEventStore.forgetSubject}.
 *
 * @example
 * ```ts
 * const options: ForgetSubjectOptions = { reason: "gdpr-art-17 ticket 4411" };
 * ```
 */
export interface ForgetSubjectOptions {
  /** A reference for the audit, such as a ticket number (see {@link erasureReasonSchema}): never personal data. */
  readonly reason?: string;
  /** When the subject asked; now by default. */
  readonly requestedAt?: string;
}

/**
 * What {@link ErasableEventStore.forgetSubject} returns.
 *
 * @example
 * ```ts
 * const { completedAt, alreadyErased } = await store.forgetSubject("cu-1");
 * ```
 */
export interface ErasureReceipt {
  readonly subjectId: string;
  readonly requestedAt: string;
  readonly completedAt: string;
  /** How many data key versions this erasure destroyed. */
  readonly keyVersionsDestroyed: number;
  /** `true` when the subject had been erased before: nothing was done again. */
  readonly alreadyErased: boolean;
}

/**
 * An {@link EventStore} that keeps personal fields encrypted with a key per subject, and can forget a subject.
 *
 * @example
 * ```ts
 * await store.forgetSubject("cu-1", { reason: "gdpr-art-17" });
 * (await store.readStream("customer-cu-1")).events[0]?.data.name; // "[erased]"
 * ```
 */
export interface ErasableEventStore<E extends AnyEvent = AnyEvent> extends EventStore<E> {
  /**
   * Erases a subject: records the request, destroys the subject's data keys, records the completion. From then on
   * every read, rebuild and projection shows its personal fields as the erased marker. Idempotent; a request that
   * was interrupted is completed by calling it again.
   *
   * @throws {@link ValidationError} for an invalid subject id or options.
   */
  forgetSubject(subjectId: string, options?: ForgetSubjectOptions): Promise<ErasureReceipt>;
  /**
   * Creates a new data key version for a subject: new appends use it; older versions still read older events.
   *
   * @returns The new version.
   * @throws {@link SalesfoldError} `invalid_state` when the subject was erased.
   */
  rotateSubjectKey(subjectId: string): Promise<number>;
  /**
   * Re-encrypts every stored data key with the newest master key (after adding a master key version). The events
   * are untouched: only the key store changes.
   *
   * @throws {@link SalesfoldError} `invalid_state` when no master key is configured, or one in use is missing.
   */
  rewrapKeys(): Promise<{ readonly rewrapped: number; readonly keys: number }>;
}

const API = "ErasableEventStore";
const READ_BATCH = 256;

const optionsSchema = z.strictObject({
  catalog: z.custom<EventCatalog>((v) => typeof v === "object" && v !== null && "prepare" in v, "an EventCatalog"),
  keys: z.custom<KeyStore>(
    (v) =>
      typeof v === "object" &&
      v !== null &&
      typeof (v as KeyStore).load === "function" &&
      typeof (v as KeyStore).erase === "function",
    "a KeyStore",
  ),
  subjectOf: z
    .union([z.record(z.string(), z.string().min(1)), z.custom<(e: unknown) => unknown>((v) => typeof v === "function")])
    .optional(),
  masterKeys: z
    .array(
      z.strictObject({
        version: z.number().int().min(1).max(999_999_999),
        key: z.union([
          z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a master key is 32 bytes as 43 base64url characters"),
          z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length === 32, "a master key is 32 bytes"),
        ]),
      }),
    )
    .refine((keys) => new Set(keys.map((k) => k.version)).size === keys.length, "master key versions are unique")
    .optional(),
  clock: z.custom<Clock>((v) => typeof (v as Clock)?.now === "function", "a Clock").optional(),
});
const forgetSchema = z
  .strictObject({ reason: erasureReasonSchema.optional(), requestedAt: instantSchema.optional() })
  .optional();

const isStore = (v: unknown): v is EventStore<any> =>
  typeof v === "object" &&
  v !== null &&
  ["append", "readStream", "readAll", "subscribe", "streamVersion", "lastPosition"].every(
    (m) => typeof (v as Record<string, unknown>)[m] === "function",
  );

/**
 * Wraps any {@link EventStore} so that the personal fields of events (fields marked `{ personal: true }`, such as
 * the customers area's `personal()`) are stored encrypted with AES-256-GCM, under a data key per subject kept in a
 * {@link KeyStore}. Reads decrypt them. {@link ErasableEventStore.forgetSubject} destroys a subject's keys: from then
 * on its personal fields read as the erased marker everywhere, while ids, amounts and every other field stay
 * intact. Create the store below with {@link erasableStorageCatalog}: it refuses personal data in the clear.
 *
 * @param store - The store below, created with `erasableStorageCatalog(catalog)`.
 * @param options - The domain catalog (with {@link privacyEvents}), the key store, the subjects and master keys.
 * @returns The erasable store, bound to the store's tenant.
 * @throws {@link ValidationError} for invalid options, a key store of another tenant, a catalog without the privacy
 * events, or an event type with personal fields but no subject.
 * @example
 * ```ts
 * import { createEventCatalog, createErasableEventStore, createInMemoryEventStore, createInMemoryKeyStore, erasableStorageCatalog, privacyEvents } from "salesfold";
 * import { customerEvents } from "salesfold/customers";
 * const catalog = createEventCatalog([customerEvents, privacyEvents]);
 * const inner = createInMemoryEventStore({ catalog: erasableStorageCatalog(catalog) });
 * const store = createErasableEventStore(inner, { catalog, keys: createInMemoryKeyStore(), subjectOf: (e) => (e.data as { customerId?: string }).customerId });
 * ```
 */
export function createErasableEventStore<E extends AnyEvent>(
  store: EventStore<any>,
  options: ErasableEventStoreOptions<E>,
): ErasableEventStore<E> {
  const api = "createErasableEventStore";
  const issues: ValidationIssue[] = [];
  if (!isStore(store)) issues.push({ code: "invalid_type", path: ["store"], message: "an EventStore" });
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success)
    for (const i of parsed.error.issues)
      issues.push({ code: i.code, path: ["options", ...i.path], message: i.message });
  if (issues.length > 0) throw new ValidationError(api, issues);
  const { catalog, keys } = options;
  if (isStorageCatalog(catalog))
    issues.push({
      code: "storage_catalog",
      path: ["options", "catalog"],
      message: "pass the domain catalog; the store below takes erasableStorageCatalog(catalog)",
    });
  if (
    catalog.definition(SubjectErased.type) !== SubjectErased ||
    catalog.definition(SubjectErasureRequested.type) !== SubjectErasureRequested
  )
    issues.push({
      code: "missing_privacy_events",
      path: ["options", "catalog"],
      message: "merge privacyEvents into the catalog",
    });
  if (keys.tenantId !== store.tenantId)
    issues.push({
      code: "tenant_mismatch",
      path: ["options", "keys"],
      message: `the key store is bound to tenant ${JSON.stringify(keys.tenantId)}, the store to ${JSON.stringify(store.tenantId)}`,
    });
  if (issues.length > 0) throw new ValidationError(api, issues);
  const fields = personalFieldsFor(catalog);
  const resolve = subjectResolver(api, fields, options.subjectOf);
  const clock = options.clock ?? systemClock;
  const ring = createKeyRing(keys, options.masterKeys ?? [], clock);
  const open = <T extends EventEnvelope>(name: string, events: readonly T[]) =>
    fields.size === 0
      ? (events as T[])
      : openEvents(`${API}.${name}`, events, fields, resolve, ring.session(`${API}.${name}`));

  const append = async (
    streamId: string,
    events: readonly EventInput<E>[],
    appendOptions?: AppendOptions,
  ): Promise<AppendResult<E>> => {
    if (fields.size === 0) return store.append(streamId, events, appendOptions);
    const name = `${API}.append`;
    const request = validateAppend(name, catalog, streamId, events, appendOptions);
    const session = ring.session(name);
    let sealed = await sealEvents(request.events, request.streamId, fields, resolve, session);
    let result: AppendResult<any>;
    try {
      result = await store.append(request.streamId, sealed, appendOptions);
    } catch (error) {
      if (!isIdempotencyConflictError(error)) throw error;
      const versions = await storedKeyVersions(store, request.streamId, request.events, sealed, fields);
      if (versions === undefined) throw error;
      // Sealed as the stored events were: the store below compares, and returns the original result for a replay.
      sealed = await sealEvents(request.events, request.streamId, fields, resolve, session, versions);
      result = await store.append(request.streamId, sealed, appendOptions);
    }
    // The events as appended, in the clear; decrypted from the store's answer only when it upcast them.
    const upcast = result.events.some((e, i) => e.metadata.schemaVersion !== request.events[i]?.metadata.schemaVersion);
    const shown = upcast
      ? await open("append", result.events)
      : result.events.map((e, i) =>
          sealed[i]!.data === request.events[i]!.data ? e : Object.freeze({ ...e, data: request.events[i]!.data }),
        );
    return Object.freeze({ ...result, events: Object.freeze(shown) }) as AppendResult<E>;
  };

  const readStream = async (streamId: string, readOptions?: ReadStreamOptions): Promise<ReadStreamResult<E>> => {
    const result = (await store.readStream(streamId, readOptions)) as ReadStreamResult<E>;
    if (fields.size === 0 || result.events.length === 0) return result;
    const events = await open("readStream", result.events);
    // Nothing was sealed (no personal field in these events): the store's own frozen result is the answer.
    return events === result.events ? result : Object.freeze({ ...result, events: Object.freeze(events) });
  };

  const readAll = (readOptions?: ReadAllOptions): AsyncIterable<EventEnvelope<E>> => {
    const inner = store.readAll(readOptions) as AsyncIterable<EventEnvelope<E>>;
    if (fields.size === 0) return inner;
    return {
      async *[Symbol.asyncIterator]() {
        let session = ring.session(`${API}.readAll`);
        let batch: EventEnvelope[] = [];
        let batches = 0;
        const flush = async () => {
          // A fresh key cache every 64 batches bounds the memory of a long read.
          if (++batches % 64 === 0) session = ring.session(`${API}.readAll`);
          const out = await openEvents(`${API}.readAll`, batch, fields, resolve, session);
          batch = [];
          return out as EventEnvelope<E>[];
        };
        for await (const e of inner) {
          batch.push(e);
          if (batch.length >= READ_BATCH) yield* await flush();
        }
        if (batch.length > 0) yield* await flush();
      },
    };
  };

  const subscribe = (subscribeOptions: SubscribeOptions<E>): Subscription => {
    const handler = (subscribeOptions as { handler?: unknown } | undefined)?.handler;
    if (fields.size === 0 || typeof handler !== "function") return store.subscribe(subscribeOptions);
    return store.subscribe({
      ...subscribeOptions,
      handler: async (events) => subscribeOptions.handler((await open("subscribe", events)) as EventEnvelope<E>[]),
    });
  };

  const forgetSubject = async (subjectId: string, forgetOptions?: ForgetSubjectOptions): Promise<ErasureReceipt> => {
    const name = `${API}.forgetSubject`;
    const subject = checkSubjectId(name, subjectId);
    const o = forgetSchema.safeParse(forgetOptions);
    if (!o.success) throw new ValidationError(name, _zodIssues(o.error.issues, ["options"]));
    const reason = o.data?.reason;
    const stream = erasureStreamId(subject);
    for (let attempt = 0; ; attempt++) {
      const { events, currentVersion } = await store.readStream(stream);
      const done = events.find((e) => e.type === SubjectErased.type)?.data as
        | { requestedAt: string; completedAt: string; keyVersionsDestroyed: number }
        | undefined;
      if (done) {
        const { requestedAt, completedAt, keyVersionsDestroyed } = done;
        return Object.freeze({
          subjectId: subject,
          requestedAt,
          completedAt,
          keyVersionsDestroyed,
          alreadyErased: true,
        });
      }
      const requested = events.find((e) => e.type === SubjectErasureRequested.type)?.data as
        | { requestedAt: string }
        | undefined;
      const requestedAt = requested?.requestedAt ?? new Date(o.data?.requestedAt ?? clock.now()).toISOString();
      try {
        let version = currentVersion;
        if (requested === undefined) {
          const data = { subjectId: subject, requestedAt, ...(reason === undefined ? {} : { reason }) };
          const r = await store.append(stream, [{ type: SubjectErasureRequested.type, data }], {
            expectedVersion: version,
          });
          version = r.nextExpectedVersion;
        }
        const completedAt = clock.now();
        const destroyed = await keys.erase(subject, completedAt);
        ring.forget(subject);
        const data = {
          subjectId: subject,
          requestedAt,
          completedAt,
          keyVersionsDestroyed: destroyed,
          ...(reason === undefined ? {} : { reason }),
        };
        await store.append(stream, [{ type: SubjectErased.type, data }], { expectedVersion: version });
        return Object.freeze({
          subjectId: subject,
          requestedAt,
          completedAt,
          keyVersionsDestroyed: destroyed,
          alreadyErased: false,
        });
      } catch (error) {
        // Another process is erasing the same subject: read its outcome back.
        if (!isConcurrencyError(error) || attempt >= 4) throw error;
      }
    }
  };

  return Object.freeze({
    tenantId: store.tenantId,
    append,
    readStream,
    readAll,
    subscribe,
    streamVersion: (streamId: string) => store.streamVersion(streamId),
    streamExists: (streamId: string) => store.streamExists(streamId),
    lastPosition: () => store.lastPosition(),
    close: () => store.close(),
    forgetSubject,
    rotateSubjectKey: async (subjectId: string) =>
      ring.rotate(`${API}.rotateSubjectKey`, checkSubjectId(`${API}.rotateSubjectKey`, subjectId)),
    rewrapKeys: () => ring.rewrapAll(`${API}.rewrapKeys`),
  });
}
