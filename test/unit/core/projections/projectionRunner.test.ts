import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createEventCatalog,
  createInMemoryEventStore,
  createMemoryProcessor,
  createProjectionRunner,
  defineEvent,
  defineProjection,
  type EventEnvelope,
  type EventOf,
  isSalesfoldError,
  isValidationError,
  type ProjectionProcessor,
} from "../../../../src/index.ts";

const Won = defineEvent("Won", z.strictObject({ rep: z.string(), amount: z.number().int() }));
const Noise = defineEvent("Noise", z.strictObject({}));
const catalog = createEventCatalog([Won, Noise]);
type Ev = EventOf<typeof Won> | EventOf<typeof Noise>;
const won = (rep: string, amount: number): Ev => ({ type: "Won", data: { rep, amount } });

const totals = defineProjection({
  name: "totals",
  events: catalog,
  initialState: () => ({ byRep: {} as Record<string, number> }),
  handlers: { Won: (d, e) => void (d.byRep[e.data.rep] = (d.byRep[e.data.rep] ?? 0) + e.data.amount) },
});

/** A processor with a "durable" checkpoint and read model that survive a runner restart, like a database. */
function durableProcessor(db: {
  checkpoint: number;
  rows: Map<string, number>;
  batches: number[][];
}): ProjectionProcessor<Ev> {
  return {
    name: "durable",
    types: ["Won"],
    checkpoint: async () => db.checkpoint,
    handle: async (events) => {
      const fresh = events.filter((e) => e.globalPosition > db.checkpoint) as EventEnvelope<EventOf<typeof Won>>[];
      db.batches.push(events.map((e) => e.globalPosition));
      for (const e of fresh) db.rows.set(e.data.rep, (db.rows.get(e.data.rep) ?? 0) + e.data.amount);
      if (fresh.length > 0) db.checkpoint = fresh[fresh.length - 1]!.globalPosition;
    },
    reset: async () => {
      db.rows.clear();
      db.checkpoint = 0;
    },
  };
}

describe("createProjectionRunner", () => {
  it("catches up in batches, follows live appends, and keeps state frozen", async () => {
    const store = createInMemoryEventStore({ catalog });
    for (let i = 0; i < 7; i++) await store.append(`s-${i}`, [won(i % 2 ? "ana" : "bo", 10)]);
    const processor = createMemoryProcessor(totals);
    const runner = createProjectionRunner(store, processor, { batchSize: 3 });
    expect(runner.running).toBe(false);
    await runner.start();
    expect(runner.running).toBe(true);
    await runner.caughtUp(store.lastPosition());
    expect(processor.state.byRep).toEqual({ ana: 30, bo: 40 });
    await store.append("late", [won("ana", 5), { type: "Noise", data: {} }]);
    await runner.caughtUp(store.lastPosition());
    expect(processor.state.byRep).toEqual({ ana: 35, bo: 40 });
    expect(Object.isFrozen(processor.state.byRep)).toBe(true);
    expect(runner.position).toBe(await store.lastPosition());
    await runner.stop();
    expect(runner.running).toBe(false);
    await runner.done;
  });

  it("resumes from the processor's durable checkpoint after a restart, without re-applying events", async () => {
    const store = createInMemoryEventStore({ catalog });
    const db = { checkpoint: 0, rows: new Map<string, number>(), batches: [] as number[][] };
    for (let i = 0; i < 5; i++) await store.append("a", [won("ana", 1)]);
    const first = createProjectionRunner(store, durableProcessor(db), { batchSize: 2 });
    await first.start();
    await first.caughtUp(store.lastPosition());
    await first.stop();
    expect(db.checkpoint).toBe(5);
    for (let i = 0; i < 3; i++) await store.append("a", [won("ana", 1)]);
    const second = createProjectionRunner(store, durableProcessor(db), { batchSize: 2 });
    await second.start();
    await second.caughtUp(store.lastPosition());
    await second.stop();
    expect(db.rows.get("ana")).toBe(8);
    const delivered = db.batches.flat();
    expect(delivered).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(db.batches.every((b) => b.length <= 2)).toBe(true);
  });

  it("is idempotent by position when a batch is delivered again", async () => {
    const processor = createMemoryProcessor(totals);
    const store = createInMemoryEventStore({ catalog });
    const { events } = await store.append("a", [won("ana", 7), won("bo", 1)]);
    await processor.handle(events);
    await processor.handle(events);
    await processor.handle(events.slice(1));
    expect(processor.state.byRep).toEqual({ ana: 7, bo: 1 });
    expect(processor.position).toBe(events[1]!.globalPosition);
  });

  it("rebuilds from position 0 after resetting the read model", async () => {
    const store = createInMemoryEventStore({ catalog });
    const db = { checkpoint: 0, rows: new Map<string, number>(), batches: [] as number[][] };
    await store.append("a", [won("ana", 2), won("bo", 3)]);
    const runner = createProjectionRunner(store, durableProcessor(db));
    await runner.start();
    await runner.caughtUp(store.lastPosition());
    db.rows.set("ana", 999); // corrupt the read model
    await runner.rebuild();
    await runner.caughtUp(store.lastPosition());
    expect(Object.fromEntries(db.rows)).toEqual({ ana: 2, bo: 3 });
    await runner.stop();
  });

  it("applies backpressure: the next batch waits for the previous one", async () => {
    const store = createInMemoryEventStore({ catalog });
    for (let i = 0; i < 6; i++) await store.append("a", [won("ana", 1)]);
    let active = 0;
    let maxActive = 0;
    const processor: ProjectionProcessor<Ev> = {
      name: "slow",
      checkpoint: async () => 0,
      handle: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 3));
        active--;
      },
      reset: async () => {},
    };
    const runner = createProjectionRunner(store, processor, { batchSize: 1 });
    await runner.start();
    await runner.caughtUp(store.lastPosition());
    await runner.stop();
    expect(maxActive).toBe(1);
  });

  it("stops on a processor error: done and caughtUp reject, and the checkpoint stays before the failed batch", async () => {
    const store = createInMemoryEventStore({ catalog });
    await store.append("a", [won("ana", 1)]);
    await store.append("a", [won("boom", 1)]);
    const seen: number[] = [];
    const processor: ProjectionProcessor<Ev> = {
      name: "failing",
      checkpoint: async () => 0,
      handle: async (events) => {
        for (const e of events) {
          if (e.type === "Won" && e.data.rep === "boom") throw new Error("read model unavailable");
          seen.push(e.globalPosition);
        }
      },
      reset: async () => {},
    };
    const runner = createProjectionRunner(store, processor, { batchSize: 1 });
    await runner.start();
    await expect(runner.caughtUp(store.lastPosition())).rejects.toThrow("read model unavailable");
    await expect(runner.done).rejects.toThrow("read model unavailable");
    expect(seen).toEqual([1]);
    expect(runner.running).toBe(false);
    expect(runner.position).toBe(0);
  });

  it("refuses a second start and an invalid configuration", async () => {
    const store = createInMemoryEventStore({ catalog });
    const runner = createProjectionRunner(store, createMemoryProcessor(totals));
    await runner.start();
    await expect(runner.start()).rejects.toSatisfy((e) => isSalesfoldError(e) && e.code === "invalid_state");
    await runner.stop();
    await expect(runner.caughtUp(1)).rejects.toSatisfy((e) => isSalesfoldError(e) && e.code === "invalid_state");
    expect(() => createProjectionRunner(store, createMemoryProcessor(totals), { batchSize: 0 })).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
    let caught: unknown;
    try {
      createProjectionRunner(store, {} as never);
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).toBe(true);
  });
});
