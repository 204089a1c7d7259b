import type { NatsConnection } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createCommandHandler, type Decider, isValidationError, type SnapshotStore } from "../../../src/index.ts";
import { createNatsEventStore, createNatsSnapshotStore } from "../../../src/nats.ts";
import { natsAvailable } from "../../support/services.ts";
import { catalog, cleanup, freshTenant, openConnection, type TestEvent } from "./natsTestKit.ts";

const up = await natsAvailable();
const bucket = `snap_${Date.now().toString(36)}`;

interface Count {
  readonly total: number;
  readonly seen: number;
}
const commands = z.strictObject({ add: z.number().int() });
const counter = (version?: string): Decider<{ add: number }, TestEvent, Count> => ({
  name: "counter",
  ...(version === undefined ? {} : { version }),
  initialState: () => ({ total: 0, seen: 0 }),
  evolve: (s, e) => (e.type === "Noted" ? { total: s.total + (e.data.n ?? 0), seen: s.seen + 1 } : s),
  decide: (c) => ({ type: "Noted", data: { text: "add", n: c.add } }),
});

/** Wraps a snapshot store to record loads and saves. */
function spy(inner: SnapshotStore) {
  const calls: string[] = [];
  const store: SnapshotStore = {
    load: async (d, s) => {
      calls.push("load");
      return inner.load(d, s);
    },
    save: async (d, s, snap) => {
      calls.push(`save@${snap.streamVersion}`);
      return inner.save(d, s, snap);
    },
  };
  return { store, calls };
}

describe.skipIf(!up)("NatsSnapshotStore", () => {
  let nc: NatsConnection;
  beforeAll(async () => {
    nc = await openConnection();
  });
  afterAll(async () => {
    await nc.drain();
    await cleanup([bucket]);
  });

  it("is used by the command handler, and a changed decider version ignores old snapshots", async () => {
    const tenantId = freshTenant("snap");
    const events = await createNatsEventStore({ catalog, connection: nc, tenantId });
    const snapshots = await createNatsSnapshotStore({ connection: nc, tenantId, bucket });
    const { store, calls } = spy(snapshots);
    const handler = createCommandHandler({
      store: events,
      decider: counter(),
      commands,
      snapshots: { store, every: 3 },
    });
    for (let i = 1; i <= 4; i++) await handler.handle("c-1", { add: i });
    expect(calls.filter((c) => c.startsWith("save"))).toEqual(["save@3"]);
    expect(await snapshots.load("counter", "c-1")).toEqual({
      state: { total: 6, seen: 3 },
      streamVersion: 3,
      deciderVersion: "1",
    });
    // A marker snapshot no replay could produce proves the handler starts from the snapshot.
    await snapshots.save("counter", "c-1", { state: { total: 1000, seen: 99 }, streamVersion: 4, deciderVersion: "1" });
    expect((await handler.handle("c-1", { add: 5 })).state).toEqual({ total: 1005, seen: 100 });
    // Version 2 of the decider ignores the version-1 snapshot and replays the stream.
    const v2 = createCommandHandler({ store: events, decider: counter("2"), commands, snapshots: { store, every: 3 } });
    expect((await v2.handle("c-1", { add: 6 })).state).toEqual({ total: 21, seen: 6 });
    expect((await snapshots.load<Count>("counter", "c-1"))?.deciderVersion).toBe("2");
    await events.close();
    await snapshots.close();
    expect(nc.isClosed()).toBe(false);
  });

  it("never replaces a newer snapshot of the same decider version, and keeps tenants and awkward ids apart", async () => {
    const a = await createNatsSnapshotStore({ connection: nc, tenantId: freshTenant("sa"), bucket });
    const b = await createNatsSnapshotStore({ connection: nc, tenantId: freshTenant("sb"), bucket });
    const ids = ["x.y", "*", ">", "客户 🚀", "x".repeat(1000), "__proto__"];
    for (const [i, id] of ids.entries()) {
      await a.save("d.e*", id, { state: { i }, streamVersion: 10, deciderVersion: "1" });
      await a.save("d.e*", id, { state: { i: -1 }, streamVersion: 9, deciderVersion: "1" });
    }
    for (const [i, id] of ids.entries()) {
      expect(await a.load("d.e*", id)).toEqual({ state: { i }, streamVersion: 10, deciderVersion: "1" });
      expect(await b.load("d.e*", id)).toBeUndefined();
      expect(await a.load("d", id)).toBeUndefined();
    }
    const bad = await a
      .save("d", "s", { state: { n: 1n } as never, streamVersion: 1, deciderVersion: "1" })
      .catch((e) => e);
    expect(isValidationError(bad)).toBe(true);
    const badId = await a.load("d", "nul\u0000").catch((e) => e);
    expect(isValidationError(badId)).toBe(true);
    const badOptions = await createNatsSnapshotStore({ connection: nc, bucket: "a.b" }).catch((e) => e);
    expect(isValidationError(badOptions)).toBe(true);
  });
});
