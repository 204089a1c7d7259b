import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  createEventCatalog,
  defineEvent,
  defineProjection,
  type EventEnvelope,
  type EventOf,
  fold,
  type Projection,
} from "../../src/index.ts";
import { dealEvents } from "../../src/deals/index.ts";
import { pipeline } from "../../src/analytics/index.ts";
import { composeProjections } from "../../src/sales/index.ts";

const DealWon = defineEvent("DealWon", z.strictObject({ dealId: z.string(), amountMinor: z.number().int() }));
const DealLost = defineEvent("DealLost", z.strictObject({ dealId: z.string(), reason: z.string() }));
const catalog = createEventCatalog([DealWon, DealLost]);
type Won = EventOf<typeof DealWon>;
type Lost = EventOf<typeof DealLost>;

describe("defineProjection", () => {
  it("narrows each handler's event to its key", () => {
    defineProjection({
      name: "p",
      events: catalog,
      initialState: () => ({ won: 0, reasons: [] as string[] }),
      handlers: {
        DealWon: (_draft, event) => {
          expectTypeOf(event).toEqualTypeOf<EventEnvelope<Won>>();
          expectTypeOf(event.data.amountMinor).toEqualTypeOf<number>();
          expectTypeOf(event.type).toEqualTypeOf<"DealWon">();
        },
        DealLost: (_draft, event) => {
          expectTypeOf(event.data).toEqualTypeOf<Lost["data"]>();
          // @ts-expect-error DealLost has no amountMinor
          void event.data.amountMinor;
        },
      },
    });
  });

  it("rejects handlers for types outside the catalog", () => {
    defineProjection({
      name: "p",
      events: catalog,
      initialState: () => ({}),
      handlers: {
        // @ts-expect-error DealTeleported is not an event of the catalog
        DealTeleported: () => {},
      },
    });
  });

  it("flows the state type to the draft, the projection and fold", () => {
    const p = defineProjection({
      name: "p",
      events: catalog,
      initialState: () => ({ won: 0, reasons: [] as string[] }),
      handlers: {
        DealWon: (draft) => {
          expectTypeOf(draft.won).toEqualTypeOf<number>();
          draft.won += 1;
          // @ts-expect-error the state has no field lost
          draft.lost = 1;
        },
        DealLost: (draft, e) => {
          draft.reasons.push(e.data.reason);
          // @ts-expect-error reasons holds strings
          draft.reasons.push(1);
        },
      },
    });
    expectTypeOf(p).toEqualTypeOf<Projection<Won | Lost, { won: number; reasons: string[] }>>();
    expectTypeOf(fold(p, [])).toEqualTypeOf<{ won: number; reasons: string[] }>();
  });

  it("types composed projections: the used states and the own state", () => {
    const c = composeProjections({
      name: "c",
      uses: { pipeline },
      events: dealEvents,
      initialState: () => ({ n: 0 }),
      handlers: {
        DealWon: (draft, event, uses) => {
          expectTypeOf(event.data.dealId).toEqualTypeOf<string>();
          expectTypeOf(uses.pipeline.deals).toEqualTypeOf<(typeof uses.pipeline)["deals"]>();
          // @ts-expect-error the uses are read-only views, not drafts
          uses.pipeline = {} as never;
          draft.n += 1;
        },
      },
    });
    expectTypeOf(fold(c, []).own).toEqualTypeOf<{ n: number }>();
    expectTypeOf(fold(c, []).uses.pipeline.byStage).toBeObject();
  });
});
