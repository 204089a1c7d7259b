import { freeze } from "immer";

/**
 * @internal Deeply freezes a state built by handlers, as immer's `freeze(value, true)` does, only faster on the
 * plain objects and arrays states are made of: what is already frozen (event data, shared sub-states) is not walked
 * again. Maps, Sets and class instances go to immer, which treats them as it always has.
 */
export function _deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) freezeObject(value);
  return value;
}

function freezeObject(value: object): void {
  if (Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    Object.freeze(value);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "object" && item !== null) freezeObject(item);
    }
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    freeze(value, true);
    return;
  }
  Object.freeze(value);
  for (const key of Object.keys(value)) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (typeof item === "object" && item !== null) freezeObject(item);
  }
}
