import fc from "fast-check";
import { isDomainRuleError, type Ratio, ratio, toEpochMilliseconds, toIsoInstant } from "../../core/index.ts";
import { evaluateRateTable, roundingTolerance, type Statement } from "../../incentives/index.ts";
import { arbRefundOf, arbSplitDeal, type IncentiveCredit } from "./creditArbitraries.ts";
import {
  creditsIn,
  decimalQ,
  equalQ,
  fractionOf,
  invoicesFor,
  type LawContext,
  plusQ,
  run,
  showQ,
  timesQ,
  violated,
} from "./lawContext.ts";

const ZERO = ratio(0n, 1n);
const exactOf = (lines: Statement["lines"]) =>
  lines.reduce<Ratio>((s, l) => plusQ(s, fractionOf(l.exactFraction)), ZERO);
const tolerance = (s: Statement) => Math.ceil(roundingTolerance(s).minorUnits);
const paidMask = fc.array(fc.boolean(), { minLength: 1, maxLength: 6 });

/** @internal Payout never falls when a credit is added (within rounding), unless the plan declares a decelerator. */
export function monotonicLaw(ctx: LawContext): void {
  const [p1] = ctx.periods;
  fc.assert(
    fc.property(creditsIn(ctx, p1, "c"), creditsIn(ctx, p1, "extra-", 1, 1), (credits, [extra]) => {
      const all = [...credits, extra as IncentiveCredit];
      const before = run(ctx, credits, p1, { invoices: invoicesFor(credits, "all") });
      const after = run(ctx, all, p1, { invoices: invoicesFor(all, "all") });
      const slack = tolerance(before) + tolerance(after);
      if (after.total.amount < before.total.amount - slack) {
        violated(
          "monotonic",
          `adding ${extra?.creditId} (${extra?.amount.amount}) lowered ${p1.id} from ${before.total.amount} to ${after.total.amount} (rounding allows ${slack})`,
        );
      }
    }),
    ctx.params,
  );
}

const OWN_CAPPED = new Set(["hold", "hold_release", "prior_period_adjustment"]);

/** @internal A capped component never pays more than its cap (or its floor, when higher) in a period. */
export function capsLaw(ctx: LawContext): void {
  const [p1, p2] = ctx.periods;
  const capped = ctx.plan.components.filter((c) => c.cap !== undefined);
  fc.assert(
    fc.property(creditsIn(ctx, p1, "a"), creditsIn(ctx, p2, "b"), paidMask, (first, second, paid) => {
      const all = [...first, ...second];
      const invoices = invoicesFor(all, paid);
      const s1 = run(ctx, all, p1, { invoices });
      const s2 = run(ctx, all, p2, { invoices, history: [s1] });
      for (const s of [s1, s2]) {
        for (const c of capped) {
          const own = s.lines
            .filter((l) => l.bucket === `component:${c.id}` && !OWN_CAPPED.has(l.kind))
            .reduce((t, l) => t + l.amount.amount, 0);
          const limit = Math.max(c.cap?.amount ?? 0, c.floor?.amount ?? 0);
          if (own > limit) violated("capsHold", `${c.id} pays ${own} in ${s.periodId}, above its cap ${limit}`);
        }
      }
    }),
    ctx.params,
  );
}

