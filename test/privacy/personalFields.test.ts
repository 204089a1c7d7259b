// Where personal data may sit in an event schema: every place the privacy layer follows is encrypted and erased, and
// a personal mark it cannot follow is refused when the catalog is built, never stored in the clear.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createErasableEventStore,
  createInMemoryKeyStore,
  ERASED,
  erasableStorageCatalog,
  personalFieldsOf,
  privacyEvents,
} from "../../src/core/privacy/index.ts";
import { personal } from "../../src/customers/index.ts";
import {
  createEventCatalog,
  createInMemoryEventStore,
  defineEvent,
  isValidationError,
  type ValidationError,
} from "../../src/index.ts";

const trim = (v: unknown) => (typeof v === "string" ? v.trim() : v);

function storeFor(text: z.ZodType) {
  const Noted = defineEvent("Noted", z.strictObject({ customerId: z.string(), text }));
  const catalog = createEventCatalog([Noted, privacyEvents]);
  const inner = createInMemoryEventStore({ catalog: erasableStorageCatalog(catalog) });
  const store = createErasableEventStore(inner, {
    catalog,
    keys: createInMemoryKeyStore(),
    subjectOf: { Noted: "customerId" },
  });
  return { catalog, inner, store };
}

function buildError(text: z.ZodType): ValidationError | undefined {
  const Noted = defineEvent("Noted", z.strictObject({ customerId: z.string(), text }));
  try {
    erasableStorageCatalog(createEventCatalog([Noted, privacyEvents]));
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  return undefined;
}

describe("personal fields behind wrappers", () => {
  const cases: [string, z.ZodType, unknown, unknown][] = [
    ["z.preprocess()", z.preprocess(trim, personal(z.string())), "  Li Wei  ", ERASED],
    ["the output side of .pipe()", z.string().pipe(personal(z.string().min(1))), "Li Wei", ERASED],
    ["a .transform() of a personal field", personal(z.string()).transform((s) => s.toUpperCase()), "Li Wei", ERASED],
    [
      "an object's .catchall()",
      z.strictObject({ kind: z.enum(["home", "work"]) }).catchall(personal(z.string())),
      { kind: "home", street: "Li Wei Road 1", city: "Li Wei Town" },
      { kind: "home", street: ERASED, city: ERASED },
    ],
    [
      "a preprocessed catchall",
      z.object({}).catchall(z.preprocess(trim, personal(z.string()))),
      { note: " Li Wei " },
      { note: ERASED },
    ],
    ["a record's values", z.record(z.string(), personal(z.string())), { home: "Li Wei" }, { home: ERASED }],
    ["a tuple", z.tuple([z.number(), personal(z.string())]), [7, "Li Wei"], [7, ERASED]],
    ["a union", z.union([z.number(), personal(z.string())]), "Li Wei", ERASED],
    [
      "a discriminated union",
      z.discriminatedUnion("kind", [
        z.strictObject({ kind: z.literal("a"), who: personal(z.string()) }),
        z.strictObject({ kind: z.literal("b"), n: z.number() }),
      ]),
      { kind: "a", who: "Li Wei" },
      { kind: "a", who: ERASED },
    ],
    [
      "an intersection",
      z.intersection(z.object({ who: personal(z.string()) }), z.object({ n: z.number() })),
      { who: "Li Wei", n: 1 },
      { who: ERASED, n: 1 },
    ],
    ["z.lazy()", z.lazy(() => personal(z.string())), "Li Wei", ERASED],
    [
      "optional, nullable, readonly, default and catch",
      personal(z.string()).nullable().readonly().catch(ERASED).default(ERASED).optional(),
      "Li Wei",
      ERASED,
    ],
  ];

  for (const [name, schema, text, erased] of cases) {
    it(`encrypts and erases personal data in ${name}`, async () => {
      const { inner, store } = storeFor(schema);
      const appended = await store.append("note-1", [{ type: "Noted", data: { customerId: "cu-1", text } }]);
      const stored = JSON.stringify((await inner.readStream("note-1")).events[0]!.data);
      expect(stored).not.toContain("Li Wei");
      expect(stored).not.toContain("LI WEI");
      expect(stored).toContain("sf1.");
      expect((await store.readStream("note-1")).events[0]!.data).toEqual(appended.events[0]!.data);
      // Below the wrapper, the clear value is refused.
      await expect(
        inner.append("note-2", [{ type: "Noted", data: appended.events[0]!.data }] as never),
      ).rejects.toThrow(/stored only encrypted/);
      await store.forgetSubject("cu-1");
      expect((await store.readStream("note-1")).events[0]!.data).toEqual({ customerId: "cu-1", text: erased });
    });
  }

  it("reports the paths: both sides of a pipe, and a catchall as `*` that leaves the declared keys alone", async () => {
    expect(personalFieldsOf(z.object({ a: z.preprocess(trim, personal(z.string())) })).paths).toEqual([["a"]]);
    expect(personalFieldsOf(z.object({ a: z.string().pipe(personal(z.string())) })).paths).toEqual([["a"]]);
    const address = z.object({ customerId: z.string(), kind: z.string() }).catchall(personal(z.string()));
    expect(personalFieldsOf(address).paths).toEqual([["*"]]);
    // The declared keys, the subject among them, stay readable below the wrapper.
    const { inner, store } = storeFor(address);
    await store.append("note-1", [
      { type: "Noted", data: { customerId: "cu-1", text: { customerId: "cu-1", kind: "home", street: "Li Wei" } } },
    ]);
    const stored = (await inner.readStream("note-1")).events[0]!.data as { text: Record<string, string> };
    expect(stored.text.customerId).toBe("cu-1");
    expect(stored.text.kind).toBe("home");
    expect(stored.text.street).toMatch(/^sf1\./);
  });
});

describe("personal marks that cannot be followed", () => {
  const Node: z.ZodType = z.object({ name: personal(z.string()), children: z.array(z.lazy(() => Node)) });
  const cases: [string, z.ZodType, string[]][] = [
    ["a map's values", z.map(z.string(), personal(z.string())), ["text"]],
    ["a set", z.set(personal(z.string())), ["text"]],
    ["a record key", z.record(personal(z.string()), z.number()), ["text"]],
    ["a recursive schema", Node, ["text", "children", "*"]],
    ["a promise", z.object({ later: z.promise(personal(z.string())) }), ["text", "later"]],
  ];
  for (const [name, schema, path] of cases) {
    it(`refuses personal data in ${name} when the catalog is built, naming type, version and path`, () => {
      const error = buildError(schema);
      expect(error?.issues).toEqual([
        expect.objectContaining({
          code: "personal_field_unsupported",
          path: ["Noted", "v1", ...path],
          message: expect.stringContaining("Noted v1"),
        }),
      ]);
      expect(() => storeFor(schema)).toThrowError(expect.objectContaining({ code: "validation_failed" }));
    });
  }

  it("builds a recursive schema without personal marks, and a map without them", () => {
    const Plain: z.ZodType = z.object({ id: z.string(), children: z.array(z.lazy(() => Plain)) });
    expect(buildError(Plain)).toBeUndefined();
    expect(buildError(z.object({ who: personal(z.string()), counts: z.map(z.string(), z.number()) }))).toBeUndefined();
  });

  it("refuses a personal catchall or pipe whose values cannot hold the erased marker", () => {
    const viaCatchall = buildError(personal(z.object({}).catchall(z.string().max(3))));
    expect(viaCatchall?.issues).toEqual([
      expect.objectContaining({ code: "personal_field_not_erasable", path: ["Noted", "v1", "text", "*"] }),
    ]);
    const viaPipe = buildError(z.preprocess(trim, personal(z.string().max(3))));
    expect(viaPipe?.issues).toEqual([
      expect.objectContaining({ code: "personal_field_not_erasable", path: ["Noted", "v1", "text"] }),
    ]);
  });
});
