import type Database from "better-sqlite3";
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
import { isDatabase } from "./connection.ts";
import { busyError } from "./writeGuards.ts";

/**
 * Options of {@link createSqliteKeyStore}.
 *
 * @example
 * ```ts
 * const options: SqliteKeyStoreOptions = { tenantId: "acme" };
 * ```
 */
export interface SqliteKeyStoreOptions {
  /** The tenant whose keys this handle holds; `default` when omitted. Use the event store's tenant. */
  readonly tenantId?: string;
  /**
   * After an erasure, checkpoint the write-ahead log and truncate it, so the destroyed key bytes leave the `-wal`
   * file too (the main file overwrites them through `secure_delete`); `true` by default.
   */
  readonly truncateWalOnErase?: boolean;
}

interface KeyRow {
  readonly subject_id: string;
  readonly version: number;
  readonly material: string;
  readonly master_version: number;
  readonly created_at: string;
}

const API = "SqliteKeyStore";

const DDL = [
  `CREATE TABLE IF NOT EXISTS salesfold_subject_keys (
    tenant_id TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    material TEXT NOT NULL,
    master_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, subject_id, version)
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS salesfold_erased_subjects (
    tenant_id TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    erased_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, subject_id)
  ) WITHOUT ROWID`,
];

const toKey = (row: KeyRow): StoredDataKey =>
  Object.freeze({
    subjectId: row.subject_id,
    version: row.version,
    material: row.material,
    masterVersion: row.master_version,
    createdAt: row.created_at,
  });

/**
 * Creates a {@link KeyStore} in two tables of a SQLite database: `salesfold_subject_keys` (one row per subject and
 * key version) and `salesfold_erased_subjects` (the tombstones). An erasure deletes the key rows and writes the
 * tombstone in one transaction, with `PRAGMA secure_delete` on so SQLite overwrites the freed bytes, then truncates
 * the write-ahead log. Keep the key database's backups apart from the events' (see docs/privacy.md): a backup taken
 * before an erasure still holds the key.
 *
 * @param db - An open better-sqlite3 database: the event store's, or a separate one for keys.
 * @param options - The tenant and the erase checkpoint setting.
 * @returns The key store.
 * @throws {@link ValidationError} for an invalid database or tenant.
 * @example
 * ```ts
 * import Database from "better-sqlite3";
 * import { createSqliteKeyStore } from "salesfold/sqlite";
 * const keys = createSqliteKeyStore(new Database("keys.db"), { tenantId: "acme" });
 * ```
 */
