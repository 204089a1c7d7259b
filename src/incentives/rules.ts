import { DomainRuleError } from "../core/index.ts";

/**
 * The names of the incentives area's business rules, as carried by `DomainRuleError.rule` (the engine's own rules are
 * in `incentiveEngineRules`).
 *
 * @example
 * ```ts
 * if (isDomainRuleError(e) && e.rule === incentiveRules.statementLocked) showAdjustmentHint();
 * ```
 */
export const incentiveRules = Object.freeze({
  /** A plan id is published once; later versions are revisions. */
  planAlreadyPublished: "plan_already_published",
  /** Revising or assigning needs a published plan. */
  planNotPublished: "plan_not_published",
  /** A command's plan must be the stream's plan. */
  planMismatch: "plan_mismatch",
  /** Each version number is published once, and a revision's version is above every earlier one. */
  planVersionExists: "plan_version_exists",
  /** Versions share currency, calendar and period kind, so one engine run can use them all. */
  planVersionsIncompatible: "plan_versions_incompatible",
  /** A rep's assignments to one plan never overlap. */
  assignmentOverlaps: "assignment_overlaps",
  /** An assignment's last day is on or after its first. */
  assignmentEndsBeforeStart: "assignment_ends_before_start",
  /** Ending an assignment needs an assignment that exists. */
  assignmentNotFound: "assignment_not_found",
  /** A command's plan and period must be the period stream's. */
  periodStreamMismatch: "period_stream_mismatch",
  /** A closed period is closed once, and takes no manual adjustment: post it to the open period. */
  periodAlreadyClosed: "period_already_closed",
  /** Statements are approved and locked only after their period is closed. */
  periodNotClosed: "period_not_closed",
  /** A locked statement never changes: no new approval, lock or adjustment. */
  statementLocked: "statement_locked",
  /** Locking needs an approval. */
  statementNotApproved: "statement_not_approved",
  /** The statement locked is the one approved: same total. */
  statementChangedSinceApproval: "statement_changed_since_approval",
  /** A locked statement is the rep's, for the stream's plan and period, and its total is the statement plus its adjustments. */
  statementMismatch: "statement_mismatch",
  /** Nobody approves their own pay: approver and payee differ. */
  approverIsPayee: "approver_is_payee",
  /** Manual adjustments, plan revisions and dispute resolutions state a reason that is not blank. */
  adjustmentRequiresReason: "adjustment_requires_reason",
  /** A manual adjustment moves money: zero is refused. */
  adjustmentIsZero: "adjustment_is_zero",
  /** A dispute id is raised once. */
  disputeExists: "dispute_exists",
  /** Only an open dispute is resolved. */
  disputeNotOpen: "dispute_not_open",
  /** A rejected dispute adjusts nothing. */
  rejectedDisputeAdjusts: "rejected_dispute_adjusts",
  /** Badges are awarded at the period's end, not before. */
  badgePeriodNotEnded: "badge_period_not_ended",
  /** A rep's badge stream holds only that rep's awards. */
  awardForOtherRep: "award_for_other_rep",
  /** A contest id is opened once. */
  contestExists: "contest_exists",
  /** A contest ends after it starts. */
  contestEndsBeforeStart: "contest_ends_before_start",
  /** Only an open contest is closed. */
  contestNotOpen: "contest_not_open",
  /** A contest is closed at or after its end. */
  contestNotEnded: "contest_not_ended",
  /** A contest's results name each rep once. */
  duplicateContestEntry: "duplicate_contest_entry",
} as const);

/**
 * A rule name of the incentives area.
 *
 * @example
 * ```ts
 * const rule: IncentiveRule = "statement_locked";
 * ```
 */
export type IncentiveRule = (typeof incentiveRules)[keyof typeof incentiveRules];

/**
 * Throws a {@link DomainRuleError} naming `rule` unless `condition` holds.
 *
 * @param condition - What the rule requires.
 * @param rule - The rule's name.
 * @param message - The refusal, prefixed with the decider's name, e.g. `"payPeriod: 2026-01 is already closed"`.
 * @param details - Facts for the caller.
 * @throws {@link DomainRuleError} when `condition` is false.
 * @example
 * ```ts
 * requireIncentiveRule(!state.closed, "period_already_closed", "payPeriod: 2026-01 is already closed");
 * ```
 */
export function requireIncentiveRule(
  condition: unknown,
  rule: IncentiveRule,
  message: string,
  details?: Record<string, unknown>,
): asserts condition {
  if (!condition) throw new DomainRuleError(rule, message, details);
}

/**
 * Refuses a blank reason (empty once trimmed).
 *
 * @param who - The decider, for the message.
 * @param reason - The reason given.
 * @throws {@link DomainRuleError} `adjustment_requires_reason`.
 * @example
 * ```ts
 * requireReason("payPeriod", command.data.reason);
 * ```
 */
export function requireReason(who: string, reason: string): void {
  requireIncentiveRule(
    reason.trim().length > 0,
    incentiveRules.adjustmentRequiresReason,
    `${who}: an adjustment states its reason`,
  );
}
