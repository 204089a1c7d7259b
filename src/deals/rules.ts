import { compareCalendarDates, DomainRuleError, type Money } from "../core/index.ts";

/**
 * The names of the deals area's business rules, as carried by `DomainRuleError.rule`.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(error) && error.rule === dealRules.deal_closed) showClosedBanner();
 * ```
 */
export const dealRules = Object.freeze({
  /** A deal id is opened once. */
  deal_already_opened: "deal_already_opened",
  /** Every other deal command needs an opened deal. */
  deal_not_found: "deal_not_found",
  /** A command's dealId must be the stream's deal. */
  deal_id_matches: "deal_id_matches",
  /** A won or lost deal never changes again. */
  deal_closed: "deal_closed",
  /** A stage must be one of the decider's configured stages. */
  stage_unknown: "stage_unknown",
  /** A deal in best_case or commit needs an expected close date. */
  close_date_required: "close_date_required",
  /** Neither the expected nor the actual close date can be before the day the deal opened. */
  close_date_not_before_open: "close_date_not_before_open",
  /** A deal's currency is set when it opens and never changes. */
  amount_currency_fixed: "amount_currency_fixed",
  /** A deal amount is zero or more. */
  amount_not_negative: "amount_not_negative",
  /** A competitor is recorded once per deal. */
  competitor_already_added: "competitor_already_added",
  /** Only a competitor recorded on the deal can be removed or named as the winner. */
  competitor_not_found: "competitor_not_found",
} as const);

/**
 * The name of a deals-area rule.
 *
 * @example
 * ```ts
 * const rule: DealRule = "deal_closed";
 * ```
 */
export type DealRule = keyof typeof dealRules;

/**
 * Refuses a command when a condition fails.
 *
 * @param ok - The condition that must hold.
 * @param rule - The rule's name.
 * @param message - What was refused, starting with `deal:`.
 * @param details - Facts for a person or a log.
 * @throws {@link DomainRuleError} with `rule` when `ok` is false.
 * @example
 * ```ts
 * requireDealRule(state.status === "open", "deal_closed", "deal: d-1 is won");
 * ```
 */
export function requireDealRule(
  ok: boolean,
  rule: DealRule,
  message: string,
  details: Record<string, unknown> = {},
): asserts ok {
  if (!ok) throw new DomainRuleError(rule, message, details);
}

/**
 * Checks a new amount: not negative, and in the deal's currency.
 *
 * @param amount - The new amount.
 * @param currency - The deal's currency, when it already has one.
 * @throws {@link DomainRuleError} `amount_not_negative` or `amount_currency_fixed`.
 * @example
 * ```ts
 * requireValidAmount(money(100, "USD"), "USD");
 * ```
 */
export function requireValidAmount(amount: Money, currency?: string): void {
  requireDealRule(amount.amount >= 0, "amount_not_negative", `deal: the amount ${amount.amount} is negative`, {
    amount,
  });
  requireDealRule(
    currency === undefined || amount.currency === currency,
    "amount_currency_fixed",
    `deal: the deal is in ${currency}; an amount in ${amount.currency} is refused`,
    { currency, got: amount.currency },
  );
}

/**
 * Checks that a close date (expected or actual) is not before the day the deal opened.
 *
 * @param date - The close date.
 * @param openedOn - The day the deal opened.
 * @throws {@link DomainRuleError} `close_date_not_before_open`.
 * @example
 * ```ts
 * requireCloseNotBeforeOpen("2026-09-30", "2026-07-01");
 * ```
 */
export function requireCloseNotBeforeOpen(date: string, openedOn: string): void {
  requireDealRule(
    compareCalendarDates(date, openedOn) >= 0,
    "close_date_not_before_open",
    `deal: the close date ${date} is before the day the deal opened (${openedOn})`,
    { closeDate: date, openedOn },
  );
}

/**
 * Checks that a deal entering best_case or commit has an expected close date.
 *
 * @param category - The forecast category the deal would have.
 * @param closeDate - Its expected close date, if any.
 * @throws {@link DomainRuleError} `close_date_required`.
 * @example
 * ```ts
 * requireCloseDateFor("commit", "2026-09-30");
 * ```
 */
export function requireCloseDateFor(category: string, closeDate: string | undefined): void {
  requireDealRule(
    closeDate !== undefined || (category !== "best_case" && category !== "commit"),
    "close_date_required",
    `deal: a deal in ${category} needs an expected close date`,
    { forecastCategory: category },
  );
}
