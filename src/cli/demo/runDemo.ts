import { dealBoard } from "../../deals/index.ts";
import { goalProgress } from "../../goals/index.ts";
import { pipeline } from "../../analytics/index.ts";
import { saleOwnership } from "../../credit/index.ts";
import { defineCalendar, type EventStore, rebuildProjection, sequentialIds } from "../../index.ts";
import type { ReportSection } from "../../sales/index.ts";
import { renderTable } from "../render.ts";
import { weeklyMeetingReport } from "./actionItems.ts";
import { reviewCycleReport } from "./appraisalScorecards.ts";
import { TIME_ZONE } from "./cast.ts";
import { commissionRun } from "./commission.ts";
import { playQuarter } from "./quarter.ts";
import { reviewCycleMilestones } from "./reviewCycle.ts";
import { assignAccounts, setGoals, setUpOrganization } from "./setup.ts";
import { attainmentAndPacing, commissionSummary, leaderboard, pipelineAndForecast } from "./tables.ts";
import { weeklyMeetingMilestones } from "./weeklyMeeting.ts";
import { at, createWorld } from "./world.ts";

const heading = (text: string) => `\n${"═".repeat(text.length + 4)}\n  ${text}\n${"═".repeat(text.length + 4)}\n\n`;

/**
 * Runs the demo quarter over a store (which must hold no events of its tenant) and writes the report to `print`.
 * Returns the number of events stored.
 */
export async function runDemo(store: EventStore<any>, print: (text: string) => void): Promise<number> {
  const w = createWorld(store, sequentialIds("demo"));
  const calendar = defineCalendar({ timeZone: TIME_ZONE });
  const show = (sections: readonly ReportSection[]) => {
    if (sections.length > 0) print(renderTable(sections));
  };

  await setUpOrganization(w);
  await setGoals(w);
  await assignAccounts(w);
  const { state: ownership } = await rebuildProjection(store, saleOwnership);
  const steps = await playQuarter(w, () => ownership, [...weeklyMeetingMilestones(w), ...reviewCycleMilestones(w)]);
  w.setToday(at("2026-09-30", "18:00"));

  const { state: progress } = await rebuildProjection(store, goalProgress);
  const { state: deals } = await rebuildProjection(store, dealBoard);
  const { state: pipe } = await rebuildProjection(store, pipeline);
  const events = await store.lastPosition();
  print(
    `Northwind Robotics, 2026-Q3 (${TIME_ZONE}): 2 teams, 8 reps, ${Object.keys(deals.deals).length} deals, ` +
      `${steps} steps, ${events} events stored.\n`,
  );

  print(heading("Goals: attainment and pacing"));
  show([attainmentAndPacing(progress, at("2026-08-31", "23:59"))]);
  print(heading("Leaderboard"));
  show([leaderboard(progress, deals)]);
  print(heading("Pipeline and forecast"));
  show(pipelineAndForecast(pipe, calendar));
  print(heading("Weekly meetings and action items"));
  show(await weeklyMeetingReport(w));
  print(heading("Commission"));
  const runs = await commissionRun(store, progress);
  show([commissionSummary(runs)]);
  print("Each rep's September statement (closing the quarter; every line explains itself):\n\n");
  for (const r of runs) print(`${r.text}\n\n`);
  print(heading("Appraisals"));
  show(await reviewCycleReport(w, progress));
  return events;
}
