// The figures the scenario expects, computed from the ledger (the scenario's own inputs) with the documented
// conventions. Nothing here reads an event or a projection.
import { attainment, bpsHalfUp } from "./arithmetic.ts";
import { type CreditRow, type GoalModel, type Ledger, teamAt } from "./ledger.ts";
import { daysBetween, localDate, PARENT_TEAM, SLA } from "./world.ts";

const inRange = (at: number, p: { start: number; end: number }, until = Number.POSITIVE_INFINITY) =>
  at >= p.start && at < Math.min(p.end, until);

/** Whether a member belonged, at an instant, to a team or to a team under it. */
export function inTeam(ledger: Ledger, memberId: string, at: number, teamId: string): boolean {
  for (let t = teamAt(ledger, memberId, at); t; t = PARENT_TEAM[t] ?? null) if (t === teamId) return true;
  return false;
}

function inScope(ledger: Ledger, goal: GoalModel, repId: string, at: number): boolean {
  const o = goal.owner;
  return o.kind === "company" || (o.kind === "rep" ? o.repId === repId : inTeam(ledger, repId, at, o.teamId));
}

/** The credits a goal counts: in its period, in scope, revenue splits only unless the goal is a rep's revenue goal. */
export function countedCredits(ledger: Ledger, goal: GoalModel, until?: number): CreditRow[] {
  const revenueOnly = goal.owner.kind !== "rep" || goal.metric !== "revenue";
  return ledger.credits.filter(
    (c) => inRange(c.at, goal.period, until) && (c.revenue || !revenueOnly) && inScope(ledger, goal, c.repId, c.at),
  );
}

export function expectedAchieved(ledger: Ledger, goal: GoalModel, until?: number): number {
  switch (goal.metric) {
    case "revenue":
      return countedCredits(ledger, goal, until).reduce((t, c) => t + c.amount, 0);
    case "activity_count":
      return ledger.interactions.filter(
        (i) => inRange(i.at, goal.period, until) && inScope(ledger, goal, i.repId, i.at),
      ).length;
    case "deal_count": {
      const net = new Map<string, number>();
      for (const c of countedCredits(ledger, goal, until).filter((x) => x.sourceKey.startsWith("deal:"))) {
        net.set(c.sourceKey, (net.get(c.sourceKey) ?? 0) + c.amount);
      }
      return [...net.values()].filter((v) => v > 0).length;
    }
    case "new_customers": {
      const first = new Map<string, CreditRow>();
      for (const c of ledger.credits) {
        if (!c.revenue || c.reversal || c.amount <= 0) continue;
        const f = first.get(c.customerId);
        if (f === undefined || c.at < f.at) first.set(c.customerId, c);
      }
      return [...first.values()].filter((c) => inRange(c.at, goal.period, until)).length;
    }
  }
}

export function expectedAttainment(ledger: Ledger, goal: GoalModel) {
  const achieved = expectedAchieved(ledger, goal);
  return {
    achieved,
    target: goal.target,
    attainmentBps: attainment(achieved, goal.target),
    shortage: Math.max(0, goal.target - achieved),
    status: achieved < goal.target ? "below" : achieved === goal.target ? "met" : "exceeded",
  };
}

type Totals = { count: number; amount: number; weighted: number };
const add = (group: Record<string, Totals>, key: string, amount: number, weighted: number) => {
  const t = (group[key] ??= { count: 0, amount: 0, weighted: 0 });
  t.count += 1;
  t.amount += amount;
  t.weighted += weighted;
};

/** Open deals by stage, category and owner, and by close month × category; weighted = amount × p, half-up per deal. */
export function expectedPipeline(ledger: Ledger, stageIds: readonly string[]) {
  const byStage: Record<string, Totals> = {};
  const byCategory: Record<string, Totals> = {};
  const byOwner: Record<string, Totals> = {};
  const byMonth: Record<string, Record<string, Totals>> = {};
  for (const d of Object.values(ledger.deals)) {
    if (d.status !== "open") continue;
    const w = bpsHalfUp(d.amount, d.probabilityBps);
    add(byStage, stageIds[d.stage]!, d.amount, w);
    add(byCategory, d.category, d.amount, w);
    add(byOwner, d.ownerId, d.amount, w);
    add((byMonth[d.closeDate.slice(0, 7)] ??= {}), d.category, d.amount, w);
  }
  return { byStage, byCategory, byOwner, byMonth };
}