/** @internal Marginal and interpolated tables are continuous at every tier bound and accelerator start. */
export function continuityLaw(ctx: LawContext): void {
  const eps = ratio(1n, 10_000_000n);
  for (const c of ctx.plan.components.filter((x) => x.tierMode !== "retroactive")) {
    const quota = ctx.quotas.find((q) => q.componentId === c.id)?.amount;
    const inBase = (tableUnit: number): Ratio =>
      c.measure.kind === "attainment"
        ? ratio(BigInt(tableUnit) * BigInt(quota ?? 1), 10_000n)
        : ratio(BigInt(tableUnit), 1n);
    const points = [
      ...c.tiers.filter((t) => t.from > 0).map((t) => inBase(t.from)),
      ...(c.tierMode === "interpolated" ? [inBase(c.tiers[c.tiers.length - 1]?.to ?? 0)] : []),
      ...(quota === undefined
        ? []
        : (c.accelerators ?? []).map((a) => ratio(BigInt(a.fromAttainmentBps) * BigInt(quota), 10_000n))),
    ];
    const f = (x: Ratio) => evaluateRateTable(c, x, quota === undefined ? {} : { quota }).payout;
    for (const b of points) {
      for (const side of [-1n, 1n]) {
        const at = (k: bigint) => f(plusQ(b, timesQ(eps, ratio(side * k, 2n))));
        // Piecewise linear and continuous on [b, b ± ε] exactly when f(b) − 2 f(b ± ε/2) + f(b ± ε) = 0.
        const second = plusQ(plusQ(at(0n), timesQ(at(1n), ratio(-2n, 1n))), at(2n));
        if (!equalQ(second, ZERO)) {
          violated(
            "marginalContinuity",
            `${c.id} jumps at ${showQ(b)} (${side < 0n ? "left" : "right"} side): second difference ${showQ(second)}`,
          );
        }
      }
    }
  }
}

/** @internal Split credits sum to the deal, and the reps' measures sum to what one rep would measure on the whole deal. */
export function splitsLaw(ctx: LawContext): void {
  const [p1] = ctx.periods;
  const reps = ["law-rep-1", "law-rep-2", "law-rep-3"];
  const at = toIsoInstant(Math.floor((toEpochMilliseconds(p1.start) + toEpochMilliseconds(p1.end)) / 2));
  const measured = ctx.plan.components.filter((c) => !c.filter?.splitTypes || c.filter.splitTypes.includes("revenue"));
  fc.assert(
    fc.property(
      fc.option(fc.constantFrom(...ctx.products), { nil: undefined }).chain((productId) =>
        arbSplitDeal({
          reps,
          maxAmount: 3 * ctx.maxAmount,
          creditedAt: at,
          ...(productId && { productId }),
          currency: ctx.plan.currency,
        }),
      ),
      ({ deal, credits }) => {
        const total = (f: (c: IncentiveCredit) => number) => credits.reduce((s, c) => s + f(c), 0);
        if (
          total((c) => c.amount.amount) !== deal.amount ||
          total((c) => c.margin?.amount ?? 0) !== deal.margin ||
          total((c) => c.units ?? 0) !== deal.units ||
          total((c) => c.shareBps) !== 10_000
        ) {
          violated("splitsSumToDeal", `the split credits of ${deal.id} do not sum to the deal`);
        }
        const measureOf = (repId: string, list: IncentiveCredit[]) => {
          const s = run(
            { ...ctx, repId },
            list.map((c) => ({ ...c, repId })),
            p1,
            { invoices: invoicesFor(list, "all") },
          );
          return new Map(s.components.map((x) => [x.componentId, decimalQ(x.measure)]));
        };
        const whole = measureOf("law-rep-whole", [
          {
            ...(credits[0] as IncentiveCredit),
            shareBps: 10_000,
            amount: { amount: deal.amount, currency: ctx.plan.currency },
            margin: { amount: deal.margin, currency: ctx.plan.currency },
            units: deal.units,
          },
        ]);
        const parts = credits.map((c) => measureOf(c.repId, [c]));
        for (const comp of measured) {
          const sum = parts.reduce((s, m) => plusQ(s, m.get(comp.id) ?? ZERO), ZERO);
          const one = whole.get(comp.id) ?? ZERO;
          if (!equalQ(sum, one))
            violated(
              "splitsSumToDeal",
              `${comp.id}: the reps' measures sum to ${showQ(sum)}, the whole deal measures ${showQ(one)}`,
            );
        }
      },
    ),
    ctx.params,
  );
}

const EARNED = new Set(["tier", "previously_earned", "spiff", "bonus"]);

