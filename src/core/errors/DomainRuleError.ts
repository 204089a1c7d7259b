import { _hasCode, SalesfoldError } from "./SalesfoldError.ts";

/**
 * Thrown by a decider when a command breaks a business rule. `rule` is the rule's stable name, such as
 * `goal_locked` or `splits_must_total_100_percent`; each domain area's docs list its rules.
 *
 * @example
 * ```ts
 * import { DomainRuleError } from "salesfold";
 * throw new DomainRuleError("deal_already_closed", "decideDeal: deal d-1 is already won");
 * ```
 */
export class DomainRuleError extends SalesfoldError {
  /** The rule's stable snake_case name. */
  readonly rule: string;
  /** Facts about the violation, for a person or a log. */
  readonly details: Readonly<Record<string, unknown>>;

  /**
   * Creates a domain rule error.
   *
   * @param rule - The rule's stable name.
   * @param message - What was refused and why, naming the API.
   * @param details - Facts about the violation.
   */
  constructor(rule: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super("domain_rule_violated", message);
    this.name = "DomainRuleError";
    this.rule = rule;
    this.details = details;
  }
}

/**
 * Tells whether a value is a {@link DomainRuleError}.
 *
 * @param value - Anything caught.
 * @returns `true` for a salesfold error with code `domain_rule_violated`.
 * @example
 * ```ts
 * if (isDomainRuleError(error) && error.rule === "goal_locked") showLockedBanner();
 * ```
 */
export function isDomainRuleError(value: unknown): value is DomainRuleError {
  return _hasCode(value, "domain_rule_violated");
}
