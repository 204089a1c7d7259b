/**
 * @internal A mutable deep copy of event data (JSON values: plain objects, arrays and primitives), equal to what
 * `structuredClone` makes of it, for a fraction of the cost: read models copy frozen event data before they
 * change it.
 */
export function _copyJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = _copyJson(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = _copyJson((value as Record<string, unknown>)[key]);
    // A "__proto__" key is data in event data: define it, as structuredClone does, rather than set the prototype.
    if (key === "__proto__")
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}
