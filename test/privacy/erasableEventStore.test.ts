import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createErasableEventStore,
  createInMemoryKeyStore,
  ERASED,
  erasableStorageCatalog,
  erasureAudit,
  erasureStreamId,
  generateMasterKey,
  isErased,
  type PrivacyEvent,
  personalSubject,
  privacyEvents,
} from "../../src/core/privacy/index.ts";
import { customerDirectory, personal, redactPersonalData } from "../../src/customers/index.ts";
import {
  createEventCatalog,
  createInMemoryEventStore,
  defineEvent,
  type EventEnvelope,
  fold,
  isSalesfoldError,
  isValidationError,
  rebuildProjection,
  type ValidationError,
} from "../../src/index.ts";
import { eventStoreConformance } from "../../src/testing.ts";
import { catalog, collect, credited, erasable, noteAdded, registered, storage, subjectOf } from "./fixtures.ts";

const li = registered("cu-1", "Li Wei", [
  { contactId: "ct-1", name: "Li", email: "li.wei@example.com", phone: "+86 21 5555 0100" },
]);
const bo = registered("cu-2", "Bo Berg");

eventStoreConformance(
  "erasable over in-memory",
  (setup) => {
    const merged = createEventCatalog([setup.catalog, privacyEvents]);
    const inner = createInMemoryEventStore({ ...setup, catalog: erasableStorageCatalog(merged) });
    return createErasableEventStore(inner, {
      catalog: merged,
      keys: createInMemoryKeyStore({ tenantId: setup.tenantId }),
    }) as never;
  },
  { describe, it },
);

