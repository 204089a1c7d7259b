// Waiting subscriptions of this process, by schema and tenant: an append through any store handle of the process
// wakes them at once. Appends by other processes are found by polling.
const waiting = new Map<string, Set<() => void>>();

/** @internal Wakes the subscriptions of this process that wait on `key`. */
export function signalAppend(key: string): void {
  const set = waiting.get(key);
  if (set === undefined) return;
  waiting.delete(key);
  for (const wake of set) wake();
}

/** @internal Resolves on the next append signalled for `key`, after `pollMs`, or when `signal` aborts. */
export function waitForSignal(key: string, pollMs: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    let set = waiting.get(key);
    if (set === undefined) waiting.set(key, (set = new Set()));
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      waiting.get(key)?.delete(done);
      resolve();
    };
    const timer = setTimeout(done, pollMs);
    signal.addEventListener("abort", done, { once: true });
    set.add(done);
  });
}
