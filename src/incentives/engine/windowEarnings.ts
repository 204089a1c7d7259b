import { type Period, periodById, prorate, type Ratio, ValidationError } from "../../core/index.ts";
import type { Component, PlanDefinition } from "../plan/index.ts";
import { needsQuota } from "../plan/index.ts";
import { add, bpsQ, div, isZero, lt, mul, rq, sumQ, ZERO } from "./_rational.ts";
import { creditsIn, type EngineContext, type IndexedCredit, periodNumber, windowOf } from "./context.ts";
import { contribution, type EngineCredit, isEligible, isReversal, measureBase } from "./measures.ts";
import { evaluateTable, type RateTableResult } from "./rateTable.ts";

/** A credit counted in a component's measure, with its exact contribution. */
export interface Counted {
  readonly ic: IndexedCredit;
  readonly value: Ratio;
}

/** A component's window-to-date figures at the end of a period, before any line is made. */
export interface WindowEarnings {
  readonly window: Period;
  readonly quota: Ratio | undefined;
  readonly counted: readonly Counted[];
  readonly clawbacks: readonly IndexedCredit[];
  readonly measure: Ratio;
  /** The table's value: the measure, or attainment in basis points. */
  readonly x: Ratio;
  /** Cumulative: one result; per transaction: one per counted credit. */
  readonly results: readonly { readonly credits: readonly Counted[]; readonly result: RateTableResult }[];
  readonly payout: Ratio;
  readonly attainmentBps: Ratio | undefined;
  readonly gated: boolean;
}

/** The original of a reversal, when the reversal is clawed back rather than counted. */
export function originalOf(ctx: EngineContext, plan: PlanDefinition, ic: IndexedCredit): EngineCredit | undefined {
  const c = ic.credit;
  if (!isReversal(c)) return undefined;
  const original = ctx.byId.get(c.reversesCreditId as string);
  if (original === undefined && plan.clawback !== undefined) {
    throw new ValidationError(ctx.api, [
      {
        code: "unknown_reversed_credit",
        path: ["inputs", "credits", ic.index, "reversesCreditId"],
        message: `credit ${c.creditId} reverses ${c.reversesCreditId}, which is not among the inputs' credits`,
      },
    ]);
  }
  return original?.credit;
}

/** The quota of a component for a window, prorated and ramped; undefined when the component needs none. */
export function quotaFor(
  ctx: EngineContext,
  plan: PlanDefinition,
  component: Component,
  window: Period,
  period: Period,
  required = needsQuota(component),
): Ratio | undefined {
  const amount = ctx.quotas.get(`${component.id}@${window.id}`);
  if (amount === undefined) {
    if (!required) return undefined;
    throw new ValidationError(ctx.api, [
      {
        code: "quota_missing",
        path: ["inputs", "quotas"],
        message: `component ${component.id} needs a quota for ${window.id}`,
      },
    ]);
  }
  let q = rq(amount);
  const p = ctx.inputs.participation;
  if (plan.proration?.quota && p !== undefined) {
    const { days, periodDays } = prorate(window, {
      ...(p.from && { from: p.from }),
      ...(p.through && { through: p.through }),
    });
    q = mul(q, rq(days, periodDays));
  }
  if (component.ramp !== undefined && p?.from !== undefined) {
    const n = periodNumber(ctx, period, hireMs(ctx));
    const step = component.ramp.find((r) => r.periodNumber === n);
    if (step !== undefined) q = mul(q, bpsQ(step.quotaBps));
  }
  return q;
}

/** The instant participation starts (midnight of `participation.from` in the plan's zone). */
function hireMs(ctx: EngineContext): number {
  const from = ctx.inputs.participation?.from as string;
  return Date.parse(periodById(ctx.calendar, from).start);
}

/**
 * A component's window-to-date earnings at the end of `period`: counted credits, measure, table result and gate.
 * Reversals are set apart as clawbacks when the plan has a clawback policy (they never change the measure).
 */
export function windowEarnings(
  ctx: EngineContext,
  plan: PlanDefinition,
  component: Component,
  period: Period,
): WindowEarnings {
  const key = `we|${plan.version}|${component.id}|${period.id}`;
  const cached = ctx.memo.get(key) as WindowEarnings | undefined;
  if (cached !== undefined) return cached;
  const window = windowOf(ctx, component.accumulation, period);
  const quota = quotaFor(ctx, plan, component, window, period);
  const base = measureBase(component);
  const counted: Counted[] = [];
  const clawbacks: IndexedCredit[] = [];
  for (const ic of creditsIn(ctx, Date.parse(window.start), Date.parse(period.end))) {
    const original = originalOf(ctx, plan, ic);
    if (original !== undefined && plan.clawback !== undefined) {
      if (ic.ms >= Date.parse(period.start)) clawbacks.push(ic);
      continue;
    }
    if (!isEligible(component, ic.credit, original)) continue;
    counted.push({ ic, value: contribution(ic.credit, base, original, ic.index) });
  }
  const measure = sumQ(counted.map((c) => c.value));
  const usable = !(needsQuota(component) && (quota === undefined || isZero(quota)));
  const attainmentBps = quota !== undefined && !isZero(quota) ? div(mul(measure, rq(10_000)), quota) : undefined;
  let results: WindowEarnings["results"] = [];
  let x = measure;
  if (usable && component.evaluation === "cumulative") {
    const attainment = component.measure.kind === "attainment";
    x = attainment ? (attainmentBps as Ratio) : measure;
    const baseFactor = attainment ? mul(quota as Ratio, rq(1, 10_000)) : rq(1);
    const breaks = (component.accelerators ?? []).map((a) => ({
      at: attainment ? rq(a.fromAttainmentBps) : mul(quota as Ratio, bpsQ(a.fromAttainmentBps)),
      multiplierBps: a.multiplierBps,
    }));
    results = [{ credits: counted, result: evaluateTable(component, x, baseFactor, breaks) }];
  } else if (usable) {
    results = counted.map((c) => ({ credits: [c], result: evaluateTable(component, c.value, rq(1), []) }));
  }
  const gated =
    component.gate !== undefined &&
    (attainmentBps === undefined || lt(attainmentBps, rq(component.gate.minAttainmentBps)));
  const payout = results.reduce((s, r) => add(s, r.result.payout), ZERO);
  const out: WindowEarnings = { window, quota, counted, clawbacks, measure, x, results, payout, attainmentBps, gated };
  ctx.memo.set(key, out);
  return out;
}
