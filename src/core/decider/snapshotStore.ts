import { ValidationError, type ValidationIssue } from "../errors/index.ts";
import { frozenJson } from "../events/index.ts";

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
  /**
   * Loads the newest snapshot of a stream for a decider, if any. Its state is deeply frozen, so that no caller can
   * change what the next load returns.
   */
  load<S>(deciderName: string, streamId: string): Promise<Snapshot<S> | undefined>;
  /**
   * Saves a snapshot, replacing an older one. The store keeps its own copy of the state, never the caller's object.
   */
  save<S>(deciderName: string, streamId: string, snapshot: Snapshot<S>): Promise<void>;
}

/**
 * Creates a snapshot store held in memory. Like the adapters' snapshot stores, it keeps a deeply frozen JSON copy of
 * each state, which shares nothing with the caller's object; its `save` throws a {@link ValidationError} for a state
 * that JSON cannot carry exactly (a `Map`, a `Date`, `NaN`…).
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
      const problems: ValidationIssue[] = [];
      const state = frozenJson(snapshot.state, ["state"], problems);
      if (state === undefined) throw new ValidationError("InMemorySnapshotStore.save", problems);
      snapshots.set(
        key(decider, stream),
        Object.freeze({ state, streamVersion: snapshot.streamVersion, deciderVersion: snapshot.deciderVersion }),
      );
    },
  });
}
