import { type Instant, type Money, ratio, roundRatio } from "../core/index.ts";
import { type ActivityOutcomeState, activityRatios, csatBps, npsBps, type PipelineState } from "../analytics/index.ts";
import { type GoalProgressState, goalAttainment } from "../goals/index.ts";
import type { ReviewCycleCommand } from "./commands.ts";

/**
 * A KPI value read from a projection, with how it was obtained, or why there is none (no data is missing, never 0).
 *
 * @example
 * ```ts
 * const r: KpiReading = { value: 10_400, explanation: "goal q3-ana: 104% of target" };
 * const none: KpiReading = { missing: "no deals closed in 2026-Q3" };
 * ```
 */
export type KpiReading = { readonly value: number; readonly explanation: string } | { readonly missing: string };

/**
 * Goal attainment in basis points (floor), from the goals area's `goalAttainment`.
 *
 * @param progress - The goal progress state.
 * @param goalId - The rep's goal (any goal: goals need not belong to the cycle).
 * @param asOf - Count credits before this instant; the whole period by default.
 * @returns The reading; missing for an unmeasured (custom) metric.
 * @throws {@link ValidationError} `unknown_goal` from the goals area.
 * @example
 * ```ts
 * goalAttainmentReading(progress, "q3-ana"); // { value: 10400, explanation: "goal q3-ana: attainment 104.00%" }
 * ```
 */
export function goalAttainmentReading(progress: GoalProgressState, goalId: string, asOf?: Instant): KpiReading {
  const a = goalAttainment(progress, goalId, asOf);
  if (!a.measured) return { missing: `goal ${goalId} has a metric the built-in sources do not measure` };
  return { value: a.attainmentBps, explanation: `goal ${goalId}: attainment ${(a.attainmentBps / 100).toFixed(2)}%` };
}

/**
 * Win rate (won / closed, bps, half-up) or activity count (interactions logged) of a rep in a period, from the
 * analytics activity-to-outcome projection.
 *
 * @param state - An activity-to-outcome state bucketed by the cycle's period kind.
 * @param metric - `win_rate` or `activity_count`.
 * @param repId - The rep.
 * @param periodId - The period id (e.g. `2026-Q3`).
 * @returns The reading; a win rate with no closed deal is missing.
 * @example
 * ```ts
 * activityReading(activity, "win_rate", "rep-ana", "2026-Q3"); // { value: 6667, explanation: "2 won of 3 closed in 2026-Q3: 66.67%" }
 * ```
 */
export function activityReading(
  state: ActivityOutcomeState,
  metric: "win_rate" | "activity_count",
  repId: string,
  periodId: string,
): KpiReading {
  const r = activityRatios(state, repId, periodId);
  if (metric === "activity_count") {
    return { value: r.interactions, explanation: `${r.interactions} interaction(s) logged in ${periodId}` };
  }
  if (r.winRateBps === null) return { missing: `no deal closed in ${periodId}` };
  return {
    value: r.winRateBps,
    explanation: `${r.won} won of ${r.won + r.lost} closed in ${periodId}: ${(r.winRateBps / 100).toFixed(2)}%`,
  };
}

/**
 * CSAT (share of 4–5 answers) or NPS (promoters − detractors over answers), in basis points, half-up, over the
 * survey counts of a rep's customers (sum the `customer360` satisfaction of the customers they own).
 *
 * @param metric - `csat` or `nps`.
 * @param counts - The summed counts.
 * @returns The reading; no answers is missing.
 * @example
 * ```ts
 * satisfactionReading("nps", { responses: 4, promoters: 2, passives: 1, detractors: 1 }); // { value: 2500, … }
 * ```
 */
export function satisfactionReading(
  metric: "csat" | "nps",
  counts:
    | { readonly responses: number; readonly satisfied: number; readonly scoreTotal: number }
    | {
        readonly responses: number;
        readonly promoters: number;
        readonly passives: number;
        readonly detractors: number;
      },
): KpiReading {
  const value =
    metric === "csat" && "satisfied" in counts
      ? csatBps(counts)
      : metric === "nps" && "promoters" in counts
        ? npsBps(counts)
        : null;
  if (value === null) return { missing: `no ${metric.toUpperCase()} answers` };
  return { value, explanation: `${metric.toUpperCase()} over ${counts.responses} answer(s): ${value} bps` };
}

/**
 * Pipeline coverage: a rep's open pipeline in the target's currency over the remaining target, in basis points
 * (floor). A remaining target of zero (already met) is missing, not infinite.
 *
 * @param pipeline - The analytics pipeline state.
 * @param repId - The rep.
 * @param remainingTarget - What is still to be achieved (e.g. the goal's `shortage`).
 * @returns The reading.
 * @example
 * ```ts
 * pipelineCoverageReading(pipeline, "rep-ana", money(50_000_00, "USD")); // { value: 30000, … } for 3× coverage
 * ```
 */
export function pipelineCoverageReading(pipeline: PipelineState, repId: string, remainingTarget: Money): KpiReading {
  if (remainingTarget.amount <= 0) return { missing: "the target is already met" };
  const open = pipeline.byOwner[repId]?.[remainingTarget.currency]?.amount ?? 0;
  const value = Number(roundRatio(ratio(BigInt(open) * 10_000n, BigInt(remainingTarget.amount)), "floor"));
  return {
    value,
    explanation: `open pipeline ${open} over remaining target ${remainingTarget.amount} ${remainingTarget.currency}: ${(value / 100).toFixed(2)}%`,
  };
}

/**
 * The `RecordKpiMeasurement` command of a reading, or `undefined` when the reading is missing (record nothing: the
 * scorecard then reports the KPI as missing).
 *
 * @param repId - The rep.
 * @param kpiId - The computed KPI.
 * @param reading - The reading.
 * @returns The command, or `undefined`.
 * @example
 * ```ts
 * const c = measurementCommand("rep-ana", "quota", goalAttainmentReading(progress, "q3-ana"));
 * if (c) await cycles.handle(reviewCycleStreamId("q3"), c);
 * ```
 */
export function measurementCommand(
  repId: string,
  kpiId: string,
  reading: KpiReading,
): Extract<ReviewCycleCommand, { type: "RecordKpiMeasurement" }> | undefined {
  if ("missing" in reading) return undefined;
  return {
    type: "RecordKpiMeasurement",
    data: { repId, kpiId, value: reading.value, explanation: reading.explanation },
  };
}
