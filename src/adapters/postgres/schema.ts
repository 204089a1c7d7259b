import { SalesfoldError, ValidationError } from "../../core/errors/index.ts";
import { isQueryable, type Queryable, transaction } from "./connection.ts";
import { version2 } from "./schemaVersion2.ts";
import { SPLIT_LINES_SQL, takePositionsSql } from "./appendSql.ts";

/**
 * The schema version this build of the adapter writes and reads.
 *
 * @example
 * ```ts
 * import { POSTGRES_SCHEMA_VERSION } from "salesfold/postgres";
 * console.log(POSTGRES_SCHEMA_VERSION); // 2
 * ```
 */
export const POSTGRES_SCHEMA_VERSION = 2;

/** @internal The default schema name. */
export const DEFAULT_SCHEMA = "salesfold";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,47}$/;

/**
 * @internal Validates a schema name: 1-48 letters, digits and `_`, not starting with a digit or `pg_`. Returns it
 * quoted, ready to splice into SQL (the only identifier salesfold ever splices).
 */
export function quoteSchema(api: string, schema: unknown): string {
  if (typeof schema !== "string" || !IDENTIFIER.test(schema) || schema.toLowerCase().startsWith("pg_")) {
    throw new ValidationError(api, [
      {
        code: "invalid_identifier",
        path: ["schema"],
        message: "a schema name is 1-48 letters, digits or '_', not starting with a digit or 'pg_'",
      },
    ]);
  }
  return `"${schema}"`;
}

/**
 * The DDL of version 1. `S` is the quoted schema, `L` the schema as an SQL string literal (it holds only letters,
 * digits and `_`, so it needs no escaping).
 */
