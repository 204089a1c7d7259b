import { type Instant, toEpochMilliseconds } from "../../core/index.ts";
import { employmentAt, type OrganizationState, valueAt } from "../organization.ts";

/**
 * The chain of managers above a member as of an instant, nearest first. It stops at a member with no manager; the
 * organisation decider keeps reporting lines acyclic, and the walk also stops if it ever meets a member twice.
 *
 * @param state - The team directory (or the organisation decider's state).
 * @param memberId - The member.
 * @param instant - The instant.
 * @returns Manager ids, the direct manager first; empty when the member reports to nobody or is unknown.
 * @throws {@link ValidationError} `invalid_instant` for a malformed instant.
 * @example
 * ```ts
 * managerChainAsOf(directory, "rep-ana", "2026-08-01T00:00:00.000Z"); // ["mgr-li", "vp-zhao"]
 * ```
 */
export function managerChainAsOf(state: OrganizationState, memberId: string, instant: Instant): string[] {
  const ms = toEpochMilliseconds(instant, "managerChainAsOf");
  const chain: string[] = [];
  const seen = new Set([memberId]);
  for (let id = valueAt(state.members[memberId]?.manager ?? [], ms); id; ) {
    if (seen.has(id)) break;
    seen.add(id);
    chain.push(id);
    id = valueAt(state.members[id]?.manager ?? [], ms);
  }
  return chain;
}

/**
 * A team and what is under it as of an instant.
 *
 * @example
 * ```ts
 * const node: TeamNode = { teamId: "team-east", name: "East", memberIds: ["rep-ana"], children: [] };
 * ```
 */
export interface TeamNode {
  readonly teamId: string;
  readonly name: string;
  /** Members employed at the instant whose team is this one, ordered by id. */
  readonly memberIds: readonly string[];
  /** Sub-teams, ordered by id. */
  readonly children: readonly TeamNode[];
}

/**
 * The team tree as of an instant: top-level teams (no parent, or a parent that does not exist then) with their
 * sub-teams and employed members. Roll-ups sum a team's members and its sub-teams' members.
 *
 * @param state - The team directory (or the organisation decider's state).
 * @param instant - The instant.
 * @returns The top-level teams, ordered by id.
 * @throws {@link ValidationError} `invalid_instant` for a malformed instant.
 * @example
 * ```ts
 * teamTreeAsOf(directory, "2026-08-01T00:00:00.000Z")[0]?.children.map((t) => t.teamId); // ["team-east", "team-west"]
 * ```
 */
export function teamTreeAsOf(state: OrganizationState, instant: Instant): TeamNode[] {
  const ms = toEpochMilliseconds(instant, "teamTreeAsOf");
  const existing = Object.values(state.teams)
    .filter((t) => t.createdAt <= ms)
    .sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
  const exists = new Set(existing.map((t) => t.teamId));
  const members = new Map<string, string[]>();
  for (const m of Object.values(state.members)) {
    const teamId = employmentAt(m, ms) === "employed" ? valueAt(m.team, ms) : undefined;
    if (teamId) members.set(teamId, [...(members.get(teamId) ?? []), m.memberId]);
  }
  const children = new Map<string | null, string[]>();
  for (const t of existing) {
    const parent = valueAt(t.parent, ms) ?? null;
    const key = parent !== null && exists.has(parent) ? parent : null;
    children.set(key, [...(children.get(key) ?? []), t.teamId]);
  }
  const build = (teamId: string, path: Set<string>): TeamNode => ({
    teamId,
    name: state.teams[teamId]!.name,
    memberIds: [...(members.get(teamId) ?? [])].sort(),
    children: (children.get(teamId) ?? []).filter((c) => !path.has(c)).map((c) => build(c, new Set([...path, c]))),
  });
  return (children.get(null) ?? []).map((id) => build(id, new Set([id])));
}

/**
 * The team a member belongs to at an instant and every team above it, nearest first.
 *
 * @param state - The team directory (or the organisation decider's state).
 * @param memberId - The member.
 * @param instant - The instant.
 * @returns Team ids from the member's own team up to the top; empty when the member is in no team then.
 * @throws {@link ValidationError} `invalid_instant` for a malformed instant.
 * @example
 * ```ts
 * teamsOfMemberAsOf(directory, "rep-ana", "2026-08-01T00:00:00.000Z"); // ["team-east", "team-sales"]
 * ```
 */
export function teamsOfMemberAsOf(state: OrganizationState, memberId: string, instant: Instant): string[] {
  const ms = toEpochMilliseconds(instant, "teamsOfMemberAsOf");
  const out: string[] = [];
  for (let id = valueAt(state.members[memberId]?.team ?? [], ms); id; ) {
    const team = state.teams[id];
    if (!team || team.createdAt > ms || out.includes(id)) break;
    out.push(id);
    id = valueAt(team.parent, ms);
  }
  return out;
}
