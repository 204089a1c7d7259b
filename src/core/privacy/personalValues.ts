import type { JsonValue } from "../events/index.ts";
import type { PathStep } from "./schemaWalk.ts";

// Walks the values of event data at personal paths. Only text is personal (see personalFields.ts): every string at
// or under a personal path is a personal leaf; numbers, booleans and null are left alone, as are object keys.
// A step is a key, `*` (any array item or object value), or `{ except }` (any key of an object but those).

const otherKeys = (obj: object, except: readonly string[]) => Object.keys(obj).filter((k) => !except.includes(k));

/**
 * @internal Calls `visit` with every personal text leaf of `data`, in a fixed order (paths in order, then depth
 * first), and the concrete path of the leaf.
 */
export function forEachPersonalLeaf(
  data: unknown,
  paths: readonly (readonly PathStep[])[],
  visit: (value: string, at: readonly (string | number)[]) => void,
): void {
  for (const path of paths) visitAt(data, path, 0, [], visit);
}

function visitAt(
  value: unknown,
  path: readonly PathStep[],
  i: number,
  at: (string | number)[],
  visit: (value: string, at: readonly (string | number)[]) => void,
): void {
  if (i === path.length) {
    visitAll(value, at, visit, 0);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const head = path[i]!;
  if (Array.isArray(value)) {
    if (head !== "*") return;
    for (let k = 0; k < value.length; k++) {
      at.push(k);
      visitAt(value[k], path, i + 1, at, visit);
      at.pop();
    }
    return;
  }
  const obj = value as Record<string, unknown>;
  if (typeof head !== "string" || head === "*") {
    for (const key of typeof head === "string" ? Object.keys(obj) : otherKeys(obj, head.except)) {
      at.push(key);
      visitAt(obj[key], path, i + 1, at, visit);
      at.pop();
    }
    return;
  }
  if (!Object.hasOwn(obj, head)) return;
  at.push(head);
  visitAt(obj[head], path, i + 1, at, visit);
  at.pop();
}

function visitAll(
  value: unknown,
  at: (string | number)[],
  visit: (value: string, at: readonly (string | number)[]) => void,
  depth: number,
): void {
  if (typeof value === "string") {
    visit(value, at);
    return;
  }
  if (value === null || typeof value !== "object" || depth > 64) return;
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      at.push(k);
      visitAll(value[k], at, visit, depth + 1);
      at.pop();
    }
    return;
  }
  for (const key of Object.keys(value)) {
    at.push(key);
    visitAll((value as Record<string, unknown>)[key], at, visit, depth + 1);
    at.pop();
  }
}

/**
 * @internal Returns a copy of `data` in which the personal text leaves are replaced, in the order
 * {@link forEachPersonalLeaf} visits them, by `replace(value, index)`. Nodes off the personal paths are shared, not
 * copied; new nodes are frozen when `freeze` is set. Returns `data` itself when nothing changed.
 */
export function replacePersonalLeaves(
  data: JsonValue,
  paths: readonly (readonly PathStep[])[],
  replace: (value: string, index: number) => string,
  freeze: boolean,
): JsonValue {
  const counter = { next: 0 };
  let out = data;
  for (const path of paths) out = replaceAt(out, path, 0, replace, counter, freeze);
  return out;
}

type Counter = { next: number };

function replaceAt(
  value: JsonValue,
  path: readonly PathStep[],
  i: number,
  replace: (value: string, index: number) => string,
  counter: Counter,
  freeze: boolean,
): JsonValue {
  if (i === path.length) return replaceAll(value, replace, counter, freeze, 0);
  if (value === null || typeof value !== "object") return value;
  const head = path[i]!;
  if (Array.isArray(value)) {
    if (head !== "*") return value;
    return mapArray(value as readonly JsonValue[], (v) => replaceAt(v, path, i + 1, replace, counter, freeze), freeze);
  }
  const obj = value as { readonly [key: string]: JsonValue };
  if (typeof head !== "string" || head === "*") {
    const keys = typeof head === "string" ? Object.keys(obj) : otherKeys(obj, head.except);
    return mapObject(obj, keys, (v) => replaceAt(v, path, i + 1, replace, counter, freeze), freeze);
  }
  if (!Object.hasOwn(obj, head)) return value;
  return mapObject(obj, [head], (v) => replaceAt(v, path, i + 1, replace, counter, freeze), freeze);
}

function replaceAll(
  value: JsonValue,
  replace: (value: string, index: number) => string,
  counter: Counter,
  freeze: boolean,
  depth: number,
): JsonValue {
  if (typeof value === "string") return replace(value, counter.next++);
  if (value === null || typeof value !== "object" || depth > 64) return value;
  if (Array.isArray(value)) {
    return mapArray(value as readonly JsonValue[], (v) => replaceAll(v, replace, counter, freeze, depth + 1), freeze);
  }
  const obj = value as { readonly [key: string]: JsonValue };
  return mapObject(obj, Object.keys(obj), (v) => replaceAll(v, replace, counter, freeze, depth + 1), freeze);
}

function mapArray(value: readonly JsonValue[], fn: (v: JsonValue) => JsonValue, freeze: boolean): JsonValue {
  let out: JsonValue[] | undefined;
  for (let k = 0; k < value.length; k++) {
    const next = fn(value[k]!);
    if (next !== value[k]) {
      out ??= value.slice();
      out[k] = next;
    }
  }
  if (out === undefined) return value;
  return freeze ? Object.freeze(out) : out;
}

function mapObject(
  obj: { readonly [key: string]: JsonValue },
  keys: readonly string[],
  fn: (v: JsonValue) => JsonValue,
  freeze: boolean,
): JsonValue {
  let out: Record<string, JsonValue> | undefined;
  for (const key of keys) {
    const next = fn(obj[key]!);
    if (next !== obj[key]) {
      // defineProperty keeps a `__proto__` key as plain data, as frozenJson does.
      out ??= copyObject(obj);
      Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
    }
  }
  if (out === undefined) return obj;
  return freeze ? Object.freeze(out) : out;
}

function copyObject(obj: { readonly [key: string]: JsonValue }): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(obj)) {
    Object.defineProperty(out, key, { value: obj[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}
