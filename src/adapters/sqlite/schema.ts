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
export const SQLITE_SCHEMA_VERSION = 1;

// Every table is prefixed `salesfold_`, so the store can share a database file with an application's own tables.
const MIGRATIONS: readonly (readonly string[])[] = [
  [
    // One B-tree holds a tenant's log in position order (readAll, subscriptions and the head are range scans of the
    // primary key); two unique indexes serve stream reads with the version check, and event-id idempotency. An
    // append writes one leaf page of each: a separate rowid table, tenant index or stream-version table would each
    // add a page to every commit. A position is per tenant: the head plus one, taken under the write lock.
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
];

/**
 * Creates or upgrades salesfold's tables in a SQLite database: `salesfold_events`, `salesfold_checkpoints`,
 * `salesfold_snapshots`, and `salesfold_schema`, which records the versions applied.
 * Idempotent and safe to run from several processes at once: each step runs in a `BEGIN IMMEDIATE` transaction
 * and creates only what is missing. `createSqliteEventStore` runs it unless told not to.
 *
 * @param db - An open better-sqlite3 database.
 * @returns The schema version of the database afterwards.
 * @throws {@link SalesfoldError} `invalid_state` when the database was written by a newer salesfold schema.
 * @example
 * ```ts
 * import Database from "better-sqlite3";
 * import { migrateSqlite } from "salesfold/sqlite";
 * const db = new Database("sales.db");
 * migrateSqlite(db); // 1
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
