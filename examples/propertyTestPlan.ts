// Property-testing your own commission plan: the incentive laws of salesfold/testing, run under node:test.
// Run with `npx tsx examples/propertyTestPlan.ts`: it exits non-zero when a law fails.
// #region plan
import { describe, it } from "node:test";
import { definePlan } from "salesfold/incentives";
import { incentiveLaws } from "salesfold/testing";

const plan = definePlan({
  planId: "ae-emea-2026",
  version: 1,
  name: "EMEA account executives 2026",
  currency: "EUR",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "Europe/Paris" },
  periodKind: "month",
  rounding: { mode: "half_even" },
  components: [
    {
      id: "new-business",
      name: "New business",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      accumulation: "quarter", // quarterly tiers, paid monthly (true-up)
      tierMode: "marginal",
      boundary: "upper",
      tiers: [
        { from: 0, to: 10_000_000, rateBps: 600 },
        { from: 10_000_000, to: null, rateBps: 900 },
      ],
      accelerators: [{ fromAttainmentBps: 10_000, multiplierBps: 15_000 }],
      gate: { minAttainmentBps: 2_500 },
      cap: { amount: 2_500_000, payExcessLater: true },
    },
  ],
  clawback: { windowDays: 90 },
  payment: { payWhen: "invoice_paid" },
});
// #endregion plan

// #region laws
const laws = incentiveLaws(plan, {
  quota: { "new-business": 15_000_000 }, // EUR 150,000 per quarter
  numRuns: 100,
});
for (const law of laws.laws)
  console.log(`${law.enabled ? "on " : "off"} ${law.name}${law.reason ? ` (${law.reason})` : ""}`);
laws.register({ describe, it }); // one node:test test per law; node prints "# pass 9" and "# fail 0"
// #endregion laws
