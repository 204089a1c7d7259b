import type BetterSqlite3 from "better-sqlite3";
import { SalesfoldError } from "../../core/errors/index.ts";

/**
 * The salesfold schema version this build of the SQLite adapter creates and reads, as recorded in `salesfold_schema`.
 *
 * @example
 * ```ts
 * import { migrateSqlite, SQLITE_SCHEMA_VERSION } from "salesfold/sqlite";
 * if (migrateSqlite(db) !== SQLITE_SCHEMA_VERSION) throw new Error("unexpected schema");
 * ```
 */
export const SQLITE_SCHEMA_VERSION = 2;

/** @internal Positions per tenant: a row's `log_key` is `tenant_key * POSITIONS_PER_TENANT + global_position`. */
export const POSITIONS_PER_TENANT = 2 ** 40;
/** @internal The highest position a tenant can reach: 2^40 - 1, about 1.1e12. */
export const MAX_POSITION = POSITIONS_PER_TENANT - 1;
/** @internal The highest tenant key: every `log_key` stays below 2^63, SQLite's largest rowid. */
export const MAX_TENANT_KEY = 2 ** 23 - 1;
/** @internal The metadata most events carry, stored as NULL and restored on read. */
export const DEFAULT_METADATA = '{"schemaVersion":1}';

// Every table is prefixed `salesfold_`, so the store can share a database file with an application's own tables.
// Each entry upgrades the schema by one version; a new database runs them all, in one transaction.
const MIGRATIONS: readonly (readonly string[])[] = [
  [
    // Version 1: the event id stored in every row, under a third B-tree (see version 2).
    `CREATE TABLE IF NOT EXISTS salesfold_events (
      tenant_id TEXT NOT NULL,
      global_position INTEGER NOT NULL,
      stream_id TEXT NOT NULL,
      stream_version INTEGER NOT NULL,
      event_id TEXT NOT NULL,
      type TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      metadata TEXT NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (tenant_id, global_position),
      UNIQUE (tenant_id, stream_id, stream_version),
      UNIQUE (tenant_id, event_id)
    ) WITHOUT ROWID`,
    `CREATE TABLE IF NOT EXISTS salesfold_checkpoints (
      tenant_id TEXT NOT NULL,
      name TEXT NOT NULL,
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, name)
    ) WITHOUT ROWID`,
    `CREATE TABLE IF NOT EXISTS salesfold_snapshots (
      tenant_id TEXT NOT NULL,
      decider TEXT NOT NULL,
      stream_id TEXT NOT NULL,
      decider_version TEXT NOT NULL,
      stream_version INTEGER NOT NULL,
      state TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, decider, stream_id)
    ) WITHOUT ROWID`,
  ],
  [
    // Version 2. A tenant is a small integer key in `salesfold_tenants`, and an event's row is keyed by
    // `log_key = tenant_key * 2^40 + global_position`, an alias of the rowid: a tenant's log is one contiguous range
    // of the table's own B-tree, in position order (readAll, subscriptions and the head are range scans of it), and
    // an append writes at its end. One unique index on (tenant_key, stream_id, stream_version) serves stream reads
    // and the version check. A common append writes one leaf page of each of these two B-trees. A position is per
    // tenant: the head plus one, taken under the write lock.
    //
    // An event appended without an id (and with no id generator configured) stores NULL in `event_id`: its id is
    // `id_prefix:global_position`, unique because the position is, with `id_prefix` a random token per tenant in
    // `salesfold_tenants`. Only ids given by the caller or a configured generator are stored, and the partial index
    // keeps them unique per tenant; the common append leaves it untouched. Rows of version 1 keep their stored ids.
    //
    // `occurred_at` is NULL when it equals `recorded_at`, and `metadata` is NULL when it is exactly
    // `{"schemaVersion":1}`: reads restore both, so a common row stores neither.
    `CREATE TABLE salesfold_tenants (
      tenant_key INTEGER PRIMARY KEY CHECK (tenant_key BETWEEN 1 AND ${MAX_TENANT_KEY}),
      tenant_id TEXT NOT NULL UNIQUE,
      id_prefix TEXT
    )`,
    `CREATE TABLE salesfold_events_v2 (
      log_key INTEGER PRIMARY KEY,
      tenant_key INTEGER NOT NULL,
      stream_id TEXT NOT NULL,
      stream_version INTEGER NOT NULL,
      event_id TEXT,
      type TEXT NOT NULL,
      occurred_at TEXT,
      recorded_at TEXT NOT NULL,
      metadata TEXT,
      data TEXT NOT NULL,
      UNIQUE (tenant_key, stream_id, stream_version)
    )`,
    // Version 1's tenants get keys in the order of their ids; their prefixes are drawn at their first append.
    `INSERT INTO salesfold_tenants (tenant_id)
     SELECT DISTINCT tenant_id FROM salesfold_events ORDER BY tenant_id`,
    `INSERT INTO salesfold_events_v2
      (log_key, tenant_key, stream_id, stream_version, event_id, type, occurred_at, recorded_at, metadata, data)
     SELECT t.tenant_key * ${POSITIONS_PER_TENANT} + e.global_position, t.tenant_key, e.stream_id, e.stream_version,
       e.event_id, e.type, nullif(e.occurred_at, e.recorded_at), e.recorded_at,
       nullif(e.metadata, '${DEFAULT_METADATA}'), e.data
     FROM salesfold_events AS e JOIN salesfold_tenants AS t ON t.tenant_id = e.tenant_id
     ORDER BY 1`,
    "DROP TABLE salesfold_events",
    "ALTER TABLE salesfold_events_v2 RENAME TO salesfold_events",
    `CREATE UNIQUE INDEX salesfold_events_event_id ON salesfold_events (tenant_key, event_id)
     WHERE event_id IS NOT NULL`,
  ],
];

