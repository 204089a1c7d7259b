import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { type EventEnvelope, isIdempotencyConflictError } from "../../../src/index.ts";
import { createSqliteEventStore } from "../../../src/sqlite.ts";
import { all, counterCatalog, rejection, tempDir } from "./fixtures.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// One event of a batch: with or without its own id, occurrence time and metadata, which the store writes in
// different columns (a NULL column stands for "derived" or "the default").
const eventArb = fc.record({
  by: fc.integer({ min: -1000, max: 1000 }),
  withId: fc.boolean(),
  occurredAt: fc.option(fc.constantFrom("2024-01-01T00:00:00.000Z", "2025-06-30T23:59:59.999Z"), { nil: undefined }),
  actor: fc.option(fc.constantFrom("ana", "bo"), { nil: undefined }),
});
// The common event: no id, no occurrence time, the default metadata. A run of them is written with fewer values.
const plainArb = fc.record({
  by: fc.integer({ min: -1000, max: 1000 }),
  withId: fc.constant(false),
  occurredAt: fc.constant(undefined),
  actor: fc.constant(undefined),
});
// Batches of plain events only, of mostly plain events, and of any events.
const batchArb = fc.oneof(
  fc.array(plainArb, { minLength: 1, maxLength: 150 }),
  fc.array(fc.oneof({ arbitrary: plainArb, weight: 8 }, { arbitrary: eventArb, weight: 1 }), {
    minLength: 1,
    maxLength: 150,
  }),
  fc.array(eventArb, { minLength: 1, maxLength: 150 }),
);

describe("SQLite store: appends of many events, written several rows per statement", () => {
  it("stores every event of batches of any size exactly as the append returned it, in stream and log order", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { minLength: 1, maxLength: 4 }), async (batches) => {
        const db = new Database(":memory:");
        const store = createSqliteEventStore({ database: db, catalog: counterCatalog });
        const appended: EventEnvelope[] = [];
        for (let b = 0; b < batches.length; b++) {
          const stream = `s-${b % 2}`;
          const events = batches[b]!.map((e, k) => ({
            type: "Incremented" as const,
            data: { by: e.by },
            ...(e.withId ? { eventId: `evt-${run}-${b}-${k}` } : {}),
            ...(e.occurredAt === undefined ? {} : { occurredAt: e.occurredAt }),
            ...(e.actor === undefined ? {} : { metadata: { actor: e.actor } }),
          }));
          const result = await store.append(stream, events);
          expect(result.events.map((e) => e.data)).toEqual(events.map((e) => e.data));
          appended.push(...result.events);
        }
        run++;
        // Positions 1..n with no gap, each stream's versions 1..k, and reads equal to the append results.
        expect(appended.map((e) => e.globalPosition)).toEqual(appended.map((_, i) => i + 1));
        expect(await all(store.readAll())).toEqual(appended);
        for (const stream of ["s-0", "s-1"]) {
          const mine = appended.filter((e) => e.streamId === stream);
          expect(mine.map((e) => e.streamVersion)).toEqual(mine.map((_, i) => i + 1));
          expect((await store.readStream(stream)).events).toEqual(mine);
        }
        // The common row stores neither an id, nor an occurrence time equal to its recording, nor the default
        // metadata.
        const rows = db
          .prepare("SELECT event_id, occurred_at, metadata FROM salesfold_events ORDER BY log_key")
          .all() as { event_id: string | null; occurred_at: string | null; metadata: string | null }[];
        const flat = batches.flat();
        expect(rows.map((r) => r.event_id !== null)).toEqual(flat.map((e) => e.withId));
        expect(rows.map((r) => r.metadata !== null)).toEqual(flat.map((e) => e.actor !== undefined));
        expect(rows.map((r, i) => r.occurred_at ?? appended[i]!.recordedAt)).toEqual(appended.map((e) => e.occurredAt));
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it("refuses a generated id met again in the middle of a large batch, naming it, and writes nothing", async () => {
    const db = new Database(tmp.path("generated.db"));
    let next = 0;
    const store = createSqliteEventStore({ database: db, catalog: counterCatalog, ids: () => `gen-${next++}` });
    const inc = (by: number) => ({ type: "Incremented" as const, data: { by } });
    await store.append("a", [inc(1), inc(2), inc(3)]); // gen-0, gen-1, gen-2
    // 70 events with their own ids, then 30 without: the first of those draws gen-0 again. It is row 71 of 100,
    // inside the second multi-row insert, after the first one wrote 64 rows.
    const batch = Array.from({ length: 100 }, (_, k) => (k < 70 ? { ...inc(k), eventId: `own-${k}` } : inc(k)));
    let drawn = 0;
    const colliding = createSqliteEventStore({
      database: db,
      catalog: counterCatalog,
      ids: () => (drawn++ === 0 ? "gen-0" : `fresh-${drawn}`),
    });
    const error = await rejection(() => colliding.append("b", batch));
    expect(isIdempotencyConflictError(error)).toBe(true);
    expect((error as { eventId: string }).eventId).toBe("gen-0");
    expect(await store.lastPosition()).toBe(3);

    // A generator repeating itself within one batch is refused the same way.
    const repeating = createSqliteEventStore({ database: db, catalog: counterCatalog, ids: () => "again" });
    const again = await rejection(() =>
      repeating.append(
        "c",
        Array.from({ length: 20 }, (_, k) => inc(k)),
      ),
    );
    expect(isIdempotencyConflictError(again)).toBe(true);
    expect((again as { eventId: string }).eventId).toBe("again");
    expect(await store.lastPosition()).toBe(3);

    // A drawn id equal to an id given in the same append, before or after it, is refused the same way.
    let draws = 0;
    const echo = createSqliteEventStore({
      database: db,
      catalog: counterCatalog,
      ids: () => (draws++ === 0 ? "given" : `fresh-${draws}`),
    });
    for (const batch of [
      [{ ...inc(0), eventId: "given" }, inc(1), inc(2), inc(3)],
      [inc(0), inc(1), inc(2), { ...inc(3), eventId: "given" }],
    ]) {
      draws = 0;
      const clash = await rejection(() => echo.append("d", batch));
      expect(isIdempotencyConflictError(clash)).toBe(true);
      expect((clash as { eventId: string }).eventId).toBe("given");
    }
    expect(await store.lastPosition()).toBe(3);
    db.close();
  });
});
