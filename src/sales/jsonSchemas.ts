import { z } from "zod";
import { type EventCatalog, eventIdSchema, eventMetadataSchema, instantSchema, streamIdSchema } from "../core/index.ts";
import { salesCommands } from "./commands.ts";
import { salesEvents } from "./events.ts";

/**
 * A JSON value, as the schema catalogue holds them.
 *
 * @example
 * ```ts
 * const value: JsonSchemaValue = { type: "string", minLength: 1 };
 * ```
 */
export type JsonSchemaValue = null | boolean | number | string | JsonSchemaValue[] | { [key: string]: JsonSchemaValue };

/**
 * One entry of the catalogue index.
 *
 * @example
 * ```ts
 * const e: SchemaIndexEntry = { kind: "event", name: "DealWon", version: 1, current: true, file: "events/DealWon.v1.json" };
 * ```
 */
export interface SchemaIndexEntry {
  readonly kind: "event" | "command";
  /** The event type, or the decider name. */
  readonly name: string;
  /** Events: the schema version. */
  readonly version?: number;
  /** Events: whether this is the version producers should write. */
  readonly current?: boolean;
  /** Commands: the command types the decider accepts. */
  readonly types?: readonly string[];
  /** The file, relative to the catalogue folder. */
  readonly file: string;
}

const DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** zod 4's converter, describing what a producer may send (`io: "input"`); refinements have no JSON Schema form. */
function toJson(schema: z.ZodType): { [key: string]: JsonSchemaValue } {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as {
    [key: string]: JsonSchemaValue;
  };
  delete json.$schema;
  return json;
}

function eventLineSchema(type: string, version: number, current: number, data: z.ZodType) {
  const metadata = toJson(eventMetadataSchema.partial());
  const props = (metadata.properties ?? {}) as { [key: string]: JsonSchemaValue };
  props.schemaVersion = { type: "integer", const: version };
  return {
    $schema: DIALECT,
    title: `${type} v${version}`,
    description:
      `One line of a salesfold import file (JSON Lines) carrying a ${type} event at schema version ${version}` +
      (version === current
        ? "."
        : `; the current version is ${current}, and salesfold upcasts this one on read. ` +
          `Set metadata.schemaVersion to ${version} when sending it.`),
    type: "object",
    properties: {
      streamId: toJson(streamIdSchema),
      type: { type: "string", const: type },
      data: toJson(data),
      eventId: toJson(eventIdSchema),
      occurredAt: toJson(instantSchema),
      metadata: version === current ? metadata : { ...metadata, required: ["schemaVersion"] },
    },
    required: ["streamId", "type", "data", ...(version === current ? [] : ["metadata"])],
    additionalProperties: false,
  } satisfies { [key: string]: JsonSchemaValue };
}

/**
 * Builds the JSON Schema catalogue of the sales domain from the zod schemas: one file per event type and schema
 * version (the schema of a whole import line: `streamId`, `type`, `data`, optional `eventId`, `occurredAt`,
 * `metadata`), one file per decider (its command union), and `index.json`. The same input gives byte-identical
 * output, so a test can compare it with the committed `docs/schema/`. JSON Schema cannot express zod's
 * refinements (for example "a stream id has no NUL"), so `salesfold validate` stays the final word.
 *
 * @param catalog - The events to describe; `salesEvents` by default.
 * @param commands - The command schemas by decider name; `salesCommands` by default.
 * @returns The files, by path relative to the catalogue folder, as JSON text ending with a newline.
 * @example
 * ```ts
 * import { salesJsonSchemas } from "salesfold/sales";
 * const files = salesJsonSchemas();
 * JSON.parse(files["events/DealWon.v1.json"]!).properties.type.const; // "DealWon"
 * ```
 */
export function salesJsonSchemas(
  catalog: EventCatalog<any> = salesEvents,
  commands: Readonly<Record<string, z.ZodType>> = salesCommands,
): Record<string, string> {
  const files: Record<string, string> = {};
  const index: SchemaIndexEntry[] = [];
  const write = (file: string, value: unknown) => {
    files[file] = `${JSON.stringify(value, null, 2)}\n`;
  };
  for (const def of catalog.definitions) {
    for (let version = 1; version <= def.version; version++) {
      const schema = version === def.version ? def.schema : def.upcasters[version - 1]!.schema;
      const file = `events/${def.type}.v${version}.json`;
      write(file, eventLineSchema(def.type, version, def.version, schema));
      index.push({ kind: "event", name: def.type, version, current: version === def.version, file });
    }
  }
  for (const [name, schema] of Object.entries(commands)) {
    const file = `commands/${name}.json`;
    const json = toJson(schema);
    const variants = (json.oneOf ?? json.anyOf ?? []) as { properties?: { type?: { const?: string } } }[];
    const types = variants.map((v) => v.properties?.type?.const).filter((t): t is string => typeof t === "string");
    write(file, {
      $schema: DIALECT,
      title: `${name} commands`,
      description: `The commands the ${name} decider accepts: { type, data }, validated before deciding.`,
      ...json,
    });
    index.push({ kind: "command", name, types, file });
  }
  write("index.json", {
    description:
      "The JSON Schema catalogue of salesfold's sales domain, generated by `salesfold schema` from the zod schemas. " +
      "Do not edit: regenerate.",
    dialect: DIALECT,
    events: index.filter((e) => e.kind === "event").map(({ kind: _, ...e }) => e),
    commands: index.filter((e) => e.kind === "command").map(({ kind: _, ...e }) => e),
  });
  return files;
}
