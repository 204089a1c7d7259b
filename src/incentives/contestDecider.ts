import { type Decider, toEpochMilliseconds } from "../core/index.ts";
import type { ContestCommand } from "./commands.ts";
import type { IncentiveEvent } from "./events.ts";
import { contestOutcome } from "./recognition/contests.ts";
import type { Contest } from "./recognition/schemas.ts";
import { incentiveRules, requireIncentiveRule } from "./rules.ts";

const WHO = "contest";

/**
 * What the contest decider remembers.
 *
 * @example
 * ```ts
 * const s: ContestState = { status: "none" };
 * ```
 */
export type ContestState =
  | { readonly status: "none" }
  | { readonly status: "open" | "closed"; readonly contest: Contest };

/**
 * The stream id of a contest.
 *
 * @param contestId - The contest's id.
 * @returns `incentive-contest-<contestId>`.
 * @example
 * ```ts
 * await handler.handle(contestStreamId("q3-blitz"), { type: "OpenContest", data: { contest } });
 * ```
 */
export function contestStreamId(contestId: string): string {
  return `incentive-contest-${contestId}`;
}

type Events = Extract<IncentiveEvent, { type: "ContestOpened" | "ContestClosed" }>;

/**
 * The contest decider (Zoho Motivator's contests): opens a contest with its metric, dates and prizes, and closes it
 * after its end with the participants' final values; the winners come from {@link contestOutcome}.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: contestDecider, commands: contestCommand });
 * ```
 */
export const contestDecider: Decider<ContestCommand, Events, ContestState> = {
  name: "contest",
  initialState: () => ({ status: "none" }),
  evolve: (state, event) => {
    switch (event.type) {
      case "ContestOpened":
        return { status: "open", contest: event.data.contest };
      case "ContestClosed":
        return state.status === "none" ? state : { ...state, status: "closed" };
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
  decide: (command, state, { now }) => {
    switch (command.type) {
      case "OpenContest": {
        const { contest } = command.data;
        requireIncentiveRule(
          state.status === "none",
          incentiveRules.contestExists,
          `${WHO}: ${contest.contestId} was already opened`,
          {
            contestId: contest.contestId,
          },
        );
        requireIncentiveRule(
          toEpochMilliseconds(contest.to) > toEpochMilliseconds(contest.from),
          incentiveRules.contestEndsBeforeStart,
          `${WHO}: ${contest.contestId} must end after it starts`,
        );
        return { type: "ContestOpened", data: { contest, openedAt: now } };
      }
      case "CloseContest": {
        requireIncentiveRule(
          state.status === "open",
          incentiveRules.contestNotOpen,
          `${WHO}: the contest is ${state.status === "none" ? "not opened" : "already closed"}`,
        );
        const { contest } = state;
        requireIncentiveRule(
          toEpochMilliseconds(now) >= toEpochMilliseconds(contest.to),
          incentiveRules.contestNotEnded,
          `${WHO}: ${contest.contestId} runs until ${contest.to}`,
        );
        const reps = new Set<string>();
        for (const r of command.data.results) {
          requireIncentiveRule(
            !reps.has(r.repId),
            incentiveRules.duplicateContestEntry,
            `${WHO}: ${r.repId} appears twice in the results`,
            {
              repId: r.repId,
            },
          );
          reps.add(r.repId);
        }
        const { standings, winners } = contestOutcome(contest, command.data.results);
        return {
          type: "ContestClosed",
          data: { contestId: contest.contestId, standings: [...standings], winners: [...winners], closedAt: now },
        };
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
