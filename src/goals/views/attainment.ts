import { type Instant, ratio, roundRatio, toEpochMilliseconds, ValidationError } from "../../core/index.ts";
import type { GoalRecord } from "../goalPlan.ts";
import type { GoalProgressState } from "../projections/goalProgress.ts";
import { type GoalMetric, type GoalOwner, type GoalTarget, isMoneyTarget, targetUnits } from "../schemas.ts";
import { type Measurement, measureGoal } from "./measure.ts";

/**
 * A goal's attainment.
 *
 * @example
 * ```ts
 * const a: GoalAttainment = goalAttainment(progress, "q3");
 * `${a.attainmentBps / 100}%`;
 * ```
 */
export interface GoalAttainment extends Measurement {
  readonly goalId: string;
  readonly owner: GoalOwner;
  readonly metric: GoalMetric;
  readonly periodId: string;
  /** The current target (after adjustments and proration). */
  readonly target: GoalTarget;
  /** achieved / target in basis points, rounded toward −∞ (`floor`); see the zero-target rule. */
  readonly attainmentBps: number;
  /** What is still missing: `max(0, target − achieved)`. */
  readonly shortage: GoalTarget;
  /** `below`, `met` (achieved = target) or `exceeded`. */
  readonly status: "below" | "met" | "exceeded";
}

/**
 * Attainment in basis points: `floor(achieved × 10,000 / target)`, so 99.995% reads 9,999 and never rounds up to a
 * star. A zero target is attained at 10,000 (100%) when achieved ≥ 0, and at 0 when achieved < 0 (net refunds).
 *
 * @param achieved - Achieved, in minor units or a count.
 * @param target - Target, same unit, non-negative.
 * @returns The attainment in basis points; negative when achieved is negative.
 * @example
 * ```ts
 * attainmentBps(2, 3); // 6666
 * attainmentBps(5, 0); // 10000
 * ```
 */
export function attainmentBps(achieved: number, target: number): number {
  if (target === 0) return achieved >= 0 ? 10_000 : 0;
  return Number(roundRatio(ratio(BigInt(achieved) * 10_000n, BigInt(target)), "floor"));
}

function requireActive(progress: GoalProgressState, goalId: string, api: string): GoalRecord {
  const goal = progress.plan.goals[goalId];
  if (!goal || goal.status === "cancelled") {
    throw new ValidationError(api, [
      { code: "unknown_goal", path: ["goalId"], message: `no active goal ${JSON.stringify(goalId)}` },
    ]);
  }
  return goal;
}

/**
 * A goal's attainment: achieved (the owner's credited share in the goal's period), percentage in basis points,
 * shortage, status and each rep's contribution. Team and company goals roll up their members' revenue-split credit.
 *
 * @param progress - The goal progress state.
 * @param goalId - An active goal.
 * @param asOf - Count only credits and interactions before this instant (achieved-to-date); all of the period's
 * by default.
 * @returns The attainment.
 * @throws {@link ValidationError} `unknown_goal` for a missing or cancelled goal, `invalid_instant` for a bad `asOf`.
 * @example
 * ```ts
 * const a = goalAttainment(progress, "q3-ana");
 * console.log(a.attainmentBps, a.shortage);
 * ```
 */
export function goalAttainment(progress: GoalProgressState, goalId: string, asOf?: Instant): GoalAttainment {
  const goal = requireActive(progress, goalId, "goalAttainment");
  return attainmentOf(progress, goal, asOf === undefined ? undefined : toEpochMilliseconds(asOf, "goalAttainment"));
}

/** @internal The attainment of a goal record. */
export function attainmentOf(progress: GoalProgressState, goal: GoalRecord, until?: number): GoalAttainment {
  const m = measureGoal(progress, goal, until);
  const achieved = targetUnits(m.achieved);
  const target = targetUnits(goal.target);
  const missing = Math.max(0, target - achieved);
  return {
    ...m,
    goalId: goal.goalId,
    owner: goal.owner,
    metric: goal.metric,
    periodId: goal.period.periodId,
    target: goal.target,
    attainmentBps: attainmentBps(achieved, target),
    shortage: isMoneyTarget(goal.target) ? { amount: missing, currency: goal.target.currency } : { count: missing },
    status: achieved < target ? "below" : achieved === target ? "met" : "exceeded",
  };
}

/**
 * Options of {@link starPerformers}.
 *
 * @example
 * ```ts
 * const options: StarPerformerOptions = { periodId: "2026-Q3", metric: "revenue", thresholdBps: 12_000 };
 * ```
 */
export interface StarPerformerOptions {
  /** Only goals of this period id. */
  readonly periodId?: string;
  /** Only goals of this metric. */
  readonly metric?: GoalMetric;
  /** The attainment a star reaches, in basis points; 10,000 (100%) by default. */
  readonly thresholdBps?: number;
}

/**
 * The star performers: reps whose own (rep-owned, active, measured) goals reach the threshold, best first, ties by
 * rep id then goal id.
 *
 * @param progress - The goal progress state.
 * @param options - Period, metric and threshold.
 * @returns The stars with their attainment.
 * @throws {@link ValidationError} `invalid_threshold` for a negative or fractional threshold.
 * @example
 * ```ts
 * starPerformers(progress, { periodId: "2026-Q3" }).map((s) => s.repId); // ["rep-ana"]
 * ```
 */
export function starPerformers(
  progress: GoalProgressState,
  options: StarPerformerOptions = {},
): { goalId: string; repId: string; attainmentBps: number }[] {
  const threshold = options.thresholdBps ?? 10_000;
  if (!Number.isSafeInteger(threshold) || threshold < 0) {
    throw new ValidationError("starPerformers", [
      { code: "invalid_threshold", path: ["thresholdBps"], message: "a threshold is a non-negative integer of bps" },
    ]);
  }
  const metric = options.metric === undefined ? undefined : JSON.stringify(options.metric);
  const out: { goalId: string; repId: string; attainmentBps: number }[] = [];
  for (const goal of Object.values(progress.plan.goals)) {
    if (goal.status === "cancelled" || goal.owner.kind !== "rep") continue;
    if (options.periodId !== undefined && goal.period.periodId !== options.periodId) continue;
    if (metric !== undefined && JSON.stringify(goal.metric) !== metric) continue;
    const a = attainmentOf(progress, goal);
    if (a.measured && a.attainmentBps >= threshold) {
      out.push({ goalId: goal.goalId, repId: goal.owner.repId, attainmentBps: a.attainmentBps });
    }
  }
  return out.sort(
    (a, b) =>
      b.attainmentBps - a.attainmentBps ||
      (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : a.goalId < b.goalId ? -1 : 1),
  );
}
