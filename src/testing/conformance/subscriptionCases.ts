import type { EventEnvelope } from "../../core/events/index.ts";
import { appendingHelpers } from "./appendingHelpers.ts";
import { check, rejectsWith, same } from "./assertions.ts";
import type { ConformanceCase } from "./eventStoreConformance.ts";

const { opened, note } = appendingHelpers;

/** @internal */
export const subscriptionCases: readonly ConformanceCase[] = [
  [
    "catches up on stored events, then delivers new ones in order, in bounded batches",
    async (ctx) => {
      const store = await ctx.store();
      for (let i = 0; i < 7; i++) await store.append(`s${i % 3}`, [note(`s${i % 3}`, `old${i}`)]);
      const seen: EventEnvelope[] = [];
      const sizes: number[] = [];
      const sub = store.subscribe({
        batchSize: 3,
        handler: (events) => {
          sizes.push(events.length);
          seen.push(...events);
        },
      });
      await sub.caughtUp(store.lastPosition());
      same(seen.length, 7, "caught up on the stored events");
      for (let i = 0; i < 5; i++) await store.append("live", [note("live", `new${i}`)]);
      await sub.caughtUp(store.lastPosition());
      await sub.stop();
      same(seen.length, 12, "received the live events");
      check(
        sizes.every((n) => n >= 1 && n <= 3),
        `batches respect batchSize: ${sizes.join(",")}`,
      );
      const positions = seen.map((e) => e.globalPosition);
      check(
        positions.every((p, i) => i === 0 || p > positions[i - 1]!),
        "delivered in global order, each once",
      );
      same(sub.position, await store.lastPosition(), "position is the last handled event");
    },
  ],
  [
    "starts after a checkpoint, filters by type, and moves past events it does not want",
    async (ctx) => {
      const store = await ctx.store();
      const first = await store.append("a", [opened("a"), note("a", "one")]);
      await store.append("b", [note("b", "two"), opened("b")]);
      const seen: string[] = [];
      const sub = store.subscribe({
        after: first.events[0]!.globalPosition,
        types: ["ConformanceNoteAdded"],
        handler: (events) => {
          for (const e of events) seen.push((e.data as { note: string }).note);
        },
      });
      await sub.caughtUp(store.lastPosition());
      same(seen, ["one", "two"], "only notes after the checkpoint");
      same(sub.position, await store.lastPosition(), "the checkpoint passed the unwanted last event");
      await sub.stop();
    },
  ],
  [
    "waits for the handler before the next batch, and stops cleanly",
    async (ctx) => {
      const store = await ctx.store();
      for (let i = 0; i < 6; i++) await store.append("bp", [note("bp", `n${i}`)]);
      let running = 0;
      let overlapped = false;
      let calls = 0;
      const sub = store.subscribe({
        batchSize: 2,
        handler: async () => {
          running++;
          if (running > 1) overlapped = true;
          calls++;
          await new Promise((r) => setTimeout(r, 5));
          running--;
        },
      });
      await sub.caughtUp(store.lastPosition());
      check(!overlapped, "the handler is never called while a previous call runs");
      same(calls, 3, "six events in batches of two");
      await sub.stop();
      await sub.done;
      await store.append("bp", [note("bp", "after stop")]);
      await new Promise((r) => setTimeout(r, 20));
      same(calls, 3, "no delivery after stop");
    },
  ],
  [
    "ends its subscriptions when the store closes: done resolves, and nothing is delivered after",
    async (ctx) => {
      const store = await ctx.store();
      await store.append("c", [note("c", "before")]);
      let calls = 0;
      const sub = store.subscribe({
        handler: () => {
          calls++;
        },
      });
      await sub.caughtUp(store.lastPosition());
      await store.close();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const ended = await Promise.race([
        sub.done.then(
          () => "resolved",
          () => "rejected",
        ),
        new Promise<string>((r) => {
          timer = setTimeout(() => r("still running"), 5_000);
        }),
      ]);
      clearTimeout(timer);
      same(ended, "resolved", "done after close");
      same(calls, 1, "one delivery, before close");
    },
  ],
  [
    "ends with the handler's error, and reports it to waiters",
    async (ctx) => {
      const store = await ctx.store();
      await store.append("f", [note("f", "boom")]);
      const sub = store.subscribe({
        handler: () => {
          throw new Error("handler failed");
        },
      });
      let failure: unknown;
      await sub.caughtUp(store.lastPosition()).catch((e) => {
        failure = e;
      });
      check(
        failure instanceof Error && failure.message === "handler failed",
        "caughtUp rejects with the handler's error",
      );
      await sub.done.then(
        () => check(false, "done resolves"),
        (e) => check(e instanceof Error, "done rejects"),
      );
      same(sub.position, 0, "the failed batch is not checkpointed");
      await rejectsWith(
        async () => store.subscribe({ batchSize: 0, handler: () => {} }),
        "validation_failed",
        "a zero batch size",
      );
    },
  ],
];
