// The incentive projections over a real event history: statements per rep and period (open, approved, locked),
// prior-period deltas for a late credit and a plan correction, adjustments, disputes, payouts and liability.
// Every expected figure is worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import {
  accruedLiability,
  disputeQueue,
  disputeStreamId,
  incentivePlanStreamId,
  payoutHistory,
  payPeriodStreamId,
  statementFor,
} from "../../../../src/incentives/index.ts";
import { rebuildProjection } from "../../../../src/index.ts";
import { credit, planV1, planV2, usd } from "../events/fixtures.ts";
import { ledgerHarness } from "./ledgerHarness.ts";

const setup = async () => ledgerHarness("2026-02-03T09:00:00.000Z");

const JAN = "2026-01";
const FEB = "2026-02";
const key = (repId: string, periodId: string) => ({ planId: "ae-2026", repId, periodId });

describe("incentive ledger and statements", () => {
  it("calculates open statements, locks them immutably, and posts late credits and corrections as deltas", async () => {
    const h = await setup();
    await h.plans.handle(incentivePlanStreamId("ae-2026"), { type: "PublishIncentivePlan", data: { plan: planV1 } });
    await h.plans.handle(incentivePlanStreamId("ae-2026"), {
      type: "AssignIncentivePlan",
      data: { planId: "ae-2026", repId: "rep-ana", from: "2026-01-01", quotas: [] },
    });
    await h.credits(
      credit("a1", "rep-ana", 600_000, "2026-01-05T10:00:00Z"),
      credit("a2", "rep-ana", 600_000, "2026-01-12T10:00:00Z"),
    );

    // January: 1,000,000 at 5% = 50,000, then 200,000 at 10% = 20,000.
    let jan = statementFor(await h.ledger(), key("rep-ana", JAN));
    expect(jan?.status).toBe("open");
    expect(jan?.total).toEqual(usd(70_000));

    // A manual adjustment while January is open is paid in January.
    const jp = payPeriodStreamId("ae-2026", JAN);
    await h.periods.handle(jp, {
      type: "PostIncentiveAdjustment",
      data: {
        planId: "ae-2026",
        periodId: JAN,
        repId: "rep-ana",
        amount: usd(2_500),
        reason: "Split missed on a1",
        approverId: "mgr-kim",
      },
    });
    jan = statementFor(await h.ledger(), key("rep-ana", JAN));
    expect(jan?.total).toEqual(usd(72_500));
    expect(jan?.adjustments.map((a) => a.kind)).toEqual(["manual"]);

    await h.periods.handle(jp, { type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: JAN } });
    expect(statementFor(await h.ledger(), key("rep-ana", JAN))?.status).toBe("closed");
    await h.periods.handle(jp, {
      type: "ApproveIncentiveStatement",
      data: { planId: "ae-2026", periodId: JAN, repId: "rep-ana", total: usd(72_500), approverId: "mgr-kim" },
    });
    const approved = statementFor(await h.ledger(), key("rep-ana", JAN));
    expect(approved?.status).toBe("approved");
    await h.periods.handle(jp, {
      type: "LockIncentiveStatement",
      data: {
        planId: "ae-2026",
        periodId: JAN,
        repId: "rep-ana",
        statement: approved!.statement,
        adjustments: [...approved!.adjustments],
        total: approved!.total,
      },
    });
    const locked = statementFor(await h.ledger(), key("rep-ana", JAN));
    expect(locked?.status).toBe("locked");

    // A late January credit and February's own credit.
    await h.credits(
      credit("a3", "rep-ana", 100_000, "2026-01-20T10:00:00Z"),
      credit("a4", "rep-ana", 300_000, "2026-02-10T10:00:00Z"),
    );
    const after = await h.ledger();
    expect(statementFor(after, key("rep-ana", JAN))).toEqual(locked); // locked history never changes
    const feb = statementFor(after, key("rep-ana", FEB));
    // February: 300,000 at 5% = 15,000; January recalculated = 1,300,000 → 50,000 + 30,000 = 80,000 vs 70,000 paid: +10,000.
    expect(
      feb?.statement.lines
        .filter((l) => l.kind === "prior_period_adjustment")
        .map((l) => [l.adjustsPeriodId, l.amount.amount]),
    ).toEqual([[JAN, 10_000]]);
    expect(feb?.total).toEqual(usd(25_000));

    // A correction (v2: a flat 6% from January): January is 1,300,000 × 6% = 78,000 vs 70,000 paid: +8,000;
    // February 300,000 × 6% = 18,000.
    await h.plans.handle(incentivePlanStreamId("ae-2026"), {
      type: "ReviseIncentivePlan",
      data: { plan: planV2, reason: "Flat 6% agreed in January" },
    });
    const corrected = statementFor(await h.ledger(), key("rep-ana", FEB));
    expect(corrected?.statement.planVersion).toBe(2);
    expect(corrected?.total).toEqual(usd(26_000));
    expect(corrected?.statement.lines.find((l) => l.kind === "prior_period_adjustment")?.explanation).toContain(
      "closed statement under plan v1",
    );
    expect(statementFor(await h.ledger(), key("rep-ana", JAN))).toEqual(locked);
  });

  it("pays an upheld dispute in the first open period, queues disputes in order, and records payouts and liability", async () => {
    const h = await setup();
    await h.plans.handle(incentivePlanStreamId("ae-2026"), { type: "PublishIncentivePlan", data: { plan: planV1 } });
    await h.plans.handle(incentivePlanStreamId("ae-2026"), {
      type: "AssignIncentivePlan",
      data: { planId: "ae-2026", repId: "rep-ana", from: "2026-01-01", quotas: [] },
    });
    await h.plans.handle(incentivePlanStreamId("ae-2026"), {
      type: "AssignIncentivePlan",
      data: { planId: "ae-2026", repId: "rep-bo", from: "2026-02-01", quotas: [] },
    });
    await h.credits(
      credit("a1", "rep-ana", 200_000, "2026-01-05T10:00:00Z"),
      credit("b1", "rep-bo", 100_000, "2026-02-05T10:00:00Z"),
      credit("b0", "rep-bo", 999_999, "2026-01-05T10:00:00Z"),
    );

    const jp = payPeriodStreamId("ae-2026", JAN);
    await h.periods.handle(jp, { type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: JAN } });
    const jan = statementFor(await h.ledger(), key("rep-ana", JAN))!;
    expect(jan.total).toEqual(usd(10_000)); // 200,000 × 5%
    await h.periods.handle(jp, {
      type: "ApproveIncentiveStatement",
      data: { planId: "ae-2026", periodId: JAN, repId: "rep-ana", total: jan.total, approverId: "mgr-kim" },
    });
    await h.periods.handle(jp, {
      type: "LockIncentiveStatement",
      data: {
        planId: "ae-2026",
        periodId: JAN,
        repId: "rep-ana",
        statement: jan.statement,
        adjustments: [],
        total: jan.total,
      },
    });

    await h.disputes.handle(disputeStreamId("dp-1"), {
      type: "RaisePayoutDispute",
      data: { disputeId: "dp-1", planId: "ae-2026", periodId: JAN, repId: "rep-ana", reason: "Deal with Acme missing" },
    });
    await h.disputes.handle(disputeStreamId("dp-2"), {
      type: "RaisePayoutDispute",
      data: { disputeId: "dp-2", planId: "ae-2026", periodId: JAN, repId: "rep-ana", reason: "Wrong rate" },
    });
    // Upheld, aimed at January, which is locked: paid in February.
    await h.disputes.handle(disputeStreamId("dp-1"), {
      type: "ResolvePayoutDispute",
      data: {
        outcome: "upheld",
        reason: "Acme credited late by ops",
        adjustment: usd(1_000),
        payInPeriodId: JAN,
        resolvedBy: "mgr-kim",
      },
    });

    const ledger = await h.ledger();
    const feb = statementFor(ledger, key("rep-ana", FEB))!;
    expect(feb.adjustments.map((a) => [a.adjustmentId, a.amount.amount])).toEqual([["dispute:dp-1", 1_000]]);
    expect(feb.total).toEqual(usd(1_000)); // no February credits
    // rep-bo joined on 1 February: his January credit is not this plan's; February pays 100,000 × 5% = 5,000.
    expect(statementFor(ledger, key("rep-bo", JAN))).toBeUndefined();
    expect(statementFor(ledger, key("rep-bo", FEB))?.total).toEqual(usd(5_000));

    const liability = accruedLiability(ledger, { planId: "ae-2026", periodId: FEB });
    expect(liability.payable).toEqual(usd(6_000));
    expect(liability.locked).toEqual(usd(0));
    expect(liability.reps.map((r) => r.repId)).toEqual(["rep-ana", "rep-bo"]);
    expect(accruedLiability(ledger, { planId: "ae-2026", periodId: JAN })).toMatchObject({
      payable: usd(10_000),
      locked: usd(10_000),
    });

    const queue = (await rebuildProjection(h.store, disputeQueue)).state;
    expect(queue.open).toEqual(["dp-2"]);
    expect(queue.disputes["dp-1"]).toMatchObject({
      status: "upheld",
      resolution: { adjustment: usd(1_000), reason: "Acme credited late by ops" },
    });

    const payouts = (await rebuildProjection(h.store, payoutHistory)).state;
    expect(payouts.byRep["rep-ana"]).toEqual({
      payouts: [
        {
          planId: "ae-2026",
          periodId: JAN,
          currency: "USD",
          total: 10_000,
          own: 10_000,
          priorPeriod: 0,
          adjustments: 0,
          planVersion: 1,
          lockedAt: "2026-02-03T09:00:00.000Z",
        },
      ],
      paid: { USD: 10_000 },
    });
  });
});
