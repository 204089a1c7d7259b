import type Database from "better-sqlite3";
import { z } from "zod";
import { _zodIssues, ValidationError } from "../../core/errors/index.ts";
import { createCatchUpSubscription } from "../../core/eventStore/catchUpSubscription.ts";
import { _subscriptionRegistry } from "../../core/eventStore/subscriptionRegistry.ts";
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  SubscribeOptions,
  Subscription,
} from "../../core/eventStore/eventStore.ts";
import type { InlineHook } from "../../core/eventStore/inlineHook.ts";
import { parseReadAllOptions, parseReadStreamOptions, parseStreamId } from "../../core/eventStore/readOptions.ts";
import { type AnyEvent, type EventCatalog, type EventInput, tenantIdSchema } from "../../core/events/index.ts";
import { type Clock, systemClock } from "../../core/runtime/clock.ts";
import type { IdGenerator } from "../../core/runtime/ids.ts";
import { signalAppend, waitForAppend } from "./appendSignal.ts";
import { connectionSettingsShape, databaseSchema, openDatabase, type SqliteConnectionSettings } from "./connection.ts";
import { createDerivedIds } from "./derivedIds.ts";
import { migrateSqlite } from "./schema.ts";
import { isSqliteProjection, type SqliteProjection } from "./sqliteProjection.ts";
import { createSqliteReads } from "./sqliteReads.ts";
import { createSqliteWriter } from "./sqliteWriter.ts";
import { assertStorableText } from "./writeGuards.ts";

/**
 * Options of {@link createSqliteEventStore}.
 *
 * @typeParam E - The event union.
 * @example
 * ```ts
 * const options: SqliteEventStoreOptions<SalesEvent> = { database: "sales.db", catalog, tenantId: "acme" };
 * ```
 */
export interface SqliteEventStoreOptions<E extends AnyEvent> extends SqliteConnectionSettings {
  /**
   * A file path or `:memory:` (the store opens the database, and `close()` closes it), or an open better-sqlite3
   * `Database` (the store uses it, and `close()` leaves it open).
   */
  readonly database: string | Database.Database;
  /** The event types the store accepts. */
  readonly catalog: EventCatalog<E>;
  /** The tenant of this handle; `default` when omitted. */
  readonly tenantId?: string;
  /** Where `recordedAt` (and a missing `occurredAt`) come from; the wall clock by default. */
  readonly clock?: Clock;
  /**
   * Where missing event ids come from. By default an event appended without an id gets `prefix:globalPosition`,
   * derived from its position and stored as nothing (no event-id index entry to write), with `prefix` a random
   * 12-character token of the database and tenant. Ids from a generator given here are stored and checked for
   * uniqueness like ids given with the events.
   */
  readonly ids?: IdGenerator;
  /**
   * Read models updated inside every append: `inlineProjection(...)` hooks (staged in the write transaction,
   * published after the commit) and {@link sqliteProjection} read models (applied in the write transaction).
   */
  readonly inline?: readonly (InlineHook | SqliteProjection<any>)[];
  /** Create or upgrade the tables on open (see {@link migrateSqlite}); `true` by default. */
  readonly migrate?: boolean;
  /** How often a waiting subscription looks for appends made by other connections or processes; 50 ms by default. */
  readonly pollIntervalMs?: number;
}

const optionsSchema = z.strictObject({
  database: databaseSchema,
  catalog: z.custom<EventCatalog>(
    (v) => typeof v === "object" && v !== null && "prepare" in v && "parseStored" in v,
    "an EventCatalog",
  ),
  tenantId: tenantIdSchema.optional(),
  clock: z.custom<Clock>((v) => typeof (v as Clock)?.now === "function", "a Clock").optional(),
  ids: z.custom<IdGenerator>((v) => typeof v === "function", "an IdGenerator").optional(),
  inline: z
    .array(
      z.custom<InlineHook | SqliteProjection>(
        (v) => typeof (v as InlineHook)?.stage === "function" || isSqliteProjection(v),
        "an InlineHook or a sqliteProjection",
      ),
    )
    .optional(),
  migrate: z.boolean().optional(),
  pollIntervalMs: z.number().int().min(1).max(60_000).optional(),
  ...connectionSettingsShape,
});

const API = "SqliteEventStore";

