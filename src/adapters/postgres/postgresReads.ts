import type { ReadAllOptions, ReadStreamOptions, ReadStreamResult } from "../../core/eventStore/eventStore.ts";
import { parseReadAllOptions, parseReadStreamOptions, parseStreamId } from "../../core/eventStore/readOptions.ts";
import type { AnyEvent, EventCatalog, EventEnvelope } from "../../core/events/index.ts";
import { type Queryable, run, type Statement } from "./connection.ts";
import { assertStorableText, EVENT_COLUMNS, type EventRow, toEnvelope } from "./rows.ts";

/** @internal What the reads need from the store. */
export interface ReadsContext<E extends AnyEvent> {
  readonly api: string;
  readonly db: Queryable;
  readonly S: string;
  readonly schema: string;
  readonly tenantId: string;
  readonly catalog: EventCatalog<E>;
  /** Rows per readAll page. */
  readonly pageSize: number;
}

/** @internal The reads of a store. */
export interface PostgresReads<E extends AnyEvent> {
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult<E>>;
  readAll(options?: ReadAllOptions): AsyncIterable<EventEnvelope<E>>;
  readBatch(
    after: number,
    limit: number,
    types: ReadonlySet<string> | undefined,
  ): Promise<{ readonly events: readonly EventEnvelope[]; readonly scannedTo: number }>;
  streamVersion(streamId: string): Promise<number>;
  lastPosition(): Promise<number>;
}

const MAX_INT = 2_147_483_647;

