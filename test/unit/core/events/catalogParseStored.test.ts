import { z } from "zod";
import { describe, expect, it } from "vitest";
import { createEventCatalog, defineEvent, type EventEnvelope, isValidationError } from "../../../../src/index.ts";
import { thrown, unfrozenPaths } from "./assertions.ts";

// RepRenamed: v1 { name }, v2 { fullName }, v3 { fullName, initials }.
const v1 = z.strictObject({ name: z.string() });
const v2 = z.strictObject({ fullName: z.string() });
const v3 = z.strictObject({ fullName: z.string(), initials: z.string() });
const calls: string[] = [];
const RepRenamed = defineEvent("RepRenamed", v3, {
  upcasters: [
    {
      version: 2,
      schema: v2,
      upcast: (d: z.infer<typeof v2>) => {
        calls.push("2->3");
        return {
          fullName: d.fullName,
          initials: d.fullName
            .split(" ")
            .map((w) => w[0])
            .join(""),
        };
      },
    },
    {
      version: 1,
      schema: v1,
      upcast: (d: z.infer<typeof v1>) => {
        calls.push("1->2");
        return { fullName: d.name };
      },
    },
  ],
});
const Plain = defineEvent("Plain", z.strictObject({ n: z.number() }));
const catalog = createEventCatalog([RepRenamed, Plain]);

const row = (type: string, data: unknown, schemaVersion: number, extra: Record<string, unknown> = {}) => ({
  type,
  data,
  metadata: { schemaVersion, actor: "user:ana" },
  eventId: "evt-1",
  streamId: "rep-1",
  streamVersion: 3,
  globalPosition: 42,
  occurredAt: "2026-07-01T09:00:00+02:00",
  recordedAt: "2026-07-01T07:00:01Z",
  tenantId: "acme",
  ...extra,
});

describe("EventCatalog upcasting", () => {
  it("lifts v1 through every step to v3, in order, once each", () => {
    calls.length = 0;
    const e = catalog.parseStored("Reader", row("RepRenamed", { name: "Ana Lima" }, 1));
    expect(calls).toEqual(["1->2", "2->3"]);
    expect(e.data).toEqual({ fullName: "Ana Lima", initials: "AL" });
    expect(e.metadata).toEqual({ schemaVersion: 3, actor: "user:ana" });
  });

  it("lifts v2 with the last step only", () => {
    calls.length = 0;
    const e = catalog.parseStored("Reader", row("RepRenamed", { fullName: "Bo Chen" }, 2));
    expect(calls).toEqual(["2->3"]);
    expect(e.data).toEqual({ fullName: "Bo Chen", initials: "BC" });
  });

  it("returns a current envelope unchanged by upcast, and does not call any step", () => {
    calls.length = 0;
    const current = catalog.parseStored("Reader", row("RepRenamed", { fullName: "Cy", initials: "C" }, 3));
    expect(catalog.upcast(current)).toBe(current);
    expect(calls).toEqual([]);
  });

  it("rejects what an upcaster produces when it does not fit the current schema", () => {
    const Broken = defineEvent("Broken", z.strictObject({ b: z.number() }), {
      upcasters: [
        { version: 1, schema: z.strictObject({ a: z.number() }), upcast: (d: { a: number }) => ({ b: String(d.a) }) },
      ],
    });
    const error = thrown(() => createEventCatalog([Broken]).parseStored("Reader", row("Broken", { a: 1 }, 1)));
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("EventCatalog.upcast(Broken v1)");
    expect(error.path).toEqual(["data", "b"]);
  });

  it("returns upcast envelopes that are deeply frozen and keeps every other field", () => {
    const e = catalog.parseStored("Reader", row("RepRenamed", { name: "Ana Lima" }, 1));
    expect(unfrozenPaths(e)).toEqual([]);
    expect(e).toMatchObject({
      eventId: "evt-1",
      streamId: "rep-1",
      streamVersion: 3,
      globalPosition: 42,
      tenantId: "acme",
    });
  });
});

