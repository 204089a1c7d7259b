import { describe, expect, it } from "vitest";
import {
  aggregateStream,
  createCommandHandler,
  type DecisionContext,
  DomainRuleError,
  evolveAll,
  fixedClock,
  isDomainRuleError,
  isValidationError,
  sequentialIds,
} from "../../../../src/index.ts";
import { rejection, thrown } from "../events/assertions.ts";
import { newTabStore, spyStore, type TabCommand, type TabState, tabCommands, tabDecider } from "./fixtures.ts";

const open: TabCommand = { type: "Open", data: { name: "Ana's tab" } };
const add = (n: number): TabCommand => ({ type: "Add", data: { n } });

function setup(options: { clock?: string; decider?: ReturnType<typeof tabDecider> } = {}) {
  const inner = newTabStore();
  const store = spyStore(inner);
  const handler = createCommandHandler({
    store,
    decider: options.decider ?? tabDecider(),
    commands: tabCommands,
    clock: fixedClock(options.clock ?? "2026-07-01T09:00:00.000Z"),
    ids: sequentialIds("h"),
  });
  return { inner, store, handler };
}

describe("createCommandHandler: validation", () => {
  it("rejects invalid handler options with every issue", () => {
    const error = thrown(() =>
      createCommandHandler({
        store: {} as never,
        decider: { name: "x" } as never,
        commands: {} as never,
        maxRetries: -1,
        snapshots: { store: {} as never, every: 0 },
      }),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("createCommandHandler");
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ["store"],
      ["decider"],
      ["commands"],
      ["maxRetries"],
      ["snapshots", "every"],
    ]);
  });

  it("rejects an invalid stream id, command and options together, before touching the store", async () => {
    const { store, handler } = setup();
    const error = await rejection(() =>
      handler.handle("", { type: "Add", data: { n: -1 } } as TabCommand, { actor: "", expectedVersion: -2 }),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("CommandHandler(tab).handle");
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ["streamId"],
      ["command", "data", "n"],
      ["options", "actor"],
      ["options", "expectedVersion"],
    ]);
    expect(store.calls).toEqual([]);
  });

  it.each([
    ["an unknown command", { type: "Explode" }, ["command", "type"]],
    ["an extra command field", { type: "Close", force: true }, ["command", "force"]],
    ["a command that is not an object", "Close", ["command"]],
  ])("rejects %s and writes nothing", async (_label, command, path) => {
    const { store, handler } = setup();
    const error = await rejection(() => handler.handle("tab-1", command as never));
    expect(error.issues[0].path).toEqual(path);
    expect(store.calls).toEqual([]);
  });

  it("rejects unknown handle options", async () => {
    const { handler } = setup();
    const error = await rejection(() => handler.handle("tab-1", open, { user: "ana" } as never));
    expect(error.path).toEqual(["options", "user"]);
    expect(error.issues).toEqual([
      { code: "unrecognized_keys", path: ["options", "user"], message: 'unknown field "user"' },
    ]);
  });

  it("a decider that produces an invalid event fails with the store's ValidationError, and writes nothing", async () => {
    const { inner, handler } = setup();
    await handler.handle("tab-1", open);
    const error = await rejection(() => handler.handle("tab-1", { type: "Corrupt" }));
    expect(isValidationError(error)).toBe(true);
    expect(error.path[0]).toBe("events");
    expect(await inner.streamVersion("tab-1")).toBe(1);
  });
});

