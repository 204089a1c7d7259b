// The tables of the review cycle: the KPIs and their weights, what each rep's KPIs were measured at, and the
// scorecards (each KPI's score on the cycle's 1–5 scale, the weighted total, the final score after calibration).
import { appraisalScorecard, type KpiDefinition, reviewCycles } from "../../appraisals/index.ts";
import { type GoalProgressState, goalAttainment } from "../../goals/index.ts";
import { rebuildProjection } from "../../index.ts";
import type { ReportCell, ReportSection } from "../../sales/index.ts";
import { REPS } from "./cast.ts";
import { CYCLE_ID, CYCLE_SCALE, REVIEW_KPIS } from "./reviewCycle.ts";
import type { DemoWorld } from "./world.ts";

const points = (milli: number | null | undefined): ReportCell =>
  milli === null || milli === undefined ? null : `${Math.trunc(milli / 1000)}.${String(milli % 1000).padStart(3, "0")}`;
const percent = (bps: number) => `${Math.trunc(bps / 100)}.${String(bps % 100).padStart(2, "0")}%`;

/** How a KPI's value becomes a rating, in words (values of basis-point metrics as percentages). */
function scoringOf(k: KpiDefinition): string {
  const bps = k.source.kind === "computed" && k.source.metric !== "activity_count";
  const v = (n: number) => (bps ? percent(n).replace(".00%", "%") : String(n));
  const { min, max } = k.scale;
  if (k.scoring.kind === "linear")
    return `${v(k.scoring.from)} → ${min}, ${v(k.scoring.to)} → ${max}, straight between`;
  if (k.scoring.kind === "thresholds") {
    return `below ${v(k.scoring.bands[0]!.atLeast)} → ${min}, ${k.scoring.bands.map((b) => `${v(b.atLeast)} → ${b.rating}`).join(", ")}`;
  }
  const same = min === CYCLE_SCALE.min && max === CYCLE_SCALE.max;
  return `rated ${min}–${max}${same ? "" : `, ${min} → ${CYCLE_SCALE.min} and ${max} → ${CYCLE_SCALE.max}`}`;
}
/** The appraisal scorecards, printed after the commission statements. */
export async function reviewCycleReport(w: DemoWorld, progress: GoalProgressState): Promise<ReportSection[]> {
  const { state } = await rebuildProjection(w.store, reviewCycles);
  if (state.cycles[CYCLE_ID] === undefined) return [];
  const kpis = REVIEW_KPIS.map((k) => ({
    kpi: k.kpiId,
    name: k.name,
    weight: percent(k.weightBps),
    source: k.source.kind === "computed" ? k.source.metric : `${k.source.ratedBy} rating`,
    scoring: scoringOf(k),
  }));
  const measured = [];
  const scorecards = [];
  for (const r of REPS) {
    const card = appraisalScorecard(state, CYCLE_ID, r.repId);
    const part = (kpiId: string) => card.scorecard.components.find((c) => c.kpiId === kpiId);
    const value = (kpiId: string) => part(kpiId)?.value ?? null;
    measured.push({
      rep: r.repId,
      credited: goalAttainment(progress, `q3-${r.repId}`).achieved as ReportCell,
      "revenue attainment": value("revenue") === null ? null : percent(value("revenue")!),
      "win rate": value("win_rate") === null ? null : percent(value("win_rate")!),
      interactions: value("activity"),
      "manager rating": part("manager")?.ratingMilli === undefined ? null : part("manager")!.ratingMilli! / 1000,
    });
    const row: Record<string, ReportCell> = { rep: r.repId, name: r.name };
    for (const k of REVIEW_KPIS) row[`${k.kpiId} ×${percent(k.weightBps)}`] = points(part(k.kpiId)?.normalizedMilli);
    row["weighted total"] = points(card.originalMilli);
    row.final = points(card.finalMilli);
    row.calibration = card.calibrations.map((c) => `${c.calibratedBy}: ${c.reason}`).join("; ") || null;
    scorecards.push(row);
  }
  return [
    {
      title: `Appraisal KPIs, review cycle ${CYCLE_ID} (scored ${CYCLE_SCALE.min}–${CYCLE_SCALE.max}; weights total 100%)`,
      rows: kpis,
    },
    { title: "Appraisal measurements (recorded 30 September, after the last deal closed)", rows: measured },
    {
      title: `Appraisal scorecards (KPI scores on ${CYCLE_SCALE.min}–${CYCLE_SCALE.max}; weighted total = Σ weight × score; final after calibration)`,
      rows: scorecards,
    },
  ];
}
