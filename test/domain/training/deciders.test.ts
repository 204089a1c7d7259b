import { describe, it } from "vitest";
import {
  type DevelopmentPlanCommand,
  type DevelopmentPlanEvent,
  developmentPlanCommand,
  developmentPlanDecider,
  type TrainingCatalogCommand,
  type TrainingCatalogEvent,
  type TrainingRecordCommand,
  type TrainingRecordEvent,
  trainingCatalogCommand,
  trainingCatalogDecider,
  trainingRecordCommand,
  trainingRecordDecider,
} from "../../../src/training/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const NOW = "2026-07-01T09:00:00.000Z";
const cmd = <C>(type: string, data: Record<string, unknown>) => ({ type, data }) as C;

const courseData = {
  catalogId: "acme",
  courseId: "c-prod",
  title: "Product Pro",
  topic: "product_knowledge",
  modules: [
    { moduleId: "m1", title: "Platform", minutes: 45 },
    { moduleId: "m2", title: "Integrations", minutes: 30 },
  ],
  passingScoreBps: 8000,
  certification: { certificationId: "cert-pro", name: "Product specialist", validForDays: 365 },
};

// The events of the c-prod course of assignment as-1, for rep-ana.
const courseDone = (scoreBps: number, completedOn: string, passed = true): TrainingRecordEvent => ({
  type: "CourseCompleted",
  data: { repId: "rep-ana", assignmentId: "as-1", courseId: "c-prod", scoreBps, passed, completedOn },
});
const certEarned = (earnedOn: string, expiresOn: string): TrainingRecordEvent => ({
  type: "CertificationEarned",
  data: {
    repId: "rep-ana",
    certificationId: "cert-pro",
    name: "Product specialist",
    earnedOn,
    expiresOn,
    source: { kind: "course", courseId: "c-prod" },
  },
});
const assignmentDone = (completedOn: string): TrainingRecordEvent => ({
  type: "TrainingAssignmentCompleted",
  data: { repId: "rep-ana", assignmentId: "as-1", completedOn },
});

describe("training catalog", () => {
  const spec = deciderSpec(trainingCatalogDecider, { commands: trainingCatalogCommand, now: NOW });
  const c = (type: string, data: Record<string, unknown>) => cmd<TrainingCatalogCommand>(type, data);
  const defined: TrainingCatalogEvent = {
    type: "CourseDefined",
    data: { ...courseData, topic: "product_knowledge", definedAt: NOW },
  };
  const retired: TrainingCatalogEvent = {
    type: "CourseRetired",
    data: { catalogId: "acme", courseId: "c-prod", reason: "sunset", retiredAt: NOW },
  };
  const plan = { catalogId: "acme", planId: "onboarding", title: "Onboarding", courseIds: ["c-prod"] };
  it("defines a course; course_exists; duplicate_module; catalog_mismatch", () => {
    spec.given([]).when(c("DefineCourse", courseData)).then([defined]);
    spec.given([defined]).when(c("DefineCourse", courseData)).then("course_exists");
    spec
      .given([])
      .when(c("DefineCourse", { ...courseData, modules: [courseData.modules[0], courseData.modules[0]] }))
      .then("duplicate_module");
    spec
      .given([defined])
      .when(c("DefineCourse", { ...courseData, catalogId: "other", courseId: "c2" }))
      .then("catalog_mismatch");
  });
  it("retires a course once; course_unknown; course_retired", () => {
    spec
      .given([defined])
      .when(c("RetireCourse", { courseId: "c-prod", reason: "sunset" }))
      .then([retired]);
    spec
      .given([defined])
      .when(c("RetireCourse", { courseId: "c-x", reason: "sunset" }))
      .then("course_unknown");
    spec
      .given([defined, retired])
      .when(c("RetireCourse", { courseId: "c-prod", reason: "again" }))
      .then("course_retired");
  });
  it("defines a plan from active courses; training_plan_exists; unknown or retired courses are refused", () => {
    const planned: TrainingCatalogEvent = { type: "TrainingPlanDefined", data: { ...plan, definedAt: NOW } };
    spec.given([defined]).when(c("DefineTrainingPlan", plan)).then([planned]);
    spec.given([defined, planned]).when(c("DefineTrainingPlan", plan)).then("training_plan_exists");
    spec
      .given([defined])
      .when(c("DefineTrainingPlan", { ...plan, courseIds: ["c-x"] }))
      .then("course_unknown");
    spec.given([defined, retired]).when(c("DefineTrainingPlan", plan)).then("course_retired");
  });
});

