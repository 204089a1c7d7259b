import { defineProjection, type EventOf, ValidationError } from "../../core/index.ts";
import { type FeedbackSubmitted, type ReviewCycleEvent, reviewCycleEvents } from "../events.ts";
import {
  applyReviewCycleEvent,
  type CalibrationStep,
  type CycleStatus,
  cycleScorecard,
  emptyReviewCycle,
  type ReviewCycleState,
} from "../reviewCycleState.ts";
import type { Scorecard } from "../scorecard.ts";

/**
 * A piece of feedback as submitted.
 *
 * @example
 * ```ts
 * const f: FeedbackRecord = state.feedback["q3"]![0]!;
 * ```
 */
export type FeedbackRecord = EventOf<typeof FeedbackSubmitted>["data"];

/**
 * The state of {@link reviewCycles}: each cycle's state, and its feedback in submission order.
 *
 * @example
 * ```ts
 * state.cycles["q3"]?.status; // "closed"
 * ```
 */
export interface ReviewCyclesState {
  readonly cycles: Readonly<Record<string, ReviewCycleState>>;
  readonly feedback: Readonly<Record<string, readonly FeedbackRecord[]>>;
}

const apply = (s: { cycles: Record<string, ReviewCycleState> }, e: ReviewCycleEvent) => {
  const c = (s.cycles[e.data.cycleId] ??= emptyReviewCycle());
  applyReviewCycleEvent(c as never, e);
};

/**
 * Every review cycle: definition, participants, measurements, feedback, original and calibrated scores, final
 * scores. Read it with {@link appraisalScorecard}, {@link visibleFeedback} and `mboScoresFromCycle`.
 *
 * @example
 * ```ts
 * const state = fold(reviewCycles, events);
 * appraisalScorecard(state, "q3", "rep-ana").finalMilli;
 * ```
 */
export const reviewCycles = /* @__PURE__ */ defineProjection({
  name: "appraisals.reviewCycles",
  events: reviewCycleEvents,
  initialState: (): ReviewCyclesState => ({ cycles: {}, feedback: {} }),
  handlers: {
    ReviewCycleOpened: (s, e) => apply(s as never, e),
    CycleParticipantAdded: (s, e) => apply(s as never, e),
    CycleParticipantExcluded: (s, e) => apply(s as never, e),
    SelfReviewStarted: (s, e) => apply(s as never, e),
    ManagerReviewStarted: (s, e) => apply(s as never, e),
    CalibrationStarted: (s, e) => apply(s as never, e),
    KpiMeasured: (s, e) => apply(s as never, e),
    ScoreCalibrated: (s, e) => apply(s as never, e),
    ReviewCycleClosed: (s, e) => apply(s as never, e),
    FeedbackSubmitted: (s, e) => {
      apply(s as never, e);
      (s.feedback[e.data.cycleId] ??= []).push(e.data as never);
    },
  },
});

/**
 * A rep's appraisal scorecard in a cycle, every component explained: the live scorecard (measurements and ratings
 * so far), the original score frozen when calibration started, each calibration step, and the final score once the
 * cycle is closed.
 *
 * @example
 * ```ts
 * const card: AppraisalScorecard = appraisalScorecard(state, "q3", "rep-ana");
 * ```
 */
export interface AppraisalScorecard {
  readonly cycleId: string;
  readonly repId: string;
  readonly status: CycleStatus;
  readonly scorecard: Scorecard;
  /** The computed score frozen at calibration start (`undefined` before). */
  readonly originalMilli?: number | null;
  readonly calibrations: readonly CalibrationStep[];
  /** The final score once the cycle is closed. */
  readonly finalMilli?: number;
}

function cycleOf(state: ReviewCyclesState, cycleId: string, api: string): ReviewCycleState {
  const c = state.cycles[cycleId];
  if (c === undefined || c.status === "none") {
    throw new ValidationError(api, [{ code: "unknown_cycle", path: ["cycleId"], message: `no cycle ${cycleId}` }]);
  }
  return c;
}

/**
 * A rep's scorecard in a cycle.
 *
 * @param state - The state of {@link reviewCycles}.
 * @param cycleId - The cycle.
 * @param repId - A participant (or a rep excluded or scored earlier).
 * @returns The scorecard with original, calibrations and final score.
 * @throws {@link ValidationError} `unknown_cycle`, `unknown_participant`.
 * @example
 * ```ts
 * for (const c of appraisalScorecard(state, "q3", "rep-ana").scorecard.components) console.log(c.explanation);
 * ```
 */
export function appraisalScorecard(state: ReviewCyclesState, cycleId: string, repId: string): AppraisalScorecard {
  const c = cycleOf(state, cycleId, "appraisalScorecard");
  if (c.participants[repId] === undefined && c.finalScores[repId] === undefined) {
    throw new ValidationError("appraisalScorecard", [
      { code: "unknown_participant", path: ["repId"], message: `${repId} is not in cycle ${cycleId}` },
    ]);
  }
  const original = c.originals[repId];
  const final = c.finalScores[repId];
  return {
    cycleId,
    repId,
    status: c.status,
    scorecard: cycleScorecard(c, repId),
    ...(original === undefined ? {} : { originalMilli: original.scoreMilli }),
    calibrations: c.calibrations[repId] ?? [],
    ...(final === undefined ? {} : { finalMilli: final.finalMilli }),
  };
}

/**
 * Who reads feedback: the rep reviewed (`subject`), their `manager`, `hr`, or anyone else by id (an author sees
 * their own feedback, private note included).
 *
 * @example
 * ```ts
 * const viewer: FeedbackViewer = { id: "mgr-li", role: "manager" };
 * ```
 */
export interface FeedbackViewer {
  readonly id: string;
  readonly role: "subject" | "manager" | "hr" | "other";
}

/**
 * The feedback on a rep that a viewer may read, applying each piece's visibility: `subject` feedback is read by the
 * rep, their manager and HR; `manager` feedback by the manager and HR; `hr` feedback by HR. An author always reads
 * their own. Anonymous authors are hidden (`authorId: null`) from everyone but HR and the author; private notes are
 * shown to their author only.
 *
 * @param state - The state of {@link reviewCycles}.
 * @param cycleId - The cycle.
 * @param repId - The rep the feedback is about.
 * @param viewer - Who is reading.
 * @returns The readable feedback, in submission order.
 * @throws {@link ValidationError} `unknown_cycle`.
 * @example
 * ```ts
 * visibleFeedback(state, "q3", "rep-ana", { id: "rep-ana", role: "subject" }).map((f) => f.comment);
 * ```
 */
export function visibleFeedback(
  state: ReviewCyclesState,
  cycleId: string,
  repId: string,
  viewer: FeedbackViewer,
): (Omit<FeedbackRecord, "authorId" | "privateNote"> & { authorId: string | null; privateNote?: string })[] {
  cycleOf(state, cycleId, "visibleFeedback");
  const readers: Record<FeedbackRecord["visibility"], FeedbackViewer["role"][]> = {
    subject: ["subject", "manager", "hr"],
    manager: ["manager", "hr"],
    hr: ["hr"],
  };
  return (state.feedback[cycleId] ?? [])
    .filter((f) => f.repId === repId)
    .filter((f) => f.authorId === viewer.id || readers[f.visibility].includes(viewer.role))
    .map(({ privateNote, authorId, ...f }) => {
      const own = authorId === viewer.id;
      const author = f.anonymous && !own && viewer.role !== "hr" ? null : authorId;
      return own && privateNote !== undefined ? { ...f, authorId: author, privateNote } : { ...f, authorId: author };
    });
}
