import type { NatsConnection } from "@nats-io/transport-node";
import { afterAll, describe, expect, it } from "vitest";
import { type EventStore, isConcurrencyError } from "../../../src/index.ts";
import { createNatsEventStore } from "../../../src/nats.ts";
import { natsAvailable } from "../../support/services.ts";
import { catalog, cleanup, freshTenant, openConnection, type TestEvent } from "./natsTestKit.ts";

const up = await natsAvailable();
const WRITERS = 8;
const PER_WRITER = 500;

async function writer(store: EventStore<TestEvent>, w: number): Promise<number> {
  let conflicts = 0;
  for (let i = 0; i < PER_WRITER; ) {
    const version = await store.streamVersion("hot");
    try {
      await store.append("hot", [{ type: "Noted", data: { text: `w${w}`, n: i }, eventId: `w${w}-${i}` }], {
        expectedVersion: version,
      });
      i++;
    } catch (error) {
      if (!isConcurrencyError(error)) throw error;
      conflicts++;
    }
  }
  return conflicts;
}

describe.skipIf(!up)("NatsEventStore: concurrency", () => {
  afterAll(() => cleanup());

  it(`${WRITERS} connections x ${PER_WRITER} single-event appends to one stream: versions 1..${WRITERS * PER_WRITER}, no gap, no duplicate`, async () => {
    const tenantId = freshTenant("hot");
    const connections: NatsConnection[] = [];
    const stores: EventStore<TestEvent>[] = [];
    for (let w = 0; w < WRITERS; w++) {
      const nc = await openConnection();
      connections.push(nc);
      stores.push(await createNatsEventStore({ catalog, connection: nc, tenantId }));
    }
    const conflicts = await Promise.all(stores.map((s, w) => writer(s, w)));
    const total = WRITERS * PER_WRITER;
    const read = await stores[0]!.readStream("hot");
    expect(read.currentVersion).toBe(total);
    expect(read.events.map((e) => e.streamVersion)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(read.events.map((e) => e.eventId)).size).toBe(total);
    // Each writer's events are in its own order.
    for (let w = 0; w < WRITERS; w++) {
      const mine = read.events
        .filter((e) => (e.data as { text: string }).text === `w${w}`)
        .map((e) => (e.data as { n: number }).n);
      expect(mine).toEqual(Array.from({ length: PER_WRITER }, (_, i) => i));
    }
    const all = [];
    for await (const e of stores[1]!.readAll()) all.push(e);
    expect(all.length).toBe(total);
    expect(new Set(all.map((e) => e.eventId)).size).toBe(total);
    const positions = all.map((e) => e.globalPosition);
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    console.log(`NATS concurrency: ${conflicts.reduce((a, b) => a + b, 0)} ConcurrencyErrors retried`);
    for (const s of stores) await s.close();
    for (const nc of connections) await nc.close();
  }, 300_000);
});