/** What a statement's lines earned, exactly; a component below its gate earned nothing (the gate withholds it). */
function earnedOf(ctx: LawContext, s: Statement): Ratio {
  const gated = new Set(
    ctx.plan.components
      .filter((c) => {
        const summary = s.components.find((x) => x.componentId === c.id);
        if (c.gate === undefined || summary?.quota === undefined) return false;
        const attainment = timesQ(decimalQ(summary.measure), ratio(10_000n, 1n));
        const gate = timesQ(decimalQ(summary.quota), ratio(BigInt(c.gate.minAttainmentBps), 1n));
        return attainment.numerator * gate.denominator < gate.numerator * attainment.denominator;
      })
      .map((c) => `component:${c.id}`),
  );
  return exactOf(s.lines.filter((l) => EARNED.has(l.kind) && !gated.has(l.bucket)));
}

/** @internal A refund or cancellation claws back exactly its share of what the original earned, at the original rates. */
export function clawbackLaw(ctx: LawContext): void {
  const [p1, p2] = ctx.periods;
  const windowMs = (ctx.plan.clawback?.windowDays ?? 0) * 86_400_000;
  const lastMs = toEpochMilliseconds(p2.end) - 1;
  fc.assert(
    fc.property(
      creditsIn(ctx, p1, "o", 1, 1).chain(([original]) =>
        fc.integer({ min: 0, max: windowMs }).chain((delay) => {
          const o = original as IncentiveCredit;
          const afterMs = Math.min(delay, lastMs - toEpochMilliseconds(o.creditedAt));
          return arbRefundOf(o, { afterMs, creditId: "reversal" }).map((r) => [o, r] as const);
        }),
      ),
      ([original, reversal]) => {
        const invoices = invoicesFor([original], "all");
        const s1 = run(ctx, [original], p1, { invoices });
        // What the original earned: the period's earnings with it, less what the period pays without any credit
        // (a lump paid from zero, say), which no reversal can take back.
        const empty = earnedOf(ctx, run(ctx, [], p1));
        const earned = plusQ(earnedOf(ctx, s1), timesQ(empty, ratio(-1n, 1n)));
        const inFirst = toEpochMilliseconds(reversal.creditedAt) < toEpochMilliseconds(p1.end);
        const both = [original, reversal];
        const s = inFirst ? run(ctx, both, p1, { invoices }) : run(ctx, both, p2, { invoices, history: [s1] });
        const clawed = exactOf(s.lines.filter((l) => l.kind === "clawback" && l.creditIds[0] === reversal.creditId));
        const expected = timesQ(earned, ratio(BigInt(reversal.amount.amount), BigInt(original.amount.amount)));
        if (!equalQ(clawed, expected)) {
          violated(
            "clawbackCancels",
            `${reversal.creditId} (${reversal.amount.amount} of ${original.amount.amount}) clawed back ${showQ(clawed)}; the original earned ${showQ(earned)}, so ${showQ(expected)} was expected`,
          );
        }
      },
    ),
    ctx.params,
  );
}

