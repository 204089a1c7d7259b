import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isSalesfoldError } from "../../../src/index.ts";
import { createSqliteEventStore } from "../../../src/sqlite.ts";
import { all, counterCatalog, EVENT_LOG, inc, rejection, tempDir } from "./fixtures.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const clock = { now: () => "2026-03-01T09:00:00.000Z" };
const MAX_TENANT_KEY = 2 ** 23 - 1;
const MAX_POSITION = 2 ** 40 - 1;

describe("SQLite store: row layout", () => {
  it("stores a common event as a slim row, and reads back every event exactly as appended", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, clock });
    const { events } = await store.append("s", [
      inc(1),
      { ...inc(2), occurredAt: "2026-02-01T00:00:00.000Z" },
      { ...inc(3), occurredAt: clock.now() },
      { ...inc(4), metadata: { actor: "user:ana", correlationId: "c-1" } },
    ]);
    const stored = db.prepare("SELECT occurred_at, metadata FROM salesfold_events ORDER BY log_key").raw().all() as [
      string | null,
      string | null,
    ][];
    expect(stored[0]).toEqual([null, null]);
    expect(stored[1]).toEqual(["2026-02-01T00:00:00.000Z", null]);
    expect(stored[2]).toEqual([null, null]);
    expect(stored[3]![0]).toBeNull();
    expect(JSON.parse(stored[3]![1]!)).toEqual({ schemaVersion: 1, actor: "user:ana", correlationId: "c-1" });

    expect(events.map((e) => [e.occurredAt, e.metadata])).toEqual([
      [clock.now(), { schemaVersion: 1 }],
      ["2026-02-01T00:00:00.000Z", { schemaVersion: 1 }],
      [clock.now(), { schemaVersion: 1 }],
      [clock.now(), { schemaVersion: 1, actor: "user:ana", correlationId: "c-1" }],
    ]);
    expect((await store.readStream("s")).events).toEqual(events);
    expect(await all(store.readAll())).toEqual(events);
    // A replay compares with the restored row.
    const replayed = await store.append("s", [{ ...inc(5, { eventId: "e-5" }), occurredAt: clock.now() }]);
    expect(await store.append("s", [{ ...inc(5, { eventId: "e-5" }), occurredAt: clock.now() }])).toEqual(replayed);
    await store.close();
    db.close();
  });

  it("gives each tenant a key, and keeps tenants apart with positions 1, 2, 3 each", async () => {
    const db = new Database(tmp.path("tenants.db"));
    const acme = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "acme" });
    const bolt = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "bolt" });
    await acme.append("s", [inc(1)]);
    await bolt.append("s", [inc(1), inc(2)]);
    await acme.append("s", [inc(2), inc(3)]);
    expect(db.prepare("SELECT tenant_key, tenant_id FROM salesfold_tenants ORDER BY tenant_key").raw().all()).toEqual([
      [1, "acme"],
      [2, "bolt"],
    ]);
    expect(
      db.prepare(`SELECT tenant_id, global_position, stream_version FROM ${EVENT_LOG} ORDER BY 1, 2`).raw().all(),
    ).toEqual([
      ["acme", 1, 1],
      ["acme", 2, 2],
      ["acme", 3, 3],
      ["bolt", 1, 1],
      ["bolt", 2, 2],
    ]);
    expect((await all(bolt.readAll())).map((e) => [e.tenantId, e.globalPosition])).toEqual([
      ["bolt", 1],
      ["bolt", 2],
    ]);
    expect(await acme.lastPosition()).toBe(3);
    await acme.close();
    await bolt.close();
    db.close();
  });

  it("keeps exact positions for tenants whose keys place their events past 2^53, up to the last tenant key", async () => {
    const db = new Database(":memory:");
    createSqliteEventStore({ database: db, catalog: counterCatalog }).close();
    // Tenants at the top of the key range, as a database with that many tenants would hold them.
    db.prepare("INSERT INTO salesfold_tenants (tenant_key, tenant_id) VALUES (?, 'near'), (?, 'far')").run(
      MAX_TENANT_KEY - 1,
      MAX_TENANT_KEY,
    );
    const near = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "near" });
    const far = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "far" });
    const first = await far.append("s", [inc(1), inc(2)]);
    await near.append("s", [inc(10)]);
    const second = await far.append("s", [inc(3)], { expectedVersion: 2 });
    const farEvents = [...first.events, ...second.events];
    expect(farEvents.map((e) => e.globalPosition)).toEqual([1, 2, 3]);
    expect(await all(far.readAll())).toEqual(farEvents);
    expect(await all(far.readAll({ after: 2 }))).toEqual(farEvents.slice(2));
    expect((await far.readStream("s")).events).toEqual(farEvents);
    expect(await far.lastPosition()).toBe(3);
    expect(await far.streamVersion("s")).toBe(3);
    expect((await all(near.readAll())).map((e) => [e.globalPosition, e.data])).toEqual([[1, { by: 10 }]]);
    // A derived id names its event through the row at its position's log key.
    expect(await far.append("s", [inc(2, { eventId: farEvents[1]!.eventId })])).toMatchObject({
      events: [farEvents[1]],
    });
    const keys = db
      .prepare("SELECT log_key FROM salesfold_events WHERE tenant_key = ? ORDER BY log_key")
      .safeIntegers()
      .pluck()
      .all(MAX_TENANT_KEY);
    expect(keys).toEqual([1n, 2n, 3n].map((p) => BigInt(MAX_TENANT_KEY) * 2n ** 40n + p));

    // Past the last key, a new tenant is refused with a typed error and nothing is written.
    const beyond = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "beyond" });
    const error = await rejection(() => beyond.append("s", [inc(1)]));
    expect(isSalesfoldError(error) && error.code === "invalid_state").toBe(true);
    expect(db.prepare("SELECT count(*) FROM salesfold_tenants WHERE tenant_id = 'beyond'").pluck().get()).toBe(0);
    expect(await beyond.lastPosition()).toBe(0);
    for (const s of [near, far, beyond]) await s.close();
    db.close();
  });

  it("refuses an append past a tenant's last position, writing nothing", async () => {
    const db = new Database(":memory:");
    const first = createSqliteEventStore({ database: db, catalog: counterCatalog });
    await first.append("s", [inc(1)]);
    await first.close();
    // A tenant near its end, made by hand: positions 2 to MAX_POSITION - 2 are left out, which no append does. A new
    // handle reads the head there.
    db.prepare(
      `INSERT INTO salesfold_events (log_key, tenant_key, stream_id, stream_version, type, recorded_at, data)
       VALUES (1 * 1099511627776 + ?, 1, 't', 1, 'Incremented', '2026-01-01T00:00:00.000Z', '{"by":0}')`,
    ).run(MAX_POSITION - 1);
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog });
    expect(await store.lastPosition()).toBe(MAX_POSITION - 1);
    const last = await store.append("s", [inc(2)]);
    expect(last.events[0]!.globalPosition).toBe(MAX_POSITION);
    const error = await rejection(() => store.append("s", [inc(3)]));
    expect(isSalesfoldError(error) && error.code === "invalid_state").toBe(true);
    expect(await store.lastPosition()).toBe(MAX_POSITION);
    await store.close();
    db.close();
  });
});
