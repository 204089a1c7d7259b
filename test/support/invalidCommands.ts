// Builds invalid variants of a valid command, for the property "every command rejects bad input with a typed error
// and writes nothing". Each variant breaks the command in one place: a field removed, a value of the wrong type or
// out of range, an unknown key, or the whole command replaced. Only variants the schema really rejects are kept.
import fc from "fast-check";
import { expect } from "vitest";
import type { z } from "zod";
import { type EventStore, isValidationError } from "../../src/index.ts";

export interface InvalidVariant {
  readonly label: string;
  readonly value: unknown;
}

const WRONG_VALUES: readonly [string, unknown][] = [
  ["null", null],
  ["a fraction", 12.5],
  ["a negative number", -1],
  ["an empty string", ""],
  ["a string", "not-what-was-expected"],
  ["a huge string", "x".repeat(20_000)],
  ["an object", {}],
  ["an array", []],
  ["a boolean", true],
  ["NaN", Number.NaN],
];

function clone<T>(v: T): T {
  return structuredClone(v);
}

function setAt(root: unknown, path: readonly (string | number)[], mutate: (parent: any, key: string | number) => void) {
  const copy = clone(root);
  let node: any = copy;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]!];
  mutate(node, path[path.length - 1]!);
  return copy;
}

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  }
  return [];
}

function objectPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...prefix, i]));
  if (value && typeof value === "object") {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...prefix, k]))];
  }
  return [];
}

/** Every single-point corruption of `valid` that `schema` rejects. */
export function invalidVariants(schema: z.ZodType, valid: unknown): InvalidVariant[] {
  const out: InvalidVariant[] = [
    { label: "null command", value: null },
    { label: "a string command", value: "OpenDeal" },
    { label: "an empty object", value: {} },
  ];
  for (const p of paths(valid)) {
    const at = p.join(".");
    out.push({
      label: `without ${at}`,
      value: setAt(valid, p, (parent, key) =>
        Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key],
      ),
    });
    for (const [name, wrong] of WRONG_VALUES) {
      out.push({
        label: `${at} = ${name}`,
        value: setAt(valid, p, (parent, key) => void (parent[key] = clone(wrong))),
      });
    }
  }
  for (const p of objectPaths(valid)) {
    const at = p.length === 0 ? "(root)" : p.join(".");
    const copy = clone(valid) as any;
    let node = copy;
    for (const k of p) node = node[k];
    node.__unexpected = 1;
    out.push({ label: `unknown key at ${at}`, value: copy });
  }
  return out.filter((v) => !schema.safeParse(v.value).success);
}

/**
 * Property: every invalid variant of each valid command is rejected by `handle` with a ValidationError, and the
 * store's log does not move.
 */
export async function assertRejectsInvalidCommands(options: {
  readonly schema: z.ZodType;
  readonly valid: readonly unknown[];
  readonly store: EventStore<any>;
  readonly handle: (command: unknown) => Promise<unknown>;
  readonly numRuns?: number;
}): Promise<void> {
  const variants = options.valid.flatMap((v) => invalidVariants(options.schema, v));
  expect(variants.length).toBeGreaterThan(options.valid.length * 3);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...variants), async (variant) => {
      const before = await options.store.lastPosition();
      let caught: unknown;
      try {
        await options.handle(variant.value);
      } catch (error) {
        caught = error;
      }
      expect(isValidationError(caught), `${variant.label}: expected a ValidationError, got ${String(caught)}`).toBe(
        true,
      );
      expect(await options.store.lastPosition(), `${variant.label}: something was written`).toBe(before);
    }),
    { numRuns: options.numRuns ?? Math.min(300, variants.length * 2) },
  );
}
