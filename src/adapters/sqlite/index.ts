export type { SqliteConnectionSettings } from "./connection.ts";
export { migrateSqlite, SQLITE_SCHEMA_VERSION } from "./schema.ts";
export {
  createSqliteEventStore,
  type SqliteEventStoreOptions,
} from "./sqliteEventStore.ts";
export {
  createSqliteProjectionProcessor,
  type SqliteProjection,
  type SqliteProjectionProcessorOptions,
  sqliteProjection,
} from "./sqliteProjection.ts";
export {
  createSqliteSnapshotStore,
  type SqliteSnapshotStoreOptions,
} from "./sqliteSnapshotStore.ts";
export { createSqliteKeyStore, type SqliteKeyStoreOptions } from "./keyStore.ts";
