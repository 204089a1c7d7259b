import { describe, expect, it } from "vitest";
import {
  createCommandHandler,
  createInMemorySnapshotStore,
  isValidationError,
  type SnapshotStore,
} from "../../../../src/index.ts";
import { newTabStore, spyStore, type TabCommand, type TabState, tabCommands, tabDecider } from "./fixtures.ts";

const open: TabCommand = { type: "Open", data: { name: "tab" } };
const add = (n: number): TabCommand => ({ type: "Add", data: { n } });

function setup(snapshots: SnapshotStore, options: { every?: number; version?: string } = {}) {
  const inner = newTabStore();
  const store = spyStore(inner);
  const decider = { ...tabDecider(), ...(options.version === undefined ? {} : { version: options.version }) };
  const handler = createCommandHandler({
    store,
    decider,
    commands: tabCommands,
    snapshots: { store: snapshots, ...(options.every === undefined ? {} : { every: options.every }) },
  });
  const readFrom = () =>
    store.calls
      .filter((c) => c.method === "readStream")
      .map((c) => (c.args[1] as { fromVersion?: number }).fromVersion);
  return { inner, store, handler, readFrom };
}

describe("createCommandHandler: snapshots", () => {
  it("saves a snapshot once every N events and loads from it, reading only the events after it", async () => {
    const snapshots = createInMemorySnapshotStore();
    const { handler, readFrom } = setup(snapshots, { every: 3 });
    await handler.handle("tab-1", open);
    await handler.handle("tab-1", add(1));
    expect(await snapshots.load("tab", "tab-1")).toBeUndefined();
    await handler.handle("tab-1", add(2));
    expect(await snapshots.load("tab", "tab-1")).toEqual({
      state: { open: true, closed: false, total: 3, items: 2 },
      streamVersion: 3,
      deciderVersion: "1",
    });
    await handler.handle("tab-1", add(3));
    await handler.handle("tab-1", add(4));
    expect((await snapshots.load<TabState>("tab", "tab-1"))!.streamVersion).toBe(3);
    const last = await handler.handle("tab-1", add(5));
    expect(last.state.total).toBe(15);
    expect((await snapshots.load<TabState>("tab", "tab-1"))!).toMatchObject({ streamVersion: 6, state: { total: 15 } });
    expect(readFrom()).toEqual([1, 1, 1, 4, 4, 4]);
    expect(await handler.load("tab-1")).toEqual({ state: last.state, version: 6 });
    expect(readFrom().at(-1)).toBe(7);
  });

  it("uses the snapshot's state rather than replaying the events it covers", async () => {
    const snapshots = createInMemorySnapshotStore();
    const { inner, handler } = setup(snapshots);
    await inner.append("tab-1", [
      { type: "TabOpened", data: { name: "t" } },
      { type: "ItemAdded", data: { lineId: "a", n: 1, seq: 1, at: "t" } },
    ]);
    // A marker state that no replay could produce: a load that ignored the snapshot would show total 1.
    await snapshots.save("tab", "tab-1", {
      state: { open: true, closed: false, total: 1000, items: 50 },
      streamVersion: 2,
      deciderVersion: "1",
    });
    const result = await handler.handle("tab-1", add(5));
    expect(result.state).toEqual({ open: true, closed: false, total: 1005, items: 51 });
    expect(result.events[0]!.data).toMatchObject({ seq: 51 });
  });

  it("ignores a snapshot taken by another decider version, and replaces it once N events are reached", async () => {
    const snapshots = createInMemorySnapshotStore();
    await snapshots.save("tab", "tab-1", {
      state: { open: true, closed: false, total: 1000, items: 50 },
      streamVersion: 2,
      deciderVersion: "1",
    });
    const { inner, handler, readFrom } = setup(snapshots, { version: "2", every: 3 });
    await inner.append("tab-1", [
      { type: "TabOpened", data: { name: "t" } },
      { type: "ItemAdded", data: { lineId: "a", n: 1, seq: 1, at: "t" } },
    ]);
    const result = await handler.handle("tab-1", add(5));
    expect(result.state).toEqual({ open: true, closed: false, total: 6, items: 2 });
    expect(readFrom()).toEqual([1]);
    expect(await snapshots.load("tab", "tab-1")).toEqual({
      state: result.state,
      streamVersion: 3,
      deciderVersion: "2",
    });
    await handler.handle("tab-1", add(1));
    expect(readFrom()).toEqual([1, 4]);
  });

  it("a caller that changes a state it was handed does not change the next decision", async () => {
    const snapshots = createInMemorySnapshotStore();
    const { handler } = setup(snapshots, { every: 1 });
    await handler.handle("tab-1", open);
    const first = await handler.handle("tab-1", add(5));
    expect(first.state).toEqual({ open: true, closed: false, total: 5, items: 1 });
    const tamper = (state: TabState) => {
      try {
        Object.assign(state, { total: 1000, items: 40, closed: true });
      } catch {
        // A frozen state refuses the change, which is as good as a copy.
      }
    };
    tamper(first.state);
    expect(await handler.load("tab-1")).toEqual({
      state: { open: true, closed: false, total: 5, items: 1 },
      version: 2,
    });
    // Loaded straight from the snapshot, with no event after it: what load returns must not be the stored state.
    const loaded = await handler.load("tab-1");
    tamper(loaded.state);
    const second = await handler.handle("tab-1", add(1));
    expect(second.state).toEqual({ open: true, closed: false, total: 6, items: 2 });
    expect(second.events[0]!.data).toMatchObject({ seq: 2 });
    expect((await snapshots.load<TabState>("tab", "tab-1"))!.state).toEqual(second.state);
  });

  it("keeps saving commands when a snapshot cannot be stored as JSON, and passes the error to onError", async () => {
    const errors: unknown[] = [];
    const store = newTabStore();
    const snapshots = createInMemorySnapshotStore();
    const handler = createCommandHandler({
      store,
      decider: { ...tabDecider(), evolve: (s: TabState) => ({ ...s, open: true, at: new Date(0) }) as TabState },
      commands: tabCommands,
      snapshots: { store: snapshots, every: 1, onError: (e) => errors.push(e) },
    });
    const result = await handler.handle("tab-1", open);
    expect(result.nextExpectedVersion).toBe(1);
    expect(errors).toHaveLength(1);
    expect(isValidationError(errors[0])).toBe(true);
    expect(await snapshots.load("tab", "tab-1")).toBeUndefined();
  });

  it("saves at the default of 100 events", async () => {
    const snapshots = createInMemorySnapshotStore();
    const { inner, handler } = setup(snapshots);
    await inner.append("tab-1", [
      { type: "TabOpened", data: { name: "t" } },
      ...Array.from({ length: 97 }, (_, i) => ({
        type: "ItemAdded" as const,
        data: { lineId: `l${i}`, n: 1, seq: i + 1, at: "t" },
      })),
    ]);
    await handler.handle("tab-1", add(1));
    expect(await snapshots.load("tab", "tab-1")).toBeUndefined();
    await handler.handle("tab-1", add(1));
    expect((await snapshots.load<TabState>("tab", "tab-1"))!).toMatchObject({
      streamVersion: 100,
      state: { total: 99 },
    });
  });
});

