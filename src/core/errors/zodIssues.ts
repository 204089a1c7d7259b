import type { ValidationIssue } from "./ValidationError.ts";

/** What salesfold reads from one zod issue. */
interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

/**
 * @internal Turns zod's issues into salesfold's, under `prefix`. An `unrecognized_keys` issue, which zod reports at
 * the object holding the keys, becomes one issue per unknown key with the key at the end of its path, so the path
 * names the offending field.
 */
export function _zodIssues(issues: readonly ZodIssueLike[], prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const i of issues) {
    if (i.code === "unrecognized_keys" && Array.isArray(i.keys) && i.keys.length > 0) {
      for (const key of i.keys) {
        out.push({ code: i.code, path: [...prefix, ...i.path, key], message: `unknown field ${JSON.stringify(key)}` });
      }
    } else {
      out.push({ code: i.code, path: [...prefix, ...i.path], message: i.message });
    }
  }
  return out;
}
