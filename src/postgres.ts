/**
 * salesfold/postgres: the PostgreSQL event store, snapshot store and SQL read models, on node-postgres (`pg`).
 * Loads its driver only when this entry is imported: pg is an optional peer dependency.
 *
 * @packageDocumentation
 */
export {
  createPostgresEventStore,
  createPostgresProjectionProcessor,
  createPostgresSnapshotStore,
  type MigratePostgresOptions,
  migratePostgres,
  POSTGRES_SCHEMA_VERSION,
  type PostgresEventStoreOptions,
  type PostgresProjection,
  type PostgresProjectionProcessorOptions,
  type PostgresSnapshotStoreOptions,
  postgresProjection,
  type Queryable,
} from "./adapters/postgres/index.ts";
export { createPostgresKeyStore, type PostgresKeyStoreOptions } from "./adapters/postgres/index.ts";