describe("createErasableEventStore: reading and writing", () => {
  it("stores personal fields encrypted and reads them back in the clear", async () => {
    const { inner, store } = erasable();
    const appended = await store.append("customer-cu-1", [li, noteAdded("cu-1", "n-1", "Prefers calls after 3 pm")]);
    expect(appended.events.map((e) => e.data)).toEqual([
      li.data,
      noteAdded("cu-1", "n-1", "Prefers calls after 3 pm").data,
    ]);
    const raw = JSON.stringify((await inner.readStream("customer-cu-1")).events);
    for (const secret of ["Li Wei", "li.wei@example.com", "5555", "Prefers calls"]) expect(raw).not.toContain(secret);
    expect(raw).toContain('"customerId":"cu-1"');
    const read = await store.readStream("customer-cu-1");
    expect(read.events[0]!.data).toEqual(li.data);
    expect(Object.isFrozen(read.events[0]!.data)).toBe(true);
    expect((await collect(store.readAll())).map((e) => e.data)).toEqual(read.events.map((e) => e.data));
  });

  it("decrypts for subscriptions", async () => {
    const { store } = erasable();
    await store.append("customer-cu-1", [li]);
    const seen: unknown[] = [];
    const sub = store.subscribe({ handler: (events) => void seen.push(...events.map((e) => e.data)) });
    await sub.caughtUp(store.lastPosition());
    await sub.stop();
    expect(seen).toEqual([li.data]);
  });

  it("replays an idempotent append: same ids, same content, the original result and nothing stored twice", async () => {
    const { store } = erasable();
    const batch = [
      { ...li, eventId: "e-1" },
      { ...noteAdded("cu-1", "n-1", "hello"), eventId: "e-2" },
    ];
    const first = await store.append("customer-cu-1", batch, { expectedVersion: "no_stream" });
    const again = await store.append("customer-cu-1", batch, { expectedVersion: "no_stream" });
    expect(again).toEqual(first);
    expect(await store.streamVersion("customer-cu-1")).toBe(2);
    const changed = [
      { ...li, eventId: "e-1" },
      { ...noteAdded("cu-1", "n-1", "other"), eventId: "e-2" },
    ];
    await expect(store.append("customer-cu-1", changed)).rejects.toMatchObject({ code: "idempotency_conflict" });
  });

  it("replays an idempotent append after the subject's key was rotated, and still reports a real conflict", async () => {
    const { inner, store } = erasable();
    const batch = [
      { ...li, eventId: "e-1" },
      { ...noteAdded("cu-1", "n-1", "hello"), eventId: "e-2" },
    ];
    const first = await store.append("customer-cu-1", batch);
    expect(await store.rotateSubjectKey("cu-1")).toBe(2);
    expect(await store.append("customer-cu-1", batch)).toEqual(first);
    expect(await store.append("customer-cu-1", batch, { expectedVersion: "no_stream" })).toEqual(first);
    expect(await store.streamVersion("customer-cu-1")).toBe(2);
    expect(JSON.stringify((await inner.readStream("customer-cu-1")).events)).not.toContain('"sf1.2.');
    const changed = [
      { ...li, eventId: "e-1" },
      { ...noteAdded("cu-1", "n-1", "other"), eventId: "e-2" },
    ];
    await expect(store.append("customer-cu-1", changed)).rejects.toMatchObject({ code: "idempotency_conflict" });
    // The same ids in another stream, or only part of the batch, are conflicts too.
    await expect(store.append("customer-cu-1-copy", batch)).rejects.toMatchObject({ code: "idempotency_conflict" });
    await expect(
      store.append("customer-cu-1", [batch[0]!, { ...noteAdded("cu-1", "n-2", "new"), eventId: "e-3" }]),
    ).rejects.toMatchObject({ code: "idempotency_conflict" });
    // New events after the rotation use the new key.
    await store.append("customer-cu-1", [{ ...noteAdded("cu-1", "n-3", "later"), eventId: "e-4" }]);
    expect(JSON.stringify((await inner.readStream("customer-cu-1")).events[2]!.data)).toContain('"sf1.2.');
  });

  it("validates against the domain catalog before anything is encrypted or stored", async () => {
    const { keys, store } = erasable();
    const bad = { ...li, data: { ...li.data, contacts: [{ contactId: "ct-1", name: "Li", email: "not-an-email" }] } };
    await expect(store.append("customer-cu-1", [bad])).rejects.toSatisfy(isValidationError);
    expect(await store.lastPosition()).toBe(0);
    expect((await keys.load(["cu-1"])).size).toBe(0);
  });

  it("refuses personal data in the clear below the wrapper, and events whose subject is missing", async () => {
    const { inner, store } = erasable();
    await expect(inner.append("customer-cu-1", [li])).rejects.toThrow(/stored only encrypted/);
    const noSubject = createErasableEventStore(createInMemoryEventStore({ catalog: storage }), {
      catalog,
      keys: createInMemoryKeyStore(),
      subjectOf: () => undefined,
    });
    await expect(noSubject.append("customer-cu-1", [li])).rejects.toThrow(/names its subject/);
    // An event whose personal fields are absent needs no subject and no key.
    await store.append("customer-cu-1", [{ type: "CustomerTagged", data: { customerId: "cu-1", tag: "vip" } }]);
  });

  it("keeps ids, amounts and every non-personal field exactly", async () => {
    const { inner, store } = erasable();
    await store.append("credit-c-1", [credited("c-1", "cu-1", "rep-ana", 480_000)]);
    expect((await inner.readStream("credit-c-1")).events[0]!.data).toEqual(
      credited("c-1", "cu-1", "rep-ana", 480_000).data,
    );
  });
});

