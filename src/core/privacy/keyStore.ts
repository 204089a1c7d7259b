import { z } from "zod";
import { _zodIssues, ValidationError, type ValidationIssue } from "../errors/index.ts";
import { tenantIdSchema } from "../events/index.ts";

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Subject ids: who personal data is about, such as a customer id. 1 to 200 characters of well-formed text without
 * NUL. They are not personal themselves: they name the erasure stream and the key store row.
 *
 * @example
 * ```ts
 * subjectIdSchema.parse("cu-1"); // "cu-1"
 * ```
 */
export const subjectIdSchema = z
  .string()
  .min(1, "a subject id is not empty")
  .max(200, "a subject id has at most 200 characters")
  .refine((s) => !s.includes("\u0000"), "a subject id has no NUL character")
  .refine((s) => !LONE_SURROGATE.test(s), "a subject id is well-formed UTF-16: no unpaired surrogate");

/**
 * One version of a subject's data key, as a key store holds it.
 *
 * @example
 * ```ts
 * const key: StoredDataKey = { subjectId: "cu-1", version: 1, material: "…", masterVersion: 1, createdAt: "2026-07-01T09:00:00.000Z" };
 * ```
 */
export interface StoredDataKey {
  /** The subject the key belongs to. */
  readonly subjectId: string;
  /** The data key version, from 1; new appends use the newest. */
  readonly version: number;
  /** The 32 key bytes as base64url: encrypted by master key `masterVersion`, or in the clear when it is 0. */
  readonly material: string;
  /** The master key version that wraps `material`; 0 when no master key is configured. */
  readonly masterVersion: number;
  /** When the key was created. */
  readonly createdAt: string;
}

/**
 * What a key store knows about one subject: its data keys, and when it was erased.
 *
 * @example
 * ```ts
 * const { keys, erasedAt } = (await keyStore.load(["cu-1"])).get("cu-1")!;
 * ```
 */
export interface SubjectKeys {
  /** The data key versions, oldest first; empty once erased. */
  readonly keys: readonly StoredDataKey[];
  /** When the subject's keys were destroyed; `undefined` while it is not erased. */
  readonly erasedAt: string | undefined;
}

/**
 * Where the data keys of an erasable store live, bound to one tenant. Implementations: `createInMemoryKeyStore`,
 * `createSqliteKeyStore` (salesfold/sqlite) and `createPostgresKeyStore` (salesfold/postgres). An erased subject
 * keeps a tombstone (its id and erasure time), so reads can tell "erased" from "wrong key store", and no new key is
 * ever created for it.
 *
 * @example
 * ```ts
 * async function erased(keys: KeyStore, subjectId: string) {
 *   return (await keys.load([subjectId])).get(subjectId)?.erasedAt !== undefined;
 * }
 * ```
 */
export interface KeyStore {
  /** The tenant whose keys this handle reads and writes. */
  readonly tenantId: string;
  /** The keys of each subject asked for; a subject the store has never seen is absent from the map. */
  load(subjectIds: readonly string[]): Promise<ReadonlyMap<string, SubjectKeys>>;
  /**
   * Adds a data key version unless that version exists or the subject is erased, atomically with respect to
   * {@link KeyStore.erase}.
   *
   * @returns `inserted`, `exists` (another writer created that version first) or `erased`.
   */
  insert(key: StoredDataKey): Promise<"inserted" | "exists" | "erased">;
  /** Replaces the material and master version of existing key versions (re-wrapping); erased subjects are skipped. */
  replace(keys: readonly StoredDataKey[]): Promise<void>;
  /**
   * Destroys every data key of a subject and records its tombstone; idempotent, keeping the first erasure time.
   *
   * @returns How many key versions were destroyed.
   */
  erase(subjectId: string, erasedAt: string): Promise<number>;
  /** Lists stored keys in (subject id, version) order, after a subject id, for re-wrapping. */
  list(options: { readonly afterSubjectId?: string; readonly limit: number }): Promise<readonly StoredDataKey[]>;
}

/**
 * Options of {@link createInMemoryKeyStore}.
 *
 * @example
 * ```ts
 * const options: InMemoryKeyStoreOptions = { tenantId: "acme" };
 * ```
 */
export interface InMemoryKeyStoreOptions {
  /** The tenant; `default` when omitted. Use the event store's tenant. */
  readonly tenantId?: string;
}

/** @internal Validates a key before a key store writes it. */
export function checkStoredKey(api: string, key: unknown): asserts key is StoredDataKey {
  const issues: ValidationIssue[] = [];
  const parsed = storedKeySchema.safeParse(key);
  if (!parsed.success)
    for (const i of parsed.error.issues) issues.push({ code: i.code, path: i.path, message: i.message });
  if (issues.length > 0) throw new ValidationError(api, issues);
}

/** @internal Validates a subject id given to a key store. */
export function checkSubjectId(api: string, subjectId: unknown, path: PropertyKey[] = ["subjectId"]): string {
  const parsed = subjectIdSchema.safeParse(subjectId);
  if (!parsed.success) {
    throw new ValidationError(api, _zodIssues(parsed.error.issues, path));
  }
  return parsed.data;
}

