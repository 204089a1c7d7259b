import { SPLIT_LINES_SQL, takePositionsSql } from "./appendSql.ts";

/**
 * @internal The DDL of schema version 2: `append_group`, which stores several appends to distinct streams in one
 * call and one transaction (group commit). `S` is the quoted schema, `L` the schema as an SQL string literal.
 *
 * The parameters extend those of `append_events`: one element per append in `p_streams`, `p_expect`, `p_expected`,
 * `p_check_ids`, `p_counts` (its number of events) and `p_recorded`, and the events of all appends, in order, as
 * the same one-line-per-event texts (`p_types` and the type indexes are shared by the whole group).
 *
 * Each append is decided on its own, exactly as `append_events` decides it: the answer holds three numbers per
 * append, `{0, first position, first version}` when stored, `{1, 0, 0}` when some of its event ids are already
 * stored (the caller reads them and decides), `{2, actual version, 0}` on a version mismatch, and `{3, 0, 0}` when
 * its stream is locked by an append still running (the caller sends it on its own, to wait there). An append
 * answered anything but 0 writes nothing and does not stop the others.
 */
export function version2(S: string, L: string): string[] {
  return [
    `CREATE OR REPLACE FUNCTION ${S}.append_group(
      p_tenant text, p_streams text[], p_expect int[], p_expected bigint[], p_check_ids boolean[], p_counts int[],
      p_ids text, p_types text[], p_type_idx text, p_data text, p_metadata text, p_occurred text,
      p_recorded timestamptz[]
    ) RETURNS bigint[]
    LANGUAGE plpgsql AS $fn$
    DECLARE
      ${SPLIT_LINES_SQL}
      v_k int := coalesce(cardinality(p_streams), 0);
      v_ns int := hashtext(${L});
      v_key int := hashtext(p_tenant);
      v_answer bigint[];
      v_start int[];
      v_line_app int[] := '{}';
      v_base bigint[];
      v_version bigint[];
      v_offset int := 0;
      v_total bigint := 0;
      v_count int;
      v_expect int;
      v_expected bigint;
      v_actual bigint;
      v_seq regclass;
      v_first bigint;
      v_xid xid8;
      v_locked boolean := false;
      v_stored boolean;
      v_busy boolean;
    BEGIN
      IF v_k = 0 OR v_n = 0 THEN
        RAISE EXCEPTION 'a group has at least one append' USING ERRCODE = 'SF002';
      END IF;
      IF coalesce(cardinality(p_expect), 0) <> v_k OR coalesce(cardinality(p_expected), 0) <> v_k
          OR coalesce(cardinality(p_check_ids), 0) <> v_k OR coalesce(cardinality(p_counts), 0) <> v_k
          OR coalesce(cardinality(p_recorded), 0) <> v_k
          OR (SELECT sum(c) FROM unnest(p_counts) c) <> v_n OR (SELECT min(c) FROM unnest(p_counts) c) < 1
          OR coalesce(cardinality(v_data), 0) <> v_n OR coalesce(cardinality(v_metadata), 0) <> v_n
          OR coalesce(cardinality(v_type_idx), v_n) <> v_n OR coalesce(cardinality(v_occurred), v_n) <> v_n
          OR coalesce(cardinality(p_types), 0) = 0 THEN
        RAISE EXCEPTION 'the parts of a group disagree on its number of appends or events' USING ERRCODE = 'SF003';
      END IF;
      IF (SELECT count(DISTINCT s) FROM unnest(p_streams) s) <> v_k THEN
        RAISE EXCEPTION 'the appends of a group go to distinct streams' USING ERRCODE = 'SF003';
      END IF;
      IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION 'an append must be the first write of its transaction' USING ERRCODE = 'SF001';
      END IF;
      v_start := '{}';
      v_base := '{}';
      v_version := '{}';
      v_answer := '{}';
      FOR i IN 1 .. v_k LOOP
        v_count := p_counts[i];
        v_expect := p_expect[i];
        v_expected := p_expected[i];
        v_start := v_start || v_offset;
        v_line_app := v_line_app || array_fill(i, ARRAY[v_count]);
        v_base := v_base || NULL::bigint;
        v_version := v_version || NULL::bigint;
        v_stored := false;
        -- Never wait for a stream's lock here, so that one stream never holds up the other appends of a group: an
        -- append whose stream is locked (by an append still running elsewhere) is answered "busy", and the caller
        -- sends it on its own. Since no group waits for a lock, groups and single appends never wait in a cycle.
        v_busy := NOT pg_try_advisory_xact_lock(hashtextextended(p_streams[i], hashtextextended(p_tenant, v_ns)));
        IF NOT v_busy AND p_check_ids[i] THEN
          v_stored := EXISTS (SELECT 1 FROM ${S}.events e WHERE e.tenant_id = p_tenant
            AND e.event_id = ANY (v_ids[v_offset + 1 : v_offset + v_count]));
        END IF;
        IF v_busy THEN
          v_answer := v_answer || ARRAY[3, 0, 0]::bigint[];
        ELSIF v_stored THEN
          v_answer := v_answer || ARRAY[1, 0, 0]::bigint[];
        ELSE
          -- The stream's version, read as append_events reads it.
          v_actual := NULL;
          SELECT e.stream_version INTO v_actual FROM ${S}.events e
            WHERE e.tenant_id = p_tenant AND e.stream_id = p_streams[i]
              AND e.stream_version >= CASE WHEN v_expect = 1 THEN v_expected ELSE 0 END
            ORDER BY e.stream_version DESC LIMIT 1;
          IF v_actual IS NULL AND v_expect = 1 AND v_expected > 0 THEN
            SELECT e.stream_version INTO v_actual FROM ${S}.events e
              WHERE e.tenant_id = p_tenant AND e.stream_id = p_streams[i]
              ORDER BY e.stream_version DESC LIMIT 1;
          END IF;
          v_actual := coalesce(v_actual, 0);
          IF v_expect = 0 OR (v_expect = 1 AND v_actual = v_expected) OR (v_expect = 2 AND v_actual = 0)
              OR (v_expect = 3 AND v_actual > 0) THEN
            v_base[i] := v_total;
            v_version[i] := v_actual;
            v_total := v_total + v_count;
            v_answer := v_answer || ARRAY[0, v_total - v_count, v_actual + 1]::bigint[];
          ELSE
            v_answer := v_answer || ARRAY[2, v_actual, 0]::bigint[];
          END IF;
        END IF;
        v_offset := v_offset + v_count;
      END LOOP;
      IF v_total = 0 THEN
        RETURN v_answer;
      END IF;
      ${takePositionsSql(S, L, "v_total")}
      -- Nor does the insert wait: a row with one of these event ids that another transaction has written but not
      -- committed would hold it until that transaction ends. It fails at once instead, and the caller sends each
      -- append on its own.
      PERFORM set_config('lock_timeout', '10ms', true);
      INSERT INTO ${S}.events (tenant_id, position, stream_id, stream_version, event_id, type, data, metadata,
          occurred_at, recorded_at, tx_id)
        SELECT p_tenant, v_first + v_base[b.a] + (b.i - 1 - v_start[b.a]), p_streams[b.a],
          v_version[b.a] + (b.i - v_start[b.a]), b.id, p_types[coalesce(b.t::int, 1)], b.data, b.metadata,
          coalesce(nullif(b.occurred, '')::timestamptz, p_recorded[b.a]), p_recorded[b.a], v_xid
        FROM unnest(v_ids, v_type_idx, v_data, v_metadata, v_occurred, v_line_app) WITH ORDINALITY
          AS b (id, t, data, metadata, occurred, a, i)
        WHERE v_base[b.a] IS NOT NULL;
      -- Positions in the answer were relative to the group's first one.
      FOR i IN 1 .. v_k LOOP
        IF v_answer[3 * i - 2] = 0 THEN
          v_answer[3 * i - 1] := v_first + v_answer[3 * i - 1];
        END IF;
      END LOOP;
      RETURN v_answer;
    END
    $fn$`,
  ];
}
