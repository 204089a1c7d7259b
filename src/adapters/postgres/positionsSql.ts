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
