import { type Period, periodOf, type Ratio, ValidationError } from "../../core/index.ts";
import type { Bonus, PlanDefinition, Spiff } from "../plan/index.ts";
import { moneyText, pct } from "./_format.ts";
import { type LineOut, type LineScope, makeCumulativeLine, makeLine, roundOnce } from "./_lines.ts";
import { add, bpsQ, div, lt, maxQ, minQ, mul, neg, numberQ, plainDecimal, rq, sub, ZERO } from "./_rational.ts";
import { type BucketState, clawbackHistory, magnitude } from "./componentLines.ts";
import {
  creditsIn,
  daysBetween,
  type EngineContext,
  type IndexedCredit,
  participationShare,
  versionAt,
} from "./context.ts";
import type { EngineCredit } from "./measures.ts";
import { originalOf, windowEarnings } from "./windowEarnings.ts";

const windows = new WeakMap<Spiff, [number, number]>();

/** What a SPIFF pays on one credit, exact; undefined when the credit does not qualify. */
function spiffPayout(spiff: Spiff, c: EngineCredit, ms: number): Ratio | undefined {
  let w = windows.get(spiff);
  if (w === undefined) {
    w = [Date.parse(spiff.from), Date.parse(spiff.to)];
    windows.set(spiff, w);
  }
  if (ms < w[0] || ms >= w[1]) return undefined;
  if (spiff.productIds !== undefined && (c.productId === undefined || !spiff.productIds.includes(c.productId)))
    return undefined;
  if (spiff.minCreditAmount !== undefined && c.amount.amount < spiff.minCreditAmount) return undefined;
  if (spiff.payout.kind === "percentage") return mul(rq(c.amount.amount), bpsQ(spiff.payout.rateBps));
  if (c.amount.amount <= 0) return undefined;
  return mul(rq(spiff.payout.amount), rq(Math.min(c.shareBps, 10_000), 10_000));
}

/** SPIFF lines for the credits dated in the period, and clawbacks of SPIFFs paid on reversed credits. */
export function spiffLines(ctx: EngineContext, plan: PlanDefinition, scope: LineScope, period: Period): LineOut[] {
  const lines: LineOut[] = [];
  const credits = creditsIn(ctx, Date.parse(period.start), Date.parse(period.end));
  for (const spiff of plan.spiffs ?? []) {
    const bucket = `spiff:${spiff.id}`;
    for (const ic of credits) {
      const original = originalOf(ctx, plan, ic);
      if (original !== undefined && plan.clawback !== undefined) {
        lines.push(...spiffClawback(ctx, plan, scope, spiff, ic));
        continue;
      }
      const pay = spiffPayout(spiff, ic.credit, ic.ms);
      if (pay === undefined) continue;
      const terms =
        spiff.payout.kind === "fixed"
          ? `${moneyText(spiff.payout.amount, ctx.currency)} per credit × share ${pct(Math.min(ic.credit.shareBps, 10_000))}`
          : `${pct(spiff.payout.rateBps)} of ${moneyText(ic.credit.amount.amount, ctx.currency)}`;
      lines.push(
        makeLine(scope, {
          kind: "spiff",
          bucket,
          componentId: spiff.id,
          creditIds: [ic.credit.creditId],
          rate: terms,
          basis: rq(ic.credit.amount.amount),
          exact: pay,
          explanation: `SPIFF ${spiff.name}: credit ${ic.credit.creditId}${ic.credit.productId ? ` (${ic.credit.productId})` : ""} dated inside the SPIFF window, ${terms} = ${moneyText(pay, ctx.currency)}`,
        }),
      );
    }
  }
  return lines;
}

/** What a SPIFF paid on a credit under the plan version in force in the credit's period; undefined when nothing. */
function spiffPaid(ctx: EngineContext, spiffId: string, o: IndexedCredit): Ratio | undefined {
  const originalPlan = versionAt(ctx, periodOf(ctx.calendar, ctx.kind, o.ms));
  const s = originalPlan?.spiffs?.find((x) => x.id === spiffId);
  return s === undefined ? undefined : spiffPayout(s, o.credit, o.ms);
}

