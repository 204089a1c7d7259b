import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCommandHandler,
  createProjectionRunner,
  defineProjection,
  type EventEnvelope,
  inlineProjection,
  isValidationError,
} from "../../../src/index.ts";
import {
  createPostgresEventStore,
  createPostgresProjectionProcessor,
  createPostgresSnapshotStore,
  migratePostgres,
  POSTGRES_SCHEMA_VERSION,
  postgresProjection,
} from "../../../src/postgres.ts";
import { DATABASE_URL, postgresAvailable } from "../../support/services.ts";
import {
  all,
  type CounterEvent,
  counterCatalog,
  counterCommands,
  counterDecider,
  freshSchema,
  inc,
  randomSchema,
} from "./pgTestKit.ts";

const up = await postgresAvailable();
let kit: Awaited<ReturnType<typeof freshSchema>>;

const store = (tenantId: string, extra: object = {}) =>
  createPostgresEventStore<CounterEvent>({
    pool: kit.pool,
    schema: kit.schema,
    tenantId,
    catalog: counterCatalog,
    pollIntervalMs: 20,
    ...extra,
  });

/** A read model of per-tenant totals, in its own table of the test schema. */
const totals = () =>
  postgresProjection<CounterEvent>({
    name: "totals",
    types: ["Incremented"],
    setup: (c) =>
      c.query(
        `CREATE TABLE IF NOT EXISTS "${kit.schema}".totals (tenant_id text PRIMARY KEY, total bigint NOT NULL, n int NOT NULL)`,
      ),
    apply: async (c, events) => {
      for (const e of events) {
        if (e.type !== "Incremented") continue;
        if (e.data.by === 666) throw new Error("the read model refuses 666");
        await c.query(
          `INSERT INTO "${kit.schema}".totals VALUES ($1, $2, 1)
           ON CONFLICT (tenant_id) DO UPDATE SET total = totals.total + $2, n = totals.n + 1`,
          [e.tenantId, e.data.by],
        );
      }
    },
    reset: (c, tenantId) => c.query(`DELETE FROM "${kit.schema}".totals WHERE tenant_id = $1`, [tenantId]),
  });

const totalOf = async (tenantId: string) => {
  const { rows } = await kit.pool.query(`SELECT total::int, n FROM "${kit.schema}".totals WHERE tenant_id = $1`, [
    tenantId,
  ]);
  return rows[0] ?? { total: 0, n: 0 };
};

