import type pg from "pg";
import { z } from "zod";
import { _zodIssues, SalesfoldError, ValidationError, type ValidationIssue } from "../../core/errors/index.ts";
import { type AnyEvent, type EventEnvelope, tenantIdSchema } from "../../core/events/index.ts";
import type { ProjectionProcessor } from "../../core/projections/projectionRunner.ts";
import { isQueryable, type Queryable, run, transaction } from "./connection.ts";
import { DEFAULT_SCHEMA, migratePostgres, quoteSchema } from "./schema.ts";

/**
 * A read model kept in SQL tables of the events' PostgreSQL database. Use it inline (in the store's `inline`
 * option: applied inside each append's transaction) or asynchronously (with
 * {@link createPostgresProjectionProcessor}: applied with its checkpoint in one transaction). Each function gets
 * the connection of the transaction and must run its SQL on it.
 *
 * @typeParam E - The event union.
 * @example
 * ```ts
 * const wins: PostgresProjection = postgresProjection({
 *   name: "wins-by-rep",
 *   types: ["DealWon"],
 *   setup: (c) => c.query("CREATE TABLE IF NOT EXISTS wins (tenant_id text, rep text, n int, PRIMARY KEY (tenant_id, rep))"),
 *   apply: async (c, events) => { for (const e of events) await c.query("INSERT INTO wins VALUES ($1, $2, 1) ON CONFLICT (tenant_id, rep) DO UPDATE SET n = wins.n + 1", [e.tenantId, e.data.repId]); },
 *   reset: (c, tenantId) => c.query("DELETE FROM wins WHERE tenant_id = $1", [tenantId]),
 * });
 * ```
 */
export interface PostgresProjection<E extends AnyEvent = AnyEvent> {
  /** A stable name: the key of the projection's checkpoint. */
  readonly name: string;
  /** The event types `apply` receives; all when omitted. */
  readonly types?: readonly string[];
  /** Creates the read model's tables if missing. Must be idempotent: it runs whenever a store or processor opens. */
  setup(client: pg.ClientBase): Promise<unknown> | unknown;
  /** Applies a batch, in global order, inside a transaction: throwing (or rejecting) rolls the batch back. */
  apply(client: pg.ClientBase, events: readonly EventEnvelope<E>[]): Promise<unknown> | unknown;
  /** Empties the read model of one tenant, for a rebuild. A single-tenant read model may ignore `tenantId`. */
  reset(client: pg.ClientBase, tenantId: string): Promise<unknown> | unknown;
}

const fn = z.custom<(...args: unknown[]) => unknown>((v) => typeof v === "function", "a function");
const definitionSchema = z.strictObject({
  name: z.string().min(1).max(200),
  types: z.array(z.string().min(1)).optional(),
  setup: fn,
  apply: fn,
  reset: fn,
});

/**
 * Defines a SQL read model: checks the definition and freezes it.
 *
 * @param definition - The name, types, and the `setup`, `apply` and `reset` functions.
 * @returns The frozen projection.
 * @throws {@link ValidationError} for a missing name or function.
 * @example
 * ```ts
 * import { postgresProjection } from "salesfold/postgres";
 * const counts = postgresProjection({
 *   name: "event-counts",
 *   setup: (c) => c.query("CREATE TABLE IF NOT EXISTS event_counts (tenant_id text, type text, n int, PRIMARY KEY (tenant_id, type))"),
 *   apply: async (c, events) => {
 *     for (const e of events)
 *       await c.query("INSERT INTO event_counts VALUES ($1, $2, 1) ON CONFLICT (tenant_id, type) DO UPDATE SET n = event_counts.n + 1", [e.tenantId, e.type]);
 *   },
 *   reset: (c, tenantId) => c.query("DELETE FROM event_counts WHERE tenant_id = $1", [tenantId]),
 * });
 * ```
 */
export function postgresProjection<E extends AnyEvent = AnyEvent>(
  definition: PostgresProjection<E>,
): PostgresProjection<E> {
  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new ValidationError("postgresProjection", _zodIssues(parsed.error.issues));
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
export function isPostgresProjection(value: unknown): value is PostgresProjection {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as PostgresProjection).apply === "function" &&
    typeof (value as PostgresProjection).setup === "function" &&
    typeof (value as PostgresProjection).reset === "function" &&
    typeof (value as PostgresProjection).name === "string"
  );
}

/** @internal The events of a batch a projection wants. */
export function eventsFor<E extends AnyEvent>(
  projection: PostgresProjection<E>,
  events: readonly EventEnvelope<E>[],
): readonly EventEnvelope<E>[] {
  if (projection.types === undefined) return events;
  const types = new Set(projection.types);
  return events.filter((e) => types.has(e.type));
}

/**
 * Options of {@link createPostgresProjectionProcessor}.
 *
 * @example
 * ```ts
 * const options: PostgresProjectionProcessorOptions = { schema: "salesfold", tenantId: "acme" };
 * ```
 */
