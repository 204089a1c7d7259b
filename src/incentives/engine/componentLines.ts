import { type Period, periodOf, type Ratio } from "../../core/index.ts";
import type { Component, PlanDefinition } from "../plan/index.ts";
import { moneyText, pct, quantityText, termsText, tierText, times } from "./_format.ts";
import { type LineOut, type LineScope, makeCumulativeLine, makeLine, roundOnce, totalOf } from "./_lines.ts";
import { add, dec, div, isZero, mul, neg, rq, sign, sub, ZERO } from "./_rational.ts";
import { daysBetween, type EngineContext, type IndexedCredit, versionAt } from "./context.ts";
import { contribution, isEligible, isReversal, measureBase } from "./measures.ts";
import type { ComponentSummary } from "./statement.ts";
import { type WindowEarnings, windowEarnings } from "./windowEarnings.ts";

/** The state a bucket carries between periods. */
export interface BucketState {
  windowId?: string | undefined;
  earnedInWindow: number;
  excess: number;
  shortfall: number;
}

/** A component's lines for one period, before caps, floors and holds. */
export interface ComponentPeriod {
  readonly lines: LineOut[];
  readonly windowId: string;
  /** Earnings of the window to date (tier and gate lines, rounded): the next period's "previously earned". */
  readonly windowTotal: number;
  readonly summary: ComponentSummary;
  /** This period's counted credits with positive contributions, for hold attribution. */
  readonly weights: readonly { readonly ic: IndexedCredit; readonly weight: bigint }[];
}

const ids = (cs: readonly { ic: IndexedCredit }[]) => cs.map((c) => c.ic.credit.creditId);

function pieceLines(scope: LineScope, comp: Component, we: WindowEarnings, bucket: string): LineOut[] {
  const lines: LineOut[] = [];
  const { currency } = scope;
  const attainment = comp.measure.kind === "attainment";
  for (const { credits, result } of we.results) {
    const perCredit = comp.evaluation === "per_transaction";
    for (const p of result.pieces) {
      const t = comp.tiers[p.tierIndex] as Component["tiers"][number];
      const width = sub(p.to, p.from);
      const slice = `${quantityText(comp, p.from, currency, true)} to ${quantityText(comp, p.to, currency, true)}`;
      const money = attainment && we.quota !== undefined ? mul(width, mul(we.quota, rq(1, 10_000))) : width;
      const accel =
        p.multiplierBps === 10_000
          ? ""
          : ` ${times(p.multiplierBps)} accelerator above ${quantityText(comp, p.from, currency, true)}`;
      const mode =
        comp.tierMode === "retroactive"
          ? `the rate of the tier reached applies to the whole ${attainment ? "attainment" : "measure"}`
          : comp.tierMode === "marginal"
            ? "this slice is paid at its own tier's rate"
            : "paid in proportion to the share of the tier covered";
      const subject = perCredit
        ? `credit ${credits[0]?.ic.credit.creditId}`
        : `${we.window.id} to date (${credits.length} credit${credits.length === 1 ? "" : "s"})`;
      lines.push(
        makeLine(scope, {
          kind: "tier",
          bucket,
          componentId: comp.id,
          creditIds: ids(credits),
          tier: { index: p.tierIndex, from: t.from, to: t.to, ...(t.label !== undefined && { label: t.label }) },
          rate: termsText(comp, p.tierIndex, currency),
          multiplierBps: p.multiplierBps,
          basis: attainment ? money : width,
          exact: p.payout,
          explanation: `${comp.name}: ${subject}, ${slice} in ${tierText(comp, p.tierIndex, currency)} at ${termsText(comp, p.tierIndex, currency)}${accel} (${comp.tierMode}: ${mode}) = ${moneyText(p.payout, currency)}`,
        }),
      );
    }
  }
  return lines;
}

