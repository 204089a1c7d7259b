// The quarter, day by day: each day draws its interactions, deal openings and progress, wins and losses, re-orders,
// refunds, surveys, tickets and market feedback at random minutes of the working day (fewer at weekends), and the
// agenda runs them in time order with the organisational events of the quarter (a release to the pool and a claim,
// a mid-quarter goal adjustment, a team move, a late hire with a prorated goal, a rebalancing of accounts).
import { type Context, createContext, ownedCustomers, today } from "./agenda.ts";
import { createHarness, type Harness } from "./harness.ts";
import { type DealModel, type OrderModel, ownerAt } from "./ledger.ts";
import { createRng } from "./prng.ts";
import {
  openTicket,
  planTasks,
  logInteraction,
  recordCsat,
  recordFeedback,
  recordNps,
  retractFeedback,
} from "./service.ts";
import { adjustLine, loseDeal, openDeal, placeOrder, progressDeal, reassignDeal, winDeal } from "./sales.ts";
import { assignAccount, book, newCustomer, org, plan, setUp } from "./setup.ts";
import {
  addDays,
  bpsHalfUpTarget,
  EAST_REPS,
  iso,
  LAST_DAY,
  LATE_HIRE,
  localMs,
  MINUTE,
  QUARTER,
  TEAM_MOVE,
  USD,
} from "./world.ts";

export const SEED = 20_260_701;

const openDeals = (ctx: Context) => Object.values(ctx.h.ledger.deals).filter((d) => d.status === "open");
const dealsOf = (ctx: Context, customerId: string) => openDeals(ctx).filter((d) => d.customerId === customerId);
const heldBy = (ctx: Context, repId: string) =>
  ownedCustomers(ctx, ctx.h.peek()).filter((c) => ownerAt(ctx.h.ledger, c, ctx.h.peek())?.repId === repId);

/** An open deal at or past a stage, due to close within `withinDays` when given. */
function pickClosable(ctx: Context, minStage: number, withinDays?: number): DealModel | undefined {
  const due = withinDays === undefined ? undefined : addDays(today(ctx), withinDays);
  const deals = openDeals(ctx).filter((d) => d.stage >= minStage && (due === undefined || d.closeDate <= due));
  return deals.length === 0 ? undefined : ctx.rng.pick(deals);
}

/** Draws one day's work at random minutes between 09:00 and 19:00 local. */
function planDay(ctx: Context, date: string): void {
  const { rng, agenda, h } = ctx;
  const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const at = (run: () => Promise<void>) => agenda.at(localMs(date, 9) + rng.int(0, 599) * MINUTE, run);
  const customer = () => rng.pick(ownedCustomers(ctx, h.peek()));
  for (let i = weekend ? rng.int(0, 2) : rng.int(6, 10); i > 0; i--) at(() => logInteraction(ctx, customer()));
  if (weekend) return;
  for (let i = rng.int(1, 2); i > 0; i--) at(async () => void (await openDeal(ctx, customer(), today(ctx))));
  for (let i = rng.int(5, 8); i > 0; i--) {
    at(async () => {
      const deals = openDeals(ctx);
      if (deals.length > 0) await progressDeal(ctx, rng.pick(deals));
    });
  }
  for (let i = rng.chance(0.8) ? 1 : 0; i > 0; i--) {
    at(async () => {
      const deal = pickClosable(ctx, 3, 15);
      if (deal) await winDeal(ctx, deal);
    });
  }
  if (rng.chance(0.45)) {
    at(async () => {
      const deal = pickClosable(ctx, 0);
      if (deal) await loseDeal(ctx, deal);
    });
  }
  if (rng.chance(0.6)) at(async () => void (await placeOrder(ctx, customer())));
  if (rng.chance(0.12)) at(() => adjustSomeOrder(ctx));
  if (rng.chance(0.35)) {
    at(async () => {
      const won = Object.values(h.ledger.deals).filter((d) => d.status === "won");
      if (won.length > 0) {
        const d = rng.pick(won);
        await recordCsat(ctx, d.customerId, d.dealId);
      }
    });
  }
  if (rng.chance(0.3)) at(() => recordNps(ctx, customer()));
  if (rng.chance(0.2)) at(() => openTicket(ctx, customer(), Object.keys(h.ledger.tickets).length === 2));
  if (rng.chance(0.45)) at(() => recordFeedback(ctx, customer()));
}

