// Every incentive command rejects bad input with a ValidationError and writes nothing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createCommandHandler,
  createEventCatalog,
  createInMemoryEventStore,
  type Decider,
} from "../../../../src/index.ts";
import { creditEvents } from "../../../../src/credit/index.ts";
import {
  type BadgeCommand,
  badgeCommand,
  badgeDecider,
  type ContestCommand,
  contestCommand,
  contestDecider,
  type DisputeCommand,
  disputeCommand,
  disputeDecider,
  type IncentivePlanCommand,
  incentivePlanCommand,
  incentivePlanDecider,
  incentiveRules,
  incentivesEvents,
  type PayPeriodCommand,
  payPeriodCommand,
  payPeriodDecider,
} from "../../../../src/incentives/index.ts";
import { assertRejectsInvalidCommands } from "../../../support/invalidCommands.ts";
import { planV1, statementOf, usd } from "./fixtures.ts";

const catalog = createEventCatalog([incentivesEvents, creditEvents]);

async function check<C>(decider: Decider<C, any, any>, schema: import("zod").ZodType<C>, valid: C[], streamId: string) {
  const store = createInMemoryEventStore({ catalog });
  const handler = createCommandHandler({ store, decider, commands: schema });
  await assertRejectsInvalidCommands({
    schema,
    valid,
    store,
    handle: (command) => handler.handle(streamId, command as C),
    numRuns: 150,
  });
}

describe("incentive commands", () => {
  it("plan commands reject bad input and write nothing", async () => {
    const valid: IncentivePlanCommand[] = [
      { type: "PublishIncentivePlan", data: { plan: planV1 } },
      { type: "ReviseIncentivePlan", data: { plan: { ...planV1, version: 2 }, reason: "fix" } },
      {
        type: "AssignIncentivePlan",
        data: {
          planId: "ae-2026",
          repId: "rep-ana",
          from: "2026-01-01",
          through: "2026-12-31",
          quotas: [{ componentId: "nb", periodId: "2026-01", amount: 100 }],
        },
      },
      {
        type: "EndIncentivePlanAssignment",
        data: { planId: "ae-2026", assignmentId: "as-1", through: "2026-06-30", reason: "leave" },
      },
    ];
    await check(incentivePlanDecider, incentivePlanCommand, valid, "incentive-plan-ae-2026");
  });

  it("pay-period commands reject bad input and write nothing", async () => {
    const statement = statementOf("rep-ana");
    const valid: PayPeriodCommand[] = [
      { type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: "2026-01" } },
      {
        type: "ApproveIncentiveStatement",
        data: { planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", total: usd(1), approverId: "mgr" },
      },
      {
        type: "LockIncentiveStatement",
        data: {
          planId: "ae-2026",
          periodId: "2026-01",
          repId: "rep-ana",
          statement,
          adjustments: [{ adjustmentId: "a", kind: "manual", amount: usd(5), reason: "r", periodId: "2026-01" }],
          total: usd(1),
        },
      },
      {
        type: "PostIncentiveAdjustment",
        data: {
          planId: "ae-2026",
          periodId: "2026-01",
          repId: "rep-ana",
          amount: usd(5),
          reason: "r",
          approverId: "mgr",
        },
      },
    ];
    await check(payPeriodDecider, payPeriodCommand, valid, "incentive-period-ae-2026-2026-01");
  });

  it("dispute commands reject bad input and write nothing", async () => {
    const valid: DisputeCommand[] = [
      {
        type: "RaisePayoutDispute",
        data: {
          disputeId: "dp-1",
          planId: "ae-2026",
          periodId: "2026-01",
          repId: "rep-ana",
          lineId: "l-1",
          reason: "missing",
        },
      },
      {
        type: "ResolvePayoutDispute",
        data: { outcome: "upheld", reason: "ok", adjustment: usd(10), payInPeriodId: "2026-02", resolvedBy: "mgr" },
      },
    ];
    await check(disputeDecider, disputeCommand, valid, "incentive-dispute-dp-1");
  });

  it("badge and contest commands reject bad input and write nothing", async () => {
    const award = {
      badgeId: "club",
      name: "Club",
      repId: "rep-ana",
      periodId: "2026-03",
      periodEnd: "2026-04-01T00:00:00.000Z",
      awardKey: "club|rep-ana|2026-03",
      evidence: "112%",
    };
    await check<BadgeCommand>(
      badgeDecider,
      badgeCommand,
      [{ type: "AwardBadge", data: { award } }],
      "incentive-badges-rep-ana",
    );
    const contest = {
      contestId: "q3",
      name: "Q3",
      metric: "deals",
      from: "2026-07-01T00:00:00.000Z",
      to: "2026-10-01T00:00:00.000Z",
      prizes: [
        { kind: "rank" as const, rank: 1, prize: { label: "Gold", cash: usd(100) } },
        { kind: "target" as const, target: 5, prize: { label: "Dinner" } },
      ],
      minValue: 1,
    };
    const valid: ContestCommand[] = [
      { type: "OpenContest", data: { contest } },
      {
        type: "CloseContest",
        data: { results: [{ repId: "rep-ana", value: 5, reachedAt: "2026-09-01T00:00:00.000Z" }] },
      },
    ];
    await check(contestDecider, contestCommand, valid, "incentive-contest-q3");
  });

  it("every named rule has a given/when/then spec", () => {
    const specs = readFileSync(new URL("./deciders.test.ts", import.meta.url), "utf8");
    const missing = Object.values(incentiveRules).filter((rule) => !specs.includes(`"${rule}"`));
    expect(missing).toEqual([]);
  });
});
