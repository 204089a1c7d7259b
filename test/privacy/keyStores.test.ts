import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createInMemoryKeyStore, type KeyStore, type StoredDataKey } from "../../src/core/privacy/index.ts";
import { isValidationError } from "../../src/index.ts";
import { createPostgresKeyStore } from "../../src/postgres.ts";
import { createSqliteKeyStore } from "../../src/sqlite.ts";
import { DATABASE_URL, postgresAvailable } from "../support/services.ts";
import { asStored, erasable, registered, sqliteBytes, tempDir } from "./fixtures.ts";

const up = await postgresAvailable();
const material = (n: number) => Buffer.alloc(32, n).toString("base64url");
const key = (subjectId: string, version: number, extra: Partial<StoredDataKey> = {}): StoredDataKey => ({
  subjectId,
  version,
  material: material(version),
  masterVersion: 0,
  createdAt: "2026-07-01T09:00:00.000Z",
  ...extra,
});
const HOSTILE = [
  "a'b\"c;--",
  "Robert'); DROP TABLE salesfold_subject_keys;--",
  "__proto__",
  "客户-١٢٣ 🙂",
  "x".repeat(200),
];

function keyStoreContract(name: string, make: (tenantId: string) => KeyStore | Promise<KeyStore>) {
  describe(`${name} key store`, () => {
    let n = 0;
    const fresh = () => make(`t${Date.now().toString(36)}${n++}`);

    it("inserts versions once, loads them in order, and tells unknown subjects apart", async () => {
      const keys = await fresh();
      expect(await keys.insert(key("cu-1", 2))).toBe("inserted");
      expect(await keys.insert(key("cu-1", 1))).toBe("inserted");
      expect(await keys.insert(key("cu-1", 1, { material: material(9) }))).toBe("exists");
      const loaded = await keys.load(["cu-1", "cu-2", "cu-1"]);
      expect([...loaded.keys()]).toEqual(["cu-1"]);
      expect(loaded.get("cu-1")).toEqual({ keys: [key("cu-1", 1), key("cu-1", 2)], erasedAt: undefined });
    });

    it("erases: destroys every version, keeps a tombstone with the first time, refuses new keys", async () => {
      const keys = await fresh();
      await keys.insert(key("cu-1", 1));
      await keys.insert(key("cu-1", 2));
      await keys.insert(key("cu-2", 1));
      expect(await keys.erase("cu-1", "2026-09-01T09:00:00.000Z")).toBe(2);
      expect(await keys.erase("cu-1", "2026-09-02T09:00:00.000Z")).toBe(0);
      expect((await keys.load(["cu-1"])).get("cu-1")).toEqual({ keys: [], erasedAt: "2026-09-01T09:00:00.000Z" });
      expect(await keys.insert(key("cu-1", 3))).toBe("erased");
      expect((await keys.load(["cu-2"])).get("cu-2")?.keys).toHaveLength(1);
      expect(await keys.erase("never-seen", "2026-09-01T09:00:00.000Z")).toBe(0);
      expect(await keys.insert(key("never-seen", 1))).toBe("erased");
    });

    it("replaces material for re-wrapping, skipping erased subjects, and lists in pages of whole subjects", async () => {
      const keys = await fresh();
      for (const s of ["a", "b", "c"]) for (const v of [1, 2]) await keys.insert(key(s, v));
      await keys.erase("b", "2026-09-01T09:00:00.000Z");
      await keys.replace([key("a", 2, { material: material(7), masterVersion: 3 }), key("b", 1, { masterVersion: 3 })]);
      const first = await keys.list({ limit: 1 });
      expect(first.map((k) => [k.subjectId, k.version, k.masterVersion])).toEqual([
        ["a", 1, 0],
        ["a", 2, 3],
      ]);
      expect(first[1]!.material).toBe(material(7));
      const rest = await keys.list({ afterSubjectId: "a", limit: 10 });
      expect(rest.map((k) => [k.subjectId, k.version])).toEqual([
        ["c", 1],
        ["c", 2],
      ]);
      expect(await keys.list({ afterSubjectId: "c", limit: 10 })).toEqual([]);
    });

    it("stores hostile subject ids exactly and keeps tenants apart", async () => {
      const keys = await fresh();
      const other = await fresh();
      for (const id of HOSTILE) expect(await keys.insert(key(id, 1))).toBe("inserted");
      const loaded = await keys.load(HOSTILE);
      expect([...loaded.keys()].sort()).toEqual([...HOSTILE].sort());
      expect(Object.prototype).not.toHaveProperty("version");
      expect((await other.load(HOSTILE)).size).toBe(0);
      expect(await other.list({ limit: 100 })).toEqual([]);
      await other.erase(HOSTILE[0]!, "2026-09-01T09:00:00.000Z");
      expect((await keys.load([HOSTILE[0]!])).get(HOSTILE[0]!)?.keys).toHaveLength(1);
    });

    it("creates exactly one key when writers race for the same version", async () => {
      const keys = await fresh();
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) => keys.insert(key("cu-r", 1, { material: material(i + 1) }))),
      );
      expect(outcomes.filter((o) => o === "inserted")).toHaveLength(1);
      expect((await keys.load(["cu-r"])).get("cu-r")?.keys).toHaveLength(1);
    });

    it("rejects invalid input with a ValidationError and writes nothing", async () => {
      const keys = await fresh();
      const bad: [string, () => Promise<unknown>][] = [
        ["NUL subject", () => keys.insert(key("a\u0000b", 1))],
        ["empty subject", () => keys.load([""])],
        ["long subject", () => keys.erase("x".repeat(201), "2026-09-01T09:00:00.000Z")],
        ["lone surrogate", () => keys.insert(key("a\ud800", 1))],
        ["version 0", () => keys.insert(key("a", 0))],
        ["material", () => keys.insert(key("a", 1, { material: "not base64!" }))],
        ["extra field", () => keys.insert({ ...key("a", 1), extra: 1 } as never)],
        ["erasedAt", () => keys.erase("a", "soon")],
        ["list limit", () => keys.list({ limit: 0 })],
        ["load array", () => keys.load("a" as never)],
      ];
      for (const [label, call] of bad) await expect(call(), label).rejects.toSatisfy(isValidationError);
      expect(await keys.list({ limit: 100 })).toEqual([]);
    });
  });
}

