import { formatPath } from "../../core/errors/index.ts";
import { isSalesfoldError } from "../../core/errors/index.ts";

/** @internal Thrown by the conformance suite's checks. */
export class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConformanceFailure";
  }
}

/** @internal */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/** @internal Structural equality for JSON-like values and plain objects. */
export function same(actual: unknown, expected: unknown, label: string): void {
  const a = stable(actual);
  const e = stable(expected);
  if (a !== e) throw new ConformanceFailure(`${label}: expected ${e}, got ${a}`);
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** @internal Runs `fn` and checks that it rejects with a salesfold error of `code`; returns the error. */
export async function rejectsWith(fn: () => Promise<unknown>, code: string, label: string): Promise<any> {
  let caught: unknown;
  try {
    await fn();
  } catch (error) {
    caught = error;
  }
  check(caught !== undefined, `${label}: expected a ${code} error, but the call succeeded`);
  check(
    isSalesfoldError(caught) && caught.code === code,
    `${label}: expected a salesfold error with code ${code}, got ${isSalesfoldError(caught) ? caught.code : String(caught)}`,
  );
  return caught;
}

/** @internal Checks that a validation error names a path starting with `prefix`. */
export function hasIssueAt(
  error: { issues: readonly { path: readonly PropertyKey[] }[] },
  prefix: readonly PropertyKey[],
  label: string,
): void {
  const found = error.issues.some((i) => prefix.every((p, n) => i.path[n] === p));
  check(
    found,
    `${label}: expected an issue at ${formatPath(prefix)}, got ${error.issues.map((i) => formatPath(i.path)).join(", ")}`,
  );
}

/** @internal Collects an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
