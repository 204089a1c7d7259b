/**
 * salesfold/nats: the nats event store. Loads its driver only when this entry is imported.
 *
 * @packageDocumentation
 */
export {};
