// Before the quarter: the organisation, the goal plan (set, cascaded, distributed over months, locked), the account
// book, the customers with their owners, and the pipeline carried into the quarter.
import { accountBookStreamId } from "../../../src/assignments/index.ts";
import { customerStreamId } from "../../../src/customers/index.ts";
import { goalPlanStreamId } from "../../../src/goals/index.ts";
import { organizationStreamId } from "../../../src/team/index.ts";
import type { Context } from "./agenda.ts";
import { allocateParts } from "./arithmetic.ts";
import type { GoalModel, Owner } from "./ledger.ts";
import { openDeal } from "./sales.ts";
import {
  addDays,
  BOOK,
  CALENDAR,
  EAST_REPS,
  HIRED_FROM,
  iso,
  localDate,
  MANAGER_OF_TEAM,
  MONTHS,
  ORG,
  PLAN,
  QUARTER,
  SE,
  TEAMS,
  USD,
  WEST_REPS,
} from "./world.ts";

export const org = organizationStreamId(ORG);
export const plan = goalPlanStreamId(PLAN);
export const book = accountBookStreamId(BOOK);
const period = { periodId: QUARTER.id, calendar: CALENDAR };
const quarter = { start: QUARTER.start, end: QUARTER.end };

export const COMPANY_TARGET = 3_000_000_00;
export const TEAM_WEIGHTS = [5_500, 4_500];
export const REP_WEIGHTS = { east: [3_000, 2_500, 2_500, 2_000], west: [3_000, 3_000, 2_500, 1_500] } as const;
export const MONTH_WEIGHTS = [3_000, 3_300, 3_700];

async function setupOrganization(ctx: Context): Promise<void> {
  const { h } = ctx;
  for (const t of TEAMS) {
    await h.org(org, { type: "CreateTeam", data: { ...t, effectiveFrom: "2026-01-01T00:00:00+08:00" } });
  }
  const hire = async (
    memberId: string,
    roles: ("rep" | "manager" | "sales_engineer" | "overlay")[],
    teamId: string,
    managerId?: string,
  ) => {
    await h.org(org, {
      type: "HireMember",
      data: {
        memberId,
        displayName: memberId,
        roles,
        teamId,
        ...(managerId ? { managerId } : {}),
        effectiveFrom: HIRED_FROM,
      },
    });
    h.ledger.teamOf[memberId] = [{ at: Date.parse(HIRED_FROM), teamId }];
  };
  await hire("vp-li", ["manager"], "sales");
  await hire("mgr-east", ["manager"], "east", "vp-li");
  await hire("mgr-west", ["manager"], "west", "vp-li");
  await hire(SE, ["sales_engineer", "overlay"], "sales", "vp-li");
  for (const r of EAST_REPS) await hire(r, ["rep"], "east", MANAGER_OF_TEAM.east);
  for (const r of WEST_REPS.slice(0, 3)) await hire(r, ["rep"], "west", MANAGER_OF_TEAM.west);
}

function goal(
  ctx: Context,
  goalId: string,
  metric: GoalModel["metric"],
  owner: Owner,
  target: number,
  p = quarter,
): void {
  ctx.h.ledger.goals[goalId] = { goalId, metric, owner, period: p, target };
}

async function setupGoals(ctx: Context): Promise<void> {
  const { h } = ctx;
  const usd = (amount: number) => ({ amount, currency: USD });
  const text = (what: string) => ({
    description: `${what} in ${QUARTER.id}`,
    measure: "credit dated in the quarter (Asia/Shanghai)",
  });
  const set = async (goalId: string, metric: GoalModel["metric"], owner: Owner, target: number) => {
    const money = metric === "revenue";
    await h.goals(plan, {
      type: "SetGoal",
      data: { goalId, metric, target: money ? usd(target) : { count: target }, period, owner, ...text(goalId) },
    });
    goal(ctx, goalId, metric, owner, target);
  };
  await set("q3-company", "revenue", { kind: "company" }, COMPANY_TARGET);
  const teamIds = ["east", "west"] as const;
  await h.goals(plan, {
    type: "CascadeGoal",
    data: {
      parentGoalId: "q3-company",
      children: teamIds.map((teamId, i) => ({
        goalId: `q3-${teamId}`,
        owner: { kind: "team" as const, teamId },
        weightBps: TEAM_WEIGHTS[i]!,
      })),
    },
  });
  const teamTargets = allocateParts(COMPANY_TARGET, TEAM_WEIGHTS);
  for (const [i, teamId] of teamIds.entries()) {
    goal(ctx, `q3-${teamId}`, "revenue", { kind: "team", teamId }, teamTargets[i]!);
    const reps = teamId === "east" ? EAST_REPS : WEST_REPS;
    const weights = REP_WEIGHTS[teamId];
    await h.goals(plan, {
      type: "CascadeGoal",
      data: {
        parentGoalId: `q3-${teamId}`,
        children: reps.map((repId, j) => ({
          goalId: `q3-${repId}`,
          owner: { kind: "rep" as const, repId },
          weightBps: weights[j]!,
        })),
      },
    });
    const repTargets = allocateParts(teamTargets[i]!, [...weights]);
    reps.forEach((repId, j) => {
      goal(ctx, `q3-${repId}`, "revenue", { kind: "rep", repId }, repTargets[j]!);
    });
  }
  await h.goals(plan, {
    type: "DistributeGoal",
    data: {
      goalId: "q3-company",
      subPeriodKind: "month",
      children: MONTHS.map((m, i) => ({ goalId: `q3-company-${m.id}`, weightBps: MONTH_WEIGHTS[i]! })),
    },
  });
  const monthTargets = allocateParts(COMPANY_TARGET, MONTH_WEIGHTS);
  MONTHS.forEach((m, i) => {
    goal(ctx, `q3-company-${m.id}`, "revenue", { kind: "company" }, monthTargets[i]!, m);
  });
  await set("q3-sales", "revenue", { kind: "team", teamId: "sales" }, COMPANY_TARGET);
  await set("q3-se", "revenue", { kind: "rep", repId: SE }, 1_000_000_00);
  await set("q3-east-activity", "activity_count", { kind: "team", teamId: "east" }, 300);
  await set("q3-e1-activity", "activity_count", { kind: "rep", repId: "rep-e1" }, 80);
  await set("q3-deals", "deal_count", { kind: "company" }, 35);
  await set("q3-new-logos", "new_customers", { kind: "company" }, 40);
  for (const goalId of ["q3-company", "q3-east", "q3-west", ...[...EAST_REPS, ...WEST_REPS].map((r) => `q3-${r}`)]) {
    await h.goals(plan, { type: "LockGoal", data: { goalId } });
  }
}

