// Cookbook 1: a flat-rate SaaS account executive. 10% of first-year contract value, paid monthly; a cancellation
// within 90 days is clawed back at the original rate. Run with `npx tsx examples/cookbook/flatRateSaas.ts`.
import { describe, it } from "node:test";
import { formatMoney } from "salesfold";
import { calculate, definePlan, formatStatement, type Statement } from "salesfold/incentives";
import { incentiveLaws } from "salesfold/testing";

// #region plan
const plan = definePlan({
  planId: "saas-ae",
  version: 1,
  name: "SaaS AE flat 10%",
  currency: "USD",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "America/Los_Angeles" },
  periodKind: "month",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "acv",
      name: "First-year ACV",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      tierMode: "retroactive",
      boundary: "upper",
      tiers: [{ from: 0, to: null, rateBps: 1_000 }],
    },
  ],
  clawback: { windowDays: 90 },
});
// #endregion plan

const credit = (id: string, amount: number, creditedAt: string, reverses?: string) => ({
  creditId: id,
  repId: "rep-maya",
  customerId: `cu-${id}`,
  source: { kind: reverses ? ("cancellation" as const) : ("deal" as const), id: `deal-${reverses ?? id}` },
  splitType: "revenue" as const,
  shareBps: 10_000,
  amount: { amount, currency: "USD" },
  creditedAt,
  ...(reverses && { reversesCreditId: reverses }),
});

// #region statement
const credits = [
  credit("d1", 2_400_000, "2026-01-09T10:00:00-08:00"), // USD 24,000 ACV
  credit("d2", 1_333_333, "2026-01-27T16:00:00-08:00"),
  credit("d1-cancel", -600_000, "2026-02-18T09:00:00-08:00", "d1"), // a quarter of d1 cancelled 40 days later
];
const history: Statement[] = [];
for (const month of ["2026-01", "2026-02"]) {
  const statement = calculate(plan, { repId: "rep-maya", credits, history: [...history] }, month);
  console.log(formatStatement(statement));
  console.log(`=> flat-rate ${month} pays ${formatMoney(statement.total)}\n`);
  history.push(statement);
}
// #endregion statement

incentiveLaws(plan, { numRuns: 60 }).register({ describe, it });
