/**
 * The named rules the incentive engine enforces, as thrown in `DomainRuleError.rule`.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(e) && e.rule === incentiveEngineRules.periodClosed) showAdjustmentHint();
 * ```
 */
export const incentiveEngineRules = Object.freeze({
  /** A period with a closed statement is never recalculated; calculate a later period to adjust it. */
  periodClosed: "period_closed",
  /** A period before a closed one cannot be calculated: it is behind closed history. */
  periodBeforeClosedHistory: "period_before_closed_history",
  /** No plan version is effective at the period's start. */
  planNotEffective: "plan_not_effective",
  /** A period does not fit inside one accumulation window of the component. */
  accumulationNotAligned: "accumulation_not_aligned",
} as const);

/**
 * The issue codes of the `ValidationError`s thrown by `definePlan` and the engine, beyond zod's own.
 *
 * @example
 * ```ts
 * error.issues.filter((i) => i.code === incentiveIssueCodes.tierGap);
 * ```
 */
export const incentiveIssueCodes = Object.freeze({
  tierGap: "tier_gap",
  tierOverlap: "tier_overlap",
  tierEmptyRange: "tier_empty_range",
  tierRangeNotCovered: "tier_range_not_covered",
  tierUnboundedInterpolation: "tier_unbounded_interpolation",
  tierPayoutMissing: "tier_payout_missing",
  tierPayoutAmbiguous: "tier_payout_ambiguous",
  tierPayoutMixed: "tier_payout_mixed",
  tierPayoutNotAllowed: "tier_payout_not_allowed",
  acceleratorsNotAscending: "accelerators_not_ascending",
  acceleratorNotApplicable: "accelerator_not_applicable",
  acceleratorRequiresCumulative: "accelerator_requires_cumulative",
  perTransactionAttainment: "per_transaction_attainment",
  duplicateRampPeriod: "duplicate_ramp_period",
  duplicateId: "duplicate_id",
  unknownComponent: "unknown_component",
  invalidScale: "invalid_scale",
  emptySpiffWindow: "empty_spiff_window",
  emptyEffectiveRange: "empty_effective_range",
  invalidEffectiveDate: "invalid_effective_date",
  fiscalNotConfigured: "fiscal_not_configured",
  accumulationNotAligned: "accumulation_not_aligned",
  recoveryOfNonRecoverableDraw: "recovery_of_non_recoverable_draw",
  planVersionsIncompatible: "plan_versions_incompatible",
  quotaMissing: "quota_missing",
  marginMissing: "margin_missing",
  unitsMissing: "units_missing",
  unknownReversedCredit: "unknown_reversed_credit",
  currencyMismatch: "currency_mismatch",
  creditForOtherRep: "credit_for_other_rep",
  duplicateCredit: "duplicate_credit",
  duplicateQuota: "duplicate_quota",
  duplicateStatement: "duplicate_statement",
  statementForOtherRep: "statement_for_other_rep",
  statementForOtherPlan: "statement_for_other_plan",
  scoreOutOfScale: "score_out_of_scale",
  invalidPeriod: "invalid_period",
} as const);
