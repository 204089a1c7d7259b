import type Database from "better-sqlite3";
import { z } from "zod";
import { _zodIssues, SalesfoldError, ValidationError } from "../../core/errors/index.ts";
import { type AnyEvent, type EventEnvelope, tenantIdSchema } from "../../core/events/index.ts";
import type { ProjectionProcessor } from "../../core/projections/projectionRunner.ts";
import { isDatabase } from "./connection.ts";
import { migrateSqlite } from "./schema.ts";

/**
 * A read model kept in SQL tables of the same SQLite database as the events. Use it inline (in the store's `inline`
 * option: applied inside each append's transaction) or asynchronously (with
 * {@link createSqliteProjectionProcessor}: applied with its checkpoint in one transaction). Every function is
 * synchronous, as better-sqlite3 is, and must only use the `db` it is given.
 *
 * @typeParam E - The event union.
 * @example
 * ```ts
 * const wins: SqliteProjection = sqliteProjection({
 *   name: "wins-by-rep",
 *   types: ["DealWon"],
 *   setup: (db) => db.exec("CREATE TABLE IF NOT EXISTS wins (tenant_id TEXT, rep TEXT, n INTEGER, PRIMARY KEY (tenant_id, rep))"),
 *   apply: (db, events) => { for (const e of events) upsertWin.run(e.tenantId, e.data.repId); },
 *   reset: (db, tenantId) => db.prepare("DELETE FROM wins WHERE tenant_id = ?").run(tenantId),
 * });
 * ```
 */
export interface SqliteProjection<E extends AnyEvent = AnyEvent> {
  /** A stable name: the key of the projection's checkpoint. */
  readonly name: string;
  /** The event types `apply` receives; all when omitted. */
  readonly types?: readonly string[];
  /** Creates the read model's tables if missing. Must be idempotent: it runs whenever a store or processor opens. */
  setup(db: Database.Database): void;
  /** Applies a batch, in global order. Runs inside a transaction: throwing rolls the batch back. */
  apply(db: Database.Database, events: readonly EventEnvelope<E>[]): void;
  /**
   * Empties the read model of one tenant, for a rebuild of that tenant's projection. A read model that keeps a
   * single tenant may ignore `tenantId`.
   */
  reset(db: Database.Database, tenantId: string): void;
}

const definitionSchema = z.strictObject({
  name: z.string().min(1).max(200),
  types: z.array(z.string().min(1)).optional(),
  setup: z.custom<(db: unknown) => void>((v) => typeof v === "function", "a function"),
  apply: z.custom<(db: unknown, events: unknown) => void>((v) => typeof v === "function", "a function"),
  reset: z.custom<(db: unknown, tenantId: string) => void>((v) => typeof v === "function", "a function"),
});

/**
 * Defines a SQL read model: checks the definition and freezes it.
 *
 * @param definition - The name, types, and the `setup`, `apply` and `reset` functions.
 * @returns The frozen projection.
 * @throws {@link ValidationError} for a missing name or function.
 * @example
 * ```ts
 * import { sqliteProjection } from "salesfold/sqlite";
 * const counts = sqliteProjection({
 *   name: "event-counts",
 *   setup: (db) => db.exec("CREATE TABLE IF NOT EXISTS event_counts (type TEXT PRIMARY KEY, n INTEGER NOT NULL)"),
 *   apply: (db, events) => {
 *     const bump = db.prepare("INSERT INTO event_counts VALUES (?, 1) ON CONFLICT (type) DO UPDATE SET n = n + 1");
 *     for (const e of events) bump.run(e.type);
 *   },
 *   reset: (db) => db.exec("DELETE FROM event_counts"),
 * });
 * ```
 */
export function sqliteProjection<E extends AnyEvent = AnyEvent>(definition: SqliteProjection<E>): SqliteProjection<E> {
  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new ValidationError("sqliteProjection", _zodIssues(parsed.error.issues));
  }
  const types = definition.types === undefined ? undefined : Object.freeze([...definition.types]);
  return Object.freeze({
    name: definition.name,
    ...(types === undefined ? {} : { types }),
    setup: definition.setup,
    apply: definition.apply,
    reset: definition.reset,
  });
}

/** @internal Whether an `inline` entry is a SQL projection rather than an in-memory `InlineHook`. */
export function isSqliteProjection(value: unknown): value is SqliteProjection {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as SqliteProjection).apply === "function" &&
    typeof (value as SqliteProjection).setup === "function" &&
    typeof (value as SqliteProjection).reset === "function" &&
    typeof (value as SqliteProjection).name === "string"
  );
}

/** @internal Runs `apply` and refuses an async one: its writes would land after the transaction committed. */
export function applyProjection(
  api: string,
  projection: SqliteProjection,
  db: Database.Database,
  events: readonly EventEnvelope[],
): void {
  const out = projection.apply(db, events) as unknown;
  if (typeof (out as Promise<unknown> | undefined)?.then === "function") {
    throw new SalesfoldError(
      "invalid_state",
      `${api}: projection ${JSON.stringify(projection.name)} returned a promise; apply must be synchronous, as better-sqlite3 transactions are`,
    );
  }
}

