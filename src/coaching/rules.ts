import { DomainRuleError } from "../core/index.ts";

/**
 * The names of every business rule of the coaching area, as `DomainRuleError.rule` carries them.
 *
 * - Meeting series: `series_already_created`, `series_not_found`, `series_attendees_invalid` (a 1:1 has exactly two
 *   distinct attendees; the owner attends), `meeting_already_held`, `meeting_out_of_order` (meetings are held in date
 *   order, so items carry forward into the next one);
 * - Action items: `action_item_exists`, `meeting_unknown`, `action_item_unknown`, `action_item_closed` (a completed or
 *   cancelled item is final);
 * - Coaching notes: `note_already_recorded`, `note_link_required`, `note_not_found`, `no_follow_up`,
 *   `follow_up_already_done`;
 * - Resource requests: `request_already_made`, `request_not_found`, `request_closed`, `helper_is_requester`,
 *   `request_already_accepted`, `request_not_accepted`.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(e) && e.rule === coachingRules.actionItemClosed) refresh();
 * ```
 */
export const coachingRules = Object.freeze({
  seriesAlreadyCreated: "series_already_created",
  seriesNotFound: "series_not_found",
  seriesAttendeesInvalid: "series_attendees_invalid",
  meetingAlreadyHeld: "meeting_already_held",
  meetingOutOfOrder: "meeting_out_of_order",
  actionItemExists: "action_item_exists",
  meetingUnknown: "meeting_unknown",
  actionItemUnknown: "action_item_unknown",
  actionItemClosed: "action_item_closed",
  noteAlreadyRecorded: "note_already_recorded",
  noteLinkRequired: "note_link_required",
  noteNotFound: "note_not_found",
  noFollowUp: "no_follow_up",
  followUpAlreadyDone: "follow_up_already_done",
  requestAlreadyMade: "request_already_made",
  requestNotFound: "request_not_found",
  requestClosed: "request_closed",
  helperIsRequester: "helper_is_requester",
  requestAlreadyAccepted: "request_already_accepted",
  requestNotAccepted: "request_not_accepted",
} as const);

/**
 * The name of a rule of the coaching area.
 *
 * @example
 * ```ts
 * const r: CoachingRule = "action_item_closed";
 * ```
 */
export type CoachingRule = (typeof coachingRules)[keyof typeof coachingRules];

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
 * requireCoachingRule(item !== undefined, "action_item_unknown", "meetingSeries: no action a9");
 * ```
 */
export function requireCoachingRule(
  ok: boolean,
  rule: CoachingRule,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): asserts ok {
  if (!ok) throw new DomainRuleError(rule, message, details);
}
