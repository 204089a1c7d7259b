import type { Decider } from "../core/index.ts";
import type { ReviewCycleCommand } from "./commands.ts";
import { checkCycleDefinition, inPopulation } from "./cycleDefinition.ts";
import type { ReviewCycleEvent } from "./events.ts";
import { requireAppraisalsRule } from "./rules.ts";
import {
  type CycleStatus,
  currentScoreMilli,
  cycleScorecard,
  emptyReviewCycle,
  evolveReviewCycle,
  type ReviewCycleState,
} from "./reviewCycleState.ts";
import { milliText } from "./_rational.ts";

const D = "reviewCycle";

/**
 * The stream of a review cycle.
 *
 * @param cycleId - The cycle.
 * @returns `review-cycle-<cycleId>`.
 * @example
 * ```ts
 * reviewCycleStreamId("2026-q3"); // "review-cycle-2026-q3"
 * ```
 */
export function reviewCycleStreamId(cycleId: string): string {
  return `review-cycle-${cycleId}`;
}

const NEXT: Partial<Record<ReviewCycleCommand["type"], [CycleStatus, CycleStatus]>> = {
  StartSelfReview: ["open", "self_review"],
  StartManagerReview: ["self_review", "manager_review"],
  StartCalibration: ["manager_review", "calibration"],
  CloseReviewCycle: ["calibration", "closed"],
};

function participant(state: ReviewCycleState, repId: string) {
  const p = state.participants[repId];
  requireAppraisalsRule(p !== undefined, "participant_unknown", `${D}: ${repId} is not a participant`, { repId });
  return p;
}

function transition(command: ReviewCycleCommand, state: ReviewCycleState, now: string): ReviewCycleEvent[] {
  const [from, to] = NEXT[command.type]!;
  requireAppraisalsRule(
    state.status === from,
    "invalid_transition",
    `${D}: ${command.type} moves ${from} → ${to}, but the cycle is ${state.status}`,
    { status: state.status, expected: from },
  );
  const reps = Object.keys(state.participants).sort();
  const cycleId = state.cycleId;
  if (to === "self_review") {
    requireAppraisalsRule(reps.length > 0, "cycle_needs_participants", `${D}: the cycle has no participants`);
    return [{ type: "SelfReviewStarted", data: { cycleId, startedAt: now } }];
  }
  if (to === "manager_review") {
    const pending = reps.filter((r) => state.feedback[r]?.self === undefined);
    const waiver = command.type === "StartManagerReview" ? command.data.waiveMissingSelfReviews : undefined;
    requireAppraisalsRule(
      pending.length === 0 || waiver !== undefined,
      "self_reviews_pending",
      `${D}: self reviews pending for ${pending.join(", ")}; submit them or waive them with a reason`,
      { pending },
    );
    const data = { cycleId, startedAt: now, pendingSelfReviews: pending };
    return [
      {
        type: "ManagerReviewStarted",
        data: pending.length > 0 && waiver ? { ...data, waiverReason: waiver.reason } : data,
      },
    ];
  }
  if (to === "calibration") {
    const pending = reps.filter((r) => state.feedback[r]?.manager === undefined);
    requireAppraisalsRule(
      pending.length === 0,
      "manager_reviews_pending",
      `${D}: manager reviews pending for ${pending.join(", ")}`,
      { pending },
    );
    const scores = reps.map((repId) => {
      const card = cycleScorecard(state, repId);
      return { repId, scoreMilli: card.scoreMilli, missingKpiIds: [...card.missingKpiIds] };
    });
    return [{ type: "CalibrationStarted", data: { cycleId, startedAt: now, scores } }];
  }
  const unscored = reps.filter((r) => currentScoreMilli(state, r) === null);
  requireAppraisalsRule(
    unscored.length === 0,
    "unscored_participants",
    `${D}: no score for ${unscored.join(", ")}; exclude them (ExcludeCycleParticipant, allowed in calibration for a participant without a score) before closing`,
    { unscored },
  );
  const finalScores = reps.map((repId) => ({
    repId,
    originalMilli: state.originals[repId]!.scoreMilli ?? currentScoreMilli(state, repId)!,
    finalMilli: currentScoreMilli(state, repId)!,
    calibrated: (state.calibrations[repId]?.length ?? 0) > 0,
  }));
  return [{ type: "ReviewCycleClosed", data: { cycleId, closedAt: now, finalScores } }];
}

