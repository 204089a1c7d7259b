// Cookbook 6: a new hire with a ramp and a recoverable draw. Hired on 16 January: quotas ramp 25% → 50% → 75% of
// the full USD 60k quota (then prorated for January's 16 days), a USD 3,000 guaranteed minimum for three months,
// recovered at 50% of earnings above the minimum from the second month. Run with
// `npx tsx examples/cookbook/newHireDraw.ts`.
import { describe, it } from "node:test";
import { formatMoney } from "salesfold";
import { calculate, definePlan, formatStatement, type Statement } from "salesfold/incentives";
import { incentiveLaws } from "salesfold/testing";

// #region plan
const plan = definePlan({
  planId: "new-hire",
  version: 1,
  name: "New hire ramp with draw",
  currency: "USD",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "America/Denver" },
  periodKind: "month",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "quota",
      name: "Attainment",
      measure: { kind: "attainment", of: "revenue" },
      evaluation: "cumulative",
      tierMode: "marginal",
      boundary: "upper",
      tiers: [
        { from: 0, to: 10_000, rateBps: 800 },
        { from: 10_000, to: null, rateBps: 1_200 },
      ],
      ramp: [
        { periodNumber: 1, quotaBps: 2_500 },
        { periodNumber: 2, quotaBps: 5_000 },
        { periodNumber: 3, quotaBps: 7_500 },
      ],
    },
  ],
  draw: { amount: 300_000, durationPeriods: 3, recoverable: true, recovery: { fromPeriod: 2, rateBps: 5_000 } },
  proration: { quota: true, fixedAmounts: true },
});
// #endregion plan

const credit = (id: string, amount: number, creditedAt: string) => ({
  creditId: id,
  repId: "rep-noa",
  customerId: `cu-${id}`,
  source: { kind: "deal" as const, id: `deal-${id}` },
  splitType: "revenue" as const,
  shareBps: 10_000,
  amount: { amount, currency: "USD" },
  creditedAt,
});

// #region statement
const months = ["2026-01", "2026-02", "2026-03", "2026-04"];
const quotas = months.map((periodId) => ({ componentId: "quota", periodId, amount: 6_000_000 }));
const credits = [
  credit("n1", 500_000, "2026-01-28T10:00:00-07:00"),
  credit("n2", 1_500_000, "2026-02-20T10:00:00-07:00"),
  credit("n3", 6_000_000, "2026-03-18T10:00:00-06:00"),
  credit("n4", 7_000_000, "2026-04-09T10:00:00-06:00"),
];
const history: Statement[] = [];
for (const month of months) {
  const inputs = { repId: "rep-noa", credits, quotas, participation: { from: "2026-01-16" }, history: [...history] };
  const statement = calculate(plan, inputs, month);
  console.log(formatStatement(statement));
  console.log(
    `=> new hire ${month} pays ${formatMoney(statement.total)}, draw balance ${formatMoney({ amount: statement.balances.drawBalance, currency: "USD" })}\n`,
  );
  history.push(statement);
}
// #endregion statement

incentiveLaws(plan, { quota: { quota: 6_000_000 }, numRuns: 60 }).register({ describe, it });
