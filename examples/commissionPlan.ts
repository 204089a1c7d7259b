// A commission plan as data: marginal tiers with an accelerator above quota, a monthly cap and a recoverable draw,
// calculated for two reps over two months. Every statement line explains itself.
// #region plan
import { formatMoney } from "salesfold";
import { calculate, formatStatement, type Statement } from "salesfold/incentives";
import { definePlan } from "salesfold/incentives";

const plan = definePlan({
  planId: "ae-2026",
  version: 1,
  name: "Account executive 2026",
  currency: "USD",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "America/New_York" },
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
        { from: 0, to: 2_000_000, rateBps: 500, label: "Base" },
        { from: 2_000_000, to: null, rateBps: 800, label: "Above USD 20k" },
      ],
      accelerators: [{ fromAttainmentBps: 10_000, multiplierBps: 15_000 }], // ×1.5 above 100% of quota
      cap: { amount: 400_000, payExcessLater: true }, // USD 4,000 a month; the excess is paid later
    },
  ],
  draw: { amount: 150_000, durationPeriods: 3, recoverable: true, recovery: { fromPeriod: 2, rateBps: 5_000 } },
});
// #endregion plan

// #region calculate
const credit = (id: string, repId: string, amount: number, creditedAt: string) => ({
  creditId: id,
  repId,
  customerId: `cu-${id}`,
  source: { kind: "deal" as const, id: `deal-${id}` },
  splitType: "revenue" as const,
  shareBps: 10_000,
  amount: { amount, currency: "USD" },
  creditedAt,
});
const credits = {
  "rep-ana": [
    credit("a1", "rep-ana", 2_500_000, "2026-01-12T15:00:00-05:00"),
    credit("a2", "rep-ana", 3_333_333, "2026-01-28T10:00:00-05:00"),
    credit("a3", "rep-ana", 1_200_000, "2026-02-09T11:00:00-05:00"),
  ],
  "rep-bo": [
    credit("b1", "rep-bo", 900_000, "2026-01-20T09:30:00-05:00"),
    credit("b2", "rep-bo", 4_100_000, "2026-02-17T16:00:00-05:00"),
  ],
};
const quota = (periodId: string) => ({ componentId: "new-business", periodId, amount: 4_000_000 });

for (const [repId, repCredits] of Object.entries(credits)) {
  const history: Statement[] = [];
  for (const month of ["2026-01", "2026-02"]) {
    const inputs = { repId, credits: repCredits, quotas: [quota("2026-01"), quota("2026-02")], history: [...history] };
    const statement = calculate(plan, inputs, month);
    console.log(formatStatement(statement));
    console.log(`  => ${repId} ${month} pays ${formatMoney(statement.total)}\n`);
    history.push(statement); // closed: February recalculates January and adjusts, never rewrites it
  }
}
// #endregion calculate