export interface PostgresProjectionProcessorOptions {
  /** The schema holding the checkpoints table (the events' schema); `salesfold` by default. */
  readonly schema?: string;
  /** The tenant whose events the processor receives (its checkpoint is kept per tenant); `default` when omitted. */
  readonly tenantId?: string;
  /** Create or upgrade salesfold's tables first (see {@link migratePostgres}); `true` by default. */
  readonly migrate?: boolean;
}

/**
 * Creates a {@link ProjectionProcessor} for `createProjectionRunner` that keeps a SQL read model in PostgreSQL.
 * Each batch is applied and its checkpoint moved in ONE transaction; the checkpoint row is locked first, and events
 * at or below it are skipped, so a batch delivered again (after a crash, or to a second runner) is applied once.
 *
 * @param pool - A `pg.Pool` (recommended) or a client the processor may use for its own transactions.
 * @param projection - The read model, from {@link postgresProjection}.
 * @param options - The schema and tenant.
 * @returns The processor; the projection's `setup` runs before its first checkpoint read.
 * @throws {@link ValidationError} for an invalid pool, projection, schema or tenant.
 * @example
 * ```ts
 * import { createProjectionRunner } from "salesfold";
 * import { createPostgresProjectionProcessor } from "salesfold/postgres";
 * const runner = createProjectionRunner(store, createPostgresProjectionProcessor(pool, counts, { tenantId: "acme" }));
 * await runner.start();
 * ```
 */
export function createPostgresProjectionProcessor<E extends AnyEvent = AnyEvent>(
  pool: Queryable,
  projection: PostgresProjection<E>,
  options: PostgresProjectionProcessorOptions = {},
): ProjectionProcessor<E> {
  const api = "createPostgresProjectionProcessor";
  const issues: ValidationIssue[] = [];
  if (!isQueryable(pool))
    issues.push({ code: "invalid_type", path: ["pool"], message: "a pg.Pool, pg.Client or pool client" });
  if (!isPostgresProjection(projection))
    issues.push({ code: "invalid_type", path: ["projection"], message: "a projection from postgresProjection()" });
  const tenant = tenantIdSchema.optional().safeParse(options?.tenantId);
  if (!tenant.success)
    for (const i of tenant.error.issues) issues.push({ code: i.code, path: ["tenantId"], message: i.message });
  if (issues.length > 0) throw new ValidationError(api, issues);
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const S = quoteSchema(api, schema);
  const tenantId = options.tenantId ?? "default";
  const name = projection.name;
  const label = `PostgresProjectionProcessor(${JSON.stringify(name)})`;
  const types = projection.types === undefined ? undefined : new Set(projection.types);

  let ready: Promise<void> | undefined;
  const setup = () => {
    ready ??= (async () => {
      if (options.migrate !== false) await migratePostgres(pool, { schema });
      await transaction(pool, async (client) => {
        await projection.setup(client);
      });
    })();
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };

  const handle = async (events: readonly EventEnvelope<E>[]) => {
    if (events.length === 0) return;
    await setup();
    for (const e of events) {
      if (e.tenantId !== tenantId) {
        throw new SalesfoldError(
          "invalid_state",
          `${label}.handle: received an event of tenant ${JSON.stringify(e.tenantId)}; this processor is bound to ${JSON.stringify(tenantId)}`,
        );
      }
    }
    const last = events[events.length - 1]!.globalPosition;
    await transaction(pool, async (client) => {
      await client.query(
        `INSERT INTO ${S}.checkpoints (tenant_id, name, position) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
        [tenantId, name],
      );
      // The row lock makes a second runner of the same projection wait, then skip what this one applied.
      const { rows } = await client.query<{ position: string }>(
        `SELECT position FROM ${S}.checkpoints WHERE tenant_id = $1 AND name = $2 FOR UPDATE`,
        [tenantId, name],
      );
      const checkpoint = Number(rows[0]?.position ?? 0);
      if (last <= checkpoint) return;
      const fresh = events.filter((e) => e.globalPosition > checkpoint && (types === undefined || types.has(e.type)));
      if (fresh.length > 0) await projection.apply(client, fresh);
      await client.query(
        `UPDATE ${S}.checkpoints SET position = $3, updated_at = now() WHERE tenant_id = $1 AND name = $2`,
        [tenantId, name, last],
      );
    });
  };

  return Object.freeze({
    name,
    ...(projection.types === undefined ? {} : { types: projection.types }),
    checkpoint: async () => {
      await setup();
      const rows = await run<{ position: string }>(
        pool,
        {
          name: `sf.checkpoint.${schema}`,
          text: `SELECT position FROM ${S}.checkpoints WHERE tenant_id = $1 AND name = $2`,
        },
        [tenantId, name],
      );
      return Number(rows[0]?.position ?? 0);
    },
    handle,
    reset: async () => {
      await setup();
      await transaction(pool, async (client) => {
        await projection.reset(client, tenantId);
        await client.query(`DELETE FROM ${S}.checkpoints WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
      });
    },
  });
}