keyStoreContract("in-memory", (tenantId) => createInMemoryKeyStore({ tenantId }));

const dir = tempDir("keys");
const sqliteFile = join(dir, "keys.db");
const sqliteDb = new Database(sqliteFile);
sqliteDb.pragma("journal_mode = wal");
afterAll(() => {
  sqliteDb.close();
  rmSync(dir, { recursive: true, force: true });
});
keyStoreContract("SQLite", (tenantId) => createSqliteKeyStore(sqliteDb, { tenantId }));

describe("SQLite key store: erasure leaves no key bytes in the files", () => {
  it("overwrites the destroyed key in the database file and the write-ahead log", async () => {
    const file = join(dir, "erase.db");
    const db = new Database(file);
    db.pragma("journal_mode = wal");
    const keys = createSqliteKeyStore(db, { tenantId: "acme" });
    const { store } = erasable({ keys, tenantId: "acme" });
    await store.append("customer-cu-1", [registered("cu-1", "Li Wei")]);
    await store.append("customer-cu-2", [registered("cu-2", "Bo Berg")]);
    const [k1, k2] = await keys.list({ limit: 10 });
    expect(sqliteBytes(file)).toContain(asStored(k1!.material));
    await store.forgetSubject("cu-1");
    const bytes = sqliteBytes(file);
    expect(bytes).not.toContain(asStored(k1!.material));
    expect(bytes).toContain(asStored(k2!.material));
    db.close();
  });

  it("rejects an invalid database or tenant", () => {
    expect(() => createSqliteKeyStore({} as never)).toThrowError(
      expect.objectContaining({ code: "validation_failed" }),
    );
    expect(() => createSqliteKeyStore(sqliteDb, { tenantId: "a b" })).toThrowError(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });
});

describe.skipIf(!up)("PostgreSQL key store", () => {
  const schema = `salesfold_test_keys_${Math.random().toString(36).slice(2, 10)}`;
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 8 });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  keyStoreContract("PostgreSQL", (tenantId) => createPostgresKeyStore(pool, { schema, tenantId }));

  it("never leaves a key behind when an erasure races key creation", async () => {
    const keys = createPostgresKeyStore(pool, { schema, tenantId: "race" });
    for (let round = 0; round < 20; round++) {
      const subject = `cu-${round}`;
      const [, inserted] = await Promise.all([
        keys.erase(subject, "2026-09-01T09:00:00.000Z"),
        keys.insert(key(subject, 1)),
      ]);
      const state = (await keys.load([subject])).get(subject)!;
      expect(state.erasedAt).toBeDefined();
      expect(state.keys, `${round}: insert said ${inserted}`).toEqual([]);
    }
  });

  it("rejects an invalid pool or schema name", () => {
    expect(() => createPostgresKeyStore({} as never)).toThrowError(
      expect.objectContaining({ code: "validation_failed" }),
    );
    expect(() => createPostgresKeyStore(pool, { schema: 'x"; DROP' })).toThrowError(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });
});
