import pg from "pg";
import { z } from "zod";
import { _zodIssues, ValidationError } from "../../core/errors/index.ts";
import { createCatchUpSubscription } from "../../core/eventStore/catchUpSubscription.ts";
import { _subscriptionRegistry } from "../../core/eventStore/subscriptionRegistry.ts";
import type { EventStore, SubscribeOptions, Subscription } from "../../core/eventStore/eventStore.ts";
import type { InlineHook } from "../../core/eventStore/inlineHook.ts";
import { type AnyEvent, type EventCatalog, tenantIdSchema } from "../../core/events/index.ts";
import { type Clock, systemClock } from "../../core/runtime/clock.ts";
import type { IdGenerator } from "../../core/runtime/ids.ts";
import { orderedIds } from "../../core/runtime/orderedIds.ts";
import { isPool, isQueryable, type Queryable, run, transaction } from "./connection.ts";
import { isPostgresProjection, type PostgresProjection } from "./postgresProjection.ts";
import { createPostgresReads } from "./postgresReads.ts";
import { createPostgresWriter } from "./postgresWriter.ts";
import { DEFAULT_SCHEMA, migratePostgres, POSTGRES_SCHEMA_VERSION, quoteSchema, readVersion } from "./schema.ts";
import { signalAppend, waitForSignal } from "./appendSignal.ts";
import { SalesfoldError } from "../../core/errors/index.ts";

/**
 * Options of {@link createPostgresEventStore}.
 *
 * @typeParam E - The event union.
 * @example
 * ```ts
 * const options: PostgresEventStoreOptions<SalesEvent> = { pool, catalog, tenantId: "acme", schema: "salesfold" };
 * ```
 */
export interface PostgresEventStoreOptions<E extends AnyEvent> {
  /**
   * A `pg.Pool` (recommended), or one connected `pg.Client` / pool client that the store then uses for every
   * statement. `close()` leaves it open. Give `connectionString` instead to have the store open (and close) a pool.
   */
  readonly pool?: Queryable;
  /** A PostgreSQL URL: the store opens a `pg.Pool` on it, and `close()` ends it. */
  readonly connectionString?: string;
  /** The event types the store accepts. */
  readonly catalog: EventCatalog<E>;
  /** The tenant of this handle; `default` when omitted. */
  readonly tenantId?: string;
  /** The schema holding salesfold's tables; `salesfold` by default. 1-48 letters, digits or `_`. */
  readonly schema?: string;
  /** Where `recordedAt` (and a missing `occurredAt`) come from; the wall clock by default. */
  readonly clock?: Clock;
  /**
   * Where missing event ids come from. By default, 21-character ids of nanoid's alphabet that sort in creation order
   * within the handle (a random prefix, a counter, random characters), which keeps the event-id index cheap to grow;
   * pass `randomId` for ids that are random throughout.
   */
  readonly ids?: IdGenerator;
  /**
   * Read models updated inside every append: `inlineProjection(...)` hooks (staged in the write transaction,
   * published after the commit) and {@link postgresProjection} read models (applied in the write transaction).
   * With any, each append runs as BEGIN, the append, the read models, COMMIT: needs a `pg.Pool`.
   */
  readonly inline?: readonly (InlineHook | PostgresProjection<any>)[];
  /** Create or upgrade the schema on first use (see {@link migratePostgres}); `true` by default. */
  readonly migrate?: boolean;
  /** How often a waiting subscription looks for appends made by other processes; 50 ms by default. */
  readonly pollIntervalMs?: number;
  /** Rows fetched per round trip by `readAll`; 1,000 by default. */
  readonly pageSize?: number;
  /**
   * Group commit, on by default when the store has a `pg.Pool` and no inline read models. The handle runs at most
   * `calls` append calls at once (2 by default); appends made meanwhile wait, then share the next call and its
   * commit (`append_group`), up to `maxEvents` events (1,000 by default) and 64 appends, one per stream. Each append
   * is still checked and stored or refused on its own, with the result it would have had alone, and a handle's
   * appends to one stream keep their order. Under concurrent load this saves a commit (an fsync) and a round trip per
   * append. `false` sends every append as its own call, as many at once as the pool allows.
   */
  readonly groupCommit?: boolean | { readonly calls?: number; readonly maxEvents?: number };
}