const SEGMENTS = ["smb", "mid_market", "enterprise"] as const;
const INDUSTRIES = ["retail", "manufacturing", "finance", "logistics"] as const;

/** Registers a customer and its account, and gives it to a rep from now on. */
export async function newCustomer(
  ctx: Context,
  customerId: string,
  region: "east" | "west",
  repId: string,
): Promise<void> {
  const { h, rng } = ctx;
  const segment = rng.pick(SEGMENTS);
  await h.customers(customerStreamId(customerId), {
    type: "RegisterCustomer",
    data: {
      customerId,
      kind: "company",
      name: `Customer ${customerId}`,
      segment,
      industry: rng.pick(INDUSTRIES),
      region,
      tags: rng.chance(0.3) ? ["key-account"] : [],
      contacts: [{ contactId: `${customerId}-buyer`, name: "Wang Fang", email: `buyer@${customerId}.example.com` }],
    },
  });
  h.ledger.customers[customerId] = { segment, region, registeredAt: h.peek() };
  await h.book(book, { type: "RegisterAccount", data: { customerId, attributes: { region, segment } } });
  await assignAccount(ctx, customerId, repId, "initial book");
}

export async function assignAccount(ctx: Context, customerId: string, repId: string, reason: string): Promise<void> {
  const at = ctx.h.peek();
  await ctx.h.book(book, { type: "AssignAccount", data: { customerId, repId, reason } });
  (ctx.h.ledger.owners[customerId] ??= []).push({ repId, at });
}

async function setupBook(ctx: Context): Promise<void> {
  const { h } = ctx;
  for (const repId of [...EAST_REPS, ...WEST_REPS.slice(0, 3)]) {
    await h.book(book, { type: "EnrollRep", data: { repId, maxAccounts: 40 } });
  }
  await h.book(book, {
    type: "SetPoolPolicy",
    data: {
      timeZone: CALENDAR.timeZone,
      claimsPerDay: 3,
      maxHoldings: 40,
      returnAfterDays: 45,
      reclaimCooldownDays: 7,
    },
  });
  for (const [territoryId, region, repId] of [
    ["t-east", "east", "rep-e1"],
    ["t-west", "west", "rep-w1"],
  ] as const) {
    await h.book(book, {
      type: "DefineTerritory",
      data: { territoryId, name: region, criteria: { regions: [region] }, priority: territoryId === "t-east" ? 1 : 2 },
    });
    await h.book(book, { type: "AssignTerritoryOwner", data: { territoryId, repId, reason: "Q3 territory plan" } });
  }
  for (let i = 1; i <= 60; i++) {
    const customerId = `cu-${String(i).padStart(2, "0")}`;
    const east = i <= 30;
    const repId = east ? EAST_REPS[(i - 1) % 4]! : WEST_REPS[(i - 31) % 3]!;
    await newCustomer(ctx, customerId, east ? "east" : "west", repId);
  }
}

/** The whole set-up, from the clock's start (29 June, 09:00 local): ends before the quarter starts. */
export async function setUp(ctx: Context): Promise<void> {
  await setupOrganization(ctx);
  await setupGoals(ctx);
  await setupBook(ctx);
  // Pipeline carried into the quarter: deals opened in May and June, at every stage.
  for (let i = 0; i < 18; i++) {
    const customers = Object.keys(ctx.h.ledger.customers);
    const openedOn = addDays("2026-05-15", ctx.rng.int(0, 45));
    await openDeal(ctx, ctx.rng.pick(customers), openedOn, ctx.rng.int(0, 3));
  }
  if (ctx.h.peek() >= QUARTER.start)
    throw new Error(`the set-up ran into the quarter (${iso(ctx.h.peek())}, ${localDate(ctx.h.peek())})`);
}
