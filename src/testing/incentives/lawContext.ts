import type fc from "fast-check";
import { type Period, periodById, periodContaining, type Ratio, ratio } from "../../core/index.ts";
import {
  type CalculationInputs,
  calculate,
  needsQuota,
  type PlanDefinition,
  type PlanVersions,
  planCalendar,
  type Statement,
} from "../../incentives/index.ts";
import { arbIncentiveCredits, type IncentiveCredit, planPeriods } from "./creditArbitraries.ts";
import { KIT_PRODUCTS } from "./planArbitraries.ts";

/** @internal What every law reads: the plan, two consecutive periods, quotas and credit arbitraries for them. */
export interface LawContext {
  readonly plan: PlanDefinition;
  readonly versions: PlanVersions;
  readonly correction: PlanVersions;
  readonly periods: readonly [Period, Period];
  readonly quotas: NonNullable<CalculationInputs["quotas"]>;
  readonly repId: string;
  readonly maxAmount: number;
  readonly interesting: readonly number[];
  readonly products: readonly string[];
  readonly params: fc.Parameters<unknown>;
}

/** @internal The base unit a component's quota is in. */
const baseOf = (c: PlanDefinition["components"][number]) =>
  c.measure.kind === "attainment" ? c.measure.of : c.measure.kind;

/** @internal Builds the context of a law run, from options `incentiveLaws` has validated against the plan. */
export function lawContext(
  versions: PlanVersions,
  options: {
    readonly quotas?: CalculationInputs["quotas"];
    readonly quota?: Readonly<Record<string, number>>;
    readonly periods?: readonly [string, string];
    readonly correction?: PlanDefinition;
    readonly maxAmount?: number;
    readonly numRuns?: number;
    readonly seed?: number;
  },
): LawContext {
  const list = Array.isArray(versions) ? versions : [versions as PlanDefinition];
  const plan = list[0] as PlanDefinition;
  const calendar = planCalendar(plan);
  const [p1, p2] = options.periods
    ? (options.periods.map((id) => periodById(calendar, id)) as [Period, Period])
    : (planPeriods(plan, 2) as [Period, Period]);
  const moneyBounds = plan.components
    .filter((c) => c.measure.kind === "revenue" || c.measure.kind === "margin")
    .flatMap((c) => c.tiers.flatMap((t) => [t.from, t.to ?? 0]));
  const maxAmount = options.maxAmount ?? Math.max(200_000, Math.ceil(Math.max(0, ...moneyBounds) / 3));
  const defaultQuota = (c: PlanDefinition["components"][number]) =>
    options.quota?.[c.id] ?? { revenue: 3 * maxAmount, margin: 2 * maxAmount, units: 40, deal_count: 4 }[baseOf(c)];
  const bonusComponents = new Set((plan.bonuses ?? []).flatMap((b) => (b.kind === "goal" ? [b.componentId] : [])));
  const quotas =
    options.quotas ??
    plan.components
      .filter((c) => needsQuota(c) || bonusComponents.has(c.id))
      .flatMap((c) => {
        const ids = new Set(
          [p1, p2].map((p) =>
            c.accumulation === undefined ? p.id : periodContaining(calendar, c.accumulation, p.startDate).id,
          ),
        );
        return [...ids].map((periodId) => ({ componentId: c.id, periodId, amount: defaultQuota(c) }));
      });
  const quotaOf = (id: string) => quotas.find((q) => q.componentId === id)?.amount;
  const interesting = plan.components.flatMap((c) => {
    const q = quotaOf(c.id);
    const money = baseOf(c) === "revenue" || baseOf(c) === "margin";
    if (c.measure.kind === "attainment")
      return money && q !== undefined
        ? c.tiers.filter((t) => t.from > 0).map((t) => Math.round((t.from * q) / 10_000))
        : [];
    const bounds = money ? c.tiers.filter((t) => t.from > 0).flatMap((t) => [t.from - 1, t.from, t.from + 1]) : [];
    const accel =
      q === undefined ? [] : (c.accelerators ?? []).map((a) => Math.round((a.fromAttainmentBps * q) / 10_000));
    return [...bounds, ...accel];
  });
  const products = [
    ...new Set([
      ...plan.components.flatMap((c) => c.filter?.productIds ?? []),
      ...(plan.spiffs ?? []).flatMap((s) => s.productIds ?? []),
      ...KIT_PRODUCTS,
    ]),
  ];
  return {
    plan,
    versions,
    correction: options.correction ? [...list, options.correction] : versions,
    periods: [p1, p2],
    quotas,
    repId: "law-rep",
    maxAmount,
    interesting: interesting.filter((a) => a > 0),
    products,
    params: { numRuns: options.numRuns ?? 100, ...(options.seed !== undefined && { seed: options.seed }) },
  };
}