/** A refund (invoiced order) or a cancellation (not yet) on a credited re-order: a unit, the rest, or a price cut. */
async function adjustSomeOrder(ctx: Context): Promise<void> {
  const { rng } = ctx;
  const candidates = Object.values(ctx.h.ledger.orders).flatMap((o) =>
    o.credited ? o.lines.filter((l) => l.revenue.length > 0 && l.remainingQuantity > 0).map((l) => ({ o, l })) : [],
  );
  if (candidates.length === 0) return;
  const { o, l } = rng.pick(candidates);
  if (o.invoiced && rng.chance(0.3) && l.remainingAmount > 100) {
    await adjustLine(ctx, o, l, 0, Math.min(l.remainingAmount - 1, Math.round(l.total / 10)));
  } else {
    await adjustLine(ctx, o, l, l.remainingQuantity >= 2 && rng.chance(0.7) ? 1 : l.remainingQuantity);
  }
}

function scheduleQuarterEvents(ctx: Context): void {
  const { h, agenda, rng } = ctx;
  const on = (date: string, hours: number, minutes: number, run: () => Promise<void>) =>
    agenda.at(localMs(date, hours, minutes), run);
  on("2026-07-06", 10, 0, async () => {
    await planTasks(ctx, "q3-east", EAST_REPS);
    await planTasks(ctx, "q3-west", ["rep-w1", "rep-w2", "rep-w3"]);
  });
  let released = "";
  on("2026-07-20", 10, 0, async () => {
    released = heldBy(ctx, "rep-e2").find((c) => dealsOf(ctx, c).length === 0)!;
    const at = h.peek();
    await h.book(book, { type: "ReleaseAccount", data: { customerId: released, reason: "no budget this year" } });
    h.ledger.owners[released]!.push({ repId: null, at });
  });
  on("2026-07-22", 11, 0, async () => {
    const at = h.peek();
    await h.book(book, { type: "ClaimAccount", data: { customerId: released, repId: "rep-w3" } });
    h.ledger.owners[released]!.push({ repId: "rep-w3", at });
  });
  on("2026-08-10", 10, 0, async () => {
    const goal = h.ledger.goals["q3-rep-w2"]!;
    const target = Math.round(goal.target * 0.85);
    await h.goals(plan, {
      type: "AdjustGoal",
      data: {
        goalId: goal.goalId,
        target: { amount: target, currency: USD },
        reason: "market_change",
        note: "a competitor's price cut in the west",
      },
    });
    goal.target = target;
  });
  on("2026-08-14", 17, 0, async () => {
    const effectiveFrom = iso(TEAM_MOVE.at);
    await h.org(org, {
      type: "ChangeTeamMembership",
      data: { memberId: TEAM_MOVE.repId, teamId: TEAM_MOVE.to, effectiveFrom },
    });
    await h.org(org, {
      type: "ChangeManager",
      data: { memberId: TEAM_MOVE.repId, managerId: "mgr-west", effectiveFrom },
    });
    h.ledger.teamOf[TEAM_MOVE.repId]!.push({ at: TEAM_MOVE.at, teamId: TEAM_MOVE.to });
  });
  on(LATE_HIRE.date, 9, 0, async () => {
    const repId = LATE_HIRE.repId;
    await h.org(org, {
      type: "HireMember",
      data: {
        memberId: repId,
        displayName: repId,
        roles: ["rep"],
        teamId: "west",
        managerId: "mgr-west",
        effectiveFrom: iso(LATE_HIRE.at),
      },
    });
    h.ledger.teamOf[repId] = [{ at: LATE_HIRE.at, teamId: "west" }];
    await h.book(book, { type: "EnrollRep", data: { repId, maxAccounts: 40 } });
    for (const from of ["rep-w1", "rep-w2"]) {
      for (const customerId of heldBy(ctx, from).slice(0, 2)) {
        await assignAccount(ctx, customerId, repId, "new hire's starting book");
        for (const d of dealsOf(ctx, customerId)) await reassignDeal(ctx, d, repId);
      }
    }
    const goal = h.ledger.goals[`q3-${repId}`]!;
    await h.goals(plan, {
      type: "ProrateGoal",
      data: {
        goalId: goal.goalId,
        participation: { source: "team_participation", days: LATE_HIRE.days, periodDays: QUARTER.days },
        rounding: "half_up",
      },
    });
    goal.target = bpsHalfUpTarget(goal.target, LATE_HIRE.days, QUARTER.days);
  });
  on("2026-09-01", 10, 0, async () => {
    for (const customerId of heldBy(ctx, "rep-e3").slice(0, 2)) {
      await assignAccount(ctx, customerId, "rep-e1", "rebalancing the east books");
      for (const d of dealsOf(ctx, customerId)) await reassignDeal(ctx, d, "rep-e1");
    }
  });
  ["2026-07-08", "2026-07-27", "2026-08-05", "2026-08-24", "2026-09-09", "2026-09-21"].forEach((date, i) => {
    on(date, 11, 30, async () => {
      const region = i % 2 === 0 ? "east" : "west";
      const reps =
        region === "east"
          ? ["rep-e1", "rep-e2", "rep-e3"]
          : ["rep-w1", "rep-w2", "rep-w3", ...(date > LATE_HIRE.date ? [LATE_HIRE.repId] : [])];
      await newCustomer(ctx, `cu-${61 + i}`, region, rng.pick(reps));
    });
  });
  // A re-order invoiced only after a week, one unit of it cancelled before that (a negative line and credit).
  let late: OrderModel | undefined;
  on("2026-09-10", 14, 0, async () => {
    late = await placeOrder(ctx, rng.pick(heldBy(ctx, "rep-w1")), undefined, 6 * 24 * 60);
  });
  on("2026-09-12", 15, 0, async () => {
    const line = late!.lines[0]!;
    if (line.remainingQuantity === 0) return;
    await adjustLine(ctx, late!, line, line.remainingQuantity >= 2 ? 1 : line.remainingQuantity);
  });
  for (const date of ["2026-08-20", "2026-09-05", "2026-09-25"]) {
    on(date, 18, 0, async () => {
      const live = h.ledger.feedback.filter((f) => !f.retracted);
      if (live.length > 0) await retractFeedback(ctx, rng.pick(live).feedbackId);
    });
  }
  // The quarter's edges: a win at 23:59 on 30 September (credited a few minutes later, dated 23:59: Q3) and one at
  // midnight on 1 October (Q4).
  on("2026-09-30", 23, 59, async () => {
    const deal = pickClosable(ctx, 3) ?? pickClosable(ctx, 0);
    if (deal) await winDeal(ctx, deal, 3);
  });
  on("2026-10-01", 0, 0, async () => {
    const deal = pickClosable(ctx, 3) ?? pickClosable(ctx, 0);
    if (deal) await winDeal(ctx, deal, 3);
  });
}

/** Runs the whole scenario and returns the harness (store, live projections) and the ledger. */
export async function runQuarter(seed = SEED): Promise<Harness> {
  const h = createHarness();
  const ctx = createContext(h, createRng(seed));
  await setUp(ctx);
  scheduleQuarterEvents(ctx);
  for (let date = "2026-07-01"; date <= LAST_DAY; date = addDays(date, 1)) {
    planDay(ctx, date);
    await ctx.agenda.runUntil(h, localMs(addDays(date, 1)));
  }
  return h;
}
