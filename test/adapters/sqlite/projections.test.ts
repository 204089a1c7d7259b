import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  createProjectionRunner,
  defineProjection,
  type EventEnvelope,
  inlineProjection,
  isConcurrencyError,
  isSalesfoldError,
} from "../../../src/index.ts";
import { createSqliteEventStore, createSqliteProjectionProcessor, sqliteProjection } from "../../../src/sqlite.ts";
import { type CounterEvent, counterCatalog, inc } from "./fixtures.ts";

/** A SQL read model: the total of `Incremented.by` per tenant and stream, and how many times apply ran. */
const totals = (options: { fail?: (e: EventEnvelope) => boolean } = {}) =>
  sqliteProjection<CounterEvent>({
    name: "totals",
    types: ["Incremented"],
    setup: (db) =>
      db.exec(`CREATE TABLE IF NOT EXISTS totals (tenant_id TEXT, stream_id TEXT, total INTEGER NOT NULL,
               PRIMARY KEY (tenant_id, stream_id)) WITHOUT ROWID;
               CREATE TABLE IF NOT EXISTS totals_calls (n INTEGER NOT NULL); INSERT INTO totals_calls SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM totals_calls)`),
    apply: (db, events) => {
      const add = db.prepare(
        `INSERT INTO totals VALUES (?, ?, ?) ON CONFLICT (tenant_id, stream_id) DO UPDATE SET total = total + excluded.total`,
      );
      for (const e of events) {
        if (e.type !== "Incremented") throw new Error(`unexpected ${e.type}`);
        if (options.fail?.(e)) throw new Error("read model refused");
        add.run(e.tenantId, e.streamId, e.data.by);
      }
      db.exec("UPDATE totals_calls SET n = n + 1");
    },
    reset: (db, tenantId) => db.prepare("DELETE FROM totals WHERE tenant_id = ?").run(tenantId),
  });

const totalsOf = (db: Database.Database, tenantId = "default") =>
  Object.fromEntries(
    db.prepare("SELECT stream_id, total FROM totals WHERE tenant_id = ? ORDER BY stream_id").raw().all(tenantId) as [
      string,
      number,
    ][],
  );
const checkpointOf = (db: Database.Database, tenantId = "default") =>
  db
    .prepare("SELECT position FROM salesfold_checkpoints WHERE tenant_id = ? AND name = 'totals'")
    .pluck()
    .get(tenantId);

const sum = defineProjection<CounterEvent, { total: number }>({
  name: "sum",
  initialState: () => ({ total: 0 }),
  handlers: {
    Incremented: (s, e) => {
      s.total += e.data.by;
    },
  },
});

describe("SQLite store: inline read models", () => {
  it("stages an InlineHook inside the write transaction and publishes it only after a commit", async () => {
    const live = inlineProjection(sum);
    let failNext = false;
    const guard = {
      stage: () => {
        if (failNext) throw new Error("refused");
        return () => {};
      },
    };
    const store = createSqliteEventStore({ database: ":memory:", catalog: counterCatalog, inline: [live, guard] });
    await store.append("a", [inc(2), inc(3)]);
    expect(live.state.total).toBe(5);
    const conflict = await store.append("a", [inc(10)], { expectedVersion: 0 }).catch((e: unknown) => e);
    expect(isConcurrencyError(conflict)).toBe(true);
    failNext = true;
    await expect(store.append("a", [inc(100)])).rejects.toThrow("refused");
    expect(live.state.total).toBe(5);
    expect(await store.streamVersion("a")).toBe(2); // the refused batch was rolled back
    expect(live.position).toBe(await store.lastPosition());
    await store.close();
  });

  it("applies a sqliteProjection in the append's transaction: the read model and the events commit together", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({
      database: db,
      catalog: counterCatalog,
      inline: [totals({ fail: (e) => (e.data as { by: number }).by < 0 })],
    });
    await store.append("a", [{ type: "CounterOpened", data: { name: "a" } }, inc(2), inc(3)]);
    await store.append("b", [inc(7)]);
    expect(totalsOf(db)).toEqual({ a: 5, b: 7 });
    expect(checkpointOf(db)).toBe(4);
    await expect(store.append("a", [inc(1), inc(-1)])).rejects.toThrow("read model refused");
    expect(await store.streamVersion("a")).toBe(3);
    expect(totalsOf(db)).toEqual({ a: 5, b: 7 });
    await store.append("a", [{ type: "CounterOpened", data: { name: "again" } }]); // no relevant event: not applied
    expect(db.prepare("SELECT n FROM totals_calls").pluck().get()).toBe(2);
    db.close();
  });

  it("refuses an async apply: its writes would land after the commit", async () => {
    const db = new Database(":memory:");
    const asyncApply = sqliteProjection({
      name: "async",
      setup: () => {},
      apply: (async () => {}) as never,
      reset: () => {},
    });
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, inline: [asyncApply] });
    const error = await store.append("a", [inc(1)]).catch((e: unknown) => e);
    expect(isSalesfoldError(error) && error.code === "invalid_state").toBe(true);
    expect(await store.streamVersion("a")).toBe(0);
    db.close();
  });
});

