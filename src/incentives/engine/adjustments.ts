import { allocate, calendarDateOf, money, type Period, periodById, type Ratio } from "../../core/index.ts";
import type { Component, PlanDefinition } from "../plan/index.ts";
import { moneyText, pct } from "./_format.ts";
import { type LineOut, type LineScope, makeLine, totalOf } from "./_lines.ts";
import { bpsQ, mul, neg, rq } from "./_rational.ts";
import type { BucketState, ComponentPeriod } from "./componentLines.ts";
import { type EngineContext, participationShare, periodNumber } from "./context.ts";
import type { HeldAmount } from "./statement.ts";

/** Rounds a fixed plan amount prorated by the period's participation (when the plan prorates fixed amounts). */
export function fixedAmount(
  ctx: EngineContext,
  plan: PlanDefinition,
  period: Period,
  amount: number,
  scope: LineScope,
): number {
  if (!plan.proration?.fixedAmounts) return amount;
  return makeLine(scope, {
    kind: "cap",
    bucket: "_",
    exact: mul(rq(amount), participationShare(ctx, period)),
    explanation: "",
  }).amount.amount;
}

/**
 * Applies the component's cap and floor to its period amount, carrying the excess and the shortfall, then withholds
 * what is earned on unpaid invoices and releases earlier holds whose invoice is now paid.
 */
export function adjustComponent(
  ctx: EngineContext,
  plan: PlanDefinition,
  scope: LineScope,
  comp: Component,
  period: Period,
  cp: ComponentPeriod,
  state: BucketState,
  held: HeldAmount[],
): LineOut[] {
  const bucket = `component:${comp.id}`;
  const cur = ctx.currency;
  const lines: LineOut[] = [];
  const add = (
    kind: LineOut["kind"],
    amount: number,
    explanation: string,
    extra: Partial<Parameters<typeof makeLine>[1]> = {},
  ) => lines.push(makeLine(scope, { kind, bucket, componentId: comp.id, exact: amount, explanation, ...extra }));
  let p = totalOf(cp.lines, scope.currency);
  if (comp.cap !== undefined) {
    const cap = fixedAmount(ctx, plan, period, comp.cap.amount, scope);
    if (p > cap) {
      const over = p - cap;
      add(
        "cap",
        -over,
        `${comp.name}: ${moneyText(p, cur)} is above the ${moneyText(cap, cur)} cap for the period: ${moneyText(over, cur)} ${comp.cap.payExcessLater ? "carried forward, paid later when there is room under the cap" : "not paid"}`,
      );
      if (comp.cap.payExcessLater) state.excess += over;
      p = cap;
    } else if (state.excess > 0 && p < cap) {
      const release = Math.min(state.excess, cap - p);
      add(
        "excess_release",
        release,
        `${comp.name}: ${moneyText(release, cur)} of the excess carried from earlier caps, paid now (${moneyText(state.excess - release, cur)} still carried)`,
      );
      state.excess -= release;
      p += release;
    }
  } else if (state.excess > 0) {
    add(
      "excess_release",
      state.excess,
      `${comp.name}: the excess carried from earlier caps, paid now that the component has no cap`,
    );
    p += state.excess;
    state.excess = 0;
  }
  if (comp.floor !== undefined) {
    const floor = fixedAmount(ctx, plan, period, comp.floor.amount, scope);
    if (p < floor) {
      const top = floor - p;
      add(
        "floor",
        top,
        `${comp.name}: ${moneyText(p, cur)} is below the ${moneyText(floor, cur)} floor: ${moneyText(top, cur)} advanced${comp.floor.recoverShortfall ? ", to be recovered from later earnings above the floor" : ", not recovered"}`,
      );
      if (comp.floor.recoverShortfall) state.shortfall += top;
      p = floor;
    } else if (state.shortfall > 0 && p > floor) {
      const rec = Math.min(state.shortfall, p - floor, comp.floor.maxRecoveryPerPeriod ?? Number.MAX_SAFE_INTEGER);
      add(
        "shortfall_recovery",
        -rec,
        `${comp.name}: ${moneyText(rec, cur)} of earlier floor advances recovered from earnings above the floor (${moneyText(state.shortfall - rec, cur)} still to recover)`,
      );
      state.shortfall -= rec;
      p -= rec;
    }
  }
  if (plan.payment?.payWhen === "invoice_paid") lines.push(...holds(ctx, scope, comp, period, cp, p, held));
  return lines;
}

function invoicePaidBy(ctx: EngineContext, sourceId: string, endMs: number): number | undefined {
  const paid = ctx.invoices.get(sourceId);
  return paid !== undefined && paid !== null && paid < endMs ? paid : undefined;
}

