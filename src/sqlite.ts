/**
 * salesfold/sqlite: the SQLite event store, snapshot store and SQL read models, on better-sqlite3. Loads its driver
 * only when this entry is imported: better-sqlite3 is an optional peer dependency.
 *
 * @packageDocumentation
 */
export {
  createSqliteEventStore,
  createSqliteProjectionProcessor,
  createSqliteSnapshotStore,
  migrateSqlite,
  SQLITE_SCHEMA_VERSION,
  type SqliteConnectionSettings,
  type SqliteEventStoreOptions,
  type SqliteProjection,
  type SqliteProjectionProcessorOptions,
  type SqliteSnapshotStoreOptions,
  sqliteProjection,
} from "./adapters/sqlite/index.ts";
export { createSqliteKeyStore, type SqliteKeyStoreOptions } from "./adapters/sqlite/index.ts";
