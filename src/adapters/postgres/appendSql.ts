/**
 * @internal The PL/pgSQL declarations that split an append's one-line-per-event text parameters (`p_ids`, `p_data`,
 * `p_metadata`, `p_type_idx`, `p_occurred`) into arrays, shared by `append_events` and `append_group`.
 */
export const SPLIT_LINES_SQL = `v_ids text[] := string_to_array(p_ids, E'\\n');
      v_data text[] := string_to_array(p_data, E'\\n');
      v_metadata text[] := string_to_array(p_metadata, E'\\n');
      v_type_idx text[] := string_to_array(p_type_idx, E'\\n');
      v_occurred text[] := string_to_array(p_occurred, E'\\n');
      v_n int := coalesce(cardinality(v_ids), 0);`;

/**
 * @internal The part of `append_events` and `append_group` that takes an append's transaction id and positions:
 * PL/pgSQL statements that find the tenant's sequence, then, under a short per-tenant session lock, take the
 * transaction id and `count` positions (`count` is the name of a variable holding the number of events). So within a
 * tenant, a lower position always belongs to a lower transaction id, which is what readers rely on. It sets
 * `v_seq`, `v_xid` and `v_first`, and uses `v_ns`, `v_key` and `v_locked`, which the function declares.
 */
export function takePositionsSql(S: string, L: string, count: string): string {
  return `-- The tenant's sequence has a name derived from the tenant id (see tenant_sequence): no table lookup.
      v_seq := to_regclass(format('%I.%I', ${L}, 'position_' || md5(p_tenant)));
      IF v_seq IS NULL THEN
        v_seq := ${S}.tenant_sequence(p_tenant);
      END IF;
      -- The critical section: under a short per-tenant lock, take the transaction id, then the positions. So within
      -- a tenant, a lower position always belongs to a lower transaction id, which is what readers rely on.
      BEGIN
        PERFORM pg_advisory_lock(v_ns, v_key);
        v_locked := true;
        v_xid := pg_current_xact_id();
        v_first := nextval(v_seq);
        IF ${count} > 1 THEN
          PERFORM setval(v_seq, v_first + ${count} - 1);
        END IF;
        PERFORM pg_advisory_unlock(v_ns, v_key);
        v_locked := false;
      EXCEPTION WHEN OTHERS OR query_canceled THEN
        IF v_locked THEN
          PERFORM pg_advisory_unlock(v_ns, v_key);
        END IF;
        RAISE;
      END;`;
}
