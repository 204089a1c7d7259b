import type { DealBoardState } from "../../deals/index.ts";
import { type GoalProgressState, type GoalTarget, goalAttainment, goalPacing } from "../../goals/index.ts";
import type { Statement } from "../../incentives/index.ts";
import { type Calendar, type Money, money } from "../../index.ts";
import { forecastByPeriod, type PipelineState } from "../../analytics/index.ts";
import { type ReportCell, type ReportSection, pipelineView } from "../../sales/index.ts";
import { type DemoRep, MONTHS, QUARTER, REPS, TEAMS } from "./cast.ts";

const percent = (bps: number) => `${Math.trunc(bps / 100)}.${String(Math.abs(bps) % 100).padStart(2, "0")}%`;
const cell = (t: GoalTarget): ReportCell => ("currency" in t ? (t as Money) : t.count);

/** Goal attainment at quarter end, and pacing as it stood at the end of August (day 62 of 92). */
export function attainmentAndPacing(progress: GoalProgressState, pacingAt: string): ReportSection {
  const goals = ["q3-company", ...TEAMS.map((t) => `q3-${t.teamId}`), ...REPS.map((r) => `q3-${r.repId}`)];
  const rows = goals.map((goalId) => {
    const a = goalAttainment(progress, goalId);
    const p = goalPacing(progress, goalId, pacingAt, { curve: "linear" });
    const owner = a.owner.kind === "company" ? "Northwind" : a.owner.kind === "team" ? a.owner.teamId : a.owner.repId;
    return {
      goal: goalId,
      owner,
      target: cell(a.target),
      achieved: cell(a.achieved),
      attainment: percent(a.attainmentBps),
      "31 Aug expected": cell(p.expected),
      "31 Aug achieved": cell(p.achieved),
      pacing: p.status,
    };
  });
  return { title: `Goal attainment ${QUARTER} (pacing as of 31 August, linear)`, rows };
}

/** The leaderboard: reps by attainment, with revenue credit, deals won and lost, and logged interactions. */
export function leaderboard(progress: GoalProgressState, deals: DealBoardState): ReportSection {
  const rows = REPS.map((r: DemoRep) => {
    const a = goalAttainment(progress, `q3-${r.repId}`);
    const mine = Object.values(deals.deals).filter((d) => d.ownerId === r.repId);
    return {
      r,
      bps: a.attainmentBps,
      achieved: cell(a.achieved),
      won: mine.filter((d) => d.status === "won").length,
      lost: mine.filter((d) => d.status === "lost").length,
      interactions: progress.interactions[r.repId]?.length ?? 0,
    };
  })
    .sort((x, y) => y.bps - x.bps || (x.r.repId < y.r.repId ? -1 : 1))
    .map((x, i) => ({
      rank: i + 1,
      rep: x.r.repId,
      name: x.r.name,
      team: x.r.teamId,
      credited: x.achieved,
      attainment: percent(x.bps),
      won: x.won,
      lost: x.lost,
      interactions: x.interactions,
    }));
  return { title: "Leaderboard", rows };
}

/** The open pipeline by stage and owner, and the Q4 forecast by category. */
export function pipelineAndForecast(pipe: PipelineState, calendar: Calendar): ReportSection[] {
  const [byStage, , byOwner] = pipelineView(pipe, { calendar, bucket: "quarter" });
  const forecast = forecastByPeriod(pipe, calendar, "quarter", "USD");
  const rows = Object.entries(forecast)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([period, byCategory]) =>
      Object.entries(byCategory).map(([category, t]) => ({
        "close period": period,
        category,
        deals: t.count,
        amount: money(t.amount, "USD"),
        weighted: money(t.weighted, "USD"),
      })),
    );
  return [
    { title: "Open pipeline by stage", rows: byStage!.rows },
    { title: "Open pipeline by owner", rows: byOwner!.rows },
    { title: "Forecast by close quarter (weighted = amount × stage probability)", rows },
  ];
}

/** What each rep is paid per month, and the draw balance they still owe at quarter end. */
export function commissionSummary(runs: readonly { rep: DemoRep; statements: readonly Statement[] }[]): ReportSection {
  const rows = runs.map(({ rep, statements }) => {
    const row: Record<string, ReportCell> = { rep: rep.repId };
    let total = 0;
    statements.forEach((s, i) => {
      row[MONTHS[i]!] = s.total;
      total += s.total.amount;
    });
    row.quarter = money(total, "USD");
    row["draw owed"] = money(statements[statements.length - 1]!.balances.drawBalance, "USD");
    return row;
  });
  return {
    title: "Commission paid (plan ae-q3-2026: 5 % / 7 % marginal, ×1.5 above quota, USD 9,000 cap, USD 2,000 draw)",
    rows,
  };
}