const optionsSchema = z
  .strictObject({
    pool: z.custom<Queryable>(isQueryable, "a pg.Pool, pg.Client or pool client").optional(),
    connectionString: z.string().min(1).optional(),
    catalog: z.custom<EventCatalog>(
      (v) => typeof v === "object" && v !== null && "prepare" in v && "parseStored" in v,
      "an EventCatalog",
    ),
    tenantId: tenantIdSchema.optional(),
    schema: z.string().optional(),
    clock: z.custom<Clock>((v) => typeof (v as Clock)?.now === "function", "a Clock").optional(),
    ids: z.custom<IdGenerator>((v) => typeof v === "function", "an IdGenerator").optional(),
    inline: z
      .array(
        z.custom<InlineHook | PostgresProjection>(
          (v) => typeof (v as InlineHook)?.stage === "function" || isPostgresProjection(v),
          "an InlineHook or a postgresProjection",
        ),
      )
      .optional(),
    migrate: z.boolean().optional(),
    pollIntervalMs: z.number().int().min(1).max(60_000).optional(),
    pageSize: z.number().int().min(1).max(100_000).optional(),
    groupCommit: z
      .union([
        z.boolean(),
        z.strictObject({
          calls: z.number().int().min(1).max(1_000).optional(),
          maxEvents: z.number().int().min(1).max(100_000).optional(),
        }),
      ])
      .optional(),
  })
  .refine((o) => (o.pool === undefined) !== (o.connectionString === undefined), {
    message: "give either pool or connectionString",
    path: ["pool"],
  })
  .refine((o) => !o.inline?.length || o.connectionString !== undefined || isPool(o.pool), {
    message: "inline read models need a pg.Pool: each append runs in its own transaction",
    path: ["inline"],
  });

const API = "PostgresEventStore";

/**
 * Creates an event store in PostgreSQL, bound to one tenant. Each append is ONE round trip: a call of the
 * `append_events` function that locks the stream, checks the expected version and event ids, takes positions and
 * inserts the batch, atomically. Concurrent appends to distinct streams share a call and a commit
 * (`append_group`, see `groupCommit`), each still decided on its own. Readers (`readAll`, `subscribe`, `lastPosition`) never pass a position a
 * still-running transaction may fill. See docs/adapters/postgres.md for the layout and guarantees.
 *
 * @param options - The pool, catalog, tenant, schema, clock, ids and inline read models.
 * @returns An {@link EventStore}. It creates its schema on first use unless `migrate: false`.
 * @throws {@link ValidationError} for invalid options, such as a schema name that is not a plain identifier.
 * @example
 * ```ts
 * import pg from "pg";
 * import { createPostgresEventStore } from "salesfold/postgres";
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const store = createPostgresEventStore({ pool, catalog, tenantId: "acme" });
 * await store.append("deal-1", [{ type: "DealWon", data: { dealId: "deal-1" } }], { expectedVersion: "no_stream" });
 * ```
 */
