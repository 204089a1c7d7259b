import {
  type Calendar,
  calendarDateOf,
  DomainRuleError,
  isValidationError,
  nextPeriod,
  type Period,
  type PeriodKind,
  periodById,
  periodContaining,
  periodOf,
  prorate,
  type Ratio,
  ValidationError,
} from "../../core/index.ts";
import { effectiveRangeMs, type PlanDefinition, planCalendar } from "../plan/index.ts";
import { ONE, rq } from "./_rational.ts";
import type { parseCalculationInputs } from "./inputs.ts";
import type { EngineCredit } from "./measures.ts";

/** Parsed calculation inputs. */
export type ParsedInputs = ReturnType<typeof parseCalculationInputs>;

/** A credit with its instant and position, sorted by (instant, creditId) so folds never depend on input order. */
export interface IndexedCredit {
  readonly credit: EngineCredit;
  readonly ms: number;
  /** Its index in the caller's `credits`, for error paths. */
  readonly index: number;
}

/** A plan version with its resolved effective range. */
export interface VersionRange {
  readonly plan: PlanDefinition;
  readonly from: number;
  readonly to: number;
}

/** Everything a calculation reads, resolved once: calendar, versions, indexed credits, lookups. */
export interface EngineContext {
  readonly api: string;
  readonly calendar: Calendar;
  readonly kind: PeriodKind;
  readonly currency: string;
  readonly planId: string;
  readonly versions: readonly VersionRange[];
  readonly credits: readonly IndexedCredit[];
  readonly byId: ReadonlyMap<string, IndexedCredit>;
  readonly inputs: ParsedInputs;
  readonly quotas: ReadonlyMap<string, number>;
  readonly invoices: ReadonlyMap<string, number | null>;
  readonly mbo: ReadonlyMap<string, number>;
  readonly firstPeriodMs: number;
  /** Caches keyed by the callers (e.g. original-period payouts for clawbacks). */
  readonly memo: Map<string, unknown>;
}

/**
 * Resolves plan versions and inputs into a context.
 *
 * @throws {@link ValidationError} for incompatible versions, a currency mismatch or a credit in another currency.
 */
export function buildContext(plans: readonly PlanDefinition[], inputs: ParsedInputs, api: string): EngineContext {
  const first = plans[0];
  if (first === undefined)
    throw new ValidationError(api, [{ code: "no_plan", path: ["plan"], message: "give at least one plan version" }]);
  plans.forEach((p, i) => {
    const same =
      p.planId === first.planId &&
      p.currency === first.currency &&
      p.periodKind === first.periodKind &&
      JSON.stringify(p.calendar) === JSON.stringify(first.calendar);
    if (!same) {
      throw new ValidationError(api, [
        {
          code: "plan_versions_incompatible",
          path: ["plan", i],
          message: "versions must share planId, currency, calendar and periodKind",
        },
      ]);
    }
  });
  const calendar = planCalendar(first);
  const versions = plans
    .map((plan) => {
      const [from, to] = effectiveRangeMs(plan, calendar);
      return { plan, from, to };
    })
    .sort((a, b) => b.plan.version - a.plan.version);
  const credits: IndexedCredit[] = inputs.credits.map((credit, index) => {
    if (
      credit.amount.currency !== first.currency ||
      (credit.margin !== undefined && credit.margin.currency !== first.currency)
    ) {
      throw new ValidationError(api, [
        {
          code: "currency_mismatch",
          path: ["inputs", "credits", index, "amount", "currency"],
          message: `credit ${credit.creditId} is not in ${first.currency}`,
        },
      ]);
    }
    return { credit, ms: Date.parse(credit.creditedAt), index };
  });
  credits.sort(
    (a, b) =>
      a.ms - b.ms || (a.credit.creditId < b.credit.creditId ? -1 : a.credit.creditId > b.credit.creditId ? 1 : 0),
  );
  const byId = new Map(credits.map((c) => [c.credit.creditId, c]));
  const quotas = new Map((inputs.quotas ?? []).map((q) => [`${q.componentId}@${q.periodId}`, q.amount]));
  const invoices = new Map(
    (inputs.invoices ?? []).map((v) => [v.sourceId, v.paidAt === null ? null : Date.parse(v.paidAt)]),
  );
  const mbo = new Map((inputs.mboScores ?? []).map((m) => [`${m.bonusId}@${m.periodId}`, m.score]));
  const firstPeriodMs = Math.min(...versions.map((v) => v.from));
  return {
    api,
    calendar,
    kind: first.periodKind,
    currency: first.currency,
    planId: first.planId,
    versions,
    credits,
    byId,
    inputs,
    quotas,
    invoices,
    mbo,
    firstPeriodMs,
    memo: new Map(),
  };
}

