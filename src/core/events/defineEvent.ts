import type { z } from "zod";
import { ValidationError } from "../errors/index.ts";

/**
 * One older version of an event's data and how to lift it to the next version.
 *
 * @example
 * ```ts
 * const v1: EventUpcaster = { version: 1, schema: v1Schema, upcast: (d: any) => ({ ...d, currency: "USD" }) };
 * ```
 */
export interface EventUpcaster {
  /** The old version this step reads. */
  readonly version: number;
  /** The schema of the data at that version. */
  readonly schema: z.ZodType;
  /** Lifts data of `version` to `version + 1`. Pure. */
  readonly upcast: (data: any) => unknown;
}

/**
 * An event type: its name, the zod schema of its data at the current version, and the upcasters that lift older
 * versions. Build one with {@link defineEvent}.
 *
 * @typeParam T - The event type name.
 * @typeParam S - The data schema.
 * @example
 * ```ts
 * const DealWon = defineEvent("DealWon", z.strictObject({ dealId: z.string() }));
 * DealWon.type; // "DealWon"
 * ```
 */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  /** The event type name, past tense. */
  readonly type: T;
  /** The schema of the current version's data. */
  readonly schema: S;
  /** The current schema version, 1 when the event has never changed. */
  readonly version: number;
  /** Older versions, each with the step that lifts it, ordered by version. */
  readonly upcasters: readonly EventUpcaster[];
}

/**
 * Options of {@link defineEvent}.
 *
 * @example
 * ```ts
 * const options: DefineEventOptions = { version: 2, upcasters: [v1] };
 * ```
 */
export interface DefineEventOptions {
  /** The current version; defaults to one more than the newest upcaster, or 1. */
  readonly version?: number;
  /** Steps from each older version to the next. Versions 1 … version-1 must all be present. */
  readonly upcasters?: readonly EventUpcaster[];
}

/**
 * The domain event an {@link EventDefinition} describes.
 *
 * @example
 * ```ts
 * type DealWonEvent = EventOf<typeof DealWon>; // { type: "DealWon"; data: { dealId: string } }
 * ```
 */
export type EventOf<D> =
  D extends EventDefinition<infer T, infer S> ? { readonly type: T; readonly data: z.output<S> } : never;

/**
 * Defines an event type from a name and a zod schema for its data.
 *
 * @param type - The event type name, past tense, such as `DealWon`.
 * @param schema - The zod schema of the data. Prefer `z.strictObject` so unknown keys are rejected, not dropped.
 * @param options - The current version and the upcasters of older versions.
 * @returns A frozen event definition.
 * @throws {@link ValidationError} when upcaster versions are missing, repeated or not below the current version.
 * @example
 * ```ts
 * import { z } from "zod";
 * import { defineEvent } from "salesfold";
 * const DealWon = defineEvent("DealWon", z.strictObject({ dealId: z.string(), amountMinor: z.number().int() }));
 * ```
 */
export function defineEvent<const T extends string, S extends z.ZodType>(
  type: T,
  schema: S,
  options: DefineEventOptions = {},
): EventDefinition<T, S> {
  const upcasters = [...(options.upcasters ?? [])].sort((a, b) => a.version - b.version);
  const version = options.version ?? (upcasters.length === 0 ? 1 : upcasters[upcasters.length - 1]!.version + 1);
  const issues: { code: string; path: PropertyKey[]; message: string }[] = [];
  if (typeof type !== "string" || type.length === 0 || type.length > 200) {
    issues.push({ code: "invalid_event_type", path: ["type"], message: "an event type is 1-200 characters" });
  }
  if (!Number.isInteger(version) || version < 1) {
    issues.push({ code: "invalid_version", path: ["version"], message: "the version is an integer of at least 1" });
  }
  upcasters.forEach((u, i) => {
    if (u.version !== i + 1) {
      issues.push({
        code: "missing_upcaster",
        path: ["upcasters", i],
        message: `upcasters must cover versions 1 to ${version - 1} once each; found version ${u.version} at position ${i + 1}`,
      });
    }
  });
  if (upcasters.length !== version - 1 && issues.length === 0) {
    issues.push({
      code: "missing_upcaster",
      path: ["upcasters"],
      message: `version ${version} needs ${version - 1} upcasters, got ${upcasters.length}`,
    });
  }
  if (issues.length > 0) throw new ValidationError(`defineEvent(${JSON.stringify(type)})`, issues);
  return Object.freeze({ type, schema, version, upcasters: Object.freeze(upcasters) });
}