/** @internal Credits for the law rep dated in one of the periods. */
export function creditsIn(
  ctx: LawContext,
  period: Period,
  prefix: string,
  minLength = 0,
  maxLength = 6,
): fc.Arbitrary<IncentiveCredit[]> {
  return arbIncentiveCredits({
    repId: ctx.repId,
    currency: ctx.plan.currency,
    from: period.start,
    to: period.end,
    maxAmount: ctx.maxAmount,
    interestingAmounts: ctx.interesting,
    productIds: ctx.products,
    idPrefix: prefix,
    minLength,
    maxLength,
  });
}

/** @internal Invoice statuses: each credit's invoice paid when it is credited, or not yet. */
export function invoicesFor(
  credits: readonly IncentiveCredit[],
  paid: readonly boolean[] | "all",
): NonNullable<CalculationInputs["invoices"]> {
  return credits
    .filter((c) => c.reversesCreditId === undefined)
    .map((c, i) => ({
      sourceId: c.source.id,
      paidAt: paid === "all" || paid[i % Math.max(1, paid.length)] ? c.creditedAt : null,
    }));
}

/** @internal Calculates a period for the law rep. */
export function run(
  ctx: LawContext,
  credits: readonly IncentiveCredit[],
  period: Period,
  extra: { history?: Statement[]; invoices?: CalculationInputs["invoices"]; versions?: PlanVersions } = {},
): Statement {
  return calculate(
    extra.versions ?? ctx.versions,
    {
      repId: ctx.repId,
      credits: [...credits],
      quotas: ctx.quotas,
      history: extra.history ?? [],
      ...(extra.invoices && { invoices: extra.invoices }),
    },
    period.id,
  );
}

/** @internal Parses `n/d`. */
export const fractionOf = (s: string): Ratio => {
  const [n, d] = s.split("/");
  return ratio(BigInt(n as string), BigInt(d as string));
};

/** @internal Exact sums and comparisons. */
export const plusQ = (a: Ratio, b: Ratio): Ratio =>
  ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
export const timesQ = (a: Ratio, b: Ratio): Ratio => ratio(a.numerator * b.numerator, a.denominator * b.denominator);
export const equalQ = (a: Ratio, b: Ratio): boolean => a.numerator * b.denominator === b.numerator * a.denominator;
export const showQ = (a: Ratio): string => `${a.numerator}/${a.denominator}`;

/** @internal Parses an exact decimal string (terminating) into a ratio. */
export function decimalQ(s: string): Ratio {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (m === null) throw new Error(`incentiveLaws: ${s} is not a terminating decimal`);
  const frac = m[3] ?? "";
  const n = BigInt(`${m[2]}${frac}`) * (m[1] === "-" ? -1n : 1n);
  return ratio(n, 10n ** BigInt(frac.length));
}

/** @internal Fails a law with a message that names it. */
export function violated(law: string, message: string): never {
  throw new Error(`incentive law "${law}" violated: ${message}`);
}
