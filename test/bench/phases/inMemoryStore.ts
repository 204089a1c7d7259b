// Phase: in-memory append (one validated event per append, with the expected version, interleaved over the
// streams), heap per stored event, then aggregate every stream. Prints one JSON line.
import { aggregateStream, createInMemoryEventStore } from "salesfold";
import {
  catalog,
  evolveRep,
  expectedTotals,
  initialRepState,
  makeEvent,
  peakRssMb,
  round,
  type SalesEvent,
} from "../workload.ts";

const streams = Number(process.env.BENCH_STREAMS ?? 2000);
const events = Number(process.env.BENCH_EVENTS ?? 100);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

const names = Array.from({ length: streams }, (_, s) => `salesRep-${s}`);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const store = createInMemoryEventStore<SalesEvent>({ catalog });
const t0 = performance.now();
for (let p = 0; p < events; p++) {
  for (let s = 0; s < streams; s++) {
    const res = await store.append(`salesRep-${s}`, [makeEvent(s, p)], { expectedVersion: p === 0 ? "no_stream" : p });
    if (res.nextExpectedVersion !== p + 1)
      throw new Error(`unexpected version ${res.nextExpectedVersion} for ${s}/${p}`);
  }
}
const appendMs = performance.now() - t0;
gc();
gc();
const heapAfter = process.memoryUsage().heapUsed;
const total = streams * events;

const exp = expectedTotals(streams, events);
let won = 0;
let commission = 0;
const t1 = performance.now();
for (let s = 0; s < streams; s++) {
  const { state, version } = await aggregateStream(store, names[s]!, {
    initialState: initialRepState,
    evolve: evolveRep,
  });
  if (version !== events) throw new Error(`stream ${s} has version ${version}`);
  won += state.wonMinor;
  commission += state.commissionMinor;
}
const aggregateMs = performance.now() - t1;
if (won !== exp.won || commission !== exp.commission) throw new Error(`fold mismatch: ${won}/${commission}`);

process.stdout.write(
  `${JSON.stringify({
    streams,
    eventsPerStream: events,
    append: { events: total, ms: round(appendMs), eventsPerSec: Math.round(total / (appendMs / 1000)) },
    heapBytesPerStoredEvent: Math.round((heapAfter - heapBefore) / total),
    aggregate: { events: total, ms: round(aggregateMs), eventsPerSec: Math.round(total / (aggregateMs / 1000)) },
    peakRssMb: peakRssMb(),
  })}\n`,
);
