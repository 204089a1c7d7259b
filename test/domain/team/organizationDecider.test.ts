import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../../src/testing.ts";
import {
  type MemberRole,
  organizationDecider,
  type TeamEvent,
  teamCommand,
  teamRules,
} from "../../../src/team/index.ts";

const spec = deciderSpec(organizationDecider, { commands: teamCommand });
const T0 = "2026-01-01T00:00:00.000Z";
const JUL = "2026-07-01T00:00:00.000Z";
const AUG = "2026-08-01T00:00:00.000Z";
const SEP = "2026-09-01T00:00:00.000Z";

const team = (teamId: string, parentTeamId?: string, effectiveFrom = T0): TeamEvent => ({
  type: "TeamCreated",
  data: parentTeamId ? { teamId, name: teamId, parentTeamId, effectiveFrom } : { teamId, name: teamId, effectiveFrom },
});
const hired = (memberId: string, effectiveFrom = T0): TeamEvent => ({
  type: "MemberHired",
  data: { memberId, displayName: memberId, roles: ["rep"], responsibilities: [], effectiveFrom },
});
const left = (memberId: string, effectiveFrom: string): TeamEvent => ({
  type: "MemberLeft",
  data: { memberId, effectiveFrom },
});
const reports = (memberId: string, managerId: string | null, effectiveFrom = T0): TeamEvent => ({
  type: "ManagerChanged",
  data: { memberId, managerId, effectiveFrom },
});

describe("organization decider: hiring and leaving", () => {
  it("hires a member into a team under a manager as three events", () => {
    spec
      .given([team("east"), hired("li")])
      .when({
        type: "HireMember",
        data: {
          memberId: "ana",
          displayName: "Ana",
          roles: ["rep"],
          teamId: "east",
          managerId: "li",
          effectiveFrom: JUL,
        },
      })
      .then([
        {
          type: "MemberHired",
          data: { memberId: "ana", displayName: "Ana", roles: ["rep"], responsibilities: [], effectiveFrom: JUL },
        },
        { type: "TeamMembershipChanged", data: { memberId: "ana", teamId: "east", effectiveFrom: JUL } },
        { type: "ManagerChanged", data: { memberId: "ana", managerId: "li", effectiveFrom: JUL } },
      ]);
  });

  it(`refuses to hire someone employed (${teamRules.memberAlreadyHired}) but rehires after leaving`, () => {
    const hire = {
      type: "HireMember",
      data: { memberId: "ana", displayName: "Ana", roles: ["rep"] as MemberRole[], effectiveFrom: SEP },
    } as const;
    spec
      .given([hired("ana")])
      .when(hire)
      .then("member_already_hired");
    spec
      .given([hired("ana"), left("ana", SEP)])
      .when({ ...hire, data: { ...hire.data, effectiveFrom: AUG } })
      .then("member_already_hired");
    spec
      .given([hired("ana"), left("ana", AUG)])
      .when(hire)
      .then([
        {
          type: "MemberHired",
          data: { memberId: "ana", displayName: "Ana", roles: ["rep"], responsibilities: [], effectiveFrom: SEP },
        },
      ]);
  });

  it(`refuses a manager who is not hired yet (${teamRules.memberNotHired})`, () => {
    spec
      .given([hired("li", SEP)])
      .when({
        type: "HireMember",
        data: { memberId: "ana", displayName: "Ana", roles: ["rep"], managerId: "li", effectiveFrom: JUL },
      })
      .then("member_not_hired");
  });

  it(`terminates once (${teamRules.alreadyLeft}), and never before the hire (${teamRules.memberNotHired})`, () => {
    const terminate = { type: "TerminateMember", data: { memberId: "ana", effectiveFrom: SEP } } as const;
    spec
      .given([hired("ana")])
      .when(terminate)
      .then([left("ana", SEP)]);
    spec
      .given([hired("ana"), left("ana", AUG)])
      .when(terminate)
      .then("already_left");
    spec
      .given([hired("ana", SEP)])
      .when(terminate)
      .then("member_not_hired");
    spec.given([]).when(terminate).then("member_not_hired");
  });

  it(`refuses changes after a member left (${teamRules.alreadyLeft}) or before the hire (${teamRules.memberNotHired})`, () => {
    const roles = (effectiveFrom: string) =>
      ({
        type: "ChangeRoles",
        data: { memberId: "ana", roles: ["rep", "manager"] as MemberRole[], effectiveFrom },
      }) as const;
    spec
      .given([hired("ana", JUL), left("ana", SEP)])
      .when(roles(SEP))
      .then("already_left");
    spec
      .given([hired("ana", JUL)])
      .when(roles(T0))
      .then("member_not_hired");
    spec
      .given([hired("ana", JUL)])
      .when(roles(AUG))
      .then([{ type: "RolesChanged", data: { memberId: "ana", roles: ["rep", "manager"], effectiveFrom: AUG } }]);
    spec
      .given([hired("ana", JUL)])
      .when({
        type: "ChangeResponsibilities",
        data: { memberId: "ana", responsibilities: ["Key accounts"], effectiveFrom: AUG },
      })
      .then([
        {
          type: "ResponsibilitiesChanged",
          data: { memberId: "ana", responsibilities: ["Key accounts"], effectiveFrom: AUG },
        },
      ]);
  });
});

