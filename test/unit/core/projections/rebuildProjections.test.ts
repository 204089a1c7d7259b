import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createEventCatalog,
  createInMemoryEventStore,
  defineEvent,
  defineProjection,
  type EventEnvelope,
  type EventOf,
  type EventStore,
  fold,
  isValidationError,
  type Projection,
  rebuildProjection,
  rebuildProjections,
} from "../../../../src/index.ts";
import { rejection, unfrozenPaths } from "../events/assertions.ts";

const Won = defineEvent("Won", z.strictObject({ rep: z.string(), amount: z.number().int() }));
const Lost = defineEvent("Lost", z.strictObject({ rep: z.string() }));
const Noise = defineEvent("Noise", z.strictObject({}));
const catalog = createEventCatalog([Won, Lost, Noise]);
type Ev = EventOf<typeof Won> | EventOf<typeof Lost> | EventOf<typeof Noise>;

const won = (rep: string, amount: number) => ({ type: "Won" as const, data: { rep, amount } });
const lost = (rep: string) => ({ type: "Lost" as const, data: { rep } });
const noise = { type: "Noise" as const, data: {} };

const byRep = defineProjection({
  name: "byRep",
  events: catalog,
  initialState: () => ({ won: {} as Record<string, number>, lost: 0 }),
  handlers: {
    Won: (draft, e) => void (draft.won[e.data.rep] = (draft.won[e.data.rep] ?? 0) + e.data.amount),
    Lost: (draft) => void (draft.lost += 1),
  },
});
const lossesByRep = defineProjection({
  name: "lossesByRep",
  events: catalog,
  initialState: () => ({ reps: [] as string[] }),
  handlers: { Lost: (draft, e) => void draft.reps.push(e.data.rep) },
});
const seen = defineProjection({
  name: "seen",
  events: catalog,
  initialState: () => ({ positions: [] as number[] }),
  handlers: {
    Won: (draft, e) => void draft.positions.push(e.globalPosition),
    Noise: (draft, e) => void draft.positions.push(e.globalPosition),
  },
});
/** Keeps the data of the last win and, on an even amount, writes into it: frozen event data. */
const writesIntoData = defineProjection({
  name: "writesIntoData",
  events: catalog,
  initialState: () => ({ last: undefined as { rep: string; amount: number; seen?: number } | undefined, count: 0 }),
  handlers: {
    Won: (draft, e) => {
      if (draft.last && e.data.amount % 2 === 0) draft.last.seen = e.globalPosition;
      else draft.last = e.data;
      draft.count += 1;
    },
  },
});

/** Records the options of every readAll, and can report a head lower than the log's. */
function spying(store: EventStore<Ev>, head?: number) {
  const reads: unknown[] = [];
  const wrapped: EventStore<Ev> = {
    ...store,
    readAll: (options) => {
      reads.push(options);
      return store.readAll(options);
    },
    lastPosition: async () => head ?? store.lastPosition(),
  };
  return { store: wrapped, reads };
}

/** A store whose readAll is a plain async generator: no batches, as a store of your own might be. */
function plainReads(store: EventStore<Ev>): EventStore<Ev> {
  return {
    ...store,
    readAll: (options) => ({
      async *[Symbol.asyncIterator]() {
        for await (const e of store.readAll(options)) yield e;
      },
    }),
  };
}

async function mixedStore(events = 2_500) {
  const store = createInMemoryEventStore({ catalog });
  const batch = Array.from({ length: events }, (_, i) =>
    i % 7 === 3 ? lost(`r${i % 5}`) : i % 11 === 5 ? noise : won(`r${i % 3}`, i),
  );
  for (let i = 0; i < batch.length; i += 500) await store.append(`s-${i % 3}`, batch.slice(i, i + 500));
  return store;
}

