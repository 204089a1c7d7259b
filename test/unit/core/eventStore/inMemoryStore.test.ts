import { describe, expect, it } from "vitest";
import {
  createInMemoryEventStore,
  fixedClock,
  isValidationError,
  sequentialIds,
  steppingClock,
} from "../../../../src/index.ts";
import { rejection, thrown, unfrozenPaths } from "../events/assertions.ts";
import { collect, noted, storeCatalog, tagged } from "./fixtures.ts";

const newStore = () =>
  createInMemoryEventStore({
    catalog: storeCatalog,
    clock: steppingClock("2026-01-01T00:00:00.000Z"),
    ids: sequentialIds("e"),
  });

describe("in-memory store: appends", () => {
  it("appends 50,000 single events to one stream without copying what is stored", async () => {
    const store = newStore();
    const first = await store.append("long", [noted(0)], { expectedVersion: "no_stream" });
    // Record the longest array that slice, concat or iteration (spread, for-of, Array.from) runs on while appending:
    // copying or scanning the stream or the log would show.
    const { slice, concat } = Array.prototype;
    const iterate = Array.prototype[Symbol.iterator];
    let longest = 0;
    Array.prototype[Symbol.iterator] = function (this: unknown[]) {
      longest = Math.max(longest, this.length);
      return iterate.call(this);
    };
    Array.prototype.slice = function (this: unknown[], ...args: [number?, number?]) {
      longest = Math.max(longest, this.length);
      return slice.apply(this, args);
    };
    Array.prototype.concat = function (this: unknown[], ...args: unknown[]) {
      longest = Math.max(longest, this.length);
      return concat.apply(this, args);
    };
    try {
      for (let v = 1; v < 50_000; v++) await store.append("long", [noted(v)], { expectedVersion: v });
    } finally {
      Array.prototype.slice = slice;
      Array.prototype.concat = concat;
      Array.prototype[Symbol.iterator] = iterate;
    }
    expect(longest).toBeLessThan(100);
    expect(await store.streamVersion("long")).toBe(50_000);
    expect(await store.lastPosition()).toBe(50_000);
    const tail = await store.readStream("long", { fromVersion: 49_999 });
    expect(tail.events.map((e) => [e.streamVersion, e.globalPosition, e.data])).toEqual([
      [49_999, 49_999, { n: 49_998 }],
      [50_000, 50_000, { n: 49_999 }],
    ]);
    // The data returned by the first append is the one stored: reads wrap the same frozen object in an equal,
    // frozen envelope.
    const head = await store.readStream("long", { maxCount: 1 });
    expect(head.events[0]).toEqual(first.events[0]);
    expect(head.events[0]!.data).toBe(first.events[0]!.data);
    expect(Object.isFrozen(head.events[0])).toBe(true);
  });

  it("stamps recordedAt from the clock, occurredAt from it unless given, and ids from the generator unless given", async () => {
    const store = createInMemoryEventStore({
      catalog: storeCatalog,
      clock: fixedClock("2026-05-05T05:05:05Z"),
      ids: sequentialIds("gen"),
    });
    const { events } = await store.append("s", [
      noted(1),
      { ...noted(2), eventId: "mine", occurredAt: "2026-01-01T01:00:00+01:00" },
    ]);
    expect(events.map((e) => [e.eventId, e.occurredAt, e.recordedAt])).toEqual([
      ["gen-000001", "2026-05-05T05:05:05.000Z", "2026-05-05T05:05:05.000Z"],
      ["mine", "2026-01-01T00:00:00.000Z", "2026-05-05T05:05:05.000Z"],
    ]);
    expect(events.every((e) => e.tenantId === "default")).toBe(true);
  });

  it("returns a frozen result whose events are deeply frozen", async () => {
    const result = await newStore().append("s", [noted(1), tagged("t")]);
    expect(unfrozenPaths(result)).toEqual([]);
  });

  it("rejects an unknown option, naming it, rather than ignoring a misspelling", () => {
    const error = thrown(() =>
      createInMemoryEventStore({ catalog: storeCatalog, tenant: "acme", clocks: {} } as never),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([["tenant"], ["clocks"]]);
    expect(error.issues.every((i: { code: string }) => i.code === "unrecognized_keys")).toBe(true);
  });

  it("rejects invalid options at creation with every issue", () => {
    const error = thrown(() =>
      createInMemoryEventStore({ catalog: {} as never, tenantId: "bad tenant", clock: {} as never, ids: 1 as never }),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("createInMemoryEventStore");
    expect(error.issues.map((i: { path: unknown[] }) => i.path[0]).sort()).toEqual([
      "catalog",
      "clock",
      "ids",
      "tenantId",
    ]);
  });
});

describe("in-memory store: readAll", () => {
  it("reads a snapshot: events appended while iterating are not read by that iteration", async () => {
    const store = newStore();
    await store.append("a", [noted(1), noted(2), noted(3)]);
    const seen: number[] = [];
    for await (const e of store.readAll()) {
      seen.push(e.globalPosition);
      if (e.globalPosition === 1) await store.append("b", [noted(4), noted(5)]);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect((await collect(store.readAll())).map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5]);
  });

  it("each iteration of one readAll iterable starts over and sees the log as it is then", async () => {
    const store = newStore();
    await store.append("a", [noted(1)]);
    const iterable = store.readAll({ types: ["Noted"] });
    expect((await collect(iterable)).length).toBe(1);
    await store.append("a", [tagged("x"), noted(2)]);
    expect((await collect(iterable)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("applies limit after the type filter and after the position", async () => {
    const store = newStore();
    await store.append("a", [noted(1), tagged("x"), noted(2), tagged("y"), noted(3)]);
    const read = await collect(store.readAll({ after: 1, types: ["Noted"], limit: 1 }));
    expect(read.map((e) => e.globalPosition)).toEqual([3]);
    expect(await collect(store.readAll({ after: 99 }))).toEqual([]);
    expect(await collect(store.readAll({ limit: 0 }))).toEqual([]);
    expect(await collect(store.readAll({ types: [] }))).toEqual([]);
  });
});

describe("in-memory store: close", () => {
  it("rejects every operation after close, and close leaves stored data alone", async () => {
    const store = newStore();
    await store.append("s", [noted(1)]);
    await store.close();
    const append = await rejection(() => store.append("s", [noted(2)]));
    expect(isValidationError(append)).toBe(true);
    expect(append.api).toBe("InMemoryEventStore.append");
    expect(append.issues[0].code).toBe("store_closed");
    expect(isValidationError(await rejection(() => store.readStream("s")))).toBe(true);
    expect(isValidationError(await rejection(() => store.streamVersion("s")))).toBe(true);
    expect(isValidationError(thrown(() => store.readAll()))).toBe(true);
    expect(isValidationError(thrown(() => store.subscribe({ handler: () => undefined })))).toBe(true);
    expect(await store.lastPosition()).toBe(1);
  });

  it("close can be called twice", async () => {
    const store = newStore();
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
