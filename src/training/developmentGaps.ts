import type { Scorecard } from "../appraisals/index.ts";
import type { DevelopmentGap } from "./developmentPlanEvents.ts";

/**
 * The development gaps of an appraisal scorecard: each present KPI whose normalized score is below `targetMilli`,
 * lowest first, ready for `CreateDevelopmentPlan`. Missing KPIs are not gaps (they were not measured).
 *
 * @param card - A rep's scorecard (from `appraisalScorecard(...).scorecard`).
 * @param options - The cycle id to trace the gaps to, and the target score in thousandths of a point.
 * @returns The gaps, with ids `gap-<kpiId>`.
 * @example
 * ```ts
 * developmentGapsFromScorecard(card, { cycleId: "q3", targetMilli: 3_000 });
 * // [{ gapId: "gap-win_rate", description: "Win rate: 2.2 < 3", kpiId: "win_rate", cycleId: "q3", currentMilli: 2_200, targetMilli: 3_000 }]
 * ```
 */
export function developmentGapsFromScorecard(
  card: Scorecard,
  options: { readonly cycleId: string; readonly targetMilli: number },
): DevelopmentGap[] {
  const text = (m: number) => String(m / 1000);
  return card.components
    .filter((c) => c.status === "present" && c.normalizedMilli! < options.targetMilli)
    .sort((a, b) => a.normalizedMilli! - b.normalizedMilli! || (a.kpiId < b.kpiId ? -1 : 1))
    .map((c) => ({
      gapId: `gap-${c.kpiId}`,
      description: `${c.name}: ${text(c.normalizedMilli!)} < ${text(options.targetMilli)}`,
      kpiId: c.kpiId,
      cycleId: options.cycleId,
      currentMilli: c.normalizedMilli!,
      targetMilli: options.targetMilli,
    }));
}