describe("createInMemorySnapshotStore", () => {
  it("keeps snapshots apart by decider and stream, without confusing names that concatenate alike", async () => {
    const snapshots = createInMemorySnapshotStore();
    await snapshots.save("a:b", "c", { state: 1, streamVersion: 1, deciderVersion: "1" });
    await snapshots.save("a", "b:c", { state: 2, streamVersion: 1, deciderVersion: "1" });
    expect((await snapshots.load("a:b", "c"))!.state).toBe(1);
    expect((await snapshots.load("a", "b:c"))!.state).toBe(2);
    expect(await snapshots.load("a", "c")).toBeUndefined();
  });

  it("does not replace a newer snapshot with an older one of the same decider version, but a new version always wins", async () => {
    const snapshots = createInMemorySnapshotStore();
    await snapshots.save("d", "s", { state: "v10", streamVersion: 10, deciderVersion: "1" });
    await snapshots.save("d", "s", { state: "v5", streamVersion: 5, deciderVersion: "1" });
    expect((await snapshots.load("d", "s"))!.state).toBe("v10");
    await snapshots.save("d", "s", { state: "new", streamVersion: 5, deciderVersion: "2" });
    expect(await snapshots.load("d", "s")).toEqual({ state: "new", streamVersion: 5, deciderVersion: "2" });
  });

  it("stores a deeply frozen copy of the state: changing the saved or the loaded object changes nothing", async () => {
    const snapshots = createInMemorySnapshotStore();
    const state = { deal: { amount: 5, tags: ["vip"] } };
    await snapshots.save("d", "s", { state, streamVersion: 1, deciderVersion: "1" });
    state.deal.amount = 99;
    state.deal.tags.push("changed");
    const loaded = await snapshots.load<typeof state>("d", "s");
    expect(loaded!.state).toEqual({ deal: { amount: 5, tags: ["vip"] } });
    expect(loaded!.state).not.toBe(state);
    expect(Object.isFrozen(loaded!.state)).toBe(true);
    expect(Object.isFrozen(loaded!.state.deal)).toBe(true);
    expect(Object.isFrozen(loaded!.state.deal.tags)).toBe(true);
    expect(() => {
      (loaded!.state.deal as { amount: number }).amount = 7;
    }).toThrow(TypeError);
    expect((await snapshots.load<typeof state>("d", "s"))!.state.deal.amount).toBe(5);
  });

  it("refuses a state that JSON cannot carry, keeping the snapshot it had", async () => {
    const snapshots = createInMemorySnapshotStore();
    await snapshots.save("d", "s", { state: { n: 1 }, streamVersion: 1, deciderVersion: "1" });
    for (const state of [{ at: new Date(0) }, { n: Number.NaN }, { m: new Map() }, undefined]) {
      await expect(snapshots.save("d", "s", { state, streamVersion: 2, deciderVersion: "1" })).rejects.toSatisfy(
        isValidationError,
      );
    }
    expect(await snapshots.load("d", "s")).toEqual({ state: { n: 1 }, streamVersion: 1, deciderVersion: "1" });
  });

  it("stores a frozen copy of the snapshot record", async () => {
    const snapshots = createInMemorySnapshotStore();
    const record = { state: { x: 1 }, streamVersion: 1, deciderVersion: "1" };
    await snapshots.save("d", "s", record);
    record.streamVersion = 99;
    const loaded = await snapshots.load("d", "s");
    expect(loaded!.streamVersion).toBe(1);
    expect(Object.isFrozen(loaded)).toBe(true);
  });
});
