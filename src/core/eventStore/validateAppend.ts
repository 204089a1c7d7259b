import { z } from "zod";
import { IdempotencyConflictError, isValidationError, ValidationError, type ValidationIssue } from "../errors/index.ts";
import {
  type EventCatalog,
  type EventEnvelope,
  jsonEquals,
  type PreparedEvent,
  streamIdSchema,
} from "../events/index.ts";
import type { AppendResult, ExpectedVersion } from "./eventStore.ts";
import { expectedVersionSchema } from "./expectedVersion.ts";

const LONE_SURROGATE = /\p{Cs}/u;
const appendOptionsSchema = z.strictObject({ expectedVersion: expectedVersionSchema.optional() }).optional();

/**
 * A validated append request, ready for a store to write.
 *
 * @example
 * ```ts
 * const request: ValidatedAppend = validateAppend("MyStore.append", catalog, "deal-1", events, options);
 * ```
 */
export interface ValidatedAppend {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expectedVersion: ExpectedVersion;
}

/**
 * Validates everything an append receives, before a store touches its storage: the stream id, the options and
 * every event. Every adapter calls this first, so all stores reject the same inputs the same way.
 *
 * @param api - The API name for errors, such as `SqliteEventStore.append`.
 * @param catalog - The registered event types.
 * @param streamId - The stream to append to.
 * @param events - The events to append.
 * @param options - The append options.
 * @returns The validated request.
 * @throws {@link ValidationError} listing every problem; nothing has been written.
 * @example
 * ```ts
 * const { events: prepared } = validateAppend("MyStore.append", catalog, "deal-1", events, { expectedVersion: 0 });
 * ```
 */
export function validateAppend(
  api: string,
  catalog: EventCatalog<any>,
  streamId: unknown,
  events: unknown,
  options: unknown,
): ValidatedAppend {
  // Fast path for the common, valid case; zod runs only to explain a rejection.
  if (
    typeof streamId === "string" &&
    streamId.length > 0 &&
    streamId.length <= 1000 &&
    !streamId.includes("\u0000") &&
    !LONE_SURROGATE.test(streamId) &&
    Array.isArray(events) &&
    isPlainOptions(options)
  ) {
    let prepared: PreparedEvent[];
    try {
      prepared = catalog.prepare(api, events);
    } catch (error) {
      if (!isValidationError(error)) throw error;
      throw new ValidationError(
        api,
        error.issues.map((i) => ({ ...i, path: ["events", ...i.path] })),
      );
    }
    return {
      streamId,
      events: prepared,
      expectedVersion: (options as { expectedVersion?: ExpectedVersion } | undefined)?.expectedVersion ?? "any",
    };
  }
  const issues: ValidationIssue[] = [];
  const sid = streamIdSchema.safeParse(streamId);
  if (!sid.success)
    for (const i of sid.error.issues) issues.push({ code: i.code, path: ["streamId", ...i.path], message: i.message });
  const opts = appendOptionsSchema.safeParse(options);
  if (!opts.success)
    for (const i of opts.error.issues) issues.push({ code: i.code, path: ["options", ...i.path], message: i.message });
  if (!Array.isArray(events)) {
    issues.push({ code: "invalid_type", path: ["events"], message: "events is an array" });
    throw new ValidationError(api, issues);
  }
  let prepared: PreparedEvent[] = [];
  try {
    prepared = catalog.prepare(api, events);
  } catch (error) {
    if (!isValidationError(error)) throw error;
    for (const i of error.issues) issues.push({ ...i, path: ["events", ...i.path] });
  }
  if (issues.length > 0) throw new ValidationError(api, issues);
  return { streamId: sid.data as string, events: prepared, expectedVersion: opts.data?.expectedVersion ?? "any" };
}

/**
 * Decides what an append whose events carry ids that may already be stored should do. Returns `undefined` when
 * none of the ids is stored (append normally), or the original result when every event is already stored, in
 * this stream, in this order, with the same content.
 *
 * @param streamId - The stream appended to.
 * @param events - The validated events.
 * @param stored - An array aligned with `events`: for each event, the envelope already stored under its id, or
 *   `undefined` (also for an event without an id).
 * @returns The original result for a replayed append, or `undefined`.
 * @throws {@link IdempotencyConflictError} when some ids are stored and others not, or the content differs.
 * @example
 * ```ts
 * const request = validateAppend("MyStore.append", catalog, "deal-1", events, { expectedVersion: "no_stream" });
 * const stored = request.events.map((e) => (e.eventId === undefined ? undefined : byId.get(e.eventId)));
 * const replay = resolveIdempotentAppend(request.streamId, request.events, stored);
 * if (replay) return replay;
 * ```
 */
export function resolveIdempotentAppend(
  streamId: string,
  events: readonly PreparedEvent[],
  stored: readonly (EventEnvelope | undefined)[],
): AppendResult | undefined {
  if (stored.every((s) => s === undefined)) return undefined;
  const firstStored = stored[0];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const s = stored[i];
    const id = e.eventId ?? "(generated)";
    if (s === undefined) {
      throw new IdempotencyConflictError(id, "absent while other events of the batch are stored: a partial replay");
    }
    if (s.streamId !== streamId) throw new IdempotencyConflictError(id, `in stream ${JSON.stringify(s.streamId)}`);
    if (firstStored && s.streamVersion !== firstStored.streamVersion + i) {
      throw new IdempotencyConflictError(id, "at another position of the stream than in this batch");
    }
    if (
      s.type !== e.type ||
      !jsonEquals(s.data, e.data) ||
      !jsonEquals(s.metadata, e.metadata) ||
      (e.occurredAt !== undefined && e.occurredAt !== s.occurredAt)
    ) {
      throw new IdempotencyConflictError(id, "with different content");
    }
  }
  const last = stored[stored.length - 1]!;
  return Object.freeze({
    streamId,
    nextExpectedVersion: last.streamVersion,
    lastPosition: last.globalPosition,
    events: Object.freeze([...(stored as EventEnvelope[])]),
  });
}

function isPlainOptions(options: unknown): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype)
    return false;
  for (const key in options) if (key !== "expectedVersion") return false;
  const v = (options as { expectedVersion?: unknown }).expectedVersion;
  return (
    v === undefined ||
    v === "any" ||
    v === "no_stream" ||
    v === "stream_exists" ||
    (typeof v === "number" && Number.isSafeInteger(v) && v >= 0)
  );
}
