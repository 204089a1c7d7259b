// Cookbook 2: marginal tiers with an accelerator above quota. Quarterly tiers paid monthly (each month pays the
// quarter to date less what earlier months earned); ×1.5 on what is sold above 100% of quota, ×2 above 150%.
// Run with `npx tsx examples/cookbook/marginalAccelerator.ts`.
import { describe, it } from "node:test";
import { formatMoney } from "salesfold";
import { calculate, definePlan, formatStatement, type Statement } from "salesfold/incentives";
import { incentiveLaws } from "salesfold/testing";

// #region plan
const plan = definePlan({
  planId: "ae-accelerated",
  version: 1,
  name: "AE marginal with accelerators",
  currency: "USD",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "America/New_York" },
  periodKind: "month",
  rounding: { mode: "half_even" },
  components: [
    {
      id: "bookings",
      name: "Bookings",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      accumulation: "quarter",
      tierMode: "marginal",
      boundary: "upper",
      tiers: [
        { from: 0, to: 5_000_000, rateBps: 600, label: "Up to USD 50k" },
        { from: 5_000_000, to: null, rateBps: 800, label: "Above USD 50k" },
      ],
      accelerators: [
        { fromAttainmentBps: 10_000, multiplierBps: 15_000 },
        { fromAttainmentBps: 15_000, multiplierBps: 20_000 },
      ],
    },
  ],
});
// #endregion plan

const credit = (id: string, amount: number, creditedAt: string) => ({
  creditId: id,
  repId: "rep-omar",
  customerId: `cu-${id}`,
  source: { kind: "deal" as const, id: `deal-${id}` },
  splitType: "revenue" as const,
  shareBps: 10_000,
  amount: { amount, currency: "USD" },
  creditedAt,
});

// #region statement
const quotas = [{ componentId: "bookings", periodId: "2026-Q1", amount: 8_000_000 }]; // USD 80k for Q1
const credits = [
  credit("o1", 4_500_000, "2026-01-20T11:00:00-05:00"),
  credit("o2", 4_000_000, "2026-02-11T11:00:00-05:00"), // crosses USD 50k and 100% of quota
  credit("o3", 4_500_000, "2026-03-30T11:00:00-04:00"), // crosses 150%
];
const history: Statement[] = [];
for (const month of ["2026-01", "2026-02", "2026-03"]) {
  const statement = calculate(plan, { repId: "rep-omar", credits, quotas, history: [...history] }, month);
  console.log(formatStatement(statement));
  console.log(`=> marginal ${month} pays ${formatMoney(statement.total)}\n`);
  history.push(statement);
}
// #endregion statement

incentiveLaws(plan, { quota: { bookings: 8_000_000 }, numRuns: 60 }).register({ describe, it });
