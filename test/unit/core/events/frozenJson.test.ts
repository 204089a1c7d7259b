import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  createEventCatalog,
  defineEvent,
  frozenJson,
  jsonEquals,
  type ValidationIssue,
} from "../../../../src/index.ts";
import { objectsIn, thrown, unfrozenPaths } from "./assertions.ts";

const store = (value: unknown) => {
  const issues: ValidationIssue[] = [];
  const out = frozenJson(value, ["data"], issues);
  return { out, issues };
};

class Point {
  constructor(readonly x: number) {}
}

describe("frozenJson", () => {
  it("copies into a deeply frozen value and never freezes or shares the caller's objects", () => {
    const input = { a: [1, { b: "x" }], c: { d: null, e: true } };
    const { out, issues } = store(input);
    expect(issues).toEqual([]);
    expect(out).toEqual(input);
    expect(unfrozenPaths(out)).toEqual([]);
    expect(unfrozenPaths(input)).toHaveLength(4);
    const shared = [...objectsIn(out)].filter((o) => objectsIn(input).has(o));
    expect(shared).toEqual([]);
  });

  it("drops undefined object properties, as JSON does", () => {
    const { out } = store({ a: 1, b: undefined, c: { d: undefined } });
    expect(out).toEqual({ a: 1, c: {} });
    expect(Object.keys(out as object)).toEqual(["a", "c"]);
  });

  it("stores -0 as 0", () => {
    const { out } = store({ z: -0, list: [-0] });
    expect(Object.is((out as { z: number }).z, 0)).toBe(true);
    expect(Object.is((out as { list: number[] }).list[0], 0)).toBe(true);
  });

  it.each([
    ["NaN", { v: Number.NaN }, ["data", "v"]],
    ["Infinity", { v: Number.POSITIVE_INFINITY }, ["data", "v"]],
    ["-Infinity", [1, Number.NEGATIVE_INFINITY], ["data", 1]],
    ["a Date", { at: new Date(0) }, ["data", "at"]],
    ["a class instance", { p: new Point(1) }, ["data", "p"]],
    ["a Map", { m: new Map() }, ["data", "m"]],
    ["a bigint", { n: 1n }, ["data", "n"]],
    ["a symbol", { s: Symbol("s") }, ["data", "s"]],
    ["a function", { f: () => 1 }, ["data", "f"]],
    ["undefined in an array", { xs: [1, undefined] }, ["data", "xs", 1]],
    ["a hole in an array", { xs: new Array(3).fill(1, 0, 1).fill(3, 2) }, ["data", "xs", 1]],
    ["a top-level undefined", undefined, ["data"]],
    ["a nested bad value", { a: [{ b: { c: Number.NaN } }] }, ["data", "a", 0, "b", "c"]],
  ])("rejects %s with its path", (_label, value, path) => {
    const { out, issues } = store(value);
    expect(out).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: "not_json", path })]);
  });

  it("names the class in the message", () => {
    expect(store(new Point(1)).issues[0]!.message).toContain("Point");
  });

  it("accepts 63 levels of nesting below the value and rejects 64", () => {
    const nest = (levels: number) => {
      let v: unknown = 1;
      for (let i = 0; i < levels; i++) v = { n: v };
      return v;
    };
    expect(store(nest(64)).issues).toEqual([]);
    const { out, issues } = store(nest(65));
    expect(out).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: "too_deep", path: ["data", ...Array(64).fill("n")] })]);
  });

  it("rejects a cycle as too deep instead of overflowing the stack", () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(store(a).issues[0]!.code).toBe("too_deep");
  });

  it("accepts null-prototype objects and keeps a __proto__ key as data without touching prototypes", () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    expect(store(bare).out).toEqual({ a: 1 });
    const hostile = JSON.parse('{"__proto__":{"polluted":true},"a":1}');
    const { out } = store(hostile);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out as object, "__proto__")).toBe(true);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("does not leave its path argument changed", () => {
    const path: PropertyKey[] = ["data"];
    frozenJson({ a: [{ b: 1 }] }, path, []);
    frozenJson({ a: [{ b: Number.NaN }] }, path, []);
    expect(path).toEqual(["data"]);
  });
});

describe("jsonEquals", () => {
  it.each([
    [{ a: 1, b: [2, { c: 3 }] }, { b: [2, { c: 3 }], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: 2 }, { a: 1, c: 2 }, false],
    [[], {}, false],
    [{}, [], false],
    [null, {}, false],
    [{ 0: 1 }, [1], false],
    ["1", 1, false],
    [null, null, true],
  ])("jsonEquals(%j, %j) is %s", (a, b, expected) => {
    expect(jsonEquals(a, b)).toBe(expected);
    expect(jsonEquals(b, a)).toBe(expected);
  });
});

