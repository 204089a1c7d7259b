import { type AppraisalScorecard, appraisalScorecard, type ReviewCyclesState } from "../appraisals/index.ts";
import { type CoachingBacklogState, coachingBacklog } from "../coaching/index.ts";
import { type TrainingComplianceState, trainingCompliance } from "../training/index.ts";
import { byKey, milliCell, percentCell } from "./cells.ts";
import type { ReportContext } from "./reports.ts";
import type { ReportCell, ReportRow, ReportSection } from "./tabulate.ts";

const score = (milli: number | null | undefined): ReportCell =>
  milli === null || milli === undefined ? null : milliCell(milli);

/**
 * The appraisal report: one row per participant of each review cycle (the live weighted score, the original frozen
 * when calibration started, the calibrations and the final score once closed, and the KPIs reported missing), and
 * one row per participant and KPI (weight, value, rating on the KPI's scale, score on the cycle's scale, effective
 * weight after missing KPIs are renormalized away). Scores are points on the cycle's scale, three decimals.
 *
 * @param state - The state of `reviewCycles`.
 * @returns Two sections, `appraisal scorecards` and `appraisal KPIs`.
 * @example
 * ```ts
 * appraisalScorecardsView(fold(reviewCycles, events))[0]?.rows[0]?.final; // "4.263"
 * ```
 */
export function appraisalScorecardsView(state: ReviewCyclesState): ReportSection[] {
  const cards: ReportRow[] = [];
  const kpis: ReportRow[] = [];
  for (const cycleId of Object.keys(state.cycles).sort()) {
    const cycle = state.cycles[cycleId]!;
    if (cycle.status === "none") continue;
    const reps = [...new Set([...Object.keys(cycle.participants), ...Object.keys(cycle.finalScores)])].sort();
    for (const repId of reps) {
      const card: AppraisalScorecard = appraisalScorecard(state, cycleId, repId);
      const steps = card.calibrations;
      cards.push({
        cycle: cycleId,
        rep: repId,
        status: card.status,
        weighted: score(card.scorecard.scoreMilli),
        original: score(card.originalMilli),
        calibrated: steps.length === 0 ? null : steps.map((s) => `${milliCell(s.toMilli)} (${s.reason})`).join("; "),
        final: score(card.finalMilli),
        missing: card.scorecard.missingKpiIds.join(", ") || null,
      });
      for (const c of card.scorecard.components) {
        kpis.push({
          cycle: cycleId,
          rep: repId,
          kpi: c.kpiId,
          weight: percentCell(c.weightBps),
          value: c.value ?? null,
          rating: score(c.ratingMilli),
          score: score(c.normalizedMilli),
          "effective weight": c.effectiveWeightBps === undefined ? null : percentCell(c.effectiveWeightBps),
          status: c.status,
        });
      }
    }
  }
  return [
    { title: "appraisal scorecards", rows: cards },
    { title: "appraisal KPIs", rows: kpis },
  ];
}

/**
 * The action item report: per owner, the open action items and how often they were carried from meeting to meeting,
 * and every open item. With `--period`, the items still open that were due before the period's end are listed as
 * overdue (statuses as stored now).
 *
 * @param state - The state of `coachingBacklogProjection`.
 * @param context - The report context; `period` sets the day overdue is judged on (its end).
 * @returns The sections `action items by owner`, `open action items` and, with a period, `overdue at the end of …`.
 * @example
 * ```ts
 * actionItemsView(fold(coachingBacklogProjection, events), { calendar, bucket: "month" })[0]?.rows[0]?.open; // 2
 * ```
 */
export function actionItemsView(state: CoachingBacklogState, context: ReportContext): ReportSection[] {
  const items = Object.entries(state.items).sort(byKey(([key]) => key));
  const owners = new Map<string, { open: number; completed: number; cancelled: number; carried: number }>();
  for (const [, item] of items) {
    const o = owners.get(item.ownerId) ?? { open: 0, completed: 0, cancelled: 0, carried: 0 };
    o[item.status] += 1;
    if (item.status === "open") o.carried += item.carriedForward;
    owners.set(item.ownerId, o);
  }
  const byOwner: ReportRow[] = [...owners.entries()].sort(byKey(([owner]) => owner)).map(([owner, o]) => ({
    owner,
    open: o.open,
    completed: o.completed,
    cancelled: o.cancelled,
    "open items carried (times)": o.carried,
  }));
  const row = (key: string) => {
    const item = state.items[key]!;
    return {
      item: key,
      owner: item.ownerId,
      description: item.description,
      due: item.dueOn,
      "raised in": item.meetingId,
      "carried forward": item.carriedForward,
    };
  };
  const open = items.filter(([, item]) => item.status === "open").map(([key]) => row(key));
  const sections: ReportSection[] = [
    { title: "action items by owner", rows: byOwner },
    { title: "open action items", rows: open },
  ];
  if (context.period) {
    const backlog = coachingBacklog(state, context.period.endDate);
    const overdue = Object.values(backlog.byOwner)
      .flatMap((p) => p.overdue)
      .sort()
      .map(row);
    sections.push({
      title: `overdue at the end of ${context.period.id} (due before ${context.period.endDate})`,
      rows: overdue,
    });
  }
  return sections;
}

/**
 * The training report: per rep, the training assignments (withdrawn ones aside), how many are complete, the
 * completion rate and the certifications held with their expiry. With `--period`, the compliance as of the day
 * after the period: the assignments overdue, the certifications expired and those expiring within 30 days.
 *
 * @param state - The state of `trainingComplianceProjection`.
 * @param context - The report context; `period` sets the day compliance is judged on (its end).
 * @returns One section, `training by rep`.
 * @example
 * ```ts
 * trainingStatusView(fold(trainingComplianceProjection, events), { calendar, bucket: "month" })[0]?.rows[0]?.completion; // "50.00%"
 * ```
 */
export function trainingStatusView(state: TrainingComplianceState, context: ReportContext): ReportSection[] {
  const asOf = context.period?.endDate;
  // Counts and completion do not depend on the day; without a period its judgements are not shown.
  const compliance = trainingCompliance(state, asOf ?? "1970-01-01").byRep;
  const rows: ReportRow[] = Object.keys(compliance)
    .sort()
    .map((repId) => {
      const c = compliance[repId]!;
      const certs = Object.entries(state.reps[repId]!.certifications)
        .sort(byKey(([id]) => id))
        .map(([id, cert]) => `${id}${cert.expiresOn ? ` (until ${cert.expiresOn})` : ""}`);
      const row: Record<string, ReportCell> = {
        rep: repId,
        assignments: c.assignments,
        completed: c.completed,
        completion: c.completionBps === null ? null : percentCell(c.completionBps),
        certifications: certs.join("; ") || null,
      };
      if (asOf !== undefined) {
        row[`overdue on ${asOf}`] = c.overdue.join("; ") || null;
        row.expired = c.expired.join("; ") || null;
        row["expiring within 30 days"] = c.expiringSoon.join("; ") || null;
      }
      return row;
    });
  return [{ title: "training by rep", rows }];
}
