// Phase: the ceiling of any validated in-memory append on this workload and machine. Same generator, same zod
// schemas and one await per event, into the simplest frozen store possible (no ids, no metadata, no checks).
// salesfold's append is judged against this as well as against Emmett. Prints one JSON line.
import { catalog, makeEvent, round, type SalesEvent } from "../workload.ts";

const streams = Number(process.env.BENCH_STREAMS ?? 2000);
const events = Number(process.env.BENCH_EVENTS ?? 100);
const schemas = new Map(catalog.definitions.map((d) => [d.type, d.schema]));

async function once(): Promise<number> {
  const all: object[] = [];
  const byStream = new Map<string, object[]>();
  const t0 = performance.now();
  for (let p = 0; p < events; p++) {
    for (let s = 0; s < streams; s++) {
      const e: SalesEvent = makeEvent(s, p);
      const parsed = schemas.get(e.type)!.safeParse(e.data);
      if (!parsed.success) throw new Error("invalid");
      const key = `salesRep-${s}`;
      let list = byStream.get(key);
      if (list === undefined) byStream.set(key, (list = []));
      const envelope = Object.freeze({
        type: e.type,
        data: Object.freeze(parsed.data),
        streamId: key,
        streamVersion: list.length + 1,
        globalPosition: all.length + 1,
      });
      list.push(envelope);
      all.push(envelope);
      await undefined;
    }
  }
  return performance.now() - t0;
}

await once();
const ms = await once();
const total = streams * events;
process.stdout.write(
  `${JSON.stringify({ events: total, ms: round(ms), eventsPerSec: Math.round(total / (ms / 1000)) })}\n`,
);
