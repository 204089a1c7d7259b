/**
 * A saved decider state: the stream version it reflects and the decider version that produced it.
 *
 * @example
 * ```ts
 * const snapshot: Snapshot<{ total: number }> = { state: { total: 5 }, streamVersion: 120, deciderVersion: "2" };
 * ```
 */
export interface Snapshot<S> {
  readonly state: S;
  readonly streamVersion: number;
  readonly deciderVersion: string;
}

/**
 * Where the command handler keeps snapshots of long streams. Each adapter offers one; {@link createInMemorySnapshotStore}
 * is the embedded one.
 *
 * @example
 * ```ts
 * const snapshots: SnapshotStore = createInMemorySnapshotStore();
 * ```
 */
export interface SnapshotStore {
  /** Loads the newest snapshot of a stream for a decider, if any. */
  load<S>(deciderName: string, streamId: string): Promise<Snapshot<S> | undefined>;
  /** Saves a snapshot, replacing an older one. */
  save<S>(deciderName: string, streamId: string, snapshot: Snapshot<S>): Promise<void>;
}

/**
 * Creates a snapshot store held in memory.
 *
 * @returns A {@link SnapshotStore}.
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider, commands, snapshots: { store: createInMemorySnapshotStore(), every: 100 } });
 * ```
 */
export function createInMemorySnapshotStore(): SnapshotStore {
  const snapshots = new Map<string, Snapshot<unknown>>();
  const key = (decider: string, stream: string) => `${decider.length}:${decider}:${stream}`;
  return Object.freeze({
    load: async <S>(decider: string, stream: string) => snapshots.get(key(decider, stream)) as Snapshot<S> | undefined,
    save: async <S>(decider: string, stream: string, snapshot: Snapshot<S>) => {
      const existing = snapshots.get(key(decider, stream));
      if (
        existing &&
        existing.deciderVersion === snapshot.deciderVersion &&
        existing.streamVersion >= snapshot.streamVersion
      )
        return;
      snapshots.set(key(decider, stream), Object.freeze({ ...snapshot }));
    },
  });
}
