import type { z } from "zod";
import { _zodIssues, ValidationError, type ValidationIssue } from "../errors/index.ts";
import type { EventDefinition, EventOf } from "./defineEvent.ts";
import {
  type AnyEvent,
  type EventEnvelope,
  type EventMetadata,
  eventEnvelopeSchema,
  eventIdSchema,
  eventMetadataSchema,
  instantSchema,
} from "./envelope.ts";
import { frozenJson, frozenParsed, type JsonValue } from "./frozenJson.ts";

/**
 * An event that passed validation and is ready to be stored: data copied and frozen, metadata complete.
 * Adapters receive these from {@link EventCatalog.prepare}.
 *
 * @example
 * ```ts
 * const [prepared] = catalog.prepare("MyStore.append", [{ type: "DealWon", data: { dealId: "d-1" } }]);
 * prepared.metadata.schemaVersion; // 1
 * ```
 */
export interface PreparedEvent {
  readonly type: string;
  readonly data: JsonValue;
  readonly eventId: string | undefined;
  readonly occurredAt: string | undefined;
  readonly metadata: Readonly<EventMetadata>;
}

/**
 * The registered event types of an application: what a store accepts, how each is validated, and how older
 * versions are upcast on read. Build one with {@link createEventCatalog}.
 *
 * @typeParam E - The union of the catalog's domain events.
 * @example
 * ```ts
 * const catalog = createEventCatalog([DealWon, DealLost]);
 * catalog.types; // ["DealWon", "DealLost"]
 * ```
 */
export interface EventCatalog<E extends AnyEvent = AnyEvent> {
  /** Every registered type name, in registration order. */
  readonly types: readonly string[];
  /** Every registered definition, in registration order. */
  readonly definitions: readonly EventDefinition[];
  /** Returns the definition of a type, if registered. */
  definition(type: string): EventDefinition | undefined;
  /**
   * Validates a batch of events to append. Every problem in the batch is reported at once, and nothing is returned
   * unless the whole batch is valid.
   *
   * @throws {@link ValidationError} naming `api`, with one issue per problem and paths such as `[2, "data", "amount"]`.
   */
  prepare(api: string, inputs: readonly unknown[]): PreparedEvent[];
  /** Lifts a stored envelope written with an older schema version to the current shape; current ones come back as is. */
  upcast(envelope: EventEnvelope): EventEnvelope<E>;
  /**
   * Validates an envelope read back from storage or a file, and returns it frozen and upcast.
   *
   * @throws {@link ValidationError} naming `api`.
   */
  parseStored(api: string, raw: unknown): EventEnvelope<E>;
  /** @internal Carries the event union for type inference only. */
  readonly _events?: E;
}

type DefinitionsOf<C> = C extends EventCatalog<infer E> ? E : C extends EventDefinition ? EventOf<C> : never;

const inputMetadataSchema = eventMetadataSchema.partial();

/**
 * Creates the catalog of event types a store accepts.
 *
 * @param parts - Event definitions, or other catalogs to merge.
 * @returns A frozen catalog whose type parameter is the union of the events.
 * @throws {@link ValidationError} when two definitions share a type name.
 * @example
 * ```ts
 * import { z } from "zod";
 * import { createEventCatalog, defineEvent } from "salesfold";
 * const DealWon = defineEvent("DealWon", z.strictObject({ dealId: z.string() }));
 * const catalog = createEventCatalog([DealWon]);
 * ```
 */
