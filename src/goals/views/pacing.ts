import {
  calendarDateOf,
  diffCalendarDays,
  type Instant,
  type RoundingMode,
  ratio,
  roundRatio,
  ValidationError,
} from "../../core/index.ts";
import type { GoalProgressState } from "../projections/goalProgress.ts";
import { type GoalTarget, isMoneyTarget, resolveGoalPeriod, targetUnits } from "../schemas.ts";
import { goalAttainment } from "./attainment.ts";

/**
 * Options of {@link goalPacing}.
 *
 * @example
 * ```ts
 * const options: PacingOptions = { curve: "seasonal", offTrackBehindBps: 1500 };
 * ```
 */
export interface PacingOptions {
  /**
   * How the target accrues over the period: `linear` (by elapsed days), `seasonal` (by the goal's seasonal
   * children, linear within each), or `auto` (seasonal when the goal has seasonal children). Default `auto`.
   */
  readonly curve?: "auto" | "linear" | "seasonal";
  /** On track when behind expected by at most this share of it, in bps. Default 0: on track means achieved ≥ expected. */
  readonly onTrackWithinBps?: number;
  /** Off track when behind expected by at least this share of it, in bps. Default 1,000 (10% behind), as Zoho Motivator. */
  readonly offTrackBehindBps?: number;
  /** How expected-to-date is rounded. Default `half_up`. */
  readonly rounding?: RoundingMode;
}

/**
 * A goal's pace at an instant.
 *
 * @example
 * ```ts
 * const p: GoalPacing = goalPacing(progress, "q3", "2026-08-15T00:00:00+08:00");
 * p.status; // "cautioned"
 * ```
 */
export interface GoalPacing {
  readonly goalId: string;
  readonly curve: "linear" | "seasonal";
  /** Whole local days of the period elapsed before the instant's day, 0 to `periodDays`. */
  readonly elapsedDays: number;
  readonly periodDays: number;
  readonly target: GoalTarget;
  /** What should be achieved by now on the curve. */
  readonly expected: GoalTarget;
  /** Achieved before the instant. */
  readonly achieved: GoalTarget;
  /** (expected − achieved) / expected in bps, floored; 0 when ahead or when nothing is expected yet. */
  readonly behindBps: number;
  readonly status: "on_track" | "cautioned" | "off_track";
}

function bad(path: string, message: string): never {
  throw new ValidationError("goalPacing", [{ code: "invalid_pacing_options", path: [path], message }]);
}

/**
 * A goal's pacing at an instant: expected-to-date on a linear or seasonal curve, and a status. Days are local days
 * of the goal's calendar: a day counts once it is over, so at the period's first instant nothing is expected and
 * at its end the whole target is. The status is `on_track` when achieved ≥ expected (within `onTrackWithinBps`),
 * `off_track` when behind by `offTrackBehindBps` of expected or more, and `cautioned` in between.
 *
 * @param progress - The goal progress state.
 * @param goalId - An active goal.
 * @param at - The instant to pace at.
 * @param options - Curve, thresholds and rounding.
 * @returns The pacing.
 * @throws {@link ValidationError} for an unknown goal, a bad instant or option, or a seasonal curve without seasonal
 * children.
 * @example
 * ```ts
 * goalPacing(progress, "q3", "2026-08-15T00:00:00+08:00", { curve: "linear" }).expected;
 * ```
 */
export function goalPacing(
  progress: GoalProgressState,
  goalId: string,
  at: Instant,
  options: PacingOptions = {},
): GoalPacing {
  const attainment = goalAttainment(progress, goalId, at);
  const goal = progress.plan.goals[goalId]!;
  const onWithin = options.onTrackWithinBps ?? 0;
  const offBehind = options.offTrackBehindBps ?? 1_000;
  const mode = options.rounding ?? "half_up";
  if (!Number.isSafeInteger(onWithin) || onWithin < 0) bad("onTrackWithinBps", "a non-negative integer of bps");
  if (!Number.isSafeInteger(offBehind) || offBehind <= onWithin)
    bad("offTrackBehindBps", "an integer above onTrackWithinBps");
  const { period } = resolveGoalPeriod(goal.period);
  const today = calendarDateOf(at, period.timeZone);
  const periodDays = diffCalendarDays(period.startDate, period.endDate);
  const elapsedDays = Math.min(periodDays, Math.max(0, diffCalendarDays(period.startDate, today)));
  const seasonal = goal.children
    .map((id) => progress.plan.goals[id]!)
    .filter((c) => c.basis === "seasonal" && c.status !== "cancelled")
    .map((c) => ({ target: BigInt(targetUnits(c.target)), period: resolveGoalPeriod(c.period).period }))
    .sort((a, b) => (a.period.startDate < b.period.startDate ? -1 : 1));
  const wanted = options.curve ?? "auto";
  if (wanted === "seasonal" && seasonal.length === 0) bad("curve", `goal ${goalId} has no seasonal distribution`);
  const total = seasonal.reduce((a, c) => a + c.target, 0n);
  const curve = wanted === "linear" || seasonal.length === 0 || total === 0n ? "linear" : "seasonal";
  // The share of the target expected by now, as num / den.
  let num = BigInt(elapsedDays);
  let den = BigInt(periodDays);
  if (curve === "seasonal") {
    num = 0n;
    den = 1n;
    for (const c of seasonal) {
      const days = BigInt(diffCalendarDays(c.period.startDate, c.period.endDate));
      const inside = BigInt(Math.min(Number(days), Math.max(0, diffCalendarDays(c.period.startDate, today))));
      // num/den += c.target × inside / (days × total)
      num = num * days * total + c.target * inside * den;
      den = den * days * total;
    }
  }
  const targetN = targetUnits(goal.target);
  const expectedN = Number(roundRatio(ratio(BigInt(targetN) * num, den), mode));
  const achievedN = targetUnits(attainment.achieved);
  const shortfall = BigInt(expectedN - achievedN);
  const expectedB = BigInt(expectedN);
  const status =
    shortfall * 10_000n <= BigInt(onWithin) * expectedB
      ? "on_track"
      : shortfall * 10_000n >= BigInt(offBehind) * expectedB
        ? "off_track"
        : "cautioned";
  const behindBps = expectedN > 0 && shortfall > 0n ? Number((shortfall * 10_000n) / expectedB) : 0;
  const expected: GoalTarget = isMoneyTarget(goal.target)
    ? { amount: expectedN, currency: goal.target.currency }
    : { count: expectedN };
  return {
    goalId,
    curve,
    elapsedDays,
    periodDays,
    target: goal.target,
    expected,
    achieved: attainment.achieved,
    behindBps,
    status,
  };
}
