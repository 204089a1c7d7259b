import type { Prize } from "./schemas.ts";
import type { Contest, MetricEntry } from "./schemas.ts";
import { type LeaderboardRow, leaderboard } from "./leaderboard.ts";

/**
 * A contest's outcome: the standings and the winners with their prizes.
 *
 * @example
 * ```ts
 * const { winners }: ContestOutcome = contestOutcome(contest, results);
 * ```
 */
export interface ContestOutcome {
  readonly standings: readonly { readonly repId: string; readonly value: number; readonly rank: number }[];
  readonly winners: readonly {
    readonly repId: string;
    readonly rank: number;
    readonly prize: Prize;
    readonly reason: "rank" | "target";
  }[];
}

/**
 * Decides a contest's winners from every participant's final value, as Zoho Motivator does at a contest's close:
 * - rank prizes go to the rep at that position of the leaderboard (ties broken as {@link leaderboard} documents, so
 *   each rank prize has exactly one winner); reps below `minValue` are not eligible and leave the place empty;
 * - target prizes go to every rep whose value reaches the target.
 * Winners are listed by rank, then in the contest's prize order.
 *
 * @param contest - The contest.
 * @param results - One entry per participant.
 * @returns Standings (every participant, ranked) and winners.
 * @throws {@link ValidationError} (api `leaderboard`) when a rep appears twice.
 * @example
 * ```ts
 * contestOutcome(contest, [{ repId: "ana", value: 9 }, { repId: "bo", value: 12 }]).winners[0]?.repId; // "bo"
 * ```
 */
export function contestOutcome(contest: Contest, results: readonly MetricEntry[]): ContestOutcome {
  const rows: LeaderboardRow[] = leaderboard(results);
  const eligible = rows.filter((r) => contest.minValue === undefined || r.value >= contest.minValue);
  const winners: { repId: string; rank: number; prize: Prize; reason: "rank" | "target"; order: number }[] = [];
  contest.prizes.forEach((p, order) => {
    if (p.kind === "rank") {
      const row = eligible[p.rank - 1];
      if (row !== undefined) winners.push({ repId: row.repId, rank: row.rank, prize: p.prize, reason: "rank", order });
    } else {
      for (const row of rows.filter((r) => r.value >= p.target)) {
        winners.push({ repId: row.repId, rank: row.rank, prize: p.prize, reason: "target", order });
      }
    }
  });
  winners.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return {
    standings: rows.map((r) => ({ repId: r.repId, value: r.value, rank: r.rank })),
    winners: winners.map(({ order: _order, ...w }) => w),
  };
}
