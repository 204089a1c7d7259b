import { describe, expect, it } from "vitest";
import { analyticsSourceEvents } from "../../src/analytics/index.ts";
import { appraisalsEvents, feedbackSourceEvents } from "../../src/appraisals/index.ts";
import { assignmentsEvents } from "../../src/assignments/index.ts";
import { coachingEvents } from "../../src/coaching/index.ts";
import { creditEvents } from "../../src/credit/index.ts";
import { customerEvents } from "../../src/customers/index.ts";
import { dealEvents } from "../../src/deals/index.ts";
import { goalProgressEvents, goalsEvents } from "../../src/goals/index.ts";
import { incentiveProjectionEvents, incentivesEvents } from "../../src/incentives/index.ts";
import { createInMemoryEventStore, defineCalendar, rebuildProjection } from "../../src/index.ts";
import { marketEvents } from "../../src/market/index.ts";
import { orderEvents } from "../../src/orders/index.ts";
import { projectionOf, salesCommands, salesEvents, salesProjections, tabulate } from "../../src/sales/index.ts";
import { teamEvents } from "../../src/team/index.ts";
import { developmentProgressSourceEvents, trainingEvents } from "../../src/training/index.ts";

describe("salesEvents", () => {
  it("holds every area's store catalog, each type once", () => {
    const parts = [
      teamEvents,
      goalsEvents,
      assignmentsEvents,
      marketEvents,
      customerEvents,
      dealEvents,
      orderEvents,
      creditEvents,
      incentivesEvents,
      appraisalsEvents,
      coachingEvents,
      trainingEvents,
    ];
    const expected = parts.flatMap((c) => [...c.types]);
    expect([...salesEvents.types]).toEqual(expected);
    expect(new Set(expected).size).toBe(expected.length);
  });

  it("covers the typing-only catalogs without registering them", () => {
    const typingOnly = [
      analyticsSourceEvents,
      goalProgressEvents,
      incentiveProjectionEvents,
      feedbackSourceEvents,
      developmentProgressSourceEvents,
    ];
    for (const type of typingOnly.flatMap((c) => [...c.types])) {
      expect(salesEvents.definition(type), type).toBeDefined();
    }
  });
});

describe("salesCommands", () => {
  it("validates with each decider's schema", () => {
    expect(
      salesCommands.deal.safeParse({ type: "MoveDealStage", data: { dealId: "d-1", stage: "proposal" } }).success,
    ).toBe(true);
    expect(salesCommands.deal.safeParse({ type: "MoveDealStage", data: { dealId: "" } }).success).toBe(false);
    expect(
      salesCommands.reviewCycle.safeParse({
        type: "CalibrateScore",
        data: { repId: "rep-ana", scoreMilli: 4_000, reason: "calibrated", calibratedBy: "vp-sales" },
      }).success,
    ).toBe(true);
    expect(
      salesCommands.meetingSeries.safeParse({ type: "CompleteActionItem", data: { actionId: "a1" } }).success,
    ).toBe(false);
    expect(Object.keys(salesCommands)).toEqual([
      "organization",
      "goalPlan",
      "accountBook",
      "goalTasks",
      "marketFeedback",
      "customer",
      "ticket",
      "deal",
      "order",
      "credit",
      "incentivePlan",
      "payPeriod",
      "payoutDispute",
      "badges",
      "contest",
      "reviewCycle",
      "improvementPlan",
      "meetingSeries",
      "coachingNote",
      "resourceRequest",
      "trainingCatalog",
      "trainingRecord",
      "developmentPlan",
    ]);
  });
});

describe("salesProjections", () => {
  it("runs every built-in projection over an empty store and tabulates it", async () => {
    const store = createInMemoryEventStore({ catalog: salesEvents });
    const bucketing = { calendar: defineCalendar({ timeZone: "UTC" }), kind: "month" as const };
    for (const [name, entry] of Object.entries(salesProjections)) {
      const projection = projectionOf(entry as never, bucketing);
      for (const type of projection.types) expect(salesEvents.definition(type), `${name} reads ${type}`).toBeDefined();
      const { state, position } = await rebuildProjection(store, projection);
      expect(position).toBe(0);
      const sections =
        "view" in entry && entry.view ? entry.view(state as never, { ...bucketing, bucket: "month" }) : tabulate(state);
      expect(Array.isArray(sections), name).toBe(true);
    }
  });
});
