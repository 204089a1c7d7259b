import { jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isIdempotencyConflictError, isValidationError } from "../../../src/index.ts";
import { createNatsEventStore, natsStreamNames } from "../../../src/nats.ts";
import { NATS_URL, natsAvailable } from "../../support/services.ts";
import { catalog, cleanup, freshTenant, noted, openConnection } from "./natsTestKit.ts";

const up = await natsAvailable();

const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe.skipIf(!up)("NatsEventStore", () => {
  let nc: NatsConnection;
  beforeAll(async () => {
    nc = await openConnection();
  });
  afterAll(async () => {
    await nc.drain();
    await cleanup();
  });

  it("rejects invalid options with a ValidationError, before connecting", async () => {
    const bad: Record<string, unknown>[] = [
      { tenantId: "a.b" },
      { tenantId: "*" },
      { tenantId: ">" },
      { tenantId: "a b" },
      { tenantId: "O'Brien" },
      { tenantId: "x;DROP" },
      { tenantId: "nul\u0000" },
      { tenantId: "é" },
      { tenantId: "x".repeat(65) },
      { tenantId: "__proto__" },
      { prefix: "A_B" },
      { prefix: "a.b" },
      { replicas: 0 },
      { replicas: 6 },
      { storage: "disk" },
      { servers: NATS_URL, connection: nc },
      { unknownOption: true },
    ];
    for (const extra of bad) {
      const error = await createNatsEventStore({ catalog, connection: nc, ...extra }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isValidationError(error), Object.keys(extra).join(",") + String(Object.values(extra)[0])).toBe(true);
    }
  });

  it("keeps two tenants on one server apart, in separate streams", async () => {
    const a = await createNatsEventStore({ catalog, connection: nc, tenantId: freshTenant("a") });
    const b = await createNatsEventStore({ catalog, connection: nc, tenantId: freshTenant("b") });
    await a.append("shared-id", [noted("from a")]);
    await b.append("shared-id", [noted("from b 1"), noted("from b 2")]);
    expect((await a.readStream("shared-id")).events.map((e) => e.data)).toEqual([{ text: "from a" }]);
    expect((await b.readStream("shared-id")).currentVersion).toBe(2);
    expect((await collect(a.readAll())).map((e) => e.tenantId)).toEqual([a.tenantId]);
    expect((await collect(b.readAll())).length).toBe(2);
    const jsm = await jetstreamManager(nc);
    expect((await jsm.streams.info(natsStreamNames(a.tenantId).events)).state.messages).toBe(1);
    expect((await jsm.streams.info(natsStreamNames(b.tenantId).events)).state.messages).toBe(1);
    await a.close();
    await b.close();
  });

  it("stores a batch as one message: versions and sparse, strictly increasing positions", async () => {
    const store = await createNatsEventStore({ catalog, connection: nc, tenantId: freshTenant() });
    const first = await store.append("s", [noted("1"), noted("2"), noted("3")]);
    const second = await store.append("t", [noted("4")]);
    expect(first.events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    const positions = [...first.events, ...second.events].map((e) => e.globalPosition);
    expect(positions).toEqual([2 ** 20, 2 ** 20 + 1, 2 ** 20 + 2, 2 * 2 ** 20]);
    expect(await store.lastPosition()).toBe(2 * 2 ** 20);
    expect((await collect(store.readAll({ after: 2 ** 20 }))).map((e) => e.data)).toEqual([
      { text: "2" },
      { text: "3" },
      { text: "4" },
    ]);
    await store.close();
  });

  it("returns the original result for a batch re-sent after a lost ack, on another connection too", async () => {
    const tenantId = freshTenant("ack");
    const store = await createNatsEventStore({ catalog, connection: nc, tenantId });
    const batch = [noted("a", "ack-1"), noted("b", "ack-2")];
    const original = await store.append("order-1", batch, { expectedVersion: "no_stream" });
    await store.append("order-1", [noted("later")]);
    // The client timed out and retries through a fresh connection, still expecting no stream.
    const other = await openConnection();
    const retryStore = await createNatsEventStore({ catalog, connection: other, tenantId });
    const retry = await retryStore.append("order-1", batch, { expectedVersion: "no_stream" });
    expect(retry).toEqual(original);
    expect(await store.streamVersion("order-1")).toBe(3);
    expect((await collect(store.readAll())).map((e) => e.eventId).filter((id) => id.startsWith("ack-"))).toEqual([
      "ack-1",
      "ack-2",
    ]);
    await retryStore.close();
    await other.close();
    await store.close();
  });

  it("deduplicates beyond the Nats-Msg-Id window through the event-id index, even after the index is wiped", async () => {
    const tenantId = freshTenant("window");
    const store = await createNatsEventStore({ catalog, connection: nc, tenantId, duplicateWindowMs: 100 });
    const batch = [noted("x", "w-1"), noted("y", "w-2")];
    const original = await store.append("w", batch);
    await new Promise((r) => setTimeout(r, 300));
    expect(await store.append("w", batch)).toEqual(original);
    // Simulate a writer that crashed before anything was indexed: purge the index, the log rebuilds it.
    const jsm = await jetstreamManager(nc);
    await jsm.streams.purge(natsStreamNames(tenantId).index);
    const fresh = await createNatsEventStore({ catalog, connection: nc, tenantId });
    expect(await fresh.append("w", batch)).toEqual(original);
    const conflict = await fresh.append("elsewhere", [noted("x", "w-2")]).catch((e: unknown) => e);
    expect(isIdempotencyConflictError(conflict)).toBe(true);
    expect(await fresh.streamVersion("w")).toBe(2);
    expect(await fresh.streamExists("elsewhere")).toBe(false);
    await fresh.close();
    await store.close();
  });

  it("wakes a subscription on one connection when another connection appends", async () => {
    const tenantId = freshTenant("sub");
    const other = await openConnection();
    const reader = await createNatsEventStore({ catalog, connection: nc, tenantId, pollIntervalMs: 60_000 });
    const writer = await createNatsEventStore({ catalog, connection: other, tenantId });
    await writer.append("s", [noted("before")]);
    const seen: string[] = [];
    const sub = reader.subscribe({
      handler: (events) => void seen.push(...events.map((e) => (e.data as { text: string }).text)),
    });
    await sub.caughtUp(writer.lastPosition());
    const { lastPosition } = await writer.append("s", [noted("after 1"), noted("after 2")]);
    // The poll interval is a minute: only the append notification can deliver these within the test's timeout.
    await sub.caughtUp(lastPosition);
    expect(seen).toEqual(["before", "after 1", "after 2"]);
    expect(sub.position).toBe(lastPosition);
    await sub.stop();
    await writer.close();
    await reader.close();
    await other.close();
  }, 30_000);

  it("rejects a batch larger than one NATS message before publishing, and writes nothing", async () => {
    const store = await createNatsEventStore({ catalog, connection: nc, tenantId: freshTenant("big") });
    const big = Array.from({ length: 40 }, (_, i) => ({
      type: "Noted" as const,
      data: { text: "z".repeat(30_000), n: i },
    }));
    const error = await store.append("big", big).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/max_payload/);
    expect(await store.streamExists("big")).toBe(false);
    expect(await store.lastPosition()).toBe(0);
    await store.close();
  });

  it("leaves a given connection open on close, and drains one it opened itself", async () => {
    const given = await openConnection();
    const a = await createNatsEventStore({ catalog, connection: given, tenantId: freshTenant() });
    await a.close();
    expect(given.isClosed()).toBe(false);
    await given.close();
    const b = await createNatsEventStore({ catalog, servers: NATS_URL, tenantId: freshTenant() });
    await b.append("s", [noted("x")]);
    await b.close();
    const error = await b.append("s", [noted("y")]).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
  });

  it("refuses a stream of the same name that captures other subjects", async () => {
    const tenantId = freshTenant("clash");
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: natsStreamNames(tenantId).events, subjects: [`other.${tenantId}.>`] });
    const error = await createNatsEventStore({ catalog, connection: nc, tenantId }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("invalid_state");
  });
});