/** The original credit's share of its period's earnings for a component, exact, and the rate it was earned at. */
function originalPayout(ctx: EngineContext, comp: Component, o: IndexedCredit): { payout: Ratio; rate: string } {
  const key = `orig|${comp.id}|${o.credit.creditId}`;
  const cached = ctx.memo.get(key) as { payout: Ratio; rate: string } | undefined;
  if (cached !== undefined) return cached;
  const po = periodOf(ctx.calendar, ctx.kind, o.ms);
  const plan = versionAt(ctx, po);
  const c = plan?.components.find((x) => x.id === comp.id);
  let out = { payout: ZERO, rate: `no ${comp.id} earnings in ${po.id}` };
  if (plan !== undefined && c !== undefined && isEligible(c, o.credit, undefined)) {
    const we = windowEarnings(ctx, plan, c, po);
    const value = contribution(o.credit, measureBase(c), undefined, o.index);
    if (we.gated) out = { payout: ZERO, rate: `gated in ${po.id}: nothing was earned` };
    else if (c.evaluation === "per_transaction") {
      const own = we.results.find((r) => r.credits[0]?.ic === o);
      const payout = own?.result.payout ?? ZERO;
      out = { payout, rate: `its own payout in ${po.id}, ${moneyText(payout, ctx.currency)}` };
    } else if (!isZero(we.measure)) {
      const avg = div(we.payout, we.measure);
      const payout = mul(avg, value);
      const rate =
        measureBase(c) === "revenue" || measureBase(c) === "margin"
          ? `${pct(mul(avg, rq(10_000)))} (${we.window.id} to ${po.id}: ${moneyText(we.payout, ctx.currency)} on ${quantityText(c, we.measure, ctx.currency)})`
          : `${moneyText(avg, ctx.currency)} per ${measureBase(c) === "units" ? "unit" : "deal"} (${we.window.id} to ${po.id})`;
      out = { payout, rate };
    }
  }
  ctx.memo.set(key, out);
  return out;
}

/** The reversals of a credit among the inputs, in the engine's order (instant, then credit id). */
function reversalsOf(ctx: EngineContext, originalId: string): readonly IndexedCredit[] {
  let index = ctx.memo.get("reversals") as Map<string, IndexedCredit[]> | undefined;
  if (index === undefined) {
    index = new Map();
    for (const ic of ctx.credits) {
      if (!isReversal(ic.credit)) continue;
      const id = ic.credit.reversesCreditId as string;
      const list = index.get(id);
      if (list === undefined) index.set(id, [ic]);
      else list.push(ic);
    }
    ctx.memo.set("reversals", index);
  }
  return index.get(originalId) ?? [];
}

/** `|r|`. */
export const magnitude = (r: Ratio): Ratio => (sign(r) < 0 ? neg(r) : r);

/**
 * What a bucket already clawed back on one original credit before each of its reversals: the exact amount reversed
 * to date (`before`, ≥ 0) and the whole minor units taken (`paid`). `clawedBack(r, plan)` is the exact amount a
 * reversal claws back under the plan version in force in its own period (undefined when it is not clawed back). Each
 * clawback line takes round(amount to date) − taken before, in its period's rounding mode, so what was taken before a
 * reversal is the rounded amount to date at the previous clawed-back one.
 */
export function clawbackHistory(
  ctx: EngineContext,
  o: IndexedCredit,
  bucket: string,
  clawedBack: (r: IndexedCredit, plan: PlanDefinition | undefined) => Ratio | undefined,
): ReadonlyMap<IndexedCredit, { readonly before: Ratio; readonly paid: number }> {
  const key = `claws|${bucket}|${o.credit.creditId}`;
  const cached = ctx.memo.get(key) as Map<IndexedCredit, { before: Ratio; paid: number }> | undefined;
  if (cached !== undefined) return cached;
  const out = new Map<IndexedCredit, { before: Ratio; paid: number }>();
  let before = ZERO;
  let paid = 0;
  for (const r of reversalsOf(ctx, o.credit.creditId)) {
    out.set(r, { before, paid });
    const p = periodOf(ctx.calendar, ctx.kind, r.ms);
    const plan = versionAt(ctx, p);
    const amount = clawedBack(r, plan);
    if (amount === undefined || plan === undefined) continue;
    before = add(before, amount);
    paid = roundOnce({ periodId: p.id, currency: ctx.currency, mode: plan.rounding.mode }, before).amount;
  }
  ctx.memo.set(key, out);
  return out;
}

/**
 * The exact amount a component claws back on a reversal under a plan version (≥ 0: the original credit's payout at
 * its original rate, times the reversed share), or undefined when that version does not claw it back (no policy, no
 * such component, not eligible, or outside the window).
 */
function componentClawback(
  ctx: EngineContext,
  componentId: string,
  r: IndexedCredit,
  o: IndexedCredit,
  plan: PlanDefinition | undefined,
): Ratio | undefined {
  const comp = plan?.components.find((c) => c.id === componentId);
  if (plan?.clawback === undefined || comp === undefined || !isEligible(comp, r.credit, o.credit)) return undefined;
  if (daysBetween(ctx, o.ms, r.ms) > plan.clawback.windowDays) return undefined;
  const { payout } = originalPayout(ctx, comp, o);
  const share = o.credit.amount.amount === 0 ? ZERO : rq(r.credit.amount.amount, o.credit.amount.amount);
  return magnitude(mul(payout, share));
}

/**
 * Lines for the reversals dated in this period: negative lines at the original rates, never positive. Clawbacks are
 * cumulative per original credit: each takes round(payout × share reversed to date) − what earlier reversals of the
 * same credit took, so reversing a credit in any number of parts takes back exactly its rounded payout.
 */
