import {
  calendarDateOf,
  compareCalendarDates,
  createEventCatalog,
  defineProjection,
  diffCalendarDays,
  isCalendarDate,
  ratio,
  roundRatio,
  ValidationError,
} from "../../core/index.ts";
import { type MeetingKind, MeetingHeld, MeetingSeriesCreated } from "../../coaching/events.ts";
import { developmentPlanEvents } from "../developmentPlanEvents.ts";

/**
 * The events the development plan progress read model folds: development plans, and meetings (to tell reviews held
 * in 1:1s).
 *
 * @example
 * ```ts
 * developmentProgressSourceEvents.types.includes("MeetingHeld"); // true
 * ```
 */
export const developmentProgressSourceEvents = /* @__PURE__ */ createEventCatalog([
  developmentPlanEvents,
  MeetingSeriesCreated,
  MeetingHeld,
]);

/**
 * A development plan as the progress read model keeps it.
 *
 * @example
 * ```ts
 * const p: PlanProgressRecord = state.plans["idp-ana"]!;
 * ```
 */
export interface PlanProgressRecord {
  repId: string;
  managerId: string;
  careerGoal: string;
  createdOn: string;
  status: "active" | "closed";
  outcome?: string;
  gapIds: string[];
  objectives: Record<string, { dueOn: string; completedOn?: string; gapId?: string }>;
  reviews: { meetingId: string; reviewedOn: string; inOneOnOne: boolean }[];
}

/**
 * The state of {@link developmentPlanProgressProjection}.
 *
 * @example
 * ```ts
 * state.plans["idp-ana"]?.reviews.length;
 * ```
 */
export interface DevelopmentProgressState {
  readonly plans: Record<string, PlanProgressRecord>;
  readonly seriesKinds: Record<string, MeetingKind>;
  readonly meetings: Record<string, { seriesId: string; heldOn: string }>;
}

function addReview(p: PlanProgressRecord, meetingId: string, reviewedOn: string, inOneOnOne: boolean): void {
  const existing = p.reviews.find((r) => r.meetingId === meetingId);
  if (existing) existing.inOneOnOne ||= inOneOnOne;
  else p.reviews.push({ meetingId, reviewedOn, inOneOnOne });
}

/**
 * Development-plan progress: objectives and their completion, gaps, and reviews (from `DevelopmentPlanReviewed`, and
 * from meetings that list the plan), each marked when it happened in a 1:1. Read it with
 * {@link developmentPlanProgress}.
 *
 * @example
 * ```ts
 * const state = fold(developmentPlanProgressProjection, [...trainingEvents, ...coachingEvents]);
 * ```
 */
export const developmentPlanProgressProjection = /* @__PURE__ */ defineProjection({
  name: "training.developmentPlanProgress",
  events: developmentProgressSourceEvents,
  initialState: (): DevelopmentProgressState => ({ plans: {}, seriesKinds: {}, meetings: {} }),
  handlers: {
    MeetingSeriesCreated: (s, e) => {
      s.seriesKinds[e.data.seriesId] = e.data.kind;
    },
    MeetingHeld: (s, e) => {
      s.meetings[e.data.meetingId] = { seriesId: e.data.seriesId, heldOn: e.data.heldOn };
      const oneOnOne = s.seriesKinds[e.data.seriesId] === "one_on_one";
      for (const planId of e.data.developmentPlanIds) {
        const p = s.plans[planId];
        if (p) addReview(p, e.data.meetingId, e.data.heldOn, oneOnOne);
      }
    },
    DevelopmentPlanCreated: (s, e) => {
      const d = e.data;
      s.plans[d.planId] = {
        repId: d.repId,
        managerId: d.managerId,
        careerGoal: d.careerGoal,
        // The UTC day of the instant, whatever offset it was written with.
        createdOn: calendarDateOf(d.createdAt, "UTC"),
        status: "active",
        gapIds: d.gaps.map((g) => g.gapId),
        objectives: Object.fromEntries(
          d.objectives.map((o) => [o.objectiveId, { dueOn: o.dueOn, ...(o.gapId ? { gapId: o.gapId } : {}) }]),
        ),
        reviews: [],
      };
    },
    DevelopmentObjectiveAdded: (s, e) => {
      const o = e.data.objective;
      const p = s.plans[e.data.planId];
      if (p) p.objectives[o.objectiveId] = { dueOn: o.dueOn, ...(o.gapId ? { gapId: o.gapId } : {}) };
    },
    DevelopmentObjectiveCompleted: (s, e) => {
      const o = s.plans[e.data.planId]?.objectives[e.data.objectiveId];
      if (o) o.completedOn = e.data.completedOn;
    },
    DevelopmentPlanReviewed: (s, e) => {
      const p = s.plans[e.data.planId];
      if (!p) return;
      const m = s.meetings[e.data.meetingId];
      addReview(p, e.data.meetingId, e.data.reviewedOn, m !== undefined && s.seriesKinds[m.seriesId] === "one_on_one");
    },
    DevelopmentPlanClosed: (s, e) => {
      const p = s.plans[e.data.planId];
      if (p) Object.assign(p, { status: "closed", outcome: e.data.outcome });
    },
  },
});

