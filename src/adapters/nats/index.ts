export { createNatsEventStore, type NatsEventStoreOptions } from "./natsEventStore.ts";
export { NATS_POSITION_STRIDE, natsPrefixSchema, natsStreamNames, type NatsStreamNames } from "./natsLayout.ts";
export { createNatsSnapshotStore, type NatsSnapshotStore, type NatsSnapshotStoreOptions } from "./natsSnapshotStore.ts";
