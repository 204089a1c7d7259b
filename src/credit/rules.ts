import { DomainRuleError } from "../core/index.ts";

/**
 * The names of the credit area's business rules, as carried by `DomainRuleError.rule`.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(error) && error.rule === creditRules.revenue_splits_total_100_percent) fixSplits();
 * ```
 */
export const creditRules = Object.freeze({
  /** A deal or order is credited once; corrections are reversals. */
  credit_already_assigned: "credit_already_assigned",
  /** A reversal needs credits to reverse. */
  credit_not_assigned: "credit_not_assigned",
  /** A command's deal or order must be the stream's source. */
  credit_source_matches: "credit_source_matches",
  /** Revenue splits total exactly 10,000 basis points (100 %). */
  revenue_splits_total_100_percent: "revenue_splits_total_100_percent",
  /** A rep appears at most once among the revenue splits, and at most once among the overlay splits. */
  split_reps_unique: "split_reps_unique",
  /** The account owner at the time of the sale holds a revenue split. */
  owner_in_revenue_split: "owner_in_revenue_split",
  /** The ownership fact must have taken effect at or before the sale (half-open: from `effectiveFrom` on). */
  owner_effective_at_sale: "owner_effective_at_sale",
  /** A credited amount is zero or more. */
  credit_amount_not_negative: "credit_amount_not_negative",
  /** A source is credited in one currency (margins included). */
  credit_single_currency: "credit_single_currency",
  /** Order lines are distinct, and a reversal names a credited line (order) or none (deal). */
  credit_line_not_found: "credit_line_not_found",
  /** A reversal is a negative amount: refunds and cancellations are never positive credits. */
  reversal_negative: "reversal_negative",
  /** A reversal never exceeds what remains credited on the line. */
  reversal_within_credited: "reversal_within_credited",
  /** An adjustment is reversed once. */
  reversal_once: "reversal_once",
} as const);

/**
 * The name of a credit-area rule.
 *
 * @example
 * ```ts
 * const rule: CreditRule = "owner_in_revenue_split";
 * ```
 */
export type CreditRule = keyof typeof creditRules;

/**
 * Refuses a command when a condition fails.
 *
 * @param ok - The condition that must hold.
 * @param rule - The rule's name.
 * @param message - What was refused, starting with `credit:`.
 * @param details - Facts for a person or a log.
 * @throws {@link DomainRuleError} with `rule` when `ok` is false.
 * @example
 * ```ts
 * requireCreditRule(total === 10_000, "revenue_splits_total_100_percent", "credit: splits total 9,000 bps");
 * ```
 */
export function requireCreditRule(
  ok: boolean,
  rule: CreditRule,
  message: string,
  details: Record<string, unknown> = {},
): asserts ok {
  if (!ok) throw new DomainRuleError(rule, message, details);
}

/**
 * Checks a set of splits: revenue shares total exactly 10,000 bps, reps are unique within each split type, and the
 * owner holds a revenue split.
 *
 * @param ownerId - The account owner at the time of the sale.
 * @param revenue - The revenue splits.
 * @param overlay - The overlay splits.
 * @throws {@link DomainRuleError} `revenue_splits_total_100_percent`, `split_reps_unique` or `owner_in_revenue_split`.
 * @example
 * ```ts
 * requireValidSplits("rep-ana", [{ repId: "rep-ana", shareBps: 6000 }, { repId: "rep-bo", shareBps: 4000 }], []);
 * ```
 */
export function requireValidSplits(
  ownerId: string,
  revenue: readonly { repId: string; shareBps: number }[],
  overlay: readonly { repId: string; shareBps: number }[],
): void {
  const total = revenue.reduce((t, s) => t + s.shareBps, 0);
  requireCreditRule(
    total === 10_000,
    "revenue_splits_total_100_percent",
    `credit: revenue splits total ${total} bps; they must total exactly 10,000 (100 %)`,
    { totalBps: total },
  );
  for (const [kind, list] of [
    ["revenue", revenue],
    ["overlay", overlay],
  ] as const) {
    const reps = list.map((s) => s.repId);
    requireCreditRule(
      new Set(reps).size === reps.length,
      "split_reps_unique",
      `credit: a rep appears twice among the ${kind} splits`,
      { kind, reps },
    );
  }
  requireCreditRule(
    revenue.some((s) => s.repId === ownerId),
    "owner_in_revenue_split",
    `credit: the account owner ${ownerId} holds no revenue split`,
    { ownerId },
  );
}
