import { jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidationError } from "../../../src/index.ts";
import { createNatsEventStore, natsStreamNames } from "../../../src/nats.ts";
import { natsAvailable } from "../../support/services.ts";
import { catalog, cleanup, freshTenant, noted, openConnection } from "./natsTestKit.ts";

const up = await natsAvailable();

// Stream ids that would break a naive subject: wildcards, token separators, whitespace, quotes, unicode, and long
// ids whose readable token would exceed the length budget. (Unpaired surrogates are rejected by the kernel.)
const awkward = [
  "a.b",
  "a",
  "b",
  "*",
  ">",
  "a.*.>",
  ".",
  "..",
  " ",
  " spaced id ",
  "tab\there\nnewline",
  'O\'Brien "quoted" `back`',
  "x; DROP TABLE events; --",
  "__proto__",
  "constructor",
  "客户/深圳-01",
  "emoji 🚀🚀",
  "$JS.API.STREAM.DELETE.x",
  "x".repeat(1000),
  "字".repeat(1000),
  `${"y".repeat(999)}z`,
  `${"y".repeat(999)}w`,
];

describe.skipIf(!up)("NatsEventStore: hostile input", () => {
  let nc: NatsConnection;
  beforeAll(async () => {
    nc = await openConnection();
  });
  afterAll(async () => {
    await nc.drain();
    await cleanup();
  });

  it("round-trips every awkward stream id exactly, each in its own subject", async () => {
    const tenantId = freshTenant("hostile");
    const store = await createNatsEventStore({ catalog, connection: nc, tenantId });
    for (const [i, id] of awkward.entries()) {
      await store.append(id, [noted(`event of ${i}`)], { expectedVersion: "no_stream" });
    }
    for (const [i, id] of awkward.entries()) {
      const read = await store.readStream(id);
      expect(read.currentVersion, id.slice(0, 20)).toBe(1);
      expect(
        read.events.map((e) => [e.streamId, e.data]),
        id.slice(0, 20),
      ).toEqual([[id, { text: `event of ${i}` }]]);
      expect(await store.streamVersion(id)).toBe(1);
    }
    const all = [];
    for await (const e of store.readAll()) all.push(e.streamId);
    expect(all).toEqual(awkward);
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(natsStreamNames(tenantId).events, { subjects_filter: ">" });
    expect(Object.keys(info.state.subjects ?? {}).length).toBe(awkward.length);
    await store.close();
  });

  it("rejects NUL, unpaired-surrogate, empty, over-long and non-string stream ids with a ValidationError, and writes nothing", async () => {
    const store = await createNatsEventStore({ catalog, connection: nc, tenantId: freshTenant("bad") });
    for (const id of [
      "",
      "nul\u0000inside",
      "lone \ud800 high",
      "lone \udc00 low",
      "x".repeat(1001),
      "x".repeat(10_000),
      42,
      null,
    ]) {
      const appended = await store.append(id as string, [noted("no")]).catch((e: unknown) => e);
      expect(isValidationError(appended)).toBe(true);
      const read = await store.readStream(id as string).catch((e: unknown) => e);
      expect(isValidationError(read)).toBe(true);
    }
    expect(await store.lastPosition()).toBe(0);
    await store.close();
  });

  it("stores data with __proto__-like and quoting keys exactly, and pollutes no prototype", async () => {
    const store = await createNatsEventStore({ catalog, connection: nc, tenantId: freshTenant("proto") });
    const payload = JSON.parse(
      '{"constructor":{"prototype":{"polluted":1}},"a.b":"*","\\"; --":"\\u0000","nested":{"toString":"x","宽":"🚀"}}',
    );
    await store.append("p", [{ type: "Blob", data: { payload } }]);
    const [event] = (await store.readStream("p")).events;
    expect(event!.data).toEqual({ payload });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.isFrozen(event)).toBe(true);
    await store.close();
  });

  it("cannot reach another tenant's or another stream's data through any id", async () => {
    const victimTenant = freshTenant("victim");
    const victim = await createNatsEventStore({ catalog, connection: nc, tenantId: victimTenant });
    await victim.append("secret", [noted("victim data")]);
    const attacker = await createNatsEventStore({ catalog, connection: nc, tenantId: freshTenant("attacker") });
    for (const id of ["secret", `../${victimTenant}/secret`, `${victimTenant}.s.secret`, "*", ">"]) {
      expect((await attacker.readStream(id)).exists).toBe(false);
      await attacker.append(id, [noted("attack")]);
    }
    const seen = [];
    for await (const e of attacker.readAll()) seen.push(e.tenantId);
    expect(new Set(seen)).toEqual(new Set([attacker.tenantId]));
    expect((await victim.readStream("secret")).events.map((e) => e.data)).toEqual([{ text: "victim data" }]);
    expect(await victim.lastPosition()).toBe(2 ** 20);
    await attacker.close();
    await victim.close();
  });
});
