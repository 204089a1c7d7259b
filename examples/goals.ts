// Goals: a quarter goal for the East team, cascaded to two reps and distributed over three months; a late hire's
// goal prorated by the days the team area counts; a few sales credits; then attainment, stars, mismatches and
// pacing. Run it with `npx tsx examples/goals.ts`.
// #region setup
import {
  createCommandHandler,
  createEventCatalog,
  createInMemoryEventStore,
  formatMoney,
  type Money,
  money,
  periodById,
  defineCalendar,
  rebuildProjection,
  steppingClock,
} from "salesfold";
import { SalesCreditAssigned } from "salesfold/credit";
import {
  type GoalTarget,
  goalAttainment,
  goalPacing,
  goalPlanDecider,
  goalPlanStreamId,
  goalProgress,
  goalsCommand,
  goalsEvents,
  starPerformers,
  targetMismatches,
} from "salesfold/goals";
import {
  organizationDecider,
  organizationStreamId,
  participationIn,
  teamCommand,
  teamDirectory,
  teamEvents,
} from "salesfold/team";

const catalog = createEventCatalog([teamEvents, goalsEvents, SalesCreditAssigned]);
const clock = steppingClock("2026-06-20T01:00:00.000Z", 60_000);
const store = createInMemoryEventStore({ catalog, clock });
const org = createCommandHandler({ store, decider: organizationDecider, commands: teamCommand, clock });
const goals = createCommandHandler({ store, decider: goalPlanDecider, commands: goalsCommand, clock });
const acme = organizationStreamId("acme");
const plan = goalPlanStreamId("2026");
const calendar = { timeZone: "Asia/Shanghai" } as const;
const usd = (dollars: number) => money(dollars * 100, "USD");
const show = (t: GoalTarget) => ("currency" in t ? formatMoney(t as Money) : String(t.count));
// #endregion setup

// #region team
const hire = (memberId: string, roles: ("rep" | "manager" | "sales_engineer")[], effectiveFrom: string) =>
  org.handle(acme, {
    type: "HireMember",
    data: { memberId, displayName: memberId, roles, teamId: "team-east", effectiveFrom },
  });
await org.handle(acme, {
  type: "CreateTeam",
  data: { teamId: "team-east", name: "East", effectiveFrom: "2026-01-01T00:00:00+08:00" },
});
await hire("rep-ana", ["rep"], "2026-01-05T09:00:00+08:00");
await hire("rep-bo", ["rep"], "2026-08-17T09:00:00+08:00"); // joins half-way through Q3
await hire("se-wu", ["sales_engineer"], "2026-01-05T09:00:00+08:00");
// #endregion team

// #region goals
const period = { periodId: "2026-Q3", calendar };
await goals.handle(
  plan,
  {
    type: "SetGoal",
    data: {
      goalId: "q3-east",
      metric: "revenue",
      target: usd(900_000),
      period,
      owner: { kind: "team", teamId: "team-east" },
      description: "East closes USD 900,000 of new revenue in Q3 2026",
      measure: "Revenue-split credit dated in Q3 (Asia/Shanghai)",
    },
  },
  { actor: "manager:li" },
);
await goals.handle(plan, {
  type: "CascadeGoal",
  data: {
    parentGoalId: "q3-east",
    children: [
      { goalId: "q3-ana", owner: { kind: "rep", repId: "rep-ana" }, weightBps: 6000 },
      { goalId: "q3-bo", owner: { kind: "rep", repId: "rep-bo" }, weightBps: 4000 },
    ],
  },
});
await goals.handle(plan, {
  type: "DistributeGoal",
  data: {
    goalId: "q3-east",
    subPeriodKind: "month",
    children: [
      { goalId: "q3-east-07", weightBps: 3000 },
      { goalId: "q3-east-08", weightBps: 3000 },
      { goalId: "q3-east-09", weightBps: 4000 },
    ],
  },
});
for (const goalId of ["q3-east", "q3-ana", "q3-bo"]) await goals.handle(plan, { type: "LockGoal", data: { goalId } });

// Bo joined on 17 August: prorate his locked goal by the days the team area counts.
const { state: directory } = await rebuildProjection(store, teamDirectory);
const bo = participationIn(directory, "rep-bo", periodById(defineCalendar(calendar), "2026-Q3"));
console.log(`rep-bo participates ${bo.days}/${bo.periodDays} days of 2026-Q3`);
await goals.handle(plan, {
  type: "ProrateGoal",
  data: {
    goalId: "q3-bo",
    participation: { source: "team_participation", days: bo.days, periodDays: bo.periodDays },
    rounding: "half_up",
  },
});
// #endregion goals

// #region credits
let n = 0;
const credit = (repId: string, deal: string, dollars: number, at: string, shareBps = 10_000, overlay = false) =>
  store.append(`credit-${deal}`, [
    {
      type: "SalesCreditAssigned",
      data: {
        creditId: `c-${++n}`,
        repId,
        customerId: `cu-${deal}`,
        source: { kind: "deal", id: deal },
        splitType: overlay ? "overlay" : "revenue",
        shareBps,
        amount: usd(dollars),
        creditedAt: at,
      },
    },
  ]);
await credit("rep-ana", "d-1", 300_000, "2026-07-20T10:00:00+08:00");
await credit("rep-ana", "d-2", 100_000, "2026-08-25T10:00:00+08:00", 5_000); // a 50/50 split of USD 200,000
await credit("rep-bo", "d-2", 100_000, "2026-08-25T10:00:00+08:00", 5_000);
await credit("se-wu", "d-2", 20_000, "2026-08-25T10:00:00+08:00", 1_000, true); // overlay: never rolls up
await credit("rep-bo", "d-3", 120_000, "2026-09-05T10:00:00+08:00");
// #endregion credits

// #region report
const { state: progress } = await rebuildProjection(store, goalProgress);
for (const goalId of ["q3-east", "q3-ana", "q3-bo"]) {
  const a = goalAttainment(progress, goalId);
  console.log(
    `${goalId.padEnd(8)} target ${show(a.target).padStart(12)}  achieved ${show(a.achieved).padStart(12)}  ` +
      `${(a.attainmentBps / 100).toFixed(2)}%  shortage ${show(a.shortage)}`,
  );
}
console.log(
  `stars: ${starPerformers(progress, { periodId: "2026-Q3" })
    .map((s) => s.repId)
    .join(", ")}`,
);
for (const m of targetMismatches(progress.plan)) {
  console.log(`mismatch ${m.parentGoalId} (${m.basis}): children ${show(m.childrenTotal)} vs ${show(m.parentTarget)}`);
}
for (const curve of ["linear", "seasonal"] as const) {
  const p = goalPacing(progress, "q3-east", "2026-08-31T12:00:00+08:00", { curve });
  console.log(
    `pacing ${curve.padEnd(8)} day ${p.elapsedDays}/${p.periodDays}: expected ${show(p.expected)}, ` +
      `achieved ${show(p.achieved)} → ${p.status}`,
  );
}
// #endregion report