/**
 * Creates or upgrades salesfold's tables in a SQLite database: `salesfold_events`, `salesfold_checkpoints`,
 * `salesfold_snapshots`, `salesfold_tenants` (each tenant's key and prefix of derived event ids), and
 * `salesfold_schema`, which records the versions applied. Idempotent and safe to run from several processes at
 * once: every missing version is applied in one `BEGIN IMMEDIATE` transaction, so an upgrade is all or nothing.
 * Upgrading from version 1 rebuilds `salesfold_events` (every row is copied with its stored id, position and
 * content), which takes time in proportion to the log.
 * `createSqliteEventStore` runs it unless told not to.
 *
 * @param db - An open better-sqlite3 database.
 * @returns The schema version of the database afterwards.
 * @throws {@link SalesfoldError} `invalid_state` when the database was written by a newer salesfold schema.
 * @example
 * ```ts
 * import Database from "better-sqlite3";
 * import { migrateSqlite } from "salesfold/sqlite";
 * const db = new Database("sales.db");
 * migrateSqlite(db); // 2
 * ```
 */
export function migrateSqlite(db: BetterSqlite3.Database): number {
  const run = db.transaction(() => {
    db.exec(
      "CREATE TABLE IF NOT EXISTS salesfold_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) WITHOUT ROWID",
    );
    const row = db.prepare("SELECT max(version) AS v FROM salesfold_schema").get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > SQLITE_SCHEMA_VERSION) {
      throw new SalesfoldError(
        "invalid_state",
        `migrateSqlite: the database has salesfold schema version ${current}, newer than this build's ${SQLITE_SCHEMA_VERSION}; upgrade salesfold`,
      );
    }
    const record = db.prepare("INSERT INTO salesfold_schema (version, applied_at) VALUES (?, ?)");
    for (let v = current + 1; v <= SQLITE_SCHEMA_VERSION; v++) {
      for (const sql of MIGRATIONS[v - 1]!) db.exec(sql);
      record.run(v, new Date().toISOString());
    }
    return SQLITE_SCHEMA_VERSION;
  });
  return run.immediate();
}
