import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createEventCatalog,
  createInMemoryEventStore,
  createProjectionRunner,
  defineEvent,
  type EventOf,
  type EventStore,
  isSalesfoldError,
  type ProjectionProcessor,
  type Subscription,
} from "../../../../src/index.ts";

const Won = defineEvent("Won", z.strictObject({ rep: z.string(), amount: z.number().int() }));
const catalog = createEventCatalog([Won]);
type Ev = EventOf<typeof Won>;
const won = (rep: string, amount: number): Ev => ({ type: "Won", data: { rep, amount } });

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Whether a promise has settled once every pending microtask and one turn of the event loop have run. */
const settled = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setImmediate(() => resolve(false))),
  ]);

/** Lets pending microtasks and one turn of the event loop run. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A store that records every subscription made on it. */
function spiedStore() {
  const inner = createInMemoryEventStore({ catalog });
  const subscriptions: Subscription[] = [];
  const store = {
    ...inner,
    subscribe: (options: Parameters<EventStore["subscribe"]>[0]) => {
      const sub = inner.subscribe(options);
      subscriptions.push(sub);
      return sub;
    },
  } as EventStore<any>;
  return { inner, store, subscriptions };
}

/**
 * A processor with a durable checkpoint, like a database. It logs each batch as it begins and as it commits; while
 * `gate` is set, a batch waits for it before committing, and `entered` resolves when a batch begins.
 */
function gatedProcessor() {
  const db = { checkpoint: 0, rows: new Map<string, number>() };
  const log: string[] = [];
  const control = {
    gate: undefined as Deferred<void> | undefined,
    entered: deferred(),
    active: 0,
    maxActive: 0,
  };
  const processor: ProjectionProcessor<Ev> = {
    name: "gated",
    checkpoint: async () => db.checkpoint,
    handle: async (events) => {
      const positions = events.map((e) => e.globalPosition).join(",");
      log.push(`handle ${positions}`);
      control.active++;
      control.maxActive = Math.max(control.maxActive, control.active);
      control.entered.resolve();
      const gate = control.gate;
      if (gate) {
        control.gate = undefined;
        await gate.promise;
      }
      for (const e of events) {
        if (e.globalPosition <= db.checkpoint) continue;
        db.rows.set(e.data.rep, (db.rows.get(e.data.rep) ?? 0) + e.data.amount);
        db.checkpoint = e.globalPosition;
      }
      control.active--;
      log.push(`commit ${positions}`);
    },
    reset: async () => {
      log.push("reset");
      db.rows.clear();
      db.checkpoint = 0;
    },
  };
  return { db, log, control, processor };
}

