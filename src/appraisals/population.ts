import type { Instant } from "../core/index.ts";
import { type OrganizationState, rosterAsOf } from "../team/index.ts";
import { inPopulation } from "./cycleDefinition.ts";
import type { Participant, PopulationFilter } from "./values.ts";

/**
 * The participants of a cycle, resolved from the team directory as of an instant: every member employed then (on
 * leave included) who has a manager and matches the population filter (teams, roles).
 *
 * @param directory - The team directory state.
 * @param filter - The population filter.
 * @param asOf - The instant (typically the cycle's opening).
 * @returns The participants, ordered by rep id.
 * @throws {@link ValidationError} `invalid_instant` from the team area.
 * @example
 * ```ts
 * const participants = participantsAsOf(directory, { teamIds: ["team-east"], roles: ["rep"] }, "2026-09-20T00:00:00.000Z");
 * ```
 */
export function participantsAsOf(directory: OrganizationState, filter: PopulationFilter, asOf: Instant): Participant[] {
  return rosterAsOf(directory, asOf)
    .filter((m) => m.managerId !== null)
    .map((m) => ({ repId: m.memberId, managerId: m.managerId!, teamId: m.teamId, roles: [...m.roles] }))
    .filter((p) => inPopulation(filter, p));
}
