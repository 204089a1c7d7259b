// Cookbook 8: a clawback-heavy plan that pays when the invoice is paid. Commission on an unpaid invoice is held and
// released in the month the customer pays; a refund within 120 days is clawed back at the original rate, in the
// refund's month. Run with `npx tsx examples/cookbook/clawbackHolds.ts`.
import { describe, it } from "node:test";
import { formatMoney } from "salesfold";
import { calculate, definePlan, formatStatement, type Statement } from "salesfold/incentives";
import { incentiveLaws } from "salesfold/testing";

// #region plan
const plan = definePlan({
  planId: "paid-invoices",
  version: 1,
  name: "Paid on cash with clawbacks",
  currency: "AUD",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "Australia/Sydney" },
  periodKind: "month",
  rounding: { mode: "half_even" },
  components: [
    {
      id: "orders",
      name: "Orders",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      tierMode: "retroactive",
      boundary: "lower",
      tiers: [
        { from: 0, to: 1_000_000, rateBps: 400 },
        { from: 1_000_000, to: null, rateBps: 600 },
      ],
    },
  ],
  clawback: { windowDays: 120 },
  payment: { payWhen: "invoice_paid" },
});
// #endregion plan

const credit = (id: string, amount: number, creditedAt: string, reverses?: string) => ({
  creditId: id,
  repId: "rep-kai",
  customerId: `cu-${reverses ?? id}`,
  source: { kind: reverses ? ("refund" as const) : ("order" as const), id: `inv-${reverses ?? id}` },
  splitType: "revenue" as const,
  shareBps: 10_000,
  amount: { amount, currency: "AUD" },
  creditedAt,
  ...(reverses && { reversesCreditId: reverses }),
});

// #region statement
const credits = [
  // January: AUD 23,000 reaches the 6% tier on all of it, AUD 1,380; k2's share (8/23, AUD 480) waits for its invoice.
  credit("k1", 1_500_000, "2026-01-08T10:00:00+11:00"), // invoice paid in January
  credit("k2", 800_000, "2026-01-22T10:00:00+11:00"), // invoice paid in March: AUD 480 released then
  credit("k1-refund", -500_000, "2026-02-12T10:00:00+11:00", "k1"), // a third of k1 refunded: −AUD 300 at 6%
];
const invoices = [
  { sourceId: "inv-k1", paidAt: "2026-01-30T09:00:00+11:00" },
  { sourceId: "inv-k2", paidAt: "2026-03-03T09:00:00+11:00" },
];
const history: Statement[] = [];
for (const month of ["2026-01", "2026-02", "2026-03"]) {
  const statement = calculate(plan, { repId: "rep-kai", credits, invoices, history: [...history] }, month);
  console.log(formatStatement(statement));
  console.log(`=> paid-on-cash ${month} pays ${formatMoney(statement.total)}\n`);
  history.push(statement);
}
// #endregion statement

incentiveLaws(plan, { numRuns: 60 }).register({ describe, it });
