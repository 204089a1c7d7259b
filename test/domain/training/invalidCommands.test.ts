import { describe, expect, it } from "vitest";
import { createCommandHandler, createInMemoryEventStore, fixedClock } from "../../../src/index.ts";
import {
  type DevelopmentPlanCommand,
  developmentPlanCommand,
  developmentPlanDecider,
  type TrainingCatalogCommand,
  type TrainingRecordCommand,
  trainingCatalogCommand,
  trainingCatalogDecider,
  trainingEvents,
  trainingRecordCommand,
  trainingRecordDecider,
} from "../../../src/training/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";

const course = {
  courseId: "c",
  title: "C",
  topic: "sales_skills" as const,
  moduleIds: ["m1"],
  passingScoreBps: 8000,
  certification: { certificationId: "cert", name: "Cert", validForDays: 365 },
};
const cases: { schema: any; decider: any; valid: unknown[] }[] = [
  {
    schema: trainingCatalogCommand,
    decider: trainingCatalogDecider,
    valid: [
      {
        type: "DefineCourse",
        data: {
          catalogId: "acme",
          courseId: "c",
          title: "C",
          topic: "market_analysis",
          modules: [{ moduleId: "m1", title: "M", minutes: 30 }],
          passingScoreBps: 8000,
          certification: course.certification,
        },
      },
      { type: "RetireCourse", data: { courseId: "c", reason: "old" } },
      { type: "DefineTrainingPlan", data: { catalogId: "acme", planId: "p", title: "P", courseIds: ["c"] } },
    ] satisfies TrainingCatalogCommand[],
  },
  {
    schema: trainingRecordCommand,
    decider: trainingRecordDecider,
    valid: [
      {
        type: "AssignTraining",
        data: {
          repId: "rep-ana",
          assignmentId: "as",
          planId: "p",
          title: "P",
          teamId: "t",
          courses: [course],
          dueOn: "2026-07-31",
          assignedBy: "mgr",
        },
      },
      {
        type: "CompleteModule",
        data: { assignmentId: "as", courseId: "c", moduleId: "m1", scoreBps: 9000, completedOn: "2026-07-10" },
      },
      { type: "WithdrawTraining", data: { assignmentId: "as", reason: "role change" } },
      {
        type: "RecordCertification",
        data: {
          repId: "rep-ana",
          certificationId: "x",
          name: "X",
          issuer: "AWS",
          earnedOn: "2026-01-01",
          expiresOn: "2027-01-01",
        },
      },
      {
        type: "AssessSkill",
        data: { repId: "rep-ana", skillId: "s", level: 3, assessedBy: "mgr", assessedOn: "2026-07-10", note: "ok" },
      },
    ] satisfies TrainingRecordCommand[],
  },
  {
    schema: developmentPlanCommand,
    decider: developmentPlanDecider,
    valid: [
      {
        type: "CreateDevelopmentPlan",
        data: {
          planId: "idp",
          repId: "rep-ana",
          managerId: "mgr",
          careerGoal: "lead",
          gaps: [{ gapId: "g", description: "d", kpiId: "k", cycleId: "q3", currentMilli: 2000, targetMilli: 3000 }],
          objectives: [
            { objectiveId: "o", description: "d", gapId: "g", courseId: "c", skillId: "s", dueOn: "2026-12-31" },
          ],
        },
      },
      {
        type: "AddDevelopmentObjective",
        data: { objective: { objectiveId: "o2", description: "d", dueOn: "2026-12-31" } },
      },
      { type: "CompleteDevelopmentObjective", data: { objectiveId: "o", completedOn: "2026-11-01", note: "n" } },
      {
        type: "ReviewDevelopmentPlan",
        data: { meetingId: "m", reviewerId: "mgr", reviewedOn: "2026-10-16", note: "n" },
      },
      { type: "CloseDevelopmentPlan", data: { outcome: "partially_achieved", note: "n" } },
    ] satisfies DevelopmentPlanCommand[],
  },
];

describe("training commands reject bad input with a ValidationError and write nothing", () => {
  for (const { schema, decider, valid } of cases) {
    it(`${decider.name} covers every command type`, () => {
      expect(new Set(valid.map((c: any) => c.type))).toEqual(
        new Set(schema.options.map((o: any) => o.shape.type.value)),
      );
    });
    for (const command of valid) {
      it(`${decider.name} ${(command as { type: string }).type}`, async () => {
        const store = createInMemoryEventStore({ catalog: trainingEvents });
        const handler = createCommandHandler({
          store,
          decider,
          commands: schema,
          clock: fixedClock("2026-07-01T00:00:00.000Z"),
        });
        await assertRejectsInvalidCommands({
          schema,
          valid: [command],
          store,
          handle: (c) => handler.handle("s-1", c as never),
        });
      });
    }
  }
});
