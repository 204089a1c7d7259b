import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { isIdempotencyConflictError, isSalesfoldError } from "../../../src/index.ts";
import { createSqliteEventStore, migrateSqlite, SQLITE_SCHEMA_VERSION } from "../../../src/sqlite.ts";
import { all, counterCatalog, EVENT_LOG, inc, tempDir } from "./fixtures.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
afterEach(() => vi.restoreAllMocks());

// Schema version 1, as salesfold created it: the event id stored in every row, under its own unique index.
const V1 = [
  `CREATE TABLE salesfold_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS salesfold_events (
      tenant_id TEXT NOT NULL,
      global_position INTEGER NOT NULL,
      stream_id TEXT NOT NULL,
      stream_version INTEGER NOT NULL,
      event_id TEXT NOT NULL,
      type TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      metadata TEXT NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (tenant_id, global_position),
      UNIQUE (tenant_id, stream_id, stream_version),
      UNIQUE (tenant_id, event_id)
    ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS salesfold_checkpoints (
      tenant_id TEXT NOT NULL,
      name TEXT NOT NULL,
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, name)
    ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS salesfold_snapshots (
      tenant_id TEXT NOT NULL,
      decider TEXT NOT NULL,
      stream_id TEXT NOT NULL,
      decider_version TEXT NOT NULL,
      stream_version INTEGER NOT NULL,
      state TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, decider, stream_id)
    ) WITHOUT ROWID`,
  `INSERT INTO salesfold_schema VALUES (1, '2026-01-01T00:00:00.000Z')`,
];

const META = JSON.stringify({ schemaVersion: 1 });

/** A version-1 database with two tenants' events, a checkpoint and a snapshot, written as salesfold 1 wrote them. */
function versionOneDatabase(path: string, ids: { acme: string[]; bolt: string[] }): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  for (const sql of V1) db.exec(sql);
  const insert = db.prepare("INSERT INTO salesfold_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ids.acme.forEach((id, i) => {
    const stream = i % 2 === 0 ? "even" : "odd";
    const at = `2026-01-0${i + 1}T10:00:00.000Z`;
    insert.run(
      "acme",
      i + 1,
      stream,
      Math.floor(i / 2) + 1,
      id,
      "Incremented",
      at,
      at,
      META,
      JSON.stringify({ by: i }),
    );
  });
  ids.bolt.forEach((id, i) => {
    const at = "2026-02-01T00:00:00.000Z";
    // Not a slim row: an occurredAt before recordedAt, and metadata that is not exactly the default text.
    const meta = '{"schemaVersion": 1}';
    insert.run(
      "bolt",
      i + 1,
      "b",
      i + 1,
      id,
      "CounterOpened",
      "2026-01-31T00:00:00.000Z",
      at,
      meta,
      `{"name":"n${i}"}`,
    );
  });
  db.prepare("INSERT INTO salesfold_checkpoints VALUES ('acme', 'p', 3, '2026-01-05T00:00:00.000Z')").run();
  db.prepare("INSERT INTO salesfold_snapshots VALUES ('acme', 'counter', 'even', '1', 2, '{\"total\":2}', 'x')").run();
  return db;
}

