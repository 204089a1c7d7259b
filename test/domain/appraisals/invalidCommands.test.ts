import { describe, expect, it } from "vitest";
import {
  appraisalsEvents,
  type ImprovementPlanCommand,
  improvementPlanCommand,
  improvementPlanDecider,
  improvementPlanStreamId,
  type ReviewCycleCommand,
  reviewCycleCommand,
  reviewCycleDecider,
  reviewCycleStreamId,
} from "../../../src/appraisals/index.ts";
import { createCommandHandler, createInMemoryEventStore, fixedClock } from "../../../src/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";
import { ana, openData } from "./fixtures.ts";

const cycleCommands: ReviewCycleCommand[] = [
  { type: "OpenReviewCycle", data: { ...openData, formula: "weighted()" } },
  { type: "AddCycleParticipant", data: { participant: ana } },
  { type: "ExcludeCycleParticipant", data: { repId: "rep-ana", reason: "left" } },
  { type: "StartSelfReview", data: {} },
  { type: "StartManagerReview", data: { waiveMissingSelfReviews: { reason: "leave" } } },
  { type: "StartCalibration", data: {} },
  { type: "CloseReviewCycle", data: {} },
  { type: "RecordKpiMeasurement", data: { repId: "rep-ana", kpiId: "quota", value: 9000, explanation: "goal" } },
  {
    type: "SubmitFeedback",
    data: {
      feedbackId: "f1",
      repId: "rep-ana",
      kind: "peer",
      authorId: "rep-bo",
      ratings: { teamwork: 4 },
      comment: "helpful",
      visibility: "manager",
      anonymous: true,
      privateNote: "note",
    },
  },
  { type: "CalibrateScore", data: { repId: "rep-ana", scoreMilli: 4000, reason: "aligned", calibratedBy: "dir-wu" } },
];

const planCommands: ImprovementPlanCommand[] = [
  {
    type: "StartImprovementPlan",
    data: {
      planId: "pip-1",
      repId: "rep-bo",
      managerId: "mgr-li",
      cycleId: "q3",
      reason: "score",
      goals: [{ goalId: "g1", description: "win rate", measure: "25%" }],
      startsOn: "2026-10-01",
      endsOn: "2026-11-30",
    },
  },
  {
    type: "AddImprovementAction",
    data: { actionId: "a1", description: "shadow", ownerId: "rep-bo", dueOn: "2026-10-15" },
  },
  { type: "CompleteImprovementAction", data: { actionId: "a1", completedOn: "2026-10-12", note: "done" } },
  {
    type: "RecordImprovementCheckIn",
    data: {
      checkInId: "c1",
      heldOn: "2026-10-15",
      note: "ok",
      goalStatus: [{ goalId: "g1", status: "at_risk" }],
      recordedBy: "mgr-li",
    },
  },
  { type: "AcknowledgeImprovementPlan", data: { repId: "rep-bo", comment: "read it" } },
  { type: "ExtendImprovementPlan", data: { endsOn: "2026-12-31", reason: "holidays" } },
  { type: "CloseImprovementPlan", data: { outcome: "succeeded", summary: "met" } },
];

const typesOf = (schema: { options: readonly { shape: { type: { value: string } } }[] }) =>
  new Set(schema.options.map((o) => o.shape.type.value));

describe("appraisals commands reject bad input with a ValidationError and write nothing", () => {
  it("covers every command type", () => {
    expect(new Set(cycleCommands.map((c) => c.type))).toEqual(typesOf(reviewCycleCommand));
    expect(new Set(planCommands.map((c) => c.type))).toEqual(typesOf(improvementPlanCommand));
  });
  for (const valid of cycleCommands) {
    it(`reviewCycle ${valid.type}`, async () => {
      const store = createInMemoryEventStore({ catalog: appraisalsEvents });
      const handler = createCommandHandler({
        store,
        decider: reviewCycleDecider,
        commands: reviewCycleCommand,
        clock: fixedClock("2026-09-20T00:00:00.000Z"),
      });
      await assertRejectsInvalidCommands({
        schema: reviewCycleCommand,
        valid: [valid],
        store,
        handle: (c) => handler.handle(reviewCycleStreamId("q3"), c as ReviewCycleCommand),
      });
    });
  }
  for (const valid of planCommands) {
    it(`improvementPlan ${valid.type}`, async () => {
      const store = createInMemoryEventStore({ catalog: appraisalsEvents });
      const handler = createCommandHandler({
        store,
        decider: improvementPlanDecider,
        commands: improvementPlanCommand,
        clock: fixedClock("2026-10-01T00:00:00.000Z"),
      });
      await assertRejectsInvalidCommands({
        schema: improvementPlanCommand,
        valid: [valid],
        store,
        handle: (c) => handler.handle(improvementPlanStreamId("pip-1"), c as ImprovementPlanCommand),
      });
    });
  }
  it("rejects KPI ids that are not identifiers or are reserved function names", () => {
    for (const kpiId of ["Quota", "1st", "weighted", "mean", ""]) {
      const kpis = [{ ...openData.kpis[0]!, kpiId }];
      expect(reviewCycleCommand.safeParse({ type: "OpenReviewCycle", data: { ...openData, kpis } }).success).toBe(
        false,
      );
    }
  });
});