describe("organization decider: leaves of absence", () => {
  const start = (leaveId: string, effectiveFrom: string, until?: string) =>
    ({
      type: "StartLeaveOfAbsence",
      data: until ? { memberId: "ana", leaveId, effectiveFrom, until } : { memberId: "ana", leaveId, effectiveFrom },
    }) as const;
  const started = (leaveId: string, effectiveFrom: string): TeamEvent => ({
    type: "LeaveOfAbsenceStarted",
    data: { memberId: "ana", leaveId, effectiveFrom },
  });
  const ended = (leaveId: string, effectiveFrom: string): TeamEvent => ({
    type: "LeaveOfAbsenceEnded",
    data: { memberId: "ana", leaveId, effectiveFrom },
  });

  it("starts a leave, with its end when given", () => {
    spec
      .given([hired("ana")])
      .when(start("l1", JUL, AUG))
      .then([started("l1", JUL), ended("l1", AUG)]);
    spec
      .given([hired("ana")])
      .when(start("l1", JUL))
      .then([started("l1", JUL)]);
  });

  it(`refuses overlapping leaves (${teamRules.leaveOverlaps})`, () => {
    spec
      .given([hired("ana"), started("l1", JUL)])
      .when(start("l2", SEP))
      .then("leave_overlaps");
    spec
      .given([hired("ana"), started("l1", AUG), ended("l1", SEP)])
      .when(start("l2", JUL))
      .then("leave_overlaps");
    spec
      .given([hired("ana"), started("l1", AUG), ended("l1", SEP)])
      .when(start("l2", JUL, AUG))
      .then([started("l2", JUL), ended("l2", AUG)]);
  });

  it(`refuses a reused leave id (${teamRules.leaveAlreadyExists}) and a leave ending before it starts (${teamRules.leaveEndsBeforeStart})`, () => {
    spec
      .given([hired("ana"), started("l1", JUL), ended("l1", AUG)])
      .when(start("l1", SEP))
      .then("leave_already_exists");
    spec
      .given([hired("ana")])
      .when(start("l1", AUG, JUL))
      .then("leave_ends_before_start");
    spec
      .given([hired("ana"), started("l1", AUG)])
      .when({ type: "EndLeaveOfAbsence", data: { memberId: "ana", leaveId: "l1", effectiveFrom: JUL } })
      .then("leave_ends_before_start");
  });

  it(`ends an open leave once (${teamRules.leaveNotFound}, ${teamRules.leaveAlreadyEnded})`, () => {
    const end = { type: "EndLeaveOfAbsence", data: { memberId: "ana", leaveId: "l1", effectiveFrom: SEP } } as const;
    spec
      .given([hired("ana"), started("l1", JUL)])
      .when(end)
      .then([ended("l1", SEP)]);
    spec
      .given([hired("ana")])
      .when(end)
      .then("leave_not_found");
    spec
      .given([hired("ana"), started("l1", JUL), ended("l1", AUG)])
      .when(end)
      .then("leave_already_ended");
  });

  it(`refuses a leave of someone not employed (${teamRules.memberNotHired})`, () => {
    spec
      .given([hired("ana", SEP)])
      .when(start("l1", JUL))
      .then("member_not_hired");
  });
});

