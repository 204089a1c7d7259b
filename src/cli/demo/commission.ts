import type { SalesCreditAssigned } from "../../credit/index.ts";
import type { GoalProgressState } from "../../goals/index.ts";
import { calculate, definePlan, formatStatement, type Statement } from "../../incentives/index.ts";
import { allocate, type EventOf, type EventStore, type Money } from "../../index.ts";
import { MONTHS, REPS, TIME_ZONE } from "./cast.ts";

/**
 * The demo's commission plan, as data: a monthly new-business component with marginal tiers (5 % up to
 * USD 50,000 in the month, 7 % above), a ×1.5 accelerator on what is earned above 100 % of the month's quota, a
 * USD 9,000 monthly cap whose excess is paid later, and a recoverable USD 2,000 monthly draw for the quarter,
 * recovered at 50 % of earnings above it from the second month.
 */
export const demoPlan = definePlan({
  planId: "ae-q3-2026",
  version: 1,
  name: "Account executive, Q3 2026",
  currency: "USD",
  effectiveFrom: "2026-07",
  calendar: { timeZone: TIME_ZONE },
  periodKind: "month",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "new-business",
      name: "New business",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      tierMode: "marginal",
      boundary: "upper",
      tiers: [
        { from: 0, to: 5_000_000, rateBps: 500, label: "Base" },
        { from: 5_000_000, to: null, rateBps: 700, label: "Above USD 50k" },
      ],
      accelerators: [{ fromAttainmentBps: 10_000, multiplierBps: 15_000 }],
      cap: { amount: 900_000, payExcessLater: true },
    },
  ],
  draw: { amount: 200_000, durationPeriods: 3, recoverable: true, recovery: { fromPeriod: 2, rateBps: 5_000 } },
});

type Credit = EventOf<typeof SalesCreditAssigned>["data"];

/** Every sales credit in the store, by rep. */
export async function creditsByRep(store: EventStore<any>): Promise<Map<string, Credit[]>> {
  const byRep = new Map<string, Credit[]>();
  for await (const e of store.readAll({ types: ["SalesCreditAssigned"] })) {
    const c = e.data as Credit;
    const list = byRep.get(c.repId) ?? [];
    list.push(c);
    byRep.set(c.repId, list);
  }
  return byRep;
}

/** Each rep's monthly quotas: the locked quarter goal split 30/30/40 over the months, remainders allocated. */
export function monthlyQuotas(progress: GoalProgressState, repId: string) {
  const goal = progress.plan.goals[`q3-${repId}`];
  if (!goal || !("currency" in goal.target)) return [];
  const parts = allocate(goal.target as Money, [3, 3, 4]);
  return MONTHS.map((periodId, i) => ({ componentId: "new-business", periodId, amount: parts[i]!.amount }));
}

/** One rep's three monthly statements: each month closed in turn, later months truing up earlier ones. */
export function quarterStatements(repId: string, credits: readonly Credit[], progress: GoalProgressState): Statement[] {
  const history: Statement[] = [];
  const quotas = monthlyQuotas(progress, repId);
  for (const month of MONTHS) {
    history.push(calculate(demoPlan, { repId, credits: [...credits], quotas, history: [...history] }, month));
  }
  return history;
}

/** The statements of every rep, and the text of each rep's closing (September) statement with explained lines. */
export async function commissionRun(store: EventStore<any>, progress: GoalProgressState) {
  const credits = await creditsByRep(store);
  return REPS.map((r) => {
    const statements = quarterStatements(r.repId, credits.get(r.repId) ?? [], progress);
    return { rep: r, statements, text: formatStatement(statements[statements.length - 1]!) };
  });
}