function holds(
  ctx: EngineContext,
  scope: LineScope,
  comp: Component,
  period: Period,
  cp: ComponentPeriod,
  payable: number,
  held: HeldAmount[],
): LineOut[] {
  const bucket = `component:${comp.id}`;
  const lines: LineOut[] = [];
  const end = Date.parse(period.end);
  for (let i = 0; i < held.length; i++) {
    const h = held[i] as HeldAmount;
    const paidAt = h.bucket === bucket ? invoicePaidBy(ctx, h.sourceId, end) : undefined;
    if (paidAt === undefined) continue;
    const on = calendarDateOf(paidAt, ctx.calendar.timeZone);
    lines.push(
      makeLine(scope, {
        kind: "hold_release",
        bucket,
        componentId: comp.id,
        creditIds: h.creditIds,
        exact: h.amount,
        payableOn: on,
        explanation: `${comp.name}: ${moneyText(h.amount, ctx.currency)} held in ${h.periodId} released: invoice ${h.sourceId} was paid on ${on}`,
      }),
    );
    held.splice(i--, 1);
  }
  if (payable <= 0 || cp.weights.length === 0) return lines;
  const parts = allocate(
    money(payable, ctx.currency),
    cp.weights.map((w) => w.weight),
  );
  const bySource = new Map<string, { amount: number; creditIds: string[] }>();
  cp.weights.forEach((w, i) => {
    const sourceId = w.ic.credit.source.id;
    if (invoicePaidBy(ctx, sourceId, end) !== undefined) return;
    const entry = bySource.get(sourceId) ?? { amount: 0, creditIds: [] };
    entry.amount += (parts[i] as { amount: number }).amount;
    entry.creditIds.push(w.ic.credit.creditId);
    bySource.set(sourceId, entry);
  });
  for (const [sourceId, e] of [...bySource].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (e.amount === 0) continue;
    lines.push(
      makeLine(scope, {
        kind: "hold",
        bucket,
        componentId: comp.id,
        creditIds: e.creditIds,
        exact: -e.amount,
        heldUntil: `invoice ${sourceId} is paid`,
        explanation: `${comp.name}: ${moneyText(e.amount, ctx.currency)} (this period's share of the credits on ${sourceId}) held until invoice ${sourceId} is paid`,
      }),
    );
    held.push({ bucket, sourceId, creditIds: e.creditIds, amount: e.amount, periodId: period.id });
  }
  return lines;
}

/** The draw: top the period's payout up to the guaranteed minimum, or recover the balance from earnings above it. */
export function drawLines(
  ctx: EngineContext,
  plan: PlanDefinition,
  scope: LineScope,
  period: Period,
  earned: number,
  balance: { value: number },
): LineOut[] {
  const draw = plan.draw;
  if (draw === undefined) return [];
  const cur = ctx.currency;
  const from = ctx.inputs.participation?.from;
  const hired = from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(periodById(ctx.calendar, from).start);
  const startMs = Math.max(ctx.firstPeriodMs, hired);
  const n = periodNumber(ctx, period, startMs);
  const active = n >= 1 && n <= draw.durationPeriods;
  const min = fixedAmount(ctx, plan, period, draw.amount, scope);
  const line = (kind: "draw" | "draw_recovery", exact: Ratio | number, explanation: string) =>
    makeLine(scope, { kind, bucket: "draw", exact, explanation });
  if (active && earned < min) {
    const d = min - earned;
    if (draw.recoverable) balance.value += d;
    return [
      line(
        "draw",
        d,
        `Draw (period ${n} of ${draw.durationPeriods}): earnings ${moneyText(earned, cur)} are below the ${moneyText(min, cur)} guaranteed minimum: ${moneyText(d, cur)} paid${draw.recoverable ? `, added to the balance due (now ${moneyText(balance.value, cur)})` : " (not recoverable)"}`,
      ),
    ];
  }
  const r = draw.recovery;
  if (!draw.recoverable || r === undefined || balance.value <= 0 || n < r.fromPeriod) return [];
  const above = earned - (active ? min : 0);
  if (above <= 0) return [];
  const exact = neg(mul(rq(above), bpsQ(r.rateBps)));
  const limit = Math.min(balance.value, r.maxPerPeriod ?? Number.MAX_SAFE_INTEGER);
  let rec = -line("draw_recovery", exact, "").amount.amount;
  const limited = rec > limit;
  if (limited) rec = limit;
  if (rec <= 0) return [];
  balance.value -= rec;
  return [
    line(
      "draw_recovery",
      limited ? -rec : exact,
      `Draw recovery (period ${n}, from period ${r.fromPeriod}): ${pct(r.rateBps)} of ${moneyText(above, cur)} earned above ${active ? `the ${moneyText(min, cur)} minimum` : "zero (the draw has ended)"}${limited ? `, limited to ${moneyText(rec, cur)}` : ""}: ${moneyText(rec, cur)} recovered, balance due now ${moneyText(balance.value, cur)}`,
    ),
  ];
}
