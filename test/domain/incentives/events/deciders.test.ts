// Given/when/then specs for every named rule of the incentive deciders: accepted and refused.
import { describe, it } from "vitest";
import type { Decider } from "../../../../src/index.ts";
import {
  type BadgeAward,
  badgeCommand,
  badgeDecider,
  type Contest,
  contestCommand,
  contestDecider,
  disputeCommand,
  disputeDecider,
  type IncentiveEvent,
  incentivePlanCommand,
  incentivePlanDecider,
  payPeriodCommand,
  payPeriodDecider,
} from "../../../../src/incentives/index.ts";
import { deciderSpec } from "../../../../src/testing.ts";
import { approved, closed, NOW, planV1, planV2, published, statementOf, usd } from "./fixtures.ts";

// The deciders are typed by the events of their own stream; the specs use the area's union.
const widen = <C>(d: Decider<C, any, any>) => d as Decider<C, IncentiveEvent, unknown>;
const plans = deciderSpec(widen(incentivePlanDecider), { commands: incentivePlanCommand, now: NOW, idPrefix: "as" });
const periods = deciderSpec(widen(payPeriodDecider), { commands: payPeriodCommand, now: NOW, idPrefix: "adj" });
const disputes = deciderSpec(widen(disputeDecider), { commands: disputeCommand, now: NOW });
const badges = deciderSpec(widen(badgeDecider), { commands: badgeCommand, now: "2026-04-01T08:00:00.000Z" });
const contests = deciderSpec(widen(contestDecider), { commands: contestCommand, now: "2026-10-01T09:00:00.000Z" });

const assigned = (repId: string, from: string, through?: string): IncentiveEvent => ({
  type: "IncentivePlanAssigned",
  data: {
    assignmentId: `as-${repId}`,
    planId: "ae-2026",
    repId,
    from,
    ...(through && { through }),
    quotas: [],
    assignedAt: NOW,
  },
});

describe("incentive plan decider", () => {
  it("publishes a plan once: plan_already_published", () => {
    plans
      .given([])
      .when({ type: "PublishIncentivePlan", data: { plan: planV1 } })
      .then([published]);
    plans
      .given([published])
      .when({ type: "PublishIncentivePlan", data: { plan: planV1 } })
      .then("plan_already_published");
  });

  it("rejects a plan definePlan refuses before deciding", () => {
    const gap = {
      ...planV1,
      components: [
        {
          ...planV1.components[0],
          tiers: [
            { from: 0, to: 10, rateBps: 1 },
            { from: 20, to: null, rateBps: 2 },
          ],
        },
      ],
    };
    plans
      .given([])
      .when({ type: "PublishIncentivePlan", data: { plan: gap } } as never)
      .thenThrows("validation_failed");
  });

  it("revises with a higher, compatible version and a reason: plan_version_exists, plan_versions_incompatible, plan_not_published, plan_mismatch, adjustment_requires_reason", () => {
    const revise = (plan: typeof planV1, reason = "Tier 2 corrected") => ({
      type: "ReviseIncentivePlan" as const,
      data: { plan, reason },
    });
    plans
      .given([published])
      .when(revise(planV2))
      .then([{ type: "IncentivePlanRevised", data: { plan: planV2, reason: "Tier 2 corrected", revisedAt: NOW } }]);
    plans.given([published]).when(revise(planV1)).then("plan_version_exists");
    plans
      .given([published])
      .when(revise({ ...planV2, currency: "EUR" }))
      .then("plan_versions_incompatible");
    plans.given([]).when(revise(planV2)).then("plan_not_published");
    plans
      .given([published])
      .when(revise({ ...planV2, planId: "other" }))
      .then("plan_mismatch");
    plans.given([published]).when(revise(planV2, "   ")).then("adjustment_requires_reason");
  });

  it("assigns reps effective-dated, ids from the context: assignment_overlaps, assignment_ends_before_start", () => {
    const assign = (repId: string, from: string, through?: string) => ({
      type: "AssignIncentivePlan" as const,
      data: { planId: "ae-2026", repId, from, ...(through && { through }), quotas: [] },
    });
    plans
      .given([published])
      .when(assign("rep-ana", "2026-01-01", "2026-06-30"))
      .then([
        {
          type: "IncentivePlanAssigned",
          data: {
            assignmentId: "as-000001",
            planId: "ae-2026",
            repId: "rep-ana",
            from: "2026-01-01",
            through: "2026-06-30",
            quotas: [],
            assignedAt: NOW,
          },
        },
      ]);
    plans
      .given([published, assigned("rep-ana", "2026-01-01", "2026-06-30")])
      .when(assign("rep-ana", "2026-06-30"))
      .then("assignment_overlaps");
    plans
      .given([published, assigned("rep-ana", "2026-01-01", "2026-06-30")])
      .when(assign("rep-ana", "2026-07-01"))
      .then([
        {
          type: "IncentivePlanAssigned",
          data: {
            assignmentId: "as-000001",
            planId: "ae-2026",
            repId: "rep-ana",
            from: "2026-07-01",
            quotas: [],
            assignedAt: NOW,
          },
        },
      ]);
    plans
      .given([published])
      .when(assign("rep-ana", "2026-03-01", "2026-02-28"))
      .then("assignment_ends_before_start");
    plans.given([]).when(assign("rep-ana", "2026-01-01")).then("plan_not_published");
  });

  it("ends an assignment: assignment_not_found, assignment_ends_before_start, assignment_overlaps", () => {
    const end = (assignmentId: string, through: string) => ({
      type: "EndIncentivePlanAssignment" as const,
      data: { planId: "ae-2026", assignmentId, through, reason: "leave" },
    });
    const history = [published, assigned("rep-ana", "2026-01-01")];
    plans
      .given(history)
      .when(end("as-rep-ana", "2026-03-31"))
      .then([
        {
          type: "IncentivePlanAssignmentEnded",
          data: {
            assignmentId: "as-rep-ana",
            planId: "ae-2026",
            repId: "rep-ana",
            through: "2026-03-31",
            reason: "leave",
            endedAt: NOW,
          },
        },
      ]);
    plans.given(history).when(end("as-nobody", "2026-03-31")).then("assignment_not_found");
    plans.given(history).when(end("as-rep-ana", "2025-12-31")).then("assignment_ends_before_start");
    const two = [
      published,
      assigned("rep-ana", "2026-01-01", "2026-03-31"),
      {
        ...assigned("rep-ana", "2026-06-01"),
        data: { ...(assigned("rep-ana", "2026-06-01").data as object), assignmentId: "as-2" },
      } as IncentiveEvent,
    ];
    plans.given(two).when(end("as-rep-ana", "2026-06-15")).then("assignment_overlaps");
  });
});