function feedback(
  command: Extract<ReviewCycleCommand, { type: "SubmitFeedback" }>,
  state: ReviewCycleState,
  now: string,
): ReviewCycleEvent[] {
  const d = command.data;
  const open: Record<typeof d.kind, CycleStatus[]> = {
    self: ["self_review"],
    manager: ["manager_review"],
    peer: ["self_review", "manager_review"],
  };
  requireAppraisalsRule(
    open[d.kind].includes(state.status),
    "feedback_window_closed",
    `${D}: ${d.kind} feedback is taken during ${open[d.kind].join(" or ")}, and the cycle is ${state.status}`,
    { kind: d.kind, status: state.status },
  );
  const p = participant(state, d.repId);
  const authorOk =
    d.kind === "self"
      ? d.authorId === d.repId
      : d.kind === "manager"
        ? d.authorId === p.managerId
        : d.authorId !== d.repId;
  requireAppraisalsRule(
    authorOk,
    "feedback_author_mismatch",
    `${D}: ${d.authorId} cannot give ${d.kind} feedback on ${d.repId}`,
    { kind: d.kind, authorId: d.authorId, repId: d.repId },
  );
  const received = state.feedback[d.repId];
  const already =
    state.feedbackIds[d.feedbackId] !== undefined ||
    (d.kind === "peer" ? received?.peers[d.authorId] !== undefined : received?.[d.kind] !== undefined);
  requireAppraisalsRule(
    !already,
    "feedback_already_submitted",
    `${D}: ${d.kind} feedback by ${d.authorId} on ${d.repId} (or id ${d.feedbackId}) was already submitted`,
    { feedbackId: d.feedbackId },
  );
  const ratedBy = d.kind === "peer" ? "peers" : d.kind;
  for (const [kpiId, rating] of Object.entries(d.ratings)) {
    const kpi = state.kpis.find((k) => k.kpiId === kpiId);
    requireAppraisalsRule(
      kpi !== undefined && kpi.source.kind === "manual" && kpi.source.ratedBy === ratedBy,
      "rating_not_expected",
      `${D}: ${d.kind} feedback does not rate ${kpiId}`,
      { kpiId, kind: d.kind },
    );
    requireAppraisalsRule(
      rating >= kpi.scale.min && rating <= kpi.scale.max,
      "rating_out_of_scale",
      `${D}: rating ${rating} for ${kpiId} is outside ${kpi.scale.min}–${kpi.scale.max}`,
      { kpiId, rating },
    );
  }
  const data = {
    cycleId: state.cycleId,
    feedbackId: d.feedbackId,
    repId: d.repId,
    kind: d.kind,
    authorId: d.authorId,
    ratings: d.ratings,
    comment: d.comment,
    visibility: d.visibility ?? (d.kind === "peer" ? "manager" : "subject"),
    anonymous: d.anonymous ?? d.kind === "peer",
    submittedAt: now,
  };
  return [{ type: "FeedbackSubmitted", data: d.privateNote ? { ...data, privateNote: d.privateNote } : data }];
}

/**
 * The decider of a review cycle (one stream each). A cycle is opened with a checked definition (weights totalling
 * exactly 10,000 bps, a valid formula, participants inside the population), moves open → self_review →
 * manager_review → calibration → closed one named transition at a time, collects KPI measurements and feedback in
 * its windows, freezes each rep's original score when calibration starts, records every calibration with its reason,
 * and freezes the final scores when it closes.
 *
 * @example
 * ```ts
 * const cycles = createCommandHandler({ store, decider: reviewCycleDecider, commands: reviewCycleCommand });
 * await cycles.handle(reviewCycleStreamId("q3"), { type: "StartSelfReview", data: {} });
 * ```
 */
