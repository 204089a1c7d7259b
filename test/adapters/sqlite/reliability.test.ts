import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../../src/index.ts";
import { createSqliteEventStore } from "../../../src/sqlite.ts";
import { all, child, counterCatalog, EVENT_LOG, inc, tempDir } from "./fixtures.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** The database is healthy: every stream's versions run 1..n, and every tenant's positions 1..n, with no gap. */
function assertConsistent(path: string): void {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const gappedStreams = db
      .prepare(
        `SELECT tenant_id, stream_id, min(stream_version) AS low, max(stream_version) AS top, count(*) AS n
         FROM ${EVENT_LOG} GROUP BY tenant_id, stream_id HAVING low <> 1 OR top <> n`,
      )
      .all();
    expect(gappedStreams).toEqual([]);
    const gappedTenants = db
      .prepare(
        `SELECT tenant_id, min(global_position) AS low, max(global_position) AS top, count(*) AS n
         FROM ${EVENT_LOG} GROUP BY tenant_id HAVING low <> 1 OR top <> n`,
      )
      .all();
    expect(gappedTenants).toEqual([]);
  } finally {
    db.close();
  }
}

describe("SQLite store: 8 writer processes on one stream", () => {
  it("ends with versions exactly 1..4000, no gap, no duplicate, each event once in readAll", async () => {
    const path = tmp.path("contended.db");
    const setup = createSqliteEventStore({ database: path, catalog: counterCatalog });
    await setup.close();
    const writers = Array.from({ length: 8 }, (_, w) => child("contendingWriter.ts", [path, String(w), "500"]));
    await Promise.all(writers.map((w) => w.line("ready")));
    for (const w of writers) w.proc.stdin!.end("go\n");
    const done = await Promise.all(writers.map((w) => w.line("done")));
    for (const w of writers) expect((await w.exited).code).toBe(0);
    expect(done.every((d) => d.startsWith("done 500 "))).toBe(true);

    const store = createSqliteEventStore({ database: path, catalog: counterCatalog });
    const { events, currentVersion } = await store.readStream("contended");
    expect(currentVersion).toBe(4000);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 4000 }, (_, i) => i + 1));
    const log = await all(store.readAll());
    expect(log).toHaveLength(4000);
    expect(new Set(log.map((e) => e.eventId)).size).toBe(4000);
    for (let w = 0; w < 8; w++) {
      const mine = log.filter((e) => (e.data as { writer: number }).writer === w).map((e) => e.eventId);
      expect(mine).toEqual(Array.from({ length: 500 }, (_, i) => `w${w}-${i}`));
    }
    const positions = log.map((e) => e.globalPosition);
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    const conflicts = done.reduce((sum, d) => sum + Number(d.split(" ")[2]), 0);
    console.log(`8 writers x 500 appends: ${conflicts} concurrency conflicts retried`);
    await store.close();
    assertConsistent(path);
  });
});

