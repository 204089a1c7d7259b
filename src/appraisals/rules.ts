import { DomainRuleError } from "../core/index.ts";

/**
 * The names of every business rule of the appraisals area, as `DomainRuleError.rule` carries them.
 *
 * Review cycles:
 * - `cycle_already_opened`, `cycle_not_found`: a cycle is opened once, and exists before anything else;
 * - `kpi_weights_total`: the KPI weights total exactly 10,000 bps (100%);
 * - `duplicate_kpi`, `kpi_scoring_invalid`, `formula_invalid`, `cycle_period_invalid`: a well-formed definition;
 * - `duplicate_participant`, `participant_outside_population`, `participant_unknown`, `roster_locked`: who takes part
 *   (the roster changes while open or in self review; in calibration, only a participant without a score may be
 *   excluded);
 * - `invalid_transition`: open → self_review → manager_review → calibration → closed, one step at a time;
 * - `cycle_needs_participants` (open → self_review), `self_reviews_pending` (self_review → manager_review, unless
 *   waived with a reason), `manager_reviews_pending` (manager_review → calibration), `unscored_participants`
 *   (calibration → closed, while a participant without a score is still in the cycle): the named rule of each
 *   transition;
 * - `kpi_unknown`, `kpi_not_computed`, `measurement_window_closed`, `value_out_of_scale`: KPI measurements;
 * - `feedback_window_closed`, `feedback_author_mismatch`, `feedback_already_submitted`, `rating_not_expected`,
 *   `rating_out_of_scale`: feedback;
 * - `calibration_window_closed`, `score_unavailable`, `calibrated_score_out_of_scale`: calibration;
 * - `cycle_not_closed`: only a closed cycle's scores feed the incentive engine (`mboScoresFromCycle`).
 *
 * Improvement plans: `plan_already_started`, `plan_not_found`, `plan_not_active`, `plan_dates_invalid`,
 * `duplicate_action`, `action_unknown`, `action_already_completed`, `action_due_outside_plan`,
 * `check_in_goal_unknown`, `only_rep_acknowledges`, `already_acknowledged`, `outcome_requires_acknowledgement`,
 * `extension_not_later`.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(e) && e.rule === appraisalsRules.kpiWeightsTotal) showWeights(e.details);
 * ```
 */
export const appraisalsRules = Object.freeze({
  cycleAlreadyOpened: "cycle_already_opened",
  cycleNotFound: "cycle_not_found",
  kpiWeightsTotal: "kpi_weights_total",
  duplicateKpi: "duplicate_kpi",
  kpiScoringInvalid: "kpi_scoring_invalid",
  formulaInvalid: "formula_invalid",
  cyclePeriodInvalid: "cycle_period_invalid",
  duplicateParticipant: "duplicate_participant",
  participantOutsidePopulation: "participant_outside_population",
  participantUnknown: "participant_unknown",
  rosterLocked: "roster_locked",
  invalidTransition: "invalid_transition",
  cycleNeedsParticipants: "cycle_needs_participants",
  selfReviewsPending: "self_reviews_pending",
  managerReviewsPending: "manager_reviews_pending",
  unscoredParticipants: "unscored_participants",
  kpiUnknown: "kpi_unknown",
  kpiNotComputed: "kpi_not_computed",
  measurementWindowClosed: "measurement_window_closed",
  valueOutOfScale: "value_out_of_scale",
  feedbackWindowClosed: "feedback_window_closed",
  feedbackAuthorMismatch: "feedback_author_mismatch",
  feedbackAlreadySubmitted: "feedback_already_submitted",
  ratingNotExpected: "rating_not_expected",
  ratingOutOfScale: "rating_out_of_scale",
  calibrationWindowClosed: "calibration_window_closed",
  scoreUnavailable: "score_unavailable",
  calibratedScoreOutOfScale: "calibrated_score_out_of_scale",
  cycleNotClosed: "cycle_not_closed",
  planAlreadyStarted: "plan_already_started",
  planNotFound: "plan_not_found",
  planNotActive: "plan_not_active",
  planDatesInvalid: "plan_dates_invalid",
  duplicateAction: "duplicate_action",
  actionUnknown: "action_unknown",
  actionAlreadyCompleted: "action_already_completed",
  actionDueOutsidePlan: "action_due_outside_plan",
  checkInGoalUnknown: "check_in_goal_unknown",
  onlyRepAcknowledges: "only_rep_acknowledges",
  alreadyAcknowledged: "already_acknowledged",
  outcomeRequiresAcknowledgement: "outcome_requires_acknowledgement",
  extensionNotLater: "extension_not_later",
} as const);

/**
 * The name of a rule of the appraisals area.
 *
 * @example
 * ```ts
 * const r: AppraisalsRule = "kpi_weights_total";
 * ```
 */
export type AppraisalsRule = (typeof appraisalsRules)[keyof typeof appraisalsRules];

/**
 * Throws the named rule unless `ok` holds.
 *
 * @param ok - The condition the rule requires.
 * @param rule - The rule's name.
 * @param message - What was refused and why, prefixed with the decider's name.
 * @param details - Facts about the violation.
 * @throws {@link DomainRuleError} with `rule` when `ok` is false.
 * @example
 * ```ts
 * requireAppraisalsRule(total === 10_000, "kpi_weights_total", `reviewCycle: weights total ${total} bps`, { totalBps: total });
 * ```
 */
export function requireAppraisalsRule(
  ok: boolean,
  rule: AppraisalsRule,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): asserts ok {
  if (!ok) throw new DomainRuleError(rule, message, details);
}