export function createEventCatalog<const P extends readonly (EventDefinition | EventCatalog<any>)[]>(
  parts: P,
): EventCatalog<DefinitionsOf<P[number]>> {
  const byType = new Map<string, EventDefinition>();
  const issues: ValidationIssue[] = [];
  const add = (def: EventDefinition, path: PropertyKey[]) => {
    if (byType.has(def.type)) {
      issues.push({
        code: "duplicate_event_type",
        path,
        message: `event type ${JSON.stringify(def.type)} is defined twice`,
      });
    } else {
      byType.set(def.type, def);
    }
  };
  for (const [i, part] of parts.entries()) {
    if ("definitions" in part) for (const [j, d] of part.definitions.entries()) add(d, [i, j]);
    else add(part, [i]);
  }
  if (issues.length > 0) throw new ValidationError("createEventCatalog", issues);

  const defaultMetadata = new Map<string, Readonly<EventMetadata>>();
  for (const def of byType.values()) defaultMetadata.set(def.type, Object.freeze({ schemaVersion: def.version }));

  const schemaAt = (def: EventDefinition, version: number): z.ZodType | undefined =>
    version === def.version ? def.schema : def.upcasters[version - 1]?.schema;

  const prepare = (api: string, inputs: readonly unknown[]): PreparedEvent[] => {
    const out: PreparedEvent[] = new Array(inputs.length);
    const problems: ValidationIssue[] = [];
    const seenIds = inputs.length > 1 ? new Set<string>() : undefined;
    for (let i = 0; i < inputs.length; i++) {
      const prepared = prepareOne(inputs[i], i, problems, seenIds);
      if (prepared) out[i] = prepared;
    }
    if (problems.length > 0) throw new ValidationError(api, problems);
    return out;
  };

  const prepareOne = (
    input: unknown,
    i: number,
    problems: ValidationIssue[],
    seenIds: Set<string> | undefined,
  ): PreparedEvent | undefined => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      problems.push({ code: "invalid_type", path: [i], message: "an event is an object with type and data" });
      return undefined;
    }
    // Only the input's own fields count: an inherited `metadata` or `data` is not part of the event. One pass over
    // its keys reads the fields and reports unknown ones.
    const own = input as Record<string, unknown>;
    let rawType: unknown;
    let rawData: unknown;
    let rawEventId: unknown;
    let rawOccurredAt: unknown;
    let rawMetadata: unknown;
    const before = problems.length;
    for (const key in own) {
      if (!Object.hasOwn(own, key)) continue;
      switch (key) {
        case "type":
          rawType = own.type;
          break;
        case "data":
          rawData = own.data;
          break;
        case "eventId":
          rawEventId = own.eventId;
          break;
        case "occurredAt":
          rawOccurredAt = own.occurredAt;
          break;
        case "metadata":
          rawMetadata = own.metadata;
          break;
        default:
          problems.push({ code: "unrecognized_keys", path: [i, key], message: `unknown field ${JSON.stringify(key)}` });
      }
    }
    if (typeof rawType !== "string") {
      problems.push({
        code: "invalid_type",
        path: [i, "type"],
        message:
          rawType === undefined
            ? "type is required: the name of a registered event type"
            : "type is the name of a registered event type, a string",
      });
      return undefined;
    }
    const def = byType.get(rawType);
    if (!def) {
      problems.push({
        code: "unknown_event_type",
        path: [i, "type"],
        message: `${JSON.stringify(rawType)} is not a registered event type`,
      });
      return undefined;
    }
    let eventId: string | undefined;
    if (rawEventId !== undefined) {
      const parsed = eventIdSchema.safeParse(rawEventId);
      if (!parsed.success) pushZodIssues(problems, parsed.error.issues, [i, "eventId"]);
      else if (seenIds?.has(parsed.data)) {
        problems.push({
          code: "duplicate_event_id",
          path: [i, "eventId"],
          message: "an event id appears twice in the batch",
        });
      } else {
        eventId = parsed.data;
        seenIds?.add(eventId);
      }
    }
    let occurredAt: string | undefined;
    if (rawOccurredAt !== undefined) {
      const parsed = instantSchema.safeParse(rawOccurredAt);
      if (parsed.success) occurredAt = new Date(parsed.data).toISOString();
      else pushZodIssues(problems, parsed.error.issues, [i, "occurredAt"]);
    }
    let metadata = defaultMetadata.get(def.type)!;
    if (rawMetadata !== undefined) {
      const parsed = inputMetadataSchema.safeParse(rawMetadata);
      if (!parsed.success) {
        pushZodIssues(problems, parsed.error.issues, [i, "metadata"]);
        // Still check the data, against the version the metadata names if that part is valid, so that every
        // problem of the event is reported at once.
        const named = (rawMetadata as { schemaVersion?: unknown } | null)?.schemaVersion;
        const version =
          Number.isInteger(named) && (named as number) >= 1 && (named as number) <= def.version
            ? (named as number)
            : def.version;
        const data = schemaAt(def, version)!.safeParse(rawData);
        if (!data.success) pushZodIssues(problems, data.error.issues, [i, "data"]);
        return undefined;
      }
      const version = parsed.data.schemaVersion ?? def.version;
      if (version > def.version) {
        problems.push({
          code: "unknown_schema_version",
          path: [i, "metadata", "schemaVersion"],
          message: `${def.type} has no schema version ${version}; the current version is ${def.version}`,
        });
        return undefined;
      }
      const m: { -readonly [K in keyof EventMetadata]: EventMetadata[K] } = { schemaVersion: version };
      if (parsed.data.actor !== undefined) m.actor = parsed.data.actor;
      if (parsed.data.correlationId !== undefined) m.correlationId = parsed.data.correlationId;
      if (parsed.data.causationId !== undefined) m.causationId = parsed.data.causationId;
      metadata = Object.freeze(m);
    }
    const schema = schemaAt(def, metadata.schemaVersion)!;
    const parsedData = schema.safeParse(rawData);
    if (!parsedData.success) {
      pushZodIssues(problems, parsedData.error.issues, [i, "data"]);
      return undefined;
    }
    const data = frozenParsed(parsedData.data, rawData, [i, "data"], problems);
    if (problems.length > before || data === undefined) return undefined;
    return { type: def.type, data, eventId, occurredAt, metadata };
  };

  const upcast = (envelope: EventEnvelope): EventEnvelope<any> => {
    const def = byType.get(envelope.type);
    if (!def || envelope.metadata.schemaVersion >= def.version) return envelope;
    let data: unknown = envelope.data;
    for (let v = envelope.metadata.schemaVersion; v < def.version; v++) data = def.upcasters[v - 1]!.upcast(data);
    const parsed = def.schema.safeParse(data);
    if (!parsed.success) {
      const problems: ValidationIssue[] = [];
      pushZodIssues(problems, parsed.error.issues, ["data"]);
      throw new ValidationError(`EventCatalog.upcast(${def.type} v${envelope.metadata.schemaVersion})`, problems);
    }
    const problems: ValidationIssue[] = [];
    const frozen = frozenJson(parsed.data, ["data"], problems);
    if (frozen === undefined) throw new ValidationError(`EventCatalog.upcast(${def.type})`, problems);
    return Object.freeze({
      ...envelope,
      data: frozen,
      metadata: Object.freeze({ ...envelope.metadata, schemaVersion: def.version }),
    }) as EventEnvelope<any>;
  };

  const parseStored = (api: string, raw: unknown): EventEnvelope<any> => {
    const parsed = eventEnvelopeSchema.safeParse(raw);
    const problems: ValidationIssue[] = [];
    if (!parsed.success) {
      pushZodIssues(problems, parsed.error.issues, []);
      throw new ValidationError(api, problems);
    }
    const env = parsed.data;
    const def = byType.get(env.type);
    if (def) {
      const schema = schemaAt(def, env.metadata.schemaVersion);
      if (!schema) {
        problems.push({
          code: "unknown_schema_version",
          path: ["metadata", "schemaVersion"],
          message: `${def.type} has no schema version ${env.metadata.schemaVersion}`,
        });
      } else {
        const data = schema.safeParse(env.data);
        if (!data.success) pushZodIssues(problems, data.error.issues, ["data"]);
      }
    }
    const data = problems.length === 0 ? frozenJson(env.data, ["data"], problems) : undefined;
    if (problems.length > 0) throw new ValidationError(api, problems);
    return upcast(
      Object.freeze({
        ...env,
        occurredAt: new Date(env.occurredAt).toISOString(),
        recordedAt: new Date(env.recordedAt).toISOString(),
        data,
        metadata: Object.freeze(env.metadata),
      }) as EventEnvelope,
    );
  };

  return Object.freeze({
    types: Object.freeze([...byType.keys()]),
    definitions: Object.freeze([...byType.values()]),
    definition: (type: string) => byType.get(type),
    prepare,
    upcast,
    parseStored,
  }) as EventCatalog<DefinitionsOf<P[number]>>;
}

function pushZodIssues(out: ValidationIssue[], issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): void {
  out.push(..._zodIssues(issues as readonly { code: string; path: PropertyKey[]; message: string }[], prefix));
}
