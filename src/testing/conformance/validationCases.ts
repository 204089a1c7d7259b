import { appendingHelpers } from "./appendingHelpers.ts";
import { check, collect, hasIssueAt, rejectsWith, same } from "./assertions.ts";
import type { ConformanceCase } from "./eventStoreConformance.ts";

const { opened, note } = appendingHelpers;

/** @internal */
export const validationCases: readonly ConformanceCase[] = [
  [
    "rejects a whole batch when one event is invalid, and writes nothing",
    async (ctx) => {
      const store = await ctx.store();
      const bad = { type: "ConformanceDealOpened", data: { dealId: "x", name: "X", amountMinor: "12" } } as never;
      const error = await rejectsWith(
        () => store.append("v", [opened("ok"), bad]),
        "validation_failed",
        "invalid data",
      );
      hasIssueAt(error, ["events", 1, "data", "amountMinor"], "the issue path");
      check(error.message.includes("append"), "the message names the API");
      check(!(await store.streamExists("v")), "nothing was written");
      same(await store.lastPosition(), 0, "the log is empty");
    },
  ],
  [
    "rejects unknown event types, unknown fields and unknown schema versions",
    async (ctx) => {
      const store = await ctx.store();
      const unknown = await rejectsWith(
        () => store.append("v", [{ type: "Nope", data: {} } as never]),
        "validation_failed",
        "unknown type",
      );
      same(unknown.issues[0].code, "unknown_event_type", "issue code");
      hasIssueAt(unknown, ["events", 0, "type"], "unknown type path");
      const extra = await rejectsWith(
        () => store.append("v", [{ ...note("v", "n"), colour: "red" } as never]),
        "validation_failed",
        "unknown envelope field",
      );
      hasIssueAt(extra, ["events", 0, "colour"], "unknown field path");
      const strict = await rejectsWith(
        () =>
          store.append("v", [{ type: "ConformanceNoteAdded", data: { dealId: "v", note: "n", surprise: 1 } } as never]),
        "validation_failed",
        "unknown data field",
      );
      hasIssueAt(strict, ["events", 0, "data"], "unknown data field path");
      await rejectsWith(
        () => store.append("v", [{ ...note("v", "n"), metadata: { schemaVersion: 9 } }]),
        "validation_failed",
        "a future schema version",
      );
      await rejectsWith(
        () => store.append("v", [{ ...note("v", "n"), occurredAt: "yesterday" }]),
        "validation_failed",
        "a bad occurredAt",
      );
      await rejectsWith(
        () => store.append("v", [{ ...note("v", "n"), eventId: "has spaces" }]),
        "validation_failed",
        "a bad event id",
      );
      await rejectsWith(
        () =>
          store.append("v", [
            { ...note("v", "a"), eventId: "same" },
            { ...note("v", "b"), eventId: "same" },
          ]),
        "validation_failed",
        "an id repeated in a batch",
      );
      await rejectsWith(() => store.append("v", "not an array" as never), "validation_failed", "events not an array");
      await rejectsWith(
        () => store.append("v", [note("v", "n")], { expectedVersion: -1 }),
        "validation_failed",
        "a negative expected version",
      );
      await rejectsWith(
        () => store.append("v", [note("v", "n")], { expectedVersion: "latest" as never }),
        "validation_failed",
        "an unknown expectation",
      );
      same(await store.lastPosition(), 0, "nothing was written by any rejected append");
    },
  ],
  [
    "validates stream ids: empty, NUL and over-long ids are rejected; any other text round-trips",
    async (ctx) => {
      const store = await ctx.store();
      for (const bad of ["", "a\u0000b", "x".repeat(1001)]) {
        await rejectsWith(
          () => store.append(bad, [opened("s")]),
          "validation_failed",
          `stream id ${JSON.stringify(bad.slice(0, 20))}`,
        );
        await rejectsWith(() => store.readStream(bad), "validation_failed", "readStream with a bad id");
      }
      const awkward = [
        "O'Brien; DROP TABLE events;--",
        "客户/深圳-01",
        "__proto__",
        "constructor",
        "a.b.*.>",
        "x".repeat(1000),
        " spaced ",
        "emoji 🚀",
      ];
      let last = 0;
      for (const id of awkward) {
        const result = await store.append(id, [opened(id.slice(0, 50))], { expectedVersion: "no_stream" });
        check(result.lastPosition > last, "positions increase across streams");
        last = result.lastPosition;
        const read = await store.readStream(id);
        same(
          read.events.map((e) => e.streamId),
          [id],
          `stream ${JSON.stringify(id.slice(0, 30))} reads back`,
        );
      }
      // Positions increase but need not be dense (a store may leave gaps), so compare with the last append.
      same(await store.lastPosition(), last, "lastPosition is the last append's position");
      let count = 0;
      for await (const _ of store.readAll()) count++;
      same(count, awkward.length, "one event per awkward stream");
    },
  ],
  [
    "stores awkward data exactly, and rejects a __proto__ key the schema would drop",
    async (ctx) => {
      const store = await ctx.store();
      const extra = JSON.parse(
        '{"constructor":{"prototype":{"x":1}},"text":"引号\\"; DROP--\\u0000 $1 %s","big":9007199254740991,"neg":-42,"frac":0.125,"nested":{"a":[1,[2,{"b":null}]]},"empty":{},"list":[],"toString":"x"}',
      );
      await store.append("d", [
        { type: "ConformanceNoteAdded", data: { dealId: "d", note: "naïve café 🚀 \u2028", extra } },
      ]);
      const [e] = (await store.readStream("d")).events;
      const data = e!.data as { note: string; extra: Record<string, unknown> };
      same(data.note, "naïve café 🚀 \u2028", "unicode text");
      same(JSON.stringify(data.extra), JSON.stringify(extra), "the data round-trips exactly");
      const hostile = JSON.parse('{"__proto__":{"polluted":true},"a":1}');
      const error = await rejectsWith(
        () => store.append("d", [{ type: "ConformanceNoteAdded", data: { dealId: "d", note: "n", extra: hostile } }]),
        "validation_failed",
        "a __proto__ key",
      );
      hasIssueAt(error, ["events", 0, "data", "extra", "__proto__"], "the __proto__ issue path");
      check(({} as { polluted?: boolean }).polluted === undefined, "no prototype was polluted");
      same(await store.streamVersion("d"), 1, "the rejected append wrote nothing");
    },
  ],
  [
    "rejects values JSON cannot carry exactly",
    async (ctx) => {
      const store = await ctx.store();
      for (const [label, value] of [
        ["NaN", Number.NaN],
        ["Infinity", Number.POSITIVE_INFINITY],
        ["a Date", new Date(0)],
        ["a function", () => 1],
        ["a bigint", 1n],
      ] as const) {
        await rejectsWith(
          () =>
            store.append("j", [
              { type: "ConformanceNoteAdded", data: { dealId: "j", note: "n", extra: { v: value } } } as never,
            ]),
          "validation_failed",
          label,
        );
      }
      same((await collect(store.readAll())).length, 0, "nothing was written");
    },
  ],
];
