import {
  DomainRuleError,
  nextPeriod,
  type Period,
  type Ratio,
  type RoundingMode,
  ValidationError,
} from "../../core/index.ts";
import type { PlanDefinition } from "../plan/index.ts";
import { moneyText } from "./_format.ts";
import { exactOf, fraction, type LineOut, type LineScope, makeLine, totalOf, withIds } from "./_lines.ts";
import { add, dec, ZERO } from "./_rational.ts";
import { adjustComponent, drawLines } from "./adjustments.ts";
import { type BucketState, componentPeriod } from "./componentLines.ts";
import { type EngineContext, resolvePeriod, versionAt } from "./context.ts";
import { bonusLines, spiffLines } from "./extraLines.ts";
import type { ComponentSummary, HeldAmount, Statement, StatementBalances } from "./statement.ts";

/** The balances a calculation carries from period to period. */
export interface ChainState {
  buckets: Map<string, BucketState>;
  drawBalance: number;
  held: HeldAmount[];
}

/** A period's own result (without prior-period adjustments). */
export interface PeriodResult {
  readonly period: Period;
  readonly plan: PlanDefinition | undefined;
  readonly lines: LineOut[];
  readonly components: ComponentSummary[];
}

/** The state described by opening balances (or an empty one). */
export function stateFrom(opening: StatementBalances | undefined): ChainState {
  return {
    buckets: new Map(
      (opening?.buckets ?? []).map((b) => [
        b.bucket,
        { windowId: b.windowId, earnedInWindow: b.earnedInWindow, excess: b.excess, shortfall: b.shortfall },
      ]),
    ),
    drawBalance: opening?.drawBalance ?? 0,
    held: (opening?.held ?? []).map((h) => ({ ...h, creditIds: [...h.creditIds] })),
  };
}

/** The balances to carry forward, in a deterministic order. */
export function balancesOf(state: ChainState): StatementBalances {
  return {
    drawBalance: state.drawBalance,
    buckets: [...state.buckets]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([bucket, s]) => ({
        bucket,
        excess: s.excess,
        shortfall: s.shortfall,
        ...(s.windowId !== undefined && { windowId: s.windowId }),
        earnedInWindow: s.earnedInWindow,
      })),
    held: state.held.map((h) => ({ ...h, creditIds: [...h.creditIds] })),
  };
}

/** Computes one period's own lines and advances the state. */
export function computePeriod(ctx: EngineContext, period: Period, state: ChainState): PeriodResult {
  const plan = versionAt(ctx, period);
  if (plan === undefined) return { period, plan, lines: [], components: [] };
  const scope: LineScope = { periodId: period.id, currency: ctx.currency, mode: plan.rounding.mode };
  const lines: LineOut[] = [];
  const components: ComponentSummary[] = [];
  for (const comp of plan.components) {
    const bucket = `component:${comp.id}`;
    const st = state.buckets.get(bucket) ?? { earnedInWindow: 0, excess: 0, shortfall: 0 };
    const cp = componentPeriod(ctx, plan, scope, comp, period, st);
    const adjusted = adjustComponent(ctx, plan, scope, comp, period, cp, st, state.held);
    state.buckets.set(bucket, { ...st, windowId: cp.windowId, earnedInWindow: cp.windowTotal });
    lines.push(...cp.lines, ...adjusted);
    components.push(cp.summary);
  }
  lines.push(...spiffLines(ctx, plan, scope, period));
  lines.push(...bonusLines(ctx, plan, scope, period, state.buckets));
  const balance = { value: state.drawBalance };
  lines.push(...drawLines(ctx, plan, scope, period, totalOf(lines, scope.currency), balance));
  state.drawBalance = balance.value;
  return { period, plan, lines, components };
}

function bucketTotals(lines: readonly LineOut[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.bucket, (m.get(l.bucket) ?? 0) + l.amount.amount);
  return m;
}

function bucketName(plan: PlanDefinition | undefined, bucket: string): string {
  const [kind, id] = bucket.split(":");
  const name =
    kind === "component"
      ? plan?.components.find((c) => c.id === id)?.name
      : kind === "spiff"
        ? plan?.spiffs?.find((s) => s.id === id)?.name
        : kind === "bonus"
          ? plan?.bonuses?.find((b) => b.id === id)?.name
          : "Draw";
  return name === undefined ? bucket : `${name} (${bucket})`;
}

