import { z } from "zod";
import type { EventCatalog } from "../core/index.ts";

/**
 * The value that replaces a personal field when a customer's personal data is erased. Every personal field's schema
 * accepts it, so erased events still pass validation when they are read back.
 *
 * @example
 * ```ts
 * redactPersonalData(CustomerNoteAdded.schema, note).text; // "[erased]"
 * ```
 */
export const ERASED = "[erased]";

/**
 * Marks a schema as personal data (a contact's name, phone, email, or free text) through zod 4's `.meta()`.
 * {@link personalPaths} finds the marks; {@link redactPersonalData} replaces the marked values.
 *
 * @param schema - A string schema, or any schema whose string leaves are personal.
 * @returns The same schema, registered with `{ personal: true }` metadata.
 * @example
 * ```ts
 * const phone = personal(z.string().max(40));
 * z.globalRegistry.get(phone); // { personal: true }
 * ```
 */
export function personal<T extends z.ZodType>(schema: T): T {
  return schema.meta({ personal: true }) as T;
}

function isPersonal(schema: z.ZodType): boolean {
  const meta = z.globalRegistry.get(schema) as { personal?: unknown } | undefined;
  return meta?.personal === true;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  items?: readonly z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
};

function walk(schema: z.ZodType, path: string[], out: string[][], depth: number): void {
  if (depth > 32) return;
  if (isPersonal(schema)) {
    out.push(path);
    return;
  }
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case "object":
      for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, [...path, key], out, depth + 1);
      return;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      if (def.innerType) walk(def.innerType, path, out, depth + 1);
      return;
    case "array":
      if (def.element) walk(def.element, [...path, "*"], out, depth + 1);
      return;
    case "record":
      if (def.valueType) walk(def.valueType, [...path, "*"], out, depth + 1);
      return;
    case "tuple":
      for (const item of def.items ?? []) walk(item, [...path, "*"], out, depth + 1);
      return;
    case "union":
      for (const option of def.options ?? []) walk(option, path, out, depth + 1);
      return;
    case "pipe":
      if (def.in) walk(def.in, path, out, depth + 1);
      return;
    case "lazy":
      if (def.getter) walk(def.getter(), path, out, depth + 1);
      return;
    default:
      return;
  }
}

/**
 * Lists the personal paths of a schema: every field marked with {@link personal}, as dotted paths where `*` stands
 * for any array item or record value. A union contributes the personal paths of each option.
 *
 * @param schema - An event's data schema (or any zod schema).
 * @returns The distinct paths in schema order, such as `["contacts.*.email", "contacts.*.name"]`.
 * @example
 * ```ts
 * personalPaths(CustomerContactAdded.schema); // ["contact.name", "contact.email", "contact.phone"]
 * ```
 */
export function personalPaths(schema: z.ZodType): string[] {
  const found: string[][] = [];
  walk(schema, [], found, 0);
  return [...new Set(found.map((p) => (p.length === 0 ? "" : p.join("."))))];
}

/**
 * Lists the personal paths of every event type of a catalog that has any.
 *
 * @param catalog - An event catalog, such as `customerEvents`.
 * @returns A map from event type to its personal paths; types without personal data are left out.
 * @example
 * ```ts
 * personalPathsOfCatalog(customerEvents).InteractionLogged; // ["summary", "nextStep"]
 * ```
 */
export function personalPathsOfCatalog(catalog: EventCatalog<any>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const definition of catalog.definitions) {
    const paths = personalPaths(definition.schema);
    if (paths.length > 0) out[definition.type] = paths;
  }
  return out;
}

function eraseAll(value: unknown): unknown {
  if (typeof value === "string") return ERASED;
  if (Array.isArray(value)) return value.map(eraseAll);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, eraseAll(v)]));
  }
  return value;
}

function eraseAt(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return eraseAll(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return head === "*" ? value.map((v) => eraseAt(v, rest)) : value;
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (head === "*") return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, eraseAt(v, rest)]));
  if (head === undefined || !Object.hasOwn(obj, head)) return value;
  return { ...obj, [head]: eraseAt(obj[head], rest) };
}

/**
 * Returns a copy of event data with every personal string replaced by {@link ERASED}. Absent optional fields stay
 * absent; non-personal fields are untouched. Use it when rewriting a customer's events for an erasure request.
 *
 * @param schema - The event's data schema.
 * @param data - The event's data.
 * @returns The redacted copy, which still passes `schema`.
 * @example
 * ```ts
 * redactPersonalData(InteractionLogged.schema, interaction.data).summary; // "[erased]"
 * ```
 */
export function redactPersonalData<T>(schema: z.ZodType, data: T): T {
  let out: unknown = data;
  for (const path of personalPaths(schema)) out = eraseAt(out, path === "" ? [] : path.split("."));
  return out as T;
}