/** @internal Validates `list` options. */
export function checkListOptions(api: string, options: unknown): { afterSubjectId: string | undefined; limit: number } {
  const parsed = listSchema.safeParse(options);
  if (!parsed.success) {
    throw new ValidationError(api, _zodIssues(parsed.error.issues, ["options"]));
  }
  return { afterSubjectId: parsed.data.afterSubjectId, limit: parsed.data.limit };
}

const storedKeySchema = z.strictObject({
  subjectId: subjectIdSchema,
  version: z.number().int().min(1).max(999_999_999),
  material: z.string().regex(/^[A-Za-z0-9_-]{43,200}$/, "key material is base64url"),
  masterVersion: z.number().int().min(0).max(999_999_999),
  createdAt: z.iso.datetime({ offset: true }),
});
const listSchema = z.strictObject({
  afterSubjectId: subjectIdSchema.optional(),
  limit: z.number().int().min(1).max(10_000),
});

/**
 * Creates a {@link KeyStore} held in memory: for tests, examples and single-process tools. Keys vanish with the
 * process, and so does all personal data encrypted with them: use a SQL key store for anything kept.
 *
 * @param options - The tenant.
 * @returns The key store.
 * @throws {@link ValidationError} for an invalid tenant.
 * @example
 * ```ts
 * import { createErasableEventStore, createInMemoryKeyStore } from "salesfold";
 * const store = createErasableEventStore(inner, { catalog, keys: createInMemoryKeyStore(), subjectOf });
 * ```
 */
export function createInMemoryKeyStore(options: InMemoryKeyStoreOptions = {}): KeyStore {
  const tenant = tenantIdSchema.optional().safeParse(options?.tenantId);
  if (!tenant.success) {
    throw new ValidationError(
      "createInMemoryKeyStore",
      tenant.error.issues.map((i) => ({ code: i.code, path: ["tenantId"], message: i.message })),
    );
  }
  const API = "InMemoryKeyStore";
  const subjects = new Map<string, { keys: StoredDataKey[]; erasedAt: string | undefined }>();
  const snapshot = (s: { keys: StoredDataKey[]; erasedAt: string | undefined }): SubjectKeys =>
    Object.freeze({ keys: Object.freeze([...s.keys]), erasedAt: s.erasedAt });

  return Object.freeze({
    tenantId: options.tenantId ?? "default",
    load: async (subjectIds: readonly string[]) => {
      if (!Array.isArray(subjectIds))
        throw new ValidationError(`${API}.load`, [{ code: "invalid_type", path: ["subjectIds"], message: "an array" }]);
      const out = new Map<string, SubjectKeys>();
      for (const [i, id] of subjectIds.entries()) {
        checkSubjectId(`${API}.load`, id, ["subjectIds", i]);
        const s = subjects.get(id);
        if (s) out.set(id, snapshot(s));
      }
      return out;
    },
    insert: async (key: StoredDataKey) => {
      checkStoredKey(`${API}.insert`, key);
      let s = subjects.get(key.subjectId);
      if (s?.erasedAt !== undefined) return "erased" as const;
      if (s?.keys.some((k) => k.version === key.version)) return "exists" as const;
      if (s === undefined) subjects.set(key.subjectId, (s = { keys: [], erasedAt: undefined }));
      s.keys.push(Object.freeze({ ...key }));
      s.keys.sort((a, b) => a.version - b.version);
      return "inserted" as const;
    },
    replace: async (keys: readonly StoredDataKey[]) => {
      for (const key of keys) checkStoredKey(`${API}.replace`, key);
      for (const key of keys) {
        const s = subjects.get(key.subjectId);
        const i = s?.keys.findIndex((k) => k.version === key.version) ?? -1;
        if (s && s.erasedAt === undefined && i >= 0) s.keys[i] = Object.freeze({ ...key });
      }
    },
    erase: async (subjectId: string, erasedAt: string) => {
      checkSubjectId(`${API}.erase`, subjectId);
      const at = z.iso.datetime({ offset: true }).safeParse(erasedAt);
      if (!at.success)
        throw new ValidationError(`${API}.erase`, [
          { code: "invalid_format", path: ["erasedAt"], message: "an ISO instant" },
        ]);
      const s = subjects.get(subjectId);
      const destroyed = s?.keys.length ?? 0;
      if (s === undefined) subjects.set(subjectId, { keys: [], erasedAt });
      else {
        s.keys.length = 0;
        s.erasedAt ??= erasedAt;
      }
      return destroyed;
    },
    list: async (listOptions: { readonly afterSubjectId?: string; readonly limit: number }) => {
      const o = checkListOptions(`${API}.list`, listOptions);
      const ids = [...subjects.keys()].filter((id) => o.afterSubjectId === undefined || id > o.afterSubjectId).sort();
      const out: StoredDataKey[] = [];
      for (const id of ids) {
        for (const k of subjects.get(id)!.keys) out.push(k);
        if (out.length >= o.limit) break;
      }
      return Object.freeze(out);
    },
  });
}
