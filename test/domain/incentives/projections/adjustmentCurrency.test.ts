// Adjustments in another currency than the plan's: the deciders cannot know the plan's currency, so they take them,
// and the statement views never add them to a total: they are listed apart, and a lock never includes them.
import { describe, expect, it } from "vitest";
import {
  accruedLiability,
  disputeStreamId,
  incentivePlanStreamId,
  payoutHistory,
  payPeriodStreamId,
  statementFor,
} from "../../../../src/incentives/index.ts";
import { rebuildProjection } from "../../../../src/index.ts";
import { credit, planV1, usd } from "../events/fixtures.ts";
import { ledgerHarness } from "./ledgerHarness.ts";

const JAN = "2026-01";
const FEB = "2026-02";
const key = (periodId: string) => ({ planId: "ae-2026", repId: "rep-ana", periodId });
const jpy = (amount: number) => ({ amount, currency: "JPY" });

async function setup() {
  const h = ledgerHarness("2026-01-20T09:00:00.000Z");
  await h.plans.handle(incentivePlanStreamId("ae-2026"), { type: "PublishIncentivePlan", data: { plan: planV1 } });
  await h.plans.handle(incentivePlanStreamId("ae-2026"), {
    type: "AssignIncentivePlan",
    data: { planId: "ae-2026", repId: "rep-ana", from: "2026-01-01", quotas: [] },
  });
  await h.credits(credit("a1", "rep-ana", 200_000, "2026-01-05T10:00:00Z")); // 200,000 × 5% = 10,000
  const adjust = (amount: { amount: number; currency: string }, reason: string) =>
    h.periods.handle(payPeriodStreamId("ae-2026", JAN), {
      type: "PostIncentiveAdjustment",
      data: { planId: "ae-2026", periodId: JAN, repId: "rep-ana", amount, reason, approverId: "mgr-kim" },
    });
  return { ...h, adjust };
}

describe("adjustments in another currency than the plan's", () => {
  it("are listed apart and never added to the statement total or the liability", async () => {
    const h = await setup();
    await h.adjust(jpy(100_000), "Bonus booked in yen by mistake");
    await h.adjust(usd(2_500), "Split missed on a1");

    const view = statementFor(await h.ledger(), key(JAN))!;
    expect(view.statement.total).toEqual(usd(10_000));
    expect(view.adjustments.map((a) => a.amount)).toEqual([usd(2_500)]);
    expect(view.otherCurrencyAdjustments.map((a) => a.amount)).toEqual([jpy(100_000)]);
    expect(view.total).toEqual(usd(12_500));

    const liability = accruedLiability(await h.ledger(), { planId: "ae-2026", periodId: JAN });
    expect(liability.payable).toEqual(usd(12_500));
  });

  it("leaves an upheld dispute's adjustment in another currency out of every later total", async () => {
    const h = await setup();
    await h.disputes.handle(disputeStreamId("dp-1"), {
      type: "RaisePayoutDispute",
      data: { disputeId: "dp-1", planId: "ae-2026", periodId: JAN, repId: "rep-ana", reason: "Missing deal" },
    });
    await h.disputes.handle(disputeStreamId("dp-1"), {
      type: "ResolvePayoutDispute",
      data: {
        outcome: "upheld",
        reason: "Paid in euros",
        adjustment: { amount: 700, currency: "EUR" },
        payInPeriodId: JAN,
        resolvedBy: "mgr-kim",
      },
    });
    const ledger = await h.ledger();
    for (const periodId of [JAN, FEB]) {
      const view = statementFor(ledger, key(periodId))!;
      expect(view.total).toEqual(view.statement.total);
      expect(view.otherCurrencyAdjustments.map((a) => a.adjustmentId)).toEqual(["dispute:dp-1"]);
    }
  });

  it("lets the period lock at the total in the plan's currency, without the other currency", async () => {
    const h = await setup();
    await h.adjust(jpy(100_000), "Bonus booked in yen by mistake");
    const jp = payPeriodStreamId("ae-2026", JAN);
    await h.periods.handle(jp, { type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: JAN } });
    const view = statementFor(await h.ledger(), key(JAN))!;
    await h.periods.handle(jp, {
      type: "ApproveIncentiveStatement",
      data: { planId: "ae-2026", periodId: JAN, repId: "rep-ana", total: view.total, approverId: "mgr-kim" },
    });
    await h.periods.handle(jp, {
      type: "LockIncentiveStatement",
      data: {
        planId: "ae-2026",
        periodId: JAN,
        repId: "rep-ana",
        statement: view.statement,
        adjustments: [...view.adjustments],
        total: view.total,
      },
    });
    const payouts = (await rebuildProjection(h.store, payoutHistory)).state;
    expect(payouts.byRep["rep-ana"]?.paid).toEqual({ USD: 10_000 });
    // Still unpaid, it stays visible in the next period, and still outside its total.
    const feb = statementFor(await h.ledger(), key(FEB))!;
    expect(feb.otherCurrencyAdjustments.map((a) => a.amount)).toEqual([jpy(100_000)]);
    expect(feb.total).toEqual(usd(0));
  });
});
