import type { AccountBookEvent } from "./events.ts";
import type { AccountAttributes, Criteria, PoolPolicy, RoutingRule } from "./schemas.ts";
import { _instant, insertEntry, type TimelineEntry } from "./timeline.ts";

/**
 * One ownership change of an account: a rep from `effectiveFrom` on, or `null` for the public pool.
 *
 * @example
 * ```ts
 * const e: OwnershipEntry = { holder: "rep-ana", effectiveFrom: "2026-07-01T00:00:00.000Z", at: 1782864000000, seq: 3, reason: "routed" };
 * ```
 */
export interface OwnershipEntry extends TimelineEntry<string | null> {
  readonly reason: string | undefined;
}

/**
 * An account in the book: its routing attributes, its ownership timeline, and who last lost or released it to the
 * pool (for the reclaim cooldown).
 *
 * @example
 * ```ts
 * const a: BookAccount = { attributes: { region: "east" }, timeline: [], lastLeft: undefined };
 * ```
 */
export interface BookAccount {
  readonly attributes: AccountAttributes;
  readonly timeline: readonly OwnershipEntry[];
  readonly lastLeft: { readonly repId: string; readonly effectiveFrom: string } | undefined;
}

/**
 * A rep in the book: routing capacity (`null`: none) and availability.
 *
 * @example
 * ```ts
 * const r: BookRep = { maxAccounts: 150, available: true };
 * ```
 */
export interface BookRep {
  readonly maxAccounts: number | null;
  readonly available: boolean;
}

/**
 * A territory in the book: criteria, priority (lower wins), retirement instant and effective-dated owners.
 *
 * @example
 * ```ts
 * const t: BookTerritory = { name: "East", criteria: { regions: ["east"] }, priority: 10, retiredAt: undefined, owners: [] };
 * ```
 */
export interface BookTerritory {
  readonly name: string;
  readonly criteria: Criteria;
  readonly priority: number;
  readonly retiredAt: number | undefined;
  readonly owners: readonly TimelineEntry<string>[];
}

/**
 * The state of an account book, the consistency boundary of a team's accounts: capacity caps, claim limits and the
 * round-robin pointers hold across all its accounts. `holdings` counts, per rep, the accounts whose latest ownership
 * change (scheduled ones included) names the rep. `roundRobin` is each round-robin rule's last pick; `claims` each
 * rep's claims on their latest claim day.
 *
 * @example
 * ```ts
 * const s: AccountBookState = accountBookInitialState();
 * ```
 */
export interface AccountBookState {
  readonly reps: Readonly<Record<string, BookRep>>;
  readonly accounts: Readonly<Record<string, BookAccount>>;
  readonly territories: Readonly<Record<string, BookTerritory>>;
  readonly rules: readonly RoutingRule[];
  readonly overflowToPool: boolean;
  readonly roundRobin: Readonly<Record<string, string>>;
  readonly pool: PoolPolicy | undefined;
  readonly holdings: Readonly<Record<string, number>>;
  readonly claims: Readonly<Record<string, { readonly on: string; readonly count: number }>>;
  readonly seq: number;
}

/**
 * The state of an empty book.
 *
 * @returns A fresh state.
 * @example
 * ```ts
 * accountBookInitialState().rules; // []
 * ```
 */
export function accountBookInitialState(): AccountBookState {
  return {
    reps: {},
    accounts: {},
    territories: {},
    rules: [],
    overflowToPool: false,
    roundRobin: {},
    pool: undefined,
    holdings: {},
    claims: {},
    seq: 0,
  };
}

/**
 * Who holds an account at the end of its timeline: a rep id, `null` for the pool, `undefined` if never placed.
 *
 * @param account - The account, or `undefined`.
 * @returns The latest holder.
 * @example
 * ```ts
 * latestHolder(state.accounts["cu-1"]); // "rep-ana"
 * ```
 */
export function latestHolder(account: BookAccount | undefined): string | null | undefined {
  const t = account?.timeline;
  return t === undefined || t.length === 0 ? undefined : t[t.length - 1]!.holder;
}

