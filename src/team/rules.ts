import { DomainRuleError, toEpochMilliseconds } from "../core/index.ts";
import { employmentAt, type MemberRecord, type OrganizationState, valueAt } from "./organization.ts";

const WHO = "organization";

/**
 * The names of the organisation decider's business rules, as thrown in {@link DomainRuleError.rule}.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(e) && e.rule === teamRules.managerCycle) warn("that would make a reporting loop");
 * ```
 */
export const teamRules = Object.freeze({
  /** A member id can be hired again only after the previous employment ended. */
  memberAlreadyHired: "member_already_hired",
  /** The member is unknown, or not yet hired at the effective instant. */
  memberNotHired: "member_not_hired",
  /** The member has left by the effective instant (or a termination is recorded twice). */
  alreadyLeft: "already_left",
  /** A leave of absence would overlap another leave of the same member. */
  leaveOverlaps: "leave_overlaps",
  /** A leave id is already used by the member. */
  leaveAlreadyExists: "leave_already_exists",
  /** No leave with that id for that member. */
  leaveNotFound: "leave_not_found",
  /** The leave already has an end. */
  leaveAlreadyEnded: "leave_already_ended",
  /** A leave must end strictly after it starts. */
  leaveEndsBeforeStart: "leave_ends_before_start",
  /** A team id is already taken. */
  teamAlreadyExists: "team_already_exists",
  /** The team is unknown, or not yet created at the effective instant. */
  teamNotFound: "team_not_found",
  /** Reporting lines must stay acyclic at every instant (nobody manages themselves, directly or not). */
  managerCycle: "manager_cycle",
  /** The team tree must stay acyclic at every instant. */
  teamCycle: "team_cycle",
} as const);

/**
 * Refuses a command about a member who is not employed at an instant.
 *
 * @param state - The organisation.
 * @param memberId - The member.
 * @param instant - The effective instant (ISO).
 * @param role - How the command refers to the member, for the message (`member`, `manager`).
 * @returns The member.
 * @throws {@link DomainRuleError} `member_not_hired` or `already_left`.
 * @example
 * ```ts
 * const ana = requireEmployed(state, "rep-ana", "2026-07-01T00:00:00.000Z");
 * ```
 */
export function requireEmployed(
  state: OrganizationState,
  memberId: string,
  instant: string,
  role = "member",
): MemberRecord {
  const member = state.members[memberId];
  const status = member ? employmentAt(member, toEpochMilliseconds(instant)) : "not_hired";
  if (status === "not_hired") {
    throw new DomainRuleError(teamRules.memberNotHired, `${WHO}: ${role} ${memberId} is not hired at ${instant}`, {
      memberId,
      effectiveFrom: instant,
    });
  }
  if (status === "left") {
    throw new DomainRuleError(teamRules.alreadyLeft, `${WHO}: ${role} ${memberId} has left by ${instant}`, {
      memberId,
      effectiveFrom: instant,
    });
  }
  return member!;
}

/**
 * Refuses a command about a team that does not exist at an instant.
 *
 * @param state - The organisation.
 * @param teamId - The team.
 * @param instant - The effective instant (ISO).
 * @throws {@link DomainRuleError} `team_not_found`.
 * @example
 * ```ts
 * requireTeam(state, "team-east", "2026-07-01T00:00:00.000Z");
 * ```
 */
export function requireTeam(state: OrganizationState, teamId: string, instant: string): void {
  const team = state.teams[teamId];
  if (!team || team.createdAt > toEpochMilliseconds(instant)) {
    throw new DomainRuleError(teamRules.teamNotFound, `${WHO}: team ${teamId} does not exist at ${instant}`, {
      teamId,
      effectiveFrom: instant,
    });
  }
}

/** The instants at which a graph of timelines may change from `from` on: `from` and every later step. */
function checkpoints(timelines: Iterable<readonly { at: number }[]>, from: number): number[] {
  const out = new Set<number>([from]);
  for (const t of timelines) for (const step of t) if (step.at > from) out.add(step.at);
  return [...out].sort((a, b) => a - b);
}

/** Follows `next` from `start`; returns the cycle's path when it comes back to `start`. */
function loopFrom(start: string, next: (id: string) => string | null | undefined): string[] | undefined {
  const path = [start];
  const seen = new Set(path);
  for (let id = next(start); id; id = next(id)) {
    path.push(id);
    if (id === start) return path;
    if (seen.has(id)) return undefined;
    seen.add(id);
  }
  return undefined;
}

