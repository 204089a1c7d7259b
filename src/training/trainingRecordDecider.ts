import { addCalendarDays, compareCalendarDates, type Decider, ratio, roundRatio } from "../core/index.ts";
import type { TrainingRecordCommand } from "./commands.ts";
import type { AssignedCourse, TrainingRecordEvent } from "./events.ts";
import { requireTrainingRule } from "./rules.ts";

const D = "trainingRecord";

/**
 * An assigned course in a rep's record: the course, the modules completed in the current attempt (with their scores
 * and completion days) and whether it has been passed.
 *
 * @example
 * ```ts
 * const c: CourseProgress = { course, completed: { m1: 9000 }, completedOn: { m1: "2026-07-10" }, passed: false };
 * ```
 */
export interface CourseProgress {
  readonly course: AssignedCourse;
  readonly completed: Readonly<Record<string, number | null>>;
  /** The day each module of the current attempt was completed. */
  readonly completedOn: Readonly<Record<string, string>>;
  readonly passed: boolean;
}

/**
 * The state of a rep's training record: assignments with their course progress.
 *
 * @example
 * ```ts
 * const s: TrainingRecordState = trainingRecordDecider.initialState();
 * ```
 */
export interface TrainingRecordState {
  readonly repId?: string;
  readonly assignments: Readonly<
    Record<
      string,
      {
        readonly status: "active" | "completed" | "withdrawn";
        readonly courses: Readonly<Record<string, CourseProgress>>;
      }
    >
  >;
}

/**
 * The stream of a rep's training record.
 *
 * @param repId - The rep.
 * @returns `training-record-<repId>`.
 * @example
 * ```ts
 * trainingRecordStreamId("rep-ana"); // "training-record-rep-ana"
 * ```
 */
export function trainingRecordStreamId(repId: string): string {
  return `training-record-${repId}`;
}

function evolve(s: TrainingRecordState, e: TrainingRecordEvent): TrainingRecordState {
  const patchCourse = (assignmentId: string, courseId: string, f: (c: CourseProgress) => CourseProgress) => {
    const a = s.assignments[assignmentId]!;
    const courses = { ...a.courses, [courseId]: f(a.courses[courseId]!) };
    return { ...s, assignments: { ...s.assignments, [assignmentId]: { ...a, courses } } };
  };
  const setStatus = (assignmentId: string, status: "completed" | "withdrawn") => ({
    ...s,
    assignments: { ...s.assignments, [assignmentId]: { ...s.assignments[assignmentId]!, status } },
  });
  switch (e.type) {
    case "TrainingAssigned": {
      const courses = Object.fromEntries(
        e.data.courses.map((course) => [course.courseId, { course, completed: {}, completedOn: {}, passed: false }]),
      );
      return {
        repId: s.repId ?? e.data.repId,
        assignments: { ...s.assignments, [e.data.assignmentId]: { status: "active", courses } },
      };
    }
    case "ModuleCompleted":
      return patchCourse(e.data.assignmentId, e.data.courseId, (c) => ({
        ...c,
        completed: { ...c.completed, [e.data.moduleId]: e.data.scoreBps ?? null },
        completedOn: { ...c.completedOn, [e.data.moduleId]: e.data.completedOn },
      }));
    case "CourseCompleted":
      // A failed course is retaken: its completed modules are cleared.
      return patchCourse(e.data.assignmentId, e.data.courseId, (c) =>
        e.data.passed ? { ...c, passed: true } : { ...c, completed: {}, completedOn: {} },
      );
    case "TrainingAssignmentCompleted":
      return setStatus(e.data.assignmentId, "completed");
    case "TrainingAssignmentWithdrawn":
      return setStatus(e.data.assignmentId, "withdrawn");
    case "CertificationEarned":
    case "SkillAssessed":
      // The record belongs to the rep of its first event; later events never re-attribute it.
      return s.repId === undefined ? { ...s, repId: e.data.repId } : s;
    default: {
      const _exhaustive: never = e;
      return s;
    }
  }
}

/** The latest of `first` and `days` (calendar days, `YYYY-MM-DD`). */
function latestDay(first: string, days: readonly string[]): string {
  return days.reduce((a, b) => (compareCalendarDates(a, b) >= 0 ? a : b), first);
}

function sameRep(state: TrainingRecordState, repId: string): void {
  requireTrainingRule(
    state.repId === undefined || state.repId === repId,
    "rep_mismatch",
    `${D}: this is ${state.repId}'s training record, not ${repId}'s`,
    { recordRepId: state.repId, repId },
  );
}

