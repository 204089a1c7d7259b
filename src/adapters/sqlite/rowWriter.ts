import type Database from "better-sqlite3";
import type { PreparedEvent } from "../../core/events/index.ts";
import { DEFAULT_METADATA } from "./schema.ts";

/** @internal The rows of one append, as the writer has laid them out. */
export interface AppendRows {
  /** The position of the first row. */
  readonly first: number;
  readonly key: number;
  readonly streamId: string;
  /** The stream's version before the append. */
  readonly versionBefore: number;
  readonly recordedAt: string;
  readonly prepared: readonly PreparedEvent[];
  /** Per event, the id to store, or `null` for an id derived from the position. */
  readonly storedIds: readonly (string | null)[];
  /** Per event, `occurred_at`, or `null` when it equals `recordedAt`. */
  readonly occurred: readonly (string | null)[];
  /** Per event `i`, its data at `2i` and its metadata at `2i + 1`, as JSON. */
  readonly json: readonly string[];
}

/**
 * The row counts of the multi-row inserts an append of several events is split into, largest first; what is left
 * is inserted one row at a time. One statement per 64 rows costs about 0.8 µs less per event than 64 statements.
 */
const INSERT_CHUNKS = [64, 16, 4] as const;

interface ChunkInsert {
  readonly statement: Database.Statement<unknown[]>;
  /** The statement's parameters, reused: 5 shared by its rows, then 5 per row (2 for slim rows). */
  readonly args: unknown[];
}

/**
 * @internal Inserts the rows of appends into `salesfold_events`. `writeRows`, called inside the write transaction,
 * puts several rows per statement where it can; when an insert fails, `failed` is called with the range of rows of
 * that statement (rolled back on its own), then the error is rethrown. `writeOneAtHead` writes a lone event in one
 * statement of its own, at the position after a known head, and only if that position is still free.
 */
export function createRowWriter(db: Database.Database) {
  const insert = db.prepare<
    [number | bigint, number, string, number, string | null, string, string | null, string, string | null, string]
  >(
    `INSERT INTO salesfold_events
     (log_key, tenant_key, stream_id, stream_version, event_id, type, occurred_at, recorded_at, metadata, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Multi-row inserts, prepared when first needed: one per size in INSERT_CHUNKS, for any rows and for slim ones.
  const chunkInserts: ChunkInsert[] = [];
  const slimInserts: ChunkInsert[] = [];

  // One row at the position after a head the caller knows, as a statement of its own outside any transaction: SQLite
  // runs it under the write lock. Positions follow one another with no gap, so that position is free exactly while
  // the head is unchanged; if another append took it, the row is left out.
  const insertAfterHead = db.prepare<
    [number | bigint, number, string, number, string, string | null, string, string | null, string]
  >(
    `INSERT OR IGNORE INTO salesfold_events
     (log_key, tenant_key, stream_id, stream_version, type, occurred_at, recorded_at, metadata, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const writeRows = (
    keyOf: (position: number) => number | bigint,
    rows: AppendRows,
    failed: (from: number, to: number) => void,
  ): void => {
    const { first, key, streamId, versionBefore, recordedAt, prepared, storedIds, occurred, json } = rows;
    const n = prepared.length;
    let i = 0;
    let size = 1;
    try {
      for (let c = 0; c < INSERT_CHUNKS.length; c++) {
        size = INSERT_CHUNKS[c]!;
        for (; n - i >= size; i += size) {
          // Rows that store no id, no occurrence time of their own and the default metadata bind 2 values each.
          let slim = true;
          for (let j = i; j < i + size && slim; j++) {
            slim = storedIds[j] === null && occurred[j] === null && json[2 * j + 1] === DEFAULT_METADATA;
          }
          const chunk = slim
            ? (slimInserts[c] ??= prepareChunkInsert(db, size, true))
            : (chunkInserts[c] ??= prepareChunkInsert(db, size, false));
          const args = chunk.args;
          args[0] = keyOf(first + i - 1);
          args[1] = key;
          args[2] = streamId;
          args[3] = versionBefore + i;
          args[4] = recordedAt;
          let a = 5;
          for (let j = i; j < i + size; j++) {
            args[a++] = prepared[j]!.type;
            if (!slim) {
              args[a++] = storedIds[j]!;
              args[a++] = occurred[j]!;
              args[a++] = metadataColumn(json[2 * j + 1]!);
            }
            args[a++] = json[2 * j]!;
          }
          chunk.statement.run(args);
        }
      }
      for (size = 1; i < n; i++) {
        insert.run(
          keyOf(first + i),
          key,
          streamId,
          versionBefore + i + 1,
          storedIds[i]!,
          prepared[i]!.type,
          occurred[i]!,
          recordedAt,
          metadataColumn(json[2 * i + 1]!),
          json[2 * i]!,
        );
      }
    } catch (error) {
      failed(i, Math.min(i + size, n));
      throw error;
    }
  };

  /**
   * Inserts the one event of `rows`, which stores no id, at position `rows.first`, in a statement of its own outside
   * any transaction, unless a row already holds that position or that stream version. Returns whether it wrote.
   */
  const writeOneAtHead = (keyOf: (position: number) => number | bigint, rows: AppendRows): boolean =>
    insertAfterHead.run(
      keyOf(rows.first),
      rows.key,
      rows.streamId,
      rows.versionBefore + 1,
      rows.prepared[0]!.type,
      rows.occurred[0]!,
      rows.recordedAt,
      metadataColumn(rows.json[1]!),
      rows.json[0]!,
    ).changes === 1;

  return { writeRows, writeOneAtHead };
}

/**
 * A statement inserting `rows` consecutive events of one stream. The log key, tenant key, stream, version before the
 * first row and the recorded time are bound once; each row binds its type, stored id, `occurred_at`, metadata and
 * data (a slim row only its type and data, the other three being NULL), and takes its log key and version from its
 * rank.
 */
function prepareChunkInsert(db: Database.Database, rows: number, slim: boolean): ChunkInsert {
  const values: string[] = new Array(rows);
  for (let k = 0; k < rows; k++) values[k] = slim ? `(${k + 1}, ?, ?)` : `(${k + 1}, ?, ?, ?, ?, ?)`;
  const perRow = slim
    ? "NULL, r.column2, NULL, s.column5, NULL, r.column3"
    : "r.column3, r.column2, r.column4, s.column5, r.column5, r.column6";
  const statement = db.prepare<unknown[]>(
    `INSERT INTO salesfold_events
     (log_key, tenant_key, stream_id, stream_version, event_id, type, occurred_at, recorded_at, metadata, data)
     SELECT s.column1 + r.column1, s.column2, s.column3, s.column4 + r.column1, ${perRow}
     FROM (VALUES (?, ?, ?, ?, ?)) AS s, (VALUES ${values.join(", ")}) AS r`,
  );
  return { statement, args: new Array(5 + (slim ? 2 : 5) * rows) };
}

/** The default metadata is stored as NULL. */
function metadataColumn(json: string): string | null {
  return json === DEFAULT_METADATA ? null : json;
}
