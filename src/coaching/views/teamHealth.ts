import { type Money, ratio, roundRatio, ValidationError } from "../../core/index.ts";
import type { ActivityOutcomeState, PipelineState } from "../../analytics/index.ts";
import { type FeedbackFreshnessState, pipelineCoverageReading, staleFeedback } from "../../appraisals/index.ts";
import { type TrainingComplianceState, trainingCompliance } from "../../training/index.ts";
import { type CoachingBacklogState, coachingBacklog } from "../projections/coachingBacklog.ts";

/**
 * What team health reads; every source is optional, and a figure whose source is absent is `null`.
 *
 * @example
 * ```ts
 * const inputs: TeamHealthInputs = { repIds: ["rep-ana", "rep-bo"], asOf: "2026-09-30", periodId: "2026-Q3", activity, backlog, freshness };
 * ```
 */
export interface TeamHealthInputs {
  /** The team's reps (e.g. from `rosterAsOf`). */
  readonly repIds: readonly string[];
  /** The day of the check. */
  readonly asOf: string;
  /** The activity period (an id of the activity projection's period kind). */
  readonly periodId: string;
  readonly activity?: ActivityOutcomeState;
  readonly pipeline?: PipelineState;
  /** Each rep's remaining target, for pipeline coverage. */
  readonly remainingTargets?: Readonly<Record<string, Money>>;
  readonly training?: TrainingComplianceState;
  readonly backlog?: CoachingBacklogState;
  readonly freshness?: FeedbackFreshnessState;
  /** The feedback age beyond which a rep is flagged; 14 days by default. */
  readonly maxFeedbackAgeDays?: number;
}

/**
 * One rep's health figures.
 *
 * @example
 * ```ts
 * const h: RepHealth = { repId: "rep-bo", interactions: 12, pipelineCoverageBps: 18_000, trainingCompletionBps: 5000, overdueActionItems: 1,
 *   lastFeedbackOn: "2026-09-01", feedbackStale: true, flags: ["overdue_action_items", "stale_feedback"] };
 * ```
 */
export interface RepHealth {
  readonly repId: string;
  readonly interactions: number | null;
  readonly pipelineCoverageBps: number | null;
  readonly trainingCompletionBps: number | null;
  readonly overdueActionItems: number | null;
  readonly lastFeedbackOn: string | null;
  readonly feedbackStale: boolean | null;
  /** `low_coverage` (< 10,000 bps), `training_incomplete` (< 10,000 bps), `overdue_action_items`, `stale_feedback`. */
  readonly flags: readonly string[];
}

/**
 * Team health on a day (source article §10): per rep, activity in the period, pipeline coverage of the remaining target,
 * training completion, overdue action items and feedback freshness, with flags; and team figures: total
 * interactions, mean coverage and completion over the reps that have one (bps, half-up), overdue items, and reps
 * with stale feedback.
 *
 * @param inputs - The reps, the day, the period and the read models available.
 * @returns The reps' health and the team summary.
 * @throws {@link ValidationError} `invalid_team` for an empty rep list; the views it calls validate the day.
 * @example
 * ```ts
 * const health = teamHealth({ repIds, asOf: "2026-09-30", periodId: "2026-Q3", activity, training, backlog, freshness });
 * health.team.staleFeedback; // ["rep-bo"]
 * ```
 */
export function teamHealth(inputs: TeamHealthInputs): {
  reps: RepHealth[];
  team: {
    interactions: number | null;
    meanPipelineCoverageBps: number | null;
    meanTrainingCompletionBps: number | null;
    overdueActionItems: number | null;
    staleFeedback: string[];
  };
} {
  const repIds = [...new Set(inputs.repIds)].sort();
  if (repIds.length === 0) {
    throw new ValidationError("teamHealth", [{ code: "invalid_team", path: ["repIds"], message: "no reps given" }]);
  }
  const backlog = inputs.backlog ? coachingBacklog(inputs.backlog, inputs.asOf) : undefined;
  const compliance = inputs.training ? trainingCompliance(inputs.training, inputs.asOf) : undefined;
  const stale = inputs.freshness
    ? staleFeedback(inputs.freshness, { asOf: inputs.asOf, maxAgeDays: inputs.maxFeedbackAgeDays ?? 14, repIds })
    : undefined;
  const reps = repIds.map((repId): RepHealth => {
    const interactions = inputs.activity
      ? Object.entries(inputs.activity.byRep[repId] ?? {})
          .filter(([p]) => p === inputs.periodId)
          .reduce((a, [, f]) => a + f.interactions, 0)
      : null;
    const target = inputs.remainingTargets?.[repId];
    const coverage =
      inputs.pipeline && target ? pipelineCoverageReading(inputs.pipeline, repId, target) : { missing: "" };
    const trainingBps = compliance ? (compliance.byRep[repId]?.completionBps ?? null) : null;
    const overdue = backlog ? (backlog.byOwner[repId]?.overdue.length ?? 0) : null;
    const staleEntry = stale?.find((s) => s.repId === repId);
    const lastFeedbackOn = inputs.freshness ? (inputs.freshness.last[repId]?.on ?? null) : null;
    const pipelineCoverageBps = "value" in coverage ? coverage.value : null;
    const flags = [
      ...(pipelineCoverageBps !== null && pipelineCoverageBps < 10_000 ? ["low_coverage"] : []),
      ...(trainingBps !== null && trainingBps < 10_000 ? ["training_incomplete"] : []),
      ...(overdue ? ["overdue_action_items"] : []),
      ...(staleEntry ? ["stale_feedback"] : []),
    ];
    return {
      repId,
      interactions,
      pipelineCoverageBps,
      trainingCompletionBps: trainingBps,
      overdueActionItems: overdue,
      lastFeedbackOn,
      feedbackStale: stale ? staleEntry !== undefined : null,
      flags,
    };
  });
  const mean = (xs: (number | null)[]) => {
    const present = xs.filter((x): x is number => x !== null);
    if (present.length === 0) return null;
    return Number(
      roundRatio(
        ratio(
          present.reduce((a, b) => a + b, 0),
          present.length,
        ),
        "half_up",
      ),
    );
  };
  const total = (xs: (number | null)[]) =>
    xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0);
  return {
    reps,
    team: {
      interactions: total(reps.map((r) => r.interactions)),
      meanPipelineCoverageBps: mean(reps.map((r) => r.pipelineCoverageBps)),
      meanTrainingCompletionBps: mean(reps.map((r) => r.trainingCompletionBps)),
      overdueActionItems: total(reps.map((r) => r.overdueActionItems)),
      staleFeedback: reps.filter((r) => r.feedbackStale).map((r) => r.repId),
    },
  };
}
