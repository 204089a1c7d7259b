import { z } from "zod";
import { instantSchema } from "../core/index.ts";
import { memberRolesSchema, responsibilitiesSchema, teamIdSchema } from "./events.ts";

const reasonSchema = z.string().min(1).max(500);

function command<const T extends string, S extends z.ZodRawShape>(type: T, data: S) {
  return z.strictObject({ type: z.literal(type), data: z.strictObject(data) });
}

/**
 * Hire a member from an instant on, optionally into a team and under a manager (emitted as separate events).
 *
 * @example
 * ```ts
 * hireMemberSchema.parse({ type: "HireMember", data: { memberId: "rep-ana", displayName: "Ana", roles: ["rep"], teamId: "team-east", effectiveFrom: "2026-07-01T00:00:00.000Z" } });
 * ```
 */
export const hireMemberSchema = command("HireMember", {
  memberId: teamIdSchema,
  displayName: z.string().min(1).max(200),
  roles: memberRolesSchema,
  responsibilities: responsibilitiesSchema.optional(),
  teamId: teamIdSchema.optional(),
  managerId: teamIdSchema.optional(),
  effectiveFrom: instantSchema,
});

/**
 * Record that a member leaves the organisation from an instant on (termination).
 *
 * @example
 * ```ts
 * terminateMemberSchema.parse({ type: "TerminateMember", data: { memberId: "rep-ana", effectiveFrom: "2026-09-16T00:00:00.000Z" } });
 * ```
 */
export const terminateMemberSchema = command("TerminateMember", {
  memberId: teamIdSchema,
  effectiveFrom: instantSchema,
  reason: reasonSchema.optional(),
});

/**
 * Start a leave of absence; with `until`, its end is recorded at once.
 *
 * @example
 * ```ts
 * startLeaveOfAbsenceSchema.parse({ type: "StartLeaveOfAbsence", data: { memberId: "rep-ana", leaveId: "loa-1", effectiveFrom: "2026-08-01T00:00:00.000Z", until: "2026-08-15T00:00:00.000Z" } });
 * ```
 */
export const startLeaveOfAbsenceSchema = command("StartLeaveOfAbsence", {
  memberId: teamIdSchema,
  leaveId: teamIdSchema,
  effectiveFrom: instantSchema,
  until: instantSchema.optional(),
  reason: reasonSchema.optional(),
});

/**
 * End an open leave of absence: the member is active again from `effectiveFrom` on.
 *
 * @example
 * ```ts
 * endLeaveOfAbsenceSchema.parse({ type: "EndLeaveOfAbsence", data: { memberId: "rep-ana", leaveId: "loa-1", effectiveFrom: "2026-08-15T00:00:00.000Z" } });
 * ```
 */
export const endLeaveOfAbsenceSchema = command("EndLeaveOfAbsence", {
  memberId: teamIdSchema,
  leaveId: teamIdSchema,
  effectiveFrom: instantSchema,
});

/**
 * Create a team, optionally under a parent team.
 *
 * @example
 * ```ts
 * createTeamSchema.parse({ type: "CreateTeam", data: { teamId: "team-east", name: "East", effectiveFrom: "2026-01-01T00:00:00.000Z" } });
 * ```
 */
export const createTeamSchema = command("CreateTeam", {
  teamId: teamIdSchema,
  name: z.string().min(1).max(200),
  parentTeamId: teamIdSchema.optional(),
  effectiveFrom: instantSchema,
});

/**
 * Move a team under another parent (or to the top with `null`) from an instant on.
 *
 * @example
 * ```ts
 * moveTeamSchema.parse({ type: "MoveTeam", data: { teamId: "team-east", parentTeamId: null, effectiveFrom: "2026-10-01T00:00:00.000Z" } });
 * ```
 */
export const moveTeamSchema = command("MoveTeam", {
  teamId: teamIdSchema,
  parentTeamId: teamIdSchema.nullable(),
  effectiveFrom: instantSchema,
});

/**
 * Put a member in a team (or in none with `null`) from an instant on.
 *
 * @example
 * ```ts
 * changeTeamMembershipSchema.parse({ type: "ChangeTeamMembership", data: { memberId: "rep-ana", teamId: "team-west", effectiveFrom: "2026-10-01T00:00:00.000Z" } });
 * ```
 */
export const changeTeamMembershipSchema = command("ChangeTeamMembership", {
  memberId: teamIdSchema,
  teamId: teamIdSchema.nullable(),
  effectiveFrom: instantSchema,
});

/**
 * Change whom a member reports to (or nobody with `null`) from an instant on.
 *
 * @example
 * ```ts
 * changeManagerSchema.parse({ type: "ChangeManager", data: { memberId: "rep-ana", managerId: "mgr-li", effectiveFrom: "2026-07-01T00:00:00.000Z" } });
 * ```
 */
export const changeManagerSchema = command("ChangeManager", {
  memberId: teamIdSchema,
  managerId: teamIdSchema.nullable(),
  effectiveFrom: instantSchema,
});

/**
 * Replace a member's roles from an instant on.
 *
 * @example
 * ```ts
 * changeRolesSchema.parse({ type: "ChangeRoles", data: { memberId: "rep-ana", roles: ["rep", "manager"], effectiveFrom: "2026-10-01T00:00:00.000Z" } });
 * ```
 */
export const changeRolesSchema = command("ChangeRoles", {
  memberId: teamIdSchema,
  roles: memberRolesSchema,
  effectiveFrom: instantSchema,
});

/**
 * Replace a member's responsibilities from an instant on.
 *
 * @example
 * ```ts
 * changeResponsibilitiesSchema.parse({ type: "ChangeResponsibilities", data: { memberId: "rep-ana", responsibilities: ["Key accounts"], effectiveFrom: "2026-07-01T00:00:00.000Z" } });
 * ```
 */
export const changeResponsibilitiesSchema = command("ChangeResponsibilities", {
  memberId: teamIdSchema,
  responsibilities: responsibilitiesSchema,
  effectiveFrom: instantSchema,
});

/**
 * Every command of the organisation decider, discriminated by `type`.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: organizationDecider, commands: teamCommand });
 * ```
 */
export const teamCommand = z.discriminatedUnion("type", [
  hireMemberSchema,
  terminateMemberSchema,
  startLeaveOfAbsenceSchema,
  endLeaveOfAbsenceSchema,
  createTeamSchema,
  moveTeamSchema,
  changeTeamMembershipSchema,
  changeManagerSchema,
  changeRolesSchema,
  changeResponsibilitiesSchema,
]);

/**
 * A command of the organisation decider.
 *
 * @example
 * ```ts
 * const c: TeamCommand = { type: "TerminateMember", data: { memberId: "rep-ana", effectiveFrom: "2026-09-16T00:00:00.000Z" } };
 * ```
 */
export type TeamCommand = z.infer<typeof teamCommand>;
