import type { ValidationIssue } from "../errors/index.ts";

/**
 * A JSON value: what an event's data may hold, so that every store reads back exactly what was appended.
 *
 * @example
 * ```ts
 * const value: JsonValue = { amount: 1250, tags: ["vip"], note: null };
 * ```
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Copies a value into a deeply frozen JSON value, so the stored copy shares nothing with the caller's object and can
 * never be mutated. Rejects what JSON cannot carry exactly (functions, symbols, bigint, NaN, ±Infinity, dates, class
 * instances, `undefined` in arrays, nesting deeper than 64) with one issue per offending path. An object property
 * whose value is `undefined` is left out, as JSON does. A `__proto__` key is kept as plain data.
 *
 * @param value - The value to copy.
 * @param path - The path reported in issues.
 * @param issues - Collects the problems found.
 * @returns The frozen copy, or `undefined` when an issue was recorded.
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * const copy = frozenJson({ amount: 5 }, ["data"], issues); // Object.isFrozen(copy) === true
 * ```
 */
export function frozenJson(value: unknown, path: PropertyKey[], issues: ValidationIssue[]): JsonValue | undefined {
  return copy(value, path, issues, 0);
}

const MAX_DEPTH = 64;

function copy(value: unknown, path: PropertyKey[], issues: ValidationIssue[], depth: number): JsonValue | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (Number.isFinite(value)) return Object.is(value, -0) ? 0 : value;
      issues.push({ code: "not_json", path: [...path], message: `${value} cannot be stored as JSON` });
      return undefined;
    case "object": {
      if (value === null) return null;
      if (depth >= MAX_DEPTH) {
        issues.push({ code: "too_deep", path: [...path], message: `data nests deeper than ${MAX_DEPTH} levels` });
        return undefined;
      }
      if (Array.isArray(value)) {
        const out: JsonValue[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          const item = copy(value[i], path, issues, depth + 1);
          path.pop();
          if (item === undefined) return undefined;
          out[i] = item;
        }
        return Object.freeze(out);
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        issues.push({
          code: "not_json",
          path: [...path],
          message: `a ${proto?.constructor?.name ?? "class"} instance cannot be stored as JSON; use plain objects and ISO strings`,
        });
        return undefined;
      }
      const out: Record<string, JsonValue> = {};
      for (const key of Object.keys(value)) {
        path.push(key);
        const raw = (value as Record<string, unknown>)[key];
        if (raw === undefined) {
          path.pop();
          continue;
        }
        const item = copy(raw, path, issues, depth + 1);
        path.pop();
        if (item === undefined) return undefined;
        if (key === "__proto__") {
          Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
        } else {
          out[key] = item;
        }
      }
      return Object.freeze(out);
    }
    default:
      issues.push({ code: "not_json", path: [...path], message: `a ${typeof value} cannot be stored as JSON` });
      return undefined;
  }
}

/**
 * Compares two JSON values structurally. Key order does not matter.
 *
 * @param a - One value.
 * @param b - The other.
 * @returns `true` when they hold the same data.
 * @example
 * ```ts
 * jsonEquals({ a: 1, b: [2] }, { b: [2], a: 1 }); // true
 * ```
 */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEquals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!jsonEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * Like {@link frozenJson}, for the output of a zod parse: objects and arrays that zod built are checked and frozen in
 * place, and only those that zod passed through from the input unchanged (under `z.any()`, `z.unknown()` and the
 * like) are copied, so that nothing the caller holds is ever frozen or shared. Saves one copy per event on appends.
 *
 * @param output - What the schema's parse returned.
 * @param input - What the caller passed to the parse.
 * @param path - The path reported in issues.
 * @param issues - Collects the problems found.
 * @returns The frozen value, or `undefined` when an issue was recorded.
 * @example
 * ```ts
 * const parsed = schema.parse(input);
 * const data = frozenParsed(parsed, input, ["data"], issues);
 * ```
 */
export function frozenParsed(
  output: unknown,
  input: unknown,
  path: PropertyKey[],
  issues: ValidationIssue[],
): JsonValue | undefined {
  return inPlace(output, input, path, issues, 0);
}

function inPlace(
  value: unknown,
  input: unknown,
  path: PropertyKey[],
  issues: ValidationIssue[],
  depth: number,
): JsonValue | undefined {
  // Without an input object at the same place, the value may be one the caller shares (a `.default()` or `.catch()`
  // value, or an object a transform moved): copy it rather than freeze it.
  const from = (typeof input === "object" && input !== null ? input : undefined) as Record<string, unknown> | undefined;
  if (
    typeof value !== "object" ||
    value === null ||
    value === input ||
    from === undefined ||
    Object.isFrozen(value) ||
    depth >= MAX_DEPTH
  ) {
    return copy(value, path, issues, depth);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const item = inPlace(value[i], from?.[i], path, issues, depth + 1);
      path.pop();
      if (item === undefined) return undefined;
      value[i] = item;
    }
    return Object.freeze(value) as JsonValue;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // A parser that assigned a "__proto__" key replaced the object's prototype instead of adding the key: the
    // validated input still holds the key as data, so store that.
    if (from !== undefined && Object.hasOwn(from, "__proto__") && Object.getPrototypeOf(from) === Object.prototype) {
      return copy(from, path, issues, depth);
    }
    return copy(value, path, issues, depth);
  }
  const obj = value as Record<string, unknown>;
  if (from !== undefined && Object.hasOwn(from, "__proto__") && !Object.hasOwn(obj, "__proto__")) {
    issues.push({
      code: "unsupported_key",
      path: [...path, "__proto__"],
      message: "the schema dropped the key __proto__; rename the key, since it cannot be stored without loss",
    });
    return undefined;
  }
  // `for...in` reads the keys without allocating an array of them. It also yields enumerable keys inherited from
  // `Object.prototype`, if some code added any: a primitive one is skipped like a kept value, any other below.
  for (const key in obj) {
    const raw = obj[key];
    // Strings, booleans and finite numbers other than -0 are kept as they are, without a call.
    const kind = typeof raw;
    if (kind === "string" || kind === "boolean" || (kind === "number" && Number.isFinite(raw) && !Object.is(raw, -0))) {
      continue;
    }
    if (!Object.hasOwn(obj, key)) continue;
    if (raw === undefined) {
      delete obj[key];
      continue;
    }
    path.push(key);
    const item = inPlace(
      raw,
      from === undefined || !Object.hasOwn(from, key) ? undefined : from[key],
      path,
      issues,
      depth + 1,
    );
    path.pop();
    if (item === undefined) return undefined;
    if (!Object.is(item, raw)) obj[key] = item;
  }
  return Object.freeze(obj) as JsonValue;
}