describe("createCommandHandler: deciding", () => {
  it("a DomainRuleError from decide propagates as is, and nothing is written", async () => {
    const { inner, store, handler } = setup();
    const error = await rejection(() => handler.handle("tab-1", add(5)));
    expect(isDomainRuleError(error)).toBe(true);
    expect(error).toBeInstanceOf(DomainRuleError);
    expect(error.rule).toBe("tab_not_open");
    expect(store.calls.map((c) => c.method)).toEqual(["readStream"]);
    expect(await inner.lastPosition()).toBe(0);
  });

  it("gives decide the parsed command, the state, the clock's time, the actor and the id generator", async () => {
    const log: { command: TabCommand; state: TabState }[] = [];
    const contexts: DecisionContext[] = [];
    const decider = tabDecider(log);
    const spying = {
      ...decider,
      decide: (c: TabCommand, s: TabState, ctx: DecisionContext) => {
        contexts.push(ctx);
        return decider.decide(c, s, ctx);
      },
    };
    const { handler } = setup({ clock: "2026-07-01T11:00:00+02:00", decider: spying });
    await handler.handle("tab-1", open);
    const result = await handler.handle("tab-1", add(3), { actor: "user:ana" });
    expect(log[1]).toEqual({ command: add(3), state: { open: true, closed: false, total: 0, items: 0 } });
    expect(contexts[1]).toMatchObject({ now: "2026-07-01T09:00:00.000Z", actor: "user:ana" });
    expect(contexts[0]!.actor).toBeUndefined();
    // ids: h-1 correlation (1st handle), h-2 event id; h-3 correlation (2nd handle), h-4 lineId from decide, h-5 event id.
    expect(result.events[0]!.data).toEqual({
      lineId: "h-000004",
      n: 3,
      seq: 1,
      at: "2026-07-01T09:00:00.000Z",
      by: "user:ana",
    });
    expect(result.events[0]!.eventId).toBe("h-000005");
  });

  it("by default takes event ids from one ordered generator, and context.newId() from random nanoids", async () => {
    const handler = createCommandHandler({ store: newTabStore(), decider: tabDecider(), commands: tabCommands });
    await handler.handle("tab-1", open);
    const eventIds: string[] = [];
    const lineIds: string[] = [];
    for (let i = 1; i <= 50; i++) {
      const { events } = await handler.handle("tab-1", add(i));
      eventIds.push(events[0]!.eventId);
      lineIds.push((events[0]!.data as { lineId: string }).lineId);
    }
    // Event ids sort in the order the handler made them, so a store's event-id index grows at its end.
    expect([...eventIds].sort()).toEqual(eventIds);
    expect(new Set(eventIds.map((id) => id.slice(0, 12))).size).toBe(1);
    // Ids the decider asks for stay random: they reveal nothing about their order.
    expect([...lineIds].sort()).not.toEqual(lineIds);
    expect(new Set(lineIds.map((id) => id.slice(0, 12))).size).toBe(50);
  });

  it("stores actor, correlationId and causationId in every event's metadata, and the decision time as occurredAt", async () => {
    const { inner, handler } = setup();
    await handler.handle("tab-1", open);
    await handler.handle(
      "tab-1",
      { type: "AddTwice", data: { n: 2 } },
      {
        actor: "user:ana",
        correlationId: "req-7",
        causationId: "cmd-9",
      },
    );
    const { events } = await inner.readStream("tab-1", { fromVersion: 2 });
    expect(events.map((e) => e.metadata)).toEqual([
      { schemaVersion: 1, actor: "user:ana", correlationId: "req-7", causationId: "cmd-9" },
      { schemaVersion: 1, actor: "user:ana", correlationId: "req-7", causationId: "cmd-9" },
    ]);
    expect(events.map((e) => e.occurredAt)).toEqual(["2026-07-01T09:00:00.000Z", "2026-07-01T09:00:00.000Z"]);
  });

  it("generates one correlation id per command, shared by its events, and leaves out what was not given", async () => {
    const { inner, handler } = setup();
    await handler.handle("tab-1", open);
    await handler.handle("tab-1", { type: "AddTwice", data: { n: 1 } });
    const { events } = await inner.readStream("tab-1");
    expect(events.map((e) => e.metadata)).toEqual([
      { schemaVersion: 1, correlationId: "h-000001" },
      { schemaVersion: 1, correlationId: "h-000003" },
      { schemaVersion: 1, correlationId: "h-000003" },
    ]);
  });

  it("returns the stored events, the state after them and the next expected version", async () => {
    const { handler } = setup();
    const first = await handler.handle("tab-1", open);
    expect(first).toMatchObject({ streamId: "tab-1", nextExpectedVersion: 1, attempts: 1, state: { open: true } });
    const second = await handler.handle("tab-1", { type: "AddTwice", data: { n: 4 } });
    expect(second.events.map((e) => [e.type, e.streamVersion])).toEqual([
      ["ItemAdded", 2],
      ["ItemAdded", 3],
    ]);
    expect(second.state).toEqual({ open: true, closed: false, total: 8, items: 2 });
    expect(second.nextExpectedVersion).toBe(3);
    expect(await handler.load("tab-1")).toEqual({ state: second.state, version: 3 });
  });

  it("an empty decision writes nothing and returns the loaded state and version", async () => {
    const { inner, store, handler } = setup();
    await handler.handle("tab-1", open);
    store.calls.length = 0;
    const result = await handler.handle("tab-1", { type: "Touch" });
    expect(result).toEqual({
      streamId: "tab-1",
      events: [],
      state: { open: true, closed: false, total: 0, items: 0 },
      nextExpectedVersion: 1,
      attempts: 1,
    });
    expect(store.calls.map((c) => c.method)).toEqual(["readStream"]);
    expect(await inner.lastPosition()).toBe(1);
    const onEmpty = await handler.handle("tab-2", { type: "Touch" });
    expect(onEmpty.nextExpectedVersion).toBe(0);
    expect(await inner.streamExists("tab-2")).toBe(false);
  });

  it("appends with the version it loaded as the expected version", async () => {
    const { store, handler } = setup();
    await handler.handle("tab-1", open);
    await handler.handle("tab-1", add(1));
    const appends = store.calls.filter((c) => c.method === "append").map((c) => c.args[2]);
    expect(appends).toEqual([{ expectedVersion: 0 }, { expectedVersion: 1 }]);
  });
});

describe("evolveAll and aggregateStream", () => {
  it("evolveAll folds from the initial state, or from a given one", () => {
    const decider = tabDecider();
    const events = [
      { type: "TabOpened" as const, data: { name: "t" } },
      { type: "ItemAdded" as const, data: { lineId: "l", n: 2, seq: 1, at: "x" } },
    ];
    expect(evolveAll(decider, events)).toEqual({ open: true, closed: false, total: 2, items: 1 });
    expect(evolveAll(decider, events.slice(1), { open: true, closed: false, total: 10, items: 5 })).toEqual({
      open: true,
      closed: false,
      total: 12,
      items: 6,
    });
    expect(evolveAll(decider, [])).toEqual(decider.initialState());
  });

  it("aggregateStream reads a stream into a state with its version", async () => {
    const { inner, handler } = setup();
    await handler.handle("tab-1", open);
    await handler.handle("tab-1", add(7));
    expect(await aggregateStream(inner, "tab-1", tabDecider())).toEqual({
      state: { open: true, closed: false, total: 7, items: 1 },
      version: 2,
      exists: true,
    });
    expect(await aggregateStream(inner, "none", tabDecider())).toEqual({
      state: tabDecider().initialState(),
      version: 0,
      exists: false,
    });
  });
});
