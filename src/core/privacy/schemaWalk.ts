import { z } from "zod";

// The walk of an event's zod schema that finds its personal fields (see personalFields.ts): the paths of the marks
// it can follow into the stored JSON, the subject fields, and the marks it cannot follow, which are refused.

/** @internal The parts of a zod 4 schema definition the walk reads. */
export type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  items?: readonly z.ZodType[];
  rest?: z.ZodType | null;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
};

/** @internal The definition of a zod schema. */
export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const metaOf = (schema: z.ZodType) =>
  z.globalRegistry.get(schema) as { personal?: unknown; personalSubject?: unknown } | undefined;
const isSchema = (value: unknown): value is z.ZodType => typeof value === "object" && value !== null && "_zod" in value;

/**
 * @internal One step of a personal path: a key, `*` for any array item or record value, or `{ except }` for any key
 * of an object that its shape does not declare (the values its `.catchall()` describes).
 */
export type PathStep = string | { readonly except: readonly string[] };

/** @internal What went wrong with one personal field: where, and the sentence the error shows. */
export interface Problem {
  readonly code: "personal_field_not_erasable" | "personal_field_unsupported";
  readonly path: readonly string[];
  readonly reason: string;
}

/** @internal A field marked personal: its path and its schema. */
export interface Mark {
  readonly path: readonly PathStep[];
  readonly schema: z.ZodType;
}

/** @internal What the walk found. */
export interface Found {
  readonly personal: Mark[];
  readonly subjects: (readonly PathStep[])[];
  readonly problems: Problem[];
}

/** @internal The nesting (objects, arrays and wrappers together) the walk follows; a personal mark deeper is refused. */
export const MAX_DEPTH = 64;
// Schemas looked at when searching a subtree for a personal mark; a larger subtree is assumed to hold one.
const SEARCH_BUDGET = 10_000;

/** @internal A path as the public paths show it: `*` for an object's catchall. */
export const shown = (path: readonly PathStep[]): string[] =>
  path.map((step) => (typeof step === "string" ? step : "*"));
/** @internal A path as error messages show it. */
export const label = (path: readonly string[]) => path.join(".") || "(root)";

// Every schema a schema is made of, whatever its kind: used to search where the walk does not go.
function childSchemas(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema) as unknown as Record<string, unknown>;
  const out: z.ZodType[] = [];
  for (const key of Object.keys(def)) {
    const value = def[key];
    if (key === "getter" && typeof value === "function") {
      const got: unknown = (value as () => unknown)();
      if (isSchema(got)) out.push(got);
    } else if (isSchema(value)) out.push(value);
    else if (Array.isArray(value)) out.push(...value.filter(isSchema));
    else if (key === "shape" && typeof value === "object" && value !== null)
      out.push(...Object.values(value).filter(isSchema));
  }
  return out;
}

/** Whether a schema, or any schema it is made of, is marked personal. */
function holdsPersonal(schema: z.ZodType): boolean {
  const seen = new Set<z.ZodType>();
  const todo: z.ZodType[] = [schema];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (seen.has(next)) continue;
    // Too large to search: fail closed, as if it held personal data.
    if (seen.size >= SEARCH_BUDGET) return true;
    seen.add(next);
    if (metaOf(next)?.personal === true) return true;
    todo.push(...childSchemas(next));
  }
  return false;
}

/** @internal Walks a schema, collecting its personal marks, subject fields and marks it cannot follow. */
export function walk(
  schema: z.ZodType,
  path: readonly PathStep[],
  out: Found,
  depth: number,
  open: Set<z.ZodType>,
): void {
  const meta = metaOf(schema);
  if (meta?.personal === true) {
    out.personal.push({ path, schema });
    return;
  }
  if (meta?.personalSubject === true) out.subjects.push(path);
  // A personal field the walk cannot reach would be stored in the clear: refuse it rather than miss it.
  const unsupported = (where: string) =>
    out.problems.push({
      code: "personal_field_unsupported",
      path: shown(path),
      reason: `personal data ${where}, where it cannot be found in the data to encrypt`,
    });
  if (open.has(schema)) {
    if (holdsPersonal(schema)) unsupported("in a recursive schema");
    return;
  }
  if (depth > MAX_DEPTH) {
    if (holdsPersonal(schema)) unsupported(`nested deeper than ${MAX_DEPTH} levels`);
    return;
  }
  const def = defOf(schema);
  open.add(schema);
  const next = (child: z.ZodType | undefined | null, childPath: readonly PathStep[]) => {
    if (child) walk(child, childPath, out, depth + 1, open);
  };
  switch (def.type) {
    case "object": {
      const shape = def.shape ?? {};
      for (const key of Object.keys(shape)) next(shape[key], [...path, key]);
      next(def.catchall, [...path, { except: Object.keys(shape) }]);
      break;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
    case "success":
      next(def.innerType, path);
      break;
    case "array":
      next(def.element, [...path, "*"]);
      break;
    case "record":
      if (def.keyType && holdsPersonal(def.keyType)) unsupported("in a record key (keys are stored as they are)");
      next(def.valueType, [...path, "*"]);
      break;
    case "tuple":
      for (const item of def.items ?? []) next(item, [...path, "*"]);
      next(def.rest, [...path, "*"]);
      break;
    case "union":
      for (const option of def.options ?? []) next(option, path);
      break;
    case "intersection":
      next(def.left, path);
      next(def.right, path);
      break;
    case "pipe":
      // z.preprocess(), .transform() and .pipe() are pipes: the stored value is what comes out, so both sides count.
      next(def.in, path);
      next(def.out, path);
      break;
    case "lazy":
      next(def.getter?.(), path);
      break;
    default:
      // A map, a set, a promise, a function, a custom type…: nothing the stored JSON can hold personal data in.
      if (holdsPersonal(schema)) unsupported(`inside a ${def.type} schema`);
      break;
  }
  open.delete(schema);
}

/** @internal Whether two path steps are the same. */
export const sameStep = (a: PathStep, b: PathStep) =>
  typeof a === "string" || typeof b === "string"
    ? a === b
    : a.except.length === b.except.length && a.except.every((key) => b.except.includes(key));
