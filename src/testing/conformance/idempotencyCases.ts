import { appendingHelpers } from "./appendingHelpers.ts";
import { check, collect, rejectsWith, same } from "./assertions.ts";
import type { ConformanceCase } from "./eventStoreConformance.ts";

const { opened, note } = appendingHelpers;

/** @internal */
export const idempotencyCases: readonly ConformanceCase[] = [
  [
    "returns the original result when the same events are appended again, and stores no duplicate",
    async (ctx) => {
      const store = await ctx.store();
      const batch = [
        { ...opened("i"), eventId: "i-1" },
        { ...note("i", "second"), eventId: "i-2", metadata: { actor: "user:bo" } },
      ];
      const first = await store.append("idem", batch, { expectedVersion: "no_stream" });
      await store.append("other", [opened("o")]);
      // A retry after a lost acknowledgement: the caller still holds its old expectation.
      const retry = await store.append("idem", batch, { expectedVersion: "no_stream" });
      same(retry, first, "the replayed result equals the original");
      const again = await store.append("idem", batch, { expectedVersion: 2 });
      same(again.nextExpectedVersion, 2, "any expectation replays the original");
      same(await store.streamVersion("idem"), 2, "no duplicate in the stream");
      same((await collect(store.readAll())).length, 3, "no duplicate in the log");
    },
  ],
  [
    "rejects a reused event id with other content, in another stream, or in a partial replay",
    async (ctx) => {
      const store = await ctx.store();
      await store.append("idem", [
        { ...opened("i"), eventId: "k-1" },
        { ...note("i", "n"), eventId: "k-2" },
      ]);
      const changed = await rejectsWith(
        () =>
          store.append("idem", [
            { ...opened("i", 999), eventId: "k-1" },
            { ...note("i", "n"), eventId: "k-2" },
          ]),
        "idempotency_conflict",
        "same id, different data",
      );
      same(changed.eventId, "k-1", "the error names the id");
      await rejectsWith(
        () => store.append("elsewhere", [{ ...opened("i"), eventId: "k-1" }]),
        "idempotency_conflict",
        "same id in another stream",
      );
      await rejectsWith(
        () =>
          store.append("idem", [
            { ...opened("i"), eventId: "k-1" },
            { ...note("i", "new"), eventId: "k-3" },
          ]),
        "idempotency_conflict",
        "a batch mixing stored and new ids",
      );
      await rejectsWith(
        () =>
          store.append("idem", [
            { ...note("i", "n"), eventId: "k-2" },
            { ...opened("i"), eventId: "k-1" },
          ]),
        "idempotency_conflict",
        "the same ids in another order",
      );
      await rejectsWith(
        () =>
          store.append("idem", [
            { ...opened("i"), eventId: "k-1", metadata: { actor: "someone-else" } },
            { ...note("i", "n"), eventId: "k-2" },
          ]),
        "idempotency_conflict",
        "same id, different metadata",
      );
      same(await store.streamVersion("idem"), 2, "nothing new was written");
      check(!(await store.streamExists("elsewhere")), "the other stream was not created");
    },
  ],
];
