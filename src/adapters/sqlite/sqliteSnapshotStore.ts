import type Database from "better-sqlite3";
import type { Snapshot, SnapshotStore } from "../../core/decider/snapshotStore.ts";
import { ValidationError, type ValidationIssue } from "../../core/errors/index.ts";
import { frozenJson, tenantIdSchema } from "../../core/events/index.ts";
import { isDatabase } from "./connection.ts";
import { migrateSqlite } from "./schema.ts";
import { assertStorableText } from "./writeGuards.ts";

/**
 * Options of {@link createSqliteSnapshotStore}.
 *
 * @example
 * ```ts
 * const options: SqliteSnapshotStoreOptions = { tenantId: "acme" };
 * ```
 */
export interface SqliteSnapshotStoreOptions {
  /** The tenant whose streams the snapshots belong to; `default` when omitted. Use the event store's tenant. */
  readonly tenantId?: string;
}

interface SnapshotRow {
  readonly decider_version: string;
  readonly stream_version: number;
  readonly state: string;
}

const API = "SqliteSnapshotStore";

/**
 * Creates a {@link SnapshotStore} in the `salesfold_snapshots` table of a SQLite database, for
 * `createCommandHandler({ snapshots: { store, every } })`. One snapshot per tenant, decider and stream, stored as
 * JSON with the stream and decider versions; a save never replaces a newer snapshot of the same decider version.
 * The command handler ignores a snapshot whose decider version differs from the decider's.
 *
 * @param db - An open better-sqlite3 database (the event store's, or another).
 * @param options - The tenant.
 * @returns The snapshot store.
 * @throws {@link ValidationError} for an invalid database or tenant.
 * @example
 * ```ts
 * import { createCommandHandler } from "salesfold";
 * import { createSqliteSnapshotStore } from "salesfold/sqlite";
 * const snapshots = createSqliteSnapshotStore(db, { tenantId: "acme" });
 * const handler = createCommandHandler({ store, decider, commands, snapshots: { store: snapshots, every: 100 } });
 * ```
 */
export function createSqliteSnapshotStore(
  db: Database.Database,
  options: SqliteSnapshotStoreOptions = {},
): SnapshotStore {
  const issues: ValidationIssue[] = [];
  if (!isDatabase(db))
    issues.push({
      code: "invalid_type",
      path: ["db"],
      message: "a better-sqlite3 Database",
    });
  const tenant = tenantIdSchema.optional().safeParse(options?.tenantId);
  if (!tenant.success)
    for (const i of tenant.error.issues) issues.push({ code: i.code, path: ["tenantId"], message: i.message });
  if (issues.length > 0) throw new ValidationError("createSqliteSnapshotStore", issues);
  const tenantId = options.tenantId ?? "default";
  migrateSqlite(db);
  const select = db.prepare<[string, string, string], SnapshotRow>(
    `SELECT decider_version, stream_version, state FROM salesfold_snapshots
     WHERE tenant_id = ? AND decider = ? AND stream_id = ?`,
  );
  // One statement, so concurrent savers cannot interleave a check and a write: an older snapshot of the same
  // decider version never replaces a newer one; a snapshot of another decider version always replaces it.
  const upsert = db.prepare<[string, string, string, string, number, string, string]>(
    `INSERT INTO salesfold_snapshots (tenant_id, decider, stream_id, decider_version, stream_version, state, saved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tenant_id, decider, stream_id) DO UPDATE SET
       decider_version = excluded.decider_version, stream_version = excluded.stream_version,
       state = excluded.state, saved_at = excluded.saved_at
     WHERE NOT (decider_version = excluded.decider_version AND stream_version >= excluded.stream_version)`,
  );

  const checkKeys = (api: string, deciderName: unknown, streamId: unknown) => {
    const problems: ValidationIssue[] = [];
    for (const [field, value, max] of [
      ["deciderName", deciderName, 200],
      ["streamId", streamId, 1000],
    ] as const) {
      if (typeof value !== "string" || value.length === 0 || value.length > max || value.includes("\u0000")) {
        problems.push({
          code: "invalid_type",
          path: [field],
          message: `${field} is 1-${max} characters, no NUL`,
        });
      }
    }
    if (problems.length > 0) throw new ValidationError(api, problems);
    assertStorableText(api, "deciderName", deciderName as string);
    assertStorableText(api, "streamId", streamId as string);
  };

  return Object.freeze({
    load: async <S>(deciderName: string, streamId: string): Promise<Snapshot<S> | undefined> => {
      checkKeys(`${API}.load`, deciderName, streamId);
      const row = select.get(tenantId, deciderName, streamId);
      if (row === undefined) return undefined;
      const problems: ValidationIssue[] = [];
      const state = frozenJson(JSON.parse(row.state), ["state"], problems);
      if (state === undefined) throw new ValidationError(`${API}.load`, problems);
      return Object.freeze({
        state: state as S,
        streamVersion: row.stream_version,
        deciderVersion: row.decider_version,
      });
    },
    save: async <S>(deciderName: string, streamId: string, snapshot: Snapshot<S>): Promise<void> => {
      const api = `${API}.save`;
      checkKeys(api, deciderName, streamId);
      const problems: ValidationIssue[] = [];
      const v = snapshot?.streamVersion;
      if (!Number.isSafeInteger(v) || (v as number) < 0)
        problems.push({
          code: "invalid_type",
          path: ["streamVersion"],
          message: "a non-negative integer",
        });
      if (typeof snapshot?.deciderVersion !== "string" || snapshot.deciderVersion.length === 0)
        problems.push({
          code: "invalid_type",
          path: ["deciderVersion"],
          message: "a non-empty string",
        });
      // The state is stored as JSON: refuse what JSON would change (a Map, a Date, NaN…) rather than lose it.
      const state = problems.length === 0 ? frozenJson(snapshot.state, ["state"], problems) : undefined;
      if (problems.length > 0 || state === undefined) throw new ValidationError(api, problems);
      assertStorableText(api, "deciderVersion", snapshot.deciderVersion);
      upsert.run(
        tenantId,
        deciderName,
        streamId,
        snapshot.deciderVersion,
        snapshot.streamVersion,
        JSON.stringify(state),
        new Date().toISOString(),
      );
    },
  });
}
