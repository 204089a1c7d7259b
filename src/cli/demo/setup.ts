import { accountBookStreamId } from "../../assignments/index.ts";
import { customerStreamId } from "../../customers/index.ts";
import { goalPlanStreamId } from "../../goals/index.ts";
import { money } from "../../index.ts";
import { organizationStreamId } from "../../team/index.ts";
import { COMPANY_GOAL_DOLLARS, CUSTOMERS, DEALS, QUARTER, REPS, TEAMS, TIME_ZONE } from "./cast.ts";
import { at, type DemoWorld } from "./world.ts";

export const ORG = organizationStreamId("northwind");
export const PLAN = goalPlanStreamId("2026");
const manager = { actor: "user:vp-sales" };

/** Hires the two teams, their managers and eight reps (effective from January). */
export async function setUpOrganization(w: DemoWorld): Promise<void> {
  w.setToday(at("2026-06-20"));
  const from = at("2026-01-05");
  await w.org.handle(ORG, { type: "CreateTeam", data: { teamId: "team-sales", name: "Sales", effectiveFrom: from } });
  for (const t of TEAMS) {
    await w.org.handle(ORG, {
      type: "CreateTeam",
      data: { teamId: t.teamId, name: t.name, parentTeamId: "team-sales", effectiveFrom: from },
    });
    await w.org.handle(ORG, {
      type: "HireMember",
      data: {
        memberId: t.managerId,
        displayName: t.managerName,
        roles: ["manager"],
        teamId: t.teamId,
        effectiveFrom: from,
      },
    });
  }
  for (const r of REPS) {
    const managerId = TEAMS.find((t) => t.teamId === r.teamId)!.managerId;
    await w.org.handle(ORG, {
      type: "HireMember",
      data: {
        memberId: r.repId,
        displayName: r.name,
        roles: ["rep"],
        teamId: r.teamId,
        managerId,
        effectiveFrom: from,
      },
    });
  }
}

/** Sets the company's Q3 revenue goal, cascades it to the teams and the reps by weight, and locks it. */
export async function setGoals(w: DemoWorld): Promise<void> {
  w.setToday(at("2026-06-25"));
  const period = { periodId: QUARTER, calendar: { timeZone: TIME_ZONE } };
  await w.goals.handle(
    PLAN,
    {
      type: "SetGoal",
      data: {
        goalId: "q3-company",
        metric: "revenue",
        target: money(COMPANY_GOAL_DOLLARS * 100, "USD"),
        period,
        owner: { kind: "company" },
        description: "Northwind closes USD 2,000,000 of new revenue in Q3 2026",
        measure: "Revenue-split credit dated in Q3 (Asia/Shanghai)",
      },
    },
    manager,
  );
  await w.goals.handle(
    PLAN,
    {
      type: "CascadeGoal",
      data: {
        parentGoalId: "q3-company",
        children: TEAMS.map((t) => ({
          goalId: `q3-${t.teamId}`,
          owner: { kind: "team", teamId: t.teamId },
          weightBps: t.weightBps,
        })),
      },
    },
    manager,
  );
  for (const t of TEAMS) {
    await w.goals.handle(
      PLAN,
      {
        type: "CascadeGoal",
        data: {
          parentGoalId: `q3-${t.teamId}`,
          children: REPS.filter((r) => r.teamId === t.teamId).map((r) => ({
            goalId: `q3-${r.repId}`,
            owner: { kind: "rep", repId: r.repId },
            weightBps: r.weightBps,
          })),
        },
      },
      { actor: `user:${t.managerId}` },
    );
  }
  for (const goalId of ["q3-company", ...TEAMS.map((t) => `q3-${t.teamId}`), ...REPS.map((r) => `q3-${r.repId}`)]) {
    await w.goals.handle(PLAN, { type: "LockGoal", data: { goalId } }, manager);
  }
}

/** Registers the customers, and assigns each account to the rep of its first deal from 1 July. */
export async function assignAccounts(w: DemoWorld): Promise<void> {
  w.setToday(at("2026-06-28"));
  for (const c of CUSTOMERS) {
    await w.customers.handle(customerStreamId(c.customerId), {
      type: "RegisterCustomer",
      data: { customerId: c.customerId, kind: "company", name: c.name, segment: c.segment },
    });
  }
  for (const t of TEAMS) {
    const book = accountBookStreamId(t.teamId);
    const reps = REPS.filter((r) => r.teamId === t.teamId);
    for (const r of reps) await w.book.handle(book, { type: "EnrollRep", data: { repId: r.repId } });
    for (const c of CUSTOMERS) {
      const owner = DEALS.find((d) => d.customerId === c.customerId)!.repId;
      if (!reps.some((r) => r.repId === owner)) continue;
      await w.book.handle(book, {
        type: "RegisterAccount",
        data: { customerId: c.customerId, attributes: { segment: c.segment }, placement: "none" },
      });
      await w.book.handle(
        book,
        {
          type: "AssignAccount",
          data: {
            customerId: c.customerId,
            repId: owner,
            effectiveFrom: at("2026-07-01", "00:00"),
            reason: "Q3 territory plan",
          },
        },
        { actor: `user:${t.managerId}` },
      );
    }
  }
}
