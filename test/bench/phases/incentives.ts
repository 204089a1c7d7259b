// Phase: incentive statements for 1,000 reps over 200,000 credits (200 per rep, one month), then over 400,000, with a
// tiered (marginal), capped plan that has an accelerator. Timed: validating the inputs, grouping credits by
// rep and calculating every statement. Prints one JSON line.
import { calculate, type CalculationInputs } from "salesfold/incentives";
import { definePlan } from "salesfold/incentives";

const reps = Number(process.env.BENCH_INCENTIVE_REPS ?? 1000);
const base = Number(process.env.BENCH_INCENTIVE_CREDITS ?? 200_000);

const plan = definePlan({
  planId: "bench",
  version: 1,
  name: "Bench AE plan",
  currency: "USD",
  effectiveFrom: "2026-01",
  calendar: { timeZone: "America/New_York" },
  periodKind: "month",
  rounding: { mode: "half_up" },
  components: [
    {
      id: "nb",
      name: "New business",
      measure: { kind: "revenue" },
      evaluation: "cumulative",
      tierMode: "marginal",
      boundary: "upper",
      tiers: [
        { from: 0, to: 5_000_000, rateBps: 400 },
        { from: 5_000_000, to: 15_000_000, rateBps: 600 },
        { from: 15_000_000, to: null, rateBps: 900 },
      ],
      accelerators: [{ fromAttainmentBps: 10_000, multiplierBps: 15_000 }],
      cap: { amount: 2_600_000, payExcessLater: true },
    },
  ],
});

type Credit = CalculationInputs["credits"][number];

function makeCredits(n: number): Credit[] {
  const out: Credit[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const rep = i % reps;
    const day = 1 + (i % 28);
    out[i] = {
      creditId: `c-${i}`,
      repId: `rep-${rep}`,
      customerId: `cu-${i % 5000}`,
      source: { kind: "order", id: `o-${i}`, lineId: "1" },
      productId: i % 3 === 0 ? "pro" : "basic",
      splitType: "revenue",
      shareBps: 10_000,
      amount: { amount: 50_000 + ((i * 7919) % 200_000), currency: "USD" },
      creditedAt: `2026-01-${String(day).padStart(2, "0")}T15:00:00.000Z`,
    };
  }
  return out;
}

function run(credits: Credit[]): { ms: number; total: number; lines: number } {
  const t0 = performance.now();
  const byRep = new Map<string, Credit[]>();
  for (const c of credits) {
    const list = byRep.get(c.repId);
    if (list === undefined) byRep.set(c.repId, [c]);
    else list.push(c);
  }
  let total = 0;
  let lines = 0;
  for (const [repId, list] of byRep) {
    const s = calculate(
      plan,
      { repId, credits: list, quotas: [{ componentId: "nb", periodId: "2026-01", amount: 20_000_000 }] },
      "2026-01",
    );
    total += s.total.amount;
    lines += s.lines.length;
  }
  return { ms: performance.now() - t0, total, lines };
}

const round = (x: number) => Math.round(x * 10) / 10;
const small = makeCredits(base);
const large = makeCredits(base * 2);
run(makeCredits(20_000)); // warm-up
const best = (credits: Credit[]) => {
  const runs = [run(credits), run(credits), run(credits)];
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
};
const r1 = best(small);
const r2 = best(large);
console.log(
  JSON.stringify({
    phase: "incentives",
    reps,
    credits: base,
    ms: round(r1.ms),
    creditsPerSec: Math.round(base / (r1.ms / 1000)),
    credits2x: base * 2,
    ms2x: round(r2.ms),
    creditsPerSec2x: Math.round((base * 2) / (r2.ms / 1000)),
    scaling: round(r2.ms / r1.ms),
    statementLines: r1.lines,
    totalPaidMinor: r1.total,
  }),
);
