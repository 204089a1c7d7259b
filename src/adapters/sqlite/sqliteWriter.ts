import type Database from "better-sqlite3";
import { IdempotencyConflictError, SalesfoldError, ValidationError } from "../../core/errors/index.ts";
import type { AppendOptions, AppendResult, ExpectedVersion } from "../../core/eventStore/eventStore.ts";
import { assertExpectedVersion, matchesExpectedVersion } from "../../core/eventStore/expectedVersion.ts";
import type { InlineHook } from "../../core/eventStore/inlineHook.ts";
import { resolveIdempotentAppend, validateAppend } from "../../core/eventStore/validateAppend.ts";
import type { AnyEvent, EventCatalog, EventEnvelope, EventInput, PreparedEvent } from "../../core/events/index.ts";
import type { Clock } from "../../core/runtime/clock.ts";
import type { IdGenerator } from "../../core/runtime/ids.ts";
import { type DerivedIds, logKey } from "./derivedIds.ts";
import { EVENT_COLUMNS, type EventRow, parseRows, rawEnvelope, writtenEnvelope } from "./rows.ts";
import { createRowWriter } from "./rowWriter.ts";
import { MAX_POSITION } from "./schema.ts";
import { assertStorableText, busyError, isoNow } from "./writeGuards.ts";
import {
  applyProjection,
  checkpointStatements,
  isSqliteProjection,
  type SqliteProjection,
} from "./sqliteProjection.ts";

/** @internal What the writer needs from the store. */
export interface SqliteWriterOptions<E extends AnyEvent> {
  readonly api: string;
  readonly catalog: EventCatalog<E>;
  readonly tenantId: string;
  readonly clock: Clock;
  /** A user's generator of missing ids, stored like given ids; without it, missing ids derive from positions. */
  readonly ids: IdGenerator | undefined;
  /** The tenant's derived ids, shared with the handle's reads. */
  readonly derivedIds: DerivedIds;
  readonly inline: readonly (InlineHook | SqliteProjection<any>)[];
}

interface Written<E extends AnyEvent> {
  readonly result: AppendResult<E>;
  readonly written: boolean;
  readonly publish?: readonly (() => void)[];
}

/**
 * @internal The append path of one tenant's handle: one `BEGIN IMMEDIATE` transaction of prepared statements, or,
 * for a lone event at a known head, one INSERT.
 */
