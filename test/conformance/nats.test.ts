import { connect, type NatsConnection } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createNatsEventStore, natsStreamNames } from "../../src/nats.ts";
import { eventStoreConformance } from "../../src/testing.ts";
import { NATS_URL, natsAvailable } from "../support/services.ts";

const up = await natsAvailable();

describe.skipIf(!up)("NATS JetStream", () => {
  let nc: NatsConnection;
  const tenants = new Set<string>();
  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
  });
  afterAll(async () => {
    // Every conformance test used fresh tenants: delete their streams.
    const { jetstreamManager } = await import("@nats-io/jetstream");
    const jsm = await jetstreamManager(nc);
    for (const t of tenants) {
      const names = natsStreamNames(t);
      await jsm.streams.delete(names.events).catch(() => false);
      await jsm.streams.delete(names.index).catch(() => false);
    }
    await nc.drain();
  });

  eventStoreConformance(
    "nats",
    (setup) => {
      tenants.add(setup.tenantId);
      return createNatsEventStore({ ...setup, connection: nc });
    },
    { describe, it, tenantPrefix: `nc${Date.now().toString(36)}` },
  );
});
