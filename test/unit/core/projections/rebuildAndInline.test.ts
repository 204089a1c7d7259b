import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  createEventCatalog,
  createInMemoryEventStore,
  defineEvent,
  defineProjection,
  type EventOf,
  type EventStore,
  fold,
  inlineProjection,
  rebuildProjection,
} from "../../../../src/index.ts";
import { unfrozenPaths } from "../events/assertions.ts";

const Won = defineEvent("Won", z.strictObject({ rep: z.string(), amount: z.number().int() }));
const Lost = defineEvent("Lost", z.strictObject({ rep: z.string() }));
const Noise = defineEvent("Noise", z.strictObject({}));
const catalog = createEventCatalog([Won, Lost, Noise]);
type Ev = EventOf<typeof Won> | EventOf<typeof Lost> | EventOf<typeof Noise>;

const byRep = defineProjection({
  name: "byRep",
  events: catalog,
  initialState: () => ({ won: {} as Record<string, number>, lost: 0 }),
  handlers: {
    Won: (draft, e) => void (draft.won[e.data.rep] = (draft.won[e.data.rep] ?? 0) + e.data.amount),
    Lost: (draft) => void (draft.lost += 1),
  },
});

const won = (rep: string, amount: number) => ({ type: "Won" as const, data: { rep, amount } });
const noise = { type: "Noise" as const, data: {} };

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

describe("rebuildProjection", () => {
  it("reads only the handled types, and reports the head even when the last events are not handled", async () => {
    const inner = createInMemoryEventStore({ catalog });
    await inner.append("a", [won("ana", 5), noise, { type: "Lost", data: { rep: "bo" } }, won("ana", 2), noise, noise]);
    const { store, reads } = spying(inner);
    const result = await rebuildProjection(store, byRep);
    expect(result).toEqual({ state: { won: { ana: 7 }, lost: 1 }, position: 6 });
    expect(reads).toEqual([{ types: ["Won", "Lost"] }]);
    expect(unfrozenPaths(result.state)).toEqual([]);
  });

  it("stops at the head it read first, leaving later events to the caller", async () => {
    const inner = createInMemoryEventStore({ catalog });
    await inner.append("a", [won("ana", 1), won("ana", 10), won("ana", 100)]);
    const { store } = spying(inner, 2);
    expect(await rebuildProjection(store, byRep)).toEqual({ state: { won: { ana: 11 }, lost: 0 }, position: 2 });
  });

  it("does not read at all for a projection without handlers", async () => {
    const inner = createInMemoryEventStore({ catalog });
    await inner.append("a", [won("ana", 1)]);
    const { store, reads } = spying(inner);
    const empty = defineProjection({ name: "empty", events: catalog, initialState: () => ({ n: 0 }), handlers: {} });
    expect(await rebuildProjection(store, empty)).toEqual({ state: { n: 0 }, position: 1 });
    expect(reads).toEqual([]);
  });

  it("gives an empty store's initial state at position 0", async () => {
    expect(await rebuildProjection(createInMemoryEventStore({ catalog }), byRep)).toEqual({
      state: { won: {}, lost: 0 },
      position: 0,
    });
  });

  it("equals a fold of the whole log across more than one read batch, and falls back when handlers write into event data", async () => {
    const keepsLast = defineProjection({
      name: "keepsLast",
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
    const store = createInMemoryEventStore({ catalog });
    // 10,051 events: more than one batch of the rebuild; the last (even) one writes into the data the one before stored.
    await store.append(
      "a",
      Array.from({ length: 10_051 }, (_, i) => won(`r${i % 3}`, i)),
    );
    const rebuilt = await rebuildProjection(store, keepsLast);
    const all = [];
    for await (const e of store.readAll()) all.push(e);
    expect(rebuilt.state).toEqual(fold(keepsLast, all));
    expect(rebuilt.state).toEqual({ last: { rep: "r2", amount: 10_049, seen: 10_051 }, count: 10_051 });
    expect(rebuilt.position).toBe(10_051);
    expect(all[10_049]!.data).toEqual({ rep: "r2", amount: 10_049 });
    expect(unfrozenPaths(rebuilt.state)).toEqual([]);
  });
});

describe("inlineProjection", () => {
  it("starts from the initial state, frozen, at position 0", () => {
    const live = inlineProjection(byRep);
    expect(live).toMatchObject({ name: "byRep", position: 0, state: { won: {}, lost: 0 } });
    expect(unfrozenPaths(live.state)).toEqual([]);
  });

  it("continues from a rebuilt state and stays equal to a rebuild of the whole log", async () => {
    const first = createInMemoryEventStore({ catalog });
    await first.append("a", [won("ana", 5), won("bo", 1)]);
    const from = await rebuildProjection(first, byRep);
    const live = inlineProjection(byRep, from);
    expect(live.state).toBe(from.state);
    expect(live.position).toBe(2);
    // A store that already holds the same two events, then takes more with the inline projection attached.
    const store = createInMemoryEventStore({ catalog, inline: [live] });
    const before = from.state;
    await store.append("x", [noise, noise]);
    expect(live.state).toBe(before);
    expect(live.position).toBe(2);
    await store.append("b", [won("ana", 10), { type: "Lost", data: { rep: "cy" } }]);
    expect(live.state).toEqual({ won: { ana: 15, bo: 1 }, lost: 1 });
    expect(live.position).toBe(4);
    expect(before).toEqual({ won: { ana: 5, bo: 1 }, lost: 0 });
    expect(unfrozenPaths(live.state)).toEqual([]);
  });

  it("moves its position past batches of types it does not handle, keeping the same state object", async () => {
    const live = inlineProjection(byRep);
    const store = createInMemoryEventStore({ catalog, inline: [live] });
    await store.append("a", [won("ana", 1)]);
    const state = live.state;
    await store.append("a", [noise, noise, noise]);
    expect(live.state).toBe(state);
    expect(live.position).toBe(4);
    expect((await rebuildProjection(store, byRep)).state).toEqual(live.state);
  });
});
