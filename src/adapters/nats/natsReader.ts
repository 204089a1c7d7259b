import { SalesfoldError } from "../../core/errors/index.ts";
import type { EventCatalog, EventEnvelope } from "../../core/events/index.ts";
import type { ParsedReadStreamOptions } from "../../core/eventStore/readOptions.ts";
import { batchHead, batchStreamId, decodeBatch } from "./natsBatch.ts";
import { streamSubject, streamToken, positionOf, sequenceOf, type NatsStreamNames } from "./natsLayout.ts";
import { getMessage, type NatsClients, readSequences } from "./natsLog.ts";

/** @internal Where a stream stands: the sequence of its newest batch (0 when none) and its version. */
export interface StreamHead {
  readonly seq: number;
  readonly version: number;
}

/** @internal The read side of a tenant's events stream. */
export interface NatsReader {
  /** The newest batch of a stream. */
  streamHead(streamId: string): Promise<StreamHead>;
  /** The sequence of the newest message of the tenant's events stream: 0 when empty. */
  headSeq(): Promise<number>;
  /** The global position of the newest event: 0 when empty. */
  lastPosition(): Promise<number>;
  /** The events of a stream between two versions, in the requested direction. */
  readRange(streamId: string, o: ParsedReadStreamOptions): Promise<{ events: EventEnvelope[]; current: number }>;
  /** Every event after a global position up to the head at call time, in global order. */
  scan(after: number): AsyncGenerator<EventEnvelope>;
}

/** @internal Creates the reader. */
export function createNatsReader(
  api: string,
  clients: NatsClients,
  names: NatsStreamNames,
  prefix: string,
  tenantId: string,
  catalog: EventCatalog<any>,
): NatsReader {
  const { jsm } = clients;

  const streamHead = async (streamId: string): Promise<StreamHead> => {
    const msg = await getMessage(jsm, names.events, { last_by_subj: streamSubject(prefix, tenantId, streamId) });
    if (msg === null) return { seq: 0, version: 0 };
    // A hashed subject token could, in theory, be shared: the body names the stream exactly.
    if (streamToken(streamId).startsWith("h") && batchStreamId(msg) !== streamId)
      throw new SalesfoldError("invalid_state", `${api}: stream ${JSON.stringify(streamId)} shares its subject`);
    return { seq: msg.seq, version: batchHead(api, msg).lastVersion };
  };

  const headSeq = async () => (await jsm.streams.info(names.events)).state.last_seq;

  const lastPosition = async () => {
    const seq = await headSeq();
    if (seq === 0) return 0;
    const msg = await getMessage(jsm, names.events, { seq });
    if (msg === null) throw new SalesfoldError("invalid_state", `${api}: the newest message ${seq} is missing`);
    return positionOf(seq, batchHead(api, msg).count - 1);
  };

  const readRange = async (streamId: string, o: ParsedReadStreamOptions) => {
    const last = await getMessage(jsm, names.events, { last_by_subj: streamSubject(prefix, tenantId, streamId) });
    if (last === null) return { events: [], current: 0 };
    const current = batchHead(api, last).lastVersion;
    let lo: number;
    let hi: number;
    if (o.direction === "forwards") {
      lo = Math.max(1, o.fromVersion ?? 1);
      const to = Math.min(current, o.toVersion ?? current);
      hi = o.maxCount === undefined ? to : Math.min(to, lo + o.maxCount - 1);
    } else {
      hi = Math.min(current, o.fromVersion ?? current);
      const to = Math.max(1, o.toVersion ?? 1);
      lo = o.maxCount === undefined ? to : Math.max(to, hi - o.maxCount + 1);
    }
    if (lo > hi) return { events: [], current };
    // Walk back from the newest batch through each batch's pointer to the previous one of the same stream.
    const batches: EventEnvelope[][] = [];
    let msg: typeof last | null = last;
    while (msg !== null) {
      const head = batchHead(api, msg);
      if (head.firstVersion <= hi) {
        const envelopes = decodeBatch(api, catalog, tenantId, msg, streamId);
        batches.push(envelopes.filter((e) => e.streamVersion >= lo && e.streamVersion <= hi));
      }
      if (head.firstVersion <= lo || head.previousSeq === 0) break;
      msg = await getMessage(jsm, names.events, { seq: head.previousSeq });
      if (msg === null)
        throw new SalesfoldError("invalid_state", `${api}: batch ${head.previousSeq} of the stream is missing`);
    }
    const events = batches.reverse().flat();
    if (events.length !== hi - lo + 1 || events[0]?.streamVersion !== lo)
      throw new SalesfoldError("invalid_state", `${api}: versions ${lo}..${hi} of the stream are not contiguous`);
    return { events: o.direction === "forwards" ? events : events.reverse(), current };
  };

  async function* scan(after: number): AsyncGenerator<EventEnvelope> {
    const end = await headSeq();
    const start = Math.max(1, sequenceOf(after));
    for await (const msg of readSequences(jsm, names.events, start, end)) {
      for (const e of decodeBatch(api, catalog, tenantId, msg)) if (e.globalPosition > after) yield e;
    }
  }

  return { streamHead, headSeq, lastPosition, readRange, scan };
}
