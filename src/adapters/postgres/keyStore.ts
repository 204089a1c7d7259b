import { ValidationError, type ValidationIssue } from "../../core/errors/index.ts";
import { tenantIdSchema } from "../../core/events/index.ts";
import {
  checkListOptions,
  checkStoredKey,
  checkSubjectId,
  type KeyStore,
  type StoredDataKey,
  type SubjectKeys,
} from "../../core/privacy/keyStore.ts";
import { isQueryable, type Queryable, run, transaction } from "./connection.ts";
import { DEFAULT_SCHEMA, migratePostgres, quoteSchema } from "./schema.ts";

/**
 * Options of {@link createPostgresKeyStore}.
 *
 * @example
 * ```ts
 * const options: PostgresKeyStoreOptions = { schema: "salesfold_keys", tenantId: "acme" };
 * ```
 */
export interface PostgresKeyStoreOptions {
  /** The schema holding the `subject_keys` and `erased_subjects` tables; `salesfold` by default. */
  readonly schema?: string;
  /** The tenant whose keys this handle holds; `default` when omitted. Use the event store's tenant. */
  readonly tenantId?: string;
  /** Create the schema and the key tables on first use; `true` by default. */
  readonly migrate?: boolean;
}

interface KeyRow {
  readonly subject_id: string;
  readonly version: number;
  readonly material: string;
  readonly master_version: number;
  readonly created_at: string;
}

const API = "PostgresKeyStore";

const toKey = (row: KeyRow): StoredDataKey =>
  Object.freeze({
    subjectId: row.subject_id,
    version: Number(row.version),
    material: row.material,
    masterVersion: Number(row.master_version),
    createdAt: row.created_at,
  });

/**
 * Creates a {@link KeyStore} in two tables of a PostgreSQL schema: `subject_keys` (one row per subject and key
 * version) and `erased_subjects` (the tombstones). Creating a key and erasing a subject take the same per-subject
 * advisory lock, so no key is ever created after an erasure. A deleted row stays in the table's pages until VACUUM
 * and in the write-ahead log until it is recycled: vacuum the key table after erasures (see docs/privacy.md).
 *
 * @param pool - A `pg.Pool`, `pg.Client` or pool client.
 * @param options - The schema, tenant and migration setting.
 * @returns The key store.
 * @throws {@link ValidationError} for an invalid connection, schema or tenant.
 * @example
 * ```ts
 * import pg from "pg";
 * import { createPostgresKeyStore } from "salesfold/postgres";
 * const keys = createPostgresKeyStore(new pg.Pool({ connectionString: process.env.DATABASE_URL }), { tenantId: "acme" });
 * ```
 */
