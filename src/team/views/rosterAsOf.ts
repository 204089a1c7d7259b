import { type Instant, toEpochMilliseconds } from "../../core/index.ts";
import type { MemberRole } from "../events.ts";
import { employmentAt, leaveAt, type OrganizationState, valueAt } from "../organization.ts";

/**
 * One member as of an instant.
 *
 * @example
 * ```ts
 * const entry: RosterEntry = { memberId: "rep-ana", displayName: "Ana", status: "active", roles: ["rep"], responsibilities: [], teamId: "team-east", managerId: "mgr-li" };
 * ```
 */
export interface RosterEntry {
  readonly memberId: string;
  readonly displayName: string;
  /** `active`, or `on_leave` during a leave of absence. */
  readonly status: "active" | "on_leave";
  readonly roles: readonly MemberRole[];
  readonly responsibilities: readonly string[];
  /** The member's team, or `null`. */
  readonly teamId: string | null;
  /** Whom the member reports to, or `null`. */
  readonly managerId: string | null;
  /** The leave of absence the member is on, when `status` is `on_leave`. */
  readonly leaveId?: string;
}

/**
 * The roster as of an instant: every member employed then (hired, not yet left), including those on leave, ordered
 * by member id.
 *
 * @param state - The team directory (or the organisation decider's state).
 * @param instant - The instant.
 * @returns The roster entries.
 * @throws {@link ValidationError} `invalid_instant` for a malformed instant.
 * @example
 * ```ts
 * rosterAsOf(directory, "2026-08-01T00:00:00.000Z").map((m) => `${m.memberId} ${m.status}`);
 * ```
 */
export function rosterAsOf(state: OrganizationState, instant: Instant): RosterEntry[] {
  const ms = toEpochMilliseconds(instant, "rosterAsOf");
  const out: RosterEntry[] = [];
  for (const member of Object.values(state.members)) {
    if (employmentAt(member, ms) !== "employed") continue;
    const leave = leaveAt(member, ms);
    const entry: RosterEntry = {
      memberId: member.memberId,
      displayName: member.displayName,
      status: leave ? "on_leave" : "active",
      roles: valueAt(member.roles, ms) ?? [],
      responsibilities: valueAt(member.responsibilities, ms) ?? [],
      teamId: valueAt(member.team, ms) ?? null,
      managerId: valueAt(member.manager, ms) ?? null,
    };
    out.push(leave ? { ...entry, leaveId: leave.leaveId } : entry);
  }
  return out.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}
