import type { NatsConnection, Subscription } from "@nats-io/transport-node";

/**
 * @internal Wakes idle subscriptions. After every committed append the store publishes an empty core-NATS message
 * on the tenant's `appended` subject; a waiter wakes on it, or after `pollMs` for appends it missed (core NATS is
 * at-most-once, and other writers' notifications may be lost on reconnects).
 */
export interface AppendWaiter {
  /** Tells every handle of the tenant that an append committed. */
  notify(): void;
  /** Resolves once events after `after` may exist, or `signal` aborts. */
  wait(after: number, signal: AbortSignal): Promise<void>;
  /** Stops listening. Pending waits resolve only when their signal aborts. */
  close(): void;
}

/** @internal Creates the waiter; it subscribes lazily, on the first wait. */
export function createAppendWaiter(
  nc: NatsConnection,
  subject: string,
  pollMs: number,
  lastPosition: () => Promise<number>,
): AppendWaiter {
  let sub: Subscription | undefined;
  let closed = false;
  let wakers: (() => void)[] = [];
  const wakeAll = () => {
    const toWake = wakers;
    wakers = [];
    for (const w of toWake) w();
  };

  return {
    notify() {
      if (!closed && !nc.isClosed() && !nc.isDraining()) nc.publish(subject);
    },
    async wait(after, signal) {
      if (closed) {
        await new Promise<void>((resolve) => {
          if (signal.aborted) resolve();
          else signal.addEventListener("abort", () => resolve(), { once: true });
        });
        return;
      }
      sub ??= nc.subscribe(subject, { callback: () => wakeAll() });
      let woken!: () => void;
      const wokenUp = new Promise<void>((resolve) => {
        woken = resolve;
      });
      wakers.push(woken);
      const timer = setTimeout(woken, pollMs);
      const onAbort = () => woken();
      signal.addEventListener("abort", onAbort, { once: true });
      try {
        // Registered before looking, so an append between the caller's read and now is not missed.
        if (signal.aborted || (await lastPosition()) > after) return;
        await wokenUp;
      } finally {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        wakers = wakers.filter((w) => w !== woken);
      }
    },
    close() {
      closed = true;
      sub?.unsubscribe();
      sub = undefined;
      wakeAll();
    },
  };
}
