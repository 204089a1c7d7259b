// EXTENSION POINT — "a weekly meeting with action items" (issue 6: the coaching area).
//
// The lead fills these two functions once `salesfold/coaching` lands; the demo already calls them:
// - `weeklyMeetingMilestones` returns one step per Monday of the quarter (`MONDAYS` below, 10:00 Shanghai) that
//   holds the team meeting through a command handler on `w.store`: agenda from the pipeline, action items
//   assigned to reps with due dates, last week's items carried forward or closed;
// - `weeklyMeetingReport` returns the tables printed after the pipeline (open action items by owner, overdue ones).
// Return [] to print nothing.
import type { ReportSection } from "../../sales/index.ts";
import type { Milestone } from "./quarter.ts";
import type { DemoWorld } from "./world.ts";

/** The Mondays of 2026-Q3, when each team meets. */
export const MONDAYS = [
  "2026-07-06",
  "2026-07-13",
  "2026-07-20",
  "2026-07-27",
  "2026-08-03",
  "2026-08-10",
  "2026-08-17",
  "2026-08-24",
  "2026-08-31",
  "2026-09-07",
  "2026-09-14",
  "2026-09-21",
  "2026-09-28",
] as const;

/** The weekly meetings' steps, played in time order with the rest of the quarter. */
export function weeklyMeetingMilestones(_w: DemoWorld): Milestone[] {
  return [];
}

/** The action items, printed after the pipeline and forecast. */
export async function weeklyMeetingReport(_w: DemoWorld): Promise<ReportSection[]> {
  return [];
}
