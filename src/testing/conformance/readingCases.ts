import type { EventStore } from "../../core/eventStore/index.ts";
import { appendingHelpers } from "./appendingHelpers.ts";
import { check, collect, rejectsWith, same } from "./assertions.ts";
import type { ConformanceEvent } from "./conformanceCatalog.ts";
import type { ConformanceCase } from "./eventStoreConformance.ts";

const { note } = appendingHelpers;

const texts = (events: readonly { data: unknown }[]) => events.map((e) => (e.data as { note: string }).note);

async function tenNotes(store: EventStore<ConformanceEvent>): Promise<void> {
  for (let i = 1; i <= 10; i += 2) {
    await store.append("r", [note("r", `n${i}`), note("r", `n${i + 1}`)], { expectedVersion: i - 1 });
  }
}

/** @internal */
export const readingCases: readonly ConformanceCase[] = [
  [
    "reads a stream forwards and backwards between versions, with a maximum count",
    async (ctx) => {
      const store = await ctx.store();
      await tenNotes(store);
      const all = await store.readStream("r");
      same(texts(all.events), ["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10"], "forwards");
      same([all.currentVersion, all.exists], [10, true], "version and existence");
      same(
        texts((await store.readStream("r", { fromVersion: 4, toVersion: 6 })).events),
        ["n4", "n5", "n6"],
        "a range",
      );
      same(
        texts((await store.readStream("r", { fromVersion: 8, maxCount: 5 })).events),
        ["n8", "n9", "n10"],
        "from a version",
      );
      same(
        texts((await store.readStream("r", { direction: "backwards", maxCount: 3 })).events),
        ["n10", "n9", "n8"],
        "backwards",
      );
      same(
        texts((await store.readStream("r", { direction: "backwards", fromVersion: 3 })).events),
        ["n3", "n2", "n1"],
        "backwards from a version",
      );
      same(
        texts((await store.readStream("r", { direction: "backwards", fromVersion: 7, toVersion: 6 })).events),
        ["n7", "n6"],
        "backwards range",
      );
      same((await store.readStream("r", { fromVersion: 11 })).events.length, 0, "past the end");
      same((await store.readStream("r", { maxCount: 0 })).events.length, 0, "a zero count");
      const missing = await store.readStream("nope");
      same([missing.events.length, missing.currentVersion, missing.exists], [0, 0, false], "a missing stream");
      await rejectsWith(
        () => store.readStream("r", { direction: "sideways" } as never),
        "validation_failed",
        "a bad direction",
      );
      await rejectsWith(() => store.readStream("r", { fromVersion: -2 }), "validation_failed", "a negative version");
    },
  ],
  [
    "reads all streams in global order, with paging by position and a type filter",
    async (ctx) => {
      const store = await ctx.store();
      await store.append("a", [note("a", "a1")]);
      await store.append("b", [appendingHelpers.opened("b"), note("b", "b1")]);
      await store.append("a", [note("a", "a2")]);
      const everything = await collect(store.readAll());
      same(
        everything.map((e) => e.streamId),
        ["a", "b", "b", "a"],
        "global order",
      );
      const positions = everything.map((e) => e.globalPosition);
      check(
        positions.every((p, i) => i === 0 || p > positions[i - 1]!),
        "positions strictly increase",
      );
      const page1 = await collect(store.readAll({ limit: 2 }));
      const page2 = await collect(store.readAll({ after: page1[page1.length - 1]!.globalPosition, limit: 2 }));
      const page3 = await collect(store.readAll({ after: page2[page2.length - 1]!.globalPosition, limit: 2 }));
      same(
        [...page1, ...page2, ...page3].map((e) => e.eventId),
        everything.map((e) => e.eventId),
        "pages concatenate to the whole log",
      );
      same(page3.length, 0, "the last page is empty");
      const notes = await collect(store.readAll({ types: ["ConformanceNoteAdded"] }));
      same(texts(notes), ["a1", "b1", "a2"], "type filter");
      same(
        texts(
          await collect(store.readAll({ types: ["ConformanceNoteAdded"], after: notes[0]!.globalPosition, limit: 1 })),
        ),
        ["b1"],
        "filter with paging",
      );
      same((await collect(store.readAll({ types: [] }))).length, 0, "an empty type list reads nothing");
      await rejectsWith(async () => collect(store.readAll({ after: -1 })), "validation_failed", "a negative position");
    },
  ],
  [
    "upcasts events written with an older schema version when reading",
    async (ctx) => {
      const store = await ctx.store();
      await store.append("u", [
        {
          type: "ConformanceAmountChanged",
          data: { dealId: "u", amount: 250 } as never,
          metadata: { schemaVersion: 1 },
        },
        { type: "ConformanceAmountChanged", data: { dealId: "u", amount: { minor: 300, currency: "EUR" } } },
      ]);
      await rejectsWith(
        () => store.append("u", [{ type: "ConformanceAmountChanged", data: { dealId: "u", amount: 250 } as never }]),
        "validation_failed",
        "old-shaped data at the current version",
      );
      const expected = [
        { dealId: "u", amount: { minor: 250, currency: "USD" } },
        { dealId: "u", amount: { minor: 300, currency: "EUR" } },
      ];
      const fromStream = (await store.readStream("u")).events;
      same(
        fromStream.map((e) => e.data),
        expected,
        "readStream upcasts",
      );
      same(
        fromStream.map((e) => e.metadata.schemaVersion),
        [2, 2],
        "upcast events report the current version",
      );
      same(
        (await collect(store.readAll())).map((e) => e.data),
        expected,
        "readAll upcasts",
      );
    },
  ],
];
