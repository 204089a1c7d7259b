import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isSalesfoldError, isValidationError } from "../../../src/index.ts";
import { createSqliteEventStore, migrateSqlite, SQLITE_SCHEMA_VERSION } from "../../../src/sqlite.ts";
import { all, counterCatalog, inc, rejection, tempDir } from "./fixtures.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("createSqliteEventStore: options and connections", () => {
  it("rejects invalid options with a ValidationError naming each problem", async () => {
    const error = await rejection(() =>
      createSqliteEventStore({
        database: 42 as never,
        catalog: {} as never,
        tenantId: "bad tenant;",
        synchronous: "sometimes" as never,
        busyTimeoutMs: -1,
        walAutocheckpointPages: 1.5,
      }),
    );
    expect(isValidationError(error)).toBe(true);
    const paths = (error as { issues: { path: PropertyKey[] }[] }).issues.map((i) => i.path[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        "database",
        "catalog",
        "tenantId",
        "synchronous",
        "busyTimeoutMs",
        "walAutocheckpointPages",
      ]),
    );
  });

  it("rejects an unknown option, naming it, and opens no file", async () => {
    const path = tmp.path("typo.db");
    const error = await rejection(() =>
      createSqliteEventStore({ database: path, catalog: counterCatalog, busyTimeout: 10 } as never),
    );
    expect(isValidationError(error)).toBe(true);
    expect((error as { path: unknown[] }).path).toEqual(["busyTimeout"]);
    const { existsSync } = await import("node:fs");
    expect(existsSync(path)).toBe(false);
  });

  it("opens a path with WAL and synchronous=NORMAL by default, and closes what it opened", async () => {
    const path = tmp.path("defaults.db");
    const store = createSqliteEventStore({ database: path, catalog: counterCatalog });
    await store.append("c", [inc(1)]);
    const probe = new Database(path);
    expect(probe.pragma("journal_mode", { simple: true })).toBe("wal");
    probe.close();
    await store.close();
    await store.close(); // idempotent
    expect(isValidationError(await rejection(() => store.append("c", [inc(1)])))).toBe(true);
    // Reopened, the history is there.
    const again = createSqliteEventStore({ database: path, catalog: counterCatalog, synchronous: "full" });
    expect(await again.streamVersion("c")).toBe(1);
    await again.close();
  });

  it("applies only explicit settings to a Database instance, and leaves it open on close", async () => {
    const db = new Database(tmp.path("instance.db"));
    db.pragma("synchronous = FULL");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, busyTimeoutMs: 1234 });
    expect(db.pragma("synchronous", { simple: true })).toBe(2); // FULL: left as the owner set it
    expect(db.pragma("busy_timeout", { simple: true })).toBe(1234);
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(1000); // SQLite's default: not given, not changed
    await store.append("c", [inc(1)]);
    await store.close();
    expect(db.open).toBe(true);
    expect(db.prepare("SELECT count(*) FROM salesfold_events").pluck().get()).toBe(1);
    const tuned = createSqliteEventStore({
      database: db,
      catalog: counterCatalog,
      synchronous: "normal",
      walAutocheckpointPages: 250,
    });
    expect(db.pragma("synchronous", { simple: true })).toBe(1);
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(250);
    await tuned.close();
    db.close();
    expect(
      isValidationError(await rejection(() => createSqliteEventStore({ database: db, catalog: counterCatalog }))),
    ).toBe(true);
  });

  it("migrates idempotently, records the schema version, and refuses a newer schema", () => {
    const db = new Database(":memory:");
    expect(migrateSqlite(db)).toBe(SQLITE_SCHEMA_VERSION);
    expect(migrateSqlite(db)).toBe(SQLITE_SCHEMA_VERSION);
    expect(db.prepare("SELECT version FROM salesfold_schema").pluck().all()).toEqual([1, 2]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'salesfold_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      "salesfold_checkpoints",
      "salesfold_events",
      "salesfold_schema",
      "salesfold_snapshots",
      "salesfold_tenants",
    ]);
    db.prepare("INSERT INTO salesfold_schema VALUES (99, 'future')").run();
    const error = (() => {
      try {
        createSqliteEventStore({ database: db, catalog: counterCatalog });
      } catch (e) {
        return e;
      }
    })();
    expect(isSalesfoldError(error) && error.code === "invalid_state").toBe(true);
    expect(String((error as Error).message)).toMatch(/newer/);
    db.close();
  });

  it("keeps two tenants apart on one database; each tenant's positions run 1, 2, 3… without gaps", async () => {
    const db = new Database(":memory:");
    const a = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "acme" });
    const b = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "bolt" });
    await a.append("s", [inc(1)]);
    await b.append("s", [inc(2)]);
    await a.append("s", [inc(3)]);
    const fromA = await all(a.readAll());
    expect(fromA.map((e) => e.data)).toEqual([{ by: 1 }, { by: 3 }]);
    expect(fromA.map((e) => e.globalPosition)).toEqual([1, 2]);
    expect(await a.lastPosition()).toBe(2);
    expect(await b.lastPosition()).toBe(1);
    expect((await b.readStream("s")).events.map((e) => e.globalPosition)).toEqual([1]);
    expect((await b.readStream("s")).events.map((e) => [e.tenantId, e.data])).toEqual([["bolt", { by: 2 }]]);
    expect(await b.streamVersion("s")).toBe(1);
    // An event id is unique per tenant, not across tenants.
    await a.append("t", [inc(1, { eventId: "same-id" })]);
    await b.append("t", [inc(1, { eventId: "same-id" })]);
    expect((await b.readStream("t")).events[0]!.tenantId).toBe("bolt");
    db.close();
  });

  it("rejects stream ids SQLite text cannot hold exactly (unpaired surrogates), on writes and reads", async () => {
    const store = createSqliteEventStore({ database: ":memory:", catalog: counterCatalog });
    await store.append("\uFFFD", [inc(1)]);
    for (const id of ["\uD800", "a\uDC00b"]) {
      expect(isValidationError(await rejection(() => store.append(id, [inc(2)])))).toBe(true);
      expect(isValidationError(await rejection(() => store.readStream(id)))).toBe(true);
      expect(isValidationError(await rejection(() => store.streamVersion(id)))).toBe(true);
    }
    await store.append("emoji 🚀 ok", [inc(3)]);
    expect(await store.streamVersion("emoji 🚀 ok")).toBe(1);
    expect((await store.readStream("\uFFFD")).events).toHaveLength(1);
    await store.close();
  });

  it("delivers appends made by another connection to a subscription, by polling", async () => {
    const path = tmp.path("poll.db");
    const reader = createSqliteEventStore({ database: path, catalog: counterCatalog, pollIntervalMs: 5 });
    const writer = createSqliteEventStore({ database: path, catalog: counterCatalog });
    const seen: number[] = [];
    const sub = reader.subscribe({ handler: (events) => void seen.push(...events.map((e) => e.globalPosition)) });
    await writer.append("p", [inc(1), inc(2)]);
    await sub.caughtUp(writer.lastPosition());
    await writer.append("p", [inc(3)]);
    await sub.caughtUp(writer.lastPosition());
    expect(seen).toEqual([1, 2, 3]);
    await reader.close();
    await sub.done;
    await writer.close();
  });
});

describe("createSqliteEventStore: a connection inside a caller's transaction", () => {
  it("refuses to append, rather than publish results before anything commits", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog });
    db.exec("BEGIN");
    const error = await rejection(() => store.append("c", [inc(1)]));
    db.exec("ROLLBACK");
    expect(isSalesfoldError(error) && error.code === "invalid_state").toBe(true);
    await store.append("c", [inc(1)]);
    expect(await store.streamVersion("c")).toBe(1);
    db.close();
  });
});
