// Cookbook 4: an interpolated pay curve on attainment. Nothing below 50% (a gate); USD 6,000 earned linearly from
// 50% to 100% of quota, a steeper USD 9,000 from 100% to 150%, and the curve's end above 150%.
// Run with `npx tsx examples/cookbook/payCurve.ts`.
import { describe, it } from "node:test";
import { formatMoney } from "salesfold";
import { calculate, definePlan, formatStatement } from "salesfold/incentives";
import { incentiveLaws } from "salesfold/testing";

// #region plan
const plan = definePlan({
  planId: "quota-curve",
  version: 1,
  name: "Quarterly pay curve",
  currency: "USD",
  effectiveFrom: "2026-Q1",
  calendar: { timeZone: "America/Chicago" },
  periodKind: "quarter",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "attainment",
      name: "Quota attainment",
      measure: { kind: "attainment", of: "revenue" },
      evaluation: "cumulative",
      tierMode: "interpolated",
      boundary: "upper",
      tiers: [
        { from: 0, to: 5_000, amount: 0 },
        { from: 5_000, to: 10_000, amount: 600_000 },
        { from: 10_000, to: 15_000, amount: 900_000 },
      ],
      gate: { minAttainmentBps: 5_000 },
    },
  ],
});
// #endregion plan

const credit = (id: string, amount: number, creditedAt: string) => ({
  creditId: id,
  repId: "rep-ivy",
  customerId: `cu-${id}`,
  source: { kind: "deal" as const, id: `deal-${id}` },
  splitType: "revenue" as const,
  shareBps: 10_000,
  amount: { amount, currency: "USD" },
  creditedAt,
});

// #region statement
const quotas = [{ componentId: "attainment", periodId: "2026-Q1", amount: 20_000_000 }]; // USD 200k
const credits = [
  credit("q1", 15_000_000, "2026-02-03T10:00:00-06:00"),
  credit("q2", 9_000_000, "2026-03-25T10:00:00-05:00"),
];
const statement = calculate(plan, { repId: "rep-ivy", credits, quotas }, "2026-Q1"); // 120% of quota
console.log(formatStatement(statement));
console.log(
  `=> pay curve 2026-Q1 at ${statement.components[0]?.attainmentBps} bps pays ${formatMoney(statement.total)}\n`,
);
// #endregion statement

incentiveLaws(plan, { quota: { attainment: 20_000_000 }, numRuns: 60 }).register({ describe, it });
