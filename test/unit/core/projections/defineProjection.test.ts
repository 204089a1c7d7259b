import { z } from "zod";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createEventCatalog, defineEvent, defineProjection, fold, isValidationError } from "../../../../src/index.ts";
import { thrown } from "../events/assertions.ts";
import { envelope } from "./envelopes.ts";

const DealWon = defineEvent("DealWon", z.strictObject({ repId: z.string(), amount: z.number() }));
const DealLost = defineEvent("DealLost", z.strictObject({ reason: z.string() }));
const catalog = createEventCatalog([DealWon, DealLost]);

describe("defineProjection", () => {
  it("returns a frozen projection listing the handled types, version 1 by default", () => {
    const p = defineProjection({
      name: "wins",
      events: catalog,
      initialState: () => ({ won: 0 }),
      handlers: { DealWon: (draft) => void (draft.won += 1) },
    });
    expect(p.name).toBe("wins");
    expect(p.version).toBe(1);
    expect(p.types).toEqual(["DealWon"]);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.handlers)).toBe(true);
    expect(Object.isFrozen(p.types)).toBe(true);
  });

  it("types each handler's event by its event type", () => {
    const p = defineProjection({
      name: "typed",
      events: catalog,
      initialState: () => ({ byRep: {} as Record<string, number>, reasons: [] as string[] }),
      handlers: {
        DealWon: (draft, event) => {
          expectTypeOf(event.data).toEqualTypeOf<{ repId: string; amount: number }>();
          expectTypeOf(event.type).toEqualTypeOf<"DealWon">();
          draft.byRep[event.data.repId] = (draft.byRep[event.data.repId] ?? 0) + event.data.amount;
        },
        DealLost: (draft, event) => {
          expectTypeOf(event.data.reason).toBeString();
          // @ts-expect-error DealLost has no amount
          void event.data.amount;
          draft.reasons.push(event.data.reason);
        },
      },
    });
    const state = fold(p, [
      envelope(1, { type: "DealWon", data: { repId: "r", amount: 5 } }),
      envelope(2, { type: "DealLost", data: { reason: "price" } }),
      envelope(3, { type: "DealWon", data: { repId: "r", amount: 2 } }),
    ]);
    expect(state).toEqual({ byRep: { r: 7 }, reasons: ["price"] });
  });

  it("rejects, in types and at run time, a handler for a type outside the catalog", () => {
    const error = thrown(() =>
      defineProjection({
        name: "extra",
        events: catalog,
        initialState: () => ({}),
        handlers: {
          // @ts-expect-error DealOpened is not in the catalog
          DealOpened: () => undefined,
        },
      }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ code: "unknown_event_type", path: ["handlers", "DealOpened"] }),
    ]);
  });

  it("keeps a copy of the handlers: changing the caller's object later changes nothing", () => {
    const handlers: Record<string, (d: { n: number }) => void> = { DealWon: (d) => void (d.n += 1) };
    const p = defineProjection<{ type: string; data: unknown }, { n: number }>({
      name: "copy",
      initialState: () => ({ n: 0 }),
      handlers,
    });
    handlers.DealLost = (d) => void (d.n += 100);
    expect(p.types).toEqual(["DealWon"]);
    expect(fold(p, [envelope(1, { type: "DealLost", data: { reason: "x" } })])).toEqual({ n: 0 });
  });

  it("reports every problem of a definition", () => {
    const error = thrown(() =>
      defineProjection({
        name: "",
        version: 0,
        events: catalog,
        initialState: { n: 0 } as never,
        handlers: { DealWon: "nope" as never, DealOpened: () => undefined } as never,
      }),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe('defineProjection("")');
    expect(error.issues.map((i: { path: unknown[]; code: string }) => [i.code, i.path])).toEqual([
      ["invalid_type", ["name"]],
      ["invalid_type", ["initialState"]],
      ["invalid_version", ["version"]],
      ["invalid_type", ["handlers", "DealWon"]],
      ["unknown_event_type", ["handlers", "DealOpened"]],
    ]);
  });

  it("accepts any handler type without a catalog", () => {
    const p = defineProjection<{ type: string; data: unknown }, { n: number }>({
      name: "free",
      initialState: () => ({ n: 0 }),
      handlers: { Anything: (d) => void (d.n += 1) },
    });
    expect(p.types).toEqual(["Anything"]);
  });
});