/**
 * Refuses a manager change that would close a reporting loop at its instant or at any later instant where
 * reporting lines already recorded take effect.
 *
 * @param state - The organisation before the change.
 * @param memberId - The member whose manager changes.
 * @param managerId - The new manager, or `null`.
 * @param instant - The effective instant (ISO).
 * @throws {@link DomainRuleError} `manager_cycle`, with the loop in `details.cycle`.
 * @example
 * ```ts
 * assertNoManagerCycle(state, "mgr-li", "rep-ana", "2026-07-01T00:00:00.000Z"); // throws if Ana reports to Li
 * ```
 */
export function assertNoManagerCycle(
  state: OrganizationState,
  memberId: string,
  managerId: string | null,
  instant: string,
): void {
  if (managerId === null) return;
  const at = toEpochMilliseconds(instant);
  const changed = state.members[memberId]?.manager ?? [];
  const others = Object.values(state.members).map((m) => m.manager);
  for (const t of checkpoints(others, at)) {
    // The new step holds from `at` until the member's next recorded step.
    const overridden = !changed.some((s) => s.at > at && s.at <= t);
    const next = (id: string) =>
      id === memberId && overridden ? managerId : valueAt(state.members[id]?.manager ?? [], t);
    const cycle = loopFrom(memberId, next);
    if (cycle) {
      throw new DomainRuleError(
        teamRules.managerCycle,
        `${WHO}: ${memberId} reporting to ${managerId} from ${instant} makes a loop: ${cycle.join(" → ")}`,
        { memberId, managerId, effectiveFrom: instant, cycle },
      );
    }
  }
}

/**
 * Refuses a team move that would make the team tree cyclic at its instant or at any later recorded change.
 *
 * @param state - The organisation before the change.
 * @param teamId - The team that moves.
 * @param parentTeamId - The new parent, or `null`.
 * @param instant - The effective instant (ISO).
 * @throws {@link DomainRuleError} `team_cycle`, with the loop in `details.cycle`.
 * @example
 * ```ts
 * assertNoTeamCycle(state, "team-sales", "team-east", "2026-07-01T00:00:00.000Z"); // throws if East is under Sales
 * ```
 */
export function assertNoTeamCycle(
  state: OrganizationState,
  teamId: string,
  parentTeamId: string | null,
  instant: string,
): void {
  if (parentTeamId === null) return;
  const at = toEpochMilliseconds(instant);
  const changed = state.teams[teamId]?.parent ?? [];
  const others = Object.values(state.teams).map((t) => t.parent);
  for (const t of checkpoints(others, at)) {
    const overridden = !changed.some((s) => s.at > at && s.at <= t);
    const next = (id: string) =>
      id === teamId && overridden ? parentTeamId : valueAt(state.teams[id]?.parent ?? [], t);
    const cycle = loopFrom(teamId, next);
    if (cycle) {
      throw new DomainRuleError(
        teamRules.teamCycle,
        `${WHO}: moving ${teamId} under ${parentTeamId} from ${instant} makes a loop: ${cycle.join(" → ")}`,
        { teamId, parentTeamId, effectiveFrom: instant, cycle },
      );
    }
  }
}

/**
 * Refuses a leave of absence [from, until) that overlaps another leave of the member, or reuses a leave id.
 *
 * @param member - The member.
 * @param leaveId - The new leave's id.
 * @param from - Its first instant (ISO).
 * @param until - Its end (ISO), or `undefined` for open-ended.
 * @throws {@link DomainRuleError} `leave_already_exists`, `leave_ends_before_start` or `leave_overlaps`.
 * @example
 * ```ts
 * assertLeaveFits(ana, "loa-2", "2026-08-10T00:00:00.000Z", undefined);
 * ```
 */
export function assertLeaveFits(member: MemberRecord, leaveId: string, from: string, until: string | undefined): void {
  if (member.leaves.some((l) => l.leaveId === leaveId)) {
    throw new DomainRuleError(teamRules.leaveAlreadyExists, `${WHO}: leave ${leaveId} already exists`, {
      memberId: member.memberId,
      leaveId,
    });
  }
  const start = toEpochMilliseconds(from);
  const end = until === undefined ? Number.POSITIVE_INFINITY : toEpochMilliseconds(until);
  if (end <= start) {
    throw new DomainRuleError(teamRules.leaveEndsBeforeStart, `${WHO}: leave ${leaveId} must end after ${from}`, {
      leaveId,
      effectiveFrom: from,
      until,
    });
  }
  const clash = member.leaves.find((l) => l.from < end && start < (l.until ?? Number.POSITIVE_INFINITY));
  if (clash) {
    throw new DomainRuleError(
      teamRules.leaveOverlaps,
      `${WHO}: leave ${leaveId} of ${member.memberId} overlaps leave ${clash.leaveId}`,
      { memberId: member.memberId, leaveId, overlapsLeaveId: clash.leaveId },
    );
  }
}