/** @internal Each statement's total is within the declared rounding tolerance of its exact total, which is the sum of its lines' exact amounts. */
export function roundingLaw(ctx: LawContext): void {
  const [p1, p2] = ctx.periods;
  fc.assert(
    fc.property(creditsIn(ctx, p1, "a"), creditsIn(ctx, p2, "b"), paidMask, (first, second, paid) => {
      const all = [...first, ...second];
      const invoices = invoicesFor(all, paid);
      const s1 = run(ctx, all, p1, { invoices });
      const s2 = run(ctx, all, p2, { invoices, history: [s1] });
      for (const s of [s1, s2]) {
        const exact = exactOf(s.lines);
        if (!equalQ(exact, fractionOf(s.exactTotalFraction)))
          violated(
            "roundingConserves",
            `${s.periodId}: exactTotal ${s.exactTotalFraction} is not the sum of the lines, ${showQ(exact)}`,
          );
        const diff = BigInt(s.total.amount) * exact.denominator - exact.numerator;
        const twice = BigInt(Math.round(roundingTolerance(s).minorUnits * 2));
        if ((diff < 0n ? -diff : diff) * 2n > twice * exact.denominator) {
          violated(
            "roundingConserves",
            `${s.periodId}: total ${s.total.amount} is more than ${roundingTolerance(s).minorUnits} minor units from the exact ${showQ(exact)}`,
          );
        }
      }
    }),
    ctx.params,
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** @internal Calculating twice gives the same statement, for an open period and after a closed one. */
export function idempotentLaw(ctx: LawContext): void {
  const [p1, p2] = ctx.periods;
  fc.assert(
    fc.property(creditsIn(ctx, p1, "a"), creditsIn(ctx, p2, "b"), paidMask, (first, second, paid) => {
      const all = [...first, ...second];
      const invoices = invoicesFor(all, paid);
      const s1 = run(ctx, all, p1, { invoices });
      if (!same(s1, run(ctx, all, p1, { invoices }))) violated("idempotent", `${p1.id} differs when calculated again`);
      const s2 = run(ctx, all, p2, { invoices, history: [s1] });
      if (!same(s2, run(ctx, all, p2, { invoices, history: [s1] })))
        violated("idempotent", `${p2.id} differs when calculated again`);
    }),
    ctx.params,
  );
}

/** @internal The statement does not depend on the order the credits are given in. */
export function orderLaw(ctx: LawContext): void {
  const [p1, p2] = ctx.periods;
  const arb = fc.tuple(creditsIn(ctx, p1, "a"), creditsIn(ctx, p2, "b")).chain(([a, b]) => {
    const all = [...a, ...b];
    return fc.tuple(
      fc.constant(all),
      fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
      paidMask,
    );
  });
  fc.assert(
    fc.property(arb, ([all, shuffled, paid]) => {
      const invoices = invoicesFor(all, paid);
      for (const p of [p1, p2]) {
        if (!same(run(ctx, all, p, { invoices }), run(ctx, shuffled, p, { invoices }))) {
          violated(
            "orderIndependent",
            `${p.id} changes when the credits are reordered: ${shuffled.map((c) => c.creditId).join(", ")}`,
          );
        }
      }
    }),
    ctx.params,
  );
}

/** @internal A closed statement never changes; late credits and corrections post deltas that settle it exactly. */
export function closedPeriodLaw(ctx: LawContext): void {
  const [p1, p2] = ctx.periods;
  fc.assert(
    fc.property(
      creditsIn(ctx, p1, "a", 1),
      creditsIn(ctx, p1, "late-"),
      creditsIn(ctx, p2, "b"),
      paidMask,
      (early, late, second, paid) => {
        const all = [...early, ...late, ...second];
        const invoices = invoicesFor(all, paid);
        const closed = run(ctx, early, p1, { invoices: invoicesFor(early, paid) });
        const snapshot = JSON.stringify(closed);
        const next = run(ctx, all, p2, { invoices, history: [closed], versions: ctx.correction });
        if (JSON.stringify(closed) !== snapshot)
          violated("closedPeriodImmutable", `${p1.id} changed after ${p2.id} was calculated`);
        try {
          run(ctx, all, p1, { invoices, history: [closed], versions: ctx.correction });
          violated("closedPeriodImmutable", `${p1.id} was recalculated although it is closed`);
        } catch (error) {
          if (!isDomainRuleError(error) || error.rule !== "period_closed") throw error;
        }
        const now = run(ctx, all, p1, { invoices, versions: ctx.correction });
        const adjusted = next.lines.filter((l) => l.adjustsPeriodId === p1.id).reduce((s, l) => s + l.amount.amount, 0);
        if (closed.total.amount + adjusted !== now.total.amount) {
          violated(
            "closedPeriodImmutable",
            `${p1.id} paid ${closed.total.amount} + adjustments ${adjusted}, but recalculated now it is ${now.total.amount}`,
          );
        }
      },
    ),
    ctx.params,
  );
}