describe("prepare stores event data without freezing or sharing the caller's objects", () => {
  const Free = defineEvent(
    "Free",
    z.strictObject({
      any: z.any(),
      unknown: z.unknown(),
      list: z.array(z.any()).optional(),
      record: z.record(z.string(), z.json()).optional(),
      loose: z.looseObject({ id: z.string() }).optional(),
      num: z.number().optional(),
    }),
  );
  const catalog = createEventCatalog([Free]);

  it("copies values passed through z.any(), z.unknown(), arrays, records and loose objects", () => {
    const data = {
      any: { deep: { list: [1, { x: 2 }] } },
      unknown: [{ y: 3 }],
      list: [{ z: 4 }],
      record: { r: { s: [5] } },
      loose: { id: "i", extra: { t: 6 } },
    };
    const before = JSON.stringify(data);
    const [e] = catalog.prepare("api", [{ type: "Free", data }]);
    expect(unfrozenPaths(data)).toHaveLength(objectsIn(data).size);
    expect(unfrozenPaths(e!.data)).toEqual([]);
    const shared = [...objectsIn(e!.data)].filter((o) => objectsIn(data).has(o));
    expect(shared).toEqual([]);
    (data.any.deep.list[1] as { x: number }).x = 99;
    data.unknown.push({ y: 0 });
    data.loose.extra.t = 0;
    expect(JSON.stringify(e!.data)).toBe(before);
  });

  it("rejects values JSON cannot carry under z.any(), with their path", () => {
    const error = thrown(() =>
      catalog.prepare("api", [{ type: "Free", data: { any: { when: new Date(0) }, unknown: [1, Number.NaN] } }]),
    );
    expect(error.issues.map((i: ValidationIssue) => i.path)).toEqual([[0, "data", "any", "when"]]);
    const second = thrown(() => catalog.prepare("api", [{ type: "Free", data: { any: 1, unknown: [1, Number.NaN] } }]));
    expect(second.path).toEqual([0, "data", "unknown", 1]);
  });

  it("does not freeze an object shared through a schema default", () => {
    const fallback = { tags: ["none"], owner: { id: "o" } };
    const WithDefault = defineEvent(
      "WithDefault",
      z.strictObject({ meta: z.strictObject({ tags: z.array(z.string()), owner: z.any() }).default(fallback) }),
    );
    const c = createEventCatalog([WithDefault]);
    const [a] = c.prepare("api", [{ type: "WithDefault", data: {} }]);
    const [b] = c.prepare("api", [{ type: "WithDefault", data: {} }]);
    expect(unfrozenPaths(fallback)).toHaveLength(3);
    expect(a!.data).toEqual({ meta: fallback });
    expect(b!.data).toEqual({ meta: fallback });
    expect(unfrozenPaths(a!.data)).toEqual([]);
  });

  it("does not freeze a caller's object that a transform moved to another key", () => {
    const Moved = defineEvent(
      "Moved",
      z.strictObject({ a: z.any() }).transform((d) => ({ moved: d.a })),
    );
    const mine = { k: { j: 1 } };
    const [e] = createEventCatalog([Moved]).prepare("api", [{ type: "Moved", data: { a: mine } }]);
    expect(Object.isFrozen(mine)).toBe(false);
    expect(Object.isFrozen(mine.k)).toBe(false);
    expect(e!.data).toEqual({ moved: { k: { j: 1 } } });
    expect(unfrozenPaths(e!.data)).toEqual([]);
  });

  it("drops undefined keys the schema kept, and stores -0 as 0", () => {
    const [e] = catalog.prepare("api", [{ type: "Free", data: { any: { u: undefined, z: -0 }, unknown: undefined } }]);
    expect(e!.data).toEqual({ any: { z: 0 } });
    expect(Object.keys(e!.data as object)).toEqual(["any"]);
    expect(Object.is((e!.data as { any: { z: number } }).any.z, 0)).toBe(true);
  });

  it("stores -0 as 0 in an object the schema built, too", () => {
    const [e] = catalog.prepare("api", [{ type: "Free", data: { any: 1, unknown: 1, num: -0 } }]);
    expect(Object.is((e!.data as { num: number }).num, 0)).toBe(true);
    expect(JSON.stringify(e!.data)).toBe('{"any":1,"unknown":1,"num":0}');
  });

  it("stores only own keys when some code has added enumerable keys to Object.prototype", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.injectedText = "x";
    proto.injectedObject = { deep: [1] };
    proto.injectedUndefined = undefined;
    try {
      // A strict object's parse would report the inherited keys as unknown ones; a plain object strips them.
      const Plain = defineEvent("Plain", z.object({ any: z.any(), unknown: z.unknown(), num: z.number() }));
      const [e] = createEventCatalog([Plain]).prepare("api", [
        { type: "Plain", data: { any: { a: 1 }, unknown: [2], num: 3 } },
      ]);
      const data = e!.data as Record<string, unknown>;
      expect(Object.keys(data)).toEqual(["any", "unknown", "num"]);
      for (const key of ["injectedText", "injectedObject", "injectedUndefined"]) {
        expect(Object.hasOwn(data, key)).toBe(false);
        expect(Object.hasOwn(data.any as object, key)).toBe(false);
      }
      expect(unfrozenPaths(data)).toEqual([]);
      expect(proto.injectedObject).toEqual({ deep: [1] });
      expect(Object.isFrozen(proto.injectedObject)).toBe(false);
    } finally {
      delete proto.injectedText;
      delete proto.injectedObject;
      delete proto.injectedUndefined;
    }
  });

  it("property: any JSON value under z.json() is stored exactly as JSON would carry it, deeply frozen", () => {
    const Json = defineEvent("Json", z.strictObject({ v: z.json() }));
    const c = createEventCatalog([Json]);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const input = { v };
        const snapshot = JSON.stringify(input);
        const [e] = c.prepare("api", [{ type: "Json", data: input }]);
        const expected = JSON.parse(snapshot);
        expect(e!.data).toEqual(expected);
        expect(jsonEquals(e!.data, expected)).toBe(true);
        expect(JSON.stringify(e!.data)).toBe(snapshot);
        expect(unfrozenPaths(e!.data)).toEqual([]);
        expect(JSON.stringify(input)).toBe(snapshot);
        expect(unfrozenPaths(input)).toHaveLength(objectsIn(input).size);
      }),
    );
  });
});
