import type Database from "better-sqlite3";
import { SalesfoldError } from "../../core/errors/index.ts";

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
 * @internal The event ids a tenant's handle derives from positions. An event appended without an id and without a
 * user id generator stores no id (`event_id` is NULL): its id is `prefix:globalPosition`, where `prefix` is a random
 * token created once per database and tenant in `salesfold_tenants`. Positions are unique per tenant, so these ids
 * are too, and they need no index.
 */
export interface DerivedIds {
  /**
   * The tenant's prefix, created when missing. Call it inside the write transaction, before
   * {@link DerivedIds.reservedPosition}.
   */
  ensure(): string;
  /** Called when the write transaction ends: keeps a prefix it created if it committed, forgets it otherwise. */
  settle(committed: boolean): void;
  /** The id of the event at `position` whose row stores no id. */
  idAt(position: number): string;
  /**
   * The position an id names when it has the derived form of this tenant (`prefix:position`), else `undefined`.
   * Call {@link DerivedIds.ensure} first.
   */
  reservedPosition(id: string): number | undefined;
}

/** @internal The derived ids of one tenant's handle; the prefix is read (or created) once and cached. */
export function createDerivedIds(db: Database.Database, api: string, tenantId: string): DerivedIds {
  const select = db
    .prepare<[string], string | undefined>("SELECT id_prefix FROM salesfold_tenants WHERE tenant_id = ?")
    .pluck();
  const insert = db.prepare<[string, string]>(
    "INSERT OR IGNORE INTO salesfold_tenants (tenant_id, id_prefix) VALUES (?, ?)",
  );
  // Any stored id of the form `prefix:…`: `;` follows `:` in byte order. The range reads the event-id index.
  const usedAsStoredId = db
    .prepare<[string, string, string], number | undefined>(
      "SELECT 1 FROM salesfold_events WHERE tenant_id = ? AND event_id >= ? AND event_id < ? LIMIT 1",
    )
    .pluck();
  // The committed prefix, cached; and one created by the open write transaction, kept only if that commits.
  let prefix: string | undefined;
  let pending: string | undefined;
  let head = "";

  const current = (): string | undefined => {
    if (prefix !== undefined) return prefix;
    if (pending !== undefined) return pending;
    const stored = select.get(tenantId);
    if (stored !== undefined) {
      prefix = stored;
      head = `${stored}:`;
    }
    return stored;
  };

  const ensure = (): string => {
    const known = current();
    if (known !== undefined) return known;
    // Under the write lock: no other writer can create the tenant's prefix or store an id between these statements.
    // A prefix that begins an id already stored (one in 2^72) is drawn again, so derived and stored ids never meet.
    let candidate = newIdPrefix();
    while (usedAsStoredId.get(tenantId, `${candidate}:`, `${candidate};`) !== undefined) candidate = newIdPrefix();
    insert.run(tenantId, candidate);
    pending = select.get(tenantId)!;
    head = `${pending}:`;
    return pending;
  };

  const settle = (committed: boolean): void => {
    if (pending === undefined) return;
    if (committed) prefix = pending;
    else head = "";
    pending = undefined;
  };

  const idAt = (position: number): string => {
    if (current() === undefined) {
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

  return { ensure, settle, idAt, reservedPosition };
}