export function expectedWinLoss(ledger: Ledger) {
  const closed = Object.values(ledger.deals).filter((d) => d.status !== "open");
  const tally = (xs: typeof closed) => ({ count: xs.length, amount: xs.reduce((t, d) => t + d.amount, 0) });
  const byReason = (status: "won" | "lost") => {
    const out: Record<string, number> = {};
    for (const d of closed.filter((x) => x.status === status)) out[d.reason!] = (out[d.reason!] ?? 0) + 1;
    return out;
  };
  const competitors: Record<string, { closed: number; won: number; lost: number; lostTo: number }> = {};
  for (const d of closed) {
    for (const c of d.competitors) {
      const r = (competitors[c] ??= { closed: 0, won: 0, lost: 0, lostTo: 0 });
      r.closed += 1;
      r[d.status as "won" | "lost"] += 1;
    }
    if (d.lostTo) (competitors[d.lostTo] ??= { closed: 0, won: 0, lost: 0, lostTo: 0 }).lostTo += 1;
  }
  const cycle = (xs: typeof closed) => ({
    won: xs.filter((d) => d.status === "won").length,
    lost: xs.filter((d) => d.status === "lost").length,
    wonDays: xs.filter((d) => d.status === "won").reduce((t, d) => t + daysBetween(d.openedOn, d.closedOn!), 0),
    lostDays: xs.filter((d) => d.status === "lost").reduce((t, d) => t + daysBetween(d.openedOn, d.closedOn!), 0),
  });
  const owners = [...new Set(closed.map((d) => d.ownerId))];
  return {
    won: tally(closed.filter((d) => d.status === "won")),
    lost: tally(closed.filter((d) => d.status === "lost")),
    wonByReason: byReason("won"),
    lostByReason: byReason("lost"),
    competitors,
    cycle: cycle(closed),
    cycleByOwner: Object.fromEntries(owners.map((o) => [o, cycle(closed.filter((d) => d.ownerId === o))])),
  };
}

/** Per rep and local month: interactions logged, positive ones, deals opened (opening owner), won and lost (owner at close). */
export function expectedActivity(ledger: Ledger) {
  const out: Record<
    string,
    Record<string, { interactions: number; positive: number; dealsOpened: number; won: number; lost: number }>
  > = {};
  const cell = (rep: string, at: number) =>
    ((out[rep] ??= {})[localDate(at).slice(0, 7)] ??= {
      interactions: 0,
      positive: 0,
      dealsOpened: 0,
      won: 0,
      lost: 0,
    });
  for (const i of ledger.interactions) {
    const c = cell(i.repId, i.at);
    c.interactions += 1;
    if (i.outcome === "positive") c.positive += 1;
  }
  for (const d of Object.values(ledger.deals)) {
    cell(d.openedBy, d.openedAt).dealsOpened += 1;
    if (d.status !== "open") cell(d.ownerId, d.closedAt!)[d.status] += 1;
  }
  return out;
}

/** Per local month and product: units, revenue and margin net of adjustments (in the month they happen), lines placed. */
export function expectedProductMix(ledger: Ledger) {
  const out: Record<
    string,
    Record<string, { units: number; revenue: number; margin: number; orderLines: number }>
  > = {};
  const cell = (at: number, productId: string) =>
    ((out[localDate(at).slice(0, 7)] ??= {})[productId] ??= { units: 0, revenue: 0, margin: 0, orderLines: 0 });
  for (const o of Object.values(ledger.orders)) {
    for (const l of o.lines) {
      const c = cell(o.orderedAt, l.productId);
      c.units += l.quantity;
      c.revenue += l.total;
      c.margin += l.total - l.quantity * l.unitCost;
      c.orderLines += 1;
    }
    for (const a of o.adjustments) {
      const c = cell(a.at, a.productId);
      c.units += a.quantity;
      c.revenue += a.amount;
      c.margin += a.margin;
    }
  }
  return out;
}

