import {
  addCalendarDays,
  compareCalendarDates,
  defineProjection,
  isCalendarDate,
  ratio,
  roundRatio,
  ValidationError,
} from "../../core/index.ts";
import { trainingRecordEvents } from "../events.ts";

/**
 * An assignment as the compliance read model keeps it.
 *
 * @example
 * ```ts
 * const a: AssignmentProgress = { planId: "onboarding", title: "Onboarding", dueOn: "2026-07-31", status: "active",
 *   courses: { "c-disc": { total: 2, done: 1, passed: false, scoreBps: null } } };
 * ```
 */
export interface AssignmentProgress {
  planId: string;
  title: string;
  teamId?: string;
  dueOn: string;
  status: "active" | "completed" | "withdrawn";
  completedOn?: string;
  courses: Record<string, { total: number; done: number; passed: boolean; scoreBps: number | null }>;
}

/**
 * The state of {@link trainingComplianceProjection}: per rep, assignments, certifications and skills.
 *
 * @example
 * ```ts
 * state.reps["rep-ana"]?.certifications["cert-pro"]?.expiresOn;
 * ```
 */
export interface TrainingComplianceState {
  readonly reps: Record<
    string,
    {
      assignments: Record<string, AssignmentProgress>;
      certifications: Record<string, { name: string; earnedOn: string; expiresOn?: string }>;
      skills: Record<string, { level: number; assessedOn: string }>;
    }
  >;
}

/**
 * The training compliance read model, folded from rep training records. Read it with {@link trainingCompliance} and
 * {@link trainingCompletionBps}.
 *
 * @example
 * ```ts
 * const state = fold(trainingComplianceProjection, events);
 * trainingCompliance(state, "2026-07-15").byRep["rep-ana"]?.overdue;
 * ```
 */
export const trainingComplianceProjection = /* @__PURE__ */ defineProjection({
  name: "training.compliance",
  events: trainingRecordEvents,
  initialState: (): TrainingComplianceState => ({ reps: {} }),
  handlers: {
    TrainingAssigned: (s, e) => {
      const d = e.data;
      const rep = (s.reps[d.repId] ??= { assignments: {}, certifications: {}, skills: {} });
      rep.assignments[d.assignmentId] = {
        planId: d.planId,
        title: d.title,
        ...(d.teamId ? { teamId: d.teamId } : {}),
        dueOn: d.dueOn,
        status: "active",
        courses: Object.fromEntries(
          d.courses.map((c) => [c.courseId, { total: c.moduleIds.length, done: 0, passed: false, scoreBps: null }]),
        ),
      };
    },
    ModuleCompleted: (s, e) => {
      const c = s.reps[e.data.repId]?.assignments[e.data.assignmentId]?.courses[e.data.courseId];
      if (c) c.done += 1;
    },
    CourseCompleted: (s, e) => {
      const c = s.reps[e.data.repId]?.assignments[e.data.assignmentId]?.courses[e.data.courseId];
      if (!c) return;
      c.scoreBps = e.data.scoreBps;
      if (e.data.passed) c.passed = true;
      else c.done = 0;
    },
    TrainingAssignmentCompleted: (s, e) => {
      const a = s.reps[e.data.repId]?.assignments[e.data.assignmentId];
      if (a) Object.assign(a, { status: "completed", completedOn: e.data.completedOn });
    },
    TrainingAssignmentWithdrawn: (s, e) => {
      const a = s.reps[e.data.repId]?.assignments[e.data.assignmentId];
      if (a) a.status = "withdrawn";
    },
    CertificationEarned: (s, e) => {
      const d = e.data;
      const rep = (s.reps[d.repId] ??= { assignments: {}, certifications: {}, skills: {} });
      rep.certifications[d.certificationId] = {
        name: d.name,
        earnedOn: d.earnedOn,
        ...(d.expiresOn ? { expiresOn: d.expiresOn } : {}),
      };
    },
    SkillAssessed: (s, e) => {
      const d = e.data;
      const rep = (s.reps[d.repId] ??= { assignments: {}, certifications: {}, skills: {} });
      rep.skills[d.skillId] = { level: d.level, assessedOn: d.assessedOn };
    },
  },
});