/**
 * The exact amount a SPIFF claws back on a reversal under a plan version (≥ 0: the original SPIFF times the reversed
 * share), or undefined when that version does not claw it back (no policy, no such SPIFF, or outside the window).
 */
function spiffClawbackAmount(
  ctx: EngineContext,
  spiffId: string,
  r: IndexedCredit,
  o: IndexedCredit,
  plan: PlanDefinition | undefined,
): Ratio | undefined {
  if (plan?.clawback === undefined || !plan.spiffs?.some((x) => x.id === spiffId)) return undefined;
  const paid = spiffPaid(ctx, spiffId, o);
  if (paid === undefined || o.credit.amount.amount === 0) return undefined;
  if (daysBetween(ctx, o.ms, r.ms) > plan.clawback.windowDays) return undefined;
  return magnitude(mul(paid, rq(r.credit.amount.amount, o.credit.amount.amount)));
}

/**
 * The clawback of a SPIFF paid on a reversed credit: cumulative per original credit, like component clawbacks, so
 * reversing the credit in any number of parts takes back exactly the rounded SPIFF.
 */
function spiffClawback(
  ctx: EngineContext,
  plan: PlanDefinition,
  scope: LineScope,
  spiff: Spiff,
  r: IndexedCredit,
): LineOut[] {
  const o = ctx.byId.get(r.credit.reversesCreditId as string) as IndexedCredit;
  const paid = spiffPaid(ctx, spiff.id, o);
  if (paid === undefined || o.credit.amount.amount === 0) return [];
  const days = daysBetween(ctx, o.ms, r.ms);
  const bucket = `spiff:${spiff.id}`;
  const windowDays = plan.clawback?.windowDays ?? 0;
  const what = `${r.credit.source.kind} ${r.credit.creditId} of credit ${o.credit.creditId} (${days} days later)`;
  if (days > windowDays) {
    return [
      makeLine(scope, {
        kind: "clawback_outside_window",
        bucket,
        componentId: spiff.id,
        creditIds: [r.credit.creditId, o.credit.creditId],
        exact: 0,
        explanation: `SPIFF ${spiff.name}: ${what} is outside the ${windowDays}-day clawback window: not clawed back`,
      }),
    ];
  }
  const own = spiffClawbackAmount(ctx, spiff.id, r, o, plan) ?? ZERO;
  const history = clawbackHistory(ctx, o, bucket, (x, v) => spiffClawbackAmount(ctx, spiff.id, x, o, v));
  const { before, paid: taken } = history.get(r) ?? { before: ZERO, paid: 0 };
  const toDate = add(before, own);
  const earlier =
    taken === 0 && before.numerator === 0n
      ? ""
      : `; ${moneyText(toDate, ctx.currency)} reversed to date, less ${moneyText(taken, ctx.currency)} already clawed back`;
  return [
    makeCumulativeLine(
      scope,
      {
        kind: "clawback",
        bucket,
        componentId: spiff.id,
        creditIds: [r.credit.creditId, o.credit.creditId],
        rate: `the original SPIFF ${moneyText(paid, ctx.currency)}`,
        basis: rq(r.credit.amount.amount),
        explanation: `SPIFF ${spiff.name}: ${what}, within the ${windowDays}-day window, clawed back in proportion to the original SPIFF of ${moneyText(paid, ctx.currency)}: ${moneyText(neg(own), ctx.currency)}${earlier}`,
      },
      { toDate, paid: taken, deduct: true },
    ),
  ];
}