/** One customer's 360: interactions, purchases net of refunds, deals, satisfaction, tickets and owner history. */
export function expectedCustomer360(ledger: Ledger, customerId: string) {
  const interactions = ledger.interactions.filter((i) => i.customerId === customerId);
  const count = (xs: readonly string[]) => {
    const out: Record<string, number> = {};
    for (const x of xs) out[x] = (out[x] ?? 0) + 1;
    return out;
  };
  const recent = [...interactions].sort((a, b) => b.at - a.at || a.seq - b.seq).slice(0, 10);
  const orders = Object.values(ledger.orders).filter((o) => o.customerId === customerId);
  const placed = orders.reduce((t, o) => t + o.lines.reduce((s, l) => s + l.total, 0), 0);
  const adjustments = orders.reduce((t, o) => t + o.adjustments.reduce((s, a) => s + a.amount, 0), 0);
  const units: Record<string, number> = {};
  for (const o of orders) {
    for (const l of o.lines) units[l.productId] = (units[l.productId] ?? 0) + l.quantity;
    for (const a of o.adjustments) units[a.productId] = (units[a.productId] ?? 0) + a.quantity;
  }
  const deals = Object.values(ledger.deals).filter((d) => d.customerId === customerId);
  const csat = ledger.csat[customerId] ?? [];
  const nps = ledger.nps[customerId] ?? [];
  const tickets = Object.values(ledger.tickets).filter((t) => t.customerId === customerId);
  let firstResponseBreaches = 0;
  let resolutionBreaches = 0;
  let resolutionMinutes = 0;
  for (const t of tickets) {
    const [fr, res] = SLA[t.priority];
    for (const r of t.resolutions) {
      const responded = t.respondedAt !== undefined && t.respondedAt <= r ? t.respondedAt : t.resolutions[0]!;
      if (responded > t.openedAt + fr * 60_000) firstResponseBreaches++;
      if (r > t.openedAt + res * 60_000) resolutionBreaches++;
      resolutionMinutes += Math.floor((r - t.openedAt) / 60_000);
    }
  }
  return {
    interactions: {
      count: interactions.length,
      byChannel: count(interactions.map((i) => i.channel)),
      byOutcome: count(interactions.map((i) => i.outcome)),
      lastAt: interactions.length === 0 ? undefined : Math.max(...interactions.map((i) => i.at)),
      recent: recent.map((i) => i.interactionId),
    },
    purchases: {
      orders: orders.length,
      firstOrderAt: orders.length === 0 ? undefined : Math.min(...orders.map((o) => o.orderedAt)),
      lastOrderAt: orders.length === 0 ? undefined : Math.max(...orders.map((o) => o.orderedAt)),
      placed,
      adjustments,
      net: placed + adjustments,
      units,
    },
    deals: {
      open: deals.filter((d) => d.status === "open").length,
      won: deals.filter((d) => d.status === "won").length,
      lost: deals.filter((d) => d.status === "lost").length,
      wonAmount: deals.filter((d) => d.status === "won").reduce((t, d) => t + d.amount, 0),
    },
    csat: {
      responses: csat.length,
      satisfied: csat.filter((s) => s >= 4).length,
      scoreTotal: csat.reduce((t, s) => t + s, 0),
    },
    nps: {
      responses: nps.length,
      promoters: nps.filter((s) => s >= 9).length,
      passives: nps.filter((s) => s === 7 || s === 8).length,
      detractors: nps.filter((s) => s <= 6).length,
    },
    tickets: {
      opened: tickets.length,
      open: tickets.filter((t) => t.status === "open").length,
      resolved: tickets.reduce((n, t) => n + t.resolutions.length, 0),
      reopened: tickets.reduce((n, t) => n + t.reopened, 0),
      firstResponseBreaches,
      resolutionBreaches,
      resolutionMinutes,
    },
    owners: (ledger.owners[customerId] ?? []).map((o) => ({ repId: o.repId, at: o.at })),
  };
}
