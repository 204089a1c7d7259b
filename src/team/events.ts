import { z } from "zod";
import { createEventCatalog, type EventOf, defineEvent, instantSchema } from "../core/index.ts";

/**
 * The id of a member, team or leave: 1 to 128 characters.
 *
 * @example
 * ```ts
 * teamIdSchema.parse("team-east"); // "team-east"
 * ```
 */
export const teamIdSchema = z.string().min(1).max(128);

/**
 * What a member does in the sales organisation. A member may hold several roles at once (a player-coach is both
 * `rep` and `manager`). Overlay and sales-engineer roles usually receive overlay credit.
 *
 * @example
 * ```ts
 * memberRoleSchema.parse("sales_engineer"); // "sales_engineer"
 * ```
 */
export const memberRoleSchema = z.enum(["rep", "manager", "sales_engineer", "overlay"]);

/**
 * A role in the sales organisation: `rep`, `manager`, `sales_engineer` or `overlay`.
 *
 * @example
 * ```ts
 * const role: MemberRole = "manager";
 * ```
 */
export type MemberRole = z.infer<typeof memberRoleSchema>;

/**
 * A non-empty list of distinct roles.
 *
 * @example
 * ```ts
 * memberRolesSchema.parse(["rep", "manager"]);
 * ```
 */
export const memberRolesSchema = z
  .array(memberRoleSchema)
  .min(1)
  .max(4)
  .refine((roles) => new Set(roles).size === roles.length, { message: "roles are distinct" });

/**
 * A member's responsibilities: free text, at most 50 items of 1 to 200 characters.
 *
 * @example
 * ```ts
 * responsibilitiesSchema.parse(["Key accounts in Shanghai", "Onboard new reps"]);
 * ```
 */
export const responsibilitiesSchema = z.array(z.string().min(1).max(200)).max(50);

/**
 * A member joined the sales organisation from an instant on (half-open: employed from `effectiveFrom`). A member
 * who left may be hired again later; each hire opens a new employment spell.
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "MemberHired", data: { memberId: "rep-ana", displayName: "Ana", roles: ["rep"], responsibilities: [], effectiveFrom: "2026-07-01T00:00:00.000Z" } };
 * ```
 */
export const MemberHired = /* @__PURE__ */ defineEvent(
  "MemberHired",
  z.strictObject({
    memberId: teamIdSchema,
    displayName: z.string().min(1).max(200),
    roles: memberRolesSchema,
    responsibilities: responsibilitiesSchema,
    effectiveFrom: instantSchema,
  }),
);

/**
 * A member left the organisation (termination): from `effectiveFrom` on they are no longer employed.
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "MemberLeft", data: { memberId: "rep-ana", effectiveFrom: "2026-09-16T00:00:00.000Z", reason: "resigned" } };
 * ```
 */
export const MemberLeft = /* @__PURE__ */ defineEvent(
  "MemberLeft",
  z.strictObject({
    memberId: teamIdSchema,
    effectiveFrom: instantSchema,
    reason: z.string().min(1).max(500).optional(),
  }),
);

/**
 * A member's leave of absence began at `effectiveFrom`; it lasts until a `LeaveOfAbsenceEnded` with the same id.
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "LeaveOfAbsenceStarted", data: { memberId: "rep-ana", leaveId: "loa-1", effectiveFrom: "2026-08-01T00:00:00.000Z" } };
 * ```
 */
export const LeaveOfAbsenceStarted = /* @__PURE__ */ defineEvent(
  "LeaveOfAbsenceStarted",
  z.strictObject({
    memberId: teamIdSchema,
    leaveId: teamIdSchema,
    effectiveFrom: instantSchema,
    reason: z.string().min(1).max(500).optional(),
  }),
);

/**
 * A member's leave of absence ended: they are active again from `effectiveFrom` on.
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "LeaveOfAbsenceEnded", data: { memberId: "rep-ana", leaveId: "loa-1", effectiveFrom: "2026-08-15T00:00:00.000Z" } };
 * ```
 */
export const LeaveOfAbsenceEnded = /* @__PURE__ */ defineEvent(
  "LeaveOfAbsenceEnded",
  z.strictObject({ memberId: teamIdSchema, leaveId: teamIdSchema, effectiveFrom: instantSchema }),
);

