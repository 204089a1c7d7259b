import type { Snapshot, SnapshotStore } from "../../core/decider/snapshotStore.ts";
import { ValidationError, type ValidationIssue } from "../../core/errors/index.ts";
import { frozenJson, tenantIdSchema } from "../../core/events/index.ts";
import { isQueryable, type Queryable, run } from "./connection.ts";
import { assertStorableText } from "./rows.ts";
import { DEFAULT_SCHEMA, migratePostgres, quoteSchema } from "./schema.ts";

/**
 * Options of {@link createPostgresSnapshotStore}.
 *
 * @example
 * ```ts
 * const options: PostgresSnapshotStoreOptions = { schema: "salesfold", tenantId: "acme" };
 * ```
 */
export interface PostgresSnapshotStoreOptions {
  /** The schema holding the `snapshots` table; `salesfold` by default. */
  readonly schema?: string;
  /** The tenant whose streams the snapshots belong to; `default` when omitted. Use the event store's tenant. */
  readonly tenantId?: string;
  /** Create or upgrade salesfold's tables on first use (see {@link migratePostgres}); `true` by default. */
  readonly migrate?: boolean;
}

const API = "PostgresSnapshotStore";

/**
 * Creates a {@link SnapshotStore} in the `snapshots` table of a salesfold schema, for
 * `createCommandHandler({ snapshots: { store, every } })`. One snapshot per tenant, decider and stream, stored as
 * JSON text with the stream and decider versions; a save never replaces a newer snapshot of the same decider
 * version. The command handler ignores a snapshot whose decider version differs from the decider's.
 *
 * @param pool - A `pg.Pool`, `pg.Client` or pool client.
 * @param options - The schema and tenant.
 * @returns The snapshot store.
 * @throws {@link ValidationError} for an invalid connection, schema or tenant.
 * @example
 * ```ts
 * import { createCommandHandler } from "salesfold";
 * import { createPostgresSnapshotStore } from "salesfold/postgres";
 * const snapshots = createPostgresSnapshotStore(pool, { tenantId: "acme" });
 * const handler = createCommandHandler({ store, decider, commands, snapshots: { store: snapshots, every: 100 } });
 * ```
 */
export function createPostgresSnapshotStore(
  pool: Queryable,
  options: PostgresSnapshotStoreOptions = {},
): SnapshotStore {
  const issues: ValidationIssue[] = [];
  if (!isQueryable(pool))
    issues.push({ code: "invalid_type", path: ["pool"], message: "a pg.Pool, pg.Client or pool client" });
  const tenant = tenantIdSchema.optional().safeParse(options?.tenantId);
  if (!tenant.success)
    for (const i of tenant.error.issues) issues.push({ code: i.code, path: ["tenantId"], message: i.message });
  if (issues.length > 0) throw new ValidationError("createPostgresSnapshotStore", issues);
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const S = quoteSchema("createPostgresSnapshotStore", schema);
  const tenantId = options.tenantId ?? "default";
  let ready: Promise<unknown> | undefined;
  const prepare = () => {
    if (options.migrate === false) return Promise.resolve();
    ready ??= migratePostgres(pool, { schema });
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };
  const select = {
    name: `sf.snap.load.${schema}`,
    text: `SELECT decider_version, stream_version, state FROM ${S}.snapshots
      WHERE tenant_id = $1 AND decider = $2 AND stream_id = $3`,
  };
  // One statement, so concurrent savers cannot interleave a check and a write: an older snapshot of the same
  // decider version never replaces a newer one; a snapshot of another decider version always replaces it.
  const upsert = {
    name: `sf.snap.save.${schema}`,
    text: `INSERT INTO ${S}.snapshots AS s (tenant_id, decider, stream_id, decider_version, stream_version, state)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (tenant_id, decider, stream_id) DO UPDATE SET
        decider_version = excluded.decider_version, stream_version = excluded.stream_version,
        state = excluded.state, saved_at = now()
      WHERE NOT (s.decider_version = excluded.decider_version AND s.stream_version >= excluded.stream_version)`,
  };

  const checkKeys = (api: string, deciderName: unknown, streamId: unknown) => {
    const problems: ValidationIssue[] = [];
    for (const [field, value, max] of [
      ["deciderName", deciderName, 200],
      ["streamId", streamId, 1000],
    ] as const) {
      if (typeof value !== "string" || value.length === 0 || value.length > max || value.includes("\u0000")) {
        problems.push({ code: "invalid_type", path: [field], message: `${field} is 1-${max} characters, no NUL` });
      }
    }
    if (problems.length > 0) throw new ValidationError(api, problems);
    assertStorableText(api, "deciderName", deciderName as string);
    assertStorableText(api, "streamId", streamId as string);
  };

  return Object.freeze({
    load: async <S>(deciderName: string, streamId: string): Promise<Snapshot<S> | undefined> => {
      checkKeys(`${API}.load`, deciderName, streamId);
      await prepare();
      const rows = await run<{ decider_version: string; stream_version: string; state: string }>(pool, select, [
        tenantId,
        deciderName,
        streamId,
      ]);
      const row = rows[0];
      if (row === undefined) return undefined;
      const problems: ValidationIssue[] = [];
      const state = frozenJson(JSON.parse(row.state), ["state"], problems);
      if (state === undefined) throw new ValidationError(`${API}.load`, problems);
      return Object.freeze({
        state: state as S,
        streamVersion: Number(row.stream_version),
        deciderVersion: row.decider_version,
      });
    },
    save: async <S>(deciderName: string, streamId: string, snapshot: Snapshot<S>): Promise<void> => {
      const api = `${API}.save`;
      checkKeys(api, deciderName, streamId);
      const problems: ValidationIssue[] = [];
      const v = snapshot?.streamVersion;
      if (!Number.isSafeInteger(v) || (v as number) < 0)
        problems.push({ code: "invalid_type", path: ["streamVersion"], message: "a non-negative integer" });
      if (typeof snapshot?.deciderVersion !== "string" || snapshot.deciderVersion.length === 0)
        problems.push({ code: "invalid_type", path: ["deciderVersion"], message: "a non-empty string" });
      // The state is stored as JSON: refuse what JSON would change (a Map, a Date, NaN…) rather than lose it.
      const state = problems.length === 0 ? frozenJson(snapshot.state, ["state"], problems) : undefined;
      if (problems.length > 0 || state === undefined) throw new ValidationError(api, problems);
      if (snapshot.deciderVersion.includes("\u0000"))
        throw new ValidationError(api, [
          { code: "custom", path: ["deciderVersion"], message: "deciderVersion has no NUL character" },
        ]);
      assertStorableText(api, "deciderVersion", snapshot.deciderVersion);
      await prepare();
      await run(pool, upsert, [
        tenantId,
        deciderName,
        streamId,
        snapshot.deciderVersion,
        snapshot.streamVersion,
        JSON.stringify(state),
      ]);
    },
  });
}
