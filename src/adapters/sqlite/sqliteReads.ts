import type Database from "better-sqlite3";
import type { ReadStreamResult } from "../../core/eventStore/eventStore.ts";
import type { ParsedReadAllOptions, ParsedReadStreamOptions } from "../../core/eventStore/readOptions.ts";
import type { AnyEvent, EventCatalog, EventEnvelope } from "../../core/events/index.ts";
import { type DerivedIds, logKey } from "./derivedIds.ts";
import { EVENT_COLUMNS, type EventRow, parseRow, parseRows } from "./rows.ts";
import { MAX_POSITION } from "./schema.ts";

/** SQLite reads "no limit" from a negative LIMIT. */
const NO_LIMIT = -1;
/** Rows per query of a readAll: bounded memory, and the connection is free between pages. */
const PAGE = 1000;

/** @internal The read side of one tenant's handle: every query is parameterized and bound to the tenant's key. */
export function createSqliteReads<E extends AnyEvent>(
  db: Database.Database,
  catalog: EventCatalog<E>,
  api: string,
  ids: DerivedIds,
) {
  // A tenant's events are the log keys (tenant_key * 2^40, tenant_key * 2^40 + 2^40 - 1]: a range of the table's
  // B-tree, in position order. Stream reads use the (tenant_key, stream_id, stream_version) index.
  type LogKey = number | bigint;
  const versionOf = db
    .prepare<[number, string], number | null>(
      "SELECT max(stream_version) FROM salesfold_events WHERE tenant_key = ? AND stream_id = ?",
    )
    .pluck();
  const headOf = db
    .prepare<[LogKey, LogKey], number>(
      `SELECT log_key & ${MAX_POSITION} FROM salesfold_events WHERE log_key > ? AND log_key <= ?
       ORDER BY log_key DESC LIMIT 1`,
    )
    .pluck();
  const forwards = db.prepare<[number, string, number, number, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE tenant_key = ? AND stream_id = ?
     AND stream_version BETWEEN ? AND ? ORDER BY stream_version ASC LIMIT ?`,
  );
  const backwards = db.prepare<[number, string, number, number, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE tenant_key = ? AND stream_id = ?
     AND stream_version BETWEEN ? AND ? ORDER BY stream_version DESC LIMIT ?`,
  );
  const page = db.prepare<[LogKey, LogKey, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE log_key > ? AND log_key <= ? ORDER BY log_key LIMIT ?`,
  );
  // The type list travels as one JSON array parameter: one prepared statement for any filter, nothing spliced.
  const typedPage = db.prepare<[LogKey, LogKey, string, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE log_key > ? AND log_key <= ?
     AND type IN (SELECT value FROM json_each(?)) ORDER BY log_key LIMIT ?`,
  );

  // A tenant that has never appended has no key and no events.
  const head = (): number => {
    const key = ids.key();
    return key === undefined ? 0 : (headOf.get(logKey(key, 0), logKey(key, MAX_POSITION)) ?? 0);
  };
  const streamVersion = (streamId: string): number => {
    const key = ids.key();
    return key === undefined ? 0 : (versionOf.get(key, streamId) ?? 0);
  };

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
    const key = ids.key()!;
    const rows =
      o.direction === "forwards"
        ? forwards.all(key, streamId, o.fromVersion ?? 1, o.toVersion ?? current, limit)
        : backwards.all(key, streamId, o.toVersion ?? 1, o.fromVersion ?? current, limit);
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
  ): readonly EventRow[] => {
    // Called with end > 0 only, so the tenant has a key.
    const key = ids.key()!;
    const from = logKey(key, after);
    const to = logKey(key, end);
    return types === undefined ? page.all(from, to, limit) : typedPage.all(from, to, JSON.stringify(types), limit);
  };

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