/** Goal bonuses (trued up per window) and MBO bonuses (per period, from the appraisal score). */
export function bonusLines(
  ctx: EngineContext,
  plan: PlanDefinition,
  scope: LineScope,
  period: Period,
  states: Map<string, BucketState>,
): LineOut[] {
  const lines: LineOut[] = [];
  const share = plan.proration?.fixedAmounts ? participationShare(ctx, period) : rq(1);
  for (const bonus of plan.bonuses ?? []) {
    const bucket = `bonus:${bonus.id}`;
    if (bonus.kind === "goal") {
      const comp = plan.components.find((c) => c.id === bonus.componentId);
      if (comp === undefined) continue;
      const we = windowEarnings(ctx, plan, comp, period);
      const state = states.get(bucket) ?? { earnedInWindow: 0, excess: 0, shortfall: 0 };
      if (we.quota === undefined) {
        throw new ValidationError(ctx.api, [
          {
            code: "quota_missing",
            path: ["inputs", "quotas"],
            message: `bonus ${bonus.id} needs a quota for ${comp.id} in ${we.window.id}`,
          },
        ]);
      }
      const reached = we.attainmentBps !== undefined && !lt(we.attainmentBps, rq(bonus.thresholdBps));
      const full = reached ? mul(rq(bonus.amount), share) : ZERO;
      const rounded = roundOnce(scope, full).amount;
      const previously = state.windowId === we.window.id ? state.earnedInWindow : 0;
      states.set(bucket, { ...state, windowId: we.window.id, earnedInWindow: rounded });
      if (rounded === previously) continue;
      const att = we.attainmentBps === undefined ? "no attainment" : pct(we.attainmentBps);
      // The line pays rounded − previously, so the bonus paid to date is always the rounded amount earned.
      lines.push(
        makeCumulativeLine(
          scope,
          {
            kind: "bonus",
            bucket,
            componentId: bonus.id,
            creditIds: we.counted.map((c) => c.ic.credit.creditId),
            rate: `${moneyText(bonus.amount, ctx.currency)} at ${pct(bonus.thresholdBps)}`,
            explanation: `${bonus.name}: ${comp.name} attainment ${att} in ${we.window.id} to date ${reached ? "reaches" : "is below"} ${pct(bonus.thresholdBps)}: ${moneyText(full, ctx.currency)} earned in the window, less ${moneyText(previously, ctx.currency)} already earned`,
          },
          { toDate: full, paid: previously },
        ),
      );
    } else lines.push(...mboLine(ctx, scope, bonus, period, share));
  }
  return lines;
}

function mboLine(
  ctx: EngineContext,
  scope: LineScope,
  bonus: Extract<Bonus, { kind: "mbo" }>,
  period: Period,
  share: Ratio,
): LineOut[] {
  const score = ctx.mbo.get(`${bonus.id}@${period.id}`);
  if (score === undefined) return [];
  if (score < bonus.scale.min || score > bonus.scale.max) {
    throw new ValidationError(ctx.api, [
      {
        code: "score_out_of_scale",
        path: ["inputs", "mboScores"],
        message: `score ${plainDecimal(score)} for ${bonus.id} is outside ${bonus.scale.min}–${bonus.scale.max}`,
      },
    ]);
  }
  const s = numberQ(score);
  const shown = plainDecimal(score);
  const bucket = `bonus:${bonus.id}`;
  if (bonus.minScore !== undefined && score < bonus.minScore) {
    return [
      makeLine(scope, {
        kind: "mbo",
        bucket,
        componentId: bonus.id,
        exact: 0,
        explanation: `${bonus.name}: score ${shown} is below the ${plainDecimal(bonus.minScore)} minimum: no MBO bonus`,
      }),
    ];
  }
  const fraction = maxQ(ZERO, minQ(rq(1), div(sub(s, rq(bonus.scale.min)), rq(bonus.scale.max - bonus.scale.min))));
  const exact = mul(mul(rq(bonus.targetAmount), fraction), share);
  return [
    makeLine(scope, {
      kind: "mbo",
      bucket,
      componentId: bonus.id,
      rate: `${pct(mul(fraction, rq(10_000)))} of ${moneyText(bonus.targetAmount, ctx.currency)}`,
      exact,
      explanation: `${bonus.name}: appraisal score ${shown} on the ${bonus.scale.min}–${bonus.scale.max} scale pays (${shown} − ${bonus.scale.min}) / (${bonus.scale.max} − ${bonus.scale.min}) of the ${moneyText(bonus.targetAmount, ctx.currency)} target${share.numerator === share.denominator ? "" : `, prorated`} = ${moneyText(exact, ctx.currency)}`,
    }),
  ];
}
