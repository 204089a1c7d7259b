import { type Decider, DomainRuleError, toEpochMilliseconds } from "../core/index.ts";
import type { TeamCommand } from "./commands.ts";
import type { TeamEvent } from "./events.ts";
import { emptyOrganization, evolveOrganization, type OrganizationState } from "./organization.ts";
import {
  assertLeaveFits,
  assertNoManagerCycle,
  assertNoTeamCycle,
  requireEmployed,
  requireTeam,
  teamRules,
} from "./rules.ts";

/**
 * The stream id of a sales organisation: one stream holds its members, teams and reporting lines, so that rules
 * spanning several members (an acyclic hierarchy) are checked against one consistent state.
 *
 * @param organizationId - The organisation's id.
 * @returns `organization-<id>`.
 * @example
 * ```ts
 * await handler.handle(organizationStreamId("acme"), command);
 * ```
 */
export function organizationStreamId(organizationId: string): string {
  return `organization-${organizationId}`;
}

function decide(command: TeamCommand, state: OrganizationState): TeamEvent | TeamEvent[] {
  switch (command.type) {
    case "HireMember": {
      const d = command.data;
      const existing = state.members[d.memberId];
      const last = existing?.employment[existing.employment.length - 1];
      if (last && (last.until === undefined || toEpochMilliseconds(d.effectiveFrom) < last.until)) {
        throw new DomainRuleError(teamRules.memberAlreadyHired, `organization: ${d.memberId} is already hired`, {
          memberId: d.memberId,
        });
      }
      if (d.teamId !== undefined) requireTeam(state, d.teamId, d.effectiveFrom);
      if (d.managerId !== undefined) {
        requireEmployed(state, d.managerId, d.effectiveFrom, "manager");
        assertNoManagerCycle(state, d.memberId, d.managerId, d.effectiveFrom);
      }
      const events: TeamEvent[] = [
        {
          type: "MemberHired",
          data: {
            memberId: d.memberId,
            displayName: d.displayName,
            roles: d.roles,
            responsibilities: d.responsibilities ?? [],
            effectiveFrom: d.effectiveFrom,
          },
        },
      ];
      if (d.teamId !== undefined) {
        const data = { memberId: d.memberId, teamId: d.teamId, effectiveFrom: d.effectiveFrom };
        events.push({ type: "TeamMembershipChanged", data });
      }
      if (d.managerId !== undefined) {
        const data = { memberId: d.memberId, managerId: d.managerId, effectiveFrom: d.effectiveFrom };
        events.push({ type: "ManagerChanged", data });
      }
      return events;
    }
    case "TerminateMember": {
      const d = command.data;
      const member = state.members[d.memberId];
      const last = member?.employment[member.employment.length - 1];
      if (last?.until !== undefined) {
        throw new DomainRuleError(teamRules.alreadyLeft, `organization: ${d.memberId} has already left`, {
          memberId: d.memberId,
        });
      }
      if (!last || toEpochMilliseconds(d.effectiveFrom) <= last.from) {
        throw new DomainRuleError(
          teamRules.memberNotHired,
          `organization: ${d.memberId} is not hired before ${d.effectiveFrom}`,
          { memberId: d.memberId, effectiveFrom: d.effectiveFrom },
        );
      }
      return { type: "MemberLeft", data: d };
    }
    case "StartLeaveOfAbsence": {
      const { until, ...d } = command.data;
      const member = requireEmployed(state, d.memberId, d.effectiveFrom);
      assertLeaveFits(member, d.leaveId, d.effectiveFrom, until);
      const started: TeamEvent = { type: "LeaveOfAbsenceStarted", data: d };
      if (until === undefined) return started;
      const ended = { memberId: d.memberId, leaveId: d.leaveId, effectiveFrom: until };
      return [started, { type: "LeaveOfAbsenceEnded", data: ended }];
    }
    case "EndLeaveOfAbsence": {
      const d = command.data;
      const leave = state.members[d.memberId]?.leaves.find((l) => l.leaveId === d.leaveId);
      if (!leave) {
        throw new DomainRuleError(teamRules.leaveNotFound, `organization: ${d.memberId} has no leave ${d.leaveId}`, {
          memberId: d.memberId,
          leaveId: d.leaveId,
        });
      }
      if (leave.until !== undefined) {
        throw new DomainRuleError(teamRules.leaveAlreadyEnded, `organization: leave ${d.leaveId} has already ended`, {
          leaveId: d.leaveId,
        });
      }
      if (toEpochMilliseconds(d.effectiveFrom) <= leave.from) {
        throw new DomainRuleError(
          teamRules.leaveEndsBeforeStart,
          `organization: leave ${d.leaveId} must end after it starts`,
          { leaveId: d.leaveId, effectiveFrom: d.effectiveFrom },
        );
      }
      return { type: "LeaveOfAbsenceEnded", data: d };
    }
    case "CreateTeam": {
      const d = command.data;
      if (state.teams[d.teamId]) {
        throw new DomainRuleError(teamRules.teamAlreadyExists, `organization: team ${d.teamId} already exists`, {
          teamId: d.teamId,
        });
      }
      if (d.parentTeamId !== undefined) requireTeam(state, d.parentTeamId, d.effectiveFrom);
      return { type: "TeamCreated", data: d };
    }
    case "MoveTeam": {
      const d = command.data;
      requireTeam(state, d.teamId, d.effectiveFrom);
      if (d.parentTeamId !== null) requireTeam(state, d.parentTeamId, d.effectiveFrom);
      assertNoTeamCycle(state, d.teamId, d.parentTeamId, d.effectiveFrom);
      return { type: "TeamParentChanged", data: d };
    }
    case "ChangeTeamMembership": {
      const d = command.data;
      requireEmployed(state, d.memberId, d.effectiveFrom);
      if (d.teamId !== null) requireTeam(state, d.teamId, d.effectiveFrom);
      return { type: "TeamMembershipChanged", data: d };
    }
    case "ChangeManager": {
      const d = command.data;
      requireEmployed(state, d.memberId, d.effectiveFrom);
      if (d.managerId !== null) requireEmployed(state, d.managerId, d.effectiveFrom, "manager");
      assertNoManagerCycle(state, d.memberId, d.managerId, d.effectiveFrom);
      return { type: "ManagerChanged", data: d };
    }
    case "ChangeRoles":
      requireEmployed(state, command.data.memberId, command.data.effectiveFrom);
      return { type: "RolesChanged", data: command.data };
    case "ChangeResponsibilities":
      requireEmployed(state, command.data.memberId, command.data.effectiveFrom);
      return { type: "ResponsibilitiesChanged", data: command.data };
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * The decider of a sales organisation: hires, terminations, leaves of absence, teams, team membership, reporting
 * lines, roles and responsibilities, all effective-dated (half-open, from `effectiveFrom`). Changes may be recorded
 * retroactively or ahead of time; a later-recorded change at the same instant wins.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: organizationDecider, commands: teamCommand });
 * await handler.handle(organizationStreamId("acme"), { type: "CreateTeam", data: { teamId: "team-east", name: "East", effectiveFrom: "2026-01-01T00:00:00.000Z" } });
 * ```
 */
export const organizationDecider: Decider<TeamCommand, TeamEvent, OrganizationState> = {
  name: "organization",
  initialState: emptyOrganization,
  evolve: evolveOrganization,
  decide,
};
