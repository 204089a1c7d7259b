import { type Decider, toEpochMilliseconds, toIsoInstant } from "../core/index.ts";
import { type AccountBookState, accountBookInitialState, evolveAccountBook, latestHolder } from "./accountBookState.ts";
import type { AccountBookCommand } from "./commands.ts";
import type { AccountBookEvent } from "./events.ts";
import { claimAccount, releaseAccount, sweepPool } from "./pool.ts";
import { routeAccount } from "./routing.ts";
import { requireEnrolled, requireRegistered, requireRule } from "./rules.ts";
import { timelineEntryAt } from "./timeline.ts";

/**
 * The stream of an account book.
 *
 * @param bookId - The book, typically a sales team or region.
 * @returns `account-book-<bookId>`.
 * @example
 * ```ts
 * accountBookStreamId("team-east"); // "account-book-team-east"
 * ```
 */
export function accountBookStreamId(bookId: string): string {
  return `account-book-${bookId}`;
}

type Decide<T extends AccountBookCommand["type"]> = (
  data: Extract<AccountBookCommand, { type: T }>["data"],
  state: AccountBookState,
  now: string,
) => AccountBookEvent[];

const requireTerritory = (state: AccountBookState, territoryId: string) => {
  const t = state.territories[territoryId];
  requireRule(t !== undefined, "territory_not_found", `accountBook: no territory ${territoryId}`, { territoryId });
  return t;
};

const decideRep: { [K in "EnrollRep" | "SetRepCapacity" | "SetRepAvailability"]: Decide<K> } = {
  EnrollRep: ({ repId, maxAccounts }, state) => {
    requireRule(!Object.hasOwn(state.reps, repId), "rep_already_enrolled", `accountBook: ${repId} is enrolled`, {
      repId,
    });
    return [{ type: "RepEnrolled", data: { repId, maxAccounts: maxAccounts ?? null } }];
  },
  SetRepCapacity: ({ repId, maxAccounts }, state) => {
    requireEnrolled(state.reps, repId);
    return state.reps[repId]!.maxAccounts === maxAccounts
      ? []
      : [{ type: "RepCapacityChanged", data: { repId, maxAccounts } }];
  },
  SetRepAvailability: ({ repId, available }, state) => {
    requireEnrolled(state.reps, repId);
    return state.reps[repId]!.available === available
      ? []
      : [{ type: "RepAvailabilityChanged", data: { repId, available } }];
  },
};

const decideConfig: { [K in "ConfigureRouting" | "SetPoolPolicy"]: Decide<K> } = {
  ConfigureRouting: (data, state) => {
    const seen = new Set<string>();
    for (const rule of data.rules) {
      requireRule(!seen.has(rule.ruleId), "routing_rule_duplicate", `accountBook: rule ${rule.ruleId} appears twice`, {
        ruleId: rule.ruleId,
      });
      seen.add(rule.ruleId);
      const reps = rule.strategy === "fixed" ? [rule.repId] : rule.strategy === "territory" ? [] : rule.reps;
      const unknown = reps.filter((r) => !Object.hasOwn(state.reps, r));
      requireRule(
        unknown.length === 0,
        "routing_rule_unknown_rep",
        `accountBook: rule ${rule.ruleId} names reps not in the book: ${unknown.join(", ")}`,
        { ruleId: rule.ruleId, unknownReps: unknown },
      );
    }
    return [{ type: "RoutingRulesConfigured", data }];
  },
  SetPoolPolicy: (data) => [{ type: "PoolPolicySet", data }],
};

const decideTerritory: { [K in "DefineTerritory" | "AssignTerritoryOwner" | "RetireTerritory"]: Decide<K> } = {
  DefineTerritory: (data, state, now) => {
    const id = data.territoryId;
    requireRule(!Object.hasOwn(state.territories, id), "territory_already_exists", `accountBook: ${id} exists`, {
      territoryId: id,
    });
    const nowMs = toEpochMilliseconds(now, "accountBook");
    const clash = Object.entries(state.territories).find(
      ([, t]) => t.priority === data.priority && (t.retiredAt === undefined || t.retiredAt > nowMs),
    );
    requireRule(
      clash === undefined,
      "territory_priority_taken",
      `accountBook: territory ${clash?.[0]} already has priority ${data.priority}`,
      { territoryId: id, priority: data.priority, takenBy: clash?.[0] },
    );
    return [{ type: "TerritoryDefined", data }];
  },
  AssignTerritoryOwner: ({ territoryId, repId, effectiveFrom, reason }, state, now) => {
    const t = requireTerritory(state, territoryId);
    requireEnrolled(state.reps, repId);
    const from = toIsoInstant(effectiveFrom ?? now);
    const ms = Date.parse(from);
    requireRule(
      t.retiredAt === undefined || ms < t.retiredAt,
      "territory_retired",
      `accountBook: ${territoryId} is retired`,
      {
        territoryId,
      },
    );
    requireRule(
      timelineEntryAt(t.owners, ms)?.holder !== repId,
      "territory_owner_unchanged",
      `accountBook: ${repId} already owns ${territoryId} at ${from}`,
      { territoryId, repId },
    );
    const data = { territoryId, repId, effectiveFrom: from };
    return [{ type: "TerritoryOwnerAssigned", data: reason === undefined ? data : { ...data, reason } }];
  },
  RetireTerritory: ({ territoryId, effectiveFrom }, state, now) => {
    const t = requireTerritory(state, territoryId);
    requireRule(t.retiredAt === undefined, "territory_retired", `accountBook: ${territoryId} is already retired`, {
      territoryId,
    });
    return [{ type: "TerritoryRetired", data: { territoryId, effectiveFrom: toIsoInstant(effectiveFrom ?? now) } }];
  },
};

