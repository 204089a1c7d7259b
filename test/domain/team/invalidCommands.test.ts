import { describe, it } from "vitest";
import { createCommandHandler, createInMemoryEventStore } from "../../../src/index.ts";
import {
  organizationDecider,
  organizationStreamId,
  type TeamCommand,
  teamCommand,
  teamEvents,
} from "../../../src/team/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";

const at = "2026-07-01T00:00:00.000Z";
const valid: Record<TeamCommand["type"], TeamCommand[]> = {
  HireMember: [
    {
      type: "HireMember",
      data: {
        memberId: "ana",
        displayName: "Ana",
        roles: ["rep", "manager"],
        responsibilities: ["Key accounts"],
        teamId: "east",
        managerId: "li",
        effectiveFrom: at,
      },
    },
  ],
  TerminateMember: [{ type: "TerminateMember", data: { memberId: "ana", effectiveFrom: at, reason: "resigned" } }],
  StartLeaveOfAbsence: [
    {
      type: "StartLeaveOfAbsence",
      data: {
        memberId: "ana",
        leaveId: "l1",
        effectiveFrom: at,
        until: "2026-08-01T00:00:00.000Z",
        reason: "parental",
      },
    },
  ],
  EndLeaveOfAbsence: [{ type: "EndLeaveOfAbsence", data: { memberId: "ana", leaveId: "l1", effectiveFrom: at } }],
  CreateTeam: [
    { type: "CreateTeam", data: { teamId: "east", name: "East", parentTeamId: "sales", effectiveFrom: at } },
  ],
  MoveTeam: [{ type: "MoveTeam", data: { teamId: "east", parentTeamId: "sales", effectiveFrom: at } }],
  ChangeTeamMembership: [
    { type: "ChangeTeamMembership", data: { memberId: "ana", teamId: "east", effectiveFrom: at } },
  ],
  ChangeManager: [{ type: "ChangeManager", data: { memberId: "ana", managerId: "li", effectiveFrom: at } }],
  ChangeRoles: [{ type: "ChangeRoles", data: { memberId: "ana", roles: ["overlay"], effectiveFrom: at } }],
  ChangeResponsibilities: [
    { type: "ChangeResponsibilities", data: { memberId: "ana", responsibilities: ["Onboarding"], effectiveFrom: at } },
  ],
};

describe("team commands", () => {
  for (const [type, commands] of Object.entries(valid)) {
    it(`${type} rejects bad input with a ValidationError and writes nothing`, async () => {
      const store = createInMemoryEventStore({ catalog: teamEvents });
      const handler = createCommandHandler({ store, decider: organizationDecider, commands: teamCommand });
      await assertRejectsInvalidCommands({
        schema: teamCommand,
        valid: commands,
        store,
        handle: (command) => handler.handle(organizationStreamId("acme"), command as TeamCommand),
      });
    });
  }
});