/**
 * A development plan's progress on a day.
 *
 * @example
 * ```ts
 * const p: PlanProgress = { planId: "idp-ana", repId: "rep-ana", status: "active", objectives: 3, completed: 1, progressBps: 3333,
 *   overdueObjectives: [], lastReviewedOn: "2026-10-16", lastOneOnOneReviewOn: "2026-10-16", reviewDue: false };
 * ```
 */
export interface PlanProgress {
  readonly planId: string;
  readonly repId: string;
  readonly status: "active" | "closed";
  readonly objectives: number;
  readonly completed: number;
  /** completed / objectives, floor, in basis points. */
  readonly progressBps: number;
  readonly overdueObjectives: string[];
  readonly lastReviewedOn: string | null;
  readonly lastOneOnOneReviewOn: string | null;
  /** Active and not reviewed in a 1:1 within `reviewEveryDays` (counted from creation when never reviewed). */
  readonly reviewDue: boolean;
}

/**
 * Development-plan progress on a day, per plan: objectives completed (floor, bps), overdue objectives (due before
 * the day), the last review and the last review in a 1:1, and whether a 1:1 review is due (none within
 * `reviewEveryDays`, 30 by default).
 *
 * @param state - The progress state.
 * @param asOf - The day (`YYYY-MM-DD`).
 * @param options - How often a plan should be reviewed in a 1:1.
 * @returns The progress of every plan, by plan id.
 * @throws {@link ValidationError} `invalid_calendar_date`.
 * @example
 * ```ts
 * developmentPlanProgress(state, "2026-11-01")["idp-ana"]?.progressBps;
 * ```
 */
export function developmentPlanProgress(
  state: DevelopmentProgressState,
  asOf: string,
  options: { readonly reviewEveryDays?: number } = {},
): Record<string, PlanProgress> {
  if (!isCalendarDate(asOf)) {
    throw new ValidationError("developmentPlanProgress", [
      { code: "invalid_calendar_date", path: ["asOf"], message: "expected YYYY-MM-DD" },
    ]);
  }
  const every = options.reviewEveryDays ?? 30;
  const out: Record<string, PlanProgress> = {};
  for (const [planId, p] of Object.entries(state.plans).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const objectives = Object.entries(p.objectives);
    const completed = objectives.filter(([, o]) => o.completedOn !== undefined).length;
    const latest = (rs: { reviewedOn: string }[]) =>
      rs.reduce<string | null>((m, r) => (m === null || r.reviewedOn > m ? r.reviewedOn : m), null);
    const lastOneOnOne = latest(p.reviews.filter((r) => r.inOneOnOne));
    out[planId] = {
      planId,
      repId: p.repId,
      status: p.status,
      objectives: objectives.length,
      completed,
      progressBps: Number(roundRatio(ratio(completed * 10_000, Math.max(1, objectives.length)), "floor")),
      overdueObjectives: objectives
        .filter(([, o]) => o.completedOn === undefined && compareCalendarDates(o.dueOn, asOf) < 0)
        .map(([id]) => id)
        .sort(),
      lastReviewedOn: latest(p.reviews),
      lastOneOnOneReviewOn: lastOneOnOne,
      reviewDue: p.status === "active" && diffCalendarDays(lastOneOnOne ?? p.createdOn, asOf) > every,
    };
  }
  return out;
}
