import { describe, expect, it } from "vitest";
import { _forEachBatch } from "../../../../src/core/eventStore/readInBatches.ts";
import {
  createInMemoryEventStore,
  type EventEnvelope,
  type ReadAllOptions,
  sequentialIds,
  steppingClock,
} from "../../../../src/index.ts";
import { collect, noted, storeCatalog, tagged } from "./fixtures.ts";

const newStore = () =>
  createInMemoryEventStore({
    catalog: storeCatalog,
    clock: steppingClock("2026-01-01T00:00:00.000Z"),
    ids: sequentialIds("e"),
  });

async function batchesOf(read: AsyncIterable<EventEnvelope>, until: number, size: number) {
  const batches: EventEnvelope[][] = [];
  await _forEachBatch(read, until, size, (batch) => batches.push([...batch]));
  return batches;
}

describe("in-memory store: the compact log", () => {
  it("reads back each event's own metadata, whether it is the type's usual one or not", async () => {
    const store = newStore();
    await store.append("a", [{ ...noted(1), metadata: { actor: "ana" } }, noted(2), tagged("x")]);
    await store.append("b", [{ ...tagged("y"), metadata: { correlationId: "c-1" } }, noted(3)]);
    await store.append("a", [{ ...noted(4), metadata: { actor: "bo", causationId: "cmd-9" } }]);
    const all = await collect(store.readAll());
    expect(all.map((e) => [e.data, e.metadata])).toEqual([
      [{ n: 1 }, { actor: "ana", schemaVersion: 1 }],
      [{ n: 2 }, { schemaVersion: 1 }],
      [{ tag: "x" }, { schemaVersion: 1 }],
      [{ tag: "y" }, { correlationId: "c-1", schemaVersion: 1 }],
      [{ n: 3 }, { schemaVersion: 1 }],
      [{ n: 4 }, { actor: "bo", causationId: "cmd-9", schemaVersion: 1 }],
    ]);
    const { events } = await store.readStream("a", { direction: "backwards" });
    expect(events.map((e) => [e.streamVersion, e.globalPosition, e.metadata.actor])).toEqual([
      [4, 6, "bo"],
      [3, 3, undefined],
      [2, 2, undefined],
      [1, 1, "ana"],
    ]);
  });

  it("hands out equal, frozen envelopes on every read, around the same stored data", async () => {
    const store = newStore();
    const { events: appended } = await store.append("a", [noted(1), tagged("t")]);
    const [first, second] = [await collect(store.readAll()), await collect(store.readAll())];
    expect(first).toEqual(appended);
    expect(second).toEqual(appended);
    expect(first[0]).not.toBe(second[0]);
    expect(first[0]!.data).toBe(appended[0]!.data);
    expect(first.every((e) => Object.isFrozen(e) && Object.isFrozen(e.data) && Object.isFrozen(e.metadata))).toBe(true);
  });

  it("offers readAll's events in batches, the same events as its iterator, up to a position", async () => {
    const store = newStore();
    for (let i = 0; i < 30; i++) await store.append(`s-${i % 4}`, [noted(i), tagged(`t${i}`)]);
    // Written at schema version 1: read back upcast, in batches as one by one.
    await store.append("old", [{ type: "AmountSet", data: { amount: 7 }, metadata: { schemaVersion: 1 } } as never]);
    const options: ReadAllOptions[] = [
      {},
      { types: ["Tagged"] },
      { types: ["AmountSet", "Noted"], after: 12 },
      { limit: 7, after: 3 },
      { types: ["Noted"], limit: 5 },
      { types: ["Unknown"] },
    ];
    for (const o of options) {
      for (const until of [0, 25, 61, 1_000]) {
        const expected = (await collect(store.readAll(o))).filter((e) => e.globalPosition <= until);
        const batches = await batchesOf(store.readAll(o), until, 4);
        expect(batches.flat()).toEqual(expected);
        expect(batches.every((b) => b.length > 0 && b.length <= 4)).toBe(true);
      }
    }
    const [amount] = await collect(store.readAll({ types: ["AmountSet"] }));
    expect(amount!.data).toEqual({ amount: { minor: 7, currency: "USD" } });
  });

  it("reads a type first appended after the read began in the next iteration only", async () => {
    const store = newStore();
    await store.append("a", [noted(1)]);
    const tags = store.readAll({ types: ["Tagged"] });
    expect(await collect(tags)).toEqual([]);
    const seen: string[] = [];
    for await (const e of store.readAll({ types: ["Noted", "Tagged"] })) {
      seen.push(e.type);
      await store.append("b", [tagged("late")]);
    }
    expect(seen).toEqual(["Noted"]);
    expect((await collect(tags)).map((e) => e.data)).toEqual([{ tag: "late" }]);
    expect((await batchesOf(tags, 10, 10)).flat().map((e) => e.globalPosition)).toEqual([2]);
  });

  it("keeps streams apart across many appends of different sizes", async () => {
    const store = newStore();
    const expected = new Map<string, number[]>();
    for (let i = 0; i < 200; i++) {
      const stream = `s-${(i * 7) % 13}`;
      const size = 1 + (i % 4);
      const { events } = await store.append(
        stream,
        Array.from({ length: size }, (_, k) => noted(i * 10 + k)),
      );
      expected.set(stream, [...(expected.get(stream) ?? []), ...events.map((e) => e.globalPosition)]);
    }
    for (const [stream, positions] of expected) {
      const { events, currentVersion } = await store.readStream(stream);
      expect(currentVersion).toBe(positions.length);
      expect(events.map((e) => e.globalPosition)).toEqual(positions);
      expect(events.map((e) => e.streamVersion)).toEqual(positions.map((_, i) => i + 1));
      expect(events.every((e) => e.streamId === stream)).toBe(true);
    }
    await store.append("empty", []);
    expect(await store.streamExists("empty")).toBe(false);
  });
});