describe("EventCatalog.parseStored", () => {
  it("returns a frozen copy with instants in UTC, leaving the raw row untouched", () => {
    const raw = row("Plain", { n: 1 }, 1);
    const e = catalog.parseStored("Reader", raw);
    expect(e.occurredAt).toBe("2026-07-01T07:00:00.000Z");
    expect(e.recordedAt).toBe("2026-07-01T07:00:01.000Z");
    expect(unfrozenPaths(e)).toEqual([]);
    expect(Object.isFrozen(raw)).toBe(false);
    expect(Object.isFrozen(raw.data)).toBe(false);
    expect(Object.isFrozen(raw.metadata)).toBe(false);
    raw.data = { n: 2 };
    expect(e.data).toEqual({ n: 1 });
  });

  it.each([
    ["a missing field", { globalPosition: undefined }, ["globalPosition"]],
    ["an unknown field", { colour: "red" }, ["colour"]],
    ["a bad tenant", { tenantId: "-acme" }, ["tenantId"]],
    ["version 0", { streamVersion: 0 }, ["streamVersion"]],
    ["a position as a string", { globalPosition: "42" }, ["globalPosition"]],
    ["a local time", { recordedAt: "2026-07-01T07:00:01" }, ["recordedAt"]],
    ["a bad event id", { eventId: "a b" }, ["eventId"]],
    ["an empty stream id", { streamId: "" }, ["streamId"]],
  ])("rejects an envelope with %s", (_label, extra, path) => {
    const error = thrown(() => catalog.parseStored("SqliteEventStore.readStream", row("Plain", { n: 1 }, 1, extra)));
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("SqliteEventStore.readStream");
    expect(error.path).toEqual(path);
  });

  it("rejects metadata with unknown keys", () => {
    const error = thrown(() =>
      catalog.parseStored("Reader", { ...row("Plain", { n: 1 }, 1), metadata: { schemaVersion: 1, secret: "x" } }),
    );
    expect(error.path).toEqual(["metadata", "secret"]);
  });

  it("validates data against the schema of the stored version", () => {
    const error = thrown(() => catalog.parseStored("Reader", row("RepRenamed", { fullName: "x" }, 1)));
    expect(error.issues).toContainEqual(expect.objectContaining({ path: ["data", "name"] }));
    const current = thrown(() => catalog.parseStored("Reader", row("Plain", { n: "1" }, 1)));
    expect(current.path).toEqual(["data", "n"]);
  });

  it("rejects a schema version the type does not have", () => {
    const error = thrown(() => catalog.parseStored("Reader", row("Plain", { n: 1 }, 2)));
    expect(error.issues).toEqual([
      expect.objectContaining({ code: "unknown_schema_version", path: ["metadata", "schemaVersion"] }),
    ]);
  });

  it("rejects data JSON cannot carry, even when the schema allows it", () => {
    const Loose = defineEvent("Loose", z.strictObject({ v: z.any() }));
    const error = thrown(() => createEventCatalog([Loose]).parseStored("Reader", row("Loose", { v: Number.NaN }, 1)));
    expect(error.issues).toEqual([expect.objectContaining({ code: "not_json", path: ["data", "v"] })]);
  });

  it("round-trips what prepare accepted, through JSON, to an equal envelope", () => {
    const [prepared] = catalog.prepare("api", [{ type: "RepRenamed", data: { fullName: "Di Ode", initials: "DO" } }]);
    const stored: EventEnvelope = {
      type: prepared!.type,
      data: prepared!.data,
      metadata: prepared!.metadata,
      eventId: "e-9",
      streamId: "rep-9",
      streamVersion: 1,
      globalPosition: 1,
      occurredAt: "2026-01-01T00:00:00.000Z",
      recordedAt: "2026-01-01T00:00:00.000Z",
      tenantId: "default",
    };
    expect(catalog.parseStored("Reader", JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });
});
