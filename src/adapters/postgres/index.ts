export type { Queryable } from "./connection.ts";
export {
  createPostgresEventStore,
  type PostgresEventStoreOptions,
} from "./postgresEventStore.ts";
export {
  createPostgresProjectionProcessor,
  type PostgresProjection,
  type PostgresProjectionProcessorOptions,
  postgresProjection,
} from "./postgresProjection.ts";
export {
  createPostgresSnapshotStore,
  type PostgresSnapshotStoreOptions,
} from "./postgresSnapshotStore.ts";
export { type MigratePostgresOptions, migratePostgres, POSTGRES_SCHEMA_VERSION } from "./schema.ts";
export { createPostgresKeyStore, type PostgresKeyStoreOptions } from "./keyStore.ts";
