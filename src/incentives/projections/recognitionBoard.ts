import { defineProjection } from "../../core/index.ts";
import { incentivesEvents } from "../events.ts";
import type { Contest, Prize } from "../recognition/schemas.ts";

/**
 * The state of {@link recognitionBoard}: each rep's badges in the order awarded, each period's awards, and every
 * contest with its winners once closed.
 *
 * @example
 * ```ts
 * state.badgesByRep["rep-ana"]?.map((b) => b.name);
 * ```
 */
export interface RecognitionBoardState {
  readonly badgesByRep: Record<
    string,
    { badgeId: string; name: string; periodId: string; evidence: string; awardedAt: string }[]
  >;
  readonly awardsByPeriod: Record<string, { repId: string; badgeId: string; name: string }[]>;
  readonly contests: Record<
    string,
    {
      contest: Contest;
      status: "open" | "closed";
      winners: { repId: string; rank: number; prize: Prize; reason: "rank" | "target" }[];
    }
  >;
}

/**
 * The recognition board (the team-culture wall of source article §3.2, Zoho Motivator's TV): badges per rep and per period, and
 * contests with their winners.
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, recognitionBoard);
 * state.contests["q3-blitz"]?.winners;
 * ```
 */
export const recognitionBoard = /* @__PURE__ */ defineProjection({
  name: "recognitionBoard",
  events: incentivesEvents,
  initialState: (): RecognitionBoardState => ({ badgesByRep: {}, awardsByPeriod: {}, contests: {} }),
  handlers: {
    BadgeAwarded: (s, e) => {
      const { badgeId, name, repId, periodId, evidence, awardedAt } = e.data;
      (s.badgesByRep[repId] ??= []).push({ badgeId, name, periodId, evidence, awardedAt });
      (s.awardsByPeriod[periodId] ??= []).push({ repId, badgeId, name });
    },
    ContestOpened: (s, e) => {
      s.contests[e.data.contest.contestId] = { contest: e.data.contest as never, status: "open", winners: [] };
    },
    ContestClosed: (s, e) => {
      const c = s.contests[e.data.contestId];
      if (c === undefined) return;
      c.status = "closed";
      c.winners = e.data.winners.map((w) => ({ ...w, prize: { ...w.prize } })) as never;
    },
  },
});
