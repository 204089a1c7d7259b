import { describe, it } from "vitest";
import {
  type ImprovementPlanCommand,
  type ImprovementPlanEvent,
  improvementPlanCommand,
  improvementPlanDecider,
} from "../../../src/appraisals/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const NOW = "2026-10-01T09:00:00.000Z";
const spec = deciderSpec(improvementPlanDecider, { commands: improvementPlanCommand, now: NOW });
const cmd = (type: string, data: Record<string, unknown>) => ({ type, data }) as ImprovementPlanCommand;
const startData = {
  planId: "pip-1",
  repId: "rep-bo",
  managerId: "mgr-li",
  cycleId: "q3",
  reason: "Q3 score 2.5",
  goals: [{ goalId: "g1", description: "Lift win rate", measure: "win rate ≥ 25% over 60 days" }],
  startsOn: "2026-10-01",
  endsOn: "2026-11-30",
};
const started: ImprovementPlanEvent = { type: "ImprovementPlanStarted", data: { ...startData, startedAt: NOW } };
const action: ImprovementPlanEvent = {
  type: "ImprovementActionAdded",
  data: {
    planId: "pip-1",
    actionId: "a1",
    description: "Shadow Ana on 3 demos",
    ownerId: "rep-bo",
    dueOn: "2026-10-15",
  },
};
const acknowledged: ImprovementPlanEvent = {
  type: "ImprovementPlanAcknowledged",
  data: { planId: "pip-1", repId: "rep-bo", acknowledgedAt: NOW },
};
const closed: ImprovementPlanEvent = {
  type: "ImprovementPlanClosed",
  data: { planId: "pip-1", outcome: "cancelled", summary: "moved to another team", closedAt: NOW },
};

describe("improvement plan", () => {
  it("starts a plan", () => spec.given([]).when(cmd("StartImprovementPlan", startData)).then([started]));
  it("plan_already_started", () =>
    spec.given([started]).when(cmd("StartImprovementPlan", startData)).then("plan_already_started"));
  it("plan_dates_invalid", () =>
    spec
      .given([])
      .when(cmd("StartImprovementPlan", { ...startData, endsOn: "2026-09-30" }))
      .then("plan_dates_invalid"));
  it("plan_not_found", () =>
    spec
      .given([])
      .when(cmd("AcknowledgeImprovementPlan", { repId: "rep-bo" }))
      .then("plan_not_found"));
  it("plan_not_active", () =>
    spec
      .given([started, closed])
      .when(cmd("AcknowledgeImprovementPlan", { repId: "rep-bo" }))
      .then("plan_not_active"));
  it("adds an action due inside the plan; duplicate_action; action_due_outside_plan", () => {
    const { planId: _p, ...data } = action.data;
    spec.given([started]).when(cmd("AddImprovementAction", data)).then([action]);
    spec.given([started, action]).when(cmd("AddImprovementAction", data)).then("duplicate_action");
    spec
      .given([started])
      .when(cmd("AddImprovementAction", { ...data, dueOn: "2026-12-01" }))
      .then("action_due_outside_plan");
  });
  it("completes an action once: action_unknown, action_already_completed", () => {
    const done: ImprovementPlanEvent = {
      type: "ImprovementActionCompleted",
      data: { planId: "pip-1", actionId: "a1", completedOn: "2026-10-12" },
    };
    spec
      .given([started, action])
      .when(cmd("CompleteImprovementAction", { actionId: "a1", completedOn: "2026-10-12" }))
      .then([done]);
    spec
      .given([started])
      .when(cmd("CompleteImprovementAction", { actionId: "a1", completedOn: "2026-10-12" }))
      .then("action_unknown");
    spec
      .given([started, action, done])
      .when(cmd("CompleteImprovementAction", { actionId: "a1", completedOn: "2026-10-13" }))
      .then("action_already_completed");
  });
  it("records a check-in on known goals; check_in_goal_unknown", () => {
    const data = {
      checkInId: "c1",
      heldOn: "2026-10-15",
      note: "better",
      goalStatus: [{ goalId: "g1", status: "on_track" }],
      recordedBy: "mgr-li",
    };
    spec
      .given([started])
      .when(cmd("RecordImprovementCheckIn", data))
      .then([{ type: "ImprovementCheckInRecorded", data: { planId: "pip-1", ...data } } as never]);
    spec
      .given([started])
      .when(cmd("RecordImprovementCheckIn", { ...data, goalStatus: [{ goalId: "g9", status: "met" }] }))
      .then("check_in_goal_unknown");
  });
  it("the rep acknowledges once: only_rep_acknowledges, already_acknowledged", () => {
    spec
      .given([started])
      .when(cmd("AcknowledgeImprovementPlan", { repId: "rep-bo" }))
      .then([acknowledged]);
    spec
      .given([started])
      .when(cmd("AcknowledgeImprovementPlan", { repId: "mgr-li" }))
      .then("only_rep_acknowledges");
    spec
      .given([started, acknowledged])
      .when(cmd("AcknowledgeImprovementPlan", { repId: "rep-bo" }))
      .then("already_acknowledged");
  });
  it("extends the plan; extension_not_later", () => {
    spec
      .given([started])
      .when(cmd("ExtendImprovementPlan", { endsOn: "2026-12-31", reason: "holidays" }))
      .then([{ type: "ImprovementPlanExtended", data: { planId: "pip-1", endsOn: "2026-12-31", reason: "holidays" } }]);
    spec
      .given([started])
      .when(cmd("ExtendImprovementPlan", { endsOn: "2026-11-30", reason: "x" }))
      .then("extension_not_later");
  });
  it("outcome_requires_acknowledgement; a cancellation needs none", () => {
    spec
      .given([started])
      .when(cmd("CloseImprovementPlan", { outcome: "succeeded", summary: "met" }))
      .then("outcome_requires_acknowledgement");
    spec
      .given([started])
      .when(cmd("CloseImprovementPlan", { outcome: "cancelled", summary: "moved to another team" }))
      .then([closed]);
    spec
      .given([started, acknowledged])
      .when(cmd("CloseImprovementPlan", { outcome: "succeeded", summary: "met" }))
      .then([
        {
          type: "ImprovementPlanClosed",
          data: { planId: "pip-1", outcome: "succeeded", summary: "met", closedAt: NOW },
        },
      ]);
  });
});
