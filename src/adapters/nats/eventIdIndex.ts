import { SalesfoldError } from "../../core/errors/index.ts";
import type { EventCatalog, EventEnvelope } from "../../core/events/index.ts";
import { decodeBatch } from "./natsBatch.ts";
import { getMessage, type NatsClients, readSequences, isWrongLastSequence } from "./natsLog.ts";
import { eventIdSubject, NATS_POSITION_STRIDE, type NatsStreamNames } from "./natsLayout.ts";

/** @internal How many index entries are written concurrently. */
const WRITE_WINDOW = 512;

/**
 * @internal The durable event id → (sequence, index) map that answers idempotency beyond JetStream's duplicate
 * window. It is a cache of the log, never a second source of truth: entries are derived from stored batches, are
 * create-only (the first message holding an id wins), and a watermark says up to which sequence every batch is
 * indexed. Before a lookup the index catches up from the watermark to the log's head, so a batch whose writer
 * crashed before indexing it is indexed by the next reader: there is no window where a stored id is not found.
 */
export interface EventIdIndex {
  /** Finds the stored envelopes of `eventIds` (undefined when absent), after indexing every batch up to `lastSeq`. */
  lookup(eventIds: readonly (string | undefined)[], lastSeq: number): Promise<(EventEnvelope | undefined)[]>;
}

/** @internal Creates the index over a tenant's streams. */
export function createEventIdIndex(
  api: string,
  clients: NatsClients,
  names: NatsStreamNames,
  prefix: string,
  tenantId: string,
  catalog: EventCatalog<any>,
): EventIdIndex {
  const { js, jsm } = clients;
  let indexedTo = 0;

  const readMark = async (): Promise<{ value: number; seq: number }> => {
    const msg = await getMessage(jsm, names.index, { last_by_subj: names.indexMark });
    if (msg === null) return { value: 0, seq: 0 };
    const value = Number(msg.string());
    if (!Number.isSafeInteger(value) || value < 0)
      throw new SalesfoldError(
        "invalid_state",
        `${api}: the index watermark ${JSON.stringify(msg.string())} is invalid`,
      );
    return { value, seq: msg.seq };
  };

  const writeEntry = async (eventId: string, position: string) => {
    try {
      await js.publish(eventIdSubject(prefix, tenantId, eventId), position, { expect: { lastSubjectSequence: 0 } });
    } catch (error) {
      // Already indexed (by this batch's earlier indexing, or a first holder of the id): keep the first entry.
      if (!isWrongLastSequence(error)) throw error;
    }
  };

  const catchUp = async (lastSeq: number) => {
    if (indexedTo >= lastSeq) return;
    const mark = await readMark();
    const from = Math.max(indexedTo, mark.value);
    if (from < lastSeq) {
      let pending: Promise<void>[] = [];
      for await (const msg of readSequences(jsm, names.events, from + 1, lastSeq)) {
        for (const [i, eventId] of eventIdsOf(api, msg.json<unknown>(), msg.seq).entries()) {
          pending.push(writeEntry(eventId, `${msg.seq}:${i}`));
          if (pending.length >= WRITE_WINDOW) {
            await Promise.all(pending);
            pending = [];
          }
        }
      }
      await Promise.all(pending);
      try {
        await js.publish(names.indexMark, String(lastSeq), { expect: { lastSubjectSequence: mark.seq } });
      } catch (error) {
        // Another handle moved the watermark meanwhile; ours is only an optimisation for the next reader.
        if (!isWrongLastSequence(error)) throw error;
      }
    }
    indexedTo = Math.max(indexedTo, lastSeq);
  };

  return {
    async lookup(eventIds, lastSeq) {
      await catchUp(lastSeq);
      const refs = await Promise.all(
        eventIds.map((id) =>
          id === undefined
            ? null
            : getMessage(jsm, names.index, { last_by_subj: eventIdSubject(prefix, tenantId, id) }),
        ),
      );
      const batches = new Map<number, Promise<EventEnvelope[]>>();
      return Promise.all(
        refs.map(async (ref, n) => {
          if (ref === null) return undefined;
          const m = /^(\d{1,16}):(\d{1,7})$/.exec(ref.string());
          const seq = Number(m?.[1]);
          const index = Number(m?.[2]);
          if (!m || index >= NATS_POSITION_STRIDE)
            throw new SalesfoldError("invalid_state", `${api}: index entry ${ref.subject} is invalid`);
          let batch = batches.get(seq);
          if (batch === undefined) {
            batch = getMessage(jsm, names.events, { seq }).then((msg) => {
              if (msg === null)
                throw new SalesfoldError(
                  "invalid_state",
                  `${api}: index entry ${ref.subject} points to a missing batch`,
                );
              return decodeBatch(api, catalog, tenantId, msg);
            });
            batches.set(seq, batch);
          }
          const envelope = (await batch)[index];
          if (envelope === undefined || envelope.eventId !== eventIds[n])
            throw new SalesfoldError("invalid_state", `${api}: index entry ${ref.subject} points to another event`);
          return envelope;
        }),
      );
    },
  };
}

function eventIdsOf(api: string, body: unknown, seq: number): string[] {
  const events = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events))
    throw new SalesfoldError("invalid_state", `${api}: message ${seq} is not a salesfold batch`);
  return events.map((e) => {
    const id = (e as { eventId?: unknown } | null)?.eventId;
    if (typeof id !== "string")
      throw new SalesfoldError("invalid_state", `${api}: message ${seq} has an event without an id`);
    return id;
  });
}
