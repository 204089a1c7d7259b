// Phase: the NATS JetStream store. Appends one event per append with one writer, then with 8 writers (8 connections,
// each writer owning its own streams), then 100 events per append, then reads everything back with readAll.
// Every append passes its expected version; no event ids are given (so no idempotency lookups). Prints one JSON line.
// Sizes: BENCH_NATS_STREAMS (streams per writer), BENCH_NATS_EVENTS (events per stream), BENCH_NATS_BATCHES.
import { jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import type { EventStore } from "salesfold";
import { createNatsEventStore, natsStreamNames } from "salesfold/nats";
import { catalog, makeEvent, peakRssMb, round, type SalesEvent } from "../workload.ts";

const url = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const streamsPerWriter = Number(process.env.BENCH_NATS_STREAMS ?? 20);
const eventsPerStream = Number(process.env.BENCH_NATS_EVENTS ?? 50);
const batches = Number(process.env.BENCH_NATS_BATCHES ?? 200);
const WRITERS = 8;
const tenantId = `bench-${Date.now().toString(36)}`;

const connections: NatsConnection[] = [];
const stores: EventStore<SalesEvent>[] = [];
for (let w = 0; w < WRITERS; w++) {
  const nc = await connect({ servers: url });
  connections.push(nc);
  stores.push(await createNatsEventStore<SalesEvent>({ catalog, connection: nc, tenantId }));
}

/** Writer `w` appends `eventsPerStream` events to each of its streams, one per append, interleaved. */
async function singleEventWriter(store: EventStore<SalesEvent>, tag: string, w: number): Promise<number> {
  for (let p = 0; p < eventsPerStream; p++) {
    for (let s = 0; s < streamsPerWriter; s++) {
      const stream = w * streamsPerWriter + s;
      await store.append(`${tag}-${stream}`, [makeEvent(stream, p)], { expectedVersion: p === 0 ? "no_stream" : p });
    }
  }
  return streamsPerWriter * eventsPerStream;
}

const rate = (events: number, ms: number) => ({
  events,
  ms: round(ms),
  eventsPerSec: Math.round(events / (ms / 1000)),
});

try {
  let t = performance.now();
  const one = await singleEventWriter(stores[0]!, "one", 0);
  const oneWriter = rate(one, performance.now() - t);

  t = performance.now();
  const eight = (await Promise.all(stores.map((s, w) => singleEventWriter(s, "eight", w)))).reduce((a, b) => a + b, 0);
  const eightWriters = rate(eight, performance.now() - t);

  t = performance.now();
  for (let b = 0; b < batches; b++) {
    const events = Array.from({ length: 100 }, (_, i) => makeEvent(b, i));
    await stores[0]!.append(`batch-${b}`, events, { expectedVersion: "no_stream" });
  }
  const hundred = rate(batches * 100, performance.now() - t);

  t = performance.now();
  let read = 0;
  for await (const _ of stores[1]!.readAll()) read++;
  const readAll = rate(read, performance.now() - t);
  if (read !== one + eight + batches * 100) throw new Error(`readAll saw ${read} events`);

  process.stdout.write(
    `${JSON.stringify({
      server: connections[0]!.info?.version,
      appendOneWriter: oneWriter,
      appendEightWriters: eightWriters,
      appendHundredPerAppend: hundred,
      readAll,
      peakRssMb: peakRssMb(),
    })}\n`,
  );
} finally {
  for (const s of stores) await s.close();
  const jsm = await jetstreamManager(connections[0]!);
  const names = natsStreamNames(tenantId);
  await jsm.streams.delete(names.events).catch(() => false);
  await jsm.streams.delete(names.index).catch(() => false);
  for (const nc of connections) await nc.close();
}
