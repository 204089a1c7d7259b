import { describe, expect, it } from "vitest";
import {
  createInMemoryEventStore,
  defineProjection,
  type EventEnvelope,
  type InlineHook,
  inlineProjection,
  rebuildProjection,
} from "../../../../src/index.ts";
import { rejection } from "../events/assertions.ts";
import { collect, noted, type StoreEvent, storeCatalog } from "./fixtures.ts";

const total = defineProjection({
  name: "total",
  events: storeCatalog,
  initialState: () => ({ sum: 0, count: 0 }),
  handlers: {
    Noted: (draft, e) => {
      if (e.data.n < 0) throw new RangeError(`negative note ${e.data.n}`);
      draft.sum += e.data.n;
      draft.count += 1;
    },
  },
});

const amounts = defineProjection({
  name: "amounts",
  events: storeCatalog,
  initialState: () => ({ byCurrency: {} as Record<string, number> }),
  handlers: {
    AmountSet: (draft, e) => {
      const { minor, currency } = e.data.amount;
      draft.byCurrency[currency] = (draft.byCurrency[currency] ?? 0) + minor;
    },
  },
});

describe("inline hooks in the in-memory store", () => {
  it("publishes each hook's update with the append", async () => {
    const live = inlineProjection(total);
    const store = createInMemoryEventStore({ catalog: storeCatalog, inline: [live] });
    await store.append("s", [noted(2), noted(3)]);
    expect(live.state).toEqual({ sum: 5, count: 2 });
    expect(live.position).toBe(2);
  });

  it("a throwing handler fails the append: nothing is written and no hook publishes", async () => {
    const staged: number[] = [];
    const spy: InlineHook = {
      stage: (events) => {
        staged.push(events.length);
        return () => staged.push(-1);
      },
    };
    const live = inlineProjection(total);
    const store = createInMemoryEventStore({ catalog: storeCatalog, inline: [spy, live] });
    await store.append("s", [noted(1)]);
    const error = await rejection(() => store.append("s", [noted(2), noted(-1)], { expectedVersion: 1 }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe("negative note -1");
    expect(await store.streamVersion("s")).toBe(1);
    expect(await store.lastPosition()).toBe(1);
    expect((await collect(store.readAll())).map((e) => e.data)).toEqual([{ n: 1 }]);
    expect(live.state).toEqual({ sum: 1, count: 1 });
    expect(live.position).toBe(1);
    expect(staged).toEqual([1, -1, 2]);
    // The failed append took no position and no version: the next one continues without a gap.
    const next = await store.append("s", [noted(4)], { expectedVersion: 1 });
    expect(next.events.map((e) => [e.streamVersion, e.globalPosition])).toEqual([[2, 2]]);
    expect(live.state).toEqual({ sum: 5, count: 2 });
  });

  it("a failed append does not leave its event ids behind: the same ids can be appended afterwards", async () => {
    const store = createInMemoryEventStore({ catalog: storeCatalog, inline: [inlineProjection(total)] });
    await rejection(() => store.append("s", [{ ...noted(-1), eventId: "x-1" }]));
    const ok = await store.append("s", [{ ...noted(1), eventId: "x-1" }]);
    expect(ok.events[0]!.eventId).toBe("x-1");
  });

  it("hooks receive the stored envelopes, positioned", async () => {
    const seen: EventEnvelope[][] = [];
    const store = createInMemoryEventStore({
      catalog: storeCatalog,
      inline: [
        {
          stage: (events) => {
            seen.push([...events]);
            return () => undefined;
          },
        },
      ],
    });
    const result = await store.append("s", [noted(1), noted(2)]);
    expect(seen).toEqual([result.events]);
    expect(seen[0]!.map((e) => e.globalPosition)).toEqual([1, 2]);
  });

  // Appending at an older schema version is supported (prepare validates against that version's schema), and reads
  // upcast. What inline hooks and the append result see must be the same upcast shape, or an inline projection
  // diverges from the same projection rebuilt from the log.
  it("inline hooks see events appended at an older schema version upcast, as a rebuild does", async () => {
    const live = inlineProjection(amounts);
    const store = createInMemoryEventStore<StoreEvent>({ catalog: storeCatalog, inline: [live] });
    await store.append("s", [{ type: "AmountSet", data: { amount: 5 } as never, metadata: { schemaVersion: 1 } }]);
    const rebuilt = await rebuildProjection(store, amounts);
    expect(rebuilt.state).toEqual({ byCurrency: { USD: 5 } });
    expect(live.state).toEqual(rebuilt.state);
  });

  it("the append result returns events appended at an older schema version upcast, as reads do", async () => {
    const store = createInMemoryEventStore<StoreEvent>({ catalog: storeCatalog });
    const result = await store.append("s", [
      { type: "AmountSet", data: { amount: 5 } as never, metadata: { schemaVersion: 1 } },
    ]);
    const read = await store.readStream("s");
    expect(read.events[0]!.data).toEqual({ amount: { minor: 5, currency: "USD" } });
    expect(result.events[0]!.data).toEqual(read.events[0]!.data);
    expect(result.events[0]!.metadata.schemaVersion).toBe(2);
  });
});
