import type Database from "better-sqlite3";

// Waiters per connection: an append through any store handle on a connection wakes the subscriptions of every
// handle on it at once. Appends by other connections or processes are seen by polling.
const waitersByDb = new WeakMap<Database.Database, Set<() => void>>();

/** @internal Wakes every subscription waiting on this connection. */
export function signalAppend(db: Database.Database): void {
  const waiters = waitersByDb.get(db);
  if (waiters === undefined || waiters.size === 0) return;
  for (const wake of [...waiters]) wake();
}

/**
 * @internal Resolves once `head()` passes `after` (checked now, then every `pollMs`), an append on this connection
 * signals, or `signal` aborts. It may resolve early; the subscription loop then reads again.
 */
export function waitForAppend(
  db: Database.Database,
  head: () => number,
  after: number,
  signal: AbortSignal,
  pollMs: number,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return resolve();
    try {
      if (head() > after) return resolve();
    } catch (error) {
      return reject(error);
    }
    let waiters = waitersByDb.get(db);
    if (waiters === undefined) {
      waiters = new Set();
      waitersByDb.set(db, waiters);
    }
    const set = waiters;
    let timer: ReturnType<typeof setInterval> | undefined;
    const finish = (error?: unknown) => {
      set.delete(wake);
      signal.removeEventListener("abort", wake);
      if (timer !== undefined) clearInterval(timer);
      if (error === undefined) resolve();
      else reject(error);
    };
    const wake = () => finish();
    set.add(wake);
    signal.addEventListener("abort", wake, { once: true });
    timer = setInterval(() => {
      try {
        if (!db.open || head() > after) finish();
      } catch (error) {
        finish(error);
      }
    }, pollMs);
  });
}