function version1(S: string, L: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${S}.tenants (
      tenant_id text PRIMARY KEY,
      position_seq regclass NOT NULL
    )`,
    // The key columns compare byte-wise (COLLATE "C"): they are only ever matched for equality, and byte comparison
    // keeps index maintenance cheap whatever the database's default collation.
    `CREATE TABLE IF NOT EXISTS ${S}.events (
      tenant_id text COLLATE "C" NOT NULL,
      position bigint NOT NULL,
      stream_id text COLLATE "C" NOT NULL,
      stream_version bigint NOT NULL,
      event_id text COLLATE "C" NOT NULL,
      type text NOT NULL,
      data text NOT NULL,
      metadata text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      CONSTRAINT events_pkey PRIMARY KEY (tenant_id, position),
      CONSTRAINT events_stream_version_key UNIQUE (tenant_id, stream_id, stream_version),
      CONSTRAINT events_event_id_key UNIQUE (tenant_id, event_id)
    )`,
    `CREATE TABLE IF NOT EXISTS ${S}.checkpoints (
      tenant_id text NOT NULL,
      name text NOT NULL,
      position bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, name)
    )`,
    `CREATE TABLE IF NOT EXISTS ${S}.snapshots (
      tenant_id text NOT NULL,
      decider text NOT NULL,
      stream_id text NOT NULL,
      decider_version text NOT NULL,
      stream_version bigint NOT NULL,
      state text NOT NULL,
      saved_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, decider, stream_id)
    )`,
    // A tenant's position sequence. The store creates it when it opens (autocommit); append_events creates it only
    // if it is still missing. Holding the creation lock until commit means no other transaction can draw from a new
    // sequence before the creating one has committed.
    `CREATE OR REPLACE FUNCTION ${S}.tenant_sequence(p_tenant text) RETURNS regclass
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_seq regclass;
      v_name text := 'position_' || md5(p_tenant);
    BEGIN
      SELECT t.position_seq INTO v_seq FROM ${S}.tenants t WHERE t.tenant_id = p_tenant;
      IF v_seq IS NOT NULL THEN
        RETURN v_seq;
      END IF;
      PERFORM pg_advisory_xact_lock(hashtextextended('salesfold.tenant:' || p_tenant, hashtext(${L})));
      SELECT t.position_seq INTO v_seq FROM ${S}.tenants t WHERE t.tenant_id = p_tenant;
      IF v_seq IS NOT NULL THEN
        RETURN v_seq;
      END IF;
      EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I.%I AS bigint MINVALUE 1 START 1 CACHE 1', ${L}, v_name);
      v_seq := format('%I.%I', ${L}, v_name)::regclass;
      INSERT INTO ${S}.tenants (tenant_id, position_seq) VALUES (p_tenant, v_seq);
      RETURN v_seq;
    END
    $fn$`,
    // The append: one call, one round trip. p_expect: 0 any, 1 exact version, 2 no_stream, 3 stream_exists.
    // The batch travels as a few text parameters split here, which is much cheaper to send and to parse than one
    // array per column: p_ids, p_data and p_metadata hold one line per event (event ids have no line break, and
    // JSON.stringify never writes one), p_type_idx the 1-based index of each event's type in p_types (NULL: all
    // events have the first type), p_occurred each event's occurrence time or an empty line for p_recorded (NULL:
    // none was given).
    // Returns {0, first position, first version} when appended, {1} when some of the batch's event ids are already
    // stored (an idempotent replay: the caller reads them and decides), {2, actual version} on a version mismatch.
    `CREATE OR REPLACE FUNCTION ${S}.append_events(
      p_tenant text, p_stream text, p_expect int, p_expected bigint, p_check_ids boolean,
      p_ids text, p_types text[], p_type_idx text, p_data text, p_metadata text, p_occurred text,
      p_recorded timestamptz
    ) RETURNS bigint[]
    LANGUAGE plpgsql AS $fn$
    DECLARE
      ${SPLIT_LINES_SQL}
      v_actual bigint;
      v_seq regclass;
      v_first bigint;
      v_xid xid8;
      v_locked boolean := false;
      v_key int := hashtext(p_tenant);
      v_ns int := hashtext(${L});
    BEGIN
      IF v_n = 0 THEN
        RAISE EXCEPTION 'an append has at least one event' USING ERRCODE = 'SF002';
      END IF;
      IF coalesce(cardinality(v_data), 0) <> v_n OR coalesce(cardinality(v_metadata), 0) <> v_n
          OR coalesce(cardinality(v_type_idx), v_n) <> v_n OR coalesce(cardinality(v_occurred), v_n) <> v_n
          OR coalesce(cardinality(p_types), 0) = 0 THEN
        RAISE EXCEPTION 'the parts of an append disagree on its number of events' USING ERRCODE = 'SF003';
      END IF;
      -- Gap-safe ordering needs this transaction's id to be taken together with its positions (below), so an
      -- append must be the transaction's first write.
      IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION 'an append must be the first write of its transaction' USING ERRCODE = 'SF001';
      END IF;
      -- Appends to one stream queue here until the previous one commits. An advisory lock takes no transaction id.
      PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, hashtextextended(p_tenant, v_ns)));
      IF p_check_ids THEN
        IF EXISTS (SELECT 1 FROM ${S}.events e WHERE e.tenant_id = p_tenant AND e.event_id = ANY (v_ids)) THEN
          RETURN ARRAY[1];
        END IF;
      END IF;
      -- The stream's version: its last row in the stream index (ORDER BY … LIMIT 1 rather than max(), whose cached
      -- plan may aggregate over the whole stream when it was planned while the table was small). With an exact
      -- expected version the scan starts there, so it reads one index entry however long the stream is; when that
      -- finds nothing, the stream is shorter than expected and the full look gives its actual version.
      SELECT e.stream_version INTO v_actual FROM ${S}.events e
        WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream
          AND e.stream_version >= CASE WHEN p_expect = 1 THEN p_expected ELSE 0 END
        ORDER BY e.stream_version DESC LIMIT 1;
      IF v_actual IS NULL AND p_expect = 1 AND p_expected > 0 THEN
        SELECT e.stream_version INTO v_actual FROM ${S}.events e
          WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
      END IF;
      v_actual := coalesce(v_actual, 0);
      IF NOT (p_expect = 0 OR (p_expect = 1 AND v_actual = p_expected) OR (p_expect = 2 AND v_actual = 0)
          OR (p_expect = 3 AND v_actual > 0)) THEN
        RETURN ARRAY[2, v_actual];
      END IF;
      ${takePositionsSql(S, L, "v_n")}
      INSERT INTO ${S}.events (tenant_id, position, stream_id, stream_version, event_id, type, data, metadata,
          occurred_at, recorded_at, tx_id)
        SELECT p_tenant, v_first + b.i - 1, p_stream, v_actual + b.i, b.id, p_types[coalesce(b.t::int, 1)], b.data,
          b.metadata, coalesce(nullif(b.occurred, '')::timestamptz, p_recorded), p_recorded, v_xid
        FROM unnest(v_ids, v_type_idx, v_data, v_metadata, v_occurred) WITH ORDINALITY
          AS b (id, t, data, metadata, occurred, i);
      RETURN ARRAY[0, v_first, v_actual + 1];
    END
    $fn$`,
    // The head readers may safely reach: every position at or below it is committed, or was given up by a
    // transaction that rolled back. Positions up to the newest one written by a transaction older than every running
    // transaction are settled; above that, a run of consecutive committed positions is settled too.
    `CREATE OR REPLACE FUNCTION ${S}.safe_head(p_tenant text, p_after bigint, p_max int) RETURNS bigint
    LANGUAGE plpgsql STABLE AS $fn$
    DECLARE
      v_xmin xid8 := pg_snapshot_xmin(pg_current_snapshot());
      v_head bigint;
      v_pos bigint;
      v_seen int := 0;
    BEGIN
      SELECT e.position INTO v_head FROM ${S}.events e
        WHERE e.tenant_id = p_tenant AND e.tx_id < v_xmin ORDER BY e.position DESC LIMIT 1;
      v_head := greatest(coalesce(v_head, 0), p_after);
      FOR v_pos IN SELECT e.position FROM ${S}.events e
          WHERE e.tenant_id = p_tenant AND e.position > v_head ORDER BY e.position LOOP
        EXIT WHEN v_pos <> v_head + 1 OR v_seen >= p_max;
        v_head := v_pos;
        v_seen := v_seen + 1;
      END LOOP;
      RETURN v_head;
    END
    $fn$`,
  ];
}

/**
 * Options of {@link migratePostgres}.
 *
 * @example
 * ```ts
 * const options: MigratePostgresOptions = { schema: "sales" };
 * ```
 */
export interface MigratePostgresOptions {
  /** The schema holding salesfold's tables; `salesfold` by default. Letters, digits and `_`. */
  readonly schema?: string;
}

/**
 * Creates or upgrades salesfold's tables and functions in a PostgreSQL schema: `events`, `tenants`, `checkpoints`,
 * `snapshots`, `schema_version`, and the `append_events`, `append_group`, `safe_head` and `tenant_sequence`
 * functions. Idempotent,
 * and safe to run from several processes at once: it runs in one transaction under an advisory lock, and does
 * nothing when the recorded version is current. `createPostgresEventStore` runs it unless told not to.
 *
 * @param pool - A `pg.Pool`, `pg.Client` or pool client.
 * @param options - The schema.
 * @returns The schema version afterwards.
 * @throws {@link ValidationError} for an invalid connection or schema name.
 * @throws {@link SalesfoldError} `invalid_state` when the schema was written by a newer salesfold.
 * @example
 * ```ts
 * import pg from "pg";
 * import { migratePostgres } from "salesfold/postgres";
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migratePostgres(pool, { schema: "salesfold" }); // 2
 * ```
 */
export async function migratePostgres(pool: Queryable, options: MigratePostgresOptions = {}): Promise<number> {
  const api = "migratePostgres";
  if (!isQueryable(pool)) {
    throw new ValidationError(api, [
      { code: "invalid_type", path: ["pool"], message: "a pg.Pool, pg.Client or pool client" },
    ]);
  }
  const schema = options?.schema ?? DEFAULT_SCHEMA;
  const S = quoteSchema(api, schema);
  const L = `'${schema}'`;
  const current = await readVersion(pool, S);
  if (current === POSTGRES_SCHEMA_VERSION) return current;
  if (current > POSTGRES_SCHEMA_VERSION) throw newerSchema(api, schema, current);
  return transaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('salesfold.migrate:' || $1::text, 0))", [schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${S}.schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${S}.schema_version`);
    const found = rows[0]?.v ?? 0;
    if (found > POSTGRES_SCHEMA_VERSION) throw newerSchema(api, schema, found);
    const steps = [version1(S, L), version2(S, L)];
    for (let v = found + 1; v <= POSTGRES_SCHEMA_VERSION; v++) {
      for (const sql of steps[v - 1]!) await client.query(sql);
      await client.query(`INSERT INTO ${S}.schema_version (version) VALUES ($1)`, [v]);
    }
    return POSTGRES_SCHEMA_VERSION;
  });
}

/** @internal The recorded schema version, 0 when the schema or its version table does not exist. */
export async function readVersion(pool: Queryable, S: string): Promise<number> {
  try {
    const { rows } = await pool.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${S}.schema_version`);
    return rows[0]?.v ?? 0;
  } catch (error) {
    // 42P01 undefined_table, 3F000 invalid_schema_name
    const code = (error as { code?: string }).code;
    if (code === "42P01" || code === "3F000") return 0;
    throw error;
  }
}

function newerSchema(api: string, schema: string, found: number): SalesfoldError {
  return new SalesfoldError(
    "invalid_state",
    `${api}: schema ${JSON.stringify(schema)} has salesfold schema version ${found}, newer than this build's ${POSTGRES_SCHEMA_VERSION}; upgrade salesfold`,
  );
}
