import { DomainRuleError, toEpochMilliseconds } from "../core/index.ts";
import { MAX_TAGS } from "./values.ts";

/**
 * The names of the customers area's business rules, as carried by `DomainRuleError.rule`.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(error) && error.rule === customerRules.contact_not_found) reloadContacts();
 * ```
 */
export const customerRules = Object.freeze({
  /** A customer is registered once. */
  customer_already_registered: "customer_already_registered",
  /** Every other customer command needs a registered customer. */
  customer_not_registered: "customer_not_registered",
  /** A command's customerId must be the stream's customer. */
  customer_id_matches: "customer_id_matches",
  /** A contact id is added once. */
  contact_already_added: "contact_already_added",
  /** Only a contact of the customer can be removed. */
  contact_not_found: "contact_not_found",
  /** A customer carries at most 50 tags. */
  tag_limit: "tag_limit",
  /** An interaction is logged after it happened, never in advance. */
  interaction_not_in_future: "interaction_not_in_future",
  /** A next-step due date needs a next step. */
  next_step_due_needs_next_step: "next_step_due_needs_next_step",
  /** A survey id is recorded once per customer. */
  survey_recorded_once: "survey_recorded_once",
  /** A survey answer cannot be dated in the future. */
  response_not_in_future: "response_not_in_future",
  /** A ticket id is opened once. */
  ticket_already_opened: "ticket_already_opened",
  /** Every other ticket command needs an opened ticket. */
  ticket_not_opened: "ticket_not_opened",
  /** A resolved ticket must be reopened before it changes or is resolved again. */
  ticket_already_resolved: "ticket_already_resolved",
  /** Only a resolved ticket can be reopened. */
  ticket_not_resolved: "ticket_not_resolved",
  /** A ticket's timestamps never go backwards and never pass the decision time. */
  ticket_time_in_order: "ticket_time_in_order",
} as const);

/**
 * The name of a customers-area rule.
 *
 * @example
 * ```ts
 * const rule: CustomerRule = "tag_limit";
 * ```
 */
export type CustomerRule = keyof typeof customerRules;

/**
 * Refuses a command when a condition fails.
 *
 * @param ok - The condition that must hold.
 * @param rule - The rule's name.
 * @param message - What was refused, starting with the decider's name.
 * @param details - Facts for a person or a log.
 * @throws {@link DomainRuleError} with `rule` when `ok` is false.
 * @example
 * ```ts
 * requireCustomerRule(state.tags.length < 50, "tag_limit", "customer: too many tags");
 * ```
 */
export function requireCustomerRule(
  ok: boolean,
  rule: CustomerRule,
  message: string,
  details: Record<string, unknown> = {},
): asserts ok {
  if (!ok) throw new DomainRuleError(rule, message, details);
}

/**
 * Checks that an instant is not after the decision time.
 *
 * @param rule - `interaction_not_in_future` or `response_not_in_future`.
 * @param at - The instant claimed by the command.
 * @param now - The decision time.
 * @param what - What is dated, for the message.
 * @throws {@link DomainRuleError} when `at` is after `now`.
 * @example
 * ```ts
 * requireNotInFuture("interaction_not_in_future", "2026-07-01T09:00:00Z", context.now, "interaction");
 * ```
 */
export function requireNotInFuture(
  rule: "interaction_not_in_future" | "response_not_in_future",
  at: string,
  now: string,
  what: string,
): void {
  requireCustomerRule(
    toEpochMilliseconds(at) <= toEpochMilliseconds(now),
    rule,
    `customer: the ${what} is dated ${at}, after the decision time ${now}`,
    { at, now },
  );
}

/**
 * Checks that a customer has room for one more tag.
 *
 * @param tags - The current tags.
 * @throws {@link DomainRuleError} `tag_limit` when the customer already has 50.
 * @example
 * ```ts
 * requireTagRoom(state.tags);
 * ```
 */
export function requireTagRoom(tags: readonly string[]): void {
  requireCustomerRule(tags.length < MAX_TAGS, "tag_limit", `customer: a customer carries at most ${MAX_TAGS} tags`, {
    tags: tags.length,
  });
}