/** @internal Creates the reads of a store. */
export function createPostgresReads<E extends AnyEvent>(ctx: ReadsContext<E>): PostgresReads<E> {
  const { api, db, S, schema, tenantId, catalog, pageSize } = ctx;
  const name = (what: string): string => `sf.${what}.${schema}`;
  // The stream's last version, 0 for none: one step back in the stream index. (A cached plan of max() may aggregate
  // over the whole stream when it was planned while the table was small.)
  const currentVersion = `coalesce((SELECT v.stream_version FROM ${S}.events v
    WHERE v.tenant_id = $1 AND v.stream_id = $2 ORDER BY v.stream_version DESC LIMIT 1), 0)`;
  const statements = {
    version: {
      name: name("version"),
      text: `SELECT ${currentVersion} AS v`,
    },
    head: { name: name("head"), text: `SELECT ${S}.safe_head($1, $2, $3) AS head` },
    // The stream's version and the requested range in one statement, so both come from the same snapshot.
    forwards: {
      name: name("forwards"),
      text: `WITH cur AS (SELECT ${currentVersion} AS current)
        SELECT cur.current, r.* FROM cur LEFT JOIN LATERAL (
          SELECT ${EVENT_COLUMNS} FROM ${S}.events e
          WHERE e.tenant_id = $1 AND e.stream_id = $2 AND e.stream_version >= $3 AND e.stream_version <= $4
          ORDER BY e.stream_version LIMIT $5) r ON true`,
    },
    backwards: {
      name: name("backwards"),
      text: `WITH cur AS (SELECT ${currentVersion} AS current)
        SELECT cur.current, r.* FROM cur LEFT JOIN LATERAL (
          SELECT ${EVENT_COLUMNS} FROM ${S}.events e
          WHERE e.tenant_id = $1 AND e.stream_id = $2 AND e.stream_version <= $3 AND e.stream_version >= $4
          ORDER BY e.stream_version DESC LIMIT $5) r ON true`,
    },
    page: {
      name: name("page"),
      text: `SELECT ${EVENT_COLUMNS} FROM ${S}.events e
        WHERE e.tenant_id = $1 AND e.position > $2 AND e.position <= $3 ORDER BY e.position LIMIT $4`,
    },
    pageTyped: {
      name: name("pageTyped"),
      text: `SELECT ${EVENT_COLUMNS} FROM ${S}.events e
        WHERE e.tenant_id = $1 AND e.position > $2 AND e.position <= $3 AND e.type = ANY ($5::text[])
        ORDER BY e.position LIMIT $4`,
    },
    // A subscription's batch: the safe head and the events up to it, in one statement and one snapshot.
    batch: {
      name: name("batch"),
      text: `WITH h AS (SELECT ${S}.safe_head($1, $2, $3) AS head)
        SELECT h.head, r.* FROM h LEFT JOIN LATERAL (
          SELECT ${EVENT_COLUMNS} FROM ${S}.events e
          WHERE e.tenant_id = $1 AND e.position > $2 AND e.position <= h.head ORDER BY e.position LIMIT $3) r ON true`,
    },
    batchTyped: {
      name: name("batchTyped"),
      text: `WITH h AS (SELECT ${S}.safe_head($1, $2, $3) AS head)
        SELECT h.head, r.* FROM h LEFT JOIN LATERAL (
          SELECT ${EVENT_COLUMNS} FROM ${S}.events e
          WHERE e.tenant_id = $1 AND e.position > $2 AND e.position <= h.head AND e.type = ANY ($4::text[])
          ORDER BY e.position LIMIT $3) r ON true`,
    },
  } satisfies Record<string, Statement>;

  const envelope = (row: EventRow, where: string) => toEnvelope(`${api}.${where}`, catalog, row, tenantId);

  const streamVersion = async (streamId: string): Promise<number> => {
    const rows = await run<{ v: string }>(db, statements.version, [tenantId, streamId]);
    return Number(rows[0]?.v ?? 0);
  };

  const head = async (after: number, max: number): Promise<number> => {
    const rows = await run<{ head: string }>(db, statements.head, [tenantId, after, max]);
    return Number(rows[0]?.head ?? 0);
  };

  return {
    streamVersion: async (streamId) => {
      parseStreamId(`${api}.streamVersion`, streamId);
      assertStorableText(`${api}.streamVersion`, "streamId", streamId);
      return streamVersion(streamId);
    },
    lastPosition: () => head(0, MAX_INT),
    readStream: async (streamId, options) => {
      parseStreamId(`${api}.readStream`, streamId);
      assertStorableText(`${api}.readStream`, "streamId", streamId);
      const o = parseReadStreamOptions(`${api}.readStream`, options);
      const forwards = o.direction === "forwards";
      const from = forwards ? Math.max(1, o.fromVersion ?? 1) : (o.fromVersion ?? Number.MAX_SAFE_INTEGER);
      const to = forwards ? (o.toVersion ?? Number.MAX_SAFE_INTEGER) : Math.max(1, o.toVersion ?? 1);
      const rows = await run<EventRow & { current: string }>(
        db,
        forwards ? statements.forwards : statements.backwards,
        [tenantId, streamId, from, to, o.maxCount ?? null],
      );
      const current = Number(rows[0]?.current ?? 0);
      const events: EventEnvelope<E>[] = [];
      for (const row of rows) if (row.position !== null) events.push(envelope(row, "readStream"));
      return Object.freeze({ events: Object.freeze(events), currentVersion: current, exists: current > 0 });
    },
    readAll: (options) => {
      const o = parseReadAllOptions(`${api}.readAll`, options);
      const types = o.types === undefined ? undefined : [...o.types];
      return {
        async *[Symbol.asyncIterator]() {
          let remaining = o.limit ?? Number.POSITIVE_INFINITY;
          if (remaining <= 0 || types?.length === 0) return;
          // What readers can safely reach when the iteration starts: later appends are not part of it.
          const end = await head(o.after, MAX_INT);
          let cursor = o.after;
          while (remaining > 0 && cursor < end) {
            const size = Math.min(pageSize, remaining);
            const rows = await run<EventRow>(
              db,
              types === undefined ? statements.page : statements.pageTyped,
              types === undefined ? [tenantId, cursor, end, size] : [tenantId, cursor, end, size, types],
            );
            for (const row of rows) yield envelope(row, "readAll");
            remaining -= rows.length;
            if (rows.length < size) return;
            cursor = Number(rows[rows.length - 1]!.position);
          }
        },
      };
    },
    readBatch: async (after, limit, types) => {
      const list = types === undefined ? undefined : [...types];
      const size = Math.min(limit, MAX_INT);
      const rows = await run<EventRow & { head: string }>(
        db,
        list === undefined ? statements.batch : statements.batchTyped,
        list === undefined ? [tenantId, after, size] : [tenantId, after, size, list],
      );
      const headAt = Number(rows[0]?.head ?? after);
      const events: EventEnvelope[] = [];
      for (const row of rows) if (row.position !== null) events.push(envelope(row, "subscribe"));
      const scannedTo = events.length === size ? events[events.length - 1]!.globalPosition : headAt;
      return { events, scannedTo };
    },
  };
}
