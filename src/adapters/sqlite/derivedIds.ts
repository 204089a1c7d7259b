import type Database from "better-sqlite3";
import { SalesfoldError } from "../../core/errors/index.ts";
import { MAX_TENANT_KEY, POSITIONS_PER_TENANT } from "./schema.ts";

// 64 characters of the event-id alphabet without `:` and `.`, so `prefix:position` splits at its only colon.
const PREFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
// The length of a tenant's id prefix: 72 random bits.
const ID_PREFIX_LENGTH = 12;
// A position as the store writes it: a positive safe integer in canonical decimal form.
const POSITION = /^[1-9][0-9]{0,15}$/;

/** A new random prefix for a tenant's derived event ids. */
function newIdPrefix(): string {
  const bytes = new Uint8Array(ID_PREFIX_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let out = "";
  for (let i = 0; i < ID_PREFIX_LENGTH; i++) out += PREFIX_ALPHABET[bytes[i]! & 63];
  return out;
}

/**
 * @internal A tenant's row of `salesfold_tenants`, as one handle sees it: the tenant's key, which places its events
 * in `salesfold_events` (`log_key = tenant_key * 2^40 + global_position`), and the prefix of the event ids it derives
 * from positions. An event appended without an id and without a user id generator stores no id (`event_id` is
 * NULL): its id is `prefix:globalPosition`, where `prefix` is a random token created once per database and tenant.
 * Positions are unique per tenant, so these ids are too, and they need no index.
 */
export interface DerivedIds {
  /** The tenant of the handle. */
  readonly tenantId: string;
  /**
   * The tenant's key and prefix, created when missing. Call it inside the write transaction, before
   * {@link DerivedIds.reservedPosition}.
   */
  ensure(): { readonly key: number; readonly prefix: string };
  /** Called when the write transaction ends: keeps what it created if it committed, forgets it otherwise. */
  settle(committed: boolean): void;
  /** The tenant's key, or `undefined` while the tenant has never appended (and so has no events). */
  key(): number | undefined;
  /**
   * The key and prefix as committed and already read by this handle, or `undefined`: reads nothing and creates
   * nothing, so it can be called outside a transaction.
   */
  settled(): { readonly key: number; readonly prefix: string } | undefined;
  /** The id of the event at `position` whose row stores no id. */
  idAt(position: number): string;
  /**
   * The position an id names when it has the derived form of this tenant (`prefix:position`), else `undefined`.
   * Call {@link DerivedIds.ensure} first.
   */
  reservedPosition(id: string): number | undefined;
}

/**
 * @internal The `log_key` of a tenant's position: a number while it is a safe integer, else a BigInt, which
 * better-sqlite3 binds exactly.
 */
export function logKey(tenantKey: number, position: number): number | bigint {
  const key = tenantKey * POSITIONS_PER_TENANT + position;
  return Number.isSafeInteger(key) ? key : BigInt(tenantKey) * BigInt(POSITIONS_PER_TENANT) + BigInt(position);
}

interface TenantRow {
  readonly tenant_key: number;
  readonly id_prefix: string | null;
}

/** @internal The tenant row of one handle; its key and prefix are read (or created) once and cached. */
export function createDerivedIds(db: Database.Database, api: string, tenantId: string): DerivedIds {
  const select = db.prepare<[string], TenantRow>(
    "SELECT tenant_key, id_prefix FROM salesfold_tenants WHERE tenant_id = ?",
  );
  const insert = db.prepare<[string, string]>("INSERT INTO salesfold_tenants (tenant_id, id_prefix) VALUES (?, ?)");
  const setPrefix = db.prepare<[string, number]>("UPDATE salesfold_tenants SET id_prefix = ? WHERE tenant_key = ?");
  // Any stored id of the form `prefix:…`: `;` follows `:` in byte order. The range reads the event-id index.
  const usedAsStoredId = db
    .prepare<[number, string, string], number | undefined>(
      "SELECT 1 FROM salesfold_events WHERE tenant_key = ? AND event_id >= ? AND event_id < ? LIMIT 1",
    )
    .pluck();
  // What is committed, cached; and what the open write transaction created, kept only if that commits.
  let key: number | undefined;
  let prefix: string | undefined;
  let pendingKey: number | undefined;
  let pendingPrefix: string | undefined;
  let head = "";

  const load = (): void => {
    const row = select.get(tenantId);
    if (row === undefined) return;
    key = row.tenant_key;
    if (row.id_prefix !== null) {
      prefix = row.id_prefix;
      head = `${prefix}:`;
    }
  };

  const currentKey = (): number | undefined => {
    if (key === undefined && pendingKey === undefined) load();
    return key ?? pendingKey;
  };

  const currentPrefix = (): string | undefined => {
    if (prefix === undefined && pendingPrefix === undefined) load();
    return prefix ?? pendingPrefix;
  };

  const ensure = (): { key: number; prefix: string } => {
    const knownKey = currentKey();
    const knownPrefix = currentPrefix();
    if (knownKey !== undefined && knownPrefix !== undefined) return { key: knownKey, prefix: knownPrefix };
    // Under the write lock: no other writer can create the tenant's row or store an id between these statements.
    let candidate = newIdPrefix();
    if (knownKey === undefined) {
      // A new tenant has no stored ids yet, so any prefix is free.
      try {
        insert.run(tenantId, candidate);
      } catch (error) {
        if ((error as { code?: unknown })?.code === "SQLITE_CONSTRAINT_CHECK") {
          throw new SalesfoldError(
            "invalid_state",
            `${api}: the database holds ${MAX_TENANT_KEY} tenants, the most one SQLite file can; tenant ${JSON.stringify(tenantId)} needs a database of its own`,
            { cause: error },
          );
        }
        throw error;
      }
      pendingKey = select.get(tenantId)!.tenant_key;
    } else {
      // A tenant upgraded from schema version 1 stores ids: a prefix that begins one of them (one in 2^72) is drawn
      // again, so derived and stored ids never meet.
      while (usedAsStoredId.get(knownKey, `${candidate}:`, `${candidate};`) !== undefined) candidate = newIdPrefix();
      setPrefix.run(candidate, knownKey);
    }
    pendingPrefix = candidate;
    head = `${candidate}:`;
    return { key: (knownKey ?? pendingKey)!, prefix: candidate };
  };

  const settle = (committed: boolean): void => {
    if (pendingKey === undefined && pendingPrefix === undefined) return;
    if (committed) {
      key ??= pendingKey;
      prefix ??= pendingPrefix;
    } else if (prefix === undefined) {
      head = "";
    }
    pendingKey = undefined;
    pendingPrefix = undefined;
  };

  const idAt = (position: number): string => {
    if (currentPrefix() === undefined) {
      throw new SalesfoldError(
        "invalid_state",
        `${api}: the event at position ${position} stores no id, and salesfold_tenants has no id prefix for tenant ${JSON.stringify(tenantId)}`,
      );
    }
    return head + position;
  };

  const reservedPosition = (id: string): number | undefined => {
    if (head === "" || !id.startsWith(head)) return undefined;
    const digits = id.slice(head.length);
    if (!POSITION.test(digits)) return undefined;
    const position = Number(digits);
    return Number.isSafeInteger(position) ? position : undefined;
  };

  // Once both are committed they never change, so one object serves every later call.
  let both: { readonly key: number; readonly prefix: string } | undefined;
  const settled = (): { readonly key: number; readonly prefix: string } | undefined => {
    if (both === undefined && key !== undefined && prefix !== undefined) both = Object.freeze({ key, prefix });
    return both;
  };

  return { tenantId, ensure, settle, key: currentKey, settled, idAt, reservedPosition };
}
