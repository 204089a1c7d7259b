// Phase: the PostgreSQL store (one function call per append or group of appends, autocommit, the server's defaults:
// fsync and synchronous_commit on): one validated event per append with its expected version (1 writer, then 8
// concurrent writers, each owning its streams, with group commit and without it), 100 events per append, then
// readAll over what the batch phase wrote. Works in a fresh schema, dropped at the end. Prints one JSON line.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test PG_BENCH_TX1=5000 PG_BENCH_WRITERS=8 \
//   PG_BENCH_PER_WRITER=1250 PG_BENCH_BATCH=100000
import pg from "pg";
import { createPostgresEventStore, migratePostgres } from "salesfold/postgres";
import { catalog, makeEvent, peakRssMb, round, type SalesEvent } from "../workload.ts";

const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const tx1Events = Number(process.env.PG_BENCH_TX1 ?? 5_000);
const writers = Number(process.env.PG_BENCH_WRITERS ?? 8);
const perWriter = Number(process.env.PG_BENCH_PER_WRITER ?? 1_250);
const batchEvents = Number(process.env.PG_BENCH_BATCH ?? 100_000);
const STREAMS = 200;
const BATCH = 100;
const schema = `salesfold_bench_${process.pid}`;

const rate = (events: number, ms: number) => ({
  events,
  ms: round(ms),
  eventsPerSec: Math.round(events / (ms / 1000)),
});
type Store = ReturnType<typeof createPostgresEventStore<SalesEvent>>;

/** One event per append, interleaved over `streams` streams named `${prefix}${s}`. */
async function appendOneByOne(store: Store, prefix: string, streams: number, count: number) {
  for (let i = 0; i < count; i++) {
    const s = i % streams;
    const p = Math.floor(i / streams);
    const res = await store.append(`${prefix}${s}`, [makeEvent(s, p)], { expectedVersion: p === 0 ? "no_stream" : p });
    if (res.nextExpectedVersion !== p + 1) throw new Error(`unexpected version ${res.nextExpectedVersion}`);
  }
}

/**
 * The same machine's raw PostgreSQL rates measured in this run, as in shared/anchors/limits (a bigserial table,
 * jsonb data, UNIQUE (stream_id, version), named prepared INSERTs): the store's figures are meant as ratios to these.
 */
async function rawBaselines() {
  const t0 = `"${schema}".raw_events`;
  await pool.query(`CREATE TABLE ${t0} (global_position bigserial PRIMARY KEY, stream_id text NOT NULL,
    version int NOT NULL, type text NOT NULL, data jsonb NOT NULL, UNIQUE (stream_id, version))`);
  const data = JSON.stringify(makeEvent(1, 1).data);
  const insert = {
    name: "raw.insert",
    text: `INSERT INTO ${t0} (stream_id, version, type, data) VALUES ($1, $2, $3, $4)`,
  };
  const client = await pool.connect();
  let t = performance.now();
  const n1 = Math.min(tx1Events, 3_000);
  for (let i = 0; i < n1; i++) {
    await client.query("BEGIN");
    await client.query({ ...insert, values: [`r${i % 100}`, i, "T", data] });
    await client.query("COMMIT");
  }
  const beginCommit = rate(n1, performance.now() - t);
  client.release();
  t = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) await pool.query({ ...insert, values: [`rw${w}`, i, "T", data] });
    }),
  );
  const conns8 = rate(writers * perWriter, performance.now() - t);
  const cols = Array.from({ length: BATCH }, (_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`);
  const multi = {
    name: "raw.multi",
    text: `INSERT INTO ${t0} (stream_id, version, type, data) VALUES ${cols.join(", ")}`,
  };
  const nb = Math.min(appendsFor(batchEvents), 500);
  t = performance.now();
  for (let a = 0; a < nb; a++) {
    const values: unknown[] = [];
    for (let i = 0; i < BATCH; i++) values.push(`rb${a % 100}`, Math.floor(a / 100) * BATCH + i, "T", data);
    await pool.query({ ...multi, values });
  }
  const batch100 = rate(nb * BATCH, performance.now() - t);
  return { insertTx1BeginCommit: beginCommit, insertTx1Autocommit8Conns: conns8, insertBatch100: batch100 };
}
const appendsFor = (events: number) => Math.floor(events / BATCH);

const pool = new pg.Pool({ connectionString: url, max: writers + 2 });
try {
  await migratePostgres(pool, { schema });
  const store = createPostgresEventStore<SalesEvent>({ pool, catalog, schema, tenantId: "bench" });
  await appendOneByOne(store, "warm-", 50, 500);

  // 1 event per append, 1 writer.
  let t = performance.now();
  await appendOneByOne(store, "salesRep-", STREAMS, tx1Events);
  const tx1 = rate(tx1Events, performance.now() - t);

  // 1 event per append, 8 concurrent writers (8 connections of the pool), each owning its streams.
  const perStreams = Math.max(1, Math.floor(STREAMS / writers));
  t = performance.now();
  await Promise.all(Array.from({ length: writers }, (_, w) => appendOneByOne(store, `w${w}-s`, perStreams, perWriter)));
  const concurrent = rate(writers * perWriter, performance.now() - t);

  // The same, with group commit off: every append its own call and commit, as many at once as the pool allows.
  const ungrouped = createPostgresEventStore<SalesEvent>({
    pool,
    catalog,
    schema,
    tenantId: "bench",
    groupCommit: false,
  });
  t = performance.now();
  await Promise.all(
    Array.from({ length: writers }, (_, w) => appendOneByOne(ungrouped, `u${w}-s`, perStreams, perWriter)),
  );
  const concurrentUngrouped = rate(writers * perWriter, performance.now() - t);
  await ungrouped.close();

  // 100 events per append, in a tenant of their own so readAll reads exactly them.
  const batchStore = createPostgresEventStore<SalesEvent>({ pool, catalog, schema, tenantId: "batch" });
  const appends = Math.floor(batchEvents / BATCH);
  const streamsForBatch = Math.max(1, Math.floor(appends / 10));
  t = performance.now();
  for (let a = 0; a < appends; a++) {
    const s = a % streamsForBatch;
    const round10 = Math.floor(a / streamsForBatch);
    const events = Array.from({ length: BATCH }, (_, i) => makeEvent(s, round10 * BATCH + i));
    await batchStore.append(`batchRep-${s}`, events, {
      expectedVersion: round10 === 0 ? "no_stream" : round10 * BATCH,
    });
  }
  const batch = rate(appends * BATCH, performance.now() - t);

  // readAll over the batch tenant: validated, frozen and upcast-checked envelopes.
  t = performance.now();
  let read = 0;
  for await (const _ of batchStore.readAll()) read++;
  const readAll = rate(read, performance.now() - t);
  if (read !== appends * BATCH) throw new Error(`readAll read ${read} of ${appends * BATCH}`);

  await store.close();
  await batchStore.close();
  const raw = process.env.PG_BENCH_RAW === "0" ? undefined : await rawBaselines();
  process.stdout.write(
    `${JSON.stringify({
      append1Writer: tx1,
      append8Writers: { ...concurrent, writers },
      append8WritersWithoutGroupCommit: { ...concurrentUngrouped, writers },
      appendBatch100: batch,
      readAll,
      ...(raw === undefined ? {} : { rawSameRun: raw }),
      peakRssMb: peakRssMb(),
    })}\n`,
  );
} finally {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
  await pool.end();
}
