// The report views of the incentives and training areas over real event histories (the appraisals and coaching
// views are read back from the demo's store in test/cli/peopleAreas.test.ts). Figures are worked out in comments.
import { describe, expect, it } from "vitest";
import {
  incentiveLedger,
  incentivePlanCommand,
  incentivePlanDecider,
  incentivePlanStreamId,
  payoutHistory,
  payPeriodCommand,
  payPeriodDecider,
  payPeriodStreamId,
  statementFor,
} from "../../src/incentives/index.ts";
import {
  createCommandHandler,
  createInMemoryEventStore,
  defineCalendar,
  fixedClock,
  periodById,
  rebuildProjection,
  sequentialIds,
} from "../../src/index.ts";
import {
  incentiveStatementsView,
  payoutHistoryView,
  type ReportContext,
  salesEvents,
  trainingStatusView,
} from "../../src/sales/index.ts";
import {
  trainingComplianceProjection,
  trainingRecordCommand,
  trainingRecordDecider,
  trainingRecordStreamId,
} from "../../src/training/index.ts";
import { credit, planV1, usd } from "../domain/incentives/events/fixtures.ts";

const calendar = defineCalendar({ timeZone: "UTC" });
const context = (periodId?: string): ReportContext => ({
  calendar,
  bucket: "month",
  ...(periodId ? { period: periodById(calendar, periodId) } : {}),
});

async function incentiveStore() {
  const store = createInMemoryEventStore({ catalog: salesEvents });
  const common = { store, clock: fixedClock("2026-02-03T09:00:00.000Z"), ids: sequentialIds("id") };
  const plans = createCommandHandler({ ...common, decider: incentivePlanDecider, commands: incentivePlanCommand });
  const periods = createCommandHandler({ ...common, decider: payPeriodDecider, commands: payPeriodCommand });
  await plans.handle(incentivePlanStreamId("ae-2026"), { type: "PublishIncentivePlan", data: { plan: planV1 } });
  await plans.handle(incentivePlanStreamId("ae-2026"), {
    type: "AssignIncentivePlan",
    data: { planId: "ae-2026", repId: "rep-ana", from: "2026-01-01", quotas: [] },
  });
  for (const c of [
    credit("a1", "rep-ana", 600_000, "2026-01-05T10:00:00Z"),
    credit("a2", "rep-ana", 600_000, "2026-01-12T10:00:00Z"),
    credit("a3", "rep-ana", 300_000, "2026-02-10T10:00:00Z"),
  ]) {
    await store.append(`credit-${c.creditId}`, [{ type: "SalesCreditAssigned", data: c }]);
  }
  // January is closed, approved and locked: 1,000,000 at 5% + 200,000 at 10% = 70,000.
  const jan = payPeriodStreamId("ae-2026", "2026-01");
  await periods.handle(jan, { type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: "2026-01" } });
  const key = { planId: "ae-2026", periodId: "2026-01", repId: "rep-ana" };
  await periods.handle(jan, {
    type: "ApproveIncentiveStatement",
    data: { ...key, total: usd(70_000), approverId: "mgr-kim" },
  });
  const view = statementFor((await rebuildProjection(store, incentiveLedger)).state, key)!;
  await periods.handle(jan, {
    type: "LockIncentiveStatement",
    data: { ...key, statement: view.statement, adjustments: [...view.adjustments], total: view.total },
  });
  return store;
}

describe("incentiveStatementsView", () => {
  it("lists each period's statements and liability, locked and open, and keeps only --period's", async () => {
    const store = await incentiveStore();
    const { state } = await rebuildProjection(store, incentiveLedger);
    const [statements, liability] = incentiveStatementsView(state, context());
    // February is open: 300,000 at 5% = 15,000.
    expect(statements!.rows.map((r) => [r.period, r.rep, r.status, r.total])).toEqual([
      ["2026-01", "rep-ana", "locked", usd(70_000)],
      ["2026-02", "rep-ana", "open", usd(15_000)],
    ]);
    expect(liability!.rows.map((r) => [r.period, r.payable, r.locked])).toEqual([
      ["2026-01", usd(70_000), usd(70_000)],
      ["2026-02", usd(15_000), usd(0)],
    ]);
    const [feb] = incentiveStatementsView(state, context("2026-02"));
    expect(feb!.rows.map((r) => r.period)).toEqual(["2026-02"]);
    // The plan pays monthly: a quarter is not one of its periods.
    expect(incentiveStatementsView(state, context("2026-Q1")).map((s) => s.rows.length)).toEqual([0, 0]);
  });

  it("lists every locked statement as a payout", async () => {
    const store = await incentiveStore();
    const { state } = await rebuildProjection(store, payoutHistory);
    expect(payoutHistoryView(state)[0]!.rows.map((r) => [r.rep, r.period, r.own, r.total])).toEqual([
      ["rep-ana", "2026-01", usd(70_000), usd(70_000)],
    ]);
  });
});

describe("trainingStatusView", () => {
  it("shows completion and certifications, and with --period what is overdue or expiring at its end", async () => {
    const store = createInMemoryEventStore({ catalog: salesEvents });
    const records = createCommandHandler({
      store,
      decider: trainingRecordDecider,
      commands: trainingRecordCommand,
      clock: fixedClock("2026-07-01T01:00:00.000Z"),
    });
    const course = {
      courseId: "c-prod",
      title: "Product Pro",
      topic: "product_knowledge" as const,
      moduleIds: ["m1", "m2"],
      passingScoreBps: 8_000,
      certification: { certificationId: "cert-pro", name: "Product specialist", validForDays: 365 },
    };
    for (const repId of ["rep-ana", "rep-bo"]) {
      await records.handle(trainingRecordStreamId(repId), {
        type: "AssignTraining",
        data: {
          repId,
          assignmentId: "prod-q3",
          planId: "product",
          title: "Product Pro",
          dueOn: "2026-07-31",
          assignedBy: "mgr-li",
          courses: [course],
        },
      });
    }
    for (const moduleId of ["m1", "m2"]) {
      await records.handle(trainingRecordStreamId("rep-ana"), {
        type: "CompleteModule",
        data: { assignmentId: "prod-q3", courseId: "c-prod", moduleId, scoreBps: 9_000, completedOn: "2026-07-12" },
      });
    }
    const { state } = await rebuildProjection(store, trainingComplianceProjection);
    // Ana passed on 12 July 2026: certified for 365 days. Bo did nothing.
    expect(trainingStatusView(state, context())[0]!.rows).toEqual([
      {
        rep: "rep-ana",
        assignments: 1,
        completed: 1,
        completion: "100.00%",
        certifications: "cert-pro (until 2027-07-12)",
      },
      { rep: "rep-bo", assignments: 1, completed: 0, completion: "0.00%", certifications: null },
    ]);
    const q3 = trainingStatusView(state, context("2026-Q3"))[0]!.rows;
    expect(q3.map((r) => r["overdue on 2026-10-01"])).toEqual([null, "prod-q3"]);
    const q2 = trainingStatusView(state, context("2027-Q2"))[0]!.rows;
    expect(q2.map((r) => r["expiring within 30 days"])).toEqual(["cert-pro", null]);
  });
});
