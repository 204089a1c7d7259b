import { z } from "zod";

// With the `u` flag this matches only unpaired surrogates: text that UTF-8 (and so SQL text columns and NATS
// subjects) cannot carry, where two different ids could collapse into one.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Stream ids: 1 to 1,000 characters of any well-formed text except NUL. They are data, never spliced into SQL or subjects.
 *
 * @example
 * ```ts
 * streamIdSchema.parse("deal-42"); // "deal-42"
 * ```
 */
export const streamIdSchema = /* @__PURE__ */ z
  .string()
  .min(1, "a stream id is not empty")
  .max(1000, "a stream id has at most 1,000 characters")
  .refine((s) => !s.includes("\u0000"), "a stream id has no NUL character")
  .refine((s) => !LONE_SURROGATE.test(s), "a stream id is well-formed UTF-16: no unpaired surrogate");

/**
 * Tenant ids: 1 to 64 characters of letters, digits, `_` and `-`, starting with a letter or digit.
 *
 * @example
 * ```ts
 * tenantIdSchema.parse("acme-eu"); // "acme-eu"
 * ```
 */
export const tenantIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, {
  message: "a tenant id is 1-64 letters, digits, '_' or '-', starting with a letter or digit",
});

/**
 * Event ids: 1 to 128 characters of letters, digits, `_`, `-`, `.` and `:`. The generators `randomId` and
 * `orderedIds` make 21-character ids of nanoid's alphabet; the SQLite store derives `prefix:position` ids.
 *
 * @example
 * ```ts
 * eventIdSchema.parse("V1StGXR8_Z5jdHi6B-myT");
 * ```
 */
export const eventIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, {
  message: "an event id is 1-128 letters, digits, '_', '-', '.' or ':'",
});

/**
 * An ISO-8601 instant with a `Z` or an offset, such as `2026-07-01T09:00:00.000Z`.
 *
 * @example
 * ```ts
 * instantSchema.parse("2026-07-01T09:00:00+08:00");
 * ```
 */
export const instantSchema = z.iso.datetime({ offset: true });

/**
 * The metadata every stored event carries.
 *
 * @example
 * ```ts
 * eventMetadataSchema.parse({ schemaVersion: 1, actor: "user:ana", correlationId: "c-1" });
 * ```
 */
export const eventMetadataSchema = z.strictObject({
  /** Who caused the event: a user or system id. */
  actor: z.string().min(1).max(256).optional(),
  /** Groups every event caused by one request or workflow. */
  correlationId: z.string().min(1).max(256).optional(),
  /** The id of the command or event that caused this one. */
  causationId: z.string().min(1).max(256).optional(),
  /** The version of the event's data schema it was written with. */
  schemaVersion: z.number().int().min(1),
});

/**
 * The metadata of a stored event: actor, correlation and causation ids, and the schema version of its data.
 *
 * @example
 * ```ts
 * const metadata: EventMetadata = { schemaVersion: 1, actor: "user:ana" };
 * ```
 */
export type EventMetadata = z.infer<typeof eventMetadataSchema>;

/**
 * The stored form of an event. Adapters validate rows read back against it; the CLI validates import files with it.
 *
 * @example
 * ```ts
 * const envelope = eventEnvelopeSchema.parse(JSON.parse(line));
 * ```
 */
export const eventEnvelopeSchema = z.strictObject({
  type: z.string().min(1).max(200),
  data: z.unknown(),
  metadata: eventMetadataSchema,
  eventId: eventIdSchema,
  streamId: streamIdSchema,
  streamVersion: z.number().int().min(1),
  globalPosition: z.number().int().min(1),
  occurredAt: instantSchema,
  recordedAt: instantSchema,
  tenantId: tenantIdSchema,
});

/**
 * The minimal shape of a domain event: a past-tense `type` and its `data`. Deciders return these; stores wrap them
 * in an {@link EventEnvelope}.
 *
 * @example
 * ```ts
 * const event: AnyEvent = { type: "DealWon", data: { dealId: "d-1" } };
 * ```
 */
export interface AnyEvent {
  readonly type: string;
  readonly data: unknown;
}

/**
 * A stored event: the domain event plus its identity, position, time and metadata. Every field but `type` and `data`
 * comes from {@link eventEnvelopeSchema}.
 *
 * @typeParam E - The domain event union.
 * @example
 * ```ts
 * function describe(e: EventEnvelope<{ type: "DealWon"; data: { dealId: string } }>) {
 *   return `${e.streamId}@${e.streamVersion}: ${e.type} ${e.data.dealId}`;
 * }
 * ```
 */
export type EventEnvelope<E extends AnyEvent = AnyEvent> = E extends AnyEvent
  ? Readonly<Omit<z.infer<typeof eventEnvelopeSchema>, "type" | "data" | "metadata">> & {
      readonly type: E["type"];
      readonly data: E["data"];
      readonly metadata: Readonly<EventMetadata>;
    }
  : never;

/**
 * An event to append: the domain event plus optional id, occurrence time and metadata. The store fills in the rest.
 * Give `eventId` yourself to make a retried append idempotent.
 *
 * @typeParam E - The domain event union.
 * @example
 * ```ts
 * const input: EventInput = { type: "DealWon", data: { dealId: "d-1" }, eventId: "evt-1", metadata: { actor: "ana" } };
 * ```
 */
export type EventInput<E extends AnyEvent = AnyEvent> = E extends AnyEvent
  ? {
      readonly type: E["type"];
      readonly data: E["data"];
      readonly eventId?: string;
      readonly occurredAt?: string;
      readonly metadata?: Readonly<Partial<EventMetadata>>;
    }
  : never;