const decideAccount: {
  [K in
    | "RegisterAccount"
    | "RouteAccount"
    | "AssignAccount"
    | "ReleaseAccount"
    | "ClaimAccount"
    | "SweepPool"]: Decide<K>;
} = {
  RegisterAccount: ({ customerId, attributes, placement }, state, now) => {
    requireRule(
      !Object.hasOwn(state.accounts, customerId),
      "account_already_registered",
      `accountBook: ${customerId} is already registered`,
      { customerId },
    );
    const registered: AccountBookEvent = { type: "AccountRegistered", data: { customerId, attributes } };
    if (placement === undefined || placement === "none") return [registered];
    const after = evolveAccountBook(state, registered);
    const placed =
      placement === "route"
        ? routeAccount(after, customerId, now)
        : releaseAccount(after, customerId, "registered into the pool", now);
    return [registered, ...placed];
  },
  RouteAccount: ({ customerId }, state, now) => routeAccount(state, customerId, now),
  AssignAccount: ({ customerId, repId, effectiveFrom, reason }, state, now) => {
    requireRegistered(state.accounts, customerId);
    requireEnrolled(state.reps, repId);
    const from = toIsoInstant(effectiveFrom ?? now);
    const current = timelineEntryAt(state.accounts[customerId]!.timeline, from)?.holder;
    requireRule(current !== repId, "already_owner", `accountBook: ${repId} already owns ${customerId} at ${from}`, {
      customerId,
      repId,
      effectiveFrom: from,
    });
    return [{ type: "AccountOwnerAssigned", data: { customerId, repId, effectiveFrom: from, reason } }];
  },
  ReleaseAccount: ({ customerId, reason }, state, now) => releaseAccount(state, customerId, reason, now),
  ClaimAccount: ({ customerId, repId }, state, now) => claimAccount(state, customerId, repId, now),
  SweepPool: ({ lastTouches }, state, now) => sweepPool(state, lastTouches, now),
};

const handlers = { ...decideRep, ...decideConfig, ...decideTerritory, ...decideAccount } as {
  [K in AccountBookCommand["type"]]: Decide<K>;
};

/**
 * The decider of an account book (one stream per book, usually a team): reps and their routing capacity, the ordered
 * routing rules and their round-robin pointers, territories and their effective-dated owners, and the accounts with
 * their effective-dated owners and the public pool. One stream is the consistency boundary that lets capacity caps,
 * claim limits and round-robin hold across accounts; configure snapshots for large books.
 *
 * @example
 * ```ts
 * const book = createCommandHandler({ store, decider: accountBookDecider, commands: accountBookCommand });
 * await book.handle(accountBookStreamId("team-east"), { type: "EnrollRep", data: { repId: "rep-ana", maxAccounts: 150 } });
 * ```
 */
export const accountBookDecider: Decider<AccountBookCommand, AccountBookEvent, AccountBookState> = {
  name: "accountBook",
  version: "1",
  initialState: accountBookInitialState,
  evolve: evolveAccountBook,
  decide: (command, state, { now }) =>
    (handlers[command.type] as Decide<typeof command.type>)(command.data as never, state, now),
};

/**
 * Who holds an account at the end of its timeline in a book's state: a rep id, `null` for the pool, `undefined` if
 * the account was never placed or is unknown.
 *
 * @param state - The book.
 * @param customerId - The account.
 * @returns The latest holder.
 * @example
 * ```ts
 * currentHolder(state, "cu-1"); // "rep-ana"
 * ```
 */
export function currentHolder(state: AccountBookState, customerId: string): string | null | undefined {
  return latestHolder(state.accounts[customerId]);
}