export function createPostgresKeyStore(pool: Queryable, options: PostgresKeyStoreOptions = {}): KeyStore {
  const issues: ValidationIssue[] = [];
  if (!isQueryable(pool))
    issues.push({ code: "invalid_type", path: ["pool"], message: "a pg.Pool, pg.Client or pool client" });
  const tenant = tenantIdSchema.optional().safeParse(options?.tenantId);
  if (!tenant.success)
    for (const i of tenant.error.issues) issues.push({ code: i.code, path: ["tenantId"], message: i.message });
  if (options?.migrate !== undefined && typeof options.migrate !== "boolean")
    issues.push({ code: "invalid_type", path: ["migrate"], message: "a boolean" });
  if (issues.length > 0) throw new ValidationError("createPostgresKeyStore", issues);
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const S = quoteSchema("createPostgresKeyStore", schema);
  const tenantId = options.tenantId ?? "default";

  let ready: Promise<unknown> | undefined;
  const prepare = () => {
    if (options.migrate === false) return Promise.resolve();
    ready ??= migratePostgres(pool, { schema }).then(() =>
      transaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtextextended('salesfold.keys:' || $1::text, 0))", [
          schema,
        ]);
        await client.query(`CREATE TABLE IF NOT EXISTS ${S}.subject_keys (
          tenant_id text NOT NULL,
          subject_id text NOT NULL,
          version integer NOT NULL,
          material text NOT NULL,
          master_version integer NOT NULL,
          created_at text NOT NULL,
          PRIMARY KEY (tenant_id, subject_id, version)
        )`);
        await client.query(`CREATE TABLE IF NOT EXISTS ${S}.erased_subjects (
          tenant_id text NOT NULL,
          subject_id text NOT NULL,
          erased_at text NOT NULL,
          PRIMARY KEY (tenant_id, subject_id)
        )`);
      }),
    );
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };
  // Key creation and erasure of one subject queue on this lock (namespaced by schema and tenant).
  const lock = `SELECT pg_advisory_xact_lock(hashtextextended($3::text, hashtextextended($1::text || '/' || $2::text, 0)))`;
  const cols = "subject_id, version, material, master_version, created_at";

  return Object.freeze({
    tenantId,
    load: async (subjectIds: readonly string[]) => {
      if (!Array.isArray(subjectIds))
        throw new ValidationError(`${API}.load`, [{ code: "invalid_type", path: ["subjectIds"], message: "an array" }]);
      for (const [i, id] of subjectIds.entries()) checkSubjectId(`${API}.load`, id, ["subjectIds", i]);
      await prepare();
      const ids = [...new Set(subjectIds)];
      const out = new Map<string, SubjectKeys>();
      if (ids.length === 0) return out;
      // One statement, so a subject's keys and tombstone are read from one snapshot.
      const rows = await run<KeyRow & { erased_at: string | null }>(
        pool,
        {
          name: `sf.keys.load.${schema}`,
          text: `SELECT k.subject_id, k.version, k.material, k.master_version, k.created_at, NULL AS erased_at
            FROM ${S}.subject_keys k WHERE k.tenant_id = $1 AND k.subject_id = ANY($2::text[])
            UNION ALL
            SELECT e.subject_id, NULL, NULL, NULL, NULL, e.erased_at
            FROM ${S}.erased_subjects e WHERE e.tenant_id = $1 AND e.subject_id = ANY($2::text[])`,
        },
        [tenantId, ids],
      );
      const found = new Map<string, { keys: StoredDataKey[]; erasedAt: string | undefined }>();
      for (const row of rows) {
        let entry = found.get(row.subject_id);
        if (entry === undefined) found.set(row.subject_id, (entry = { keys: [], erasedAt: undefined }));
        if (row.erased_at !== null) entry.erasedAt = row.erased_at;
        else entry.keys.push(toKey(row));
      }
      for (const [id, entry] of found) {
        entry.keys.sort((a, b) => a.version - b.version);
        out.set(id, Object.freeze({ keys: Object.freeze(entry.keys), erasedAt: entry.erasedAt }));
      }
      return out;
    },
    insert: async (key: StoredDataKey) => {
      checkStoredKey(`${API}.insert`, key);
      await prepare();
      return transaction(pool, async (client) => {
        await client.query(lock, [tenantId, key.subjectId, schema]);
        const erased = await client.query(
          `SELECT 1 FROM ${S}.erased_subjects WHERE tenant_id = $1 AND subject_id = $2`,
          [tenantId, key.subjectId],
        );
        if (erased.rowCount !== 0) return "erased" as const;
        const inserted = await client.query(
          `INSERT INTO ${S}.subject_keys (tenant_id, ${cols}) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (tenant_id, subject_id, version) DO NOTHING`,
          [tenantId, key.subjectId, key.version, key.material, key.masterVersion, key.createdAt],
        );
        return inserted.rowCount === 1 ? ("inserted" as const) : ("exists" as const);
      });
    },
    replace: async (keys: readonly StoredDataKey[]) => {
      if (!Array.isArray(keys))
        throw new ValidationError(`${API}.replace`, [{ code: "invalid_type", path: ["keys"], message: "an array" }]);
      for (const key of keys) checkStoredKey(`${API}.replace`, key);
      if (keys.length === 0) return;
      await prepare();
      await transaction(pool, async (client) => {
        for (const k of keys) {
          await client.query(
            `UPDATE ${S}.subject_keys SET material = $1, master_version = $2
             WHERE tenant_id = $3 AND subject_id = $4 AND version = $5`,
            [k.material, k.masterVersion, tenantId, k.subjectId, k.version],
          );
        }
      });
    },
    erase: async (subjectId: string, erasedAt: string) => {
      checkSubjectId(`${API}.erase`, subjectId);
      if (typeof erasedAt !== "string" || Number.isNaN(Date.parse(erasedAt)))
        throw new ValidationError(`${API}.erase`, [
          { code: "invalid_format", path: ["erasedAt"], message: "an ISO instant" },
        ]);
      await prepare();
      return transaction(pool, async (client) => {
        await client.query(lock, [tenantId, subjectId, schema]);
        await client.query(
          `INSERT INTO ${S}.erased_subjects (tenant_id, subject_id, erased_at) VALUES ($1, $2, $3)
           ON CONFLICT (tenant_id, subject_id) DO NOTHING`,
          [tenantId, subjectId, erasedAt],
        );
        const deleted = await client.query(`DELETE FROM ${S}.subject_keys WHERE tenant_id = $1 AND subject_id = $2`, [
          tenantId,
          subjectId,
        ]);
        return deleted.rowCount ?? 0;
      });
    },
    list: async (listOptions: { readonly afterSubjectId?: string; readonly limit: number }) => {
      const o = checkListOptions(`${API}.list`, listOptions);
      await prepare();
      const rows = await run<KeyRow>(
        pool,
        {
          name: `sf.keys.list.${schema}`,
          text: `SELECT ${cols} FROM ${S}.subject_keys
            WHERE tenant_id = $1 AND subject_id COLLATE "C" > $2 AND subject_id IN (
              SELECT DISTINCT subject_id COLLATE "C" FROM ${S}.subject_keys
              WHERE tenant_id = $1 AND subject_id COLLATE "C" > $2 ORDER BY 1 LIMIT $3)
            ORDER BY subject_id COLLATE "C", version`,
        },
        [tenantId, o.afterSubjectId ?? "", o.limit],
      );
      return Object.freeze(rows.map(toKey));
    },
  });
}
