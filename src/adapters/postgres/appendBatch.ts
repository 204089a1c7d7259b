import { SalesfoldError } from "../../core/errors/index.ts";
import type { PreparedEvent } from "../../core/events/index.ts";
import type { IdGenerator } from "../../core/runtime/ids.ts";

/**
 * @internal A validated batch as `append_events` takes it: a few text parameters with one line per event, instead of
 * one array per column (an array of JSON texts costs far more to escape, send and parse than the same texts joined).
 */
export interface EncodedBatch {
  /** Whether the caller gave any event id (then the function looks for stored ones first). */
  readonly given: boolean;
  /** Each event's id: the caller's or a generated one. */
  readonly eventIds: readonly string[];
  /** Each event's occurrence time: the caller's or the recording time. */
  readonly occurred: readonly string[];
  readonly params: {
    /** The event ids, one per line. */
    readonly ids: string;
    /** The batch's distinct types, in order of first appearance. */
    readonly types: readonly string[];
    /** Each event's 1-based index into `types`, one per line; null when every event has the first type. */
    readonly typeIndex: string | null;
    /** `JSON.stringify` of each event's data, one per line (it never writes a line break). */
    readonly data: string;
    /** `JSON.stringify` of each event's metadata, one per line. */
    readonly metadata: string;
    /** Each event's own occurrence time or an empty line; null when no event has one. */
    readonly occurred: string | null;
  };
}

// The alphabet of event ids (eventIdSchema): a generated id must match it too, or it could not be read back.
const EVENT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

// Prepared metadata objects are frozen (so their JSON cannot change), and the catalog shares one per event type:
// their JSON is worth keeping.
const metadataJson = new WeakMap<object, string>();

function jsonOfMetadata(metadata: object): string {
  let json = metadataJson.get(metadata);
  if (json === undefined) {
    json = JSON.stringify(metadata);
    if (Object.isFrozen(metadata)) metadataJson.set(metadata, json);
  }
  return json;
}

/** @internal Encodes a validated, non-empty batch for `append_events`, generating the missing event ids. */
export function encodeBatch(
  api: string,
  events: readonly PreparedEvent[],
  ids: IdGenerator,
  recordedAt: string,
): EncodedBatch {
  const n = events.length;
  const eventIds: string[] = new Array(n);
  const occurred: string[] = new Array(n);
  const data: string[] = new Array(n);
  const metadata: string[] = new Array(n);
  const typeOf: number[] = new Array(n);
  const types: string[] = [];
  let given = false;
  let ownTimes = false;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    let id = e.eventId;
    if (id !== undefined) {
      given = true;
    } else {
      id = ids();
      if (typeof id !== "string" || !EVENT_ID.test(id)) {
        throw new SalesfoldError(
          "invalid_state",
          `${api}: the id generator returned ${JSON.stringify(id)}, which is not an event id (1-128 letters, digits, '_', '-', '.' or ':')`,
        );
      }
    }
    eventIds[i] = id;
    if (e.occurredAt !== undefined) ownTimes = true;
    occurred[i] = e.occurredAt ?? recordedAt;
    data[i] = JSON.stringify(e.data);
    metadata[i] = jsonOfMetadata(e.metadata);
    let t = types.indexOf(e.type);
    if (t < 0) t = types.push(e.type) - 1;
    typeOf[i] = t + 1;
  }
  let times: string | null = null;
  if (ownTimes) {
    const lines: string[] = new Array(n);
    for (let i = 0; i < n; i++) lines[i] = events[i]!.occurredAt ?? "";
    times = lines.join("\n");
  }
  return {
    given,
    eventIds,
    occurred,
    params: {
      ids: eventIds.join("\n"),
      types,
      typeIndex: types.length === 1 ? null : typeOf.join("\n"),
      data: data.join("\n"),
      metadata: metadata.join("\n"),
      occurred: times,
    },
  };
}
