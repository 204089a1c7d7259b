import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  type EventEnvelope,
  eventIdSchema,
  isIdempotencyConflictError,
  isValidationError,
  sequentialIds,
} from "../../../src/index.ts";
import { createSqliteEventStore } from "../../../src/sqlite.ts";
import { all, counterCatalog, EVENT_LOG, inc, rejection, tempDir } from "./fixtures.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const prefixOf = (db: Database.Database, tenantId: string): string =>
  db.prepare("SELECT id_prefix FROM salesfold_tenants WHERE tenant_id = ?").pluck().get(tenantId) as string;

const storedIds = (db: Database.Database, tenantId: string): (string | null)[] =>
  db
    .prepare(`SELECT event_id FROM ${EVENT_LOG} WHERE tenant_id = ? ORDER BY global_position`)
    .pluck()
    .all(tenantId) as (string | null)[];

const issueCodes = (error: unknown) => (error as { issues: { code: string; path: PropertyKey[] }[] }).issues;

describe("SQLite store: event ids derived from positions", () => {
  it("stores no id for an event appended without one, and every reader returns prefix:position", async () => {
    const path = tmp.path("derived.db");
    const store = createSqliteEventStore({ database: path, catalog: counterCatalog, tenantId: "acme" });
    const first = await store.append("s", [inc(1), inc(2)]);
    const second = await store.append("t", [inc(3)]);
    const db = new Database(path);
    const prefix = prefixOf(db, "acme");
    expect(prefix).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(storedIds(db, "acme")).toEqual([null, null, null]);
    const expected = [`${prefix}:1`, `${prefix}:2`, `${prefix}:3`];
    for (const id of expected) expect(eventIdSchema.safeParse(id).success).toBe(true);

    expect([...first.events, ...second.events].map((e) => e.eventId)).toEqual(expected);
    expect((await store.readStream("s")).events.map((e) => e.eventId)).toEqual(expected.slice(0, 2));
    expect((await store.readStream("s", { direction: "backwards" })).events.map((e) => e.eventId)).toEqual([
      expected[1],
      expected[0],
    ]);
    expect((await all(store.readAll())).map((e) => e.eventId)).toEqual(expected);
    expect((await all(store.readAll({ types: ["Incremented"], after: 1 }))).map((e) => e.eventId)).toEqual(
      expected.slice(1),
    );
    const seen: EventEnvelope[] = [];
    const sub = store.subscribe({ handler: (events) => void seen.push(...events) });
    await sub.caughtUp(3);
    await sub.stop();
    expect(seen.map((e) => e.eventId)).toEqual(expected);
    // The read result equals the append result, envelope for envelope.
    expect((await store.readStream("t")).events).toEqual(second.events);

    // Another connection, which never appended, reads the same ids; its appends continue the sequence.
    const other = createSqliteEventStore({ database: path, catalog: counterCatalog, tenantId: "acme" });
    expect((await all(other.readAll())).map((e) => e.eventId)).toEqual(expected);
    expect((await other.append("s", [inc(4)])).events[0]!.eventId).toBe(`${prefix}:4`);
    expect((await store.append("s", [inc(5)])).events[0]!.eventId).toBe(`${prefix}:5`);

    // Each tenant has its own prefix, so equal positions never give equal ids.
    const bolt = createSqliteEventStore({ database: path, catalog: counterCatalog, tenantId: "bolt" });
    const boltId = (await bolt.append("s", [inc(1)])).events[0]!.eventId;
    expect(boltId).toBe(`${prefixOf(db, "bolt")}:1`);
    expect(prefixOf(db, "bolt")).not.toBe(prefix);
    await Promise.all([store.close(), other.close(), bolt.close()]);
    db.close();
  });

  it("keeps one prefix per tenant however many connections create it first", async () => {
    const path = tmp.path("race.db");
    createSqliteEventStore({ database: path, catalog: counterCatalog }).close();
    const handles = Array.from({ length: 4 }, () =>
      createSqliteEventStore({ database: path, catalog: counterCatalog }),
    );
    const ids: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [h, store] of handles.entries())
        ids.push((await store.append(`s${h}`, [inc(round)])).events[0]!.eventId);
    }
    const db = new Database(path);
    const prefix = prefixOf(db, "default");
    expect(ids).toEqual(ids.map((_, i) => `${prefix}:${i + 1}`));
    expect(db.prepare("SELECT count(*) FROM salesfold_tenants").pluck().get()).toBe(1);
    for (const h of handles) await h.close();
    db.close();
  });

  it("forgets a prefix whose creating append rolled back, and takes the one another connection committed", async () => {
    const path = tmp.path("rollback.db");
    const first = createSqliteEventStore({ database: path, catalog: counterCatalog });
    const failed = await rejection(() => first.append("s", [inc(1)], { expectedVersion: 5 }));
    expect((failed as { code?: string }).code).toBe("concurrency_conflict");
    const db = new Database(path);
    expect(db.prepare("SELECT count(*) FROM salesfold_tenants").pluck().get()).toBe(0);
    const second = createSqliteEventStore({ database: path, catalog: counterCatalog });
    const theirs = (await second.append("s", [inc(1)])).events[0]!.eventId;
    const mine = (await first.append("s", [inc(2)])).events[0]!.eventId;
    const prefix = prefixOf(db, "default");
    expect([theirs, mine]).toEqual([`${prefix}:1`, `${prefix}:2`]);
    expect((await all(first.readAll())).map((e) => e.eventId)).toEqual([theirs, mine]);
    await Promise.all([first.close(), second.close()]);
    db.close();
  });

  it("treats a given id of the derived form as the event at that position: a replay, or an IdempotencyConflictError", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog });
    const original = await store.append("s", [inc(1), inc(2)], { expectedVersion: "no_stream" });
    const [a, b] = original.events.map((e) => e.eventId);
    await store.append("other", [inc(7)]);

    const replay = await store.append("s", [inc(1, { eventId: a! }), inc(2, { eventId: b! })], {
      expectedVersion: "no_stream",
    });
    expect(replay).toEqual(original);
    const second = createSqliteEventStore({ database: db, catalog: counterCatalog });
    expect(await second.append("s", [inc(2, { eventId: b! })])).toEqual({
      streamId: "s",
      nextExpectedVersion: 2,
      lastPosition: 2,
      events: [original.events[1]],
    });

    const conflicts = [
      () => store.append("s", [inc(99, { eventId: a! })]),
      () => store.append("elsewhere", [inc(1, { eventId: a! })]),
      () => store.append("s", [inc(2, { eventId: b! }), inc(1, { eventId: a! })]),
      () => store.append("s", [inc(1, { eventId: a! }), inc(5, { eventId: "new-id" })]),
    ];
    for (const attempt of conflicts) {
      const error = await rejection(attempt);
      expect(isIdempotencyConflictError(error)).toBe(true);
    }
    expect(await store.lastPosition()).toBe(3);
    expect(storedIds(db, "default")).toEqual([null, null, null]);
    db.close();
  });

  it("rejects a given id of the derived form that names no such event with a ValidationError, writing nothing", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog });
    await store.append("s", [inc(1)]);
    await store.append("s", [inc(2, { eventId: "given-2" })]);
    const prefix = prefixOf(db, "default");

    // A position to come, and a position whose event stores its own id.
    for (const id of [`${prefix}:3`, `${prefix}:2`, `${prefix}:9007199254740991`]) {
      const error = await rejection(() => store.append("s", [inc(5, { eventId: "fine-id" }), inc(6, { eventId: id })]));
      expect(isValidationError(error)).toBe(true);
      expect(issueCodes(error)).toEqual([
        expect.objectContaining({ code: "reserved_event_id", path: ["events", 1, "eventId"] }),
      ]);
    }
    expect(await store.lastPosition()).toBe(2);
    expect(storedIds(db, "default")).toEqual([null, "given-2"]);

    // Other forms are ordinary ids: stored, unique, and replayable.
    const bolt = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "bolt" });
    await bolt.append("b", [inc(1)]);
    const ordinary = [
      `${prefix}:007`,
      `${prefix}:0`,
      `${prefix}:x`,
      `${prefix}:99999999999999999999`,
      `${prefixOf(db, "bolt")}:5`,
    ];
    const batch = ordinary.map((eventId, i) => inc(i, { eventId }));
    const stored = await store.append("o", batch);
    expect(stored.events.map((e) => e.eventId)).toEqual(ordinary);
    expect(await store.append("o", batch)).toEqual(stored);
    expect(storedIds(db, "default").slice(2)).toEqual(ordinary);
    // The next derived id is the next position's.
    expect((await store.append("s", [inc(3)])).events[0]!.eventId).toBe(`${prefix}:8`);
    db.close();
  });

  it("stores ids from a configured generator, and refuses one it repeats or one of the derived form", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, ids: sequentialIds("evt") });
    const { events } = await store.append("s", [inc(1), inc(2)]);
    expect(events.map((e) => e.eventId)).toEqual(["evt-000001", "evt-000002"]);
    expect(storedIds(db, "default")).toEqual(["evt-000001", "evt-000002"]);

    // A sequential generator started again repeats its ids: typed error, nothing written.
    const restarted = createSqliteEventStore({ database: db, catalog: counterCatalog, ids: sequentialIds("evt") });
    const repeated = await rejection(() => restarted.append("s", [inc(3)]));
    expect(isIdempotencyConflictError(repeated)).toBe(true);
    expect((repeated as { eventId: string }).eventId).toBe("evt-000001");
    const twice = createSqliteEventStore({ database: db, catalog: counterCatalog, ids: () => "same" });
    expect(isIdempotencyConflictError(await rejection(() => twice.append("t", [inc(1), inc(2)])))).toBe(true);

    const prefix = prefixOf(db, "default");
    const mimic = createSqliteEventStore({ database: db, catalog: counterCatalog, ids: () => `${prefix}:3` });
    const error = await rejection(() => mimic.append("s", [inc(3)]));
    expect(isValidationError(error) && issueCodes(error)[0]!.code).toBe("reserved_event_id");
    expect(await store.lastPosition()).toBe(2);
    db.close();
  });

  it("keeps stored ids unique with a partial index that appends without ids never touch", () => {
    const db = new Database(":memory:");
    createSqliteEventStore({ database: db, catalog: counterCatalog }).close();
    const indexes = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'salesfold_events' ORDER BY name",
      )
      .all() as { name: string; sql: string | null }[];
    // The stream-version constraint's automatic index, and the partial event-id index.
    expect(indexes).toHaveLength(2);
    const partial = indexes.find((i) => i.name === "salesfold_events_event_id");
    expect(partial?.sql).toMatch(/\(tenant_key, event_id\)\s+WHERE event_id IS NOT NULL/);
    expect(indexes.find((i) => i.name !== "salesfold_events_event_id")?.sql).toBeNull();
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM salesfold_events WHERE tenant_key = ? AND event_id = ?")
      .all(1, "x") as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/salesfold_events_event_id/);
    db.close();
  });

  it("runs every query of the store on the intended B-tree: the table's rowid range, or one index", async () => {
    const db = new Database(":memory:");
    const trace: string[] = [];
    const prepare = db.prepare.bind(db);
    // Every statement the store prepares, recorded to explain it below.
    db.prepare = ((sql: string) => {
      trace.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "acme" });
    await store.append("s", [inc(1), inc(2, { eventId: "given" })]);
    await store.readStream("s");
    await all(store.readAll({ after: 1 }));
    db.prepare = prepare;
    const plans = [...new Set(trace)]
      .filter((sql) => /\bFROM salesfold_events\b/.test(sql) && !/^\s*INSERT/.test(sql))
      .map((sql) => {
        const params = (sql.match(/\?/g) ?? []).map(() => 1);
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
        return [sql.replace(/\s+/g, " ").trim(), plan.map((p) => p.detail).join("; ")] as const;
      });
    const planOf = (fragment: string): string => {
      const found = plans.filter(([sql]) => sql.includes(fragment));
      expect(found, fragment).not.toHaveLength(0);
      return found.map(([, plan]) => plan).join(" | ");
    };
    const rowidRange = /SEARCH (e|salesfold_events) USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/;
    const streamIndex = /USING (COVERING )?INDEX sqlite_autoindex_salesfold_events_1 \(tenant_key=\? AND stream_id=\?/;
    // The head, readAll from a position, and a typed readAll: a range of the tenant's rows, no sort.
    expect(planOf("ORDER BY log_key DESC LIMIT 1")).toMatch(rowidRange);
    expect(planOf("ORDER BY log_key LIMIT")).toMatch(rowidRange);
    expect(planOf("json_each")).toMatch(rowidRange);
    // readStream both ways, and the version lookup: the stream index.
    expect(planOf("ORDER BY stream_version ASC")).toMatch(streamIndex);
    expect(planOf("ORDER BY stream_version DESC")).toMatch(streamIndex);
    expect(planOf("SELECT max(stream_version)")).toMatch(streamIndex);
    // A stored id: the partial event-id index. A derived id: the row at its position's rowid.
    expect(planOf("AND event_id = ?")).toMatch(
      /USING INDEX salesfold_events_event_id \(tenant_key=\? AND event_id=\?\)/,
    );
    expect(planOf("WHERE log_key = ?")).toMatch(/SEARCH salesfold_events USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    for (const [sql, plan] of plans) {
      expect(plan, sql).not.toMatch(/SCAN salesfold_events|TEMP B-TREE/);
    }
    await store.close();
    db.close();
  });
});
