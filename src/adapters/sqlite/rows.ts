import type { AnyEvent, EventCatalog, EventEnvelope, PreparedEvent } from "../../core/events/index.ts";
import type { DerivedIds } from "./derivedIds.ts";
import { DEFAULT_METADATA, MAX_POSITION } from "./schema.ts";

/**
 * @internal The columns every event query selects, in this order. The position is the low 40 bits of `log_key`;
 * the omitted `occurred_at` and `metadata` of a slim row are restored here.
 */
export const EVENT_COLUMNS = `log_key & ${MAX_POSITION} AS global_position, stream_id, stream_version, event_id, type,
  data, coalesce(metadata, '${DEFAULT_METADATA}') AS metadata, coalesce(occurred_at, recorded_at) AS occurred_at,
  recorded_at`;

/** @internal A row of `salesfold_events` as {@link EVENT_COLUMNS} returns it; `event_id` is NULL for a derived id. */
export interface EventRow {
  readonly global_position: number;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly event_id: string | null;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly occurred_at: string;
  readonly recorded_at: string;
}

/**
 * @internal The stored envelope exactly as written: JSON parsed, not validated, not upcast. The idempotency check
 * compares a retried batch with this, since a batch written at an older schema version is compared as written.
 * A row that stores no id gets its derived id; the catalog then validates it like any other.
 */
export function rawEnvelope(row: EventRow, ids: DerivedIds): Record<string, unknown> {
  return {
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    eventId: row.event_id ?? ids.idAt(row.global_position),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    tenantId: ids.tenantId,
  };
}

/**
 * @internal The envelope of a validated event written at `globalPosition`: what the append returns, and what a read
 * gives back.
 */
export function writtenEnvelope(
  e: PreparedEvent,
  eventId: string,
  streamId: string,
  streamVersion: number,
  globalPosition: number,
  occurredAt: string,
  recordedAt: string,
  tenantId: string,
): EventEnvelope {
  return Object.freeze({
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    eventId,
    streamId,
    streamVersion,
    globalPosition,
    occurredAt,
    recordedAt,
    tenantId,
  }) as EventEnvelope;
}

/** @internal Validates a row read back against the catalog: frozen, upcast to the current shape. */
export function parseRow<E extends AnyEvent>(
  catalog: EventCatalog<E>,
  api: string,
  ids: DerivedIds,
  row: EventRow,
): EventEnvelope<E> {
  return catalog.parseStored(api, rawEnvelope(row, ids));
}

/** @internal Validates many rows, into a frozen array. */
export function parseRows<E extends AnyEvent>(
  catalog: EventCatalog<E>,
  api: string,
  ids: DerivedIds,
  rows: readonly EventRow[],
): readonly EventEnvelope<E>[] {
  const out: EventEnvelope<E>[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = parseRow(catalog, api, ids, rows[i]!);
  return Object.freeze(out);
}
