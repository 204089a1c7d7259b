import { SalesfoldError, ValidationError } from "../errors/index.ts";
import type { EventEnvelope } from "../events/index.ts";
import type { SubscribeOptions, Subscription } from "./eventStore.ts";

/**
 * What a store gives {@link createCatchUpSubscription}: a way to read a batch after a position, and a way to wait
 * until something may have been appended.
 *
 * @example
 * ```ts
 * const source: CatchUpSource = {
 *   readBatch: async (after, limit, types) => ({ events: await select(after, limit, types), scannedTo: await head() }),
 *   waitForAppend: (after, signal) => notifier.wait(after, signal),
 * };
 * ```
 */
export interface CatchUpSource {
  /**
   * Reads up to `limit` events after `after` in global order, of `types` when given. `scannedTo` is the highest
   * position the read examined: the last event's when the batch is full, else the head of the log at read time.
   * It lets a filtered subscription move past events it does not want.
   */
  readBatch(
    after: number,
    limit: number,
    types: ReadonlySet<string> | undefined,
  ): Promise<{ readonly events: readonly EventEnvelope[]; readonly scannedTo: number }>;
  /**
   * Resolves when events after `after` may exist (a store may resolve early; the loop reads again), or when
   * `signal` aborts.
   */
  waitForAppend(after: number, signal: AbortSignal): Promise<void>;
}

/**
 * Runs a catch-up subscription over any store: read what is there in batches, hand each batch to the handler and
 * wait for it (backpressure), then wait for new appends. Adapters build `subscribe` on it.
 *
 * @param api - The API name for errors.
 * @param source - How to read and wait.
 * @param options - The subscriber's options.
 * @returns The running subscription.
 * @throws {@link ValidationError} for invalid options.
 * @example
 * ```ts
 * subscribe(options) { return createCatchUpSubscription("MyStore.subscribe", source, options); }
 * ```
 */
export function createCatchUpSubscription(
  api: string,
  source: CatchUpSource,
  options: SubscribeOptions<any>,
): Subscription {
  const after = options.after ?? 0;
  const batchSize = options.batchSize ?? 500;
  const issues = [];
  if (!Number.isSafeInteger(after) || after < 0)
    issues.push({ code: "invalid_position", path: ["after"], message: "after is a non-negative integer" });
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    issues.push({ code: "too_small", path: ["batchSize"], message: "batchSize is a positive integer" });
  if (typeof options.handler !== "function")
    issues.push({ code: "invalid_type", path: ["handler"], message: "handler is a function" });
  if (options.types !== undefined && !Array.isArray(options.types))
    issues.push({ code: "invalid_type", path: ["types"], message: "types is an array of event types" });
  if (issues.length > 0) throw new ValidationError(api, issues);

  const types = options.types ? new Set(options.types) : undefined;
  const controller = new AbortController();
  let position = after;
  let failure: unknown;
  const waiters: { target: number; resolve: () => void; reject: (e: unknown) => void }[] = [];

  const settleWaiters = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (failure !== undefined) w.reject(failure);
      else if (position >= w.target) w.resolve();
      else if (controller.signal.aborted) {
        w.reject(
          new SalesfoldError("invalid_state", `${api}: stopped at position ${position} before reaching ${w.target}`),
        );
      } else continue;
      waiters.splice(i, 1);
    }
  };

  const loop = async () => {
    while (!controller.signal.aborted) {
      const { events, scannedTo } = await source.readBatch(position, batchSize, types);
      if (controller.signal.aborted) break;
      if (events.length > 0) await options.handler(events);
      const next = Math.max(position, events.length > 0 ? events[events.length - 1]!.globalPosition : 0, scannedTo);
      if (next > position) {
        position = next;
        settleWaiters();
      } else {
        await source.waitForAppend(position, controller.signal);
      }
    }
  };

  const done = loop().then(
    () => settleWaiters(),
    (error: unknown) => {
      failure = error;
      controller.abort();
      settleWaiters();
      throw error;
    },
  );
  done.catch(() => undefined);

  return {
    get position() {
      return position;
    },
    caughtUp: async (target) => {
      const t = await target;
      if (failure !== undefined) throw failure;
      if (position >= t) return;
      await new Promise<void>((resolve, reject) => {
        waiters.push({ target: t, resolve, reject });
        settleWaiters();
      });
    },
    stop: async () => {
      controller.abort();
      await done.catch(() => undefined);
      settleWaiters();
    },
    done,
  };
}
