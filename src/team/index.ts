// The team area: reps, managers, teams and reporting lines, effective-dated; roster, hierarchy and participation.
export {
  changeManagerSchema,
  changeResponsibilitiesSchema,
  changeRolesSchema,
  changeTeamMembershipSchema,
  createTeamSchema,
  endLeaveOfAbsenceSchema,
  hireMemberSchema,
  moveTeamSchema,
  startLeaveOfAbsenceSchema,
  type TeamCommand,
  teamCommand,
  terminateMemberSchema,
} from "./commands.ts";
export {
  LeaveOfAbsenceEnded,
  LeaveOfAbsenceStarted,
  ManagerChanged,
  MemberHired,
  MemberLeft,
  type MemberRole,
  memberRoleSchema,
  memberRolesSchema,
  ResponsibilitiesChanged,
  RolesChanged,
  responsibilitiesSchema,
  TeamCreated,
  type TeamEvent,
  TeamMembershipChanged,
  TeamParentChanged,
  teamEvents,
  teamIdSchema,
} from "./events.ts";
export {
  applyTeamEvent,
  emptyOrganization,
  employmentAt,
  evolveOrganization,
  type LeaveSpell,
  leaveAt,
  type MemberRecord,
  type OrganizationState,
  type Spell,
  type TeamRecord,
  type TimelineStep,
  valueAt,
} from "./organization.ts";
export { organizationDecider, organizationStreamId } from "./organizationDecider.ts";
export { teamDirectory } from "./projections/teamDirectory.ts";
export { teamRules } from "./rules.ts";
export { managerChainAsOf, type TeamNode, teamsOfMemberAsOf, teamTreeAsOf } from "./views/hierarchy.ts";
export { type PeriodParticipation, participationIn } from "./views/participation.ts";
export { type RosterEntry, rosterAsOf } from "./views/rosterAsOf.ts";