function changeOwner(
  state: AccountBookState,
  customerId: string,
  holder: string | null,
  effectiveFrom: string,
  reason: string | undefined,
  left: string | undefined,
): AccountBookState {
  const account: BookAccount = state.accounts[customerId] ?? { attributes: {}, timeline: [], lastLeft: undefined };
  const before = latestHolder(account);
  const seq = state.seq + 1;
  const { at, iso } = _instant(effectiveFrom, "accountBook.evolve");
  const timeline = insertEntry(account.timeline, { holder, effectiveFrom: iso, at, seq, reason });
  const after = timeline[timeline.length - 1]!.holder;
  const holdings = { ...state.holdings };
  if (typeof before === "string") holdings[before] = (holdings[before] ?? 1) - 1;
  if (typeof after === "string") holdings[after] = (holdings[after] ?? 0) + 1;
  const lastLeft = left === undefined ? account.lastLeft : { repId: left, effectiveFrom: iso };
  return { ...state, seq, holdings, accounts: { ...state.accounts, [customerId]: { ...account, timeline, lastLeft } } };
}

function patchTerritory(state: AccountBookState, id: string, patch: (t: BookTerritory) => BookTerritory) {
  const t = state.territories[id];
  return t === undefined ? state : { ...state, territories: { ...state.territories, [id]: patch(t) } };
}

/**
 * Applies one event to an account book's state. Pure.
 *
 * @param state - The state before.
 * @param event - The event.
 * @returns The state after.
 * @example
 * ```ts
 * const s = evolveAccountBook(accountBookInitialState(), { type: "RepEnrolled", data: { repId: "rep-ana", maxAccounts: null } });
 * ```
 */
export function evolveAccountBook(state: AccountBookState, event: AccountBookEvent): AccountBookState {
  switch (event.type) {
    case "RepEnrolled":
      return {
        ...state,
        reps: { ...state.reps, [event.data.repId]: { maxAccounts: event.data.maxAccounts, available: true } },
      };
    case "RepCapacityChanged":
    case "RepAvailabilityChanged": {
      const rep = state.reps[event.data.repId];
      if (rep === undefined) return state;
      const next =
        event.type === "RepCapacityChanged"
          ? { ...rep, maxAccounts: event.data.maxAccounts }
          : { ...rep, available: event.data.available };
      return { ...state, reps: { ...state.reps, [event.data.repId]: next } };
    }
    case "RoutingRulesConfigured":
      return { ...state, rules: event.data.rules, overflowToPool: event.data.overflowToPool };
    case "PoolPolicySet":
      return { ...state, pool: event.data };
    case "TerritoryDefined": {
      const { territoryId, name, criteria, priority } = event.data;
      const territory: BookTerritory = { name, criteria, priority, retiredAt: undefined, owners: [] };
      return { ...state, territories: { ...state.territories, [territoryId]: territory } };
    }
    case "TerritoryOwnerAssigned": {
      const seq = state.seq + 1;
      const { at, iso } = _instant(event.data.effectiveFrom, "accountBook.evolve");
      const entry = { holder: event.data.repId, effectiveFrom: iso, at, seq };
      return {
        ...patchTerritory(state, event.data.territoryId, (t) => ({ ...t, owners: insertEntry(t.owners, entry) })),
        seq,
      };
    }
    case "TerritoryRetired": {
      const { at } = _instant(event.data.effectiveFrom, "accountBook.evolve");
      return patchTerritory(state, event.data.territoryId, (t) => ({ ...t, retiredAt: at }));
    }
    case "AccountRegistered": {
      const prev = state.accounts[event.data.customerId];
      const account: BookAccount = { timeline: [], lastLeft: undefined, ...prev, attributes: event.data.attributes };
      return { ...state, accounts: { ...state.accounts, [event.data.customerId]: account } };
    }
    case "AccountRouted":
      return event.data.strategy === "round_robin"
        ? { ...state, roundRobin: { ...state.roundRobin, [event.data.ruleId]: event.data.repId } }
        : state;
    case "AccountOwnerAssigned": {
      const d = event.data;
      return changeOwner(state, d.customerId, d.repId, d.effectiveFrom, d.reason, undefined);
    }
    case "AccountReleasedToPool": {
      const d = event.data;
      return changeOwner(state, d.customerId, null, d.effectiveFrom, d.reason, d.fromRepId);
    }
    case "AccountReturnedToPool": {
      const d = event.data;
      return changeOwner(state, d.customerId, null, d.effectiveFrom, `idle for ${d.idleDays} days`, d.fromRepId);
    }
    case "AccountClaimed": {
      const { repId, claimedOn } = event.data;
      const prev = state.claims[repId];
      const count = prev !== undefined && prev.on === claimedOn ? prev.count + 1 : 1;
      return { ...state, claims: { ...state.claims, [repId]: { on: claimedOn, count } } };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
