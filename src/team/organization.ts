import { toEpochMilliseconds } from "../core/index.ts";
import type { MemberRole, TeamEvent } from "./events.ts";

/**
 * One step of an effective-dated value: `value` holds from `at` (epoch milliseconds) until the next step.
 *
 * @example
 * ```ts
 * const step: TimelineStep<string | null> = { at: Date.parse("2026-07-01T00:00:00Z"), value: "team-east" };
 * ```
 */
export interface TimelineStep<T> {
  /** The first instant the value holds, epoch milliseconds. */
  readonly at: number;
  /** The value. */
  readonly value: T;
}

/**
 * A half-open interval of epoch milliseconds: [`from`, `until`); an absent `until` is open-ended.
 *
 * @example
 * ```ts
 * const spell: Spell = { from: Date.parse("2026-07-01T00:00:00Z") };
 * ```
 */
export interface Spell {
  /** The first instant, epoch milliseconds. */
  readonly from: number;
  /** The first instant after the spell, epoch milliseconds; absent while open. */
  readonly until?: number;
}

/**
 * A leave of absence: a {@link Spell} with its id and reason.
 *
 * @example
 * ```ts
 * const leave: LeaveSpell = { leaveId: "loa-1", from: Date.parse("2026-08-01T00:00:00Z") };
 * ```
 */
export interface LeaveSpell extends Spell {
  /** The leave's id. */
  readonly leaveId: string;
  /** Why, when given. */
  readonly reason?: string;
}

/**
 * Everything known about one member, effective-dated.
 *
 * @example
 * ```ts
 * const ana: MemberRecord | undefined = organization.members["rep-ana"];
 * ```
 */
export interface MemberRecord {
  readonly memberId: string;
  /** The name given at the latest hire. */
  displayName: string;
  /** Employment spells, oldest first; each hire opens one and a termination closes it. */
  employment: Spell[];
  /** Leaves of absence, oldest first. */
  leaves: LeaveSpell[];
  /** The team the member belongs to over time (`null`: none). */
  team: TimelineStep<string | null>[];
  /** Whom the member reports to over time (`null`: nobody). */
  manager: TimelineStep<string | null>[];
  /** The member's roles over time. */
  roles: TimelineStep<MemberRole[]>[];
  /** The member's responsibilities over time. */
  responsibilities: TimelineStep<string[]>[];
}

/**
 * Everything known about one team, effective-dated.
 *
 * @example
 * ```ts
 * const east: TeamRecord | undefined = organization.teams["team-east"];
 * ```
 */
export interface TeamRecord {
  readonly teamId: string;
  name: string;
  /** The instant the team exists from, epoch milliseconds. */
  createdAt: number;
  /** The parent team over time (`null`: a top-level team). */
  parent: TimelineStep<string | null>[];
}

/**
 * The state of a sales organisation: members and teams with their effective-dated history. It is both the
 * organisation decider's state and the `teamDirectory` projection's state.
 *
 * @example
 * ```ts
 * const org: OrganizationState = { members: {}, teams: {} };
 * ```
 */
export interface OrganizationState {
  members: Record<string, MemberRecord>;
  teams: Record<string, TeamRecord>;
}

/**
 * Creates an empty organisation.
 *
 * @returns A fresh state with no members and no teams.
 * @example
 * ```ts
 * const org = emptyOrganization(); // { members: {}, teams: {} }
 * ```
 */
export function emptyOrganization(): OrganizationState {
  return { members: {}, teams: {} };
}

/**
 * The value of a timeline at an instant: the last step whose `at` is at or before it.
 *
 * @param timeline - Steps ordered by `at`.
 * @param ms - The instant, epoch milliseconds.
 * @returns The value, or `undefined` before the first step.
 * @example
 * ```ts
 * valueAt([{ at: 0, value: "a" }, { at: 10, value: "b" }], 10); // "b"
 * ```
 */
export function valueAt<T>(timeline: readonly TimelineStep<T>[], ms: number): T | undefined {
  let found: T | undefined;
  for (const step of timeline) {
    if (step.at > ms) break;
    found = step.value;
  }
  return found;
}

function insertStep<T>(timeline: TimelineStep<T>[], at: number, value: T): void {
  let i = timeline.length;
  while (i > 0 && timeline[i - 1]!.at > at) i--;
  // A step at the same instant as an earlier one replaces it from then on: the later record wins.
  timeline.splice(i, 0, { at, value });
}

/**
 * Where a member stands at an instant: not yet hired, employed, or left.
 *
 * @param member - The member.
 * @param ms - The instant, epoch milliseconds.
 * @returns `"employed"` inside an employment spell, `"left"` after one (and before any rehire), else `"not_hired"`.
 * @example
 * ```ts
 * employmentAt(ana, Date.parse("2026-08-01T00:00:00Z")); // "employed"
 * ```
 */
export function employmentAt(member: MemberRecord, ms: number): "not_hired" | "employed" | "left" {
  let status: "not_hired" | "employed" | "left" = "not_hired";
  for (const spell of member.employment) {
    if (spell.from > ms) break;
    status = spell.until === undefined || ms < spell.until ? "employed" : "left";
  }
  return status;
}

