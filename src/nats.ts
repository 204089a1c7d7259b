/**
 * salesfold/nats: the NATS JetStream event store and snapshot store. Loads its driver only when this entry is
 * imported.
 *
 * @packageDocumentation
 */
export {
  createNatsEventStore,
  createNatsSnapshotStore,
  NATS_POSITION_STRIDE,
  type NatsEventStoreOptions,
  type NatsSnapshotStore,
  type NatsSnapshotStoreOptions,
  type NatsStreamNames,
  natsPrefixSchema,
  natsStreamNames,
} from "./adapters/nats/index.ts";
