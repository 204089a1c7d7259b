import { SalesfoldError, ValidationError } from "../../core/errors/index.ts";
import type { AnyEvent, EventCatalog, EventEnvelope } from "../../core/events/index.ts";

/** @internal An event row as the adapter's SELECTs return it. */
export interface EventRow {
  readonly position: string;
  readonly stream_version: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly occurred_at: Date;
  readonly recorded_at: Date;
}

/** @internal The columns of {@link EventRow}, for SELECT lists. */
export const EVENT_COLUMNS =
  "e.position, e.stream_version, e.event_id, e.stream_id, e.type, e.data, e.metadata, e.occurred_at, e.recorded_at";

/** @internal A row as an envelope-shaped object, not yet validated nor upcast. */
export function rawEnvelope(api: string, row: EventRow, tenantId: string): EventEnvelope {
  let data: unknown;
  let metadata: unknown;
  try {
    data = JSON.parse(row.data);
    metadata = JSON.parse(row.metadata);
  } catch (error) {
    throw new SalesfoldError(
      "invalid_state",
      `${api}: event ${JSON.stringify(row.event_id)} at position ${row.position} holds invalid JSON`,
      { cause: error },
    );
  }
  return {
    type: row.type,
    data,
    metadata,
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.position),
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    tenantId,
  } as EventEnvelope;
}

/** @internal A row read back: validated against the catalog, frozen and upcast. */
export function toEnvelope<E extends AnyEvent>(
  api: string,
  catalog: EventCatalog<E>,
  row: EventRow,
  tenantId: string,
): EventEnvelope<E> {
  return catalog.parseStored(api, rawEnvelope(api, row, tenantId));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * @internal Refuses text PostgreSQL cannot store exactly: a lone UTF-16 surrogate would be replaced on the way to
 * UTF-8. (NUL is refused earlier, by the shared validation.)
 */
export function assertStorableText(api: string, field: string, value: string): void {
  if (LONE_SURROGATE.test(value)) {
    throw new ValidationError(api, [
      {
        code: "invalid_unicode",
        path: [field],
        message: `${field} holds a lone UTF-16 surrogate, which PostgreSQL cannot store`,
      },
    ]);
  }
}