/**
 * The leave of absence a member is on at an instant.
 *
 * @param member - The member.
 * @param ms - The instant, epoch milliseconds.
 * @returns The leave containing the instant, or `undefined`.
 * @example
 * ```ts
 * leaveAt(ana, Date.parse("2026-08-05T00:00:00Z"))?.leaveId; // "loa-1"
 * ```
 */
export function leaveAt(member: MemberRecord, ms: number): LeaveSpell | undefined {
  return member.leaves.find((l) => l.from <= ms && (l.until === undefined || ms < l.until));
}

/**
 * Applies one team event to an organisation state, in place. The projection runs it on its draft; the decider
 * runs it on a copy.
 *
 * @param state - The state to change.
 * @param event - The event.
 * @example
 * ```ts
 * const org = emptyOrganization();
 * applyTeamEvent(org, { type: "TeamCreated", data: { teamId: "t-1", name: "East", effectiveFrom: "2026-01-01T00:00:00Z" } });
 * ```
 */
export function applyTeamEvent(state: OrganizationState, event: TeamEvent): void {
  const at = toEpochMilliseconds(event.data.effectiveFrom);
  switch (event.type) {
    case "MemberHired": {
      const d = event.data;
      const member = (state.members[d.memberId] ??= {
        memberId: d.memberId,
        displayName: d.displayName,
        employment: [],
        leaves: [],
        team: [],
        manager: [],
        roles: [],
        responsibilities: [],
      });
      member.displayName = d.displayName;
      member.employment.push({ from: at });
      insertStep(member.roles, at, [...d.roles]);
      insertStep(member.responsibilities, at, [...d.responsibilities]);
      return;
    }
    case "MemberLeft": {
      const member = state.members[event.data.memberId];
      const last = member?.employment[member.employment.length - 1];
      if (member && last) member.employment[member.employment.length - 1] = { from: last.from, until: at };
      return;
    }
    case "LeaveOfAbsenceStarted": {
      const d = event.data;
      const leave: LeaveSpell =
        d.reason === undefined ? { leaveId: d.leaveId, from: at } : { leaveId: d.leaveId, from: at, reason: d.reason };
      state.members[d.memberId]?.leaves.push(leave);
      state.members[d.memberId]?.leaves.sort((a, b) => a.from - b.from);
      return;
    }
    case "LeaveOfAbsenceEnded": {
      const leaves = state.members[event.data.memberId]?.leaves;
      const i = leaves?.findIndex((l) => l.leaveId === event.data.leaveId) ?? -1;
      if (leaves && i >= 0) leaves[i] = { ...leaves[i]!, until: at };
      return;
    }
    case "TeamCreated": {
      const d = event.data;
      state.teams[d.teamId] = {
        teamId: d.teamId,
        name: d.name,
        createdAt: at,
        parent: [{ at, value: d.parentTeamId ?? null }],
      };
      return;
    }
    case "TeamParentChanged": {
      const team = state.teams[event.data.teamId];
      if (team) insertStep(team.parent, at, event.data.parentTeamId);
      return;
    }
    case "TeamMembershipChanged": {
      const member = state.members[event.data.memberId];
      if (member) insertStep(member.team, at, event.data.teamId);
      return;
    }
    case "ManagerChanged": {
      const member = state.members[event.data.memberId];
      if (member) insertStep(member.manager, at, event.data.managerId);
      return;
    }
    case "RolesChanged": {
      const member = state.members[event.data.memberId];
      if (member) insertStep(member.roles, at, [...event.data.roles]);
      return;
    }
    case "ResponsibilitiesChanged": {
      const member = state.members[event.data.memberId];
      if (member) insertStep(member.responsibilities, at, [...event.data.responsibilities]);
      return;
    }
    default: {
      // Every event type is handled above; anything else (a newer event type) leaves the state as it is.
      const _exhaustive: never = event;
      return;
    }
  }
}

/**
 * Applies one team event without touching the given state: the records the event changes are copied first.
 *
 * @param state - The state before the event; left unchanged.
 * @param event - The event.
 * @returns The state after the event.
 * @example
 * ```ts
 * const next = evolveOrganization(emptyOrganization(), hired);
 * ```
 */
export function evolveOrganization(state: OrganizationState, event: TeamEvent): OrganizationState {
  const next: OrganizationState = { members: { ...state.members }, teams: { ...state.teams } };
  const data = event.data as { memberId?: string; teamId?: string | null };
  if (data.memberId !== undefined && next.members[data.memberId]) {
    next.members[data.memberId] = structuredClone(next.members[data.memberId]!);
  }
  if (event.type !== "TeamMembershipChanged" && typeof data.teamId === "string" && next.teams[data.teamId]) {
    next.teams[data.teamId] = structuredClone(next.teams[data.teamId]!);
  }
  applyTeamEvent(next, event);
  return next;
}