describe("forgetSubject", () => {
  it("shows the erased marker in every read and projection, leaves other subjects and fields intact, and audits", async () => {
    const { inner, keys, store } = erasable();
    await store.append("customer-cu-1", [li, noteAdded("cu-1", "n-1", "Prefers calls")]);
    await store.append("customer-cu-2", [bo]);
    const before = await rebuildProjection(store, customerDirectory);
    const receipt = await store.forgetSubject("cu-1", {
      reason: "gdpr-art-17 ticket #4411",
      requestedAt: "2026-09-01T09:00:00Z",
    });
    expect(receipt).toMatchObject({
      subjectId: "cu-1",
      requestedAt: "2026-09-01T09:00:00.000Z",
      keyVersionsDestroyed: 1,
      alreadyErased: false,
    });
    const [reg, note] = (await store.readStream("customer-cu-1")).events;
    expect(reg!.data).toEqual(redactPersonalData(catalog.definition("CustomerRegistered")!.schema, li.data));
    expect(isErased((note!.data as { text: string }).text)).toBe(true);
    const after = await rebuildProjection(store, customerDirectory);
    expect(after.state.customers["cu-2"]).toEqual(before.state.customers["cu-2"]);
    expect(after.state.customers["cu-1"]).toMatchObject({
      name: ERASED,
      segment: "smb",
      contacts: [{ contactId: "ct-1", name: ERASED, email: ERASED, phone: ERASED }],
    });
    expect((await keys.load(["cu-1"])).get("cu-1")).toMatchObject({ keys: [], erasedAt: receipt.completedAt });
    const audit = await rebuildProjection(store, erasureAudit);
    expect(audit.state).toMatchObject({
      pending: 0,
      completed: 1,
      subjects: { "cu-1": { status: "completed", reason: "gdpr-art-17 ticket #4411" } },
    });
    // The erasure events hold no personal data, and the erasure is idempotent.
    const erasureEvents = JSON.stringify((await inner.readStream(erasureStreamId("cu-1"))).events);
    for (const secret of ["Li Wei", "li.wei", "5555", "Prefers"]) expect(erasureEvents).not.toContain(secret);
    expect(await store.forgetSubject("cu-1")).toEqual({ ...receipt, alreadyErased: true });
    expect(await store.streamVersion(erasureStreamId("cu-1"))).toBe(2);
  });

  it("refuses new personal data for an erased subject, but accepts the marker and non-personal events", async () => {
    const { store } = erasable();
    await store.append("customer-cu-1", [li]);
    await store.forgetSubject("cu-1");
    await expect(store.append("customer-cu-1", [noteAdded("cu-1", "n-2", "again")])).rejects.toMatchObject({
      code: "invalid_state",
    });
    await store.append("customer-cu-1", [
      noteAdded("cu-1", "n-3", ERASED),
      { type: "CustomerTagged", data: { customerId: "cu-1", tag: "vip" } },
    ]);
    expect(await store.streamVersion("customer-cu-1")).toBe(3);
  });

  it("completes an interrupted request, which the audit shows as pending until then", async () => {
    const { inner, keys, store } = erasable();
    await store.append("customer-cu-1", [li]);
    // A crash after the request was recorded, before the keys were destroyed.
    await inner.append(erasureStreamId("cu-1"), [
      { type: "SubjectErasureRequested", data: { subjectId: "cu-1", requestedAt: "2026-09-01T09:00:00.000Z" } },
    ]);
    expect((await rebuildProjection(store, erasureAudit)).state).toMatchObject({ pending: 1, completed: 0 });
    expect((await store.readStream("customer-cu-1")).events[0]!.data).toEqual(li.data);
    const receipt = await store.forgetSubject("cu-1");
    expect(receipt).toMatchObject({ requestedAt: "2026-09-01T09:00:00.000Z", keyVersionsDestroyed: 1 });
    expect((await rebuildProjection(store, erasureAudit)).state).toMatchObject({
      pending: 0,
      completed: 1,
      subjects: { "cu-1": { requests: 1 } },
    });
    expect((await keys.load(["cu-1"])).get("cu-1")?.keys).toEqual([]);
  });

  it("erases a subject that never had a key, so none is created later", async () => {
    const { store } = erasable();
    expect(await store.forgetSubject("cu-9")).toMatchObject({ keyVersionsDestroyed: 0 });
    await expect(store.append("customer-cu-9", [registered("cu-9", "Nine")])).rejects.toMatchObject({
      code: "invalid_state",
    });
  });

  it("gives every subject id its own audit line, even ids that name members of Object.prototype", async () => {
    const { store } = erasable();
    const ids = ["cu-1", "constructor", "__proto__", "toString", "hasOwnProperty"];
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype);
    for (const id of ids) {
      await store.append(`customer-${id}`, [noteAdded(id, "n-1", `secret of ${id}`)]);
      await store.forgetSubject(id, { reason: "ticket-1" });
    }
    const { state } = await rebuildProjection(store, erasureAudit);
    expect(Object.keys(state.subjects)).toEqual(ids);
    for (const id of ids) {
      expect(Object.hasOwn(state.subjects, id)).toBe(true);
      expect(state.subjects[id]).toMatchObject({ subjectId: id, status: "completed", requests: 1, reason: "ticket-1" });
    }
    expect(state).toMatchObject({ pending: 0, completed: ids.length });
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeBefore);
    expect((Object as unknown as { requests?: unknown }).requests).toBeUndefined();
    expect(({} as { status?: unknown }).status).toBeUndefined();

    // Folding onto an earlier, frozen state (through immer), and onto one restored from JSON, gives the same lines.
    const events = (await collect(
      store.readAll({ types: ["SubjectErasureRequested", "SubjectErased"] }),
    )) as EventEnvelope<PrivacyEvent>[];
    const half = fold(erasureAudit, events.slice(0, 4));
    expect(fold(erasureAudit, events.slice(4), half)).toEqual(state);
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === "object" && value !== null) for (const v of Object.values(value)) deepFreeze(v);
      return Object.freeze(value);
    };
    // Restored before the line of `__proto__` was added, and after.
    for (const split of [4, 6]) {
      const restored = deepFreeze(JSON.parse(JSON.stringify(fold(erasureAudit, events.slice(0, split)))));
      expect(Object.hasOwn(restored.subjects, "__proto__")).toBe(split === 6);
      const continued = fold(erasureAudit, events.slice(split), restored as typeof state);
      expect(continued).toEqual(state);
      expect(Object.keys(continued.subjects)).toEqual(ids);
      expect(Object.values(continued.subjects).map((line) => [line.subjectId, line.status])).toEqual(
        ids.map((id) => [id, "completed"]),
      );
    }
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeBefore);
  });

  it("validates its arguments", async () => {
    const { store } = erasable();
    await expect(store.forgetSubject("")).rejects.toSatisfy(isValidationError);
    await expect(store.forgetSubject("x".repeat(201))).rejects.toSatisfy(isValidationError);
    await expect(store.forgetSubject("cu-1", { reason: "Li Wei asked, call him on +86 21 5555\n" })).rejects.toSatisfy(
      isValidationError,
    );
    await expect(store.forgetSubject("cu-1", { requestedAt: "yesterday" })).rejects.toSatisfy(isValidationError);
    await expect(store.forgetSubject("cu-1", { extra: 1 } as never)).rejects.toSatisfy(isValidationError);
  });
});

