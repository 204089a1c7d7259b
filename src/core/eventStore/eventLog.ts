import type { EventEnvelope, EventMetadata, JsonValue, PreparedEvent } from "../events/index.ts";

/** @internal A stream of the log: its id, kept once, its number, and the global positions of its events in order. */
export interface _LogStream {
  readonly id: string;
  readonly number: number;
  readonly positions: number[];
}

const INITIAL_CAPACITY = 256;

function grownInt32(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  let capacity = a.length * 2;
  while (capacity < need) capacity *= 2;
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}

/**
 * @internal The in-memory store's log, kept in columns rather than as one object per event: a type number, a
 * stream number, a stream version and an append number in typed arrays, and references to the event's frozen data,
 * id and occurrence instant. Strings repeated by many events (type names, stream ids, `recordedAt`, the tenant,
 * default metadata) are held once. Envelopes are built, frozen, when read; events written at an older schema
 * version are upcast by the store, not here.
 *
 * Positions are 1-based global positions, as in envelopes.
 */
export class _EventLog {
  readonly #tenantId: string;
  #size = 0;
  readonly #typeNames: string[] = [];
  readonly #typeNumbers = new Map<string, number>();
  /** The metadata of the first event of each type: events carrying the same object need no slot of their own. */
  readonly #typeMetadata: Readonly<EventMetadata>[] = [];
  #typeOf = new Int32Array(INITIAL_CAPACITY);
  #streamOf = new Int32Array(INITIAL_CAPACITY);
  #versionOf = new Int32Array(INITIAL_CAPACITY);
  #appendOf = new Int32Array(INITIAL_CAPACITY);
  readonly #data: JsonValue[] = [];
  readonly #eventIds: string[] = [];
  readonly #occurredAt: string[] = [];
  /** Metadata other than the type's usual object, by index; created on the first such event. */
  #metadata: (Readonly<EventMetadata> | undefined)[] | undefined;
  /** `recordedAt` of each append; consecutive appends with the same instant share one entry. */
  readonly #recordedAt: string[] = [];
  readonly #streams = new Map<string, _LogStream>();
  readonly #streamList: _LogStream[] = [];

  constructor(tenantId: string) {
    this.#tenantId = tenantId;
  }

  /** The number of events, which is also the last global position. */
  get size(): number {
    return this.#size;
  }

  /** The stream with this id, if it has events. */
  stream(streamId: string): _LogStream | undefined {
    return this.#streams.get(streamId);
  }

  /** The id of the event at a position. */
  eventIdAt(position: number): string {
    return this.#eventIds[position - 1]!;
  }

  /**
   * Appends validated events to a stream, after its current last version. `eventIds` holds the id of each event;
   * `recordedAt` is the append's instant, also the occurrence instant of events that carry none.
   */
  write(streamId: string, events: readonly PreparedEvent[], eventIds: readonly string[], recordedAt: string): void {
    if (events.length === 0) return;
    let stream = this.#streams.get(streamId);
    let version = 0;
    if (stream === undefined) {
      // Sized to the first batch: most streams are short, and an empty array would grow to 16 slots on its first push.
      stream = { id: streamId, number: this.#streamList.length, positions: new Array<number>(events.length) };
      this.#streams.set(streamId, stream);
      this.#streamList.push(stream);
    } else {
      version = stream.positions.length;
    }
    const positions = stream.positions;
    const streamNumber = stream.number;
    const need = this.#size + events.length;
    if (need > this.#typeOf.length) {
      this.#typeOf = grownInt32(this.#typeOf, need);
      this.#streamOf = grownInt32(this.#streamOf, need);
      this.#versionOf = grownInt32(this.#versionOf, need);
      this.#appendOf = grownInt32(this.#appendOf, need);
    }
    const recorded = this.#recordedAt;
    if (recorded.length === 0 || recorded[recorded.length - 1] !== recordedAt) recorded.push(recordedAt);
    const appendNumber = recorded.length - 1;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const index = this.#size;
      let type = this.#typeNumbers.get(e.type);
      if (type === undefined) {
        type = this.#typeNames.length;
        this.#typeNames.push(e.type);
        this.#typeNumbers.set(e.type, type);
        this.#typeMetadata.push(e.metadata);
      }
      if (e.metadata !== this.#typeMetadata[type]) (this.#metadata ??= [])[index] = e.metadata;
      this.#typeOf[index] = type;
      this.#streamOf[index] = streamNumber;
      this.#versionOf[index] = version + 1;
      positions[version++] = index + 1;
      this.#appendOf[index] = appendNumber;
      this.#data.push(e.data);
      this.#eventIds.push(eventIds[i]!);
      this.#occurredAt.push(e.occurredAt ?? recordedAt);
      this.#size = index + 1;
    }
  }

  /** The frozen envelope of the event at a position, as written. */
  envelope(position: number): EventEnvelope {
    const i = position - 1;
    const type = this.#typeOf[i]!;
    return Object.freeze({
      type: this.#typeNames[type]!,
      data: this.#data[i]!,
      metadata: this.#metadata?.[i] ?? this.#typeMetadata[type]!,
      eventId: this.#eventIds[i]!,
      streamId: this.#streamList[this.#streamOf[i]!]!.id,
      streamVersion: this.#versionOf[i]!,
      globalPosition: position,
      occurredAt: this.#occurredAt[i]!,
      recordedAt: this.#recordedAt[this.#appendOf[i]!]!,
      tenantId: this.#tenantId,
    }) as EventEnvelope;
  }

  /**
   * Which type numbers a read wants: `undefined` for every type. Types the log has not seen yet are left out: they
   * can only appear after the positions a read has already fixed as its end.
   */
  typeFilter(types: Iterable<string> | undefined): Uint8Array | undefined {
    if (types === undefined) return undefined;
    const wanted = new Uint8Array(this.#typeNames.length);
    for (const t of types) {
      const n = this.#typeNumbers.get(t);
      if (n !== undefined) wanted[n] = 1;
    }
    return wanted;
  }

  /**
   * Collects into `out` the envelopes (through `view`) of the events after position `after`, up to position `end`,
   * of the wanted types, until `out` holds `limit` of them. Returns the last position examined.
   */
  scan(
    after: number,
    end: number,
    wanted: Uint8Array | undefined,
    limit: number,
    out: EventEnvelope[],
    view: (e: EventEnvelope) => EventEnvelope,
  ): number {
    const typeOf = this.#typeOf;
    let i = after;
    if (wanted === undefined) {
      for (; i < end && out.length < limit; i++) out.push(view(this.envelope(i + 1)));
    } else {
      const known = wanted.length;
      for (; i < end && out.length < limit; i++) {
        const t = typeOf[i]!;
        if (t < known && wanted[t] === 1) out.push(view(this.envelope(i + 1)));
      }
    }
    return i;
  }
}