describe("organization decider: teams and hierarchy", () => {
  it(`creates a team once (${teamRules.teamAlreadyExists}) under an existing parent (${teamRules.teamNotFound})`, () => {
    const create = {
      type: "CreateTeam",
      data: { teamId: "east", name: "East", parentTeamId: "sales", effectiveFrom: JUL },
    } as const;
    spec
      .given([team("sales")])
      .when(create)
      .then([{ type: "TeamCreated", data: create.data }]);
    spec
      .given([team("sales"), team("east")])
      .when(create)
      .then("team_already_exists");
    spec.given([]).when(create).then("team_not_found");
    spec
      .given([team("sales", undefined, SEP)])
      .when(create)
      .then("team_not_found");
  });

  it(`keeps the team tree acyclic (${teamRules.teamCycle})`, () => {
    const move = (teamId: string, parentTeamId: string | null, effectiveFrom = JUL) =>
      ({ type: "MoveTeam", data: { teamId, parentTeamId, effectiveFrom } }) as const;
    const given = [team("sales"), team("east", "sales"), team("north", "east")];
    spec.given(given).when(move("sales", "north")).then("team_cycle");
    spec.given(given).when(move("sales", "sales")).then("team_cycle");
    spec
      .given(given)
      .when(move("north", "sales"))
      .then([{ type: "TeamParentChanged", data: move("north", "sales").data }]);
    spec
      .given(given)
      .when(move("east", null))
      .then([{ type: "TeamParentChanged", data: move("east", null).data }]);
    // A move recorded for September makes a later cycle even though July is fine.
    const later: TeamEvent = {
      type: "TeamParentChanged",
      data: { teamId: "north", parentTeamId: "west", effectiveFrom: SEP },
    };
    spec
      .given([...given, team("west"), later])
      .when(move("west", "north", AUG))
      .then("team_cycle");
  });

  it(`keeps reporting lines acyclic at every instant (${teamRules.managerCycle})`, () => {
    const change = (memberId: string, managerId: string | null, effectiveFrom = JUL) =>
      ({ type: "ChangeManager", data: { memberId, managerId, effectiveFrom } }) as const;
    const given = [hired("vp"), hired("li"), hired("ana"), reports("li", "vp"), reports("ana", "li")];
    spec.given(given).when(change("vp", "ana")).then("manager_cycle");
    spec.given(given).when(change("ana", "ana")).then("manager_cycle");
    spec
      .given(given)
      .when(change("ana", "vp"))
      .then([reports("ana", "vp", JUL)]);
    // Li reports to Ana from September: making Ana report to Li again in August would loop from September.
    const swap = [
      hired("vp"),
      hired("li"),
      hired("ana"),
      reports("li", "vp"),
      reports("ana", "vp"),
      reports("li", "ana", SEP),
    ];
    spec
      .given(swap)
      .when(change("ana", "li", AUG))
      .then("manager_cycle");
    // …unless Ana's own later change already takes her elsewhere by then.
    spec
      .given([...swap, reports("ana", "vp", SEP)])
      .when(change("ana", "li", AUG))
      .then([reports("ana", "li", AUG)]);
  });

  it(`refuses a membership change into a missing team (${teamRules.teamNotFound}) or of a non-member (${teamRules.memberNotHired})`, () => {
    const join = (memberId: string, teamId: string | null) =>
      ({ type: "ChangeTeamMembership", data: { memberId, teamId, effectiveFrom: JUL } }) as const;
    spec
      .given([hired("ana")])
      .when(join("ana", "east"))
      .then("team_not_found");
    spec
      .given([team("east")])
      .when(join("ana", "east"))
      .then("member_not_hired");
    spec
      .given([hired("ana"), team("east")])
      .when(join("ana", "east"))
      .then([{ type: "TeamMembershipChanged", data: join("ana", "east").data }]);
    spec
      .given([hired("ana")])
      .when(join("ana", null))
      .then([{ type: "TeamMembershipChanged", data: join("ana", null).data }]);
  });

  it("lists every rule it can throw", () => {
    expect(Object.values(teamRules).sort()).toEqual(
      [
        "already_left",
        "leave_already_ended",
        "leave_already_exists",
        "leave_ends_before_start",
        "leave_not_found",
        "leave_overlaps",
        "manager_cycle",
        "member_already_hired",
        "member_not_hired",
        "team_already_exists",
        "team_cycle",
        "team_not_found",
      ].sort(),
    );
  });
});
