/**
 * salesfold/postgres: the postgres event store. Loads its driver only when this entry is imported.
 *
 * @packageDocumentation
 */
export {};
