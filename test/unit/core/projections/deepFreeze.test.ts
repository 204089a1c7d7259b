import { describe, expect, it } from "vitest";
import { _deepFreeze } from "../../../../src/core/projections/deepFreeze.ts";
import { unfrozenPaths } from "../events/assertions.ts";

describe("_deepFreeze", () => {
  it("freezes nested plain objects and arrays, and returns the same value", () => {
    const state = { a: { b: [1, { c: 2 }], d: null }, e: [[{ f: "x" }]], g: Object.create(null) as object };
    expect(_deepFreeze(state)).toBe(state);
    expect(unfrozenPaths(state)).toEqual([]);
    expect(Object.isFrozen(state.g)).toBe(true);
    expect(() => {
      (state.e[0]![0] as { f: string }).f = "y";
    }).toThrow(TypeError);
  });

  it("leaves primitives alone and does not walk into what is already frozen", () => {
    expect(_deepFreeze(5)).toBe(5);
    expect(_deepFreeze(null)).toBe(null);
    const inner = { mutable: { n: 1 } };
    const shared = Object.freeze({ inner });
    _deepFreeze({ shared });
    // Already frozen: not walked again, as immer's freeze does.
    expect(Object.isFrozen(inner)).toBe(false);
  });

  it("treats Maps, Sets and class instances as immer does", () => {
    class Point {
      constructor(public x: number) {}
    }
    const state = { byId: new Map([["a", { n: 1 }]]), tags: new Set([{ t: 1 }]), point: new Point(1) };
    _deepFreeze(state);
    expect(Object.isFrozen(state.byId)).toBe(true);
    expect(Object.isFrozen(state.byId.get("a"))).toBe(true);
    expect(() => state.byId.set("b", { n: 2 })).toThrow();
    expect(Object.isFrozen([...state.tags][0])).toBe(true);
    // Not draftable for immer: left as it is.
    expect(Object.isFrozen(state.point)).toBe(false);
  });

  it("skips holes in arrays", () => {
    const sparse: ({ n: number } | undefined)[] = [];
    sparse[3] = { n: 1 };
    _deepFreeze(sparse);
    expect(Object.isFrozen(sparse)).toBe(true);
    expect(Object.isFrozen(sparse[3])).toBe(true);
  });
});
