import { ConcurrencyError, IdempotencyConflictError, SalesfoldError } from "../../core/errors/index.ts";
import type { AppendOptions, AppendResult } from "../../core/eventStore/eventStore.ts";
import { assertExpectedVersion } from "../../core/eventStore/expectedVersion.ts";
import type { InlineHook } from "../../core/eventStore/inlineHook.ts";
import { resolveIdempotentAppend, validateAppend } from "../../core/eventStore/validateAppend.ts";
import type { AnyEvent, EventCatalog, EventEnvelope, EventInput } from "../../core/events/index.ts";
import type { Clock } from "../../core/runtime/clock.ts";
import type { IdGenerator } from "../../core/runtime/ids.ts";
import { encodeBatch } from "./appendBatch.ts";
import { isPool, type Queryable, run, type Statement, transaction } from "./connection.ts";
import { createGroupCommit, type GroupCommit, type GroupCommitLimits } from "./groupCommit.ts";
import { eventsFor, isPostgresProjection, type PostgresProjection } from "./postgresProjection.ts";
import type { PostgresReads } from "./postgresReads.ts";
import { assertStorableText, EVENT_COLUMNS, type EventRow, rawEnvelope } from "./rows.ts";

/** @internal What the writer needs from the store. */
export interface WriterContext<E extends AnyEvent> {
  readonly api: string;
  readonly db: Queryable;
  readonly S: string;
  readonly schema: string;
  readonly tenantId: string;
  readonly catalog: EventCatalog<E>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly inline: readonly (InlineHook | PostgresProjection<any>)[];
  readonly reads: PostgresReads<E>;
  /** Group commit's limits, or `false` to send every append as its own call. */
  readonly groupCommit: false | GroupCommitLimits;
}

const EXPECT: Record<string, number> = { any: 0, no_stream: 2, stream_exists: 3 };

