import { toEpochMilliseconds, ValidationError } from "../../core/index.ts";
import type { MetricEntry } from "./schemas.ts";

/**
 * One row of a leaderboard. `rank` is the row's position (1, 2, 3…, unique, after the tie-break); `sharedRank` is
 * the standard competition rank, equal for equal values (1, 1, 3); `tied` says the value equals a neighbour's, so the
 * position came from the tie-break.
 *
 * @example
 * ```ts
 * const row: LeaderboardRow = { rank: 1, sharedRank: 1, tied: false, repId: "rep-ana", value: 4_200_000 };
 * ```
 */
export interface LeaderboardRow {
  readonly rank: number;
  readonly sharedRank: number;
  readonly tied: boolean;
  readonly repId: string;
  readonly value: number;
  readonly reachedAt?: string;
}

/**
 * Options of {@link leaderboard}.
 *
 * @example
 * ```ts
 * const options: LeaderboardOptions = { order: "asc", limit: 10 }; // e.g. days to close: lower is better
 * ```
 */
export interface LeaderboardOptions {
  /** `desc` (default): higher values rank first; `asc`: lower values rank first. */
  readonly order?: "asc" | "desc";
  /** Keep only the first `limit` rows. */
  readonly limit?: number;
}

/**
 * Ranks reps on one metric. Ties are broken deterministically, in this order:
 * 1. the value (higher first, or lower first with `order: "asc"`);
 * 2. who reached it first: the earlier `reachedAt` (an entry without `reachedAt` comes after those with one);
 * 3. the rep id, in ascending code-unit order (plain `<`, no locale).
 * The input order never matters.
 *
 * @param entries - One entry per rep.
 * @param options - The order and a limit.
 * @returns The rows, best first.
 * @throws {@link ValidationError} (api `leaderboard`) when a rep appears twice or a value is not a safe integer.
 * @example
 * ```ts
 * leaderboard([{ repId: "bo", value: 5 }, { repId: "ana", value: 5 }, { repId: "cy", value: 7 }]);
 * // cy rank 1; ana rank 2 (sharedRank 2, tied); bo rank 3 (sharedRank 2, tied)
 * ```
 */
export function leaderboard(entries: readonly MetricEntry[], options: LeaderboardOptions = {}): LeaderboardRow[] {
  const seen = new Set<string>();
  const issues: { code: string; path: PropertyKey[]; message: string }[] = [];
  entries.forEach((e, i) => {
    if (seen.has(e.repId))
      issues.push({ code: "duplicate_entry", path: ["entries", i, "repId"], message: `${e.repId} appears twice` });
    if (!Number.isSafeInteger(e.value))
      issues.push({ code: "invalid_integer", path: ["entries", i, "value"], message: "a value is a safe integer" });
    seen.add(e.repId);
  });
  if (issues.length > 0) throw new ValidationError("leaderboard", issues);
  const sign = options.order === "asc" ? 1 : -1;
  const at = (e: MetricEntry) =>
    e.reachedAt === undefined ? Number.POSITIVE_INFINITY : toEpochMilliseconds(e.reachedAt);
  const sorted = [...entries].sort(
    (a, b) => sign * (a.value - b.value) || at(a) - at(b) || (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0),
  );
  const rows: LeaderboardRow[] = [];
  sorted.forEach((e, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const sharedRank =
      prev !== undefined && prev.value === e.value ? (rows[i - 1] as LeaderboardRow).sharedRank : i + 1;
    rows.push({
      rank: i + 1,
      sharedRank,
      tied: prev?.value === e.value || next?.value === e.value,
      repId: e.repId,
      value: e.value,
      ...(e.reachedAt !== undefined && { reachedAt: e.reachedAt }),
    });
  });
  return options.limit === undefined ? rows : rows.slice(0, options.limit);
}