export function createSqliteWriter<E extends AnyEvent>(db: Database.Database, options: SqliteWriterOptions<E>) {
  const { api, catalog, tenantId, clock, ids, derivedIds } = options;
  const hooks = options.inline.filter((h): h is InlineHook => !isSqliteProjection(h));
  const projections = options.inline.filter(isSqliteProjection);
  const projectionTypes = projections.map((p) => (p.types === undefined ? undefined : new Set(p.types)));
  for (const p of projections) db.transaction(() => p.setup(db)).immediate();
  const checkpoints = projections.length > 0 ? checkpointStatements(db) : undefined;
  const upcasts = catalog.definitions.some((d) => d.version > 1);
  // Without hooks, read models or an id generator, a lone event needs no explicit transaction (see appendAtHead).
  const plain = hooks.length === 0 && projections.length === 0 && ids === undefined;

  // The tenant's head: the last row of its range of the table. A stream's version: the last entry of the stream
  // index for it.
  const headOf = db
    .prepare<[number | bigint, number | bigint], number>(
      `SELECT log_key & ${MAX_POSITION} FROM salesfold_events WHERE log_key > ? AND log_key <= ?
       ORDER BY log_key DESC LIMIT 1`,
    )
    .pluck();
  const versionOf = db
    .prepare<[number, string], number | null>(
      "SELECT max(stream_version) FROM salesfold_events WHERE tenant_key = ? AND stream_id = ?",
    )
    .pluck();
  // Stream versions this handle has read or written, valid while the tenant's head is `head`. The log only grows, and
  // every append moves the head, so an unchanged head means an unchanged version for every stream of the tenant: an
  // append whose stream is known reads only the head, one seek at the end of the table.
  const known = { head: -1, versions: new Map<string, number>() };
  let committed: { head: number; streamId: string; version: number } | undefined;
  const byEventId = db.prepare<[number, string], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE tenant_key = ? AND event_id = ?`,
  );
  const byPosition = db.prepare<[number | bigint], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM salesfold_events WHERE log_key = ?`,
  );
  const { writeRows, writeOneAtHead } = createRowWriter(db);
  // The tenant's key, once known: the log keys of its position 0 and of its last possible position.
  let tenantKey = 0;
  let logBase: number | bigint = 0;
  let logEnd: number | bigint = 0;
  const useKey = (key: number): void => {
    if (key === tenantKey) return;
    tenantKey = key;
    logBase = logKey(key, 0);
    logEnd = logKey(key, MAX_POSITION);
  };
  const keyOf = (position: number): number | bigint =>
    typeof logBase === "number" ? logBase + position : logKey(tenantKey, position);

  // Most events carry their type's shared default metadata object: serialise each such object once.
  const metadataJson = new WeakMap<object, string>();
  const metadataOf = (m: object): string => {
    let json = metadataJson.get(m);
    if (json === undefined) {
      json = JSON.stringify(m);
      if (Object.isFrozen(m)) metadataJson.set(m, json);
    }
    return json;
  };

  const reserved = (index: number, id: string) =>
    new ValidationError(api, [
      {
        code: "reserved_event_id",
        path: ["events", index, "eventId"],
        message: `eventId ${JSON.stringify(id)} has the form of the ids this store derives from positions for this tenant, and names no such stored event: a later event would receive it`,
      },
    ]);

  /**
   * The row stored under a given id. An id of this tenant's derived form names the position of an event that
   * stores no id; any other id is looked up in the event-id index.
   */
  const storedUnder = (index: number, id: string): EventRow | undefined => {
    const position = derivedIds.reservedPosition(id);
    if (position === undefined) return byEventId.get(tenantKey, id);
    // A position past the last a tenant can reach names no event (and its log key would be another tenant's).
    const row = position <= MAX_POSITION ? byPosition.get(keyOf(position)) : undefined;
    if (row !== undefined && row.event_id === null) return row;
    throw reserved(index, id);
  };

  const write = db.transaction(
    (
      streamId: string,
      prepared: readonly PreparedEvent[],
      expected: ExpectedVersion,
      json: readonly string[],
      recordedAt: string,
    ): Written<E> => {
      const { key, prefix } = derivedIds.ensure();
      useKey(key);
      let withIds = false;
      for (let i = 0; i < prepared.length; i++) if (prepared[i]!.eventId !== undefined) withIds = true;
      if (withIds) {
        // Inside the write lock: no other writer can store one of these ids between this check and the insert.
        const rows = prepared.map((e, i) => (e.eventId === undefined ? undefined : storedUnder(i, e.eventId)));
        const replay = resolveIdempotentAppend(
          streamId,
          prepared,
          rows.map((r) => (r === undefined ? undefined : (rawEnvelope(r, derivedIds) as unknown as EventEnvelope))),
        );
        if (replay) {
          const events = parseRows(catalog, api, derivedIds, rows as EventRow[]);
          return {
            result: Object.freeze({ ...(replay as AppendResult<E>), events }),
            written: false,
          };
        }
      }
      // Under the write lock, the head and versions read here hold until this transaction ends, committed or not.
      const head = headOf.get(logBase, logEnd) ?? 0;
      if (head !== known.head || known.versions.size >= KNOWN_STREAMS) {
        known.versions.clear();
        known.head = head;
      }
      let actual = known.versions.get(streamId);
      if (actual === undefined) {
        actual = versionOf.get(key, streamId) ?? 0;
        known.versions.set(streamId, actual);
      }
      assertExpectedVersion(streamId, expected, actual);
      const n = prepared.length;
      if (n === 0) {
        const result = {
          streamId,
          nextExpectedVersion: actual,
          lastPosition: head,
          events: [],
        };
        return {
          result: Object.freeze({ ...result, events: Object.freeze([]) }),
          written: false,
        };
      }
      const envelopes: EventEnvelope[] = new Array(n);
      // Under the write lock: positions follow the tenant's head with no gap.
      let position = head;
      if (position + n > MAX_POSITION) {
        throw new SalesfoldError(
          "invalid_state",
          `${api}: tenant ${JSON.stringify(tenantId)} has ${position} events; a tenant holds at most ${MAX_POSITION} in one SQLite database`,
        );
      }
      // Stored ids (`null`: derived from the position), `occurred_at` values (`null`: equal to `recordedAt`), and,
      // with a configured generator, every id of this append, given or drawn: a rolled-back multi-row insert cannot
      // tell which of its rows repeated an id, so a drawn id is checked against the append itself first.
      const storedIds: (string | null)[] = new Array(n);
      const occurred: (string | null)[] = new Array(n);
      let drawn: Set<string> | undefined;
      if (ids !== undefined) {
        drawn = new Set();
        for (let i = 0; i < n; i++) if (prepared[i]!.eventId !== undefined) drawn.add(prepared[i]!.eventId!);
      }
      for (let i = 0; i < n; i++) {
        const e = prepared[i]!;
        let stored = e.eventId ?? null;
        if (stored === null && drawn !== undefined) {
          stored = ids!();
          if (derivedIds.reservedPosition(stored) !== undefined) throw reserved(i, stored);
          if (drawn.has(stored)) {
            throw new IdempotencyConflictError(stored, "by another event: the ids option generated it again");
          }
          drawn.add(stored);
        }
        storedIds[i] = stored;
        const occurredAt = e.occurredAt ?? recordedAt;
        occurred[i] = occurredAt === recordedAt ? null : occurredAt;
        const version = actual + i + 1;
        position++;
        envelopes[i] = writtenEnvelope(
          e,
          stored ?? `${prefix}:${position}`,
          streamId,
          version,
          position,
          occurredAt,
          recordedAt,
          tenantId,
        );
      }
      const rows = {
        first: position - n + 1,
        key,
        streamId,
        versionBefore: actual,
        recordedAt,
        prepared,
        storedIds,
        occurred,
        json,
      };
      writeRows(keyOf, rows, (from, to) => {
        // A given id was checked above; a generated one meets the event-id index here, in the rows of the failed
        // insert (rolled back on its own). The transaction rolls back.
        if (drawn === undefined) return;
        for (let j = from; j < to; j++) {
          const stored = storedIds[j]!;
          if (prepared[j]!.eventId === undefined && byEventId.get(key, stored) !== undefined) {
            throw new IdempotencyConflictError(stored, "by another event: the ids option generated it again");
          }
        }
      });
      // Readers, inline read models and the result all see the current shape of events written at an older version.
      const viewed = upcasts ? envelopes.map((e) => catalog.upcast(e)) : (envelopes as EventEnvelope<E>[]);
      for (let p = 0; p < projections.length; p++) {
        const types = projectionTypes[p];
        const relevant = types === undefined ? viewed : viewed.filter((e) => types.has(e.type));
        if (relevant.length === 0) continue;
        applyProjection(api, projections[p]!, db, relevant as EventEnvelope[]);
        checkpoints!.set.run(tenantId, projections[p]!.name, position, recordedAt);
      }
      // Staged last: a hook's update is published only if every write above succeeded and the commit does.
      const publish = hooks.length === 0 ? undefined : hooks.map((h) => h.stage(viewed));
      const result = Object.freeze({
        streamId,
        nextExpectedVersion: actual + n,
        lastPosition: position,
        events: Object.freeze(viewed),
      });
      committed = { head: position, streamId, version: actual + n };
      return publish === undefined ? { result, written: true } : { result, written: true, publish };
    },
  );

  /**
   * A lone event without an id, appended by a handle that knows the tenant's head and the stream's version at that
   * head: one INSERT at the position after the head, which SQLite runs as a transaction of its own under the write
   * lock, in place of a transaction of four statements. Appends take positions one after another from the head, so
   * that position is free exactly while the head, and with it every stream's version, is unchanged; when another
   * append has taken it, the INSERT leaves the row out. `undefined` leaves the append to the transaction: an unknown
   * head or version, an expected version the known one does not meet (the transaction reads it again before it
   * decides), or a head that moved.
   */
  const appendAtHead = (
    streamId: string,
    e: PreparedEvent,
    expected: ExpectedVersion,
    json: readonly string[],
    recordedAt: string,
  ): Written<E> | undefined => {
    const tenant = derivedIds.settled();
    const actual = known.versions.get(streamId);
    const position = known.head + 1;
    if (
      tenant === undefined ||
      actual === undefined ||
      known.head < 0 ||
      position > MAX_POSITION ||
      !matchesExpectedVersion(expected, actual)
    ) {
      return undefined;
    }
    useKey(tenant.key);
    const occurredAt = e.occurredAt ?? recordedAt;
    const rows = {
      first: position,
      key: tenant.key,
      streamId,
      versionBefore: actual,
      recordedAt,
      prepared: [e],
      storedIds: [null],
      occurred: [occurredAt === recordedAt ? null : occurredAt],
      json,
    };
    if (!writeOneAtHead(keyOf, rows)) return undefined;
    const envelope = writtenEnvelope(
      e,
      `${tenant.prefix}:${position}`,
      streamId,
      actual + 1,
      position,
      occurredAt,
      recordedAt,
      tenantId,
    );
    committed = { head: position, streamId, version: actual + 1 };
    const result = Object.freeze({
      streamId,
      nextExpectedVersion: actual + 1,
      lastPosition: position,
      events: Object.freeze([upcasts ? catalog.upcast(envelope) : (envelope as EventEnvelope<E>)]),
    });
    return { result, written: true };
  };

  const append = (streamId: string, events: readonly EventInput<E>[], appendOptions?: AppendOptions): Written<E> => {
    const request = validateAppend(api, catalog, streamId, events, appendOptions);
    assertStorableText(api, "streamId", request.streamId);
    const prepared = request.events;
    // Serialised before taking the write lock, to keep the lock short.
    const json: string[] = new Array(prepared.length * 2);
    // Consecutive events of a type usually share its default metadata object.
    let metadata: object | undefined;
    let metadataText = "";
    for (let i = 0; i < prepared.length; i++) {
      const e = prepared[i]!;
      json[2 * i] = JSON.stringify(e.data);
      if (e.metadata !== metadata) {
        metadata = e.metadata;
        metadataText = metadataOf(metadata);
      }
      json[2 * i + 1] = metadataText;
    }
    const recordedAt = isoNow(api, clock);
    if (db.inTransaction) {
      // Inside the caller's transaction the append would become a savepoint: inline hooks would publish, and the
      // result would be returned, before anything is committed.
      throw new SalesfoldError(
        "invalid_state",
        `${api}: the connection is inside a transaction the store did not open; append outside it`,
      );
    }
    let out: Written<E>;
    try {
      const quick =
        plain && prepared.length === 1 && prepared[0]!.eventId === undefined
          ? appendAtHead(request.streamId, prepared[0]!, request.expectedVersion, json, recordedAt)
          : undefined;
      out = quick ?? write.immediate(request.streamId, prepared, request.expectedVersion, json, recordedAt);
    } catch (error) {
      derivedIds.settle(false);
      throw busyError(api, error);
    }
    derivedIds.settle(true);
    if (out.written) {
      // The append moved the head; of the versions known at the old head, only its stream's changed.
      known.head = committed!.head;
      known.versions.set(committed!.streamId, committed!.version);
    }
    if (out.publish) for (const p of out.publish) p();
    return out;
  };

  return { append };
}

/** How many stream versions a handle keeps, at most. */
const KNOWN_STREAMS = 10_000;
