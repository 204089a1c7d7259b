import { z } from "zod";
import { ValidationError, type ValidationIssue } from "../errors/index.ts";
import type { EventCatalog } from "../events/index.ts";

/**
 * The value every personal text field shows once its subject is erased. It is the same marker the customers area's
 * `redactPersonalData` writes, and every personal schema must accept it, so erased events still pass validation
 * when they are read, rebuilt or upcast.
 *
 * @example
 * ```ts
 * if (profile.name === ERASED) console.log("this customer asked to be forgotten");
 * ```
 */
export const ERASED = "[erased]";

/**
 * The type of the {@link ERASED} marker: what a personal text field holds after its subject was erased.
 *
 * @example
 * ```ts
 * const shown: string | Erased = ERASED;
 * ```
 */
export type Erased = typeof ERASED;

/**
 * Tells whether a value is the {@link ERASED} marker.
 *
 * @param value - Any value, typically a personal field read back.
 * @returns `true` when the value is the erased marker.
 * @example
 * ```ts
 * isErased(directory.customers["cu-1"]?.name); // true after forgetSubject("cu-1")
 * ```
 */
export function isErased(value: unknown): value is Erased {
  return value === ERASED;
}

/**
 * Marks the field of an event that names its data subject (such as `customerId`), through zod 4's `.meta()`.
 * `createErasableEventStore` encrypts an event's personal fields with the key of the subject this field names. The
 * customers area marks personal fields with `personal()`, which sets the `{ personal: true }` metadata read here.
 *
 * @param schema - The string schema of the subject id field.
 * @returns The same schema, registered with `{ personalSubject: true }` metadata.
 * @example
 * ```ts
 * const NoteAdded = defineEvent("NoteAdded", z.strictObject({ customerId: personalSubject(z.string()), text: personal(z.string()) }));
 * ```
 */
