import { defineProjection } from "../../core/index.ts";
import { teamEvents } from "../events.ts";
import { applyTeamEvent, emptyOrganization } from "../organization.ts";

/**
 * The team directory: every member and team with their effective-dated history, folded from the team events.
 * Its state is an `OrganizationState`, read with `rosterAsOf`, `managerChainAsOf`, `teamTreeAsOf` and
 * `participationIn`. Member and team ids are assumed unique across the organisations folded together.
 *
 * @example
 * ```ts
 * const directory = fold(teamDirectory, events);
 * rosterAsOf(directory, "2026-08-01T00:00:00.000Z");
 * ```
 */
export const teamDirectory = /* @__PURE__ */ defineProjection({
  name: "teamDirectory",
  events: teamEvents,
  initialState: emptyOrganization,
  handlers: {
    MemberHired: (draft, e) => applyTeamEvent(draft, e),
    MemberLeft: (draft, e) => applyTeamEvent(draft, e),
    LeaveOfAbsenceStarted: (draft, e) => applyTeamEvent(draft, e),
    LeaveOfAbsenceEnded: (draft, e) => applyTeamEvent(draft, e),
    TeamCreated: (draft, e) => applyTeamEvent(draft, e),
    TeamParentChanged: (draft, e) => applyTeamEvent(draft, e),
    TeamMembershipChanged: (draft, e) => applyTeamEvent(draft, e),
    ManagerChanged: (draft, e) => applyTeamEvent(draft, e),
    RolesChanged: (draft, e) => applyTeamEvent(draft, e),
    ResponsibilitiesChanged: (draft, e) => applyTeamEvent(draft, e),
  },
});