describe("rebuildProjections", () => {
  it("gives every projection the state rebuildProjection gives it alone, all at the same position", async () => {
    const store = await mixedStore();
    const projections = [byRep, lossesByRep, seen, writesIntoData] as const;
    const together = await rebuildProjections(store, projections);
    expect(together).toHaveLength(4);
    for (const [i, p] of projections.entries()) {
      expect(together[i]).toEqual(await rebuildProjection(store, p as Projection<Ev, unknown>));
      expect(together[i]!.position).toBe(2_500);
      expect(unfrozenPaths(together[i]!.state)).toEqual([]);
    }
    // And the same as a fold of the whole log.
    const all: EventEnvelope[] = [];
    for await (const e of store.readAll()) all.push(e);
    expect(together[0].state).toEqual(fold(byRep, all as never));
    expect(together[2].state.positions).toEqual(
      all.filter((e) => e.type === "Won" || e.type === "Noise").map((e) => e.globalPosition),
    );
  });

  it("reads the log once, for the union of the handled types", async () => {
    const { store, reads } = spying(await mixedStore(50));
    await rebuildProjections(store, [byRep, lossesByRep, seen]);
    expect(reads).toEqual([{ types: ["Won", "Lost", "Noise"] }]);
  });

  it("stops every projection at the head it read first", async () => {
    const inner = await mixedStore(100);
    const { store } = spying(inner, 40);
    const [a, b, c] = await rebuildProjections(store, [byRep, lossesByRep, seen]);
    expect([a.position, b.position, c.position]).toEqual([40, 40, 40]);
    expect(c.state.positions.every((p) => p <= 40)).toBe(true);
    expect(c.state.positions.at(-1)).toBe(40);
    const head40: EventEnvelope[] = [];
    for await (const e of inner.readAll({ limit: 40 })) head40.push(e);
    expect(a.state).toEqual(fold(byRep, head40 as never));
  });

  it("reads through the asynchronous iterator of a store that offers no batches, with the same result", async () => {
    const store = await mixedStore(12_345);
    const projections = [byRep, lossesByRep, seen, writesIntoData] as const;
    expect(await rebuildProjections(plainReads(store), projections)).toEqual(
      await rebuildProjections(store, projections),
    );
  });

  it("replays a projection that writes into event data through immer, without disturbing the others", async () => {
    const store = createInMemoryEventStore({ catalog });
    // Across several read batches; the last (even) win writes into the data the one before stored.
    await store.append(
      "a",
      Array.from({ length: 10_051 }, (_, i) => (i % 10 === 0 && i < 10_000 ? lost(`r${i}`) : won(`r${i % 3}`, i))),
    );
    const [alone] = await rebuildProjections(store, [writesIntoData]);
    const [first, data, last] = await rebuildProjections(store, [byRep, writesIntoData, lossesByRep]);
    const all: EventEnvelope[] = [];
    for await (const e of store.readAll()) all.push(e);
    expect(data.state).toEqual(fold(writesIntoData, all as never));
    expect(data.state).toEqual({ last: { rep: "r2", amount: 10_049, seen: 10_051 }, count: 9_051 });
    expect(alone).toEqual(data);
    expect(first.state).toEqual(fold(byRep, all as never));
    expect(last.state.reps).toHaveLength(1_000);
    expect([first.position, data.position, last.position]).toEqual([10_051, 10_051, 10_051]);
    expect(unfrozenPaths(data.state)).toEqual([]);
    // The stored event the handler tried to write into is unchanged.
    expect(all[10_049]!.data).toEqual({ rep: "r2", amount: 10_049 });
  });

  it("gives each projection its own state, even when the same projection is given twice", async () => {
    const store = await mixedStore(30);
    const [a, b] = await rebuildProjections(store, [byRep, byRep]);
    expect(a.state).toEqual(b.state);
    expect(a.state).not.toBe(b.state);
  });

  it("rejects with the handler's error when it is not a write into frozen data", async () => {
    const store = await mixedStore(30);
    const failing = defineProjection({
      name: "failing",
      events: catalog,
      initialState: () => ({}),
      handlers: {
        Lost: () => {
          throw new RangeError("boom");
        },
      },
    });
    const error = await rejection(() => rebuildProjections(store, [byRep, failing]));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe("boom");
  });

  it("does not read for projections without handlers, and returns their initial state at the head", async () => {
    const inner = await mixedStore(10);
    const { store, reads } = spying(inner);
    const empty = defineProjection({ name: "empty", events: catalog, initialState: () => ({ n: 0 }), handlers: {} });
    expect(await rebuildProjections(store, [empty])).toEqual([{ state: { n: 0 }, position: 10 }]);
    expect(await rebuildProjections(store, [])).toEqual([]);
    expect(reads).toEqual([]);
  });

  it("rejects what is not a list of projections", async () => {
    const store = createInMemoryEventStore({ catalog });
    const notAList = await rejection(() => rebuildProjections(store, byRep as never));
    expect(isValidationError(notAList)).toBe(true);
    const notAProjection = await rejection(() => rebuildProjections(store, [byRep, { name: "x" }] as never));
    expect(isValidationError(notAProjection)).toBe(true);
    expect(notAProjection.issues.map((i: { path: unknown[] }) => i.path)).toEqual([["projections", 1]]);
  });
});
