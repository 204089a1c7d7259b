import { describe, expect, it } from "vitest";
import {
  type AccountBookCommand,
  accountBookCommand,
  accountBookDecider,
  accountBookStreamId,
  assignmentsEvents,
  type GoalTaskCommand,
  goalTaskCommand,
  goalTasksDecider,
  goalTasksStreamId,
} from "../../../src/assignments/index.ts";
import { createCommandHandler, createInMemoryEventStore, fixedClock, sequentialIds } from "../../../src/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";
import { NOW } from "./fixtures.ts";

const goalCommands: GoalTaskCommand[] = [
  {
    type: "CreateTask",
    data: {
      goalId: "g-1",
      taskId: "t-1",
      title: "Call",
      ownerRepId: "rep-ana",
      dueDate: "2026-07-31",
      parentTaskId: "t-0",
      weight: 5,
    },
  },
  { type: "StartTask", data: { taskId: "t-1" } },
  { type: "CompleteTask", data: { taskId: "t-1" } },
  { type: "CancelTask", data: { taskId: "t-1", reason: "re-scoped" } },
  { type: "ReassignTask", data: { taskId: "t-1", ownerRepId: "rep-bo", reason: "leave" } },
  { type: "RescheduleTask", data: { taskId: "t-1", dueDate: "2026-08-31", reason: "slipped" } },
];

const bookCommands: AccountBookCommand[] = [
  { type: "EnrollRep", data: { repId: "rep-ana", maxAccounts: 10 } },
  { type: "SetRepCapacity", data: { repId: "rep-ana", maxAccounts: 20 } },
  { type: "SetRepAvailability", data: { repId: "rep-ana", available: false } },
  {
    type: "ConfigureRouting",
    data: {
      overflowToPool: true,
      rules: [
        {
          ruleId: "r1",
          when: { regions: ["east"], segments: ["smb"], industries: ["retail"] },
          strategy: "round_robin",
          reps: ["rep-ana", "rep-bo"],
        },
        { ruleId: "r2", when: {}, strategy: "fixed", repId: "rep-ana" },
        { ruleId: "r3", when: {}, strategy: "least_loaded", reps: ["rep-ana"] },
        { ruleId: "r4", when: {}, strategy: "territory" },
      ],
    },
  },
  {
    type: "SetPoolPolicy",
    data: { timeZone: "Asia/Shanghai", claimsPerDay: 5, maxHoldings: 100, returnAfterDays: 30, reclaimCooldownDays: 7 },
  },
  {
    type: "DefineTerritory",
    data: { territoryId: "east", name: "East", criteria: { regions: ["east"] }, priority: 10 },
  },
  {
    type: "AssignTerritoryOwner",
    data: { territoryId: "east", repId: "rep-ana", effectiveFrom: "2026-07-01T00:00:00.000Z", reason: "plan" },
  },
  { type: "RetireTerritory", data: { territoryId: "east", effectiveFrom: "2027-01-01T00:00:00.000Z" } },
  {
    type: "RegisterAccount",
    data: {
      customerId: "cu-1",
      attributes: { region: "east", segment: "smb", industry: "retail" },
      placement: "route",
    },
  },
  { type: "RouteAccount", data: { customerId: "cu-1" } },
  {
    type: "AssignAccount",
    data: { customerId: "cu-1", repId: "rep-bo", effectiveFrom: "2026-07-01T00:00:00.000Z", reason: "rebalance" },
  },
  { type: "ReleaseAccount", data: { customerId: "cu-1", reason: "no budget" } },
  { type: "ClaimAccount", data: { customerId: "cu-1", repId: "rep-bo" } },
  { type: "SweepPool", data: { lastTouches: { "cu-1": "2026-07-01T00:00:00.000Z" } } },
];

describe("assignments commands reject bad input with a ValidationError and write nothing", () => {
  it("covers every command type", () => {
    expect(new Set(goalCommands.map((c) => c.type))).toEqual(
      new Set(goalTaskCommand.options.map((o) => o.shape.type.value)),
    );
    expect(new Set(bookCommands.map((c) => c.type))).toEqual(
      new Set(accountBookCommand.options.map((o) => o.shape.type.value)),
    );
    for (const c of [...goalCommands]) expect(goalTaskCommand.safeParse(c).success).toBe(true);
    for (const c of [...bookCommands]) expect(accountBookCommand.safeParse(c).success).toBe(true);
  });

  for (const valid of goalCommands) {
    it(`goal tasks: ${valid.type}`, async () => {
      const store = createInMemoryEventStore({ catalog: assignmentsEvents });
      const handler = createCommandHandler({
        store,
        decider: goalTasksDecider,
        commands: goalTaskCommand,
        clock: fixedClock(NOW),
        ids: sequentialIds("t"),
      });
      await assertRejectsInvalidCommands({
        schema: goalTaskCommand,
        valid: [valid],
        store,
        handle: (command) => handler.handle(goalTasksStreamId("g-1"), command as GoalTaskCommand),
      });
    });
  }

  for (const valid of bookCommands) {
    it(`account book: ${valid.type}`, async () => {
      const store = createInMemoryEventStore({ catalog: assignmentsEvents });
      const handler = createCommandHandler({
        store,
        decider: accountBookDecider,
        commands: accountBookCommand,
        clock: fixedClock(NOW),
      });
      await assertRejectsInvalidCommands({
        schema: accountBookCommand,
        valid: [valid],
        store,
        handle: (command) => handler.handle(accountBookStreamId("team-east"), command as AccountBookCommand),
      });
    });
  }

  it("rejects a pool policy with an unknown time zone, and criteria with repeated values", () => {
    expect(
      accountBookCommand.safeParse({ ...bookCommands[4], data: { ...bookCommands[4]!.data, timeZone: "Mars/Olympus" } })
        .success,
    ).toBe(false);
    expect(
      accountBookCommand.safeParse({
        type: "DefineTerritory",
        data: { territoryId: "e", name: "E", criteria: { regions: ["east", "east"] }, priority: 1 },
      }).success,
    ).toBe(false);
  });
});