export function personalSubject<T extends z.ZodType>(schema: T): T {
  return schema.meta({ personalSubject: true }) as T;
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
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const metaOf = (schema: z.ZodType) =>
  z.globalRegistry.get(schema) as { personal?: unknown; personalSubject?: unknown } | undefined;

/** A field marked personal: its path (`*` for any array item or record value) and its schema. */
interface Mark {
  readonly path: readonly string[];
  readonly schema: z.ZodType;
}

function walk(schema: z.ZodType, path: string[], out: { personal: Mark[]; subjects: string[][] }, depth: number): void {
  if (depth > 32) return;
  const meta = metaOf(schema);
  if (meta?.personal === true) {
    out.personal.push({ path, schema });
    return;
  }
  if (meta?.personalSubject === true) out.subjects.push(path);
  const def = defOf(schema);
  const next = (child: z.ZodType | undefined, childPath: string[]) => {
    if (child) walk(child, childPath, out, depth + 1);
  };
  switch (def.type) {
    case "object":
      for (const [key, child] of Object.entries(def.shape ?? {})) next(child, [...path, key]);
      return;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      next(def.innerType, path);
      return;
    case "array":
      next(def.element, [...path, "*"]);
      return;
    case "record":
      next(def.valueType, [...path, "*"]);
      return;
    case "tuple":
      for (const item of def.items ?? []) next(item, [...path, "*"]);
      return;
    case "union":
      for (const option of def.options ?? []) next(option, path);
      return;
    case "intersection":
      next(def.left, path);
      next(def.right, path);
      return;
    case "pipe":
      next(def.in, path);
      return;
    case "lazy":
      next(def.getter?.(), path);
      return;
    default:
      return;
  }
}

// Whether the text leaves under a marked schema all accept the erased marker; lists the paths that do not.
function refusesErased(schema: z.ZodType, path: readonly string[], out: string[], depth: number): boolean {
  if (schema.safeParse(ERASED).success) return false;
  const def = defOf(schema);
  const inner = (child: z.ZodType | undefined, childPath: readonly string[]) =>
    child !== undefined && depth < 32 && refusesErased(child, childPath, out, depth + 1);
  switch (def.type) {
    case "object": {
      let bad = false;
      for (const [key, child] of Object.entries(def.shape ?? {})) bad = inner(child, [...path, key]) || bad;
      return bad;
    }
    case "array":
      return inner(def.element, [...path, "*"]);
    case "record":
      return inner(def.valueType, [...path, "*"]);
    case "optional":
    case "nullable":
    case "readonly":
    case "default":
    case "prefault":
      return inner(def.innerType, path);
    case "number":
    case "int":
    case "boolean":
    case "bigint":
    case "null":
      // Only text is encrypted, like redactPersonalData: a personal leaf that cannot hold text is a mistake.
      out.push(`${path.join(".") || "(root)"}: not text`);
      return true;
    default:
      out.push(`${path.join(".") || "(root)"}: refuses the erased marker`);
      return true;
  }
}

/**
 * The personal fields of one schema version of an event type.
 *
 * @example
 * ```ts
 * const fields: PersonalFields = personalFieldsOf(CustomerNoteAdded.schema);
 * fields.paths; // [["text"]]
 * ```
 */
export interface PersonalFields {
  /** The paths of the fields marked personal, `*` standing for any array item or record value, outermost first. */
  readonly paths: readonly (readonly string[])[];
  /** The paths of the fields marked with {@link personalSubject}. */
  readonly subjectPaths: readonly (readonly string[])[];
  /** The personal fields whose schema refuses the {@link ERASED} marker (they cannot be erased). */
  readonly refusingErased: readonly string[];
}

/**
 * Finds the personal fields of a zod schema: every field marked `{ personal: true }` (the customers area's
 * `personal()`), and the fields marked with {@link personalSubject}. A field nested in a personal field is covered
 * by it; a union contributes the fields of each option.
 *
 * @param schema - An event's data schema, at one version.
 * @returns The personal paths, the subject paths and the personal fields that refuse the erased marker.
 * @example
 * ```ts
 * personalFieldsOf(CustomerContactAdded.schema).paths; // [["contact", "name"], ["contact", "email"], ["contact", "phone"]]
 * ```
 */
export function personalFieldsOf(schema: z.ZodType): PersonalFields {
  const found = { personal: [] as Mark[], subjects: [] as string[][] };
  walk(schema, [], found, 0);
  const seen = new Set<string>();
  const paths: string[][] = [];
  const refusing: string[] = [];
  // Outermost first, so a path inside another personal path is dropped: the outer one covers it.
  const sorted = [...found.personal].sort((a, b) => a.path.length - b.path.length);
  for (const mark of sorted) {
    const key = mark.path.join("\u0000");
    if (seen.has(key)) continue;
    if (paths.some((p) => p.every((segment, i) => mark.path[i] === segment))) continue;
    seen.add(key);
    paths.push([...mark.path]);
    refusesErased(mark.schema, mark.path, refusing, 0);
  }
  const subjects = [...new Map(found.subjects.map((p) => [p.join("\u0000"), p])).values()];
  return Object.freeze({
    paths: Object.freeze(paths.map((p) => Object.freeze(p))),
    subjectPaths: Object.freeze(subjects.map((p) => Object.freeze(p))),
    refusingErased: Object.freeze([...new Set(refusing)]),
  });
}

/**
 * The personal fields of every event type of a catalog, at every schema version it reads.
 *
 * @example
 * ```ts
 * const plan: CatalogPersonalFields = personalFieldsOfCatalog(catalog);
 * plan.get("CustomerNoteAdded")?.get(1)?.paths; // [["text"]]
 * ```
 */
export type CatalogPersonalFields = ReadonlyMap<string, ReadonlyMap<number, PersonalFields>>;

/**
 * Lists the personal fields of every event type of a catalog that has any, at each schema version.
 *
 * @param catalog - An event catalog.
 * @returns A map from event type to a map from schema version to its {@link PersonalFields}; types without personal
 * fields at any version are left out.
 * @throws {@link ValidationError} when a personal field refuses the {@link ERASED} marker or is not text.
 * @example
 * ```ts
 * personalFieldsOfCatalog(customerEvents).has("CustomerNoteAdded"); // true
 * ```
 */
export function personalFieldsOfCatalog(catalog: EventCatalog<any>): CatalogPersonalFields {
  const out = new Map<string, Map<number, PersonalFields>>();
  const issues: ValidationIssue[] = [];
  for (const definition of catalog.definitions) {
    const versions = new Map<number, PersonalFields>();
    const schemas: [number, z.ZodType][] = [
      ...definition.upcasters.map((u) => [u.version, u.schema] as [number, z.ZodType]),
      [definition.version, definition.schema],
    ];
    for (const [version, schema] of schemas) {
      const fields = personalFieldsOf(schema);
      for (const field of fields.refusingErased) {
        issues.push({
          code: "personal_field_not_erasable",
          path: [definition.type, `v${version}`, ...field.split(":")[0]!.split(".")],
          message: `${definition.type} v${version}, personal field ${field}: a personal field is text that accepts the erased marker ${JSON.stringify(ERASED)}`,
        });
      }
      if (fields.paths.length > 0) versions.set(version, fields);
    }
    if (versions.size > 0) out.set(definition.type, versions);
  }
  if (issues.length > 0) throw new ValidationError("personalFieldsOfCatalog", issues);
  return out;
}
