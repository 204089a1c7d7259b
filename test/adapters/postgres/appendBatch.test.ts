// How an append travels to `append_events` (a few text parameters, one line per event) and what the store fills in:
// every field of a mixed batch must come back exactly, generated ids must be valid and sort by creation, and the
// version check must report the actual version whichever way an expectation misses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createEventCatalog, defineEvent } from "../../../src/index.ts";
import { createPostgresEventStore } from "../../../src/postgres.ts";
import { postgresAvailable } from "../../support/services.ts";
import { all, CounterOpened, counterCatalog, freshSchema, Incremented, inc } from "./pgTestKit.ts";

const up = await postgresAvailable();
let kit: Awaited<ReturnType<typeof freshSchema>>;

// A type name holding a line break, quotes, a comma and braces: types travel as an array, not as lines.
const ODD = 'Odd\ntype, "quoted" {x}\\';
const Odd = defineEvent(ODD, z.strictObject({ text: z.string() }));
const oddCatalog = createEventCatalog([CounterOpened, Incremented, Odd]);

describe.skipIf(!up)("PostgreSQL store: the append's encoding", () => {
  beforeAll(async () => {
    kit = await freshSchema("batch");
  });
  afterAll(async () => {
    await kit?.drop();
  });

  it("stores every field of a mixed batch exactly: types, given and missing ids and times, text with line breaks", async () => {
    const s = createPostgresEventStore({ pool: kit.pool, schema: kit.schema, tenantId: "mixed", catalog: oddCatalog });
    const batch = [
      { type: "CounterOpened" as const, data: { name: "line\nbreak\r\n\u2028\\n{}[]," } },
      { type: ODD, data: { text: '{"a":\n1}' }, occurredAt: "2024-02-03T04:05:06.007Z", eventId: "given-1" },
      { type: "Incremented" as const, data: { by: 2 }, metadata: { schemaVersion: 1, actor: "user:ana\nx" } },
      { type: ODD, data: { text: "" } },
      { type: "Incremented" as const, data: { by: 3 }, occurredAt: "2024-02-03T06:05:06+02:00" },
    ];
    const result = await s.append("mixed", batch as never, { expectedVersion: "no_stream" });
    const read = (await s.readStream("mixed")).events;
    expect(read).toEqual(result.events);
    expect(read.map((e) => e.type)).toEqual(["CounterOpened", ODD, "Incremented", ODD, "Incremented"]);
    expect(read.map((e) => e.data)).toEqual(batch.map((e) => e.data));
    expect(read.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    expect(read[1]!.eventId).toBe("given-1");
    expect(read[2]!.metadata).toEqual({ schemaVersion: 1, actor: "user:ana\nx" });
    const recordedAt = read[0]!.recordedAt;
    expect(read.map((e) => e.occurredAt)).toEqual([
      recordedAt,
      "2024-02-03T04:05:06.007Z",
      recordedAt,
      recordedAt,
      "2024-02-03T04:05:06.000Z",
    ]);
    // One event of a type other than the batch's first, alone and in a batch of one type.
    await s.append("single", [{ type: ODD, data: { text: "x" } }] as never);
    await s.append("single", [inc(1), inc(2)]);
    expect((await s.readStream("single")).events.map((e) => e.type)).toEqual([ODD, "Incremented", "Incremented"]);
  });

  it("generates ids of nanoid's alphabet that sort in creation order within a handle, and refuses invalid ones", async () => {
    const a = createPostgresEventStore({
      pool: kit.pool,
      schema: kit.schema,
      tenantId: "ids",
      catalog: counterCatalog,
    });
    const b = createPostgresEventStore({
      pool: kit.pool,
      schema: kit.schema,
      tenantId: "ids",
      catalog: counterCatalog,
    });
    const first = await a.append("a", [inc(1), inc(2), inc(3)]);
    const second = await a.append("a", [inc(4)]);
    const other = await b.append("b", [inc(5)]);
    const ids = [...first.events, ...second.events].map((e) => e.eventId);
    for (const id of [...ids, other.events[0]!.eventId]) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids.map((id) => id.slice(0, 12))).size).toBe(1);
    expect(other.events[0]!.eventId.slice(0, 12)).not.toBe(ids[0]!.slice(0, 12));
    expect((await all(a.readAll())).map((e) => e.eventId)).toEqual([...ids, other.events[0]!.eventId]);

    for (const bad of ["two\nlines", "", "with space", "x".repeat(129)]) {
      const s = createPostgresEventStore({
        pool: kit.pool,
        schema: kit.schema,
        tenantId: "bad-ids",
        catalog: counterCatalog,
        ids: () => bad,
      });
      await expect(s.append("bad", [inc(1)])).rejects.toMatchObject({ code: "invalid_state" });
      expect(await s.streamVersion("bad")).toBe(0);
    }
  });

  it("reports the actual version when an exact expectation is behind, ahead or far ahead of the stream", async () => {
    const s = createPostgresEventStore({
      pool: kit.pool,
      schema: kit.schema,
      tenantId: "ver",
      catalog: counterCatalog,
    });
    await s.append("v", [inc(1), inc(2), inc(3)], { expectedVersion: "no_stream" });
    for (const expected of [0, 1, 2, 4, 7, 1000]) {
      await expect(s.append("v", [inc(9)], { expectedVersion: expected })).rejects.toMatchObject({
        code: "concurrency_conflict",
        expected,
        actual: 3,
      });
    }
    await expect(s.append("v", [inc(9)], { expectedVersion: "no_stream" })).rejects.toMatchObject({ actual: 3 });
    expect((await s.append("v", [inc(4)], { expectedVersion: 3 })).nextExpectedVersion).toBe(4);
    expect((await s.append("v", [inc(5)], { expectedVersion: "any" })).nextExpectedVersion).toBe(5);
    expect((await s.append("v", [inc(6), inc(7)], { expectedVersion: "stream_exists" })).nextExpectedVersion).toBe(7);
    expect(await s.streamVersion("v")).toBe(7);
  });

  it("refuses a call whose parts disagree on the number of events, writing nothing", async () => {
    await kit.pool.query(`SELECT "${kit.schema}".tenant_sequence('parts')`);
    const call = (ids: string, data: string, metadata: string, typeIndex: string | null, occurred: string | null) =>
      kit.pool.query(`SELECT "${kit.schema}".append_events($1, $2, 0, 0, false, $3, $4, $5, $6, $7, $8, now()) AS r`, [
        "parts",
        "p",
        ids,
        ["Incremented", "CounterOpened"],
        typeIndex,
        data,
        metadata,
        occurred,
      ]);
    const d = '{"by":1}';
    const m = '{"schemaVersion":1}';
    await expect(call("a\nb", d, `${m}\n${m}`, null, null)).rejects.toMatchObject({ code: "SF003" });
    await expect(call("a\nb", `${d}\n${d}`, m, null, null)).rejects.toMatchObject({ code: "SF003" });
    await expect(call("a\nb", `${d}\n${d}`, `${m}\n${m}`, "1", null)).rejects.toMatchObject({ code: "SF003" });
    await expect(call("a\nb", `${d}\n${d}`, `${m}\n${m}`, null, "2024-01-01T00:00:00Z")).rejects.toMatchObject({
      code: "SF003",
    });
    const { rows } = await kit.pool.query(
      `SELECT count(*)::int AS n FROM "${kit.schema}".events WHERE tenant_id = $1`,
      ["parts"],
    );
    expect(rows[0].n).toBe(0);
    const ok = await call("a\nb", `${d}\n${d}`, `${m}\n${m}`, "2\n1", "\n2024-01-01T00:00:00Z");
    expect(ok.rows[0].r.map(Number)).toEqual([0, 1, 1]);
    const stored = await kit.pool.query(
      `SELECT event_id, type, occurred_at = recorded_at AS defaulted FROM "${kit.schema}".events WHERE tenant_id = $1 ORDER BY position`,
      ["parts"],
    );
    expect(stored.rows).toEqual([
      { event_id: "a", type: "CounterOpened", defaulted: true },
      { event_id: "b", type: "Incremented", defaulted: false },
    ]);
  });
});
