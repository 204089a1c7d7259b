// Cookbook 7: a SPIFF and an MBO bonus on top of a base commission. USD 250 for each Security add-on sold in the
// first quarter, 1% extra on the launch product in March, and a USD 2,000 quarterly MBO bonus scaled by the
// appraisal score (1–5, nothing below 2). Run with `npx tsx examples/cookbook/spiffMbo.ts`.
import { describe, it } from "node:test";
import { formatMoney } from "salesfold";
import { calculate, definePlan, formatStatement } from "salesfold/incentives";
import { incentiveLaws } from "salesfold/testing";

// #region plan
const plan = definePlan({
  planId: "spiff-mbo",
  version: 1,
  name: "Base + SPIFFs + MBO",
  currency: "GBP",
  effectiveFrom: "2026-Q1",
  calendar: { timeZone: "Europe/London" },
  periodKind: "quarter",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "base",
      name: "Base commission",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      tierMode: "marginal",
      boundary: "upper",
      tiers: [{ from: 0, to: null, rateBps: 500 }],
    },
  ],
  spiffs: [
    {
      id: "security",
      name: "Security add-on SPIFF",
      productIds: ["security"],
      from: "2026-01-01T00:00:00Z",
      to: "2026-04-01T00:00:00+01:00",
      payout: { kind: "fixed", amount: 25_000 },
    },
    {
      id: "launch",
      name: "Launch month",
      productIds: ["analytics"],
      from: "2026-03-01T00:00:00Z",
      to: "2026-04-01T00:00:00+01:00",
      payout: { kind: "percentage", rateBps: 100 },
    },
  ],
  bonuses: [
    {
      kind: "mbo",
      id: "mbo",
      name: "Quarterly objectives",
      scale: { min: 1, max: 5 },
      targetAmount: 200_000,
      minScore: 2,
    },
  ],
});
// #endregion plan

const credit = (id: string, amount: number, creditedAt: string, productId: string, shareBps = 10_000) => ({
  creditId: id,
  repId: "rep-sam",
  customerId: `cu-${id}`,
  source: { kind: "order" as const, id: `so-${id}` },
  productId,
  splitType: "revenue" as const,
  shareBps,
  amount: { amount, currency: "GBP" },
  creditedAt,
});

// #region statement
const credits = [
  credit("s1", 1_200_000, "2026-01-14T10:00:00Z", "security"),
  credit("s2", 800_000, "2026-02-02T10:00:00Z", "security", 5_000), // a 50% split earns half the SPIFF
  credit("s3", 3_000_000, "2026-03-09T10:00:00Z", "analytics"),
];
const mboScores = [{ bonusId: "mbo", periodId: "2026-Q1", score: 4 }]; // from the appraisal: (4 − 1) / (5 − 1) = 75%
const statement = calculate(plan, { repId: "rep-sam", credits, mboScores }, "2026-Q1");
console.log(formatStatement(statement));
console.log(`=> spiff+mbo 2026-Q1 pays ${formatMoney(statement.total)}\n`);
// #endregion statement

incentiveLaws(plan, { numRuns: 60 }).register({ describe, it });