describe("keys: rotation, master keys and failures", () => {
  it("rotates a subject's data key: new events use the new version, old ones still read, erasure destroys all", async () => {
    const { inner, store } = erasable();
    await store.append("customer-cu-1", [li]);
    expect(await store.rotateSubjectKey("cu-1")).toBe(2);
    await store.append("customer-cu-1", [noteAdded("cu-1", "n-1", "after rotation")]);
    const stored = (await inner.readStream("customer-cu-1")).events.map((e) => JSON.stringify(e.data));
    expect(stored[0]).toContain('"name":"sf1.1.');
    expect(stored[1]).toContain('"text":"sf1.2.');
    expect((await store.readStream("customer-cu-1")).events.map((e) => e.data)).toEqual([
      li.data,
      noteAdded("cu-1", "n-1", "after rotation").data,
    ]);
    expect((await store.forgetSubject("cu-1")).keyVersionsDestroyed).toBe(2);
    await expect(store.rotateSubjectKey("cu-1")).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("wraps data keys with the newest master key and re-wraps them when a master key is added", async () => {
    const keys = createInMemoryKeyStore();
    const m1 = { version: 1, key: generateMasterKey() };
    const m2 = { version: 2, key: generateMasterKey() };
    const first = erasable({ keys, masterKeys: [m1] });
    await first.store.append("customer-cu-1", [li]);
    await first.store.append("customer-cu-2", [bo]);
    const [k1] = await keys.list({ limit: 10 });
    expect(k1).toMatchObject({ masterVersion: 1 });
    const rotated = erasable({ keys, masterKeys: [m1, m2], inner: first.inner });
    expect(await rotated.store.rewrapKeys()).toEqual({ rewrapped: 2, keys: 2 });
    expect((await keys.list({ limit: 10 })).map((k) => k.masterVersion)).toEqual([2, 2]);
    // Master key 1 can now be retired: reads need only master key 2.
    const retired = erasable({ keys, masterKeys: [m2], inner: first.inner });
    expect((await retired.store.readStream("customer-cu-1")).events[0]!.data).toEqual(li.data);
    const missing = erasable({ keys, masterKeys: [{ version: 3, key: generateMasterKey() }], inner: first.inner });
    await expect(missing.store.readStream("customer-cu-1")).rejects.toThrow(
      /master key version 2, which is not configured/,
    );
    await expect(erasable().store.rewrapKeys()).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("fails loudly with another key store or altered ciphertext, never showing the marker", async () => {
    const master = { version: 1, key: generateMasterKey() };
    const { inner, keys, store } = erasable({ masterKeys: [master] });
    await store.append("customer-cu-1", [li]);
    await expect(erasable({ inner }).store.readStream("customer-cu-1")).rejects.toMatchObject({ code: "not_found" });
    const stored = (await inner.readStream("customer-cu-1")).events[0]!;
    const name = (stored.data as { name: string }).name;
    const flipped = name.slice(0, -2) + (name.at(-2) === "A" ? "B" : "A") + name.slice(-1);
    const forged = createInMemoryEventStore({ catalog: storage });
    await forged.append("customer-cu-1", [
      { type: stored.type, data: { ...(stored.data as object), name: flipped } } as never,
    ]);
    const reader = createErasableEventStore(forged, { catalog, keys, subjectOf, masterKeys: [master] });
    await expect(reader.readStream("customer-cu-1")).rejects.toThrow(/cannot be decrypted/);
    const noMaster = createErasableEventStore(inner, { catalog, keys, subjectOf });
    await expect(noMaster.readStream("customer-cu-1")).rejects.toThrow(/master key version 1, which is not configured/);
  });

  it("binds a sealed value to its subject: moved into another subject's event it does not open", async () => {
    const { inner, keys, store } = erasable();
    await store.append("customer-cu-1", [li]);
    await store.append("customer-cu-2", [bo]);
    const sealedLi = ((await inner.readStream("customer-cu-1")).events[0]!.data as { name: string }).name;
    const forged = sealedLi.replace(/^sf1\.1\.[A-Za-z0-9_-]+\./, `sf1.1.${Buffer.from("cu-2").toString("base64url")}.`);
    const moved = createInMemoryEventStore({ catalog: storage });
    await moved.append("customer-cu-2", [{ type: "CustomerRegistered", data: { ...bo.data, name: forged } }]);
    const reader = createErasableEventStore(moved, { catalog, keys, subjectOf });
    await expect(reader.readStream("customer-cu-2")).rejects.toMatchObject({ code: "invalid_state" });
  });
});

describe("a sealed value copied into another subject's event", () => {
  it("does not open there, before or after that subject's erasure, while the original still reads", async () => {
    const { inner, keys, store } = erasable();
    await store.append("customer-cu-1", [noteAdded("cu-1", "n-1", "Li's secret")]);
    await store.append("customer-cu-2", [bo]);
    const sealed = ((await inner.readStream("customer-cu-1")).events[0]!.data as { text: string }).text;
    await inner.append("customer-cu-2", [
      { type: "CustomerNoteAdded", data: { ...noteAdded("cu-2", "n-2", "").data, text: sealed } },
    ]);
    const leaks = (events: readonly { data: unknown }[]) =>
      JSON.stringify(events.map((e) => e.data)).includes("Li's secret");
    await expect(store.readStream("customer-cu-2")).rejects.toMatchObject({
      code: "invalid_state",
      message: expect.stringContaining("sealed for another subject"),
    });
    await expect(collect(store.readAll())).rejects.toMatchObject({ code: "invalid_state" });
    await store.forgetSubject("cu-2");
    const after = await store.readStream("customer-cu-2").catch((error: unknown) => error);
    expect(after).toMatchObject({ code: "invalid_state" });
    expect(leaks((await store.readStream("customer-cu-1")).events)).toBe(true);
    // A subject resolved from the stream id is checked the same way.
    const byStream = createErasableEventStore(inner, {
      catalog,
      keys,
      subjectOf: (event) => event.streamId.replace(/^customer-/, ""),
    });
    await expect(byStream.readStream("customer-cu-2")).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("still opens an event whose subject field is itself personal, and so sealed", async () => {
    const Owned = defineEvent(
      "Owned",
      z.strictObject({ owner: personal(z.strictObject({ id: z.string(), name: z.string() })) }),
    );
    const app = createEventCatalog([Owned, privacyEvents]);
    const inner = createInMemoryEventStore({ catalog: erasableStorageCatalog(app) });
    const store = createErasableEventStore(inner, {
      catalog: app,
      keys: createInMemoryKeyStore(),
      subjectOf: { Owned: "owner.id" },
    });
    const data = { owner: { id: "p-1", name: "Li Wei" } };
    await store.append("owned-1", [{ type: "Owned", data }]);
    expect(JSON.stringify((await inner.readStream("owned-1")).events[0]!.data)).not.toContain("p-1");
    expect((await store.readStream("owned-1")).events[0]!.data).toEqual(data);
    await store.forgetSubject("p-1");
    expect((await store.readStream("owned-1")).events[0]!.data).toEqual({ owner: { id: ERASED, name: ERASED } });
  });
});

describe("createErasableEventStore: configuration", () => {
  const inner = () => createInMemoryEventStore({ catalog: storage });
  const keys = createInMemoryKeyStore();

  it("rejects invalid options with one ValidationError", () => {
    const cases: [string, () => unknown][] = [
      ["no store", () => createErasableEventStore({} as never, { catalog, keys, subjectOf })],
      ["no keys", () => createErasableEventStore(inner(), { catalog, keys: {} as never, subjectOf })],
      ["storage catalog", () => createErasableEventStore(inner(), { catalog: storage, keys, subjectOf })],
      [
        "no privacy events",
        () =>
          createErasableEventStore(inner(), {
            catalog: createEventCatalog([catalog.definition("CustomerTagged")!]),
            keys,
          }),
      ],
      [
        "other tenant",
        () =>
          createErasableEventStore(inner(), {
            catalog,
            keys: createInMemoryKeyStore({ tenantId: "other" }),
            subjectOf,
          }),
      ],
      ["no subject", () => createErasableEventStore(inner(), { catalog, keys })],
      [
        "short master key",
        () => createErasableEventStore(inner(), { catalog, keys, subjectOf, masterKeys: [{ version: 1, key: "abc" }] }),
      ],
      [
        "duplicate master",
        () =>
          createErasableEventStore(inner(), {
            catalog,
            keys,
            subjectOf,
            masterKeys: [
              { version: 1, key: generateMasterKey() },
              { version: 1, key: generateMasterKey() },
            ],
          }),
      ],
    ];
    for (const [name, make] of cases)
      expect(make, name).toThrowError(expect.objectContaining({ code: "validation_failed" }));
  });

  it("refuses a personal field that is not text or does not accept the erased marker", () => {
    const Bad = defineEvent(
      "Bad",
      z.strictObject({ who: z.string(), age: personal(z.number()), code: personal(z.string().max(3)) }),
    );
    const error = (() => {
      try {
        erasableStorageCatalog(createEventCatalog([Bad, privacyEvents]));
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["Bad", "v1", "age"], expect.stringContaining("age: not text")],
      [["Bad", "v1", "code"], expect.stringContaining("code: refuses the erased marker")],
    ]);
  });

  it("finds the subject through personalSubject(), and upcasts encrypted fields it may move", async () => {
    const v1 = z.strictObject({ ownerId: z.string(), note: personal(z.string()) });
    const Noted = defineEvent(
      "Noted",
      z.strictObject({ ownerId: personalSubject(z.string()), body: z.strictObject({ text: personal(z.string()) }) }),
      {
        upcasters: [
          {
            version: 1,
            schema: v1,
            upcast: (d: z.infer<typeof v1>) => ({ ownerId: d.ownerId, body: { text: d.note } }),
          },
        ],
      },
    );
    const app = createEventCatalog([Noted, privacyEvents]);
    const store = createErasableEventStore(createInMemoryEventStore({ catalog: erasableStorageCatalog(app) }), {
      catalog: app,
      keys: createInMemoryKeyStore(),
    });
    const result = await store.append("s", [
      { type: "Noted", data: { ownerId: "p-1", note: "old shape" }, metadata: { schemaVersion: 1 } } as never,
    ]);
    expect(result.events[0]!.data).toEqual({ ownerId: "p-1", body: { text: "old shape" } });
    expect((await store.readStream("s")).events[0]!.data).toEqual({ ownerId: "p-1", body: { text: "old shape" } });
    await store.forgetSubject("p-1");
    expect((await collect(store.readAll({ types: ["Noted"] })))[0]!.data).toEqual({
      ownerId: "p-1",
      body: { text: ERASED },
    });
  });

  it("passes events of a catalog without personal fields through untouched", async () => {
    const Plain = defineEvent("Plain", z.strictObject({ n: z.number() }));
    const app = createEventCatalog([Plain, privacyEvents]);
    const below = createInMemoryEventStore({ catalog: erasableStorageCatalog(app) });
    const store = createErasableEventStore(below, { catalog: app, keys: createInMemoryKeyStore() });
    const r = await store.append("p", [{ type: "Plain", data: { n: 1 } }]);
    expect((await below.readStream("p")).events).toEqual(r.events);
    expect(
      isSalesfoldError(await store.append("p", [{ type: "Plain", data: { n: "x" } }] as never).catch((e) => e)),
    ).toBe(true);
  });
});