/**
 * A team was created from an instant on, optionally under a parent team (the team tree used for roll-ups).
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "TeamCreated", data: { teamId: "team-east", name: "East", parentTeamId: "team-sales", effectiveFrom: "2026-01-01T00:00:00.000Z" } };
 * ```
 */
export const TeamCreated = /* @__PURE__ */ defineEvent(
  "TeamCreated",
  z.strictObject({
    teamId: teamIdSchema,
    name: z.string().min(1).max(200),
    parentTeamId: teamIdSchema.optional(),
    effectiveFrom: instantSchema,
  }),
);

/**
 * A team moved under another parent team (or to the top, with `null`) from an instant on.
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "TeamParentChanged", data: { teamId: "team-east", parentTeamId: null, effectiveFrom: "2026-10-01T00:00:00.000Z" } };
 * ```
 */
export const TeamParentChanged = /* @__PURE__ */ defineEvent(
  "TeamParentChanged",
  z.strictObject({ teamId: teamIdSchema, parentTeamId: teamIdSchema.nullable(), effectiveFrom: instantSchema }),
);

/**
 * A member joined a team (or left every team, with `null`) from an instant on. A member belongs to at most one
 * team at a time.
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "TeamMembershipChanged", data: { memberId: "rep-ana", teamId: "team-east", effectiveFrom: "2026-07-01T00:00:00.000Z" } };
 * ```
 */
export const TeamMembershipChanged = /* @__PURE__ */ defineEvent(
  "TeamMembershipChanged",
  z.strictObject({ memberId: teamIdSchema, teamId: teamIdSchema.nullable(), effectiveFrom: instantSchema }),
);

/**
 * A member reports to another manager (or to nobody, with `null`) from an instant on.
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "ManagerChanged", data: { memberId: "rep-ana", managerId: "mgr-li", effectiveFrom: "2026-07-01T00:00:00.000Z" } };
 * ```
 */
export const ManagerChanged = /* @__PURE__ */ defineEvent(
  "ManagerChanged",
  z.strictObject({ memberId: teamIdSchema, managerId: teamIdSchema.nullable(), effectiveFrom: instantSchema }),
);

/**
 * A member's roles changed from an instant on; the list replaces the previous one.
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "RolesChanged", data: { memberId: "rep-ana", roles: ["rep", "manager"], effectiveFrom: "2026-10-01T00:00:00.000Z" } };
 * ```
 */
export const RolesChanged = /* @__PURE__ */ defineEvent(
  "RolesChanged",
  z.strictObject({ memberId: teamIdSchema, roles: memberRolesSchema, effectiveFrom: instantSchema }),
);

/**
 * A member's responsibilities changed from an instant on; the list replaces the previous one.
 *
 * @example
 * ```ts
 * const e: TeamEvent = { type: "ResponsibilitiesChanged", data: { memberId: "rep-ana", responsibilities: ["Key accounts"], effectiveFrom: "2026-07-01T00:00:00.000Z" } };
 * ```
 */
export const ResponsibilitiesChanged = /* @__PURE__ */ defineEvent(
  "ResponsibilitiesChanged",
  z.strictObject({ memberId: teamIdSchema, responsibilities: responsibilitiesSchema, effectiveFrom: instantSchema }),
);

/**
 * The catalog of the team area's events.
 *
 * @example
 * ```ts
 * teamEvents.types.includes("MemberHired"); // true
 * ```
 */
export const teamEvents = /* @__PURE__ */ createEventCatalog([
  MemberHired,
  MemberLeft,
  LeaveOfAbsenceStarted,
  LeaveOfAbsenceEnded,
  TeamCreated,
  TeamParentChanged,
  TeamMembershipChanged,
  ManagerChanged,
  RolesChanged,
  ResponsibilitiesChanged,
]);

/**
 * Any event of the team area.
 *
 * @example
 * ```ts
 * function isHire(e: TeamEvent) { return e.type === "MemberHired"; }
 * ```
 */
export type TeamEvent =
  | EventOf<typeof MemberHired>
  | EventOf<typeof MemberLeft>
  | EventOf<typeof LeaveOfAbsenceStarted>
  | EventOf<typeof LeaveOfAbsenceEnded>
  | EventOf<typeof TeamCreated>
  | EventOf<typeof TeamParentChanged>
  | EventOf<typeof TeamMembershipChanged>
  | EventOf<typeof ManagerChanged>
  | EventOf<typeof RolesChanged>
  | EventOf<typeof ResponsibilitiesChanged>;
