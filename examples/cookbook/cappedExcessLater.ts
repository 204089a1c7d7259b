// Cookbook 5: a capped plan whose excess is paid later (Oracle's "pay excess later"): at most USD 5,000 a month;
// what the cap holds back is carried and released in a later month with room under the cap.
// Run with `npx tsx examples/cookbook/cappedExcessLater.ts`.
import { describe, it } from "node:test";
import { formatMoney } from "salesfold";
import { calculate, definePlan, formatStatement, type Statement } from "salesfold/incentives";
import { incentiveLaws } from "salesfold/testing";

// #region plan
const plan = definePlan({
  planId: "capped",
  version: 1,
  name: "Capped 8% with carry-over",
  currency: "USD",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "UTC" },
  periodKind: "month",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "sales",
      name: "Sales",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      tierMode: "marginal",
      boundary: "upper",
      tiers: [{ from: 0, to: null, rateBps: 800 }],
      cap: { amount: 500_000, payExcessLater: true },
    },
  ],
});
// #endregion plan

const credit = (id: string, amount: number, creditedAt: string) => ({
  creditId: id,
  repId: "rep-raj",
  customerId: `cu-${id}`,
  source: { kind: "deal" as const, id: `deal-${id}` },
  splitType: "revenue" as const,
  shareBps: 10_000,
  amount: { amount, currency: "USD" },
  creditedAt,
});

// #region statement
const credits = [
  credit("big", 9_000_000, "2026-01-15T12:00:00Z"), // earns USD 7,200: 5,000 paid, 2,200 carried
  credit("small", 2_000_000, "2026-02-10T12:00:00Z"), // earns USD 1,600: room for 3,400, so 2,200 released
];
const history: Statement[] = [];
for (const month of ["2026-01", "2026-02"]) {
  const statement = calculate(plan, { repId: "rep-raj", credits, history: [...history] }, month);
  console.log(formatStatement(statement));
  console.log(`=> capped ${month} pays ${formatMoney(statement.total)}\n`);
  history.push(statement);
}
// #endregion statement

incentiveLaws(plan, { numRuns: 60 }).register({ describe, it });