export function createSqliteKeyStore(db: Database.Database, options: SqliteKeyStoreOptions = {}): KeyStore {
  const issues: ValidationIssue[] = [];
  if (!isDatabase(db)) issues.push({ code: "invalid_type", path: ["db"], message: "a better-sqlite3 Database" });
  const tenant = tenantIdSchema.optional().safeParse(options?.tenantId);
  if (!tenant.success)
    for (const i of tenant.error.issues) issues.push({ code: i.code, path: ["tenantId"], message: i.message });
  if (options?.truncateWalOnErase !== undefined && typeof options.truncateWalOnErase !== "boolean")
    issues.push({ code: "invalid_type", path: ["truncateWalOnErase"], message: "a boolean" });
  if (issues.length > 0) throw new ValidationError("createSqliteKeyStore", issues);
  const tenantId = options.tenantId ?? "default";
  db.transaction(() => {
    for (const statement of DDL) db.exec(statement);
  }).immediate();
  // Deleted key bytes are overwritten with zeros in the database file rather than left in free pages.
  db.pragma("secure_delete = ON");

  const selectKeys = db.prepare<[string, string], KeyRow>(
    `SELECT subject_id, version, material, master_version, created_at FROM salesfold_subject_keys
     WHERE tenant_id = ? AND subject_id = ? ORDER BY version`,
  );
  const selectErased = db.prepare<[string, string], { erased_at: string }>(
    "SELECT erased_at FROM salesfold_erased_subjects WHERE tenant_id = ? AND subject_id = ?",
  );
  const insertKey = db.prepare<[string, string, number, string, number, string]>(
    `INSERT OR IGNORE INTO salesfold_subject_keys (tenant_id, subject_id, version, material, master_version, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const updateKey = db.prepare<[string, number, string, string, number]>(
    `UPDATE salesfold_subject_keys SET material = ?, master_version = ?
     WHERE tenant_id = ? AND subject_id = ? AND version = ?`,
  );
  const insertTombstone = db.prepare<[string, string, string]>(
    "INSERT OR IGNORE INTO salesfold_erased_subjects (tenant_id, subject_id, erased_at) VALUES (?, ?, ?)",
  );
  const deleteKeys = db.prepare<[string, string]>(
    "DELETE FROM salesfold_subject_keys WHERE tenant_id = ? AND subject_id = ?",
  );
  const page = db.prepare<[string, string, string, string, number], KeyRow>(
    `SELECT subject_id, version, material, master_version, created_at FROM salesfold_subject_keys
     WHERE tenant_id = ? AND subject_id > ? AND subject_id IN (
       SELECT DISTINCT subject_id FROM salesfold_subject_keys WHERE tenant_id = ? AND subject_id > ?
       ORDER BY subject_id LIMIT ?)
     ORDER BY subject_id, version`,
  );

  const write = <T>(api: string, fn: () => T): T => {
    try {
      return db.transaction(fn).immediate();
    } catch (error) {
      throw busyError(api, error);
    }
  };

  return Object.freeze({
    tenantId,
    load: async (subjectIds: readonly string[]) => {
      if (!Array.isArray(subjectIds))
        throw new ValidationError(`${API}.load`, [{ code: "invalid_type", path: ["subjectIds"], message: "an array" }]);
      for (const [i, id] of subjectIds.entries()) checkSubjectId(`${API}.load`, id, ["subjectIds", i]);
      // One read transaction, so a subject's keys and tombstone are seen at the same instant.
      const out = new Map<string, SubjectKeys>();
      db.transaction(() => {
        for (const id of new Set(subjectIds)) {
          const erased = selectErased.get(tenantId, id);
          const keys = selectKeys.all(tenantId, id);
          if (erased === undefined && keys.length === 0) continue;
          out.set(id, Object.freeze({ keys: Object.freeze(keys.map(toKey)), erasedAt: erased?.erased_at }));
        }
      }).deferred();
      return out;
    },
    insert: async (key: StoredDataKey) => {
      checkStoredKey(`${API}.insert`, key);
      return write(`${API}.insert`, () => {
        if (selectErased.get(tenantId, key.subjectId) !== undefined) return "erased" as const;
        const { changes } = insertKey.run(
          tenantId,
          key.subjectId,
          key.version,
          key.material,
          key.masterVersion,
          key.createdAt,
        );
        return changes === 1 ? ("inserted" as const) : ("exists" as const);
      });
    },
    replace: async (keys: readonly StoredDataKey[]) => {
      if (!Array.isArray(keys))
        throw new ValidationError(`${API}.replace`, [{ code: "invalid_type", path: ["keys"], message: "an array" }]);
      for (const key of keys) checkStoredKey(`${API}.replace`, key);
      write(`${API}.replace`, () => {
        for (const k of keys) updateKey.run(k.material, k.masterVersion, tenantId, k.subjectId, k.version);
      });
    },
    erase: async (subjectId: string, erasedAt: string) => {
      checkSubjectId(`${API}.erase`, subjectId);
      if (typeof erasedAt !== "string" || Number.isNaN(Date.parse(erasedAt)))
        throw new ValidationError(`${API}.erase`, [
          { code: "invalid_format", path: ["erasedAt"], message: "an ISO instant" },
        ]);
      const destroyed = write(`${API}.erase`, () => {
        insertTombstone.run(tenantId, subjectId, erasedAt);
        return deleteKeys.run(tenantId, subjectId).changes;
      });
      if (options.truncateWalOnErase !== false && destroyed > 0 && !db.memory) db.pragma("wal_checkpoint(TRUNCATE)");
      return destroyed;
    },
    list: async (listOptions: { readonly afterSubjectId?: string; readonly limit: number }) => {
      const o = checkListOptions(`${API}.list`, listOptions);
      const after = o.afterSubjectId ?? "";
      return Object.freeze(page.all(tenantId, after, tenantId, after, o.limit).map(toKey));
    },
  });
}
