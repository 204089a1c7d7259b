import { describe, expect, it } from "vitest";
import {
  ConcurrencyError,
  createCommandHandler,
  fixedClock,
  isConcurrencyError,
  isValidationError,
  sequentialIds,
} from "../../../../src/index.ts";
import { rejection } from "../events/assertions.ts";
import { newTabStore, spyStore, type TabCommand, type TabState, tabCommands, tabDecider } from "./fixtures.ts";

const open: TabCommand = { type: "Open", data: { name: "tab" } };
const add = (n: number): TabCommand => ({ type: "Add", data: { n } });

/**
 * A store where another writer appends to the same stream just before each of the first `races` appends of the
 * handler reaches the store, so that the handler's expected version is stale.
 */
async function racingSetup(races: number, maxRetries?: number) {
  const inner = newTabStore();
  await inner.append("tab-1", [{ type: "TabOpened", data: { name: "tab" } }]);
  let sneaked = 0;
  const store = spyStore(inner, async (attempt) => {
    if (attempt > races) return;
    sneaked += 1;
    const version = await inner.streamVersion("tab-1");
    await inner.append(
      "tab-1",
      [{ type: "ItemAdded", data: { lineId: `other-${sneaked}`, n: 100, seq: version, at: "t" } }],
      {
        expectedVersion: version,
      },
    );
  });
  const decisions: { command: TabCommand; state: TabState }[] = [];
  const handler = createCommandHandler({
    store,
    decider: tabDecider(decisions),
    commands: tabCommands,
    clock: fixedClock("2026-07-01T09:00:00.000Z"),
    ids: sequentialIds("h"),
    ...(maxRetries === undefined ? {} : { maxRetries }),
  });
  return { inner, store, handler, decisions, appends: () => store.calls.filter((c) => c.method === "append").length };
}

describe("createCommandHandler: concurrency", () => {
  it("retries a conflict by reloading and deciding again on the fresh state", async () => {
    const { inner, handler, decisions, appends } = await racingSetup(1);
    const result = await handler.handle("tab-1", add(5));
    expect(result.attempts).toBe(2);
    expect(appends()).toBe(2);
    expect(decisions.map((d) => d.state.items)).toEqual([0, 1]);
    // The retried decision saw the other writer's item: its sequence number follows it.
    expect(result.events.map((e) => [e.streamVersion, e.data])).toEqual([
      [3, { lineId: expect.any(String), n: 5, seq: 2, at: "2026-07-01T09:00:00.000Z" }],
    ]);
    expect(result.state).toEqual({ open: true, closed: false, total: 105, items: 2 });
    expect(result.nextExpectedVersion).toBe(3);
    expect((await inner.readStream("tab-1")).events.map((e) => (e.data as { n?: number }).n)).toEqual([
      undefined,
      100,
      5,
    ]);
  });

  it("keeps the correlation id across attempts but uses fresh event ids", async () => {
    const { inner, store, handler } = await racingSetup(2);
    await handler.handle("tab-1", add(1), { correlationId: "req-1" });
    const sent = store.calls
      .filter((c) => c.method === "append")
      .map((c) => (c.args[1] as { eventId: string; metadata: { correlationId: string } }[])[0]!);
    expect(sent.map((e) => e.metadata.correlationId)).toEqual(["req-1", "req-1", "req-1"]);
    expect(new Set(sent.map((e) => e.eventId)).size).toBe(3);
    const mine = (await inner.readStream("tab-1")).events.filter((e) => e.metadata.correlationId === "req-1");
    expect(mine.map((e) => [e.streamVersion, e.eventId])).toEqual([[4, sent[2]!.eventId]]);
  });

  it.each([0, 1, 3])(
    "gives up after maxRetries + 1 attempts (maxRetries %i) with the ConcurrencyError",
    async (maxRetries) => {
      const { inner, handler, decisions, appends } = await racingSetup(Number.POSITIVE_INFINITY, maxRetries);
      const error = await rejection(() => handler.handle("tab-1", add(5)));
      expect(isConcurrencyError(error)).toBe(true);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error.streamId).toBe("tab-1");
      expect(error.actual).toBe(error.expected + 1);
      expect(appends()).toBe(maxRetries + 1);
      expect(decisions).toHaveLength(maxRetries + 1);
      expect((await inner.readStream("tab-1")).events.every((e) => (e.data as { n?: number }).n !== 5)).toBe(true);
    },
  );

  it("retries three times by default", async () => {
    const { handler, appends } = await racingSetup(Number.POSITIVE_INFINITY);
    expect(isConcurrencyError(await rejection(() => handler.handle("tab-1", add(5))))).toBe(true);
    expect(appends()).toBe(4);
  });

  it("succeeds on the last allowed attempt", async () => {
    const { handler } = await racingSetup(3, 3);
    expect((await handler.handle("tab-1", add(5))).attempts).toBe(4);
  });

  it("with an explicit expectedVersion that is already stale, fails before deciding and appends nothing", async () => {
    const { handler, decisions, appends } = await racingSetup(0);
    const error = await rejection(() => handler.handle("tab-1", add(5), { expectedVersion: 0 }));
    expect(isConcurrencyError(error)).toBe(true);
    expect(error).toMatchObject({ expected: 0, actual: 1 });
    expect(decisions).toEqual([]);
    expect(appends()).toBe(0);
  });

  it("with an explicit expectedVersion, a conflict at append is not retried", async () => {
    const { inner, handler, decisions, appends } = await racingSetup(1);
    const error = await rejection(() => handler.handle("tab-1", add(5), { expectedVersion: 1 }));
    expect(isConcurrencyError(error)).toBe(true);
    expect(error).toMatchObject({ expected: 1, actual: 2 });
    expect(appends()).toBe(1);
    expect(decisions).toHaveLength(1);
    expect(await inner.streamVersion("tab-1")).toBe(2);
  });

  it("with expectedVersion no_stream on an existing stream, fails once without retrying", async () => {
    const { handler, appends } = await racingSetup(0);
    const error = await rejection(() => handler.handle("tab-1", open, { expectedVersion: "no_stream" }));
    // The tab is open, so the decider refuses before the store can: the refusal wins.
    expect(error.code).toBe("domain_rule_violated");
    const closing = await rejection(() => handler.handle("tab-1", { type: "Close" }, { expectedVersion: "no_stream" }));
    expect(isConcurrencyError(closing)).toBe(true);
    expect(closing.expected).toBe("no_stream");
    expect(appends()).toBe(1);
  });

  it("does not retry errors other than conflicts", async () => {
    const inner = newTabStore();
    await inner.append("tab-1", [{ type: "TabOpened", data: { name: "tab" } }]);
    const store = spyStore(inner, async () => {
      throw new Error("connection reset");
    });
    const handler = createCommandHandler({ store, decider: tabDecider(), commands: tabCommands });
    const error = await rejection(() => handler.handle("tab-1", add(1)));
    expect(error.message).toBe("connection reset");
    expect(isValidationError(error)).toBe(false);
    expect(store.calls.filter((c) => c.method === "append")).toHaveLength(1);
  });
});
