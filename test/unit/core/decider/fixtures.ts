import { z } from "zod";
import {
  createEventCatalog,
  createInMemoryEventStore,
  type Decider,
  DomainRuleError,
  defineEvent,
  type EventOf,
  type EventStore,
  sequentialIds,
  steppingClock,
} from "../../../../src/index.ts";

export const TabOpened = defineEvent("TabOpened", z.strictObject({ name: z.string().min(1) }));
export const ItemAdded = defineEvent(
  "ItemAdded",
  z.strictObject({
    lineId: z.string(),
    n: z.number().int(),
    seq: z.number().int(),
    at: z.string(),
    by: z.string().optional(),
  }),
);
export const TabClosed = defineEvent("TabClosed", z.strictObject({}));
export const tabCatalog = createEventCatalog([TabOpened, ItemAdded, TabClosed]);
export type TabEvent = EventOf<typeof TabOpened> | EventOf<typeof ItemAdded> | EventOf<typeof TabClosed>;

export const tabCommands = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("Open"), data: z.strictObject({ name: z.string().min(1) }) }),
  z.strictObject({ type: z.literal("Add"), data: z.strictObject({ n: z.number().int().positive() }) }),
  z.strictObject({ type: z.literal("AddTwice"), data: z.strictObject({ n: z.number().int().positive() }) }),
  z.strictObject({ type: z.literal("Close") }),
  z.strictObject({ type: z.literal("Touch") }),
  z.strictObject({ type: z.literal("Corrupt") }),
]);
export type TabCommand = z.infer<typeof tabCommands>;

export interface TabState {
  readonly open: boolean;
  readonly closed: boolean;
  readonly total: number;
  readonly items: number;
}

/** A bar tab: open once, add items while open, close. `decide` records how it was called. */
export function tabDecider(
  log: { command: TabCommand; state: TabState }[] = [],
): Decider<TabCommand, TabEvent, TabState> {
  return {
    name: "tab",
    initialState: () => ({ open: false, closed: false, total: 0, items: 0 }),
    evolve: (state, event) => {
      switch (event.type) {
        case "TabOpened":
          return { ...state, open: true };
        case "ItemAdded":
          return { ...state, total: state.total + event.data.n, items: state.items + 1 };
        case "TabClosed":
          return { ...state, closed: true };
      }
    },
    decide: (command, state, context) => {
      log.push({ command, state });
      const item = (n: number, seq: number): TabEvent => ({
        type: "ItemAdded",
        data: { lineId: context.newId(), n, seq, at: context.now, ...(context.actor ? { by: context.actor } : {}) },
      });
      switch (command.type) {
        case "Open":
          if (state.open) throw new DomainRuleError("tab_already_open", "decideTab: the tab is open");
          return { type: "TabOpened", data: { name: command.data.name } };
        case "Add":
          if (!state.open || state.closed) throw new DomainRuleError("tab_not_open", "decideTab: the tab is not open");
          return [item(command.data.n, state.items + 1)];
        case "AddTwice":
          return [item(command.data.n, state.items + 1), item(command.data.n, state.items + 2)];
        case "Close":
          return state.closed ? [] : [{ type: "TabClosed", data: {} }];
        case "Touch":
          return [];
        case "Corrupt":
          return [{ type: "ItemAdded", data: { n: "x" } } as never];
      }
    },
  };
}

export const newTabStore = () =>
  createInMemoryEventStore({
    catalog: tabCatalog,
    clock: steppingClock("2026-03-01T00:00:00.000Z"),
    ids: sequentialIds("evt"),
  });

/** Wraps a store and records every call; `beforeAppend` runs before each append is passed on. */
export function spyStore(
  inner: EventStore<any>,
  beforeAppend?: (attempt: number) => Promise<void>,
): EventStore<any> & { readonly calls: { method: string; args: unknown[] }[] } {
  const calls: { method: string; args: unknown[] }[] = [];
  let appends = 0;
  return {
    calls,
    tenantId: inner.tenantId,
    append: async (...args) => {
      calls.push({ method: "append", args });
      appends += 1;
      if (beforeAppend) await beforeAppend(appends);
      return inner.append(...args);
    },
    readStream: async (...args) => {
      calls.push({ method: "readStream", args });
      return inner.readStream(...args);
    },
    readAll: (...args) => {
      calls.push({ method: "readAll", args });
      return inner.readAll(...args);
    },
    subscribe: (...args) => inner.subscribe(...args),
    streamVersion: (...args) => inner.streamVersion(...args),
    streamExists: (...args) => inner.streamExists(...args),
    lastPosition: () => inner.lastPosition(),
    close: () => inner.close(),
  };
}