/** @internal The prepared statements of the checkpoints table. */
export interface CheckpointStatements {
  readonly get: Database.Statement<[string, string], number>;
  readonly set: Database.Statement<[string, string, number, string]>;
  readonly remove: Database.Statement<[string, string]>;
}

/** @internal Prepares the checkpoint statements. */
export function checkpointStatements(db: Database.Database): CheckpointStatements {
  return {
    get: db
      .prepare<[string, string], number>("SELECT position FROM salesfold_checkpoints WHERE tenant_id = ? AND name = ?")
      .pluck(),
    set: db.prepare<[string, string, number, string]>(
      `INSERT INTO salesfold_checkpoints (tenant_id, name, position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id, name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    ),
    remove: db.prepare<[string, string]>("DELETE FROM salesfold_checkpoints WHERE tenant_id = ? AND name = ?"),
  };
}

/**
 * Options of {@link createSqliteProjectionProcessor}.
 *
 * @example
 * ```ts
 * const options: SqliteProjectionProcessorOptions = { tenantId: "acme" };
 * ```
 */
export interface SqliteProjectionProcessorOptions {
  /** The tenant whose events the processor receives (its checkpoint is kept per tenant); `default` when omitted. */
  readonly tenantId?: string;
}

/**
 * Creates a {@link ProjectionProcessor} for `createProjectionRunner` that keeps a SQL read model in the events'
 * database. Each batch is applied and its checkpoint moved in ONE `BEGIN IMMEDIATE` transaction, and events at or
 * below the stored checkpoint are skipped, so a batch delivered again after a crash is applied exactly once.
 *
 * @param db - The database holding the events and the read model.
 * @param projection - The read model, from {@link sqliteProjection}.
 * @param options - The tenant.
 * @returns The processor; its `setup` has run.
 * @throws {@link ValidationError} for an invalid database, projection or tenant.
 * @example
 * ```ts
 * import { createProjectionRunner } from "salesfold";
 * import { createSqliteProjectionProcessor } from "salesfold/sqlite";
 * const runner = createProjectionRunner(store, createSqliteProjectionProcessor(db, counts, { tenantId: "acme" }));
 * await runner.start();
 * ```
 */
export function createSqliteProjectionProcessor<E extends AnyEvent = AnyEvent>(
  db: Database.Database,
  projection: SqliteProjection<E>,
  options: SqliteProjectionProcessorOptions = {},
): ProjectionProcessor<E> {
  const api = "createSqliteProjectionProcessor";
  const issues = [];
  if (!isDatabase(db))
    issues.push({
      code: "invalid_type",
      path: ["db"],
      message: "a better-sqlite3 Database",
    });
  if (!isSqliteProjection(projection))
    issues.push({
      code: "invalid_type",
      path: ["projection"],
      message: "a projection from sqliteProjection()",
    });
  const tenant = tenantIdSchema.optional().safeParse(options.tenantId);
  if (!tenant.success)
    for (const i of tenant.error.issues) issues.push({ code: i.code, path: ["tenantId"], message: i.message });
  if (issues.length > 0) throw new ValidationError(api, issues);
  const tenantId = options.tenantId ?? "default";
  const name = projection.name;
  const label = `SqliteProjectionProcessor(${JSON.stringify(name)})`;
  migrateSqlite(db);
  db.transaction(() => projection.setup(db)).immediate();
  const checkpoints = checkpointStatements(db);
  const types = projection.types === undefined ? undefined : new Set(projection.types);

  const handle = db.transaction((events: readonly EventEnvelope<E>[]) => {
    const checkpoint = checkpoints.get.get(tenantId, name) ?? 0;
    const fresh: EventEnvelope<E>[] = [];
    for (const e of events) {
      if (e.tenantId !== tenantId) {
        throw new SalesfoldError(
          "invalid_state",
          `${label}.handle: received an event of tenant ${JSON.stringify(e.tenantId)}; this processor is bound to ${JSON.stringify(tenantId)}`,
        );
      }
      if (e.globalPosition > checkpoint && (types === undefined || types.has(e.type))) fresh.push(e);
    }
    const last = events.length > 0 ? events[events.length - 1]!.globalPosition : checkpoint;
    if (last <= checkpoint) return;
    if (fresh.length > 0) applyProjection(`${label}.handle`, projection as SqliteProjection, db, fresh);
    checkpoints.set.run(tenantId, name, last, new Date().toISOString());
  });

  return Object.freeze({
    name,
    ...(projection.types === undefined ? {} : { types: projection.types }),
    checkpoint: async () => checkpoints.get.get(tenantId, name) ?? 0,
    handle: async (events: readonly EventEnvelope<E>[]) => handle.immediate(events),
    reset: async () =>
      db
        .transaction(() => {
          projection.reset(db, tenantId);
          checkpoints.remove.run(tenantId, name);
        })
        .immediate(),
  });
}
