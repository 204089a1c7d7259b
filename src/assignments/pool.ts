// The public pool (公海) as pure functions of the book's state and an instant: release, claim, and the sweep that
// returns idle accounts.
import { calendarDateOf, diffCalendarDays, toEpochMilliseconds, toIsoInstant } from "../core/index.ts";
import { type AccountBookState, latestHolder } from "./accountBookState.ts";
import type { AccountBookEvent } from "./events.ts";
import { requireEnrolled, requireRegistered, requireRule } from "./rules.ts";
import type { PoolPolicy } from "./schemas.ts";

/**
 * Refuses a pool move while an owner change is scheduled after `now`: the move would take effect before it, and the
 * book could not tell who releases or claims what until then.
 */
function requireNothingScheduled(state: AccountBookState, customerId: string, nowMs: number): void {
  const timeline = state.accounts[customerId]?.timeline ?? [];
  const last = timeline[timeline.length - 1];
  requireRule(
    last === undefined || last.at <= nowMs,
    "ownership_change_scheduled",
    `accountBook: ${customerId} has an owner change scheduled for ${last === undefined ? "" : new Date(last.at).toISOString()}; release or claim it once that change is in force`,
    { customerId },
  );
}

function requirePool(state: AccountBookState): PoolPolicy {
  requireRule(state.pool !== undefined, "pool_not_configured", "accountBook: set a pool policy first");
  return state.pool;
}

/**
 * Releases an account to the pool from `now` on: its holder gives it up, or an unplaced account is put there. Pure.
 *
 * @param state - The book.
 * @param customerId - The account.
 * @param reason - Why.
 * @param now - The instant of the decision.
 * @returns The `AccountReleasedToPool` event.
 * @throws {@link DomainRuleError} `account_not_registered`, `ownership_change_scheduled` (an owner change takes effect
 * after `now`) or `account_already_in_pool`.
 * @example
 * ```ts
 * releaseAccount(state, "cu-1", "no budget this year", now);
 * ```
 */
export function releaseAccount(
  state: AccountBookState,
  customerId: string,
  reason: string,
  now: string,
): AccountBookEvent[] {
  requireRegistered(state.accounts, customerId);
  requireNothingScheduled(state, customerId, toEpochMilliseconds(now, "releaseAccount"));
  const holder = latestHolder(state.accounts[customerId]);
  requireRule(holder !== null, "account_already_in_pool", `accountBook: ${customerId} is already in the pool`, {
    customerId,
  });
  const data = { customerId, effectiveFrom: toIsoInstant(now), reason };
  return [{ type: "AccountReleasedToPool", data: holder === undefined ? data : { ...data, fromRepId: holder } }];
}

/**
 * A rep claims an account from the pool. Pure. The checks, in order: the pool is configured, the account and the rep
 * are in the book, the account is in the pool, the rep did not lose or release it less than `reclaimCooldownDays`
 * local days ago, the rep holds fewer than `maxHoldings` accounts, and has claimed fewer than `claimsPerDay` accounts
 * on today's local date (in the policy's zone).
 *
 * @param state - The book.
 * @param customerId - The account.
 * @param repId - The claiming rep.
 * @param now - The instant of the decision.
 * @returns `AccountClaimed` and the `AccountOwnerAssigned` it causes, effective at `now`.
 * @throws {@link DomainRuleError} `pool_not_configured`, `account_not_registered`, `rep_not_enrolled`,
 * `ownership_change_scheduled`, `account_not_in_pool`, `reclaim_too_soon`, `holding_limit_reached` or
 * `claim_limit_reached`.
 * @example
 * ```ts
 * claimAccount(state, "cu-1", "rep-bo", "2026-07-11T02:00:00.000Z");
 * ```
 */
