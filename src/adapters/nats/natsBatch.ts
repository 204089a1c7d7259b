import type { StoredMsg } from "@nats-io/jetstream";
import { headers, type MsgHdrs } from "@nats-io/transport-node";
import { SalesfoldError } from "../../core/errors/index.ts";
import type { EventCatalog, EventEnvelope, PreparedEvent } from "../../core/events/index.ts";
import { NATS_POSITION_STRIDE, positionOf } from "./natsLayout.ts";

/** @internal The header with the stream version of the message's first event. */
export const VERSION_HEADER = "Salesfold-Version";
/** @internal The header with the number of events in the message. */
export const COUNT_HEADER = "Salesfold-Count";
/** @internal The header with the sequence of the previous message of the same stream (0 for the first). */
export const PREVIOUS_HEADER = "Salesfold-Previous";

/** @internal One event as stored inside a batch message. */
interface StoredEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly eventId: string;
  readonly occurredAt: string;
}

/** @internal The JSON body of a batch message. */
interface BatchBody {
  readonly streamId: string;
  readonly recordedAt: string;
  readonly events: readonly StoredEvent[];
}

/** @internal Serializes an append's events into one message body: the whole batch is stored atomically. */
export function encodeBatchBody(
  streamId: string,
  events: readonly PreparedEvent[],
  eventIds: readonly string[],
  recordedAt: string,
): Uint8Array {
  const body: BatchBody = {
    streamId,
    recordedAt,
    events: events.map((e, i) => ({
      type: e.type,
      data: e.data,
      metadata: e.metadata,
      eventId: eventIds[i]!,
      occurredAt: e.occurredAt ?? recordedAt,
    })),
  };
  return new TextEncoder().encode(JSON.stringify(body));
}

/** @internal The headers placing a batch in its stream. */
export function batchHeaders(firstVersion: number, count: number, previousSeq: number): MsgHdrs {
  const h = headers();
  h.set(VERSION_HEADER, String(firstVersion));
  h.set(COUNT_HEADER, String(count));
  h.set(PREVIOUS_HEADER, String(previousSeq));
  return h;
}

/** @internal Room kept for headers (ours, Nats-Msg-Id and the expectation) under the server's max_payload. */
export const HEADER_ROOM = 512;

/** @internal The stream id a batch message belongs to, read from its body. */
export function batchStreamId(msg: StoredMsg): unknown {
  try {
    return msg.json<{ streamId?: unknown }>()?.streamId;
  } catch {
    return undefined;
  }
}

/** @internal What a batch message says about its place in its stream. */
export interface BatchHead {
  readonly seq: number;
  readonly firstVersion: number;
  readonly count: number;
  readonly previousSeq: number;
  /** The stream version after this message. */
  readonly lastVersion: number;
}

/** @internal Reads a batch message's headers, refusing anything a salesfold store did not write. */
export function batchHead(api: string, msg: StoredMsg): BatchHead {
  const firstVersion = headerInt(msg, VERSION_HEADER);
  const count = headerInt(msg, COUNT_HEADER);
  const previousSeq = headerInt(msg, PREVIOUS_HEADER);
  if (firstVersion === undefined || firstVersion < 1 || count === undefined || count < 1 || previousSeq === undefined)
    throw corrupt(api, msg, "its salesfold headers are missing or invalid");
  if (count > NATS_POSITION_STRIDE) throw corrupt(api, msg, "it holds more events than a message may");
  return { seq: msg.seq, firstVersion, count, previousSeq, lastVersion: firstVersion + count - 1 };
}

/**
 * @internal Turns a batch message into validated, frozen envelopes (through `catalog.parseStored`, which upcasts).
 * When `streamId` is given, the message must belong to that stream: this guards against a hashed-token collision.
 */
export function decodeBatch(
  api: string,
  catalog: EventCatalog<any>,
  tenantId: string,
  msg: StoredMsg,
  streamId?: string,
): EventEnvelope[] {
  const head = batchHead(api, msg);
  let body: BatchBody;
  try {
    body = msg.json<BatchBody>();
  } catch (error) {
    throw new SalesfoldError("invalid_state", `${api}: message ${msg.seq} is not JSON`, { cause: error });
  }
  if (
    typeof body !== "object" ||
    body === null ||
    typeof body.streamId !== "string" ||
    !Array.isArray(body.events) ||
    body.events.length !== head.count
  )
    throw corrupt(api, msg, "its body is not a salesfold batch");
  if (streamId !== undefined && body.streamId !== streamId)
    throw corrupt(api, msg, "it belongs to another stream whose subject token collides");
  const out: EventEnvelope[] = new Array(head.count);
  for (let i = 0; i < head.count; i++) {
    const e = body.events[i]!;
    out[i] = catalog.parseStored(api, {
      type: e.type,
      data: e.data,
      metadata: e.metadata,
      eventId: e.eventId,
      streamId: body.streamId,
      streamVersion: head.firstVersion + i,
      globalPosition: positionOf(msg.seq, i),
      occurredAt: e.occurredAt,
      recordedAt: body.recordedAt,
      tenantId,
    });
  }
  return out;
}

function headerInt(msg: StoredMsg, name: string): number | undefined {
  const raw = msg.header?.get(name);
  if (raw === undefined || !/^\d{1,16}$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

function corrupt(api: string, msg: StoredMsg, why: string): SalesfoldError {
  return new SalesfoldError("invalid_state", `${api}: message ${msg.seq} on ${msg.subject} is unreadable: ${why}`);
}