describe("training record", () => {
  const spec = deciderSpec(trainingRecordDecider, { commands: trainingRecordCommand, now: NOW });
  const c = (type: string, data: Record<string, unknown>) => cmd<TrainingRecordCommand>(type, data);
  const course = {
    courseId: "c-prod",
    title: "Product Pro",
    topic: "product_knowledge",
    moduleIds: ["m1", "m2"],
    passingScoreBps: 8000,
    certification: courseData.certification,
  };
  const assign = {
    repId: "rep-ana",
    assignmentId: "as-1",
    planId: "onboarding",
    title: "Onboarding",
    teamId: "team-east",
    courses: [course],
    dueOn: "2026-07-31",
    assignedBy: "mgr-li",
  };
  const assigned = { type: "TrainingAssigned", data: { ...assign, assignedAt: NOW } } as TrainingRecordEvent;
  const m1: TrainingRecordEvent = {
    type: "ModuleCompleted",
    data: {
      repId: "rep-ana",
      assignmentId: "as-1",
      courseId: "c-prod",
      moduleId: "m1",
      scoreBps: 9000,
      completedOn: "2026-07-10",
    },
  };
  const complete = (moduleId: string, scoreBps: number) =>
    c("CompleteModule", { assignmentId: "as-1", courseId: "c-prod", moduleId, scoreBps, completedOn: "2026-07-12" });
  it("assigns training; assignment_exists; duplicate_module", () => {
    spec.given([]).when(c("AssignTraining", assign)).then([assigned]);
    spec.given([assigned]).when(c("AssignTraining", assign)).then("assignment_exists");
    spec
      .given([])
      .when(c("AssignTraining", { ...assign, courses: [course, course] }))
      .then("duplicate_module");
  });
  it("completes the last module: the course passes at the mean score, earns its certification, completes the assignment", () => {
    spec
      .given([assigned, m1])
      .when(complete("m2", 7500))
      .then([
        {
          type: "ModuleCompleted",
          data: {
            repId: "rep-ana",
            assignmentId: "as-1",
            courseId: "c-prod",
            moduleId: "m2",
            scoreBps: 7500,
            completedOn: "2026-07-12",
          },
        },
        // mean(9000, 7500) = 8250 ≥ 8000
        courseDone(8250, "2026-07-12"),
        certEarned("2026-07-12", "2027-07-12"),
        assignmentDone("2026-07-12"),
      ]);
  });
  it("dates the course, its certification and the assignment by the latest completion, in any recording order", () => {
    // m1 was done on 07-10; m2 is recorded afterwards but was done earlier, on 07-05.
    spec
      .given([assigned, m1])
      .when(
        c("CompleteModule", {
          assignmentId: "as-1",
          courseId: "c-prod",
          moduleId: "m2",
          scoreBps: 8000,
          completedOn: "2026-07-05",
        }),
      )
      .then([
        { type: "ModuleCompleted", data: { ...m1.data, moduleId: "m2", scoreBps: 8000, completedOn: "2026-07-05" } },
        courseDone(8500, "2026-07-10"),
        certEarned("2026-07-10", "2027-07-10"),
        assignmentDone("2026-07-10"),
      ] as TrainingRecordEvent[]);
    // Two courses: the one passed first (recorded first) was completed later; the assignment takes the latest day.
    const intro = { courseId: "c-intro", title: "Intro", topic: "sales_skills", moduleIds: ["i1"] };
    const twoCourses = {
      type: "TrainingAssigned",
      data: { ...assign, courses: [intro, course], assignedAt: NOW },
    } as TrainingRecordEvent;
    const introDone = (type: "ModuleCompleted" | "CourseCompleted") =>
      (type === "ModuleCompleted"
        ? {
            type,
            data: {
              repId: "rep-ana",
              assignmentId: "as-1",
              courseId: "c-intro",
              moduleId: "i1",
              completedOn: "2026-07-20",
            },
          }
        : {
            type,
            data: {
              repId: "rep-ana",
              assignmentId: "as-1",
              courseId: "c-intro",
              scoreBps: null,
              passed: true,
              completedOn: "2026-07-20",
            },
          }) as TrainingRecordEvent;
    const m2Early = { ...m1, data: { ...m1.data, moduleId: "m2", completedOn: "2026-07-12" } } as TrainingRecordEvent;
    spec
      .given([twoCourses, introDone("ModuleCompleted"), introDone("CourseCompleted"), m1])
      .when(complete("m2", 9000))
      .then([
        m2Early,
        courseDone(9000, "2026-07-12"),
        certEarned("2026-07-12", "2027-07-12"),
        assignmentDone("2026-07-20"),
      ] as TrainingRecordEvent[]);
  });
  it("a retaken course is dated by the latest module of its passing attempt", () => {
    const m2First = { ...m1, data: { ...m1.data, moduleId: "m2", scoreBps: 5000, completedOn: "2026-07-20" } };
    const failed: TrainingRecordEvent = courseDone(7000, "2026-07-20", false);
    const m1Again = { ...m1, data: { ...m1.data, completedOn: "2026-07-26" } } as TrainingRecordEvent;
    const m2Again = { ...m1, data: { ...m1.data, moduleId: "m2", completedOn: "2026-07-22" } } as TrainingRecordEvent;
    spec
      .given([assigned, m1, m2First as TrainingRecordEvent, failed, m1Again])
      .when(
        c("CompleteModule", {
          assignmentId: "as-1",
          courseId: "c-prod",
          moduleId: "m2",
          scoreBps: 9000,
          completedOn: "2026-07-22",
        }),
      )
      .then([
        m2Again,
        courseDone(9000, "2026-07-26"),
        certEarned("2026-07-26", "2027-07-26"),
        assignmentDone("2026-07-26"),
      ] as TrainingRecordEvent[]);
  });
  it("a failed course is retaken module by module", () => {
    const failed: TrainingRecordEvent = courseDone(7000, "2026-07-12", false);
    const m2: TrainingRecordEvent = {
      ...m1,
      data: { ...m1.data, moduleId: "m2", scoreBps: 5000 },
    } as TrainingRecordEvent;
    spec
      .given([assigned, m1])
      .when(complete("m2", 5000))
      .then([m2 && { ...m2, data: { ...m2.data, completedOn: "2026-07-12" } }, failed] as TrainingRecordEvent[]);
    spec
      .given([assigned, m1, m2, failed])
      .when(complete("m1", 9500))
      .then([{ ...m1, data: { ...m1.data, scoreBps: 9500, completedOn: "2026-07-12" } } as TrainingRecordEvent]);
  });
  it("assignment_unknown, assignment_closed, course_not_assigned, module_unknown, module_already_completed, score_required", () => {
    spec.given([]).when(complete("m1", 9000)).then("assignment_unknown");
    const withdrawn: TrainingRecordEvent = {
      type: "TrainingAssignmentWithdrawn",
      data: { repId: "rep-ana", assignmentId: "as-1", reason: "role change", withdrawnAt: NOW },
    };
    spec.given([assigned, withdrawn]).when(complete("m1", 9000)).then("assignment_closed");
    spec
      .given([assigned])
      .when(c("CompleteModule", { assignmentId: "as-1", courseId: "c-x", moduleId: "m1", completedOn: "2026-07-12" }))
      .then("course_not_assigned");
    spec.given([assigned]).when(complete("m9", 9000)).then("module_unknown");
    spec.given([assigned, m1]).when(complete("m1", 9000)).then("module_already_completed");
    spec
      .given([assigned])
      .when(
        c("CompleteModule", { assignmentId: "as-1", courseId: "c-prod", moduleId: "m1", completedOn: "2026-07-12" }),
      )
      .then("score_required");
  });
  it("withdraws an active assignment", () => {
    spec
      .given([assigned])
      .when(c("WithdrawTraining", { assignmentId: "as-1", reason: "role change" }))
      .then([
        {
          type: "TrainingAssignmentWithdrawn",
          data: { repId: "rep-ana", assignmentId: "as-1", reason: "role change", withdrawnAt: NOW },
        },
      ]);
    spec
      .given([])
      .when(c("WithdrawTraining", { assignmentId: "as-1", reason: "x" }))
      .then("assignment_unknown");
  });
  it("records an external certification; certification_dates_invalid; assesses a skill", () => {
    const cert = {
      repId: "rep-ana",
      certificationId: "cert-x",
      name: "Cloud",
      issuer: "AWS",
      earnedOn: "2026-01-01",
      expiresOn: "2028-01-01",
    };
    spec
      .given([])
      .when(c("RecordCertification", cert))
      .then([
        {
          type: "CertificationEarned",
          data: {
            repId: "rep-ana",
            certificationId: "cert-x",
            name: "Cloud",
            earnedOn: "2026-01-01",
            expiresOn: "2028-01-01",
            source: { kind: "external", issuer: "AWS" },
          },
        },
      ]);
    spec
      .given([])
      .when(c("RecordCertification", { ...cert, expiresOn: "2026-01-01" }))
      .then("certification_dates_invalid");
    const skill = {
      repId: "rep-ana",
      skillId: "negotiation",
      level: 3,
      assessedBy: "mgr-li",
      assessedOn: "2026-07-10",
    };
    spec
      .given([])
      .when(c("AssessSkill", skill))
      .then([{ type: "SkillAssessed", data: skill }]);
  });
});

