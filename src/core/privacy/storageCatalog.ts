import { z } from "zod";
import { ValidationError } from "../errors/index.ts";
import {
  createEventCatalog,
  defineEvent,
  type EventCatalog,
  type EventDefinition,
  type JsonValue,
} from "../events/index.ts";
import {
  _personalSteps,
  type CatalogPersonalFields,
  ERASED,
  type PersonalFields,
  personalFieldsOfCatalog,
} from "./personalFields.ts";
import { forEachPersonalLeaf, replacePersonalLeaves } from "./personalValues.ts";
import { isSealed } from "./sealing.ts";

const storageCatalogs = new WeakMap<EventCatalog<any>, EventCatalog<any>>();
const personalFields = new WeakMap<EventCatalog<any>, CatalogPersonalFields>();
const storageForms = new WeakSet<EventCatalog<any>>();

/** @internal Whether a catalog is the storage form made by {@link erasableStorageCatalog}. */
export function isStorageCatalog(catalog: EventCatalog<any>): boolean {
  return storageForms.has(catalog);
}

/** @internal The personal fields of a catalog, computed once per catalog. */
export function personalFieldsFor(catalog: EventCatalog<any>): CatalogPersonalFields {
  let fields = personalFields.get(catalog);
  if (fields === undefined) {
    fields = personalFieldsOfCatalog(catalog);
    personalFields.set(catalog, fields);
  }
  return fields;
}

// The storage form of one schema version: every personal text leaf is sealed (or the erased marker), and with the
// sealed leaves read as the erased marker the data passes the domain schema. So the store below the wrapper checks
// the structure and every non-personal field as strictly as the domain does, and refuses personal data in the clear.
function storageSchema(type: string, version: number, domain: z.ZodType, fields: PersonalFields): z.ZodType {
  const steps = _personalSteps(fields);
  return z.unknown().superRefine((data, ctx) => {
    forEachPersonalLeaf(data, steps, (value, at) => {
      if (value !== ERASED && !isSealed(value)) {
        ctx.addIssue({
          code: "custom",
          path: [...at],
          message: `${type} v${version}: personal data is stored only encrypted; append through createErasableEventStore`,
        });
      }
    });
    const readable = replacePersonalLeaves(data as JsonValue, steps, () => ERASED, false);
    const parsed = domain.safeParse(readable);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message });
    }
  });
}

/**
 * The catalog to create the store below an erasable store with: the same event types, versions and upcasters, but
 * each personal text field is stored encrypted. It validates every other field as the domain catalog does, and it
 * refuses personal data in the clear, so nothing written around the wrapper can leak it. Upcasters run on the
 * stored form: they may move or drop a personal field, never compute with its text (after an erasure it is the
 * erased marker anyway). Computed once per catalog.
 *
 * @param catalog - The domain catalog, including {@link privacyEvents}.
 * @returns The storage catalog; the same object for the same catalog.
 * @throws {@link ValidationError} when a personal field is not text or refuses the erased marker, or when a personal
 * mark sits where its data cannot be encrypted (inside a map, a set or a record key, or in a recursive schema): such a
 * catalog would store personal data in the clear, so it is refused, naming the event type, version and path.
 * @example
 * ```ts
 * import { createSqliteEventStore } from "salesfold/sqlite";
 * const inner = createSqliteEventStore({ database: "sales.db", catalog: erasableStorageCatalog(catalog) });
 * const store = createErasableEventStore(inner, { catalog, keys, subjectOf });
 * ```
 */
export function erasableStorageCatalog<C extends EventCatalog<any>>(catalog: C): C {
  if (typeof catalog !== "object" || catalog === null || typeof catalog.prepare !== "function") {
    throw new ValidationError("erasableStorageCatalog", [
      { code: "invalid_type", path: ["catalog"], message: "an EventCatalog" },
    ]);
  }
  const cached = storageCatalogs.get(catalog);
  if (cached) return cached as C;
  const fields = personalFieldsFor(catalog);
  const definitions: EventDefinition[] = catalog.definitions.map((def) => {
    const byVersion = fields.get(def.type);
    if (byVersion === undefined) return def;
    const at = (version: number, schema: z.ZodType) => {
      const f = byVersion.get(version);
      return f === undefined ? schema : storageSchema(def.type, version, schema, f);
    };
    return defineEvent(def.type, at(def.version, def.schema), {
      version: def.version,
      upcasters: def.upcasters.map((u) => ({ version: u.version, schema: at(u.version, u.schema), upcast: u.upcast })),
    });
  });
  const storage = createEventCatalog(definitions) as unknown as C;
  storageCatalogs.set(catalog, storage);
  storageCatalogs.set(storage, storage);
  storageForms.add(storage);
  return storage;
}
