import type { z } from "zod";
import { ValidationError, type ValidationIssue } from "../errors/index.ts";
import type { EventCatalog } from "../events/index.ts";
import {
  defOf,
  type Found,
  label,
  MAX_DEPTH,
  type PathStep,
  type Problem,
  sameStep,
  shown,
  walk,
} from "./schemaWalk.ts";

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

// Whether the text leaves under a marked schema all accept the erased marker; lists the paths that do not.
function refusesErased(schema: z.ZodType, path: readonly string[], out: Problem[], depth: number): boolean {
  if (schema.safeParse(ERASED).success) return false;
  const def = defOf(schema);
  const inner = (child: z.ZodType | undefined | null, childPath: readonly string[]) =>
    child !== undefined && child !== null && depth < MAX_DEPTH && refusesErased(child, childPath, out, depth + 1);
  const refuse = (reason: string) => {
    out.push({ code: "personal_field_not_erasable", path, reason });
    return true;
  };
  switch (def.type) {
    case "object": {
      let bad = false;
      const shape = def.shape ?? {};
      for (const key of Object.keys(shape)) bad = inner(shape[key], [...path, key]) || bad;
      // A strict object's catchall is `never`: it declares that there are no other keys, not a value to check.
      if (def.catchall !== undefined && defOf(def.catchall).type !== "never")
        bad = inner(def.catchall, [...path, "*"]) || bad;
      return bad;
    }
    case "array":
      return inner(def.element, [...path, "*"]);
    case "record":
      return inner(def.valueType, [...path, "*"]);
    case "tuple": {
      let bad = false;
      for (const item of def.items ?? []) bad = inner(item, [...path, "*"]) || bad;
      return inner(def.rest, [...path, "*"]) || bad;
    }
    case "optional":
    case "nullable":
    case "readonly":
    case "default":
    case "prefault":
    case "nonoptional":
    case "success":
      return inner(def.innerType, path);
    case "lazy":
      return inner(def.getter?.(), path);
    case "intersection": {
      const left = inner(def.left, path);
      return inner(def.right, path) || left;
    }
    case "pipe": {
      // z.preprocess(), .transform() and .pipe(): the marker goes through both sides.
      const before = inner(def.in, path);
      return inner(def.out, path) || before;
    }
    case "number":
    case "int":
    case "boolean":
    case "bigint":
    case "null":
      // Only text is encrypted, like redactPersonalData: a personal leaf that cannot hold text is a mistake.
      return refuse("not text");
    default:
      return refuse("refuses the erased marker");
  }
}

const internals = new WeakMap<
  PersonalFields,
  { steps: readonly (readonly PathStep[])[]; problems: readonly Problem[] }
>();

/**
 * @internal The personal paths of {@link PersonalFields.paths}, with the keys an object's catchall leaves out: what
 * the values are sealed and opened by.
 */
export function _personalSteps(fields: PersonalFields): readonly (readonly PathStep[])[] {
  return internals.get(fields)?.steps ?? fields.paths;
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
  /**
   * The paths of the fields marked personal, outermost first. `*` stands for any array item or record value, and
   * for the keys an object's `.catchall()` describes (the keys its shape declares are not covered by it).
   */
  readonly paths: readonly (readonly string[])[];
  /** The paths of the fields marked with {@link personalSubject}. */
  readonly subjectPaths: readonly (readonly string[])[];
  /** The personal fields whose schema refuses the {@link ERASED} marker (they cannot be erased). */
  readonly refusingErased: readonly string[];
  /**
   * The personal marks that sit where personal data cannot be found in the stored data to encrypt: inside a map, a
   * set or a record key, in a recursive schema, or nested too deep. They would be stored in the clear, so
   * {@link personalFieldsOfCatalog} refuses them.
   */
  readonly unsupported: readonly string[];
}

/**
 * Finds the personal fields of a zod schema: every field marked `{ personal: true }` (the customers area's
 * `personal()`), and the fields marked with {@link personalSubject}. A field nested in a personal field is covered
 * by it; a union or an intersection contributes the fields of each part, a pipe (`z.preprocess()`, `.transform()`,
 * `.pipe()`) those of both sides, and an object's `.catchall()` those of the keys its shape does not declare.
 *
 * @param schema - An event's data schema, at one version.
 * @returns The personal paths, the subject paths, the personal fields that refuse the erased marker, and the
 * personal marks that cannot be followed.
 * @example
 * ```ts
 * personalFieldsOf(CustomerContactAdded.schema).paths; // [["contact", "name"], ["contact", "email"], ["contact", "phone"]]
 * ```
 */
export function personalFieldsOf(schema: z.ZodType): PersonalFields {
  const found: Found = { personal: [], subjects: [], problems: [] };
  walk(schema, [], found, 0, new Set());
  const steps: (readonly PathStep[])[] = [];
  const problems: Problem[] = [...found.problems];
  // Outermost first, so a path inside another personal path is dropped: the outer one covers it.
  const sorted = [...found.personal].sort((a, b) => a.path.length - b.path.length);
  for (const mark of sorted) {
    if (steps.some((p) => p.length <= mark.path.length && p.every((step, i) => sameStep(step, mark.path[i]!))))
      continue;
    steps.push(mark.path);
    refusesErased(mark.schema, shown(mark.path), problems, 0);
  }
  const subjects = [...new Map(found.subjects.map((p) => [shown(p).join("\u0000"), shown(p)])).values()];
  const text = (code: Problem["code"]) => [
    ...new Set(problems.filter((p) => p.code === code).map((p) => `${label(p.path)}: ${p.reason}`)),
  ];
  const fields: PersonalFields = Object.freeze({
    paths: Object.freeze(steps.map((p) => Object.freeze(shown(p)))),
    subjectPaths: Object.freeze(subjects.map((p) => Object.freeze(p))),
    refusingErased: Object.freeze(text("personal_field_not_erasable")),
    unsupported: Object.freeze(text("personal_field_unsupported")),
  });
  internals.set(fields, { steps: Object.freeze(steps.map((p) => Object.freeze([...p]))), problems });
  return fields;
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
 * @throws {@link ValidationError} when a personal field refuses the {@link ERASED} marker or is not text, or when a
 * personal mark sits where the data cannot be encrypted (see {@link PersonalFields.unsupported}).
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
      const seen = new Set<string>();
      for (const problem of internals.get(fields)!.problems) {
        const field = `${label(problem.path)}: ${problem.reason}`;
        if (seen.has(field)) continue;
        seen.add(field);
        issues.push({
          code: problem.code,
          path: [definition.type, `v${version}`, ...problem.path],
          message:
            problem.code === "personal_field_not_erasable"
              ? `${definition.type} v${version}, personal field ${field}: a personal field is text that accepts the erased marker ${JSON.stringify(ERASED)}`
              : `${definition.type} v${version}, personal field ${field}: it would be stored in the clear; keep personal text in objects, arrays, record values, tuples, unions or pipes`,
        });
      }
      if (fields.paths.length > 0) versions.set(version, fields);
    }
    if (versions.size > 0) out.set(definition.type, versions);
  }
  if (issues.length > 0) throw new ValidationError("personalFieldsOfCatalog", issues);
  return out;
}