export const reviewCycleDecider: Decider<ReviewCycleCommand, ReviewCycleEvent, ReviewCycleState> = {
  name: D,
  version: "1",
  initialState: emptyReviewCycle,
  evolve: evolveReviewCycle,
  decide: (command, state, { now }) => {
    if (command.type === "OpenReviewCycle") {
      const d = command.data;
      requireAppraisalsRule(state.status === "none", "cycle_already_opened", `${D}: ${d.cycleId} is already open`, {
        cycleId: d.cycleId,
      });
      checkCycleDefinition(d);
      const { formula, ...rest } = d;
      return [
        { type: "ReviewCycleOpened", data: { ...rest, ...(formula === undefined ? {} : { formula }), openedAt: now } },
      ];
    }
    requireAppraisalsRule(state.status !== "none", "cycle_not_found", `${D}: the cycle was never opened`);
    const cycleId = state.cycleId;
    switch (command.type) {
      case "StartSelfReview":
      case "StartManagerReview":
      case "StartCalibration":
      case "CloseReviewCycle":
        return transition(command, state, now);
      case "AddCycleParticipant":
      case "ExcludeCycleParticipant": {
        const rosterOpen = state.status === "open" || state.status === "self_review";
        if (command.type === "ExcludeCycleParticipant") {
          const repId = command.data.repId;
          const unscored =
            state.status === "calibration" &&
            state.participants[repId] !== undefined &&
            currentScoreMilli(state, repId) === null;
          requireAppraisalsRule(
            rosterOpen || unscored,
            "roster_locked",
            `${D}: participants change only while open or in self review (in calibration, only a participant without a score may be excluded); the cycle is ${state.status}`,
            { status: state.status, repId },
          );
          participant(state, repId);
          return [{ type: "CycleParticipantExcluded", data: { cycleId, ...command.data, excludedAt: now } }];
        }
        requireAppraisalsRule(
          rosterOpen,
          "roster_locked",
          `${D}: participants are added only while open or in self review; the cycle is ${state.status}`,
          { status: state.status },
        );
        const p = command.data.participant;
        requireAppraisalsRule(
          state.participants[p.repId] === undefined,
          "duplicate_participant",
          `${D}: ${p.repId} already takes part`,
          { repId: p.repId },
        );
        requireAppraisalsRule(
          inPopulation(state.population, p),
          "participant_outside_population",
          `${D}: ${p.repId} is outside the cycle's population`,
          { repId: p.repId },
        );
        return [{ type: "CycleParticipantAdded", data: { cycleId, participant: p, addedAt: now } }];
      }
      case "RecordKpiMeasurement": {
        const d = command.data;
        requireAppraisalsRule(
          ["open", "self_review", "manager_review"].includes(state.status),
          "measurement_window_closed",
          `${D}: measurements are recorded before calibration; the cycle is ${state.status}`,
          { status: state.status },
        );
        participant(state, d.repId);
        const kpi = state.kpis.find((k) => k.kpiId === d.kpiId);
        requireAppraisalsRule(kpi !== undefined, "kpi_unknown", `${D}: no KPI ${d.kpiId}`, { kpiId: d.kpiId });
        requireAppraisalsRule(
          kpi.source.kind === "computed",
          "kpi_not_computed",
          `${D}: ${d.kpiId} is rated in feedback, not measured`,
          { kpiId: d.kpiId },
        );
        requireAppraisalsRule(
          kpi.scoring.kind !== "direct" || (d.value >= kpi.scale.min && d.value <= kpi.scale.max),
          "value_out_of_scale",
          `${D}: ${d.kpiId} is scored directly and ${d.value} is outside ${kpi.scale.min}–${kpi.scale.max}`,
          { kpiId: d.kpiId, value: d.value },
        );
        return [{ type: "KpiMeasured", data: { cycleId, ...d, measuredAt: now } }];
      }
      case "SubmitFeedback":
        return feedback(command, state, now);
      case "CalibrateScore": {
        const d = command.data;
        requireAppraisalsRule(
          state.status === "calibration",
          "calibration_window_closed",
          `${D}: scores are calibrated during calibration; the cycle is ${state.status}`,
          { status: state.status },
        );
        participant(state, d.repId);
        const original = state.originals[d.repId]?.scoreMilli ?? null;
        requireAppraisalsRule(
          original !== null,
          "score_unavailable",
          `${D}: ${d.repId} has no computed score to calibrate (missing ${state.originals[d.repId]?.missingKpiIds.join(", ")}); exclude them from the cycle instead`,
          { repId: d.repId },
        );
        const lo = state.scale.min * 1000;
        const hi = state.scale.max * 1000;
        requireAppraisalsRule(
          d.scoreMilli >= lo && d.scoreMilli <= hi,
          "calibrated_score_out_of_scale",
          `${D}: ${milliText(d.scoreMilli)} is outside ${state.scale.min}–${state.scale.max}`,
          { scoreMilli: d.scoreMilli },
        );
        const previousMilli = currentScoreMilli(state, d.repId)!;
        return [
          {
            type: "ScoreCalibrated",
            data: { cycleId, ...d, originalMilli: original, previousMilli, calibratedAt: now },
          },
        ];
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
