import type { z } from "zod";
import {
  _personalSteps,
  type _PathStep,
  type EventCatalog,
  type PersonalFields,
  personalFieldsOf,
} from "../core/index.ts";

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

// The fields are found by the core privacy walk, which the erasable store encrypts by: both see the same fields.
const fieldsBySchema = new WeakMap<z.ZodType, PersonalFields>();
function fieldsOf(schema: z.ZodType): PersonalFields {
  let fields = fieldsBySchema.get(schema);
  if (fields === undefined) fieldsBySchema.set(schema, (fields = personalFieldsOf(schema)));
  return fields;
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
  return [...new Set(fieldsOf(schema).paths.map((p) => p.join(".")))];
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

function eraseAt(value: unknown, path: readonly _PathStep[]): unknown {
  if (path.length === 0) return eraseAll(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return head === "*" ? value.map((v) => eraseAt(v, rest)) : value;
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (head === "*") return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, eraseAt(v, rest)]));
  if (typeof head === "object") {
    // The keys an object's catchall describes: every key its shape does not declare.
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, head.except.includes(k) ? v : eraseAt(v, rest)]));
  }
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
  for (const path of _personalSteps(fieldsOf(schema))) out = eraseAt(out, path);
  return out as T;
}
