// Shared by the NATS adapter tests: a catalog, unique tenant ids, and cleanup of the streams a test created.
import { jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { z } from "zod";
import { createEventCatalog, defineEvent, type EventOf } from "../../../src/index.ts";
import { natsStreamNames } from "../../../src/nats.ts";
import { NATS_URL } from "../../support/services.ts";

export const Noted = defineEvent("Noted", z.strictObject({ text: z.string(), n: z.number().int().optional() }));
export const Blob = defineEvent("Blob", z.strictObject({ payload: z.record(z.string(), z.unknown()) }));
export const catalog = createEventCatalog([Noted, Blob]);
export type TestEvent = EventOf<typeof Noted> | EventOf<typeof Blob>;

const run = `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
let counter = 0;
const created = new Set<string>();

/** A tenant id unique to this run, remembered for cleanup. */
export function freshTenant(label = "x"): string {
  const t = `${run}-${label}-${(counter++).toString(36)}`;
  created.add(t);
  return t;
}

/** Opens a connection of its own. */
export const openConnection = (): Promise<NatsConnection> => connect({ servers: NATS_URL });

/** Deletes every stream the run's tenants created (events, index) and the given KV buckets. */
export async function cleanup(buckets: readonly string[] = []): Promise<void> {
  const nc = await openConnection();
  try {
    const jsm = await jetstreamManager(nc);
    for (const t of created) {
      const names = natsStreamNames(t);
      await jsm.streams.delete(names.events).catch(() => false);
      await jsm.streams.delete(names.index).catch(() => false);
    }
    for (const b of buckets) await jsm.streams.delete(`KV_${b}`).catch(() => false);
    created.clear();
  } finally {
    await nc.close();
  }
}

export const noted = (text: string, eventId?: string) =>
  ({ type: "Noted", data: { text }, ...(eventId === undefined ? {} : { eventId }) }) as const;
