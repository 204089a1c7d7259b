import { type Decider, toEpochMilliseconds } from "../core/index.ts";
import type { BadgeCommand } from "./commands.ts";
import type { IncentiveEvent } from "./events.ts";
import { incentiveRules, requireIncentiveRule } from "./rules.ts";

const WHO = "badges";

/**
 * What the badge decider remembers of one rep: whose stream it is and the award keys already given.
 *
 * @example
 * ```ts
 * const s: BadgeState = { repId: "rep-ana", awarded: ["first|rep-ana"] };
 * ```
 */
export interface BadgeState {
  readonly repId: string | undefined;
  readonly awarded: readonly string[];
}

/**
 * The stream id of a rep's badges.
 *
 * @param repId - The rep.
 * @returns `incentive-badges-<repId>`.
 * @example
 * ```ts
 * await handler.handle(badgeStreamId(award.repId), { type: "AwardBadge", data: { award } });
 * ```
 */
export function badgeStreamId(repId: string): string {
  return `incentive-badges-${repId}`;
}

type Events = Extract<IncentiveEvent, { type: "BadgeAwarded" }>;

/**
 * The badge decider: awards a badge at its period's end, idempotently. An award whose `awardKey` was already given
 * produces no event (a retry or a second run of `evaluateBadges` is harmless); an award before the period's end is
 * refused.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: badgeDecider, commands: badgeCommand });
 * ```
 */
export const badgeDecider: Decider<BadgeCommand, Events, BadgeState> = {
  name: "badges",
  initialState: () => ({ repId: undefined, awarded: [] }),
  evolve: (state, event) => ({ repId: event.data.repId, awarded: [...state.awarded, event.data.awardKey] }),
  decide: (command, state, { now }) => {
    const { award } = command.data;
    requireIncentiveRule(
      state.repId === undefined || state.repId === award.repId,
      incentiveRules.awardForOtherRep,
      `${WHO}: this stream holds ${state.repId}'s badges, not ${award.repId}'s`,
      { repId: award.repId },
    );
    if (state.awarded.includes(award.awardKey)) return [];
    requireIncentiveRule(
      toEpochMilliseconds(now) >= toEpochMilliseconds(award.periodEnd),
      incentiveRules.badgePeriodNotEnded,
      `${WHO}: ${award.periodId} ends at ${award.periodEnd}; badges are awarded at the period's end`,
      { periodId: award.periodId },
    );
    return { type: "BadgeAwarded", data: { ...award, awardedAt: now } };
  },
};