/**
 * A rep's training completion: completed assignments over assignments not withdrawn, in basis points, half-up;
 * `null` when the rep has none (no data is not 0%).
 *
 * @param state - The compliance state.
 * @param repId - The rep.
 * @returns Basis points, or `null`.
 * @example
 * ```ts
 * trainingCompletionBps(state, "rep-ana"); // 5000 with one of two assignments completed
 * ```
 */
export function trainingCompletionBps(state: TrainingComplianceState, repId: string): number | null {
  const all = Object.values(state.reps[repId]?.assignments ?? {}).filter((a) => a.status !== "withdrawn");
  if (all.length === 0) return null;
  const done = all.filter((a) => a.status === "completed").length;
  return Number(roundRatio(ratio(done * 10_000, all.length), "half_up"));
}

/**
 * A rep's training compliance on a day.
 *
 * @example
 * ```ts
 * const c: RepCompliance = { assignments: 2, completed: 1, completionBps: 5000, overdue: ["as-2"], expired: [], expiringSoon: ["cert-pro"] };
 * ```
 */
export interface RepCompliance {
  readonly assignments: number;
  readonly completed: number;
  readonly completionBps: number | null;
  /** Active assignments whose due date is before the day. */
  readonly overdue: string[];
  /** Certifications no longer valid on the day (`expiresOn ≤ asOf`). */
  readonly expired: string[];
  /** Certifications valid on the day that expire within the window (`asOf < expiresOn ≤ asOf + days`). */
  readonly expiringSoon: string[];
}

/**
 * Training compliance on a day: per rep, assignments and completion, overdue assignments, and certifications expired
 * or expiring within `expiringWithinDays` (30 by default). A certification is valid on `[earnedOn, expiresOn)`.
 *
 * @param state - The compliance state.
 * @param asOf - The day (`YYYY-MM-DD`).
 * @param options - The expiry window in days.
 * @returns Compliance by rep id.
 * @throws {@link ValidationError} `invalid_calendar_date`, `invalid_days`.
 * @example
 * ```ts
 * trainingCompliance(state, "2026-07-15", { expiringWithinDays: 60 }).byRep["rep-ana"]?.expiringSoon;
 * ```
 */
export function trainingCompliance(
  state: TrainingComplianceState,
  asOf: string,
  options: { readonly expiringWithinDays?: number } = {},
): { byRep: Record<string, RepCompliance> } {
  const days = options.expiringWithinDays ?? 30;
  if (!isCalendarDate(asOf) || !Number.isSafeInteger(days) || days < 0) {
    throw new ValidationError("trainingCompliance", [
      isCalendarDate(asOf)
        ? { code: "invalid_days", path: ["expiringWithinDays"], message: "a non-negative whole number of days" }
        : { code: "invalid_calendar_date", path: ["asOf"], message: "expected YYYY-MM-DD" },
    ]);
  }
  const horizon = addCalendarDays(asOf, days);
  const byRep: Record<string, RepCompliance> = {};
  for (const [repId, rep] of Object.entries(state.reps).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const live = Object.entries(rep.assignments).filter(([, a]) => a.status !== "withdrawn");
    const certs = Object.entries(rep.certifications).filter(([, c]) => c.expiresOn !== undefined);
    byRep[repId] = {
      assignments: live.length,
      completed: live.filter(([, a]) => a.status === "completed").length,
      completionBps: trainingCompletionBps(state, repId),
      overdue: live
        .filter(([, a]) => a.status === "active" && compareCalendarDates(a.dueOn, asOf) < 0)
        .map(([id]) => id)
        .sort(),
      expired: certs
        .filter(([, c]) => compareCalendarDates(c.expiresOn!, asOf) <= 0)
        .map(([id]) => id)
        .sort(),
      expiringSoon: certs
        .filter(
          ([, c]) => compareCalendarDates(c.expiresOn!, asOf) > 0 && compareCalendarDates(c.expiresOn!, horizon) <= 0,
        )
        .map(([id]) => id)
        .sort(),
    };
  }
  return { byRep };
}
