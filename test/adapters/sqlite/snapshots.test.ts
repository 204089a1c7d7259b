import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createCommandHandler, isValidationError } from "../../../src/index.ts";
import { createSqliteEventStore, createSqliteSnapshotStore } from "../../../src/sqlite.ts";
import { counterCatalog, counterCommands, counterDecider } from "./fixtures.ts";

describe("createSqliteSnapshotStore", () => {
  it("is used by the command handler: saved every N events, loaded instead of replaying", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "acme" });
    const snapshots = createSqliteSnapshotStore(db, { tenantId: "acme" });
    const reads: number[] = [];
    const spied = {
      ...store,
      readStream: (id: string, o?: { fromVersion?: number }) => {
        reads.push(o?.fromVersion ?? 1);
        return store.readStream(id, o);
      },
    };
    const handler = createCommandHandler({
      store: spied,
      decider: counterDecider(),
      commands: counterCommands,
      snapshots: { store: snapshots, every: 3 },
    });
    await handler.handle("c-1", { type: "Open", name: "c" });
    await handler.handle("c-1", { type: "Add", by: 2 });
    expect(await snapshots.load("counter", "c-1")).toBeUndefined();
    await handler.handle("c-1", { type: "Add", by: 3 });
    expect(await snapshots.load("counter", "c-1")).toEqual({
      state: { total: 5, events: 3 },
      streamVersion: 3,
      deciderVersion: "1",
    });
    // A marker state no replay could produce proves the handler starts from the stored snapshot.
    db.prepare("UPDATE salesfold_snapshots SET state = ? WHERE stream_id = 'c-1'").run('{"total":1000,"events":3}');
    // A save older than the stored snapshot (same decider version) is ignored; a newer one replaces it.
    await snapshots.save("counter", "c-1", { state: { total: -1, events: 0 }, streamVersion: 2, deciderVersion: "1" });
    expect((await snapshots.load("counter", "c-1"))!.state).toEqual({ total: 1000, events: 3 });
    const result = await handler.handle("c-1", { type: "Add", by: 1 });
    expect(result.state).toEqual({ total: 1001, events: 4 });
    expect(reads.at(-1)).toBe(4);
    // Another tenant's snapshot store does not see acme's snapshots.
    expect(await createSqliteSnapshotStore(db, { tenantId: "other" }).load("counter", "c-1")).toBeUndefined();
    db.close();
  });

  it("ignores a snapshot of another decider version, and replaces it", async () => {
    const db = new Database(":memory:");
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog });
    const snapshots = createSqliteSnapshotStore(db);
    const v1 = createCommandHandler({
      store,
      decider: counterDecider("1"),
      commands: counterCommands,
      snapshots: { store: snapshots, every: 2 },
    });
    await v1.handle("c", { type: "Open", name: "c" });
    await v1.handle("c", { type: "Add", by: 5 });
    expect((await snapshots.load("counter", "c"))!.deciderVersion).toBe("1");
    await snapshots.save("counter", "c", { state: { total: 999, events: 2 }, streamVersion: 2, deciderVersion: "1" });
    const v2 = createCommandHandler({
      store,
      decider: counterDecider("2"),
      commands: counterCommands,
      snapshots: { store: snapshots, every: 2 },
    });
    const r = await v2.handle("c", { type: "Add", by: 1 });
    expect(r.state).toEqual({ total: 6, events: 3 }); // replayed, not 1000
    expect(await snapshots.load("counter", "c")).toEqual({
      state: { total: 6, events: 3 },
      streamVersion: 3,
      deciderVersion: "2",
    });
    db.close();
  });

  it("refuses state JSON cannot carry, and bad keys, with a ValidationError", async () => {
    const snapshots = createSqliteSnapshotStore(new Database(":memory:"));
    const save = (state: unknown, stream = "s") =>
      snapshots.save("d", stream, { state, streamVersion: 1, deciderVersion: "1" }).then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isValidationError(await save(new Map([[1, 2]])))).toBe(true);
    expect(isValidationError(await save({ at: new Date(0) }))).toBe(true);
    expect(isValidationError(await save({ n: Number.NaN }))).toBe(true);
    expect(isValidationError(await save({ ok: 1 }, ""))).toBe(true);
    expect(isValidationError(await save({ ok: 1 }, "\uD800"))).toBe(true);
    await snapshots.save("d", "x'; DROP TABLE salesfold_snapshots; --", {
      state: { a: [1, { b: "🚀" }] },
      streamVersion: 1,
      deciderVersion: "1",
    });
    const loaded = await snapshots.load("d", "x'; DROP TABLE salesfold_snapshots; --");
    expect(loaded!.state).toEqual({ a: [1, { b: "🚀" }] });
    expect(Object.isFrozen(loaded!.state)).toBe(true);
  });
});