describe.skipIf(!up)("PostgreSQL store", () => {
  beforeAll(async () => {
    kit = await freshSchema("store");
  });
  afterAll(async () => {
    await kit?.drop();
  });

  it("rejects invalid options with a ValidationError naming the option", () => {
    const attempts: [string, object][] = [
      ["pool", { catalog: counterCatalog }],
      ["pool", { pool: {}, catalog: counterCatalog }],
      ["pool", { pool: kit.pool, connectionString: DATABASE_URL, catalog: counterCatalog }],
      ["catalog", { pool: kit.pool }],
      ["tenantId", { pool: kit.pool, catalog: counterCatalog, tenantId: "bad tenant" }],
      ["schema", { pool: kit.pool, catalog: counterCatalog, schema: 'x"; DROP SCHEMA public; --' }],
      ["pollIntervalMs", { pool: kit.pool, catalog: counterCatalog, pollIntervalMs: 0 }],
      ["inline", { pool: kit.pool, catalog: counterCatalog, inline: [{}] }],
    ];
    for (const [field, options] of attempts) {
      let error: unknown;
      try {
        createPostgresEventStore(options as never);
      } catch (e) {
        error = e;
      }
      expect(isValidationError(error), field).toBe(true);
      expect(
        (error as { issues: { path: unknown[] }[] }).issues.some((i) => i.path[0] === field),
        field,
      ).toBe(true);
    }
  });

  it("migrates idempotently and safely when run concurrently, and records the schema version", async () => {
    const schema = randomSchema("mig");
    try {
      const versions = await Promise.all(Array.from({ length: 4 }, () => migratePostgres(kit.pool, { schema })));
      expect(versions).toEqual([1, 1, 1, 1].map(() => POSTGRES_SCHEMA_VERSION));
      expect(await migratePostgres(kit.pool, { schema })).toBe(POSTGRES_SCHEMA_VERSION);
      const { rows } = await kit.pool.query(`SELECT version FROM "${schema}".schema_version ORDER BY version`);
      // One row per version applied, each once.
      expect(rows).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })));
      await kit.pool.query(`INSERT INTO "${schema}".schema_version (version) VALUES (99)`);
      await expect(migratePostgres(kit.pool, { schema })).rejects.toMatchObject({ code: "invalid_state" });
    } finally {
      await kit.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
    const unmigrated = createPostgresEventStore({
      pool: kit.pool,
      schema: randomSchema("none"),
      catalog: counterCatalog,
      migrate: false,
    });
    await expect(unmigrated.lastPosition()).rejects.toMatchObject({ code: "invalid_state" });
    await expect(migratePostgres(kit.pool, { schema: "pg_toast" })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("keeps two tenants in one schema apart, each with its own positions from 1", async () => {
    const a = store("tenant-a");
    const b = store("tenant-b");
    await a.append("shared", [inc(1), inc(2)], { expectedVersion: "no_stream" });
    await b.append("shared", [inc(10)], { expectedVersion: "no_stream" });
    await a.append("other", [inc(3)]);
    expect((await a.readStream("shared")).events.map((e) => (e.data as { by: number }).by)).toEqual([1, 2]);
    expect((await b.readStream("shared")).events.map((e) => (e.data as { by: number }).by)).toEqual([10]);
    expect((await all(a.readAll())).map((e) => e.globalPosition)).toEqual([1, 2, 3]);
    expect((await all(b.readAll())).map((e) => [e.globalPosition, e.tenantId])).toEqual([[1, "tenant-b"]]);
    expect(await b.streamExists("other")).toBe(false);
    expect([await a.lastPosition(), await b.lastPosition()]).toEqual([3, 1]);
  });

  it("stores NUL characters and any key order exactly: data is kept as JSON text, not jsonb", async () => {
    const s = store("exact");
    const extra = { z: 1, a: "x\u0000y", "\u0000": [null, { b: 2, a: 1 }] };
    await s.append("exact", [{ type: "Incremented", data: { by: 1, extra } }]);
    const [e] = (await s.readStream("exact")).events;
    expect(JSON.stringify((e!.data as { extra: unknown }).extra)).toBe(JSON.stringify(extra));
    expect(Object.keys((e!.data as { extra: object }).extra)).toEqual(["z", "a", "\u0000"]);
  });

  it("updates inline hooks and SQL read models inside the append's transaction; a failing one writes nothing", async () => {
    const counted = defineProjection<CounterEvent, { n: number }>({
      name: "count",
      initialState: () => ({ n: 0 }),
      handlers: {
        Incremented: (draft) => {
          draft.n += 1;
        },
      },
    });
    const hook = inlineProjection(counted);
    const s = store("inline", { inline: [hook, totals()] });
    await s.append("i", [inc(5), inc(7)], { expectedVersion: "no_stream" });
    expect(await totalOf("inline")).toEqual({ total: 12, n: 2 });
    expect(hook.state.n).toBe(2);
    await expect(s.append("i", [inc(1), inc(666)])).rejects.toThrow("the read model refuses 666");
    expect(await s.streamVersion("i")).toBe(2);
    expect(await totalOf("inline")).toEqual({ total: 12, n: 2 });
    expect(hook.state.n).toBe(2);
    // The rolled-back append's positions are a gap that readers pass.
    const next = await s.append("i", [inc(1)], { expectedVersion: 2 });
    expect(next.lastPosition).toBe(5);
    expect((await all(s.readAll())).map((e) => e.globalPosition)).toEqual([1, 2, 5]);
    expect(await totalOf("inline")).toEqual({ total: 13, n: 3 });
    expect(hook.state.n).toBe(3);
  });

  it("opens and ends its own pool from a connection string, and refuses calls once closed", async () => {
    const s = createPostgresEventStore({
      connectionString: DATABASE_URL,
      schema: kit.schema,
      tenantId: "owned",
      catalog: counterCatalog,
    });
    await s.append("o", [inc(1)]);
    const sub = s.subscribe({ handler: () => undefined });
    await sub.caughtUp(1);
    await s.close();
    await sub.done;
    await expect(s.append("o", [inc(1)])).rejects.toMatchObject({ code: "validation_failed" });
    expect(() => s.subscribe({ handler: () => undefined })).toThrow();
  });

  it("lets the appends under way finish before close() ends its own pool, with or without group commit", async () => {
    for (const groupCommit of [undefined, false] as const) {
      const s = createPostgresEventStore({
        connectionString: DATABASE_URL,
        schema: kit.schema,
        tenantId: `closing-${groupCommit}`,
        catalog: counterCatalog,
        ...(groupCommit === undefined ? {} : { groupCommit }),
      });
      await s.append("warm", [inc(0)]);
      const underway = ["a", "b", "a", "c", "d"].map((id, i) => s.append(id, [inc(i)]));
      await s.close();
      const results = await Promise.allSettled(underway);
      expect(results.map((r) => r.status)).toEqual(Array(5).fill("fulfilled"));
    }
  });

  it("keeps the prepared statements of two schemas apart on one connection, even for 48-character names", async () => {
    const base = `salesfold_test_long_${"x".repeat(20)}`;
    const schemas = [`${base}_0000001`, `${base}_0000002`];
    expect(schemas.every((s) => s.length === 48)).toBe(true);
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    try {
      for (const schema of schemas) {
        const s = createPostgresEventStore({ pool, schema, catalog: counterCatalog });
        await Promise.all([s.append("s", [inc(1)]), s.append("t", [inc(2)]), s.append("u", [inc(3)])]);
        expect((await s.readStream("s")).events).toHaveLength(1);
        expect(await s.lastPosition()).toBe(3);
      }
    } finally {
      for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  });

  it("runs an async SQL projection: each batch and its checkpoint in one transaction, redelivery applied once", async () => {
    const s = store("async");
    for (let i = 1; i <= 10; i++) await s.append(`a${i % 3}`, [inc(i)]);
    const processor = createPostgresProjectionProcessor(kit.pool, totals(), { schema: kit.schema, tenantId: "async" });
    const runner = createProjectionRunner(s, processor, { batchSize: 4 });
    await runner.start();
    await runner.caughtUp(s.lastPosition());
    expect(await totalOf("async")).toEqual({ total: 55, n: 10 });
    expect(await processor.checkpoint()).toBe(10);
    // A batch delivered again (a crash between apply and ack) is skipped by position.
    const again = await all(s.readAll({ after: 6 }));
    await processor.handle(again as EventEnvelope<CounterEvent>[]);
    expect(await totalOf("async")).toEqual({ total: 55, n: 10 });
    // A failing batch rolls back with its checkpoint, and the runner stops with the error.
    await s.append("bad", [inc(100), inc(666)]);
    await expect(runner.caughtUp(s.lastPosition())).rejects.toThrow("the read model refuses 666");
    expect(await processor.checkpoint()).toBe(10);
    expect(await totalOf("async")).toEqual({ total: 55, n: 10 });
    await runner.stop();
    await processor.reset();
    expect(await processor.checkpoint()).toBe(0);
    expect(await totalOf("async")).toEqual({ total: 0, n: 0 });
  });

  it("keeps snapshots for the command handler, and ignores them when the decider version changes", async () => {
    const s = store("snap");
    const snapshots = createPostgresSnapshotStore(kit.pool, { schema: kit.schema, tenantId: "snap" });
    const handler = createCommandHandler({
      store: s,
      decider: counterDecider("1"),
      commands: counterCommands,
      snapshots: { store: snapshots, every: 2 },
    });
    await handler.handle("c", { type: "Open", name: "c" });
    for (let i = 0; i < 4; i++) await handler.handle("c", { type: "Add", by: 1 });
    const saved = await snapshots.load<{ total: number }>("counter", "c");
    expect(saved?.deciderVersion).toBe("1");
    expect(saved!.streamVersion).toBeGreaterThanOrEqual(4);
    // A forged snapshot of the same decider version is used as is: proof the handler reads it.
    await kit.pool.query(`UPDATE "${kit.schema}".snapshots SET state = $1 WHERE tenant_id = 'snap'`, [
      JSON.stringify({ total: 1000, events: saved!.streamVersion }),
    ]);
    const withSnapshot = await handler.handle("c", { type: "Add", by: 1 });
    expect(withSnapshot.state.total).toBeGreaterThan(1000);
    // A new decider version ignores it and folds the stream from the start.
    const v2 = createCommandHandler({
      store: s,
      decider: counterDecider("2"),
      commands: counterCommands,
      snapshots: { store: snapshots, every: 100 },
    });
    const fresh = await v2.handle("c", { type: "Add", by: 1 });
    expect(fresh.state.total).toBe(6);
    // An older snapshot never replaces a newer one of the same decider version.
    await snapshots.save("counter", "x", { state: { n: 2 }, streamVersion: 5, deciderVersion: "1" });
    await snapshots.save("counter", "x", { state: { n: 1 }, streamVersion: 3, deciderVersion: "1" });
    expect(await snapshots.load("counter", "x")).toEqual({ state: { n: 2 }, streamVersion: 5, deciderVersion: "1" });
    await expect(
      snapshots.save("counter", "x", { state: { d: new Date() }, streamVersion: 6, deciderVersion: "1" }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect(() => createPostgresSnapshotStore(kit.pool, { schema: "bad schema" })).toThrow();
  });

  it("works over a single pg.Client, one statement at a time", async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const s = createPostgresEventStore({
        pool: client,
        schema: kit.schema,
        tenantId: "client",
        catalog: counterCatalog,
      });
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => s.append(`c${i}`, [inc(i)])));
      expect(results.map((r) => r.lastPosition).sort()).toEqual([1, 2, 3, 4, 5]);
      expect((await all(s.readAll())).length).toBe(5);
      await s.close();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]); // left open
    } finally {
      await client.end();
    }
  });
});