export function claimAccount(
  state: AccountBookState,
  customerId: string,
  repId: string,
  now: string,
): AccountBookEvent[] {
  const pool = requirePool(state);
  requireRegistered(state.accounts, customerId);
  requireEnrolled(state.reps, repId);
  const account = state.accounts[customerId]!;
  requireNothingScheduled(state, customerId, toEpochMilliseconds(now, "claimAccount"));
  requireRule(latestHolder(account) === null, "account_not_in_pool", `accountBook: ${customerId} is not in the pool`, {
    customerId,
  });
  const at = toIsoInstant(now);
  const today = calendarDateOf(at, pool.timeZone);
  const left = account.lastLeft;
  if (left !== undefined && left.repId === repId && pool.reclaimCooldownDays > 0) {
    const days = diffCalendarDays(calendarDateOf(left.effectiveFrom, pool.timeZone), today);
    requireRule(
      days >= pool.reclaimCooldownDays,
      "reclaim_too_soon",
      `accountBook: ${repId} gave ${customerId} up ${days} day(s) ago; the cooldown is ${pool.reclaimCooldownDays} days`,
      { customerId, repId, days, cooldownDays: pool.reclaimCooldownDays },
    );
  }
  const holdings = state.holdings[repId] ?? 0;
  requireRule(
    holdings < pool.maxHoldings,
    "holding_limit_reached",
    `accountBook: ${repId} holds ${holdings} accounts, the most allowed`,
    { repId, holdings, maxHoldings: pool.maxHoldings },
  );
  const c = state.claims[repId];
  const claimed = c !== undefined && c.on === today ? c.count : 0;
  requireRule(
    claimed < pool.claimsPerDay,
    "claim_limit_reached",
    `accountBook: ${repId} already claimed ${claimed} account(s) on ${today}`,
    { repId, claimedOn: today, claimed, claimsPerDay: pool.claimsPerDay },
  );
  return [
    { type: "AccountClaimed", data: { customerId, repId, claimedAt: at, claimedOn: today } },
    { type: "AccountOwnerAssigned", data: { customerId, repId, effectiveFrom: at, reason: "claimed from the pool" } },
  ];
}

/**
 * The sweep: every account a rep holds at `now` whose last touch is at least `returnAfterDays` local days old returns
 * to the pool. An account's last touch is the later of `lastTouches[customerId]` (its last follow-up or deal, from
 * {@link lastFollowUps} or your own source) and the start of the current holding, so a fresh claim is never swept at
 * once. Days are local calendar days in the policy's zone: touched on the 1st with `returnAfterDays` 30, the account
 * returns from the 31st. Accounts with an ownership change scheduled after `now` are left alone. Pure; the events are
 * ordered by account id.
 *
 * @param state - The book.
 * @param lastTouches - The last follow-up or deal per account.
 * @param now - The instant of the sweep; each return is effective then.
 * @returns The `AccountReturnedToPool` events (none when nothing is idle).
 * @throws {@link DomainRuleError} `pool_not_configured`.
 * @example
 * ```ts
 * sweepPool(state, lastTouchByAccount(followUps), "2026-08-12T01:00:00.000Z");
 * ```
 */
export function sweepPool(
  state: AccountBookState,
  lastTouches: Readonly<Record<string, string>>,
  now: string,
): AccountBookEvent[] {
  const pool = requirePool(state);
  const nowMs = toEpochMilliseconds(now, "sweepPool");
  const at = new Date(nowMs).toISOString();
  const today = calendarDateOf(nowMs, pool.timeZone);
  const out: AccountBookEvent[] = [];
  for (const customerId of Object.keys(state.accounts).sort()) {
    const timeline = state.accounts[customerId]!.timeline;
    const current = timeline[timeline.length - 1];
    if (current === undefined || current.holder === null || current.at > nowMs) continue;
    const touched = Object.hasOwn(lastTouches, customerId)
      ? toEpochMilliseconds(lastTouches[customerId]!, "sweepPool")
      : -Infinity;
    const last = Math.max(touched, current.at);
    const idleDays = diffCalendarDays(calendarDateOf(last, pool.timeZone), today);
    if (idleDays < pool.returnAfterDays) continue;
    out.push({
      type: "AccountReturnedToPool",
      data: {
        customerId,
        fromRepId: current.holder,
        effectiveFrom: at,
        lastTouchedAt: new Date(last).toISOString(),
        idleDays,
      },
    });
  }
  return out;
}
