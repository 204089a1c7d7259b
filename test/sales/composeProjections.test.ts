import { describe, expect, it } from "vitest";
import { pipeline } from "../../src/analytics/index.ts";
import { dealEvents } from "../../src/deals/index.ts";
import {
  createEventCatalog,
  defineEvent,
  defineProjection,
  type EventEnvelope,
  fold,
  inlineProjection,
  createInMemoryEventStore,
  rebuildProjection,
} from "../../src/index.ts";
import { composeProjections } from "../../src/sales/index.ts";
import { z } from "zod";

const Added = defineEvent("Added", z.strictObject({ n: z.number().int() }));
const Checked = defineEvent("Checked", z.strictObject({}));
const catalog = createEventCatalog([Added, Checked]);

const total = defineProjection({
  name: "total",
  events: catalog,
  initialState: () => ({ sum: 0 }),
  handlers: { Added: (s, e) => void (s.sum += e.data.n) },
});

const seen = composeProjections({
  name: "seen",
  uses: { total },
  events: catalog,
  initialState: () => ({ sums: [] as number[] }),
  handlers: {
    // Reads the used state after the same event was applied to it.
    Added: (s, _e, uses) => void s.sums.push(uses.total.sum),
    Checked: (s, _e, uses) => void s.sums.push(-uses.total.sum),
  },
});

let position = 0;
const env = (type: "Added" | "Checked", data: object) =>
  ({ type, data, globalPosition: ++position }) as unknown as EventEnvelope<never>;

describe("composeProjections", () => {
  it("hands each handler the used projection's state at the same position", () => {
    const events = [env("Added", { n: 2 }), env("Checked", {}), env("Added", { n: 5 }), env("Checked", {})];
    const state = fold(seen, events);
    expect(state.own.sums).toEqual([2, -2, 7, -7]);
    expect(state.uses.total).toEqual(fold(total, events));
    expect([...seen.types].sort()).toEqual(["Added", "Checked"]);
  });

  it("works inline and in a rebuild, with a store's real envelopes", async () => {
    const live = inlineProjection(seen);
    const store = createInMemoryEventStore({ catalog, inline: [live] });
    await store.append("s-1", [
      { type: "Added", data: { n: 3 } },
      { type: "Checked", data: {} },
    ]);
    await store.append("s-2", [{ type: "Added", data: { n: 4 } }]);
    const rebuilt = await rebuildProjection(store, seen);
    expect(rebuilt.state.own.sums).toEqual([3, -3, 7]);
    expect(live.state).toEqual(rebuilt.state);
  });

  it("reads the union of the event types, so a used projection's own types reach it", () => {
    const wins = composeProjections({
      name: "openWhenWon",
      uses: { pipeline },
      events: dealEvents,
      initialState: () => ({ open: [] as number[] }),
      handlers: { DealWon: (s, _e, uses) => void s.open.push(Object.keys(uses.pipeline.deals).length) },
    });
    expect(wins.types).toContain("DealOpened");
    expect(wins.types).toContain("DealWon");
  });

  it("refuses a uses entry that is not a projection, and an own handler outside the catalog", () => {
    expect(() =>
      composeProjections({ name: "x", uses: { total: {} as never }, initialState: () => ({}), handlers: {} }),
    ).toThrow(/total is not a projection/);
    expect(() =>
      composeProjections({
        name: "y",
        uses: { total },
        events: catalog,
        initialState: () => ({}),
        handlers: { Nope: () => {} } as never,
      }),
    ).toThrow(/Nope is not in the catalog/);
  });
});