/** The closed history as periods, checked: known periods of the plan's kind, unique, before the target. */
function closedHistory(
  ctx: EngineContext,
  target: Period,
): { byId: Map<string, Statement>; first: Period | undefined } {
  const history = ctx.inputs.history ?? [];
  const byId = new Map<string, Statement>();
  let first: Period | undefined;
  history.forEach((s, i) => {
    const p = resolvePeriod(ctx, s.periodId, ["inputs", "history", i, "periodId"]);
    if (byId.has(p.id)) {
      throw new ValidationError(ctx.api, [
        { code: "duplicate_statement", path: ["inputs", "history", i], message: `two closed statements for ${p.id}` },
      ]);
    }
    if (p.id === target.id) {
      throw new DomainRuleError(
        "period_closed",
        `${ctx.api}: ${p.id} is closed; its statement never changes. Calculate a later open period to post adjustments`,
        { periodId: p.id },
      );
    }
    if (p.start > target.start) {
      throw new DomainRuleError(
        "period_before_closed_history",
        `${ctx.api}: ${target.id} precedes the closed period ${p.id}`,
        { periodId: target.id, closed: p.id },
      );
    }
    byId.set(p.id, s);
    if (first === undefined || p.start < first.start) first = p;
  });
  return { byId, first };
}

/**
 * Recalculates every period from the first closed one to the target with today's inputs and plan versions, and posts
 * the difference between each closed period as recalculated and as paid (its own lines plus the adjustments already
 * posted for it) as prior-period adjustment lines in the target. Periods missing from the history count as paid
 * nothing.
 */
export function runCalculation(ctx: EngineContext, target: Period): Statement {
  const { byId, first } = closedHistory(ctx, target);
  const state = stateFrom(ctx.inputs.opening);
  const alreadyAdjusted = new Map<string, number>();
  for (const s of byId.values()) {
    for (const l of s.lines) {
      if (l.kind !== "prior_period_adjustment" || l.adjustsPeriodId === undefined) continue;
      const key = `${l.adjustsPeriodId}|${l.bucket}`;
      alreadyAdjusted.set(key, (alreadyAdjusted.get(key) ?? 0) + l.amount.amount);
    }
  }
  const plan = versionAt(ctx, target);
  if (plan === undefined) {
    throw new DomainRuleError(
      "plan_not_effective",
      `${ctx.api}: no version of plan ${ctx.planId} is effective for ${target.id}`,
      { periodId: target.id },
    );
  }
  const scope: LineScope = { periodId: target.id, currency: ctx.currency, mode: plan.rounding.mode };
  const adjustments: LineOut[] = [];
  let p = first ?? target;
  let own: PeriodResult | undefined;
  for (let guard = 0; guard < 100_000; guard++) {
    const r = computePeriod(ctx, p, state);
    if (p.id === target.id) {
      own = r;
      break;
    }
    const closed = byId.get(p.id);
    const paid = bucketTotals((closed?.lines ?? []).filter((l) => l.kind !== "prior_period_adjustment"));
    const now = bucketTotals(r.lines);
    const buckets = [
      ...new Set([
        ...paid.keys(),
        ...now.keys(),
        ...[...alreadyAdjusted.keys()].filter((k) => k.startsWith(`${p.id}|`)).map((k) => k.slice(p.id.length + 1)),
      ]),
    ].sort();
    for (const bucket of buckets) {
      const before = (paid.get(bucket) ?? 0) + (alreadyAdjusted.get(`${p.id}|${bucket}`) ?? 0);
      const after = now.get(bucket) ?? 0;
      if (after === before) continue;
      const d = after - before;
      adjustments.push(
        makeLine(scope, {
          kind: "prior_period_adjustment",
          bucket,
          ...(bucket.includes(":") && { componentId: bucket.split(":")[1] }),
          adjustsPeriodId: p.id,
          exact: d,
          explanation: `Prior-period adjustment for ${p.id}, ${bucketName(r.plan ?? plan, bucket)}: recalculated now${r.plan ? ` under plan v${r.plan.version}` : ""} at ${moneyText(after, ctx.currency)}, paid ${moneyText(before, ctx.currency)}${closed ? ` (closed statement under plan v${closed.planVersion})` : " (no closed statement)"}: ${d > 0 ? "+" : ""}${moneyText(d, ctx.currency)}. The closed statement is unchanged.`,
        }),
      );
    }
    p = nextPeriod(ctx.calendar, p);
  }
  return toStatement(ctx, plan, own as PeriodResult, adjustments, state);
}

/** Assembles a statement from a period's own lines, its adjustments and the closing state. */
export function toStatement(
  ctx: EngineContext,
  plan: PlanDefinition,
  own: PeriodResult,
  adjustments: LineOut[],
  state: ChainState,
): Statement {
  const lines = withIds([...own.lines, ...adjustments]);
  const exact = lines.reduce<Ratio>((s, l) => add(s, exactOf(l)), ZERO);
  return {
    repId: ctx.inputs.repId,
    planId: plan.planId,
    planVersion: plan.version,
    periodId: own.period.id,
    periodStart: own.period.start,
    periodEnd: own.period.end,
    currency: ctx.currency,
    roundingMode: plan.rounding.mode satisfies RoundingMode,
    lines,
    total: { amount: totalOf(lines, ctx.currency), currency: ctx.currency },
    exactTotal: dec(exact),
    exactTotalFraction: fraction(exact),
    components: own.components,
    balances: balancesOf(state),
  };
}