describe("migrateSqlite: schema version 1 to 2", () => {
  it("copies every event with its stored id, then appends derive ids from positions", async () => {
    const acmeIds = [
      "0Ab-cdEFGhIJKLMNopqrs",
      "0Ab-cdEFGhIJKLMNopqrt",
      "evt-000003",
      "given:id.5",
      "0Ab-cdEFGhJ000000000x",
    ];
    const db = versionOneDatabase(tmp.path("v1.db"), { acme: acmeIds, bolt: ["evt-000003"] });
    const before = db.prepare("SELECT * FROM salesfold_events ORDER BY tenant_id, global_position").all();
    const otherTables = () => [
      db.prepare("SELECT * FROM salesfold_checkpoints").all(),
      db.prepare("SELECT * FROM salesfold_snapshots").all(),
    ];
    const kept = otherTables();

    expect(migrateSqlite(db)).toBe(SQLITE_SCHEMA_VERSION);
    expect(SQLITE_SCHEMA_VERSION).toBe(2);
    expect(db.prepare("SELECT version FROM salesfold_schema ORDER BY version").pluck().all()).toEqual([1, 2]);
    expect(db.prepare(`SELECT * FROM ${EVENT_LOG} ORDER BY tenant_id, global_position`).all()).toEqual(before);
    expect(otherTables()).toEqual(kept);
    const columns = db.prepare("SELECT name, \"notnull\" FROM pragma_table_info('salesfold_events')").all();
    expect(columns).toContainEqual({ name: "event_id", notnull: 0 });
    // Tenants get keys in the order of their ids, and prefixes at their first append; rows are keyed by
    // tenant_key * 2^40 + position, and slim where they can be.
    expect(db.prepare("SELECT * FROM salesfold_tenants ORDER BY tenant_key").all()).toEqual([
      { tenant_key: 1, tenant_id: "acme", id_prefix: null },
      { tenant_key: 2, tenant_id: "bolt", id_prefix: null },
    ]);
    const stored = db
      .prepare(
        `SELECT log_key - tenant_key * 1099511627776 AS position, tenant_key, occurred_at, metadata
         FROM salesfold_events ORDER BY log_key`,
      )
      .raw()
      .all();
    expect(stored).toEqual([
      ...acmeIds.map((_, i) => [i + 1, 1, null, null]),
      [1, 2, "2026-01-31T00:00:00.000Z", '{"schemaVersion": 1}'],
    ]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'salesfold_events_v2'").pluck().get()).toBe(0);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");

    const acme = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "acme" });
    const read = await all(acme.readAll());
    expect(read.map((e) => [e.eventId, e.globalPosition, e.streamId, e.streamVersion, e.data, e.occurredAt])).toEqual(
      acmeIds.map((id, i) => [
        id,
        i + 1,
        i % 2 === 0 ? "even" : "odd",
        Math.floor(i / 2) + 1,
        { by: i },
        `2026-01-0${i + 1}T10:00:00.000Z`,
      ]),
    );
    expect((await acme.readStream("odd")).events.map((e) => e.eventId)).toEqual([acmeIds[1], acmeIds[3]]);

    // A stored id still replays and still conflicts.
    const replay = await acme.append("odd", [inc(1, { eventId: acmeIds[1]! })]);
    expect(replay.events).toEqual([read[1]]);
    expect(
      isIdempotencyConflictError(await acme.append("odd", [inc(2, { eventId: acmeIds[1]! })]).catch((e) => e)),
    ).toBe(true);

    // New events continue the positions, with derived ids, next to the stored ones.
    const appended = await acme.append("even", [inc(10), inc(11, { eventId: "given-new" })], { expectedVersion: 3 });
    const prefix = db.prepare("SELECT id_prefix FROM salesfold_tenants WHERE tenant_id = 'acme'").pluck().get();
    expect(appended.events.map((e) => [e.eventId, e.globalPosition, e.streamVersion])).toEqual([
      [`${prefix}:6`, 6, 4],
      ["given-new", 7, 5],
    ]);
    expect((await all(acme.readAll({ after: 4 }))).map((e) => e.eventId)).toEqual([
      acmeIds[4],
      `${prefix}:6`,
      "given-new",
    ]);

    const bolt = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "bolt" });
    expect((await all(bolt.readAll())).map((e) => [e.eventId, e.data])).toEqual([["evt-000003", { name: "n0" }]]);
    expect(migrateSqlite(db)).toBe(2);
    await acme.close();
    await bolt.close();
    db.close();
  });

  it("is all or nothing: a failing upgrade leaves version 1 as it was", () => {
    const db = versionOneDatabase(tmp.path("v1-blocked.db"), { acme: ["a-1", "a-2"], bolt: [] });
    // A table in the way of the rebuild makes the upgrade fail half-way.
    db.exec("CREATE TABLE salesfold_events_v2 (x)");
    const before = db.prepare("SELECT * FROM salesfold_events").all();
    expect(() => migrateSqlite(db)).toThrow(/salesfold_events_v2/);
    expect(db.prepare("SELECT max(version) FROM salesfold_schema").pluck().get()).toBe(1);
    expect(db.prepare("SELECT * FROM salesfold_events").all()).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'salesfold_tenants'").pluck().get()).toBe(0);
    db.exec("DROP TABLE salesfold_events_v2");
    expect(migrateSqlite(db)).toBe(2);
    expect(db.prepare("SELECT event_id FROM salesfold_events ORDER BY log_key").pluck().all()).toEqual(["a-1", "a-2"]);
    db.close();
  });

  it("draws a tenant's prefix again when a stored id already begins with it", async () => {
    const taken = "AAAAAAAAAAAA"; // what all-zero random bytes give
    const db = versionOneDatabase(tmp.path("v1-prefix.db"), { acme: [`${taken}:2`], bolt: [] });
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "acme" });
    let calls = 0;
    const real = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
    vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(((array: Uint8Array) => {
      calls++;
      return calls === 1 ? array.fill(0) : real(array);
    }) as typeof globalThis.crypto.getRandomValues);
    const { events } = await store.append("s", [inc(1)]);
    vi.restoreAllMocks();
    const prefix = db.prepare("SELECT id_prefix FROM salesfold_tenants WHERE tenant_id = 'acme'").pluck().get();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(prefix).not.toBe(taken);
    expect(events[0]!.eventId).toBe(`${prefix}:2`);
    // The stored id is an ordinary id again, and still names its own event.
    expect((await store.append("s", [inc(1, { eventId: `${taken}:2` })]).catch((e) => e)).code).toBe(
      "idempotency_conflict",
    );
    await store.close();
    db.close();
  });

  it("refuses a database of a newer schema without touching it", () => {
    const db = new Database(":memory:");
    migrateSqlite(db);
    db.prepare("INSERT INTO salesfold_schema VALUES (3, 'future')").run();
    const error = (() => {
      try {
        migrateSqlite(db);
      } catch (e) {
        return e;
      }
    })();
    expect(isSalesfoldError(error) && error.code === "invalid_state").toBe(true);
    db.close();
  });
});