describe("training record: one rep per record", () => {
  const spec = deciderSpec(trainingRecordDecider, { commands: trainingRecordCommand, now: NOW });
  const c = (type: string, data: Record<string, unknown>) => cmd<TrainingRecordCommand>(type, data);
  const course = { courseId: "c-intro", title: "Intro", topic: "sales_skills", moduleIds: ["i1"] };
  const assign = {
    repId: "rep-ana",
    assignmentId: "as-1",
    planId: "onboarding",
    title: "Onboarding",
    courses: [course],
    dueOn: "2026-07-31",
    assignedBy: "mgr-li",
  };
  const assigned = { type: "TrainingAssigned", data: { ...assign, assignedAt: NOW } } as TrainingRecordEvent;
  const skill = { repId: "rep-ana", skillId: "negotiation", level: 3, assessedBy: "mgr-li", assessedOn: "2026-07-10" };
  const cert = { repId: "rep-ana", certificationId: "cert-x", name: "Cloud", issuer: "AWS", earnedOn: "2026-01-01" };
  it("rep_mismatch: assigning, certifying or assessing another rep on this rep's record", () => {
    spec
      .given([assigned])
      .when(c("AssessSkill", { ...skill, repId: "rep-bo" }))
      .then("rep_mismatch");
    spec
      .given([assigned])
      .when(c("RecordCertification", { ...cert, repId: "rep-bo" }))
      .then("rep_mismatch");
    spec
      .given([assigned])
      .when(c("AssignTraining", { ...assign, repId: "rep-bo", assignmentId: "as-2" }))
      .then("rep_mismatch");
    const assessed: TrainingRecordEvent = { type: "SkillAssessed", data: skill };
    spec
      .given([assessed])
      .when(c("AssignTraining", { ...assign, repId: "rep-bo" }))
      .then("rep_mismatch");
    spec
      .given([assigned, assessed])
      .when(c("AssessSkill", { ...skill, level: 4 }))
      .then([{ type: "SkillAssessed", data: { ...skill, level: 4 } }]);
  });
  it("an event naming another rep (written before rep_mismatch) never re-attributes the record", () => {
    const foreign: TrainingRecordEvent[] = [
      { type: "SkillAssessed", data: { ...skill, repId: "rep-bo" } },
      {
        type: "CertificationEarned",
        data: {
          repId: "rep-cy",
          certificationId: "cert-x",
          name: "Cloud",
          earnedOn: "2026-01-01",
          source: { kind: "external", issuer: "AWS" },
        },
      },
    ];
    for (const e of foreign) {
      spec
        .given([assigned, e])
        .when(
          c("CompleteModule", { assignmentId: "as-1", courseId: "c-intro", moduleId: "i1", completedOn: "2026-07-02" }),
        )
        .then([
          {
            type: "ModuleCompleted",
            data: {
              repId: "rep-ana",
              assignmentId: "as-1",
              courseId: "c-intro",
              moduleId: "i1",
              completedOn: "2026-07-02",
            },
          },
          {
            type: "CourseCompleted",
            data: {
              repId: "rep-ana",
              assignmentId: "as-1",
              courseId: "c-intro",
              scoreBps: null,
              passed: true,
              completedOn: "2026-07-02",
            },
          },
          assignmentDone("2026-07-02"),
        ]);
    }
  });
});

