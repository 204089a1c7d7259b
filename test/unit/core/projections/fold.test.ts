import { describe, expect, it } from "vitest";
import { type AnyEvent, defineProjection, type EventEnvelope, fold } from "../../../../src/index.ts";
import { thrown, unfrozenPaths } from "../events/assertions.ts";
import { envelope } from "./envelopes.ts";

type Ev =
  | { type: "Added"; data: { key: string; n: number } }
  | { type: "Noted"; data: { note: { text: string; x?: number } } };
type State = {
  totals: Record<string, number>;
  notes: { text: string; x?: number }[];
  last?: { text: string; x?: number };
};

let calls = 0;
const summary = defineProjection<Ev, State>({
  name: "summary",
  initialState: () => ({ totals: {}, notes: [] }),
  handlers: {
    Added: (draft, e) => {
      calls += 1;
      draft.totals[e.data.key] = (draft.totals[e.data.key] ?? 0) + e.data.n;
    },
    Noted: (draft, e) => {
      calls += 1;
      draft.notes.push({ ...e.data.note });
    },
  },
});

const added = (p: number, key: string, n: number) =>
  envelope(p, { type: "Added", data: { key, n } }) as EventEnvelope<Ev>;
const noted = (p: number, text: string) =>
  envelope(p, { type: "Noted", data: { note: { text } } }) as EventEnvelope<Ev>;

describe("fold", () => {
  it("folds from the initial state, calling each handler once per event and skipping unhandled types", () => {
    calls = 0;
    const other = envelope(3, { type: "Ignored", data: {} }) as unknown as EventEnvelope<Ev>;
    const state = fold(summary, [added(1, "a", 2), noted(2, "hi"), other, added(4, "a", 3)]);
    expect(state).toEqual({ totals: { a: 5 }, notes: [{ text: "hi" }] });
    expect(calls).toBe(3);
  });

  it("returns the initial state, frozen, for no events", () => {
    const state = fold(summary, []);
    expect(state).toEqual({ totals: {}, notes: [] });
    expect(unfrozenPaths(state)).toEqual([]);
  });

  it("returns deeply frozen states on both paths, including objects the handlers created", () => {
    const first = fold(summary, [added(1, "a", 1), noted(2, "x")]);
    expect(unfrozenPaths(first)).toEqual([]);
    const next = fold(summary, [noted(3, "y"), added(4, "b", 1)], first);
    expect(unfrozenPaths(next)).toEqual([]);
  });

  it("never changes the state it continues from, and shares what did not change", () => {
    const first = fold(summary, [added(1, "a", 1), noted(2, "x")]);
    const before = structuredClone(first);
    const next = fold(summary, [added(3, "a", 5), noted(4, "y")], first);
    expect(first).toEqual(before);
    expect(next).toEqual({ totals: { a: 6 }, notes: [{ text: "x" }, { text: "y" }] });
    expect(next.notes[0]).toBe(first.notes[0]);
    expect(fold(summary, [], first)).toBe(first);
  });

  it("does not change the values of a plain, unfrozen state given to it", () => {
    const mine: State = { totals: { a: 1 }, notes: [{ text: "mine" }] };
    const next = fold(summary, [added(1, "a", 1), noted(2, "z")], mine);
    expect(mine).toEqual({ totals: { a: 1 }, notes: [{ text: "mine" }] });
    expect(next).toEqual({ totals: { a: 2 }, notes: [{ text: "mine" }, { text: "z" }] });
  });

  it("starts every fold from a fresh initial state", () => {
    const a = fold(summary, [added(1, "a", 1)]);
    const b = fold(summary, [added(1, "b", 1)]);
    expect(a).toEqual({ totals: { a: 1 }, notes: [] });
    expect(b).toEqual({ totals: { b: 1 }, notes: [] });
  });
});

describe("fold: handlers that write into frozen event data", () => {
  // `draft.last = event.data.note` puts the frozen event object into the state; a later event then mutates it. The
  // in-place path cannot, so the fold falls back to immer, which must still produce the right result.
  const keepsLast = defineProjection<Ev, State>({
    name: "keepsLast",
    initialState: () => ({ totals: {}, notes: [] }),
    handlers: {
      Noted: (draft, e) => {
        draft.last = e.data.note;
      },
      Added: (draft, e) => {
        if (draft.last) draft.last.x = (draft.last.x ?? 0) + e.data.n;
        draft.totals[e.data.key] = (draft.totals[e.data.key] ?? 0) + e.data.n;
      },
    },
  });

  it("gives the right result from scratch, within one batch", () => {
    const events = [noted(1, "a"), added(2, "k", 2), added(3, "k", 3), noted(4, "b"), added(5, "k", 1)];
    const state = fold(keepsLast, events);
    expect(state).toEqual({ totals: { k: 6 }, notes: [], last: { text: "b", x: 1 } });
    expect(unfrozenPaths(state)).toEqual([]);
    expect(events.map((e) => e.data)).toEqual([
      { note: { text: "a" } },
      { key: "k", n: 2 },
      { key: "k", n: 3 },
      { note: { text: "b" } },
      { key: "k", n: 1 },
    ]);
  });

  it("gives the right result continuing from a state, within one batch and across batches", () => {
    const base = fold(keepsLast, [noted(1, "a")]);
    const next = fold(keepsLast, [added(2, "k", 2), noted(3, "b"), added(4, "k", 5)], base);
    expect(next).toEqual({ totals: { k: 7 }, notes: [], last: { text: "b", x: 5 } });
    expect(base).toEqual({ totals: {}, notes: [], last: { text: "a" } });
    const from = fold(keepsLast, [noted(1, "a"), added(2, "k", 2), noted(3, "b"), added(4, "k", 5)]);
    expect(from).toEqual(next);
  });

  it("lets a genuine handler bug through, on both paths, without a second try hiding it", () => {
    const bug = new Error("handler bug");
    let runs = 0;
    const broken = defineProjection<AnyEvent, { n: number }>({
      name: "broken",
      initialState: () => ({ n: 0 }),
      handlers: {
        Boom: () => {
          runs += 1;
          throw bug;
        },
      },
    });
    const boom = envelope(1, { type: "Boom", data: {} });
    expect(thrown(() => fold(broken, [boom]))).toBe(bug);
    expect(runs).toBe(1);
    expect(thrown(() => fold(broken, [boom, boom], { n: 0 }))).toBe(bug);
    expect(runs).toBe(2);
  });

  it("lets a TypeError that is not a frozen write through", () => {
    const broken = defineProjection<AnyEvent, { list?: number[] }>({
      name: "typeError",
      initialState: () => ({}),
      handlers: { Push: (draft) => void draft.list!.push(1) },
    });
    const error = thrown(() => fold(broken, [envelope(1, { type: "Push", data: {} })]));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/undefined/);
  });
});
