// EXTENSION POINT — "a review cycle" (issue 6: the appraisals area).
//
// The lead fills these two functions once `salesfold/appraisals` lands; the demo already calls them:
// - `reviewCycleMilestones` returns steps the quarter plays at their time (e.g. open the Q3 cycle on 25 September,
//   self and manager reviews on the 28th, calibrate and close on the 30th), through command handlers built on
//   `w.store` the way world.ts builds the others;
// - `reviewCycleReport` returns the tables printed after the commission statements (appraisal scorecards: each
//   rep's weighted KPI score from goal attainment, the manager's rating, the final score).
// Both receive everything the demo knows; return [] to print nothing.
import type { GoalProgressState } from "../../goals/index.ts";
import type { ReportSection } from "../../sales/index.ts";
import type { Milestone } from "./quarter.ts";
import type { DemoWorld } from "./world.ts";

/** The review cycle's steps, played in time order with the rest of the quarter. */
export function reviewCycleMilestones(_w: DemoWorld): Milestone[] {
  return [];
}

/** The appraisal scorecards, printed after the commission statements. */
export async function reviewCycleReport(_w: DemoWorld, _progress: GoalProgressState): Promise<ReportSection[]> {
  return [];
}
