import { defineProjection, type EventEnvelope, toEpochMilliseconds, toIsoInstant } from "../../core/index.ts";
import { assignmentsEvents } from "../events.ts";
import { type TimelineEntry, timelineEntryAt, timelinePeriods } from "../timeline.ts";

/**
 * One recorded ownership change of an account: the new holder (`null`: the public pool) from `effectiveFrom` on, how
 * (`assigned`, `released` to the pool, or `returned` to it by the sweep), why, who recorded it and when.
 *
 * @example
 * ```ts
 * const r: OwnershipRecord = { holder: "rep-ana", effectiveFrom: "2026-07-01T00:00:00.000Z", at: 1782864000000, seq: 7, kind: "assigned", reason: "routed", actor: "user:lee", recordedAt: "2026-07-01T00:00:01.000Z" };
 * ```
 */
export interface OwnershipRecord extends TimelineEntry<string | null> {
  readonly kind: "assigned" | "released" | "returned";
  readonly reason: string | undefined;
  readonly actor: string | undefined;
  readonly recordedAt: string;
}

/**
 * One period of an account's ownership: `holder` from `from` (inclusive) to `to` (exclusive; `undefined` while it
 * lasts).
 *
 * @example
 * ```ts
 * const p: OwnershipPeriod = { holder: "rep-ana", from: "2026-07-01T00:00:00.000Z", to: "2026-09-01T00:00:00.000Z", record };
 * ```
 */
export interface OwnershipPeriod {
  readonly holder: string | null;
  readonly from: string;
  readonly to: string | undefined;
  readonly record: OwnershipRecord;
}

type State = { readonly accounts: Readonly<Record<string, readonly OwnershipRecord[]>> };

function record(
  s: { accounts: Record<string, OwnershipRecord[]> },
  e: EventEnvelope,
  customerId: string,
  holder: string | null,
  effectiveFrom: string,
  kind: OwnershipRecord["kind"],
  reason: string | undefined,
): void {
  const at = toEpochMilliseconds(effectiveFrom, "accountOwnership");
  const entry: OwnershipRecord = {
    holder,
    effectiveFrom: toIsoInstant(effectiveFrom),
    at,
    seq: e.globalPosition,
    kind,
    reason,
    actor: e.metadata.actor,
    recordedAt: e.recordedAt,
  };
  // As `insertEntry` orders a timeline (after every entry at the same instant), in place: the list is this state's.
  const list = (s.accounts[customerId] ??= []);
  let i = list.length;
  while (i > 0 && list[i - 1]!.at > at) i--;
  list.splice(i, 0, Object.freeze(entry));
}

/**
 * The effective-dated ownership of every account, across books: each account's changes ordered by effective instant
 * (ties: the later recorded wins). Back-dated changes take effect from their instant; the history keeps every record.
 * Ask it with {@link ownerAt}, {@link ownershipPeriods}, {@link ownershipHistory} and {@link accountsHeldAt}.
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, accountOwnership);
 * ownerAt(state, "cu-1", "2026-07-15T00:00:00Z"); // "rep-ana"
 * ```
 */
export const accountOwnership = /* @__PURE__ */ defineProjection({
  name: "assignments.accountOwnership",
  events: assignmentsEvents,
  initialState: (): State => ({ accounts: {} }),
  handlers: {
    AccountOwnerAssigned: (s, e) =>
      record(s as never, e, e.data.customerId, e.data.repId, e.data.effectiveFrom, "assigned", e.data.reason),
    AccountReleasedToPool: (s, e) =>
      record(s as never, e, e.data.customerId, null, e.data.effectiveFrom, "released", e.data.reason),
    AccountReturnedToPool: (s, e) =>
      record(
        s as never,
        e,
        e.data.customerId,
        null,
        e.data.effectiveFrom,
        "returned",
        `idle for ${e.data.idleDays} days`,
      ),
  },
});

/**
 * The state of {@link accountOwnership}.
 *
 * @example
 * ```ts
 * const s: AccountOwnershipState = fold(accountOwnership, events);
 * ```
 */
export type AccountOwnershipState = State;

/**
 * Who owned an account at an instant.
 *
 * @param state - The state of {@link accountOwnership}.
 * @param customerId - The account.
 * @param instant - An ISO instant (any offset) or epoch milliseconds.
 * @returns A rep id; `null` while the account was in the pool; `undefined` before its first ownership change.
 * @throws {ValidationError} for an invalid instant.
 * @example
 * ```ts
 * ownerAt(state, "cu-1", "2026-07-15T08:00:00+08:00"); // "rep-ana"
 * ```
 */
export function ownerAt(
  state: AccountOwnershipState,
  customerId: string,
  instant: string | number,
): string | null | undefined {
  return timelineEntryAt(state.accounts[customerId] ?? [], instant)?.holder;
}

/**
 * An account's ownership as consecutive periods from its first change on: exactly one holder (a rep or the pool) at
 * every instant after that. A record superseded by a later one at the same instant has no period.
 *
 * @param state - The state of {@link accountOwnership}.
 * @param customerId - The account.
 * @returns The periods, oldest first.
 * @example
 * ```ts
 * ownershipPeriods(state, "cu-1").map((p) => `${p.holder ?? "pool"} from ${p.from}`);
 * ```
 */
export function ownershipPeriods(state: AccountOwnershipState, customerId: string): OwnershipPeriod[] {
  return timelinePeriods(state.accounts[customerId] ?? []).map((p) => ({
    holder: p.entry.holder,
    from: p.entry.effectiveFrom,
    to: p.to === undefined ? undefined : new Date(p.to).toISOString(),
    record: p.entry,
  }));
}

/**
 * Every recorded ownership change of an account, in the order it was recorded: who, from when, why, and by whom.
 *
 * @param state - The state of {@link accountOwnership}.
 * @param customerId - The account.
 * @returns The records, oldest record first.
 * @example
 * ```ts
 * ownershipHistory(state, "cu-1").map((r) => `${r.kind} ${r.holder} ${r.reason}`);
 * ```
 */
export function ownershipHistory(state: AccountOwnershipState, customerId: string): OwnershipRecord[] {
  return [...(state.accounts[customerId] ?? [])].sort((a, b) => a.seq - b.seq);
}

/**
 * The accounts each rep owned at an instant.
 *
 * @param state - The state of {@link accountOwnership}.
 * @param instant - An ISO instant or epoch milliseconds.
 * @returns Account ids by rep, sorted; accounts in the pool are under `pool`.
 * @example
 * ```ts
 * accountsHeldAt(state, "2026-07-15T00:00:00Z"); // { byRep: { "rep-ana": ["cu-1"] }, pool: ["cu-2"] }
 * ```
 */
export function accountsHeldAt(
  state: AccountOwnershipState,
  instant: string | number,
): { readonly byRep: Readonly<Record<string, readonly string[]>>; readonly pool: readonly string[] } {
  const byRep: Record<string, string[]> = {};
  const pool: string[] = [];
  for (const id of Object.keys(state.accounts).sort()) {
    const holder = ownerAt(state, id, instant);
    if (holder === null) pool.push(id);
    else if (holder !== undefined) (byRep[holder] ??= []).push(id);
  }
  return { byRep, pool };
}
