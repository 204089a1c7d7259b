import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { type EventEnvelope, type EventStore, isSalesfoldError, isValidationError } from "../../../src/index.ts";
import { createPostgresEventStore, migratePostgres } from "../../../src/postgres.ts";
import { postgresAvailable } from "../../support/services.ts";
import { all, type CounterEvent, counterCatalog, freshSchema, inc, randomSchema } from "./pgTestKit.ts";

const up = await postgresAvailable();
let kit: Awaited<ReturnType<typeof freshSchema>>;

const store = (tenantId: string, groupCommit?: false | { calls?: number; maxEvents?: number }) =>
  createPostgresEventStore<CounterEvent>({
    pool: kit.pool,
    schema: kit.schema,
    tenantId,
    catalog: counterCatalog,
    ...(groupCommit === undefined ? {} : { groupCommit }),
  });

/** The transaction ids of a tenant's rows, by position: appends that shared a commit share one. */
const txIds = async (tenantId: string) => {
  const { rows } = await kit.pool.query<{ tx: string }>(
    `SELECT tx_id::text AS tx FROM "${kit.schema}".events WHERE tenant_id = $1 ORDER BY position`,
    [tenantId],
  );
  return rows.map((r) => r.tx);
};

// With one call at a time and nothing in flight, the first of several appends made together goes at once, alone;
// the others wait for it, then share the next call.
describe.skipIf(!up)("PostgreSQL store: group commit", () => {
  beforeAll(async () => {
    kit = await freshSchema("group");
  });
  afterAll(async () => {
    await kit?.drop();
  });

  it("stores appends made together to distinct streams in one commit, each with the result it would have had alone", async () => {
    const s = store("together", { calls: 1 });
    await s.append("warm", [inc(0)]);
    const at = "2026-03-01T08:00:00.000Z";
    const [, ...results] = await Promise.all([
      s.append("first", [inc(0)]),
      s.append("a", [inc(1)], { expectedVersion: "no_stream" }),
      s.append("b", [{ type: "CounterOpened", data: { name: "b" } }, inc(2), inc(3, { eventId: "b-3" })]),
      s.append("c", [{ ...inc(4), occurredAt: at }, inc(5)], { expectedVersion: "any" }),
      s.append("d", [{ type: "CounterOpened", data: { name: "d" } }], { expectedVersion: "no_stream" }),
      s.append("e", [inc(6, { eventId: "e-6" }), { ...inc(7), occurredAt: at }]),
    ]);
    expect(results.map((r) => r.events.map((e) => e.streamVersion))).toEqual([[1], [1, 2, 3], [1, 2], [1], [1, 2]]);
    expect(results.map((r) => r.nextExpectedVersion)).toEqual([1, 3, 2, 1, 2]);
    // Positions: each append's own are consecutive, and together they are exactly 2..10.
    const positions = results.flatMap((r) => r.events.map((e) => e.globalPosition));
    expect([...positions].sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const r of results) {
      for (const [i, e] of r.events.entries()) expect(e.globalPosition).toBe(r.events[0]!.globalPosition + i);
      expect(r.lastPosition).toBe(r.events[r.events.length - 1]!.globalPosition);
    }
    expect(results[1]!.events[2]!.eventId).toBe("b-3");
    expect(results[2]!.events[0]!.occurredAt).toBe(at);
    expect(results[2]!.events[1]!.occurredAt).toBe(results[2]!.events[1]!.recordedAt);
    expect(results[4]!.events[1]!.occurredAt).toBe(at);
    // What was returned is what is stored, field for field.
    const read = (await all(s.readAll())).slice(2);
    const returned = results.flatMap((r) => r.events as readonly EventEnvelope<CounterEvent>[]);
    expect(read).toEqual([...returned].sort((x, y) => x.globalPosition - y.globalPosition));
    // The five appends shared one commit (the warm-up and the first had their own).
    const tx = await txIds("together");
    expect(new Set(tx).size).toBe(3);
    expect(new Set(tx.slice(2)).size).toBe(1);
    await s.close();
  });

  it("refuses only the append whose expected version is wrong; the others of its group are stored", async () => {
    const s = store("refused", { calls: 1 });
    await s.append("taken", [inc(1)]);
    const settled = await Promise.allSettled([
      s.append("first", [inc(1)]),
      s.append("x", [inc(2)], { expectedVersion: "no_stream" }),
      s.append("taken", [inc(3)], { expectedVersion: "no_stream" }),
      s.append("taken-too", [inc(4)], { expectedVersion: 3 }),
      s.append("y", [inc(5), inc(6)], { expectedVersion: "any" }),
    ]);
    expect(settled.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "fulfilled"]);
    const reasons = settled.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(reasons.map((e) => (isSalesfoldError(e) ? e.code : e))).toEqual([
      "concurrency_conflict",
      "concurrency_conflict",
    ]);
    expect(reasons[0]).toMatchObject({ streamId: "taken", expected: "no_stream", actual: 1 });
    expect(reasons[1]).toMatchObject({ streamId: "taken-too", expected: 3, actual: 0 });
    expect(await s.streamVersion("taken")).toBe(1);
    expect(await s.streamVersion("taken-too")).toBe(0);
    // Nothing of the refused appends was stored, and the positions have no hole.
    const read = await all(s.readAll());
    expect(read.map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5]);
    expect(read.map((e) => e.streamId)).toEqual(["taken", "first", "x", "y", "y"]);
    await s.close();
  });

  it("answers a replayed append with its original result, and stores an event id used twice in one group once", async () => {
    const s = store("replay", { calls: 1 });
    const original = await s.append("r", [inc(1, { eventId: "r-1" })], { expectedVersion: "no_stream" });
    const settled = await Promise.allSettled([
      s.append("first", [inc(1)]),
      s.append("r", [inc(1, { eventId: "r-1" })], { expectedVersion: "no_stream" }),
      s.append("p", [inc(2, { eventId: "twice" })]),
      s.append("q", [inc(2, { eventId: "twice" })]),
      s.append("z", [inc(3)]),
    ]);
    expect(settled[1]).toEqual({ status: "fulfilled", value: original });
    // The group failed as a whole on the shared id, then each of its appends went on its own.
    const pq = [settled[2]!, settled[3]!];
    expect(pq.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = pq.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(isSalesfoldError(refused.reason) && refused.reason.code).toBe("idempotency_conflict");
    expect(settled[4]!.status).toBe("fulfilled");
    const read = await all(s.readAll());
    expect(read.filter((e) => e.eventId === "twice")).toHaveLength(1);
    expect(read.filter((e) => e.eventId === "r-1")).toHaveLength(1);
    expect(await s.streamVersion("z")).toBe(1);
    await s.close();
  });

  it("keeps two appends to one stream in separate calls, in the order they were made", async () => {
    const s = store("same", { calls: 1 });
    await s.append("warm", [inc(0)]);
    const results = await Promise.all([
      s.append("other", [inc(1)]),
      s.append("one", [inc(2)]),
      s.append("one", [inc(3)]),
      s.append("one", [inc(4)]),
    ]);
    expect(results.slice(1).map((r) => r.nextExpectedVersion)).toEqual([1, 2, 3]);
    const { events } = await s.readStream("one");
    expect(events.map((e) => (e.type === "Incremented" ? e.data.by : 0))).toEqual([2, 3, 4]);
    await s.close();
  });

  it("stores one handle's appends to a stream in the order they were made, with the default two calls", async () => {
    const s = store("order");
    for (let round = 0; round < 60; round++) {
      await Promise.all([
        s.append("o", [inc(2 * round)]),
        s.append("o", [inc(2 * round + 1)]),
        s.append(`x${round}`, [inc(0)]),
      ]);
    }
    const { events } = await s.readStream("o");
    expect(events.map((e) => (e.type === "Incremented" ? e.data.by : -1))).toEqual(
      Array.from({ length: 120 }, (_, i) => i),
    );
    await s.close();
  });

  /**
   * A unit of work: a client of the pool in an open transaction, with a store bound to it, beside the store the rest
   * of the process shares (`others`); `soon` fails what takes over 2 s, rather than waiting for ever.
   */
  async function unitOfWork(
    tenantId: string,
    work: (uow: {
      client: pg.PoolClient;
      within: EventStore<CounterEvent>;
      others: EventStore<CounterEvent>;
      soon: <T>(p: Promise<T>) => Promise<T>;
    }) => Promise<void>,
  ) {
    const client = await kit.pool.connect();
    const within = createPostgresEventStore<CounterEvent>({
      pool: client,
      schema: kit.schema,
      tenantId,
      catalog: counterCatalog,
    });
    const others = store(tenantId);
    const soon = <T>(p: Promise<T>) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("held up")), 2000))]);
    try {
      await within.append("warm", [inc(0)]);
      await others.append("warm-too", [inc(0)]);
      await client.query("BEGIN");
      await work({ client, within, others, soon });
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
      client.release();
      await others.close();
    }
  }

  it("never holds up other appends behind a stream locked by an open transaction (no deadlock with a unit of work)", () =>
    unitOfWork("uow", async ({ client, within, others, soon }) => {
      // The unit of work appends to "held": its transaction keeps the stream's lock until it commits.
      await within.append("held", [inc(1)]);
      const waiting = [others.append("held", [inc(2)]), others.append("held", [inc(3)])];
      // Meanwhile, appends to other streams (alone, and together with one more to "held") go through...
      await soon(others.append("u", [inc(4)]));
      waiting.push(others.append("held", [inc(7)]));
      await soon(Promise.all([others.append("v", [inc(5)]), others.append("w", [inc(6)])]));
      expect(await others.streamVersion("v")).toBe(1);
      expect(await others.streamVersion("w")).toBe(1);
      // ...and so does the unit of work's own next append through the shared store, before it commits.
      await soon(others.append("u", [inc(8)]));
      await client.query("COMMIT");
      await Promise.all(waiting);
      const { events } = await others.readStream("held");
      expect(events.map((e) => (e.type === "Incremented" ? e.data.by : -1))).toEqual([1, 2, 3, 7]);
    }));

  it("never holds up other appends behind an event id written by an open transaction", () =>
    unitOfWork("uow-id", async ({ client, within, others, soon }) => {
      await within.append("held", [inc(1, { eventId: "cmd-1" })]);
      // One call waits for the stream's lock; a second append of the same command, to another stream, meets the
      // uncommitted event id in the other call.
      const waiting = others.append("held", [inc(2)]);
      const duplicate = others.append("b", [inc(1, { eventId: "cmd-1" })]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await soon(others.append("u", [inc(3)]));
      await client.query("COMMIT");
      expect((await waiting).nextExpectedVersion).toBe(2);
      await expect(duplicate).rejects.toMatchObject({ code: "idempotency_conflict" });
      expect(await others.streamVersion("b")).toBe(0);
    }));

  it("puts at most maxEvents events in one call (a larger append goes alone)", async () => {
    const s = store("sized", { calls: 1, maxEvents: 3 });
    await s.append("warm", [inc(0)]);
    await Promise.all([
      s.append("first", [inc(0)]),
      s.append("a", [inc(1), inc(2)]),
      s.append("b", [inc(3)]),
      s.append("c", [inc(4), inc(5)]),
      s.append("d", [inc(6), inc(7), inc(8), inc(9)]),
      s.append("e", [inc(10)]),
    ]);
    const read = await all(s.readAll());
    const tx = await txIds("sized");
    const commits = new Map<string, Set<string>>();
    for (const [i, e] of read.entries()) commits.set(tx[i]!, (commits.get(tx[i]!) ?? new Set()).add(e.streamId));
    const eventsIn = (streams: Set<string>) => read.filter((e) => streams.has(e.streamId)).length;
    // The first goes alone; waiting in order a, b, c, d, e: {a, b} fill a call, then {c, e} (d does not fit beside
    // c), then d alone.
    expect([...commits.values()].map((streams) => [...streams].sort().join(""))).toEqual([
      "warm",
      "first",
      "ab",
      "ce",
      "d",
    ]);
    for (const streams of commits.values()) if (streams.size > 1) expect(eventsIn(streams)).toBeLessThanOrEqual(3);
    await s.close();
  });

  it("commits each append on its own with groupCommit: false", async () => {
    const s = store("alone", false);
    await Promise.all(["a", "b", "c", "d"].map((id, i) => s.append(id, [inc(i)])));
    expect(new Set(await txIds("alone")).size).toBe(4);
    await s.close();
  });

  it("rejects invalid group commit options, naming them", () => {
    for (const groupCommit of [{ calls: 0 }, { maxEvents: 1.5 }, { batch: 3 }, "yes"]) {
      let error: unknown;
      try {
        store("bad", groupCommit as never);
      } catch (e) {
        error = e;
      }
      expect(isValidationError(error)).toBe(true);
      expect((error as { issues: { path: unknown[] }[] }).issues[0]!.path[0]).toBe("groupCommit");
    }
  });

  it("append_group refuses a stream given twice and parts that disagree, and writes nothing", async () => {
    const call = (streams: string[], counts: number[], ids: string) =>
      kit.pool.query(
        `SELECT "${kit.schema}".append_group($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $10, NULL, $11) AS r`,
        [
          "sql",
          streams,
          streams.map(() => 0),
          streams.map(() => 0),
          streams.map(() => false),
          counts,
          ids,
          ["Incremented"],
          ids
            .split("\n")
            .map(() => '{"by":1}')
            .join("\n"),
          ids
            .split("\n")
            .map(() => "{}")
            .join("\n"),
          streams.map(() => "2026-01-01T00:00:00Z"),
        ],
      );
    await expect(call(["s", "s"], [1, 1], "i1\ni2")).rejects.toMatchObject({ code: "SF003" });
    await expect(call(["s", "t"], [1, 2], "i1\ni2")).rejects.toMatchObject({ code: "SF003" });
    await expect(call(["s", "t"], [2, 0], "i1\ni2")).rejects.toMatchObject({ code: "SF003" });
    const { rows } = await kit.pool.query(
      `SELECT count(*)::int AS n FROM "${kit.schema}".events WHERE tenant_id = 'sql'`,
    );
    expect(rows[0].n).toBe(0);
    const ok = await call(["s", "t"], [1, 1], "i1\ni2");
    expect(ok.rows[0].r).toEqual(["0", "1", "1", "0", "2", "1"]);
  });

  it("upgrades a version 1 schema: migratePostgres adds append_group, and grouped appends work", async () => {
    const schema = randomSchema("v1");
    try {
      await migratePostgres(kit.pool, { schema });
      // Back to what version 1 had.
      await kit.pool.query(`DROP FUNCTION "${schema}".append_group`);
      await kit.pool.query(`DELETE FROM "${schema}".schema_version WHERE version > 1`);
      const s = createPostgresEventStore<CounterEvent>({
        pool: kit.pool,
        schema,
        catalog: counterCatalog,
        groupCommit: { calls: 1 },
      });
      const results = await Promise.all(["a", "b", "c"].map((id, i) => s.append(id, [inc(i)])));
      expect(results.map((r) => r.nextExpectedVersion)).toEqual([1, 1, 1]);
      const { rows } = await kit.pool.query(`SELECT max(version) AS v FROM "${schema}".schema_version`);
      expect(rows[0].v).toBe(2);
      await s.close();
    } finally {
      await kit.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });
});