/**
 * Creates an event store in a SQLite database, bound to one tenant. Appends run in one `BEGIN IMMEDIATE`
 * transaction with prepared statements: writers from any number of processes serialize on SQLite's write lock
 * (waiting up to `busyTimeoutMs`), so stream versions never gap and global positions follow commit order.
 *
 * @param options - The database, catalog, tenant, clock, ids, inline read models and connection settings.
 * @returns An {@link EventStore} backed by SQLite.
 * @throws {@link ValidationError} for invalid options.
 * @throws {@link SalesfoldError} `invalid_state` when the database has a newer salesfold schema.
 * @example
 * ```ts
 * import { createSqliteEventStore } from "salesfold/sqlite";
 * const store = createSqliteEventStore({ database: "sales.db", catalog, tenantId: "acme" });
 * await store.append("deal-1", [{ type: "DealWon", data: { dealId: "deal-1" } }], { expectedVersion: "no_stream" });
 * await store.close();
 * ```
 */
export function createSqliteEventStore<E extends AnyEvent>(options: SqliteEventStoreOptions<E>): EventStore<E> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ValidationError("createSqliteEventStore", _zodIssues(parsed.error.issues));
  }
  const catalog = options.catalog;
  const tenantId = options.tenantId ?? "default";
  const pollMs = options.pollIntervalMs ?? 50;
  const { db, owned } = openDatabase("createSqliteEventStore", options.database, options);
  let reads: ReturnType<typeof createSqliteReads<E>>;
  let writer: ReturnType<typeof createSqliteWriter<E>>;
  try {
    if (options.migrate !== false) migrateSqlite(db);
    const derivedIds = createDerivedIds(db, `${API}.read`, tenantId);
    reads = createSqliteReads(db, catalog, `${API}.read`, derivedIds);
    writer = createSqliteWriter(db, {
      api: `${API}.append`,
      catalog,
      tenantId,
      clock: options.clock ?? systemClock,
      ids: options.ids,
      derivedIds,
      inline: options.inline ?? [],
    });
  } catch (error) {
    if (owned) db.close();
    throw error;
  }

  let closed = false;
  const assertOpen = (api: string) => {
    if (closed)
      throw new ValidationError(`${API}.${api}`, [{ code: "store_closed", path: [], message: "the store is closed" }]);
  };

  const storableStreamId = (api: string, streamId: unknown): string => {
    const id = parseStreamId(`${API}.${api}`, streamId);
    assertStorableText(`${API}.${api}`, "streamId", id);
    return id;
  };

  const append = async (
    streamId: string,
    events: readonly EventInput<E>[],
    appendOptions?: AppendOptions,
  ): Promise<AppendResult<E>> => {
    assertOpen("append");
    const result = writer.append(streamId, events, appendOptions);
    if (result.written) signalAppend(db);
    return result.result;
  };

  const source = {
    readBatch: reads.readBatch,
    waitForAppend: (after: number, signal: AbortSignal) => waitForAppend(db, reads.head, after, signal, pollMs),
  };
  const subscriptions = _subscriptionRegistry();

  return Object.freeze({
    tenantId,
    append,
    readStream: async (streamId: string, readOptions?: Parameters<EventStore<E>["readStream"]>[1]) => {
      assertOpen("readStream");
      storableStreamId("readStream", streamId);
      return reads.readStream(streamId, parseReadStreamOptions(`${API}.readStream`, readOptions));
    },
    readAll: (readOptions?: Parameters<EventStore<E>["readAll"]>[0]) => {
      assertOpen("readAll");
      return reads.readAll(parseReadAllOptions(`${API}.readAll`, readOptions));
    },
    subscribe: (subscribeOptions: SubscribeOptions<E>): Subscription => {
      assertOpen("subscribe");
      return subscriptions.track(createCatchUpSubscription(`${API}.subscribe`, source, subscribeOptions));
    },
    streamVersion: async (streamId: string) => {
      assertOpen("streamVersion");
      return reads.streamVersion(storableStreamId("streamVersion", streamId));
    },
    streamExists: async (streamId: string) => {
      assertOpen("streamExists");
      return reads.streamVersion(storableStreamId("streamExists", streamId)) > 0;
    },
    lastPosition: async () => {
      assertOpen("lastPosition");
      return reads.head();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      // Subscriptions end with the store: their `done` resolves once the batch in flight is handled.
      await subscriptions.stopAll();
      if (owned && db.open) db.close();
    },
  }) satisfies EventStore<E>;
}
