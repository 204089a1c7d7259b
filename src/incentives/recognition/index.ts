// Recognition (source article §3.2): badges from declarative rules, leaderboards, contests with prizes.
export {
  attainmentOf,
  defineBadges,
  evaluateBadges,
  type PeriodFacts,
  type RepPeriodFacts,
} from "./badges.ts";
export { type ContestOutcome, contestOutcome } from "./contests.ts";
export { type LeaderboardOptions, type LeaderboardRow, leaderboard } from "./leaderboard.ts";
export {
  type BadgeAward,
  type BadgeDefinition,
  badgeAwardSchema,
  badgeDefinitionSchema,
  type Contest,
  contestSchema,
  type MetricEntry,
  metricEntrySchema,
  type Prize,
  prizeSchema,
  recognitionIdSchema,
} from "./schemas.ts";
