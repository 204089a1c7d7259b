import { DomainRuleError } from "../core/index.ts";

/**
 * The names of every business rule of the market area, as `DomainRuleError.rule` carries them.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(e) && e.rule === marketRules.feedbackLinkRequired) askForALink();
 * ```
 */
export const marketRules = Object.freeze({
  feedbackAlreadyRecorded: "feedback_already_recorded",
  feedbackLinkRequired: "feedback_link_required",
  competitorRequired: "competitor_required",
  priceSignalNeedsFigure: "price_signal_needs_figure",
  observedInFuture: "observed_in_future",
  feedbackNotFound: "feedback_not_found",
  feedbackAlreadyRetracted: "feedback_already_retracted",
} as const);

/**
 * The name of a rule of the market area.
 *
 * @example
 * ```ts
 * const r: MarketRule = "competitor_required";
 * ```
 */
export type MarketRule = (typeof marketRules)[keyof typeof marketRules];

/**
 * Throws the named rule unless `ok` holds.
 *
 * @param ok - The condition the rule requires.
 * @param rule - The rule's name.
 * @param message - What was refused and why.
 * @param details - Facts about the violation.
 * @throws {@link DomainRuleError} with `rule` when `ok` is false.
 * @example
 * ```ts
 * requireMarketRule(links.length > 0, "feedback_link_required", "marketFeedback: link a customer, deal or product");
 * ```
 */
export function requireMarketRule(
  ok: boolean,
  rule: MarketRule,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): asserts ok {
  if (!ok) throw new DomainRuleError(rule, message, details);
}
