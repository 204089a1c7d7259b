// The NATS JetStream store: one stream per tenant, one subject per event stream, one message per append.
// Run it with `npx tsx examples/natsStore.ts` against a nats-server started with -js (NATS_URL, default
// nats://127.0.0.1:4222). It creates a throw-away tenant and deletes its streams at the end.
// #region setup
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { createEventCatalog, defineEvent, isConcurrencyError } from "salesfold";
import { createNatsEventStore, createNatsSnapshotStore, natsStreamNames } from "salesfold/nats";
import { z } from "zod";

const DealOpened = defineEvent("DealOpened", z.strictObject({ repId: z.string(), amountMinor: z.number().int() }));
const DealWon = defineEvent("DealWon", z.strictObject({ repId: z.string() }));
const catalog = createEventCatalog([DealOpened, DealWon]);

const nc = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
const tenantId = `example-${Date.now().toString(36)}`;
// The store uses (and never closes) our connection; pass `servers` instead to let it connect and drain itself.
const store = await createNatsEventStore({ catalog, tenantId, connection: nc, replicas: 1 });
// #endregion setup

// #region append
const opened = await store.append(
  "deal-42",
  [{ type: "DealOpened", data: { repId: "rep-ana", amountMinor: 4_800_000 }, eventId: "cmd-7-opened" }],
  { expectedVersion: "no_stream" },
);
// The ack was lost? Send the same batch again: same event ids, so the original result comes back.
const retried = await store.append(
  "deal-42",
  [{ type: "DealOpened", data: { repId: "rep-ana", amountMinor: 4_800_000 }, eventId: "cmd-7-opened" }],
  { expectedVersion: "no_stream" },
);
console.log(`retry returned the original: ${JSON.stringify(retried) === JSON.stringify(opened)}`);

try {
  await store.append("deal-42", [{ type: "DealWon", data: { repId: "rep-bo" } }], { expectedVersion: 0 });
} catch (error) {
  console.log(`stale writer refused: ${isConcurrencyError(error)}`);
}
await store.append("deal-42", [{ type: "DealWon", data: { repId: "rep-ana" } }], { expectedVersion: 1 });
// #endregion append

// #region read
const { events, currentVersion } = await store.readStream("deal-42");
console.log(`deal-42 is at version ${currentVersion}: ${events.map((e) => e.type).join(", ")}`);
for await (const e of store.readAll({ types: ["DealWon"] })) {
  console.log(`won by ${e.data.repId} at position ${e.globalPosition}`);
}
// #endregion read

// #region snapshots
const snapshots = await createNatsSnapshotStore({ connection: nc, tenantId, bucket: `${tenantId}-snapshots` });
await snapshots.save("deal", "deal-42", { state: { won: true }, streamVersion: 2, deciderVersion: "1" });
console.log(`snapshot: ${JSON.stringify(await snapshots.load("deal", "deal-42"))}`);
// #endregion snapshots

await store.close();
await snapshots.close();
const jsm = await jetstreamManager(nc);
const names = natsStreamNames(tenantId);
for (const stream of [names.events, names.index, `KV_${tenantId}-snapshots`]) await jsm.streams.delete(stream);
await nc.close();