export function createPostgresEventStore<E extends AnyEvent>(options: PostgresEventStoreOptions<E>): EventStore<E> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ValidationError("createPostgresEventStore", _zodIssues(parsed.error.issues));
  }
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const S = quoteSchema("createPostgresEventStore", schema);
  const owned = options.pool === undefined;
  const db: Queryable = options.pool ?? new pg.Pool({ connectionString: options.connectionString });
  // An idle pooled connection that dies (a server restart) must not crash the process: the next query reconnects.
  if (owned) (db as pg.Pool).on("error", () => undefined);
  const catalog = options.catalog;
  const tenantId = options.tenantId ?? "default";
  const inline = options.inline ?? [];
  const pollIntervalMs = options.pollIntervalMs ?? 50;
  const signalKey = `${schema}\u0000${tenantId}`;

  let ready: Promise<void> | undefined;
  const prepare = () => {
    ready ??= (async () => {
      if (options.migrate === false) {
        const found = await readVersion(db, S);
        if (found !== POSTGRES_SCHEMA_VERSION) {
          throw new SalesfoldError(
            "invalid_state",
            `${API}: schema ${JSON.stringify(schema)} is at salesfold schema version ${found}, this build needs ${POSTGRES_SCHEMA_VERSION}; run migratePostgres`,
          );
        }
      } else {
        await migratePostgres(db, { schema });
      }
      // The tenant's position sequence, in its own short transaction (see tenant_sequence in the schema).
      await run(db, { name: `sf.tenant.${schema}`, text: `SELECT ${S}.tenant_sequence($1)::text` }, [tenantId]);
      const sql = inline.filter((h): h is PostgresProjection => isPostgresProjection(h));
      if (sql.length > 0) {
        await transaction(db, async (client) => {
          for (const p of sql) await p.setup(client);
        });
      }
    })();
    // A failed preparation (the server was down) is tried again by the next call.
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };

  let closed = false;
  let closing: Promise<void> | undefined;
  const pending = new Set<Promise<unknown>>();
  const open = async (what: string) => {
    if (closed)
      throw new ValidationError(`${API}.${what}`, [{ code: "store_closed", path: [], message: "the store is closed" }]);
    await prepare();
  };

  const reads = createPostgresReads<E>({
    api: API,
    db,
    S,
    schema,
    tenantId,
    catalog,
    pageSize: options.pageSize ?? 1000,
  });
  const append = createPostgresWriter<E>({
    api: API,
    db,
    S,
    schema,
    tenantId,
    catalog,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? orderedIds(),
    inline,
    reads,
    groupCommit:
      options.groupCommit === false
        ? false
        : {
            calls: (typeof options.groupCommit === "object" ? options.groupCommit.calls : undefined) ?? 2,
            maxEvents: (typeof options.groupCommit === "object" ? options.groupCommit.maxEvents : undefined) ?? 1_000,
          },
  });

  const subscriptions = _subscriptionRegistry();
  const subscribe = (subscribeOptions: SubscribeOptions<E>): Subscription => {
    if (closed)
      throw new ValidationError(`${API}.subscribe`, [
        { code: "store_closed", path: [], message: "the store is closed" },
      ]);
    const sub = createCatchUpSubscription(
      `${API}.subscribe`,
      {
        readBatch: async (after, limit, types) => {
          await prepare();
          return reads.readBatch(after, limit, types);
        },
        waitForAppend: (_after, signal) => waitForSignal(signalKey, pollIntervalMs, signal),
      },
      subscribeOptions,
    );
    return subscriptions.track(sub);
  };

  return Object.freeze({
    tenantId,
    append: (streamId, events, appendOptions) => {
      const running = (async () => {
        await open("append");
        const result = await append(streamId, events, appendOptions);
        if (result.events.length > 0) signalAppend(signalKey);
        return result;
      })();
      // Counted from the call on, so that a close() made meanwhile lets it finish before ending the pool.
      pending.add(running);
      const forget = () => pending.delete(running);
      running.then(forget, forget);
      return running;
    },
    readStream: async (streamId, readOptions) => {
      await open("readStream");
      return reads.readStream(streamId, readOptions);
    },
    readAll: (readOptions) => {
      if (closed)
        throw new ValidationError(`${API}.readAll`, [
          { code: "store_closed", path: [], message: "the store is closed" },
        ]);
      const iterable = reads.readAll(readOptions);
      return {
        async *[Symbol.asyncIterator]() {
          await open("readAll");
          yield* iterable;
        },
      };
    },
    subscribe,
    streamVersion: async (streamId) => {
      await open("streamVersion");
      return reads.streamVersion(streamId);
    },
    streamExists: async (streamId) => {
      await open("streamExists");
      return (await reads.streamVersion(streamId)) > 0;
    },
    lastPosition: async () => {
      await open("lastPosition");
      return reads.lastPosition();
    },
    close: () => {
      closing ??= (async () => {
        closed = true;
        // Appends already under way finish first: the pool is not ended under them.
        await Promise.allSettled([...pending]);
        await subscriptions.stopAll();
        if (owned) await (db as pg.Pool).end();
      })();
      return closing;
    },
  } satisfies EventStore<E>);
}
