import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventEnvelope, isConcurrencyError, isSalesfoldError, isValidationError } from "../../../src/index.ts";
import { createPostgresEventStore } from "../../../src/postgres.ts";
import { DATABASE_URL, postgresAvailable } from "../../support/services.ts";
import { all, child, counterCatalog, freshSchema, inc } from "./pgTestKit.ts";

const up = await postgresAvailable();
let kit: Awaited<ReturnType<typeof freshSchema>>;

const store = (tenantId: string, pool: pg.Pool | pg.ClientBase = kit.pool, pollIntervalMs = 20) =>
  createPostgresEventStore({ pool, schema: kit.schema, tenantId, catalog: counterCatalog, pollIntervalMs });

const connect = async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  return client;
};

describe.skipIf(!up)("PostgreSQL store: reliability", () => {
  beforeAll(async () => {
    kit = await freshSchema("rel", 12);
  });
  afterAll(async () => {
    await kit?.drop();
  });

  it("8 writers on 8 connections x 500 appends to ONE stream: versions exactly 1..4000, each event once", async () => {
    const clients = await Promise.all(Array.from({ length: 8 }, connect));
    let conflicts = 0;
    try {
      await Promise.all(
        clients.map(async (client, w) => {
          const s = store("contended", client);
          let version = await s.streamVersion("contended");
          for (let i = 0; i < 500; ) {
            try {
              const result = await s.append(
                "contended",
                [{ ...inc(1), data: { by: 1, writer: w }, eventId: `w${w}-${i}` }],
                { expectedVersion: version },
              );
              version = result.nextExpectedVersion;
              i++;
            } catch (error) {
              if (!isConcurrencyError(error)) throw error;
              conflicts++;
              // The error carries the version it found: retry from there (a fresh read would answer the same).
              version = error.actual;
            }
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const reader = store("contended");
    const { events, currentVersion } = await reader.readStream("contended");
    expect(currentVersion).toBe(4000);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 4000 }, (_, i) => i + 1));
    const log = await all(reader.readAll());
    expect(log).toHaveLength(4000);
    expect(new Set(log.map((e) => e.eventId)).size).toBe(4000);
    for (let w = 0; w < 8; w++) {
      const mine = log.filter((e) => (e.data as { writer: number }).writer === w).map((e) => e.eventId);
      expect(mine).toEqual(Array.from({ length: 500 }, (_, i) => `w${w}-${i}`));
    }
    const positions = log.map((e) => e.globalPosition);
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    // Conflicts are detected before positions are taken: the tenant's positions have no gap.
    expect(positions[positions.length - 1]).toBe(4000);
    expect(await reader.lastPosition()).toBe(4000);
    console.log(`8 writers x 500 appends: ${conflicts} concurrency conflicts retried`);
  }, 180_000);

  it("out-of-order commits: a reader never passes a lower position that commits later, and delivers each event once", async () => {
    const tenant = "ooo";
    const main = store(tenant);
    await main.append("before", [inc(1)]);
    const seen: EventEnvelope[] = [];
    const sub = main.subscribe({ handler: (events) => void seen.push(...events) });
    await sub.caughtUp(1);

    const clientA = await connect();
    const clientB = await connect();
    try {
      const a = store(tenant, clientA);
      const b = store(tenant, clientB);
      await clientA.query("BEGIN");
      const resultA = await a.append("a", [inc(10), inc(11)]); // positions 2 and 3, not committed
      await clientB.query("BEGIN");
      const resultB = await b.append("b", [inc(20)]); // position 4
      await clientB.query("COMMIT");
      expect(resultA.events.map((e) => e.globalPosition)).toEqual([2, 3]);
      expect(resultB.lastPosition).toBe(4);

      // B is committed, A is not: position 4 is visible in the table, but readers must not pass 2.
      const visible = await kit.pool.query(
        `SELECT count(*)::int AS n FROM "${kit.schema}".events WHERE tenant_id = $1`,
        [tenant],
      );
      expect(visible.rows[0].n).toBe(2);
      await new Promise((r) => setTimeout(r, 300)); // many polls of the subscription
      expect(seen.map((e) => e.globalPosition)).toEqual([1]);
      expect(sub.position).toBe(1);
      expect(await main.lastPosition()).toBe(1);
      expect((await all(main.readAll())).map((e) => e.globalPosition)).toEqual([1]);
      // A second transaction on one connection cannot append after another write: it would break the ordering.
      await clientB.query("BEGIN");
      await clientB.query(`INSERT INTO "${kit.schema}".checkpoints (tenant_id, name, position) VALUES ('x', 'y', 1)`);
      const refused = await b.append("b", [inc(21)]).catch((e: unknown) => e);
      expect(isSalesfoldError(refused) && refused.code === "invalid_state").toBe(true);
      await clientB.query("ROLLBACK");

      await clientA.query("COMMIT");
      await sub.caughtUp(4);
      expect(seen.map((e) => e.globalPosition)).toEqual([1, 2, 3, 4]);
      expect(seen.map((e) => e.streamId)).toEqual(["before", "a", "a", "b"]);
      expect(await main.lastPosition()).toBe(4);
    } finally {
      await sub.stop();
      await clientA.end();
      await clientB.end();
    }
  });

  it("a rolled-back append leaves a gap that readers pass once its transaction has ended", async () => {
    const tenant = "gap";
    const main = store(tenant);
    expect(await main.lastPosition()).toBe(0); // opens the tenant
    const seen: number[] = [];
    const sub = main.subscribe({ handler: (events) => void seen.push(...events.map((e) => e.globalPosition)) });
    const clientA = await connect();
    try {
      await clientA.query("BEGIN");
      await store(tenant, clientA).append("a", [inc(1)]); // position 1
      await main.append("b", [inc(2)]); // position 2, committed
      await new Promise((r) => setTimeout(r, 150));
      expect(seen).toEqual([]);
      await clientA.query("ROLLBACK");
      await sub.caughtUp(2);
      expect(seen).toEqual([2]);
      expect(await main.lastPosition()).toBe(2);
      expect((await all(main.readAll())).map((e) => e.globalPosition)).toEqual([2]);
    } finally {
      await sub.stop();
      await clientA.query("ROLLBACK").catch(() => undefined);
      await clientA.end();
    }
  });

  it("a writer killed with SIGKILL inside its 1,000-event append leaves the batch absent, and the store works on", async () => {
    const s = store("crash");
    await s.append("crash", [inc(7)], { expectedVersion: "no_stream" });
    const writer = child("crashWriter.ts", [kit.schema, "block"]);
    await writer.line("staged"); // the batch is inserted, the transaction not committed
    writer.proc.kill("SIGKILL");
    expect((await writer.exited).signal).toBe("SIGKILL");
    // The server rolls the orphaned transaction back when it sees the connection gone.
    for (let i = 0; i < 100 && (await openCrashTransactions()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await s.streamVersion("crash")).toBe(1);
    const next = await s.append("crash", [inc(1)], { expectedVersion: 1 });
    expect(next.nextExpectedVersion).toBe(2);
    // The 1,000 positions the killed append took are a gap; readers pass it.
    expect(next.lastPosition).toBe(1002);
    expect((await all(s.readAll())).map((e) => e.globalPosition)).toEqual([1, 1002]);
    expect(await s.lastPosition()).toBe(1002);
  });

  it("a writer killed with SIGKILL at a random moment leaves every batch fully there or fully absent", async () => {
    const s = store("crash");
    for (const delay of [150, 400, 900]) {
      const writer = child("crashWriter.ts", [kit.schema, "loop"]);
      await writer.line("ready");
      await new Promise((r) => setTimeout(r, delay));
      writer.proc.kill("SIGKILL");
      await writer.exited;
      for (let i = 0; i < 100 && (await openCrashTransactions()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      const { rows } = await kit.pool.query(
        `SELECT stream_id, count(*)::int AS n, min(stream_version)::int AS lo, max(stream_version)::int AS hi
         FROM "${kit.schema}".events WHERE tenant_id = 'crash' AND stream_id LIKE 'crash-%' GROUP BY stream_id`,
      );
      for (const row of rows) expect([row.n, row.lo, row.hi]).toEqual([1000, 1, 1000]);
      // Every committed batch is whole, and the log reads back in order past any gap a killed batch left.
      const log = await all(s.readAll());
      const positions = log.map((e) => e.globalPosition);
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
      expect(log.length).toBe(2 + rows.reduce((n: number, r: { n: number }) => n + r.n, 0));
      await kit.pool.query(`DELETE FROM "${kit.schema}".events WHERE tenant_id = 'crash' AND stream_id LIKE 'crash-%'`);
    }
  });

  it("a lost acknowledgement: the retried batch with the same ids stores nothing twice and returns the original", async () => {
    const s = store("ack");
    const batch = [inc(1, { eventId: "ack-1" }), inc(2, { eventId: "ack-2" })];
    const first = await s.append("ack", batch, { expectedVersion: "no_stream" });
    const retry = await s.append("ack", batch, { expectedVersion: "no_stream" });
    expect(retry).toEqual(first);

    // A real lost reply: the server commits, the connection dies before the answer reaches the client.
    const proxy = await replyDroppingProxy();
    const lossy = new pg.Client({ connectionString: proxy.url });
    lossy.on("error", () => undefined);
    await lossy.connect();
    try {
      const viaProxy = store("ack", lossy);
      await viaProxy.streamVersion("lost"); // prepared
      proxy.dropReplies();
      const lostBatch = [inc(3, { eventId: "lost-1" }), inc(4, { eventId: "lost-2" }), inc(5, { eventId: "lost-3" })];
      const attempt = viaProxy.append("lost", lostBatch, { expectedVersion: "no_stream" });
      attempt.catch(() => undefined);
      for (let i = 0; i < 100 && (await s.streamVersion("lost")) === 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await s.streamVersion("lost")).toBe(3); // committed, though the client heard nothing
      proxy.cut();
      await expect(attempt).rejects.toThrow();
      const replay = await s.append("lost", lostBatch, { expectedVersion: "no_stream" });
      const stored = await s.readStream("lost");
      expect(replay.events).toEqual(stored.events);
      expect(replay.nextExpectedVersion).toBe(3);
      expect(replay.lastPosition).toBe(stored.events[2]!.globalPosition);
      expect(await s.append("lost", lostBatch)).toEqual(replay);
      expect(stored.currentVersion).toBe(3);
      expect((await all(s.readAll())).length).toBe(5);
    } finally {
      await lossy.end().catch(() => undefined);
      await proxy.close();
    }
  });

  it("hostile input: every value is rejected with a typed error or stored and read back exactly, with no escape", async () => {
    const victim = store("victim");
    await victim.append("victim-stream", [inc(42)], { expectedVersion: "no_stream" });
    const before = await all(victim.readAll());

    for (const tenantId of ["a'; DROP TABLE events;--", "a\u0000b", "x".repeat(10_000), "__proto__!", "tenant/../x"]) {
      expect(() => store(tenantId)).toThrow(expect.objectContaining({ code: "validation_failed" }));
    }
    for (const schema of ['salesfold"; DROP SCHEMA public;--', "pg_catalog", "1abc", "a b", "x".repeat(64), ""]) {
      const error = (() => {
        try {
          createPostgresEventStore({ pool: kit.pool, schema, catalog: counterCatalog });
        } catch (e) {
          return e;
        }
      })();
      expect(isValidationError(error)).toBe(true);
    }

    const s = store("hostile");
    const stored = [
      "O'Brien\"; DROP TABLE events;--",
      "'); DELETE FROM events WHERE ('1'='1",
      "$1 %s \\x00 \\",
      "客户/深圳-01 🚀",
      "__proto__",
      "constructor",
      "x".repeat(1000),
      "victim-stream",
    ];
    for (const id of stored) {
      await s.append(id, [inc(1)], { expectedVersion: "no_stream" });
      expect((await s.readStream(id)).events.map((e) => e.streamId)).toEqual([id]);
    }
    for (const bad of ["", "a\u0000b", "x".repeat(10_000), "lone \uD800 surrogate"]) {
      await expect(s.append(bad, [inc(1)])).rejects.toMatchObject({ code: "validation_failed" });
      await expect(s.readStream(bad)).rejects.toMatchObject({ code: "validation_failed" });
    }
    const extra = JSON.parse(
      '{"constructor":{"prototype":{"polluted":1}},"quote\\"key":"\'; DROP TABLE x;--","nul":"a\\u0000b","\\u0000":1,"lone":"\\ud800","emoji":"🚀","nested":{"toString":"x","valueOf":[1,{"a":null}]},"big":9007199254740991}',
    );
    const { events } = await s.append("data", [{ type: "Incremented", data: { by: 1, extra } }]);
    const [read] = (await s.readStream("data")).events;
    expect(JSON.stringify((read!.data as { extra: unknown }).extra)).toBe(JSON.stringify(extra));
    expect(read).toEqual(events[0]);
    await expect(
      s.append("data", [
        { type: "Incremented", data: { by: 1, extra: JSON.parse('{"__proto__":{"polluted":true}}') } },
      ]),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();

    // The victim tenant, and the victim's stream id used by the hostile tenant, are untouched.
    expect(await all(victim.readAll())).toEqual(before);
    expect(await victim.streamVersion("victim-stream")).toBe(1);
    const tables = await kit.pool.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
      [kit.schema],
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      "checkpoints",
      "events",
      "schema_version",
      "snapshots",
      "tenants",
    ]);
  });
});

/** The crash writer's transactions the server still has open. */
async function openCrashTransactions(): Promise<number> {
  const { rows } = await kit.pool.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() AND datname = current_database() AND query LIKE '%append_events%'",
  );
  return rows[0].n;
}

/** A TCP proxy to the server that can stop forwarding the server's replies, then cut the connection. */
async function replyDroppingProxy() {
  const target = new URL(DATABASE_URL);
  const sockets: net.Socket[] = [];
  let dropping = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.push(client, upstream);
    client.on("data", (d) => upstream.write(d));
    upstream.on("data", (d) => {
      if (!dropping) client.write(d);
    });
    client.on("error", () => undefined);
    upstream.on("error", () => undefined);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(DATABASE_URL);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    dropReplies: () => {
      dropping = true;
    },
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