describe("pay period decider", () => {
  const close = { type: "CloseIncentivePeriod" as const, data: { planId: "ae-2026", periodId: "2026-01" } };
  const approve = (repId: string, total = 20_000, approverId = "mgr-kim") => ({
    type: "ApproveIncentiveStatement" as const,
    data: { planId: "ae-2026", periodId: "2026-01", repId, total: usd(total), approverId },
  });
  const statement = statementOf("rep-ana");
  const lock = (total = statement.total.amount, s = statement) => ({
    type: "LockIncentiveStatement" as const,
    data: {
      planId: "ae-2026",
      periodId: "2026-01",
      repId: "rep-ana",
      statement: s,
      adjustments: [],
      total: usd(total),
    },
  });
  const post = (amount: number, reason = "Missed split", approverId = "mgr-kim") => ({
    type: "PostIncentiveAdjustment" as const,
    data: { planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", amount: usd(amount), reason, approverId },
  });

  it("closes a period once: period_already_closed, period_stream_mismatch", () => {
    periods.given([]).when(close).then([closed()]);
    periods.given([closed()]).when(close).then("period_already_closed");
    periods
      .given([closed()])
      .when({ ...close, data: { planId: "ae-2026", periodId: "2026-02" } })
      .then("period_stream_mismatch");
  });

  it("approves after the close, never by the payee: period_not_closed, approver_is_payee", () => {
    periods
      .given([closed()])
      .when(approve("rep-ana"))
      .then([approved("rep-ana")]);
    periods.given([]).when(approve("rep-ana")).then("period_not_closed");
    periods
      .given([closed()])
      .when(approve("rep-ana", 20_000, "rep-ana"))
      .then("approver_is_payee");
  });

  it("locks the approved statement, stored in the event: statement_not_approved, statement_changed_since_approval, statement_mismatch, statement_locked", () => {
    const total = statement.total.amount;
    const given = [closed(), approved("rep-ana", total)];
    periods
      .given(given)
      .when(lock())
      .then([
        {
          type: "IncentiveStatementLocked",
          data: {
            planId: "ae-2026",
            periodId: "2026-01",
            repId: "rep-ana",
            statement,
            adjustments: [],
            total: usd(total),
            lockedAt: NOW,
          },
        },
      ]);
    periods.given([closed()]).when(lock()).then("statement_not_approved");
    periods
      .given([closed(), approved("rep-ana", total + 1)])
      .when(lock())
      .then("statement_changed_since_approval");
    periods
      .given(given)
      .when(lock(total + 5))
      .then("statement_mismatch");
    periods
      .given(given)
      .when(lock(total, statementOf("rep-bo")))
      .then("statement_mismatch");
    const locked: IncentiveEvent = { type: "IncentiveStatementLocked", data: { ...lock().data, lockedAt: NOW } };
    periods
      .given([...given, locked])
      .when(lock())
      .then("statement_locked");
    periods
      .given([...given, locked])
      .when(approve("rep-ana", total))
      .then("statement_locked");
  });

  it("takes manual adjustments only while open, with a reason, non-zero, approved by someone else", () => {
    periods
      .given([])
      .when(post(2_500))
      .then([
        {
          type: "IncentiveAdjustmentPosted",
          data: {
            adjustmentId: "adj-000001",
            planId: "ae-2026",
            periodId: "2026-01",
            repId: "rep-ana",
            amount: usd(2_500),
            reason: "Missed split",
            approverId: "mgr-kim",
            postedAt: NOW,
          },
        },
      ]);
    periods.given([closed()]).when(post(2_500)).then("period_already_closed");
    periods.given([]).when(post(2_500, " ")).then("adjustment_requires_reason");
    periods.given([]).when(post(0)).then("adjustment_is_zero");
    periods
      .given([])
      .when(post(2_500, "Missed split", "rep-ana"))
      .then("approver_is_payee");
  });
});

describe("dispute decider", () => {
  const raise = {
    type: "RaisePayoutDispute" as const,
    data: { disputeId: "dp-1", planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", reason: "Deal d-9 missing" },
  };
  const raised: IncentiveEvent = { type: "PayoutDisputeRaised", data: { ...raise.data, raisedAt: NOW } };
  const resolve = (
    outcome: "upheld" | "rejected",
    amount: number,
    reason = "Credit d-9 was late",
    resolvedBy = "mgr-kim",
  ) => ({
    type: "ResolvePayoutDispute" as const,
    data: { outcome, reason, adjustment: usd(amount), payInPeriodId: "2026-02", resolvedBy },
  });

  it("raises once: dispute_exists", () => {
    disputes.given([]).when(raise).then([raised]);
    disputes.given([raised]).when(raise).then("dispute_exists");
  });

  it("resolves an open dispute once, with its reason and adjustment: dispute_not_open, rejected_dispute_adjusts, adjustment_requires_reason, approver_is_payee", () => {
    disputes
      .given([raised])
      .when(resolve("upheld", 12_000))
      .then([
        {
          type: "PayoutDisputeResolved",
          data: {
            disputeId: "dp-1",
            planId: "ae-2026",
            periodId: "2026-01",
            repId: "rep-ana",
            outcome: "upheld",
            reason: "Credit d-9 was late",
            adjustment: usd(12_000),
            payInPeriodId: "2026-02",
            resolvedBy: "mgr-kim",
            resolvedAt: NOW,
          },
        },
      ]);
    disputes.given([]).when(resolve("upheld", 1)).then("dispute_not_open");
    const done: IncentiveEvent = {
      type: "PayoutDisputeResolved",
      data: {
        disputeId: "dp-1",
        planId: "ae-2026",
        periodId: "2026-01",
        repId: "rep-ana",
        outcome: "rejected",
        reason: "no",
        adjustment: usd(0),
        payInPeriodId: "2026-02",
        resolvedBy: "mgr-kim",
        resolvedAt: NOW,
      },
    };
    disputes.given([raised, done]).when(resolve("upheld", 1)).then("dispute_not_open");
    disputes.given([raised]).when(resolve("rejected", 500)).then("rejected_dispute_adjusts");
    disputes
      .given([raised])
      .when(resolve("rejected", 0, ""))
      .then("adjustment_requires_reason");
    disputes
      .given([raised])
      .when(resolve("upheld", 100, "ok", "rep-ana"))
      .then("approver_is_payee");
  });
});

describe("badge decider", () => {
  const award: BadgeAward = {
    badgeId: "club",
    name: "100% club",
    repId: "rep-ana",
    periodId: "2026-03",
    periodEnd: "2026-04-01T00:00:00.000Z",
    awardKey: "club|rep-ana|2026-03",
    evidence: "attainment 112.5% ≥ 100%",
  };
  const awarded: IncentiveEvent = { type: "BadgeAwarded", data: { ...award, awardedAt: "2026-04-01T08:00:00.000Z" } };

  it("awards at the period's end, once per key: a second award is a no-op", () => {
    badges.given([]).when({ type: "AwardBadge", data: { award } }).then([awarded]);
    badges.given([awarded]).when({ type: "AwardBadge", data: { award } }).then([]);
  });

  it("refuses before the period ends: badge_period_not_ended; and another rep's award: award_for_other_rep", () => {
    badges
      .given([])
      .when({ type: "AwardBadge", data: { award: { ...award, periodEnd: "2026-05-01T00:00:00.000Z" } } })
      .then("badge_period_not_ended");
    badges
      .given([awarded])
      .when({ type: "AwardBadge", data: { award: { ...award, repId: "rep-bo", awardKey: "club|rep-bo|2026-03" } } })
      .then("award_for_other_rep");
  });
});

describe("contest decider", () => {
  const contest: Contest = {
    contestId: "q3",
    name: "Q3 blitz",
    metric: "deals_won",
    from: "2026-07-01T00:00:00.000Z",
    to: "2026-10-01T00:00:00.000Z",
    prizes: [
      { kind: "rank", rank: 1, prize: { label: "Gold", cash: usd(100_000) } },
      { kind: "target", target: 10, prize: { label: "Club dinner" } },
    ],
  };
  const opened: IncentiveEvent = { type: "ContestOpened", data: { contest, openedAt: "2026-10-01T09:00:00.000Z" } };

  it("opens once, ending after it starts: contest_exists, contest_ends_before_start", () => {
    contests.given([]).when({ type: "OpenContest", data: { contest } }).then([opened]);
    contests.given([opened]).when({ type: "OpenContest", data: { contest } }).then("contest_exists");
    contests
      .given([])
      .when({ type: "OpenContest", data: { contest: { ...contest, to: contest.from } } })
      .then("contest_ends_before_start");
  });

  it("closes after its end with the winners: ties to who got there first; contest_not_open, contest_not_ended, duplicate_contest_entry", () => {
    const results = [
      { repId: "rep-bo", value: 12, reachedAt: "2026-09-20T10:00:00.000Z" },
      { repId: "rep-ana", value: 12, reachedAt: "2026-09-12T10:00:00.000Z" },
      { repId: "rep-cy", value: 4 },
    ];
    contests
      .given([opened])
      .when({ type: "CloseContest", data: { results } })
      .then([
        {
          type: "ContestClosed",
          data: {
            contestId: "q3",
            standings: [
              { repId: "rep-ana", value: 12, rank: 1 },
              { repId: "rep-bo", value: 12, rank: 2 },
              { repId: "rep-cy", value: 4, rank: 3 },
            ],
            winners: [
              { repId: "rep-ana", rank: 1, prize: { label: "Gold", cash: usd(100_000) }, reason: "rank" },
              { repId: "rep-ana", rank: 1, prize: { label: "Club dinner" }, reason: "target" },
              { repId: "rep-bo", rank: 2, prize: { label: "Club dinner" }, reason: "target" },
            ],
            closedAt: "2026-10-01T09:00:00.000Z",
          },
        },
      ]);
    contests.given([]).when({ type: "CloseContest", data: { results } }).then("contest_not_open");
    const closedContest: IncentiveEvent = {
      type: "ContestClosed",
      data: { contestId: "q3", standings: [], winners: [], closedAt: NOW },
    };
    contests.given([opened, closedContest]).when({ type: "CloseContest", data: { results } }).then("contest_not_open");
    const early = deciderSpec(widen(contestDecider), { commands: contestCommand, now: "2026-09-30T23:59:59.000Z" });
    early.given([opened]).when({ type: "CloseContest", data: { results } }).then("contest_not_ended");
    contests
      .given([opened])
      .when({ type: "CloseContest", data: { results: [...results, { repId: "rep-bo", value: 1 }] } })
      .then("duplicate_contest_entry");
  });
});