/** @internal Creates the append of a store. */
export function createPostgresWriter<E extends AnyEvent>(ctx: WriterContext<E>) {
  const { api, db, S, tenantId, catalog, clock, ids, inline, reads } = ctx;
  const upcasts = catalog.definitions.some((d) => d.version > 1);
  const hooks = inline.filter((h): h is InlineHook => !isPostgresProjection(h));
  const projections = inline.filter((h): h is PostgresProjection => isPostgresProjection(h));
  const statement: Statement = {
    name: `sf.append.${ctx.schema}`,
    text: `SELECT ${S}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) AS r`,
  };
  const storedById: Statement = {
    name: `sf.storedById.${ctx.schema}`,
    text: `SELECT ${EVENT_COLUMNS} FROM ${S}.events e WHERE e.tenant_id = $1 AND e.event_id = ANY ($2::text[])`,
  };
  const view = (e: EventEnvelope): EventEnvelope<E> => (upcasts ? catalog.upcast(e) : (e as EventEnvelope<E>));

  const call = async (client: Queryable, values: readonly unknown[]) =>
    (await run<{ r: string[] }>(client, statement, values))[0]?.r ?? [];
  // Without inline read models, appends on a pool may share calls and commits (see groupCommit.ts).
  const grouped: GroupCommit | undefined =
    ctx.groupCommit !== false && inline.length === 0 && isPool(db)
      ? createGroupCommit(
          db,
          statement,
          {
            name: `sf.group.${ctx.schema}`,
            text: `SELECT ${S}.append_group($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) AS r`,
          },
          ctx.groupCommit,
        )
      : undefined;

  const append = async (
    streamId: string,
    events: readonly EventInput<E>[],
    options?: AppendOptions,
  ): Promise<AppendResult<E>> => {
    const request = validateAppend(`${api}.append`, catalog, streamId, events, options);
    assertStorableText(`${api}.append`, "streamId", request.streamId);
    const prepared = request.events;
    const expected = request.expectedVersion;
    if (prepared.length === 0) {
      const actual = await reads.streamVersion(request.streamId);
      assertExpectedVersion(request.streamId, expected, actual);
      return Object.freeze({
        streamId: request.streamId,
        nextExpectedVersion: actual,
        lastPosition: await reads.lastPosition(),
        events: Object.freeze([]),
      });
    }
    const recordedAt = clock.now();
    const n = prepared.length;
    const batch = encodeBatch(`${api}.append`, prepared, ids, recordedAt);
    const { eventIds, occurred, params } = batch;
    const values = (checkIds: boolean) => [
      tenantId,
      request.streamId,
      typeof expected === "number" ? 1 : EXPECT[expected],
      typeof expected === "number" ? expected : 0,
      checkIds,
      params.ids,
      params.types,
      params.typeIndex,
      params.data,
      params.metadata,
      params.occurred,
      recordedAt,
    ];

    // What the function answered, as the append's result (or its error).
    const settle = async (client: Queryable, answer: readonly string[]): Promise<AppendResult<E> | EventEnvelope[]> => {
      const kind = Number(answer[0]);
      if (kind === 2) throw new ConcurrencyError(request.streamId, expected, Number(answer[1]));
      if (kind === 1) {
        const rows = await run<EventRow>(client, storedById, [tenantId, eventIds]);
        const byId = new Map<string, EventEnvelope>();
        for (const row of rows) byId.set(row.event_id, rawEnvelope(`${api}.append`, row, tenantId));
        const replay = resolveIdempotentAppend(
          request.streamId,
          prepared,
          prepared.map((e, i) => byId.get(e.eventId ?? eventIds[i]!)),
        );
        if (!replay) throw new SalesfoldError("invalid_state", `${api}.append: an idempotent replay found no event`);
        // Read back through the catalog: validated, frozen and upcast like every read.
        const read = replay.events.map((e) => catalog.parseStored(`${api}.append`, e));
        return Object.freeze({ ...replay, events: Object.freeze(read) }) as AppendResult<E>;
      }
      if (kind !== 0 || answer.length !== 3)
        throw new SalesfoldError("invalid_state", `${api}.append: unexpected answer ${JSON.stringify(answer)}`);
      const first = Number(answer[1]);
      const firstVersion = Number(answer[2]);
      const envelopes: EventEnvelope[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const e = prepared[i]!;
        envelopes[i] = Object.freeze({
          type: e.type,
          data: e.data,
          metadata: e.metadata,
          eventId: eventIds[i]!,
          streamId: request.streamId,
          streamVersion: firstVersion + i,
          globalPosition: first + i,
          occurredAt: occurred[i]!,
          recordedAt,
          tenantId,
        }) as EventEnvelope;
      }
      return envelopes;
    };

    const result = (envelopes: readonly EventEnvelope<E>[]): AppendResult<E> =>
      Object.freeze({
        streamId: request.streamId,
        nextExpectedVersion: envelopes[envelopes.length - 1]!.streamVersion,
        lastPosition: envelopes[envelopes.length - 1]!.globalPosition,
        events: Object.freeze(envelopes),
      });

    const attempt = async (checkIds: boolean): Promise<AppendResult<E>> => {
      if (inline.length === 0) {
        const answer = grouped
          ? await grouped({ streamId: request.streamId, events: n, values: values(checkIds) })
          : await call(db, values(checkIds));
        const out = await settle(db, answer);
        return Array.isArray(out) ? result(upcasts ? out.map(view) : (out as EventEnvelope<E>[])) : out;
      }
      // Inline read models: the append, the SQL projections and the staging of hooks share one transaction.
      let publish: (() => void)[] = [];
      const out = await transaction(db, async (client) => {
        const settled = await settle(client, await call(client, values(checkIds)));
        if (!Array.isArray(settled)) return settled;
        const viewed = upcasts ? settled.map(view) : (settled as EventEnvelope<E>[]);
        for (const p of projections) {
          const wanted = eventsFor(p, viewed);
          if (wanted.length > 0) await p.apply(client, wanted);
        }
        publish = hooks.map((h) => h.stage(viewed));
        return result(viewed);
      });
      for (const p of publish) p();
      return out;
    };

    try {
      return await attempt(batch.given);
    } catch (error) {
      const e = error as { code?: string; constraint?: string };
      if (e.code === "23505" && e.constraint === "events_event_id_key") {
        // Another append stored one of these ids meanwhile: look again, which replays or reports the conflict.
        if (isPool(db)) return attempt(true);
        throw new IdempotencyConflictError(eventIds[0]!, "by a concurrent append");
      }
      if (e.code === "23505" && e.constraint === "events_stream_version_key") {
        throw new ConcurrencyError(request.streamId, expected, await reads.streamVersion(request.streamId));
      }
      if (e.code === "SF001") {
        throw new SalesfoldError(
          "invalid_state",
          `${api}.append: an append must be the first write of its transaction (gap-safe ordering takes the transaction id with the positions); append first, or append outside the transaction`,
          { cause: error },
        );
      }
      throw error;
    }
  };
  return append;
}