describe("SQLite store: a writer killed with SIGKILL in the middle of a 1,000-event batch", () => {
  for (let run = 1; run <= 3; run++) {
    it(`leaves the batch fully absent when killed inside the transaction, and the store works (run ${run})`, async () => {
      const path = tmp.path(`crash-block-${run}.db`);
      const before = createSqliteEventStore({ database: path, catalog: counterCatalog });
      await before.append("crash", [inc(7)], { expectedVersion: "no_stream" });
      await before.close();

      const writer = child("crashWriter.ts", [path, "block"]);
      await writer.line("staged"); // every row of the batch is inserted; COMMIT has not run
      const probe = new Database(path);
      probe.pragma("busy_timeout = 0");
      expect(() => probe.exec("BEGIN IMMEDIATE"), "the child holds the write lock").toThrow(/locked|busy/i);
      expect(probe.prepare("SELECT count(*) FROM salesfold_events").pluck().get(), "readers see no part of it").toBe(1);
      probe.close();
      writer.proc.kill("SIGKILL");
      expect((await writer.exited).signal).toBe("SIGKILL");

      const store = createSqliteEventStore({ database: path, catalog: counterCatalog });
      expect(await store.streamVersion("crash")).toBe(1);
      expect((await all(store.readAll())).map((e) => e.data)).toEqual([{ by: 7 }]);
      const after = await store.append("crash", [inc(1), inc(2)], { expectedVersion: 1 });
      expect(after.events.map((e) => e.streamVersion)).toEqual([2, 3]);
      expect((await store.readStream("crash")).events.map((e) => (e.data as { by: number }).by)).toEqual([7, 1, 2]);
      await store.close();
      assertConsistent(path);
    });
  }

  for (let run = 1; run <= 3; run++) {
    it(`leaves every batch fully there or fully absent when killed at an arbitrary moment (run ${run})`, async () => {
      const path = tmp.path(`crash-loop-${run}.db`);
      const writer = child("crashWriter.ts", [path, "loop"]);
      // Kill at a different point of a batch each run: after 1, 2 or 3 committed batches, plus a few milliseconds.
      await writer.line(`committed ${run - 1}`);
      await new Promise((r) => setTimeout(r, run * 3));
      writer.proc.kill("SIGKILL");
      await writer.exited;
      const acknowledged = writer.lines.filter((l) => l.startsWith("committed")).length;

      const store = createSqliteEventStore({ database: path, catalog: counterCatalog });
      const log = await all(store.readAll());
      const perStream = new Map<string, EventEnvelope[]>();
      for (const e of log) perStream.set(e.streamId, [...(perStream.get(e.streamId) ?? []), e]);
      for (const [, events] of perStream) {
        expect(events).toHaveLength(1000);
        expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      }
      // Every acknowledged batch survived; at most the one in flight was lost or (if its COMMIT finished) kept.
      expect(perStream.size).toBeGreaterThanOrEqual(acknowledged);
      expect(perStream.size).toBeLessThanOrEqual(acknowledged + 1);
      const next = `crash-${perStream.size}`;
      await store.append(next, [inc(1)], { expectedVersion: "no_stream" });
      expect(await store.streamVersion(next)).toBe(1);
      await store.close();
      assertConsistent(path);
    });
  }
});

describe("SQLite store: a lost acknowledgement", () => {
  it("returns the original result when the same batch is sent again, from this or another connection", async () => {
    const path = tmp.path("lost-ack.db");
    const store = createSqliteEventStore({ database: path, catalog: counterCatalog });
    await store.append("ack", [inc(1)], { expectedVersion: "no_stream" });
    const batch = [inc(2, { eventId: "ack-2" }), inc(3, { eventId: "ack-3" })];
    // The client times out before the answer arrives and forgets it; the append committed anyway.
    const original = await Promise.race([
      store.append("ack", batch, { expectedVersion: 1 }),
      new Promise((r) => setTimeout(r, 0, "timed out")),
    ]).then(() => store.readStream("ack", { fromVersion: 2 }));
    await store.append("other", [inc(9)]);
    const retried = await store.append("ack", batch, { expectedVersion: 1 });
    expect(retried.events).toEqual(original.events);
    expect(retried.nextExpectedVersion).toBe(3);
    expect(retried.lastPosition).toBe(original.events[1]!.globalPosition);

    const elsewhere = createSqliteEventStore({ database: path, catalog: counterCatalog });
    const fromAnotherConnection = await elsewhere.append("ack", batch, { expectedVersion: 1 });
    expect(fromAnotherConnection).toEqual(retried);
    expect(await elsewhere.streamVersion("ack")).toBe(3);
    expect((await all(elsewhere.readAll())).map((e) => e.eventId).filter((id) => id.startsWith("ack-"))).toEqual([
      "ack-2",
      "ack-3",
    ]);
    await elsewhere.close();
    await store.close();
  });
});
