import { describe, expect, it } from "vitest";
import {
  type CatchUpSource,
  createCatchUpSubscription,
  type EventEnvelope,
  isSalesfoldError,
  isValidationError,
} from "../../../../src/index.ts";
import { rejection, thrown } from "../events/assertions.ts";

const envelope = (globalPosition: number, type = "Noted"): EventEnvelope => ({
  type,
  data: { n: globalPosition },
  metadata: { schemaVersion: 1 },
  eventId: `e-${globalPosition}`,
  streamId: "s",
  streamVersion: globalPosition,
  globalPosition,
  occurredAt: "2026-01-01T00:00:00.000Z",
  recordedAt: "2026-01-01T00:00:00.000Z",
  tenantId: "default",
});

/** A source over a fixed log of `size` events that never grows. */
function fixedSource(size: number, calls: { after: number; limit: number }[] = []): CatchUpSource {
  const log = Array.from({ length: size }, (_, i) => envelope(i + 1, i % 2 === 0 ? "Noted" : "Tagged"));
  return {
    readBatch: async (after, limit, types) => {
      calls.push({ after, limit });
      const events: EventEnvelope[] = [];
      let i = after;
      for (; i < log.length && events.length < limit; i++) if (!types || types.has(log[i]!.type)) events.push(log[i]!);
      return { events, scannedTo: i };
    },
    waitForAppend: (_after, signal) =>
      new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true })),
  };
}

describe("createCatchUpSubscription", () => {
  it("reports every invalid option at once", () => {
    const error = thrown(() =>
      createCatchUpSubscription("S.subscribe", fixedSource(0), {
        after: -1,
        batchSize: 0,
        handler: "nope" as never,
        types: "Noted" as never,
      }),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("S.subscribe");
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ["after"],
      ["batchSize"],
      ["handler"],
      ["types"],
    ]);
  });

  it("reads in batches of batchSize from after, and reports its position", async () => {
    const calls: { after: number; limit: number }[] = [];
    const seen: number[][] = [];
    const sub = createCatchUpSubscription("S.subscribe", fixedSource(7, calls), {
      after: 2,
      batchSize: 2,
      handler: (events) => {
        seen.push(events.map((e) => e.globalPosition));
      },
    });
    await sub.caughtUp(Promise.resolve(7));
    expect(seen).toEqual([[3, 4], [5, 6], [7]]);
    expect(calls.slice(0, 3)).toEqual([
      { after: 2, limit: 2 },
      { after: 4, limit: 2 },
      { after: 6, limit: 2 },
    ]);
    expect(sub.position).toBe(7);
    await sub.stop();
    await expect(sub.done).resolves.toBeUndefined();
  });

  it("moves its position past filtered-out events without handing them over", async () => {
    const seen: string[] = [];
    const sub = createCatchUpSubscription("S.subscribe", fixedSource(4), {
      types: ["Tagged"],
      handler: (events) => {
        seen.push(...events.map((e) => e.eventId));
      },
    });
    await sub.caughtUp(4);
    expect(seen).toEqual(["e-2", "e-4"]);
    await sub.stop();
  });

  it("a waiter for a position the subscription never reaches is rejected when it stops", async () => {
    const sub = createCatchUpSubscription("S.subscribe", fixedSource(2), { handler: () => undefined });
    const waiting = rejection(() => sub.caughtUp(10));
    await sub.caughtUp(2);
    await sub.stop();
    const error = await waiting;
    expect(isSalesfoldError(error)).toBe(true);
    expect(error.code).toBe("invalid_state");
    expect(error.message).toContain("before reaching 10");
  });

  it("caughtUp rejects with the handler's error once the subscription failed", async () => {
    const boom = new Error("projection failed");
    const sub = createCatchUpSubscription("S.subscribe", fixedSource(3), {
      handler: () => {
        throw boom;
      },
    });
    expect(await rejection(() => sub.done)).toBe(boom);
    expect(await rejection(() => sub.caughtUp(1))).toBe(boom);
    expect(sub.position).toBe(0);
    await expect(sub.stop()).resolves.toBeUndefined();
  });
});
