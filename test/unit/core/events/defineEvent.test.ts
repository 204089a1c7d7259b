import { z } from "zod";
import { describe, expect, it } from "vitest";
import { createEventCatalog, defineEvent, type EventUpcaster, isValidationError } from "../../../../src/index.ts";
import { thrown } from "./assertions.ts";

const step = (version: number): EventUpcaster => ({ version, schema: z.any(), upcast: (d) => d });
const data = z.strictObject({ n: z.number() });

describe("defineEvent", () => {
  it("defaults to version 1 without upcasters, and returns a frozen definition", () => {
    const def = defineEvent("Counted", data);
    expect(def).toMatchObject({ type: "Counted", version: 1, upcasters: [] });
    expect(def.schema).toBe(data);
    expect(Object.isFrozen(def)).toBe(true);
    expect(Object.isFrozen(def.upcasters)).toBe(true);
  });

  it("infers the version from the newest upcaster and sorts upcasters given out of order", () => {
    const def = defineEvent("Counted", data, { upcasters: [step(2), step(1)] });
    expect(def.version).toBe(3);
    expect(def.upcasters.map((u) => u.version)).toEqual([1, 2]);
  });

  it("accepts an explicit version matching the upcasters", () => {
    expect(defineEvent("Counted", data, { version: 2, upcasters: [step(1)] }).version).toBe(2);
  });

  it("does not sort the caller's upcaster array in place", () => {
    const given = [step(2), step(1)];
    defineEvent("Counted", data, { upcasters: given });
    expect(given.map((u) => u.version)).toEqual([2, 1]);
  });

  it.each([
    ["a gap", { upcasters: [step(1), step(3)] }, ["upcasters", 1]],
    ["a repeated version", { upcasters: [step(1), step(1)] }, ["upcasters", 1]],
    ["no version 1", { upcasters: [step(2)] }, ["upcasters", 0]],
    ["too few for the version", { version: 3, upcasters: [step(1)] }, ["upcasters"]],
    ["none for version 2", { version: 2 }, ["upcasters"]],
    ["one at the current version", { version: 2, upcasters: [step(1), step(2)] }, ["upcasters"]],
  ] as const)("rejects %s", (_label, options, path) => {
    const error = thrown(() => defineEvent("Counted", data, options));
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe('defineEvent("Counted")');
    expect(error.issues).toContainEqual(expect.objectContaining({ code: "missing_upcaster", path }));
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects version %s", (version) => {
    const error = thrown(() => defineEvent("Counted", data, { version }));
    expect(error.issues).toContainEqual(expect.objectContaining({ code: "invalid_version", path: ["version"] }));
  });

  it.each(["", "x".repeat(201)])("rejects the type name %j", (type) => {
    const error = thrown(() => defineEvent(type, data));
    expect(error.issues).toContainEqual(expect.objectContaining({ code: "invalid_event_type", path: ["type"] }));
  });

  it("accepts a 200-character type name", () => {
    expect(defineEvent("x".repeat(200), data).type).toHaveLength(200);
  });
});

describe("createEventCatalog", () => {
  const A = defineEvent("A", data);
  const B = defineEvent("B", data);
  const C = defineEvent("C", data);

  it("lists types and definitions in registration order, merging catalogs", () => {
    const catalog = createEventCatalog([B, createEventCatalog([C, A])]);
    expect(catalog.types).toEqual(["B", "C", "A"]);
    expect(catalog.definitions).toEqual([B, C, A]);
    expect(catalog.definition("C")).toBe(C);
    expect(catalog.definition("Z")).toBeUndefined();
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(catalog.types)).toBe(true);
  });

  it("rejects a type defined twice, even with another schema, and reports every duplicate", () => {
    const error = thrown(() =>
      createEventCatalog([A, defineEvent("A", z.strictObject({})), createEventCatalog([B, C]), B]),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("createEventCatalog");
    expect(error.issues).toEqual([
      expect.objectContaining({ code: "duplicate_event_type", path: [1] }),
      expect.objectContaining({ code: "duplicate_event_type", path: [3] }),
    ]);
  });

  it("rejects a duplicate coming from a merged catalog with a path into it", () => {
    const error = thrown(() => createEventCatalog([A, createEventCatalog([B, A])]));
    expect(error.issues).toEqual([expect.objectContaining({ code: "duplicate_event_type", path: [1, 1] })]);
    expect(error.message).toContain('event type "A" is defined twice');
  });

  it("does not treat definition() lookups as prototype lookups", () => {
    const catalog = createEventCatalog([A]);
    expect(catalog.definition("constructor")).toBeUndefined();
    expect(catalog.definition("__proto__")).toBeUndefined();
    expect(catalog.definition("toString")).toBeUndefined();
  });
});
