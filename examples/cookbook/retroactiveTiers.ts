// Cookbook 3: retroactive tiers (Oracle's "rate not split"): the rate of the highest tier reached applies to the whole
// month's revenue. A value exactly on a bound belongs to the upper tier, as in Oracle's "Equal Tier Values".
// Run with `npx tsx examples/cookbook/retroactiveTiers.ts`.
import { describe, it } from "node:test";
import { formatMoney } from "salesfold";
import { calculate, definePlan, formatStatement } from "salesfold/incentives";
import { incentiveLaws } from "salesfold/testing";

// #region plan
const plan = definePlan({
  planId: "channel-retro",
  version: 1,
  name: "Channel retroactive tiers",
  currency: "EUR",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "Europe/Berlin" },
  periodKind: "month",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "resale",
      name: "Partner resale",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      tierMode: "retroactive",
      boundary: "upper",
      tiers: [
        { from: 0, to: 10_000_000, rateBps: 200 },
        { from: 10_000_000, to: 25_000_000, rateBps: 300 },
        { from: 25_000_000, to: null, rateBps: 400 },
      ],
    },
  ],
});
// #endregion plan

const credit = (id: string, amount: number, creditedAt: string) => ({
  creditId: id,
  repId: "rep-lena",
  customerId: `cu-${id}`,
  source: { kind: "order" as const, id: `so-${id}` },
  splitType: "revenue" as const,
  shareBps: 10_000,
  amount: { amount, currency: "EUR" },
  creditedAt,
});

// #region statement
const january = [
  credit("p1", 6_000_000, "2026-01-12T10:00:00+01:00"),
  credit("p2", 4_000_000, "2026-01-29T10:00:00+01:00"),
];
const statement = calculate(plan, { repId: "rep-lena", credits: january }, "2026-01");
console.log(formatStatement(statement)); // exactly EUR 100,000: the upper tier's 3% on all of it
console.log(`=> retroactive 2026-01 pays ${formatMoney(statement.total)}`);
const below = calculate(plan, { repId: "rep-lena", credits: january.slice(0, 1) }, "2026-01");
console.log(`=> retroactive with only p1 pays ${formatMoney(below.total)}\n`);
// #endregion statement

incentiveLaws(plan, { numRuns: 60 }).register({ describe, it });
