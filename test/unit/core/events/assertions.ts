/** Shared helpers of the kernel's unit tests. */

/** Runs `fn` and returns what it threw; fails the test when it does not throw. */
export function thrown(fn: () => unknown): any {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

/** Awaits `fn` and returns its rejection; fails the test when it resolves. */
export async function rejection(fn: () => Promise<unknown>): Promise<any> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

/** Lists the paths of every object or array inside `value` that is not frozen; empty when deeply frozen. */
export function unfrozenPaths(value: unknown, path = "$"): string[] {
  if (typeof value !== "object" || value === null) return [];
  const out = Object.isFrozen(value) ? [] : [path];
  for (const key of Object.keys(value)) {
    out.push(...unfrozenPaths((value as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return out;
}

/** Every object and array reachable from `value`. */
export function objectsIn(value: unknown, into = new Set<object>()): Set<object> {
  if (typeof value === "object" && value !== null && !into.has(value)) {
    into.add(value);
    for (const key of Object.keys(value)) objectsIn((value as Record<string, unknown>)[key], into);
  }
  return into;
}
