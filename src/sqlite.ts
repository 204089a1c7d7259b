/**
 * salesfold/sqlite: the sqlite event store. Loads its driver only when this entry is imported.
 *
 * @packageDocumentation
 */
export {};
