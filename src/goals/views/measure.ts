import { toEpochMilliseconds } from "../../core/index.ts";
import type { GoalRecord } from "../goalPlan.ts";
import type { GoalProgressState } from "../projections/goalProgress.ts";
import { type GoalOwner, type GoalTarget, isMoneyTarget, resolveGoalPeriod } from "../schemas.ts";

/**
 * What a goal's owner achieved in the goal's period, with each rep's contribution.
 *
 * @example
 * ```ts
 * const m: Measurement = { measured: true, achieved: { count: 3 }, contributors: [{ repId: "rep-ana", achieved: 2 }, { repId: "rep-bo", achieved: 1 }], excluded: { otherCurrency: 0, withoutMargin: 0 } };
 * ```
 */
export interface Measurement {
  /** `false` for custom metrics, which the built-in sources do not measure. */
  readonly measured: boolean;
  /** The achieved figure, of the target's kind (and currency). */
  readonly achieved: GoalTarget;
  /** Each rep's own figure (minor units or count), ordered by rep id. For distinct counts they may add up to more than the owner's figure. */
  readonly contributors: readonly { readonly repId: string; readonly achieved: number }[];
  /** Credits left out: in another currency than the target's, or without a margin for a gross-margin goal. */
  readonly excluded: { readonly otherCurrency: number; readonly withoutMargin: number };
}

/**
 * The teams a member belongs to at an instant, from their own team up the team tree.
 *
 * @param progress - The goal progress state.
 * @param memberId - The member.
 * @param ms - The instant, epoch milliseconds.
 * @returns Team ids, nearest first.
 * @example
 * ```ts
 * teamsAt(progress, "rep-ana", Date.parse("2026-07-10T00:00:00Z")); // ["team-east", "team-sales"]
 * ```
 */
export function teamsAt(progress: GoalProgressState, memberId: string, ms: number): string[] {
  const valueAt = (steps: readonly { at: number; value: string | null }[]) => {
    let v: string | null = null;
    for (const s of steps) {
      if (s.at > ms) break;
      v = s.value;
    }
    return v;
  };
  const out: string[] = [];
  for (let id = valueAt(progress.memberTeams[memberId] ?? []); id; ) {
    const team = progress.teams[id];
    if (!team || team.createdAt > ms || out.includes(id)) break;
    out.push(id);
    id = valueAt(team.parent);
  }
  return out;
}

function inScope(progress: GoalProgressState, owner: GoalOwner, repId: string, at: number): boolean {
  if (owner.kind === "company") return true;
  if (owner.kind === "rep") return owner.repId === repId;
  return teamsAt(progress, repId, at).includes(owner.teamId);
}

/**
 * Measures a goal from the facts in goal progress. Rep goals count all of the rep's credits (revenue split and
 * overlay); team and company goals count revenue-split credits only, so overlay credit never counts twice.
 * `deal_count` and `new_customers` count revenue-split credits for every owner.
 *
 * @param progress - The goal progress state.
 * @param goal - The goal.
 * @param until - Count only facts before this instant (epoch milliseconds), for achieved-to-date; the period's
 * end by default.
 * @returns The measurement.
 * @throws {@link ValidationError} when the goal's period no longer resolves.
 * @example
 * ```ts
 * measureGoal(progress, progress.plan.goals["q3"]!).achieved;
 * ```
 */
export function measureGoal(
  progress: GoalProgressState,
  goal: GoalRecord,
  until: number = Number.POSITIVE_INFINITY,
): Measurement {
  const { period } = resolveGoalPeriod(goal.period);
  const start = toEpochMilliseconds(period.start);
  const end = Math.min(toEpochMilliseconds(period.end), until);
  const inPeriod = (at: number) => at >= start && at < end;
  const metric = goal.metric;
  const excluded = { otherCurrency: 0, withoutMargin: 0 };
  const byRep = new Map<string, number>();
  const credit = (repId: string, n: number) => byRep.set(repId, (byRep.get(repId) ?? 0) + n);
  let total = 0;
  const zero: GoalTarget = isMoneyTarget(goal.target) ? { amount: 0, currency: goal.target.currency } : { count: 0 };
  if (typeof metric !== "string") return { measured: false, achieved: zero, contributors: [], excluded };
  const revenueOnly = goal.owner.kind !== "rep" || metric === "deal_count" || metric === "new_customers";
  const credits = progress.credits.filter(
    (c) => inPeriod(c.at) && (c.revenue || !revenueOnly) && inScope(progress, goal.owner, c.repId, c.at),
  );
  if (metric === "revenue" || metric === "gross_margin") {
    const currency = isMoneyTarget(goal.target) ? goal.target.currency : "";
    for (const c of credits) {
      const value = metric === "revenue" ? c.amount : c.margin;
      if (value === undefined) excluded.withoutMargin++;
      else if (value.currency !== currency) excluded.otherCurrency++;
      else {
        total += value.amount;
        credit(c.repId, value.amount);
      }
    }
  } else if (metric === "units") {
    for (const c of credits) {
      total += c.units ?? 0;
      credit(c.repId, c.units ?? 0);
    }
  } else if (metric === "deal_count") {
    const net = new Map<string, number>();
    const netByRep = new Map<string, number>();
    for (const c of credits.filter((x) => x.sourceKey.startsWith("deal:"))) {
      net.set(c.sourceKey, (net.get(c.sourceKey) ?? 0) + c.amount.amount);
      const key = `${c.repId}\u0000${c.sourceKey}`;
      netByRep.set(key, (netByRep.get(key) ?? 0) + c.amount.amount);
    }
    for (const v of net.values()) if (v > 0) total++;
    for (const [key, v] of netByRep) if (v > 0) credit(key.split("\u0000")[0]!, 1);
  } else if (metric === "new_customers") {
    const customers = new Set<string>();
    const seen = new Set<string>();
    for (const c of credits) {
      const first = progress.firstSale[c.customerId];
      if (!first || c.sourceKey !== first.sourceKey || c.amount.amount <= 0 || !inPeriod(first.at)) continue;
      customers.add(c.customerId);
      const key = `${c.repId}\u0000${c.customerId}`;
      if (!seen.has(key)) {
        seen.add(key);
        credit(c.repId, 1);
      }
    }
    total = customers.size;
  } else {
    for (const [repId, times] of Object.entries(progress.interactions)) {
      for (const at of times) {
        if (!inPeriod(at) || !inScope(progress, goal.owner, repId, at)) continue;
        total++;
        credit(repId, 1);
      }
    }
  }
  const contributors = [...byRep.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([repId, achieved]) => ({ repId, achieved }));
  const achieved: GoalTarget = isMoneyTarget(goal.target)
    ? { amount: total, currency: goal.target.currency }
    : { count: total };
  return { measured: true, achieved, contributors, excluded };
}