describe("development plan", () => {
  const spec = deciderSpec(developmentPlanDecider, { commands: developmentPlanCommand, now: NOW });
  const c = (type: string, data: Record<string, unknown>) => cmd<DevelopmentPlanCommand>(type, data);
  const create = {
    planId: "idp-ana",
    repId: "rep-ana",
    managerId: "mgr-li",
    careerGoal: "Team lead in 2027",
    gaps: [
      {
        gapId: "g1",
        description: "Coaching others",
        kpiId: "coaching",
        cycleId: "q3",
        currentMilli: 2500,
        targetMilli: 4000,
      },
    ],
    objectives: [{ objectiveId: "o1", description: "Mentor a new hire", gapId: "g1", dueOn: "2026-12-31" }],
  };
  const created: DevelopmentPlanEvent = { type: "DevelopmentPlanCreated", data: { ...create, createdAt: NOW } };
  const closed: DevelopmentPlanEvent = {
    type: "DevelopmentPlanClosed",
    data: { planId: "idp-ana", outcome: "achieved", note: "promoted", closedAt: NOW },
  };
  const done: DevelopmentPlanEvent = {
    type: "DevelopmentObjectiveCompleted",
    data: { planId: "idp-ana", objectiveId: "o1", completedOn: "2026-11-20" },
  };
  it("creates a plan; development_plan_exists; duplicate_objective; objective_gap_unknown", () => {
    spec.given([]).when(c("CreateDevelopmentPlan", create)).then([created]);
    spec.given([created]).when(c("CreateDevelopmentPlan", create)).then("development_plan_exists");
    spec
      .given([])
      .when(c("CreateDevelopmentPlan", { ...create, objectives: [create.objectives[0], create.objectives[0]] }))
      .then("duplicate_objective");
    spec
      .given([])
      .when(c("CreateDevelopmentPlan", { ...create, objectives: [{ ...create.objectives[0], gapId: "g9" }] }))
      .then("objective_gap_unknown");
  });
  it("development_plan_not_found; development_plan_closed", () => {
    spec
      .given([])
      .when(c("CompleteDevelopmentObjective", { objectiveId: "o1", completedOn: "2026-11-20" }))
      .then("development_plan_not_found");
    spec
      .given([created, closed])
      .when(c("CompleteDevelopmentObjective", { objectiveId: "o1", completedOn: "2026-11-20" }))
      .then("development_plan_closed");
  });
  it("adds and completes objectives; objective_unknown; objective_already_completed", () => {
    const objective = { objectiveId: "o2", description: "Lead a weekly meeting", dueOn: "2026-11-30" };
    spec
      .given([created])
      .when(c("AddDevelopmentObjective", { objective }))
      .then([{ type: "DevelopmentObjectiveAdded", data: { planId: "idp-ana", objective } }]);
    spec
      .given([created])
      .when(c("AddDevelopmentObjective", { objective: { ...objective, objectiveId: "o1" } }))
      .then("duplicate_objective");
    spec
      .given([created])
      .when(c("CompleteDevelopmentObjective", { objectiveId: "o1", completedOn: "2026-11-20" }))
      .then([done]);
    spec
      .given([created])
      .when(c("CompleteDevelopmentObjective", { objectiveId: "o9", completedOn: "2026-11-20" }))
      .then("objective_unknown");
    spec
      .given([created, done])
      .when(c("CompleteDevelopmentObjective", { objectiveId: "o1", completedOn: "2026-11-21" }))
      .then("objective_already_completed");
  });
  it("records a review in a meeting and closes with an outcome", () => {
    const review = { meetingId: "o1", reviewerId: "mgr-li", reviewedOn: "2026-10-16", note: "On track" };
    spec
      .given([created])
      .when(c("ReviewDevelopmentPlan", review))
      .then([{ type: "DevelopmentPlanReviewed", data: { planId: "idp-ana", ...review } }]);
    spec
      .given([created])
      .when(c("CloseDevelopmentPlan", { outcome: "achieved", note: "promoted" }))
      .then([closed]);
  });
});