/** Resolves a period argument (an id or a Period of the plan's kind). */
export function resolvePeriod(ctx: EngineContext, period: string | Period, path: PropertyKey[]): Period {
  const id = typeof period === "string" ? period : period?.id;
  let p: Period;
  try {
    p = periodById(ctx.calendar, id);
  } catch (error) {
    if (!isValidationError(error)) throw error;
    throw new ValidationError(ctx.api, [
      { code: "invalid_period", path, message: `${String(id)} is not a period id of the plan's calendar` },
    ]);
  }
  if (p.kind !== ctx.kind) {
    throw new ValidationError(ctx.api, [
      { code: "invalid_period", path, message: `${p.id} is a ${p.kind}; the plan calculates per ${ctx.kind}` },
    ]);
  }
  return p;
}

/** The plan version in force for a period: the highest version whose range contains the period's start. */
export function versionAt(ctx: EngineContext, period: Period): PlanDefinition | undefined {
  const start = Date.parse(period.start);
  return ctx.versions.find((v) => v.from <= start && start < v.to)?.plan;
}

/** The accumulation window of a kind that contains a period (the period itself for the plan's own kind). */
export function windowOf(ctx: EngineContext, kind: PeriodKind | undefined, period: Period): Period {
  if (kind === undefined || kind === ctx.kind) return period;
  const w = periodContaining(ctx.calendar, kind, period.startDate);
  if (w.start > period.start || w.end < period.end) {
    throw new DomainRuleError("accumulation_not_aligned", `${ctx.api}: ${period.id} is not inside one ${kind} window`, {
      periodId: period.id,
      window: w.id,
    });
  }
  return w;
}

/** The 1-based number of a period counted from the period containing an instant (0 or less before it). */
export function periodNumber(ctx: EngineContext, period: Period, fromMs: number): number {
  let p = periodOf(ctx.calendar, ctx.kind, fromMs);
  let n = 1;
  if (p.start > period.start) return 0;
  while (p.id !== period.id && n < 10_000) {
    p = nextPeriod(ctx.calendar, p);
    n++;
  }
  return n;
}

/** The participation share of a period (exact days / period days; 1 without participation bounds). */
export function participationShare(ctx: EngineContext, period: Period): Ratio {
  const p = ctx.inputs.participation;
  if (p === undefined || (p.from === undefined && p.through === undefined)) return ONE;
  const { days, periodDays } = prorate(period, {
    ...(p.from && { from: p.from }),
    ...(p.through && { through: p.through }),
  });
  return rq(days, periodDays);
}

/** The calendar days from one instant's local date to another's, in the plan's zone. */
export function daysBetween(ctx: EngineContext, fromMs: number, toMs: number): number {
  const a = Date.parse(`${calendarDateOf(fromMs, ctx.calendar.timeZone)}T00:00:00Z`);
  const b = Date.parse(`${calendarDateOf(toMs, ctx.calendar.timeZone)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** The credits dated in [fromMs, toMs), in deterministic order (binary search on the sorted index). */
export function creditsIn(ctx: EngineContext, fromMs: number, toMs: number): IndexedCredit[] {
  const list = ctx.credits;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as IndexedCredit).ms < fromMs) lo = mid + 1;
    else hi = mid;
  }
  const out: IndexedCredit[] = [];
  for (let i = lo; i < list.length && (list[i] as IndexedCredit).ms < toMs; i++) out.push(list[i] as IndexedCredit);
  return out;
}
