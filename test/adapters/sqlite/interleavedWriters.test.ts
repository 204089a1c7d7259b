import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { isConcurrencyError } from "../../../src/index.ts";
import { createSqliteEventStore, sqliteProjection } from "../../../src/sqlite.ts";
import { all, counterCatalog, inc, rejection, tempDir } from "./fixtures.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// Between two appends of a handle, the log may change in every other way: another handle on the same connection,
// another connection, the application writing rows itself, an append rolled back. Each append sees all of it.
type Step =
  | {
      readonly kind: "append";
      readonly handle: number;
      readonly stream: string;
      readonly n: number;
      readonly stale: boolean;
    }
  | { readonly kind: "row"; readonly connection: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("append" as const),
      handle: fc.integer({ min: 0, max: 2 }),
      stream: fc.constantFrom("a", "b"),
      n: fc.integer({ min: 1, max: 5 }),
      stale: fc.boolean(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("row" as const), connection: fc.integer({ min: 0, max: 1 }) }),
    weight: 1,
  },
);

describe("SQLite store: appends see every change made since the handle's last one", () => {
  it("sees every append and row written by another handle, another connection or the application", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 30 }), async (steps) => {
        const path = tmp.path(`known-${run++}.db`);
        const connections = [new Database(path), new Database(path)];
        // Handles 0 and 1 share connection 0; handle 2 has connection 1.
        const handles = [0, 0, 1].map((c) =>
          createSqliteEventStore({ database: connections[c]!, catalog: counterCatalog }),
        );
        // The tenant exists before any row is written by hand.
        await handles[0]!.append("init", [inc(0)]);
        const versions = new Map<string, number>([["init", 1]]);
        let head = 1;
        for (const step of steps) {
          if (step.kind === "row") {
            // A row written by hand, as an application or a repair script could, through one of the connections.
            const version = (versions.get("raw") ?? 0) + 1;
            connections[step.connection]!.prepare(
              `INSERT INTO salesfold_events (log_key, tenant_key, stream_id, stream_version, type, recorded_at, data)
               VALUES (1099511627776 + ?, 1, 'raw', ?, 'Incremented', '2026-01-01T00:00:00.000Z', '{"by":0}')`,
            ).run(head + 1, version);
            versions.set("raw", version);
            head++;
            continue;
          }
          const actual = versions.get(step.stream) ?? 0;
          const expectedVersion = step.stale ? actual + 1 : actual;
          const events = Array.from({ length: step.n }, (_, k) => inc(k));
          const store = handles[step.handle]!;
          if (step.stale) {
            const error = await rejection(() => store.append(step.stream, events, { expectedVersion }));
            expect(isConcurrencyError(error)).toBe(true);
            continue;
          }
          const result = await store.append(step.stream, events, { expectedVersion });
          expect(result.events.map((e) => e.globalPosition)).toEqual(events.map((_, k) => head + k + 1));
          expect(result.events.map((e) => e.streamVersion)).toEqual(events.map((_, k) => actual + k + 1));
          versions.set(step.stream, actual + step.n);
          head += step.n;
        }
        const log = await all(handles[2]!.readAll());
        expect(log.map((e) => e.globalPosition)).toEqual(log.map((_, i) => i + 1));
        expect(log).toHaveLength(head);
        for (const h of handles) await h.close();
        for (const c of connections) c.close();
      }),
      { numRuns: 60 },
    );
  });

  it("sees another handle's append to a stream it wrote, after appending to another stream", async () => {
    const db = new Database(tmp.path("versions.db"));
    const mine = createSqliteEventStore({ database: db, catalog: counterCatalog });
    const theirs = createSqliteEventStore({ database: db, catalog: counterCatalog });
    await mine.append("a", [inc(1), inc(2)], { expectedVersion: "no_stream" });
    await theirs.append("a", [inc(3)], { expectedVersion: 2 });
    await mine.append("b", [inc(4)], { expectedVersion: "no_stream" });
    // "a" is at version 3 now, not at the 2 this handle wrote.
    const result = await mine.append("a", [inc(5)], { expectedVersion: 3 });
    expect(result.events[0]).toMatchObject({ streamVersion: 4, globalPosition: 5 });
    expect(isConcurrencyError(await rejection(() => mine.append("a", [inc(6)], { expectedVersion: 2 })))).toBe(true);
    await mine.close();
    await theirs.close();
    db.close();
  });

  it("writes a lone event after the head another handle or connection moved, and refuses one on a moved stream", async () => {
    const path = tmp.path("lone.db");
    const [db, second] = [new Database(path), new Database(path)];
    const mine = createSqliteEventStore({ database: db, catalog: counterCatalog });
    const theirs = createSqliteEventStore({ database: db, catalog: counterCatalog });
    const remote = createSqliteEventStore({ database: second, catalog: counterCatalog });
    await mine.append("a", [inc(1)], { expectedVersion: "no_stream" });
    // This handle now knows the head (1) and the version of "a" (1): a lone event goes in one statement.
    expect((await mine.append("a", [inc(2)], { expectedVersion: 1 })).events[0]).toMatchObject({ globalPosition: 2 });
    // Position 3 is taken by another handle, then 4 by another connection: the next lone event goes to 5.
    await theirs.append("b", [inc(3)]);
    await remote.append("c", [inc(4)]);
    const next = await mine.append("a", [inc(5)], { expectedVersion: 2 });
    expect(next.events[0]).toMatchObject({ globalPosition: 5, streamVersion: 3 });
    // Another connection appends to "a": the version this handle knows (3) no longer holds.
    await remote.append("a", [inc(6)], { expectedVersion: 3 });
    const stale = await rejection(() => mine.append("a", [inc(7)], { expectedVersion: 3 }));
    expect(isConcurrencyError(stale) && stale.actual).toBe(4);
    const log = await all(mine.readAll());
    expect(log.map((e) => [e.globalPosition, e.streamId, e.streamVersion, e.data])).toEqual([
      [1, "a", 1, { by: 1 }],
      [2, "a", 2, { by: 2 }],
      [3, "b", 1, { by: 3 }],
      [4, "c", 1, { by: 4 }],
      [5, "a", 3, { by: 5 }],
      [6, "a", 4, { by: 6 }],
    ]);
    for (const s of [mine, theirs, remote]) await s.close();
    db.close();
    second.close();
  });

  it("stays right across a rolled-back append and the rows an inline read model writes", async () => {
    const db = new Database(tmp.path("inline.db"));
    let fail = false;
    const totals = sqliteProjection({
      name: "totals",
      setup: (d) => d.exec("CREATE TABLE IF NOT EXISTS totals (stream TEXT PRIMARY KEY, total INTEGER NOT NULL)"),
      reset: (d) => d.exec("DELETE FROM totals"),
      apply: (d, events) => {
        if (fail) throw new Error("read model failure");
        for (const e of events) {
          d.prepare(
            "INSERT INTO totals VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET total = total + excluded.total",
          ).run(e.streamId, (e.data as { by: number }).by);
        }
      },
    });
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, inline: [totals] });
    const other = createSqliteEventStore({ database: db, catalog: counterCatalog });
    await store.append("s", [inc(1), inc(2)], { expectedVersion: "no_stream" });
    fail = true;
    await rejection(() => store.append("s", [inc(3)], { expectedVersion: 2 }));
    fail = false;
    // The failed append wrote nothing: version 2 and head 2 still hold.
    const next = await store.append("s", [inc(4)], { expectedVersion: 2 });
    expect(next.events[0]!.globalPosition).toBe(3);
    // Another handle on the same connection appends; the first one sees it.
    await other.append("s", [inc(5)], { expectedVersion: 3 });
    const after = await store.append("s", [inc(6)], { expectedVersion: 4 });
    expect(after.events[0]).toMatchObject({ globalPosition: 5, streamVersion: 5 });
    expect(isConcurrencyError(await rejection(() => store.append("s", [inc(7)], { expectedVersion: 4 })))).toBe(true);
    expect(db.prepare("SELECT total FROM totals WHERE stream = 's'").pluck().get()).toBe(1 + 2 + 4 + 6);
    await store.close();
    await other.close();
    db.close();
  });
});
