import type Database from "better-sqlite3";
import type { ReadStreamResult } from "../../core/eventStore/eventStore.ts";
import type { ParsedReadAllOptions, ParsedReadStreamOptions } from "../../core/eventStore/readOptions.ts";
import type { AnyEvent, EventCatalog, EventEnvelope } from "../../core/events/index.ts";
import type { DerivedIds } from "./derivedIds.ts";
import { EVENT_COLUMNS, type EventRow, parseRow, parseRows } from "./rows.ts";

/** SQLite reads "no limit" from a negative LIMIT. */
const NO_LIMIT = -1;
/** Rows per query of a readAll: bounded memory, and the connection is free between pages. */
const PAGE = 1000;

/** @internal The read side of one tenant's handle: every query is parameterized and bound to the tenant. */
export function createSqliteReads<E extends AnyEvent>(
  db: Database.Database,
  catalog: EventCatalog<E>,
  tenantId: string,
  api: string,
  ids: DerivedIds,
) {
  const versionOf = db
    .prepare<[string, string], number | null>(
      "SELECT max(stream_version) FROM salesfold_events WHERE tenant_id = ? AND stream_id = ?",
    )
    .pluck();
  const headOf = db
    .prepare<[string], number | null>("SELECT max(global_position) FROM salesfold_events WHERE tenant_id = ?")
    .pluck();
  const forwards = db.prepare<[string, string, number, number, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE tenant_id = ? AND stream_id = ?
     AND stream_version BETWEEN ? AND ? ORDER BY stream_version ASC LIMIT ?`,
  );
  const backwards = db.prepare<[string, string, number, number, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE tenant_id = ? AND stream_id = ?
     AND stream_version BETWEEN ? AND ? ORDER BY stream_version DESC LIMIT ?`,
  );
  const page = db.prepare<[string, number, number, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE tenant_id = ? AND global_position > ? AND global_position <= ?
     ORDER BY global_position LIMIT ?`,
  );
  // The type list travels as one JSON array parameter: one prepared statement for any filter, nothing spliced.
  const typedPage = db.prepare<[string, number, number, string, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE tenant_id = ? AND global_position > ? AND global_position <= ?
     AND type IN (SELECT value FROM json_each(?)) ORDER BY global_position LIMIT ?`,
  );

  const head = (): number => headOf.get(tenantId) ?? 0;
  const streamVersion = (streamId: string): number => versionOf.get(tenantId, streamId) ?? 0;

  // The version and the events come from one read transaction, so they describe the same state of the stream.
  const readStreamTx = db.transaction((streamId: string, o: ParsedReadStreamOptions): ReadStreamResult<E> => {
    const current = streamVersion(streamId);
    if (current === 0)
      return Object.freeze({
        events: Object.freeze([]),
        currentVersion: 0,
        exists: false,
      });
    const limit = o.maxCount ?? NO_LIMIT;
    const rows =
      o.direction === "forwards"
        ? forwards.all(tenantId, streamId, o.fromVersion ?? 1, o.toVersion ?? current, limit)
        : backwards.all(tenantId, streamId, o.toVersion ?? 1, o.fromVersion ?? current, limit);
    return Object.freeze({
      events: parseRows(catalog, api, ids, rows),
      currentVersion: current,
      exists: true,
    });
  });

  /**
   * Up to `limit` events in (after, end], of `types` when given. SQLite commits one writer at a time and a position
   * is assigned under the write lock, so once position `end` is visible every position below it is too.
   */
  const rowsBetween = (
    after: number,
    end: number,
    limit: number,
    types: readonly string[] | undefined,
  ): readonly EventRow[] =>
    types === undefined
      ? page.all(tenantId, after, end, limit)
      : typedPage.all(tenantId, after, end, JSON.stringify(types), limit);

  const readAll = (o: ParsedReadAllOptions): AsyncIterable<EventEnvelope<E>> => ({
    async *[Symbol.asyncIterator]() {
      // A snapshot of the head: events appended while iterating are not read by this iteration.
      const end = head();
      let remaining = o.limit ?? Number.POSITIVE_INFINITY;
      let cursor = o.after;
      if (o.types !== undefined && o.types.length === 0) return;
      while (remaining > 0 && cursor < end) {
        const rows = rowsBetween(cursor, end, Math.min(PAGE, remaining), o.types);
        if (rows.length === 0) return;
        cursor = rows[rows.length - 1]!.global_position;
        remaining -= rows.length;
        // Parse the page before yielding any of it: the consumer sees a validation error before acting on the page.
        const events = parseRows(catalog, api, ids, rows);
        for (const e of events) yield e;
      }
    },
  });

  const readBatch = async (after: number, limit: number, types: ReadonlySet<string> | undefined) => {
    const end = head();
    if (end <= after) return { events: [], scannedTo: after };
    if (types !== undefined && types.size === 0) return { events: [], scannedTo: end };
    const rows = rowsBetween(after, end, limit, types === undefined ? undefined : [...types]);
    const events: EventEnvelope[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) events[i] = parseRow(catalog, api, ids, rows[i]!);
    const scannedTo = rows.length === limit ? rows[rows.length - 1]!.global_position : end;
    return { events, scannedTo };
  };

  return {
    head,
    streamVersion,
    readStream: (streamId: string, o: ParsedReadStreamOptions) => readStreamTx.deferred(streamId, o),
    readAll,
    readBatch,
  };
}