describe("createSqliteProjectionProcessor", () => {
  it("catches up and follows with the runner, writing the read model and its checkpoint in one transaction", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "acme" });
    const other = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "bolt" });
    await store.append("a", [{ type: "CounterOpened", data: { name: "a" } }, inc(1), inc(2)]);
    await other.append("a", [inc(50)]);
    const processor = createSqliteProjectionProcessor(db, totals(), { tenantId: "acme" });
    const runner = createProjectionRunner(store, processor, { batchSize: 2 });
    await runner.start();
    await runner.caughtUp(store.lastPosition());
    expect(totalsOf(db, "acme")).toEqual({ a: 3 });
    await store.append("b", [inc(5)]);
    await runner.caughtUp(store.lastPosition());
    expect(totalsOf(db, "acme")).toEqual({ a: 3, b: 5 });
    expect(await processor.checkpoint()).toBe(await store.lastPosition());
    await runner.stop();

    // A restarted runner resumes from the durable checkpoint; a rebuild resets and replays this tenant only.
    await store.append("a", [inc(10)]);
    const again = createProjectionRunner(store, createSqliteProjectionProcessor(db, totals(), { tenantId: "acme" }));
    await again.start();
    await again.caughtUp(store.lastPosition());
    expect(totalsOf(db, "acme")).toEqual({ a: 13, b: 5 });
    await again.rebuild();
    await again.caughtUp(store.lastPosition());
    expect(totalsOf(db, "acme")).toEqual({ a: 13, b: 5 });
    await again.stop();
    expect(totalsOf(db, "bolt")).toEqual({});
    await store.close();
    await other.close();
    db.close();
  });

  it("skips events at or below its checkpoint, so a redelivered batch is applied once", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog });
    const { events } = await store.append("a", [inc(1), inc(2), inc(4)]);
    const processor = createSqliteProjectionProcessor(db, totals());
    await processor.handle(events.slice(0, 2));
    await processor.handle(events.slice(0, 2)); // at-least-once: the same batch again
    await processor.handle(events); // overlapping batch: only the new event applies
    expect(totalsOf(db)).toEqual({ a: 7 });
    expect(await processor.checkpoint()).toBe(events[2]!.globalPosition);
    await processor.reset();
    expect(totalsOf(db)).toEqual({});
    expect(await processor.checkpoint()).toBe(0);
    db.close();
  });

  it("rolls back the read model and keeps the checkpoint when apply throws", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog });
    const { events } = await store.append("a", [inc(1), inc(-1)]);
    const processor = createSqliteProjectionProcessor(db, totals({ fail: (e) => (e.data as { by: number }).by < 0 }));
    await expect(processor.handle(events)).rejects.toThrow("read model refused");
    expect(totalsOf(db)).toEqual({});
    expect(await processor.checkpoint()).toBe(0);
    const foreign = { ...events[0]!, tenantId: "elsewhere" };
    const error = await processor.handle([foreign]).catch((e: unknown) => e);
    expect(isSalesfoldError(error) && error.code === "invalid_state").toBe(true);
    db.close();
  });
});