function clawbackLines(
  ctx: EngineContext,
  plan: PlanDefinition,
  scope: LineScope,
  comp: Component,
  we: WindowEarnings,
  bucket: string,
): LineOut[] {
  const lines: LineOut[] = [];
  const windowDays = plan.clawback?.windowDays ?? 0;
  for (const r of we.clawbacks) {
    const o = ctx.byId.get(r.credit.reversesCreditId as string) as IndexedCredit;
    if (!isEligible(comp, r.credit, o.credit)) continue;
    const days = daysBetween(ctx, o.ms, r.ms);
    const what = `${r.credit.source.kind} ${r.credit.creditId} of credit ${o.credit.creditId} (${days} days later)`;
    if (days > windowDays) {
      lines.push(
        makeLine(scope, {
          kind: "clawback_outside_window",
          bucket,
          componentId: comp.id,
          creditIds: [r.credit.creditId, o.credit.creditId],
          exact: 0,
          explanation: `${comp.name}: ${what} is outside the ${windowDays}-day clawback window: not clawed back`,
        }),
      );
      continue;
    }
    const { rate } = originalPayout(ctx, comp, o);
    const own = componentClawback(ctx, comp.id, r, o, plan) ?? ZERO;
    const history = clawbackHistory(ctx, o, bucket, (x, v) => componentClawback(ctx, comp.id, x, o, v));
    const { before, paid } = history.get(r) ?? { before: ZERO, paid: 0 };
    const toDate = add(before, own);
    const earlier =
      paid === 0 && isZero(before)
        ? ""
        : `; ${moneyText(toDate, ctx.currency)} reversed to date at that rate, less ${moneyText(paid, ctx.currency)} already clawed back`;
    lines.push(
      makeCumulativeLine(
        scope,
        {
          kind: "clawback",
          bucket,
          componentId: comp.id,
          creditIds: [r.credit.creditId, o.credit.creditId],
          rate,
          basis: rq(r.credit.amount.amount),
          explanation: `${comp.name}: ${what}, within the ${windowDays}-day window, clawed back at the original rate ${rate}: ${moneyText(neg(own), ctx.currency)}${earlier}`,
        },
        { toDate, paid, deduct: true },
      ),
    );
  }
  return lines;
}

/**
 * A component's own lines for a period: the window-to-date tier slices, the gate, the true-up deduction of what
 * earlier periods of the window earned, and the clawbacks of reversals dated in the period.
 */
export function componentPeriod(
  ctx: EngineContext,
  plan: PlanDefinition,
  scope: LineScope,
  comp: Component,
  period: Period,
  state: BucketState,
): ComponentPeriod {
  const bucket = `component:${comp.id}`;
  const we = windowEarnings(ctx, plan, comp, period);
  const lines = pieceLines(scope, comp, we, bucket);
  const earned = totalOf(lines, scope.currency);
  let windowTotal = earned;
  if (we.gated && earned !== 0) {
    const att = we.attainmentBps === undefined ? "unknown (no quota)" : pct(we.attainmentBps);
    lines.push(
      makeLine(scope, {
        kind: "gate",
        bucket,
        componentId: comp.id,
        creditIds: ids(we.counted),
        exact: -earned,
        explanation: `${comp.name}: attainment ${att} is below the ${pct(comp.gate?.minAttainmentBps ?? 0)} gate: earnings withheld`,
      }),
    );
    windowTotal = 0;
  }
  const previously = state.windowId === we.window.id ? state.earnedInWindow : 0;
  if (previously !== 0) {
    lines.push(
      makeLine(scope, {
        kind: "previously_earned",
        bucket,
        componentId: comp.id,
        exact: -previously,
        explanation: `${comp.name}: less ${moneyText(previously, ctx.currency)} already earned in earlier periods of ${we.window.id} (pay = earnings to date − earned to date)`,
      }),
    );
  }
  lines.push(...clawbackLines(ctx, plan, scope, comp, we, bucket));
  const start = Date.parse(period.start);
  const weights = we.counted
    .filter((c) => c.ic.ms >= start && sign(c.value) > 0)
    .map((c) => ({ ic: c.ic, weight: (c.value.numerator * 10_000n) / c.value.denominator }))
    .filter((w) => w.weight > 0n);
  const summary: ComponentSummary = {
    componentId: comp.id,
    windowId: we.window.id,
    measure: dec(we.measure),
    ...(we.quota !== undefined && { quota: dec(we.quota) }),
    ...(we.attainmentBps !== undefined && { attainmentBps: dec(we.attainmentBps) }),
    tierIndex: we.results.length === 1 || comp.evaluation === "cumulative" ? (we.results[0]?.result.tierIndex ?? 0) : 0,
    earnedInWindow: windowTotal,
  };
  return { lines, windowId: we.window.id, windowTotal, summary, weights };
}
