// Assignment rules as pure functions of the book's state and an instant: which rep an account goes to, and why.
import { toEpochMilliseconds, toIsoInstant } from "../core/index.ts";
import { type AccountBookState, latestHolder } from "./accountBookState.ts";
import type { AccountBookEvent } from "./events.ts";
import { requireRegistered, requireRule } from "./rules.ts";
import type { AccountAttributes, Criteria, RoutingRule, RoutingStrategy } from "./schemas.ts";
import { timelineEntryAt } from "./timeline.ts";

/**
 * Whether an account's attributes meet criteria: every list present must contain the matching attribute.
 *
 * @param criteria - The criteria.
 * @param attributes - The account's attributes.
 * @returns `true` when every present criterion matches (so `{}` matches everything).
 * @example
 * ```ts
 * matchesCriteria({ regions: ["east"] }, { region: "east", segment: "smb" }); // true
 * matchesCriteria({ regions: ["east"] }, { segment: "smb" }); // false
 * ```
 */
export function matchesCriteria(criteria: Criteria, attributes: AccountAttributes): boolean {
  const ok = (list: readonly string[] | undefined, value: string | undefined) =>
    list === undefined || (value !== undefined && list.includes(value));
  return (
    ok(criteria.regions, attributes.region) &&
    ok(criteria.segments, attributes.segment) &&
    ok(criteria.industries, attributes.industry)
  );
}

/**
 * Whether routing may give a rep one more account: enrolled, available, and holding fewer accounts than their cap.
 *
 * @param state - The book.
 * @param repId - The rep.
 * @returns `true` when the rep is eligible.
 * @example
 * ```ts
 * isRoutable(state, "rep-ana"); // false once rep-ana holds maxAccounts accounts
 * ```
 */
export function isRoutable(state: AccountBookState, repId: string): boolean {
  const rep = state.reps[repId];
  if (rep === undefined || !rep.available) return false;
  return rep.maxAccounts === null || (state.holdings[repId] ?? 0) < rep.maxAccounts;
}

/**
 * The territory of an account at an instant: among territories not retired then whose criteria match, the one with
 * the lowest priority number (priorities are unique within a book).
 *
 * @param state - The book.
 * @param attributes - The account's attributes.
 * @param instant - An ISO instant.
 * @returns The territory id and its owner at that instant (`undefined` when it has none yet), or `undefined`.
 * @example
 * ```ts
 * territoryOf(state, { region: "east" }, "2026-07-01T00:00:00Z"); // { territoryId: "east", ownerRepId: "rep-ana" }
 * ```
 */
export function territoryOf(
  state: AccountBookState,
  attributes: AccountAttributes,
  instant: string,
): { readonly territoryId: string; readonly ownerRepId: string | undefined } | undefined {
  let best: [string, number] | undefined;
  const ms = toEpochMilliseconds(instant, "territoryOf");
  for (const [id, t] of Object.entries(state.territories)) {
    if (t.retiredAt !== undefined && t.retiredAt <= ms) continue;
    if (!matchesCriteria(t.criteria, attributes)) continue;
    if (best === undefined || t.priority < best[1]) best = [id, t.priority];
  }
  if (best === undefined) return undefined;
  return { territoryId: best[0], ownerRepId: timelineEntryAt(state.territories[best[0]]!.owners, ms)?.holder };
}

/**
 * The rep a rule picks for an account, or `undefined` when none of its reps is eligible.
 *
 * @param state - The book (holdings, capacities, round-robin pointers, territories).
 * @param rule - The rule.
 * @param attributes - The account's attributes (for `territory`).
 * @param now - The instant of the decision.
 * @returns A rep id or `undefined`.
 * @example
 * ```ts
 * pickRep(state, { ruleId: "rr", when: {}, strategy: "round_robin", reps: ["a", "b"] }, {}, now); // "b" after "a"
 * ```
 */
export function pickRep(
  state: AccountBookState,
  rule: RoutingRule,
  attributes: AccountAttributes,
  now: string,
): string | undefined {
  switch (rule.strategy) {
    case "fixed":
      return isRoutable(state, rule.repId) ? rule.repId : undefined;
    case "round_robin": {
      const last = state.roundRobin[rule.ruleId];
      const start = last === undefined ? 0 : rule.reps.indexOf(last) + 1;
      for (let i = 0; i < rule.reps.length; i++) {
        const rep = rule.reps[(start + i) % rule.reps.length]!;
        if (isRoutable(state, rep)) return rep;
      }
      return undefined;
    }
    case "least_loaded": {
      let best: string | undefined;
      for (const rep of rule.reps) {
        if (!isRoutable(state, rep)) continue;
        if (best === undefined || (state.holdings[rep] ?? 0) < (state.holdings[best] ?? 0)) best = rep;
      }
      return best;
    }
    case "territory": {
      const owner = territoryOf(state, attributes, now)?.ownerRepId;
      return owner !== undefined && isRoutable(state, owner) ? owner : undefined;
    }
    default: {
      const _exhaustive: never = rule;
      return undefined;
    }
  }
}

/**
 * Routes an account with the book's rules: the first rule whose criteria match and that yields an eligible rep wins
 * (a matching rule whose reps are all unavailable or at capacity is passed over). Produces `AccountRouted` and the
 * `AccountOwnerAssigned` it explains, effective at `now`; when no rule places the account, `AccountReleasedToPool`
 * if the book overflows to the pool. Pure.
 *
 * @param state - The book.
 * @param customerId - A registered account that no rep holds (new, or in the pool).
 * @param now - The instant of the decision.
 * @returns The events.
 * @throws {@link DomainRuleError} `account_not_registered`, `account_already_owned`, or `no_eligible_rep` (when the book
 * does not overflow to the pool, or the account is already there).
 * @example
 * ```ts
 * routeAccount(state, "cu-1", "2026-07-01T09:00:00.000Z");
 * // [{ type: "AccountRouted", … }, { type: "AccountOwnerAssigned", data: { customerId: "cu-1", repId: "rep-bo", … } }]
 * ```
 */
export function routeAccount(state: AccountBookState, customerId: string, now: string): AccountBookEvent[] {
  requireRegistered(state.accounts, customerId);
  const account = state.accounts[customerId]!;
  const holder = latestHolder(account);
  requireRule(typeof holder !== "string", "account_already_owned", `accountBook: ${holder} holds ${customerId}`, {
    customerId,
    repId: holder,
  });
  const at = toIsoInstant(now);
  const passed: string[] = [];
  for (const rule of state.rules) {
    if (!matchesCriteria(rule.when, account.attributes)) continue;
    const repId = pickRep(state, rule, account.attributes, at);
    if (repId === undefined) {
      passed.push(rule.ruleId);
      continue;
    }
    const strategy: RoutingStrategy = rule.strategy;
    return [
      { type: "AccountRouted", data: { customerId, repId, ruleId: rule.ruleId, strategy } },
      {
        type: "AccountOwnerAssigned",
        data: { customerId, repId, effectiveFrom: at, reason: `routed by rule ${rule.ruleId} (${strategy})` },
      },
    ];
  }
  requireRule(
    state.overflowToPool && holder === undefined,
    "no_eligible_rep",
    `accountBook: no routing rule has an eligible rep for ${customerId}`,
    { customerId, rulesWithoutEligibleRep: passed },
  );
  return [
    {
      type: "AccountReleasedToPool",
      data: { customerId, effectiveFrom: at, reason: "no routing rule had an eligible rep" },
    },
  ];
}
