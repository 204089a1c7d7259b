import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * How many global positions one JetStream message owns: event `i` of the message at stream sequence `seq` has the
 * global position `seq * 2^20 + i`. Positions therefore increase strictly with commit order but are sparse, and an
 * append holds at most 2^20 events. The largest sequence that keeps positions safe integers is 2^33 - 1.
 *
 * @example
 * ```ts
 * const position = 7 * NATS_POSITION_STRIDE + 2; // the third event of the message at sequence 7
 * ```
 */
export const NATS_POSITION_STRIDE = 2 ** 20;

/** @internal The largest stream sequence whose positions are all safe integers. */
export const MAX_SEQUENCE = Math.floor(Number.MAX_SAFE_INTEGER / NATS_POSITION_STRIDE);

/** @internal The global position of event `index` of the message at `seq`. */
export const positionOf = (seq: number, index: number): number => seq * NATS_POSITION_STRIDE + index;

/** @internal The message sequence a global position belongs to. */
export const sequenceOf = (position: number): number => Math.floor(position / NATS_POSITION_STRIDE);

/** @internal The index inside its message of the event at a global position. */
export const indexOf = (position: number): number => position % NATS_POSITION_STRIDE;

/**
 * Prefixes of stream names and subjects: 1-32 ASCII letters or digits (no `_`, `-` or `.`), so that names built from
 * a prefix and a tenant id can never collide or escape their subject tree.
 *
 * @example
 * ```ts
 * natsPrefixSchema.parse("SALESFOLD");
 * ```
 */
export const natsPrefixSchema = z.string().regex(/^[A-Za-z0-9]{1,32}$/, {
  message: "a prefix is 1-32 ASCII letters or digits",
});

/**
 * The JetStream streams and subjects that hold one tenant's data.
 *
 * @example
 * ```ts
 * const { events, index } = natsStreamNames("acme");
 * ```
 */
export interface NatsStreamNames {
  /** The stream of event batches: `<prefix>_<tenant>`. */
  readonly events: string;
  /** The stream of the event-id index: `<prefix>-IDX_<tenant>`. */
  readonly index: string;
  /** Every event subject of the tenant: `<prefix>.<tenant>.s.*`. */
  readonly eventSubjects: string;
  /** Every index subject of the tenant: `<prefix>.<tenant>.id.*` (plus the watermark subject). */
  readonly indexSubjects: string;
  /** The subject holding the index watermark. */
  readonly indexMark: string;
  /** The core-NATS subject that append notifications go to (not captured by any stream). */
  readonly appended: string;
}

/**
 * Names the JetStream streams and subjects of a tenant. The tenant id must already match `tenantIdSchema`; the
 * prefix must match {@link natsPrefixSchema}. Use it to inspect, back up or delete a tenant's streams.
 *
 * @param tenantId - A validated tenant id.
 * @param prefix - The prefix the store was created with; `SALESFOLD` by default.
 * @returns The stream names and subjects.
 * @example
 * ```ts
 * await jsm.streams.delete(natsStreamNames("acme").events);
 * ```
 */
export function natsStreamNames(tenantId: string, prefix = "SALESFOLD"): NatsStreamNames {
  const root = `${prefix}.${tenantId}`;
  return Object.freeze({
    events: `${prefix}_${tenantId}`,
    index: `${prefix}-IDX_${tenantId}`,
    eventSubjects: `${root}.s.*`,
    indexSubjects: `${root}.id.*`,
    indexMark: `${root}.idmark`,
    appended: `${root}.appended`,
  });
}

/** @internal Stream ids whose reversible token would be longer than this are hashed instead. */
export const MAX_READABLE_TOKEN = 256;

/**
 * @internal Encodes a stream id as ONE subject token, never splicing its text: `b` + base64url of its UTF-8 for
 * well-formed text, `w` + base64url of its UTF-16 code units when it holds a lone surrogate (UTF-8 cannot carry
 * those exactly), and `h` + base64url of a SHA-256 of its UTF-16 code units when the readable token would exceed
 * {@link MAX_READABLE_TOKEN} characters. Every message also carries the exact stream id, which reads check.
 */
export function streamToken(streamId: string): string {
  const wellFormed = isWellFormed(streamId);
  const readable = wellFormed
    ? `b${Buffer.from(streamId, "utf8").toString("base64url")}`
    : `w${Buffer.from(streamId, "utf16le").toString("base64url")}`;
  if (readable.length <= MAX_READABLE_TOKEN) return readable;
  return `h${createHash("sha256").update(Buffer.from(streamId, "utf16le")).digest("base64url")}`;
}

/** @internal The subject of a stream's batches. */
export const streamSubject = (prefix: string, tenantId: string, streamId: string): string =>
  `${prefix}.${tenantId}.s.${streamToken(streamId)}`;

/** @internal The index subject of an event id (ids are ASCII; base64url keeps their dots out of the subject). */
export const eventIdSubject = (prefix: string, tenantId: string, eventId: string): string =>
  `${prefix}.${tenantId}.id.${Buffer.from(eventId, "utf8").toString("base64url")}`;

function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}
