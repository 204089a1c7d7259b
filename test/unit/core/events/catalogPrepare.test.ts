import { z } from "zod";
import { describe, expect, it } from "vitest";
import { createEventCatalog, defineEvent, isValidationError } from "../../../../src/index.ts";
import { thrown, unfrozenPaths } from "./assertions.ts";

const DealOpened = defineEvent("DealOpened", z.strictObject({ dealId: z.string().min(1), amount: z.number().int() }));
const amountV1 = z.strictObject({ dealId: z.string(), amount: z.number().int() });
const AmountChanged = defineEvent(
  "AmountChanged",
  z.strictObject({ dealId: z.string(), amount: z.strictObject({ minor: z.number().int(), currency: z.string() }) }),
  {
    upcasters: [
      {
        version: 1,
        schema: amountV1,
        upcast: (d) => ({ dealId: d.dealId, amount: { minor: d.amount, currency: "USD" } }),
      },
    ],
  },
);
const catalog = createEventCatalog([DealOpened, AmountChanged]);
const opened = (dealId = "d-1", amount = 5) => ({ type: "DealOpened", data: { dealId, amount } });

describe("EventCatalog.prepare", () => {
  it("returns one prepared event per input with defaults filled in", () => {
    const [e] = catalog.prepare("api", [opened()]);
    expect(e).toEqual({
      type: "DealOpened",
      data: { dealId: "d-1", amount: 5 },
      eventId: undefined,
      occurredAt: undefined,
      metadata: { schemaVersion: 1 },
    });
    expect(unfrozenPaths(e!.data)).toEqual([]);
    expect(Object.isFrozen(e!.metadata)).toBe(true);
    expect(catalog.prepare("api", [])).toEqual([]);
  });

  it("reports every problem of the batch at once, with paths relative to the batch, and prepares nothing", () => {
    const error = thrown(() =>
      catalog.prepare("MyStore.append", [
        opened(),
        { type: "DealOpened", data: { dealId: "", amount: 1.5 } },
        { type: "DealClosed", data: {} },
        "not an event",
        { type: "DealOpened", data: { dealId: "d", amount: 1 }, colour: "red" },
        { type: "DealOpened", data: { dealId: "d", amount: 1, extra: true } },
        { ...opened(), eventId: "dup" },
        { ...opened(), eventId: "dup" },
        { ...opened(), eventId: "has space", occurredAt: "yesterday" },
        { ...opened(), metadata: { actor: "", schemaVersion: 9 } },
        { ...opened(), metadata: { schemaVersion: 5 } },
        null,
        [opened()],
      ]),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("MyStore.append");
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      [1, "data", "dealId"],
      [1, "data", "amount"],
      [2, "type"],
      [3],
      [4, "colour"],
      [5, "data", "extra"],
      [7, "eventId"],
      [8, "eventId"],
      [8, "occurredAt"],
      [9, "metadata", "actor"],
      [10, "metadata", "schemaVersion"],
      [11],
      [12],
    ]);
    const codes = Object.fromEntries(
      error.issues.map((i: { path: unknown[]; code: string }) => [JSON.stringify(i.path), i.code]),
    );
    expect(codes).toMatchObject({
      '[2,"type"]': "unknown_event_type",
      '[4,"colour"]': "unrecognized_keys",
      '[5,"data","extra"]': "unrecognized_keys",
      '[7,"eventId"]': "duplicate_event_id",
      '[10,"metadata","schemaVersion"]': "unknown_schema_version",
      "[3]": "invalid_type",
    });
    expect(error.message).toMatch(/^MyStore\.append: invalid input at \[1\]\.data\.dealId: .* \(and 12 more\)$/);
  });

  it("checks the data of an event whose metadata is invalid too, against the version the metadata names", () => {
    const error = thrown(() =>
      catalog.prepare("api", [
        { type: "DealOpened", data: { dealId: "", amount: 1 }, metadata: { actor: "" } },
        { type: "AmountChanged", data: { dealId: "d", amount: "x" }, metadata: { schemaVersion: 1, actor: "" } },
      ]),
    );
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      [0, "metadata", "actor"],
      [0, "data", "dealId"],
      [1, "metadata", "actor"],
      [1, "data", "amount"],
    ]);
  });

  it("says a missing type is required, rather than naming undefined as an unknown type", () => {
    const error = thrown(() => catalog.prepare("api", [{ data: {} }, { type: 7, data: {} }]));
    expect(error.issues.map((i: { code: string; path: unknown[]; message: string }) => [i.code, i.path])).toEqual([
      ["invalid_type", [0, "type"]],
      ["invalid_type", [1, "type"]],
    ]);
    expect(error.issues[0].message).toBe("type is required: the name of a registered event type");
  });

  it("keeps only the metadata fields that were given, never an undefined key", () => {
    const [e] = catalog.prepare("api", [
      { ...opened(), metadata: { actor: undefined, correlationId: "c-1", causationId: undefined } },
    ]);
    expect(e!.metadata).toEqual({ schemaVersion: 1, correlationId: "c-1" });
    expect(Object.keys(e!.metadata).sort()).toEqual(["correlationId", "schemaVersion"]);
    const [full] = catalog.prepare("api", [
      { ...opened(), metadata: { actor: "ana", correlationId: "c", causationId: "k" } },
    ]);
    expect(full!.metadata).toEqual({ schemaVersion: 1, actor: "ana", correlationId: "c", causationId: "k" });
  });

  it("does not keep a reference to the caller's metadata object", () => {
    const metadata = { actor: "ana" };
    const [e] = catalog.prepare("api", [{ ...opened(), metadata }]);
    metadata.actor = "mallory";
    expect(e!.metadata.actor).toBe("ana");
    expect(Object.isFrozen(metadata)).toBe(false);
  });

  it.each([
    ["2026-07-01T09:00:00+08:00", "2026-07-01T01:00:00.000Z"],
    ["2026-07-01T09:00:00.5-02:30", "2026-07-01T11:30:00.500Z"],
    ["2026-07-01T09:00:00Z", "2026-07-01T09:00:00.000Z"],
    ["2026-12-31T23:30:00.000-01:00", "2027-01-01T00:30:00.000Z"],
  ])("normalises occurredAt %s to UTC %s", (given, utc) => {
    expect(catalog.prepare("api", [{ ...opened(), occurredAt: given }])[0]!.occurredAt).toBe(utc);
  });

  it.each(["2026-07-01", "2026-07-01T09:00:00", "1 July 2026", 1_780_000_000_000, "2026-13-01T00:00:00Z"])(
    "rejects occurredAt %j",
    (occurredAt) => {
      const error = thrown(() => catalog.prepare("api", [{ ...opened(), occurredAt }]));
      expect(error.path).toEqual([0, "occurredAt"]);
    },
  );

  it("validates data written at an older schema version against that version's schema", () => {
    const [old] = catalog.prepare("api", [
      { type: "AmountChanged", data: { dealId: "d", amount: 7 }, metadata: { schemaVersion: 1 } },
    ]);
    expect(old).toMatchObject({ data: { dealId: "d", amount: 7 }, metadata: { schemaVersion: 1 } });
    const current = thrown(() => catalog.prepare("api", [{ type: "AmountChanged", data: { dealId: "d", amount: 7 } }]));
    expect(current.path).toEqual([0, "data", "amount"]);
    const newShapeAtV1 = thrown(() =>
      catalog.prepare("api", [
        {
          type: "AmountChanged",
          data: { dealId: "d", amount: { minor: 7, currency: "EUR" } },
          metadata: { schemaVersion: 1 },
        },
      ]),
    );
    expect(newShapeAtV1.path).toEqual([0, "data", "amount"]);
    expect(
      catalog.prepare("api", [
        { type: "AmountChanged", data: { dealId: "d", amount: { minor: 1, currency: "EUR" } } },
      ])[0]!.metadata.schemaVersion,
    ).toBe(2);
  });

  it.each([0, -1, 1.5, "1"])("rejects schemaVersion %j", (schemaVersion) => {
    const error = thrown(() => catalog.prepare("api", [{ ...opened(), metadata: { schemaVersion } }]));
    expect(error.path).toEqual([0, "metadata", "schemaVersion"]);
  });

  it("stores what the schema parsed: defaults applied, unknown keys of a plain object stripped", () => {
    const Defaults = defineEvent("Defaults", z.object({ n: z.number(), tag: z.string().default("none") }));
    const [e] = createEventCatalog([Defaults]).prepare("api", [{ type: "Defaults", data: { n: 1, dropped: true } }]);
    expect(e!.data).toEqual({ n: 1, tag: "none" });
  });
});

describe("stream ids", () => {
  it("rejects unpaired surrogates everywhere, which UTF-8 storage would turn into U+FFFD and collide", async () => {
    const {
      createInMemoryEventStore: create,
      createEventCatalog: cat,
      defineEvent: def,
      isValidationError: isVE,
      streamIdSchema: sid,
    } = await import("../../../../src/index.ts");
    const { z } = await import("zod");
    const store = create({ catalog: cat([def("E", z.strictObject({}))]) });
    for (const id of ["\uD800", "a\uDC00b", "x\uD83D"]) {
      expect(sid.safeParse(id).success).toBe(false);
      expect(isVE(await store.append(id, [{ type: "E", data: {} }]).catch((e: unknown) => e))).toBe(true);
      expect(isVE(await store.readStream(id).catch((e: unknown) => e))).toBe(true);
    }
    expect(sid.safeParse("emoji 🚀 pair").success).toBe(true);
    expect(await store.lastPosition()).toBe(0);
  });
});