function completeModule(
  d: Extract<TrainingRecordCommand, { type: "CompleteModule" }>["data"],
  state: TrainingRecordState,
): TrainingRecordEvent[] {
  const a = state.assignments[d.assignmentId];
  requireTrainingRule(a !== undefined, "assignment_unknown", `${D}: no assignment ${d.assignmentId}`, {
    assignmentId: d.assignmentId,
  });
  requireTrainingRule(a.status === "active", "assignment_closed", `${D}: ${d.assignmentId} is ${a.status}`, {
    assignmentId: d.assignmentId,
  });
  const progress = a.courses[d.courseId];
  requireTrainingRule(progress !== undefined, "course_not_assigned", `${D}: ${d.courseId} is not assigned`, {
    courseId: d.courseId,
  });
  const { course } = progress;
  requireTrainingRule(course.moduleIds.includes(d.moduleId), "module_unknown", `${D}: no module ${d.moduleId}`, {
    moduleId: d.moduleId,
  });
  requireTrainingRule(
    !progress.passed && !(d.moduleId in progress.completed),
    "module_already_completed",
    `${D}: ${d.moduleId} of ${d.courseId} is already completed`,
    { moduleId: d.moduleId },
  );
  requireTrainingRule(
    course.passingScoreBps === undefined || d.scoreBps !== undefined,
    "score_required",
    `${D}: ${d.courseId} has a passing score; give the module's score`,
    { courseId: d.courseId },
  );
  const repId = state.repId!;
  const base = { repId, assignmentId: d.assignmentId };
  const events: TrainingRecordEvent[] = [{ type: "ModuleCompleted", data: { repId, ...d } }];
  const completed = { ...progress.completed, [d.moduleId]: d.scoreBps ?? null };
  if (!course.moduleIds.every((m) => m in completed)) return events;
  // The course completes on the day its last module was done, whatever the order the completions were recorded in.
  const courseOn = latestDay(d.completedOn, Object.values(progress.completedOn));
  const scores = Object.values(completed).filter((x): x is number => x !== null);
  const scoreBps =
    scores.length === 0
      ? null
      : Number(
          roundRatio(
            ratio(
              scores.reduce((x, y) => x + y, 0),
              scores.length,
            ),
            "half_up",
          ),
        );
  const passed = course.passingScoreBps === undefined || (scoreBps !== null && scoreBps >= course.passingScoreBps);
  events.push({
    type: "CourseCompleted",
    data: { ...base, courseId: d.courseId, scoreBps, passed, completedOn: courseOn },
  });
  if (passed && course.certification) {
    const c = course.certification;
    events.push({
      type: "CertificationEarned",
      data: {
        repId,
        certificationId: c.certificationId,
        name: c.name,
        earnedOn: courseOn,
        expiresOn: addCalendarDays(courseOn, c.validForDays),
        source: { kind: "course", courseId: d.courseId },
      },
    });
  }
  const allPassed = Object.values(a.courses).every((c) => c.passed || (c.course.courseId === d.courseId && passed));
  if (allPassed) {
    // The assignment completes on the day its last course was completed.
    const otherModuleDays = Object.values(a.courses)
      .filter((c) => c.course.courseId !== d.courseId)
      .flatMap((c) => Object.values(c.completedOn));
    const completedOn = latestDay(courseOn, otherModuleDays);
    events.push({ type: "TrainingAssignmentCompleted", data: { ...base, completedOn } });
  }
  return events;
}

/**
 * The decider of a rep's training record (one stream per rep): assignments of training plans, module completions
 * with scores (a course completes when every module is done; it passes at its passing score, earning its
 * certification, or is retaken), assignment completion when every course is passed, withdrawals, external
 * certifications with expiry, and skill assessments. A course completes on the latest day of its modules' completions
 * (in any recording order), its certification is earned that day, and an assignment completes on the latest day of
 * its courses' completions. The record belongs to one rep: a command naming another rep is refused (`rep_mismatch`).
 *
 * @example
 * ```ts
 * const records = createCommandHandler({ store, decider: trainingRecordDecider, commands: trainingRecordCommand });
 * await records.handle(trainingRecordStreamId("rep-ana"), { type: "CompleteModule", data: { assignmentId: "as-1", courseId: "c-disc", moduleId: "m1", scoreBps: 9000, completedOn: "2026-07-10" } });
 * ```
 */
export const trainingRecordDecider: Decider<TrainingRecordCommand, TrainingRecordEvent, TrainingRecordState> = {
  name: D,
  version: "1",
  initialState: () => ({ assignments: {} }),
  evolve,
  decide: (command, state, { now }) => {
    switch (command.type) {
      case "AssignTraining": {
        const d = command.data;
        sameRep(state, d.repId);
        requireTrainingRule(
          state.assignments[d.assignmentId] === undefined,
          "assignment_exists",
          `${D}: ${d.assignmentId} was already assigned`,
          { assignmentId: d.assignmentId },
        );
        const ids = d.courses.map((c) => c.courseId);
        const dup =
          new Set(ids).size !== ids.length || d.courses.some((c) => new Set(c.moduleIds).size !== c.moduleIds.length);
        requireTrainingRule(!dup, "duplicate_module", `${D}: a course or module is listed twice`, { courseIds: ids });
        const { teamId, ...rest } = d;
        return [{ type: "TrainingAssigned", data: { ...rest, ...(teamId ? { teamId } : {}), assignedAt: now } }];
      }
      case "CompleteModule":
        return completeModule(command.data, state);
      case "WithdrawTraining": {
        const d = command.data;
        const a = state.assignments[d.assignmentId];
        requireTrainingRule(a !== undefined, "assignment_unknown", `${D}: no assignment ${d.assignmentId}`, {
          assignmentId: d.assignmentId,
        });
        requireTrainingRule(a.status === "active", "assignment_closed", `${D}: ${d.assignmentId} is ${a.status}`, {
          assignmentId: d.assignmentId,
        });
        return [{ type: "TrainingAssignmentWithdrawn", data: { repId: state.repId!, ...d, withdrawnAt: now } }];
      }
      case "RecordCertification": {
        const { issuer, expiresOn, ...d } = command.data;
        sameRep(state, d.repId);
        requireTrainingRule(
          expiresOn === undefined || compareCalendarDates(d.earnedOn, expiresOn) < 0,
          "certification_dates_invalid",
          `${D}: the certification expires (${expiresOn}) on or before it was earned (${d.earnedOn})`,
          { earnedOn: d.earnedOn, expiresOn },
        );
        const data = { ...d, ...(expiresOn ? { expiresOn } : {}), source: { kind: "external" as const, issuer } };
        return [{ type: "CertificationEarned", data }];
      }
      case "AssessSkill": {
        const { note, ...d } = command.data;
        sameRep(state, d.repId);
        return [{ type: "SkillAssessed", data: { ...d, ...(note ? { note } : {}) } }];
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
