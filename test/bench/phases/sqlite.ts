// Phase: the SQLite store on a file database (WAL, synchronous=NORMAL, the defaults): one validated event per
// append with its expected version (1 writer, then 8 writer processes on the same file, each owning its streams),
// 100 events per append, then readAll over what the batch phase wrote. Prints one JSON line.
//
//   SQLITE_BENCH_TX1=20000 SQLITE_BENCH_BATCH=200000 SQLITE_BENCH_WRITERS=8 SQLITE_BENCH_PER_WRITER=2500
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createSqliteEventStore } from "salesfold/sqlite";
import { catalog, makeEvent, peakRssMb, round, type SalesEvent } from "../workload.ts";

const tx1Events = Number(process.env.SQLITE_BENCH_TX1 ?? 20_000);
const batchEvents = Number(process.env.SQLITE_BENCH_BATCH ?? 200_000);
const writers = Number(process.env.SQLITE_BENCH_WRITERS ?? 8);
const perWriter = Number(process.env.SQLITE_BENCH_PER_WRITER ?? 2_500);
const STREAMS = 500;
const BATCH = 100;

const rate = (events: number, ms: number) => ({
  events,
  ms: round(ms),
  eventsPerSec: Math.round(events / (ms / 1000)),
});

/** One event per append, interleaved over `streams` streams named `${prefix}${s}`: `count` appends. */
interface OneByOne {
  readonly streamIds: string[];
  readonly events: SalesEvent[][];
  readonly expected: ("no_stream" | number)[];
}

/**
 * Builds the appends of a one-by-one run before it is timed, as the raw-insert anchor builds its rows, so that the
 * figure is the store's own cost.
 */
function oneByOne(prefix: string, streams: number, count: number): OneByOne {
  const plan: OneByOne = { streamIds: [], events: [], expected: [] };
  for (let i = 0; i < count; i++) {
    const s = i % streams;
    const p = Math.floor(i / streams);
    plan.streamIds.push(`${prefix}${s}`);
    plan.events.push([makeEvent(s, p)]);
    plan.expected.push(p === 0 ? "no_stream" : p);
  }
  return plan;
}

async function appendOneByOne(store: ReturnType<typeof createSqliteEventStore<SalesEvent>>, plan: OneByOne) {
  for (let i = 0; i < plan.streamIds.length; i++) {
    const expectedVersion = plan.expected[i]!;
    const res = await store.append(plan.streamIds[i]!, plan.events[i]!, { expectedVersion });
    const next = expectedVersion === "no_stream" ? 1 : expectedVersion + 1;
    if (res.nextExpectedVersion !== next) throw new Error(`unexpected version ${res.nextExpectedVersion}`);
  }
}

const writerArg = process.argv.find((a) => a.startsWith("--writer="));
if (writerArg) {
  // A writer process: open the file, warm up, say "ready", wait for "go", append, say "done".
  const w = Number(writerArg.slice("--writer=".length));
  const path = process.argv.find((a) => a.startsWith("--db="))!.slice("--db=".length);
  const store = createSqliteEventStore<SalesEvent>({ database: path, catalog, busyTimeoutMs: 60_000 });
  await appendOneByOne(store, oneByOne(`warm-w${w}-`, 50, 500));
  const plan = oneByOne(`w${w}-s`, Math.floor(STREAMS / writers), perWriter);
  process.stdout.write("ready\n");
  await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
  await appendOneByOne(store, plan);
  await store.close();
  process.stdout.write("done\n");
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), "salesfold-bench-sqlite-"));
try {
  // 1 event per append, 1 writer.
  const single = createSqliteEventStore<SalesEvent>({ database: join(dir, "tx1.db"), catalog });
  await appendOneByOne(single, oneByOne("warm-", 100, 2_000));
  const tx1Plan = oneByOne("salesRep-", STREAMS, tx1Events);
  let t = performance.now();
  await appendOneByOne(single, tx1Plan);
  const tx1 = rate(tx1Events, performance.now() - t);
  await single.close();

  // 1 event per append, 8 writer processes on one file, each owning its streams.
  const shared = join(dir, "writers.db");
  createSqliteEventStore({ database: shared, catalog }).close();
  const self = fileURLToPath(import.meta.url);
  const children = Array.from({ length: writers }, (_, w) =>
    spawn(process.execPath, [...process.execArgv, self, `--writer=${w}`, `--db=${shared}`], {
      stdio: ["pipe", "pipe", "inherit"],
    }),
  );
  const lines = children.map((c) => createInterface({ input: c.stdout! }));
  const next = (i: number) => new Promise<string>((resolve) => lines[i]!.once("line", resolve));
  await Promise.all(children.map((_, i) => next(i)));
  const finished = children.map((_, i) => next(i));
  t = performance.now();
  for (const c of children) c.stdin!.write("go\n");
  await Promise.all(finished);
  const concurrent = rate(writers * perWriter, performance.now() - t);
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.once("exit", r) : r(null)))));

  // 100 events per append.
  const batchStore = createSqliteEventStore<SalesEvent>({ database: join(dir, "batch.db"), catalog });
  const batchOf = (s: number, from: number) => Array.from({ length: BATCH }, (_, k) => makeEvent(s, from + k));
  for (let s = 0; s < 20; s++) await batchStore.append(`warm-${s}`, batchOf(s, 0));
  const batches = Array.from({ length: batchEvents / BATCH }, (_, b) =>
    batchOf(b % STREAMS, Math.floor(b / STREAMS) * BATCH),
  );
  t = performance.now();
  for (let b = 0; b < batches.length; b++) {
    const s = b % STREAMS;
    const from = Math.floor(b / STREAMS) * BATCH;
    await batchStore.append(`salesRep-${s}`, batches[b]!, { expectedVersion: from === 0 ? "no_stream" : from });
  }
  const batch100 = rate(batchEvents, performance.now() - t);

  // readAll over everything the batch phase wrote.
  let read = 0;
  t = performance.now();
  for await (const e of batchStore.readAll()) if (e.globalPosition > 0) read++;
  const readAll = rate(read, performance.now() - t);
  await batchStore.close();

  process.stdout.write(
    `${JSON.stringify({
      store: "sqlite",
      settings: { journalMode: "wal", synchronous: "normal" },
      append1: tx1,
      append1Writers8: { writers, ...concurrent },
      append100: batch100,
      readAll,
      peakRssMb: peakRssMb(),
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
