import type { ReviewCycleEvent } from "./events.ts";
import { computeScorecard, type Scorecard } from "./scorecard.ts";
import type { CyclePeriod, KpiDefinition, Participant, PopulationFilter, Scale } from "./values.ts";

/**
 * The stage of a review cycle: `none` (not opened), `open`, `self_review`, `manager_review`, `calibration`, `closed`.
 *
 * @example
 * ```ts
 * const s: CycleStatus = "calibration";
 * ```
 */
export type CycleStatus = "none" | "open" | "self_review" | "manager_review" | "calibration" | "closed";

/**
 * The feedback a rep received in a cycle, as the scorecard reads it: the self and manager ratings, and each peer's.
 *
 * @example
 * ```ts
 * const f: ReceivedFeedback = { self: { drive: 4 }, manager: { coaching: 4 }, peers: { "rep-bo": { teamwork: 5 } } };
 * ```
 */
export interface ReceivedFeedback {
  readonly self?: Readonly<Record<string, number>>;
  readonly manager?: Readonly<Record<string, number>>;
  readonly peers: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * One calibration step of a rep's score: from, to, why, who and when.
 *
 * @example
 * ```ts
 * const step: CalibrationStep = { fromMilli: 4_263, toMilli: 4_000, reason: "regional alignment", calibratedBy: "dir-wu", calibratedAt: "2026-09-29T09:00:00.000Z" };
 * ```
 */
export interface CalibrationStep {
  readonly fromMilli: number;
  readonly toMilli: number;
  readonly reason: string;
  readonly calibratedBy: string;
  readonly calibratedAt: string;
}

/**
 * The state of a review cycle: its definition, participants, measurements, feedback, the original scores frozen at
 * calibration start, every calibration step, and the final scores once closed. Used by the decider and by the
 * `reviewCycles` projection.
 *
 * @example
 * ```ts
 * const s = reviewCycles.initialState();
 * ```
 */
export interface ReviewCycleState {
  readonly status: CycleStatus;
  readonly cycleId: string;
  readonly name: string;
  readonly period: CyclePeriod;
  readonly scale: Scale;
  readonly kpis: readonly KpiDefinition[];
  readonly formula?: string;
  readonly population: PopulationFilter;
  readonly participants: Readonly<Record<string, Participant>>;
  readonly excluded: Readonly<Record<string, string>>;
  readonly measurements: Readonly<Record<string, Readonly<Record<string, { value: number; explanation: string }>>>>;
  readonly feedback: Readonly<Record<string, ReceivedFeedback>>;
  readonly feedbackIds: Readonly<Record<string, string>>;
  readonly originals: Readonly<Record<string, { scoreMilli: number | null; missingKpiIds: readonly string[] }>>;
  readonly calibrations: Readonly<Record<string, readonly CalibrationStep[]>>;
  readonly finalScores: Readonly<Record<string, { originalMilli: number; finalMilli: number; calibrated: boolean }>>;
  readonly lastChangeAt?: string;
}

/**
 * The state of a cycle that was never opened.
 *
 * @returns An empty cycle state.
 * @example
 * ```ts
 * emptyReviewCycle().status; // "none"
 * ```
 */
export function emptyReviewCycle(): ReviewCycleState {
  return {
    status: "none",
    cycleId: "",
    name: "",
    period: { start: "1970-01-01", end: "1970-01-02" },
    scale: { min: 0, max: 1 },
    kpis: [],
    population: {},
    participants: {},
    excluded: {},
    measurements: {},
    feedback: {},
    feedbackIds: {},
    originals: {},
    calibrations: {},
    finalScores: {},
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Applies one event to a cycle state in place (nested records are replaced, never mutated, so a shallow copy of the
 * state is enough to keep the previous one intact). The projection calls it on an immer draft.
 *
 * @param s - The state to update.
 * @param event - A review cycle event.
 * @example
 * ```ts
 * applyReviewCycleEvent(draft, { type: "SelfReviewStarted", data: { cycleId: "q3", startedAt: "2026-09-22T09:00:00.000Z" } });
 * ```
 */
export function applyReviewCycleEvent(s: Mutable<ReviewCycleState>, event: ReviewCycleEvent): void {
  switch (event.type) {
    case "ReviewCycleOpened": {
      const d = event.data;
      Object.assign(s, {
        status: "open",
        cycleId: d.cycleId,
        name: d.name,
        period: d.period,
        scale: d.scale,
        kpis: d.kpis,
        population: d.population,
        participants: Object.fromEntries(d.participants.map((p) => [p.repId, p])),
        lastChangeAt: d.openedAt,
      });
      if (d.formula !== undefined) s.formula = d.formula;
      return;
    }
    case "CycleParticipantAdded":
      s.participants = { ...s.participants, [event.data.participant.repId]: event.data.participant };
      return;
    case "CycleParticipantExcluded": {
      const { [event.data.repId]: _gone, ...rest } = s.participants;
      s.participants = rest;
      s.excluded = { ...s.excluded, [event.data.repId]: event.data.reason };
      return;
    }
    case "SelfReviewStarted":
      s.status = "self_review";
      s.lastChangeAt = event.data.startedAt;
      return;
    case "ManagerReviewStarted":
      s.status = "manager_review";
      s.lastChangeAt = event.data.startedAt;
      return;
    case "CalibrationStarted":
      s.status = "calibration";
      s.lastChangeAt = event.data.startedAt;
      s.originals = Object.fromEntries(
        event.data.scores.map((x) => [x.repId, { scoreMilli: x.scoreMilli, missingKpiIds: x.missingKpiIds }]),
      );
      return;
    case "KpiMeasured": {
      const d = event.data;
      const value = { value: d.value, explanation: d.explanation };
      s.measurements = { ...s.measurements, [d.repId]: { ...s.measurements[d.repId], [d.kpiId]: value } };
      return;
    }
    case "FeedbackSubmitted": {
      const d = event.data;
      const f = s.feedback[d.repId] ?? { peers: {} };
      const next: ReceivedFeedback =
        d.kind === "peer" ? { ...f, peers: { ...f.peers, [d.authorId]: d.ratings } } : { ...f, [d.kind]: d.ratings };
      s.feedback = { ...s.feedback, [d.repId]: next };
      s.feedbackIds = { ...s.feedbackIds, [d.feedbackId]: d.repId };
      return;
    }
    case "ScoreCalibrated": {
      const d = event.data;
      const step: CalibrationStep = {
        fromMilli: d.previousMilli,
        toMilli: d.scoreMilli,
        reason: d.reason,
        calibratedBy: d.calibratedBy,
        calibratedAt: d.calibratedAt,
      };
      s.calibrations = { ...s.calibrations, [d.repId]: [...(s.calibrations[d.repId] ?? []), step] };
      return;
    }
    case "ReviewCycleClosed":
      s.status = "closed";
      s.lastChangeAt = event.data.closedAt;
      s.finalScores = Object.fromEntries(event.data.finalScores.map(({ repId, ...rest }) => [repId, rest] as const));
      return;
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
}

/**
 * The next cycle state after an event; the previous state is left unchanged.
 *
 * @param state - The state before the event.
 * @param event - The event.
 * @returns The state after it.
 * @example
 * ```ts
 * const next = evolveReviewCycle(emptyReviewCycle(), opened);
 * ```
 */
export function evolveReviewCycle(state: ReviewCycleState, event: ReviewCycleEvent): ReviewCycleState {
  const next = { ...state };
  applyReviewCycleEvent(next, event);
  return next;
}

/**
 * A participant's live scorecard in a cycle: every KPI explained from the measurements and feedback so far, the
 * missing ones reported, and the computed score. (Once calibration starts, the original is frozen in
 * `state.originals`; calibration steps are in `state.calibrations`.)
 *
 * @param state - The cycle state.
 * @param repId - A participant.
 * @returns The scorecard.
 * @example
 * ```ts
 * cycleScorecard(state, "rep-ana").scoreMilli;
 * ```
 */
export function cycleScorecard(state: ReviewCycleState, repId: string): Scorecard {
  const f = state.feedback[repId];
  return computeScorecard({
    scale: state.scale,
    kpis: state.kpis,
    formula: state.formula,
    measurements: state.measurements[repId] ?? {},
    selfRatings: f?.self,
    managerRatings: f?.manager,
    peerRatings: Object.values(f?.peers ?? {}),
  });
}

/**
 * A participant's current score: the last calibrated value, else the original frozen at calibration start, else
 * the live computed score.
 *
 * @param state - The cycle state.
 * @param repId - A participant.
 * @returns The score in thousandths of a point, or `null`.
 * @example
 * ```ts
 * currentScoreMilli(state, "rep-ana"); // 4000
 * ```
 */
export function currentScoreMilli(state: ReviewCycleState, repId: string): number | null {
  const steps = state.calibrations[repId];
  if (steps !== undefined && steps.length > 0) return steps[steps.length - 1]!.toMilli;
  const original = state.originals[repId];
  if (original !== undefined) return original.scoreMilli;
  return cycleScorecard(state, repId).scoreMilli;
}
