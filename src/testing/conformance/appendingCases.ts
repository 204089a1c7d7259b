import { appendingHelpers } from "./appendingHelpers.ts";
import { check, collect, rejectsWith, same } from "./assertions.ts";
import type { ConformanceCase } from "./eventStoreConformance.ts";

const { opened, note } = appendingHelpers;

/** @internal */
export const appendingCases: readonly ConformanceCase[] = [
  [
    "stores a batch with versions from 1, increasing positions and every envelope field",
    async (ctx) => {
      const tenantId = ctx.tenant();
      const store = await ctx.store(tenantId);
      check(store.tenantId === tenantId, `tenantId: expected ${tenantId}, got ${store.tenantId}`);
      const result = await store.append("deal-1", [opened("d1"), note("d1", "hello")], {
        expectedVersion: "no_stream",
      });
      same(result.nextExpectedVersion, 2, "nextExpectedVersion");
      same(
        result.events.map((e) => e.streamVersion),
        [1, 2],
        "stream versions",
      );
      const [a, b] = result.events;
      check(a && b && b.globalPosition > a.globalPosition, "global positions increase within a batch");
      same(result.lastPosition, b!.globalPosition, "lastPosition is the last event's position");
      for (const e of result.events) {
        same(e.streamId, "deal-1", "streamId");
        same(e.tenantId, tenantId, "tenantId");
        check(typeof e.eventId === "string" && e.eventId.length > 0, "an event id is generated");
        same(e.recordedAt, ctx.epoch, "recordedAt comes from the injected clock");
        same(e.occurredAt, e.recordedAt, "occurredAt defaults to recordedAt");
        same(e.metadata.schemaVersion, 1, "schemaVersion defaults to the current version");
      }
      same(a!.data, { dealId: "d1", name: "Deal d1", amountMinor: 100 }, "data");
      same(await store.streamVersion("deal-1"), 2, "streamVersion");
      check(await store.streamExists("deal-1"), "streamExists after append");
      check(!(await store.streamExists("deal-2")), "streamExists of an unknown stream");
      same(await store.streamVersion("deal-2"), 0, "streamVersion of an unknown stream");
      same(await store.lastPosition(), b!.globalPosition, "lastPosition");
    },
  ],
  [
    "keeps given event ids, occurrence times and metadata",
    async (ctx) => {
      const store = await ctx.store();
      const { events } = await store.append(
        "deal-1",
        [
          {
            ...opened("d1"),
            eventId: "evt-given-1",
            occurredAt: "2025-12-31T23:00:00+02:00",
            metadata: { actor: "user:ana", correlationId: "c-1", causationId: "cmd-1" },
          },
        ],
        { expectedVersion: "no_stream" },
      );
      const e = events[0]!;
      same(e.eventId, "evt-given-1", "eventId");
      same(e.occurredAt, "2025-12-31T21:00:00.000Z", "occurredAt is normalised to UTC");
      same(e.metadata, { actor: "user:ana", correlationId: "c-1", causationId: "cmd-1", schemaVersion: 1 }, "metadata");
      const [read] = (await store.readStream("deal-1")).events;
      same(read, e, "the envelope reads back exactly");
    },
  ],
  [
    "enforces each kind of expected version and writes nothing on a conflict",
    async (ctx) => {
      const store = await ctx.store();
      await rejectsWith(
        () => store.append("s", [opened("a")], { expectedVersion: "stream_exists" }),
        "concurrency_conflict",
        "stream_exists on a missing stream",
      );
      await rejectsWith(
        () => store.append("s", [opened("a")], { expectedVersion: 3 }),
        "concurrency_conflict",
        "a version on a missing stream",
      );
      await store.append("s", [opened("a")], { expectedVersion: 0 });
      const error = await rejectsWith(
        () => store.append("s", [note("a", "x")], { expectedVersion: "no_stream" }),
        "concurrency_conflict",
        "no_stream on an existing stream",
      );
      same(
        [error.expected, error.actual, error.streamId],
        ["no_stream", 1, "s"],
        "the error carries expected, actual and stream",
      );
      const stale = await rejectsWith(
        () => store.append("s", [note("a", "x")], { expectedVersion: 0 }),
        "concurrency_conflict",
        "a stale version",
      );
      same([stale.expected, stale.actual], [0, 1], "stale expected and actual");
      same(await store.streamVersion("s"), 1, "nothing was written by the conflicts");
      await store.append("s", [note("a", "x")], { expectedVersion: "stream_exists" });
      await store.append("s", [note("a", "y")], { expectedVersion: 2 });
      await store.append("s", [note("a", "z")], { expectedVersion: "any" });
      await store.append("s", [note("a", "w")]);
      same(await store.streamVersion("s"), 5, "every accepted expectation appended");
    },
  ],
  [
    "lets exactly one of two racing appends with the same expected version win",
    async (ctx) => {
      const store = await ctx.store();
      await store.append("race", [opened("r")], { expectedVersion: "no_stream" });
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) => store.append("race", [note("r", `w${i}`)], { expectedVersion: 1 })),
      );
      same(results.filter((r) => r.status === "fulfilled").length, 1, "winners");
      same(await store.streamVersion("race"), 2, "the stream holds one winner");
    },
  ],
  [
    "treats an empty batch as a no-op that still checks the expected version",
    async (ctx) => {
      const store = await ctx.store();
      const empty = await store.append("e", [], { expectedVersion: "no_stream" });
      same([empty.nextExpectedVersion, empty.events.length], [0, 0], "empty append result");
      check(!(await store.streamExists("e")), "an empty batch does not create the stream");
      await store.append("e", [opened("e")]);
      await rejectsWith(
        () => store.append("e", [], { expectedVersion: 7 }),
        "concurrency_conflict",
        "an empty batch with a wrong version",
      );
      same(
        (await store.append("e", [], { expectedVersion: 1 })).nextExpectedVersion,
        1,
        "an empty batch at the right version",
      );
      await store.append("e", [note("e", "still writable")], { expectedVersion: 1 });
      same(await store.streamVersion("e"), 2, "the stream is not wedged by empty appends");
    },
  ],
  [
    "returns frozen history that callers cannot change",
    async (ctx) => {
      const store = await ctx.store();
      const input = { type: "ConformanceDealOpened" as const, data: { dealId: "f", name: "Frozen", amountMinor: 5 } };
      const { events } = await store.append("f", [input], { expectedVersion: "no_stream" });
      (input.data as { name: string }).name = "changed by the caller";
      const read = (await store.readStream("f")).events[0]!;
      same((read.data as { name: string }).name, "Frozen", "the caller's later change did not reach the store");
      for (const e of [events[0]!, read]) {
        check(
          Object.isFrozen(e) && Object.isFrozen(e.data) && Object.isFrozen(e.metadata),
          "envelope, data and metadata are frozen",
        );
        check(!Reflect.set(e.data as object, "name", "mutated"), "setting a field of stored data fails");
      }
      check(Object.isFrozen((await store.readStream("f")).events), "the events array is frozen");
      const again = (await collect(store.readAll()))[0]!;
      same((again.data as { name: string }).name, "Frozen", "history is unchanged");
    },
  ],
  [
    "isolates tenants",
    async (ctx) => {
      const a = await ctx.store();
      const b = await ctx.store();
      await a.append("shared-id", [opened("a")], { expectedVersion: "no_stream" });
      check(!(await b.streamExists("shared-id")), "tenant B does not see tenant A's stream");
      same((await collect(b.readAll())).length, 0, "tenant B's log is empty");
      await b.append("shared-id", [opened("b")], { expectedVersion: "no_stream" });
      same(
        (await a.readStream("shared-id")).events.map((e) => (e.data as { dealId: string }).dealId),
        ["a"],
        "tenant A keeps its own",
      );
      same((await b.readStream("shared-id")).events[0]!.tenantId, b.tenantId, "tenant B's event carries its tenant");
    },
  ],
];