describe("createProjectionRunner: start, stop and rebuild called concurrently", () => {
  it("a stop() while start() reads the checkpoint cancels the start: nothing is subscribed or handled", async () => {
    const { inner, store, subscriptions } = spiedStore();
    const reading = deferred();
    const checkpoint = deferred<number>();
    const handled: number[] = [];
    const processor: ProjectionProcessor<Ev> = {
      name: "p",
      checkpoint: () => {
        reading.resolve();
        return checkpoint.promise;
      },
      handle: async (events) => void handled.push(...events.map((e) => e.globalPosition)),
      reset: async () => {},
    };
    const runner = createProjectionRunner(store, processor);
    const started = runner.start();
    await reading.promise;
    const stopped = runner.stop();
    checkpoint.resolve(0);
    await Promise.all([started, stopped]);
    expect(runner.running).toBe(false);
    expect(subscriptions).toHaveLength(0);
    await inner.append("a", [won("ana", 1)]);
    await turn();
    expect(handled).toEqual([]);
    await expect(runner.caughtUp(1)).rejects.toSatisfy((e) => isSalesfoldError(e) && e.code === "invalid_state");
  });

  it("a stop() called right after start() wins, and a start() after that stop starts again", async () => {
    const { inner, store, subscriptions } = spiedStore();
    await inner.append("a", [won("ana", 1)]);
    const { processor, db } = gatedProcessor();
    const runner = createProjectionRunner(store, processor);
    await Promise.all([runner.start(), runner.stop()]);
    expect(runner.running).toBe(false);
    expect(subscriptions).toHaveLength(0);
    const calls = [runner.start(), runner.stop(), runner.start()];
    await Promise.all(calls);
    expect(runner.running).toBe(true);
    await runner.caughtUp(inner.lastPosition());
    expect(db.rows.get("ana")).toBe(1);
    await runner.stop();
    expect(subscriptions).toHaveLength(1);
  });

  it("of two concurrent start() calls one starts and the other is refused: one subscription, each event once", async () => {
    const { inner, store, subscriptions } = spiedStore();
    await inner.append("a", [won("ana", 1)]);
    const { processor, log } = gatedProcessor();
    const runner = createProjectionRunner(store, processor);
    const results = await Promise.allSettled([runner.start(), runner.start()]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    const refusal = (results[1] as PromiseRejectedResult).reason;
    expect(isSalesfoldError(refusal) && refusal.code === "invalid_state").toBe(true);
    await runner.caughtUp(inner.lastPosition());
    await runner.stop();
    expect(subscriptions).toHaveLength(1);
    expect(await settled(subscriptions[0]!.done)).toBe(true);
    await inner.append("a", [won("ana", 1)]);
    await turn();
    expect(log).toEqual(["handle 1", "commit 1"]);
  });

  it("concurrent stop() calls share one stop, and none resolves before the batch in flight is handled", async () => {
    const { inner, store } = spiedStore();
    for (let i = 0; i < 3; i++) await inner.append("a", [won("ana", 1)]);
    const { processor, control, db } = gatedProcessor();
    const release = deferred();
    control.gate = release;
    const runner = createProjectionRunner(store, processor);
    await runner.start();
    await control.entered.promise;
    const first = runner.stop();
    const second = runner.stop();
    expect(second).toBe(first);
    expect(runner.running).toBe(false);
    expect(await settled(first)).toBe(false);
    expect(await settled(second)).toBe(false);
    release.resolve();
    await second;
    expect(control.active).toBe(0);
    expect(db.checkpoint).toBe(3);
    expect(await settled(first)).toBe(true);
  });

  it("after stop(), position is that of the batch that was in flight when it was called", async () => {
    const { inner, store } = spiedStore();
    for (let i = 0; i < 3; i++) await inner.append("a", [won("ana", 1)]);
    const { processor, control, db } = gatedProcessor();
    const release = deferred();
    control.gate = release;
    const runner = createProjectionRunner(store, processor);
    await runner.start();
    expect(runner.position).toBe(0);
    await control.entered.promise;
    const stopped = runner.stop();
    release.resolve();
    await stopped;
    expect(db.checkpoint).toBe(3);
    expect(runner.position).toBe(3);
  });

  it("rebuild() called while a stop waits for its batch resets only once that batch is committed", async () => {
    const { inner, store, subscriptions } = spiedStore();
    await inner.append("a", [won("ana", 2), won("bo", 3)]);
    const { processor, control, db, log } = gatedProcessor();
    const release = deferred();
    control.gate = release;
    const runner = createProjectionRunner(store, processor);
    await runner.start();
    await control.entered.promise;
    const stopped = runner.stop();
    const rebuilt = runner.rebuild();
    expect(await settled(rebuilt)).toBe(false);
    expect(log).toEqual(["handle 1,2"]);
    release.resolve();
    await Promise.all([stopped, rebuilt]);
    expect(runner.running).toBe(true);
    await runner.caughtUp(inner.lastPosition());
    await runner.stop();
    expect(log).toEqual(["handle 1,2", "commit 1,2", "reset", "handle 1,2", "commit 1,2"]);
    expect(Object.fromEntries(db.rows)).toEqual({ ana: 2, bo: 3 });
    expect(db.checkpoint).toBe(2);
    expect(control.maxActive).toBe(1);
    expect(subscriptions).toHaveLength(2);
  });

  it("a start() called while a stop waits for its batch starts after it, never beside it", async () => {
    const { inner, store, subscriptions } = spiedStore();
    for (let i = 0; i < 3; i++) await inner.append("a", [won("ana", 1)]);
    const { processor, control, db, log } = gatedProcessor();
    const release = deferred();
    control.gate = release;
    const runner = createProjectionRunner(store, processor);
    await runner.start();
    await control.entered.promise;
    const stopped = runner.stop();
    const restarted = runner.start();
    expect(await settled(restarted)).toBe(false);
    expect(subscriptions).toHaveLength(1);
    release.resolve();
    await Promise.all([stopped, restarted]);
    expect(runner.running).toBe(true);
    expect(runner.position).toBe(3);
    await inner.append("a", [won("ana", 1)]);
    await runner.caughtUp(inner.lastPosition());
    await runner.stop();
    expect(control.maxActive).toBe(1);
    expect(log).toEqual(["handle 1,2,3", "commit 1,2,3", "handle 4", "commit 4"]);
    expect(db.rows.get("ana")).toBe(4);
  });

  it("a stop() called after rebuild() leaves the runner stopped, with the read model reset", async () => {
    const { inner, store } = spiedStore();
    await inner.append("a", [won("ana", 2)]);
    const { processor, db, log } = gatedProcessor();
    const runner = createProjectionRunner(store, processor);
    await runner.start();
    await runner.caughtUp(inner.lastPosition());
    await Promise.all([runner.rebuild(), runner.stop()]);
    expect(runner.running).toBe(false);
    expect(log).toEqual(["handle 1", "commit 1", "reset"]);
    expect(db.checkpoint).toBe(0);
  });

  it("caughtUp() called while start() is under way waits for the start", async () => {
    const { inner, store } = spiedStore();
    await inner.append("a", [won("ana", 2)]);
    const { processor, db } = gatedProcessor();
    const runner = createProjectionRunner(store, processor);
    const started = runner.start();
    await runner.caughtUp(inner.lastPosition());
    await started;
    expect(db.rows.get("ana")).toBe(2);
    await runner.stop();
  });
});
