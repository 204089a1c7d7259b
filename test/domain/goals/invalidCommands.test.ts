import { describe, it } from "vitest";
import {
  type GoalsCommand,
  goalPlanDecider,
  goalPlanStreamId,
  goalsCommand,
  goalsEvents,
} from "../../../src/goals/index.ts";
import { createCommandHandler, createInMemoryEventStore } from "../../../src/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";

const usd = { amount: 90_000_000, currency: "USD" };
const valid: Record<GoalsCommand["type"], GoalsCommand[]> = {
  SetGoal: [
    {
      type: "SetGoal",
      data: {
        goalId: "q3",
        metric: "revenue",
        target: usd,
        period: {
          periodId: "FY2027-Q1",
          calendar: { timeZone: "Asia/Shanghai", weekStartsOn: 1, fiscal: { startMonth: 4 } },
        },
        owner: { kind: "team", teamId: "east" },
        parentGoalId: "fy",
        description: "East closes USD 900k in fiscal Q1",
        measure: "Revenue-split credit dated in the quarter",
      },
    },
    {
      type: "SetGoal",
      data: {
        goalId: "w27",
        metric: { custom: "demos" },
        target: { count: 12 },
        period: { periodId: "2026-W27", calendar: { timeZone: "Europe/Berlin" } },
        owner: { kind: "rep", repId: "ana" },
        description: "Ana runs 12 demos in week 27",
        measure: "Demos logged in the CRM",
      },
    },
  ],
  CascadeGoal: [
    {
      type: "CascadeGoal",
      data: {
        parentGoalId: "q3",
        children: [
          { goalId: "q3-ana", owner: { kind: "rep", repId: "ana" }, weightBps: 6000, description: "Ana's share" },
          { goalId: "q3-co", owner: { kind: "company" }, weightBps: 4000 },
        ],
      },
    },
  ],
  DistributeGoal: [
    {
      type: "DistributeGoal",
      data: {
        goalId: "q3",
        subPeriodKind: "month",
        children: [
          { goalId: "m1", weightBps: 3000, description: "July" },
          { goalId: "m2", weightBps: 3000 },
          { goalId: "m3", weightBps: 4000 },
        ],
      },
    },
  ],
  ReviseGoal: [
    { type: "ReviseGoal", data: { goalId: "q3", target: usd, description: "New text", measure: "New measure" } },
  ],
  LockGoal: [{ type: "LockGoal", data: { goalId: "q3" } }],
  AdjustGoal: [
    { type: "AdjustGoal", data: { goalId: "q3", target: { count: 3 }, reason: "market_change", note: "Price war" } },
  ],
  ProrateGoal: [
    {
      type: "ProrateGoal",
      data: {
        goalId: "q3",
        participation: { source: "dates", from: "2026-08-17", through: "2026-09-20" },
        rounding: "half_even",
      },
    },
    {
      type: "ProrateGoal",
      data: {
        goalId: "q3",
        participation: { source: "team_participation", days: 45, periodDays: 92 },
        rounding: "floor",
      },
    },
  ],
  CancelGoal: [{ type: "CancelGoal", data: { goalId: "q3", reason: "Reorganised" } }],
};

describe("goals commands", () => {
  for (const [type, commands] of Object.entries(valid)) {
    it(`${type} rejects bad input with a ValidationError and writes nothing`, async () => {
      const store = createInMemoryEventStore({ catalog: goalsEvents });
      const handler = createCommandHandler({ store, decider: goalPlanDecider, commands: goalsCommand });
      await assertRejectsInvalidCommands({
        schema: goalsCommand,
        valid: commands,
        store,
        handle: (command) => handler.handle(goalPlanStreamId("2026"), command as GoalsCommand),
      });
    });
  }
});
