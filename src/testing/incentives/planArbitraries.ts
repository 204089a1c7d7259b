import fc from "fast-check";
import { ROUNDING_MODES, type RoundingMode } from "../../core/index.ts";
import { type Component, definePlan, type PlanDefinition, type TierMode } from "../../incentives/index.ts";

type Tier = Component["tiers"][number];
type Base = "revenue" | "margin" | "units" | "deal_count";

/**
 * Constraints of {@link arbIncentivePlan}. Every feature is on by default except decelerators; switch a feature off
 * to test a law that does not apply to it.
 *
 * @example
 * ```ts
 * const c: IncentivePlanConstraints = { modes: ["marginal"], caps: false, decelerators: false };
 * ```
 */
export interface IncentivePlanConstraints {
  /** Tier modes to draw from (all three by default). */
  readonly modes?: readonly TierMode[];
  /** Measures to draw from: `revenue`, `margin`, `units`, `deal_count`, `attainment` (all by default). */
  readonly measures?: readonly ("revenue" | "margin" | "units" | "deal_count" | "attainment")[];
  /** At most this many components (1–4, default 2). */
  readonly maxComponents?: number;
  /** Caps with and without "pay the excess later" (default true). */
  readonly caps?: boolean;
  /** Floors with and without "recover the shortfall" (default true). */
  readonly floors?: boolean;
  /** Gates (default true). */
  readonly gates?: boolean;
  /** Accelerators (default true). */
  readonly accelerators?: boolean;
  /** Decelerators and retroactive tables that pay less above a bound (default false). */
  readonly decelerators?: boolean;
  /** Quarterly accumulation windows on a monthly plan (default true). */
  readonly quarterly?: boolean;
  /** Per-transaction evaluation (default true). */
  readonly perTransaction?: boolean;
  /** SPIFFs (default true). */
  readonly spiffs?: boolean;
  /** Goal bonuses (default true). */
  readonly bonuses?: boolean;
  /** A draw (default true). */
  readonly draws?: boolean;
  /** A clawback policy (default: sometimes; `true` always, `false` never). */
  readonly clawback?: boolean;
  /** Pay when the invoice is paid (default true). */
  readonly holds?: boolean;
  /** Rounding modes to draw from (all by default). */
  readonly roundingModes?: readonly RoundingMode[];
}

/**
 * The products the arbitrary plans' filters and SPIFFs name; credits from {@link arbIncentiveCredit} use them too.
 *
 * @example
 * ```ts
 * KIT_PRODUCTS; // ["p-core", "p-addon"]
 * ```
 */
export const KIT_PRODUCTS = Object.freeze(["p-core", "p-addon"] as const);

const MAX_BOUND: Record<Base | "attainment", number> = {
  revenue: 400_000,
  margin: 200_000,
  units: 60,
  deal_count: 6,
  attainment: 25_000,
};

function tiersArb(
  mode: TierMode,
  unit: Base | "attainment",
  pay: "rateBps" | "amountPerUnit" | "amount",
  rising: boolean,
) {
  const maxPay = pay === "rateBps" ? 3_000 : pay === "amountPerUnit" ? (unit === "units" ? 20_000 : 200_000) : 300_000;
  return fc
    .uniqueArray(fc.integer({ min: 1, max: MAX_BOUND[unit] }), {
      minLength: mode === "interpolated" ? 1 : 0,
      maxLength: 4,
    })
    .chain((bounds) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      const n = mode === "interpolated" ? sorted.length : sorted.length + 1;
      return fc.array(fc.integer({ min: 0, max: maxPay }), { minLength: n, maxLength: n }).map((raw): Tier[] => {
        const values = rising ? [...raw].sort((a, b) => a - b) : [...raw];
        // A retroactive lump for the first tier would be paid with no credit at all: a guarantee, which plans state
        // as a floor or a draw. The first tier of a lump table pays nothing.
        if (mode === "retroactive" && pay === "amount") values[0] = 0;
        return values.map((v, i) => ({
          from: i === 0 ? 0 : (sorted[i - 1] as number),
          to: i < sorted.length ? (sorted[i] as number) : null,
          [pay]: v,
        }));
      });
    });
}

function componentArb(index: number, c: IncentivePlanConstraints) {
  const measures = c.measures ?? ["revenue", "margin", "units", "deal_count", "attainment"];
  return fc
    .record({
      measure: fc.constantFrom(...measures),
      of: fc.constantFrom<Base>("revenue", "margin", "units", "deal_count"),
      mode: fc.constantFrom(...(c.modes ?? (["retroactive", "marginal", "interpolated"] as const))),
      perTransaction: c.perTransaction === false ? fc.constant(false) : fc.boolean(),
      lump: fc.boolean(),
      boundary: fc.constantFrom("upper" as const, "lower" as const),
      accel: c.accelerators === false ? fc.constant(null) : fc.option(fc.integer({ min: 5_000, max: 20_000 })),
      multiplier: fc.integer({ min: c.decelerators ? 5_000 : 10_000, max: 30_000 }),
      gate: c.gates === false ? fc.constant(null) : fc.option(fc.integer({ min: 1, max: 8_000 }), { freq: 3 }),
      cap:
        c.caps === false
          ? fc.constant(null)
          : fc.option(fc.record({ amount: fc.integer({ min: 0, max: 30_000 }), payExcessLater: fc.boolean() })),
      floor:
        c.floors === false
          ? fc.constant(null)
          : fc.option(fc.record({ amount: fc.integer({ min: 0, max: 5_000 }), recoverShortfall: fc.boolean() }), {
              freq: 4,
            }),
      quarterly: c.quarterly === false ? fc.constant(false) : fc.boolean(),
      products: fc.option(fc.subarray([...KIT_PRODUCTS], { minLength: 1 }), { freq: 3 }),
      splitTypes: fc.option(fc.constantFrom<("revenue" | "overlay")[]>(["revenue"], ["revenue", "overlay"]), {
        freq: 3,
      }),
    })
    .chain((o) => {
      const attainment = o.measure === "attainment";
      const base: Base = attainment ? o.of : (o.measure as Base);
      const money = base === "revenue" || base === "margin";
      // Marginal tables pay rates or amounts per unit; an attainment of a count can only pay lump amounts.
      const mode: TierMode = o.mode === "marginal" && attainment && !money ? "interpolated" : o.mode;
      const pay =
        mode === "interpolated"
          ? "amount"
          : mode === "retroactive" && (o.lump || (attainment && !money))
            ? "amount"
            : money
              ? "rateBps"
              : "amountPerUnit";
      const cumulative = attainment || !o.perTransaction;
      const accelerable = cumulative && !(mode === "retroactive" && pay === "amount");
      return tiersArb(mode, attainment ? "attainment" : base, pay, !c.decelerators || mode !== "retroactive").map(
        (tiers): Component => ({
          id: `c${index}`,
          name: `Component ${index + 1}`,
          measure: attainment ? { kind: "attainment", of: base } : { kind: base },
          ...((o.products !== null || o.splitTypes !== null) && {
            filter: {
              ...(o.products !== null && { productIds: o.products }),
              ...(o.splitTypes !== null && { splitTypes: o.splitTypes }),
            },
          }),
          evaluation: cumulative ? "cumulative" : "per_transaction",
          ...(o.quarterly && { accumulation: "quarter" as const }),
          tierMode: mode,
          boundary: o.boundary,
          tiers,
          ...(o.accel !== null &&
            accelerable && { accelerators: [{ fromAttainmentBps: o.accel, multiplierBps: o.multiplier }] }),
          ...(o.gate !== null && { gate: { minAttainmentBps: o.gate } }),
          ...(o.cap !== null && { cap: o.cap }),
          ...(o.floor !== null && { floor: o.floor }),
        }),
      );
    });
}

/**
 * Monthly incentive plans in USD from January 2026, valid by construction: every generated plan passes `definePlan`.
 * They mix the measures, the three tier modes and both boundary policies, per-transaction and cumulative evaluation,
 * quarterly windows, accelerators, gates, caps and floors (with carry-over), product and split filters, SPIFFs, goal
 * bonuses, draws with recovery, clawback policies, invoice-paid holds and every rounding mode. Tier tables rise, so
 * payout is monotonic, unless `decelerators: true`.
 *
 * @param constraints - Features to leave out or restrict.
 * @returns An arbitrary of validated, frozen plans.
 * @example
 * ```ts
 * fc.assert(fc.property(arbIncentivePlan({ caps: false }), (plan) => incentiveLaws(plan, { numRuns: 20 }).check("monotonic")));
 * ```
 */
export function arbIncentivePlan(constraints: IncentivePlanConstraints = {}): fc.Arbitrary<PlanDefinition> {
  const c = constraints;
  const max = Math.min(4, Math.max(1, c.maxComponents ?? 2));
  const components = fc
    .integer({ min: 1, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => componentArb(i, c))));
  return fc
    .record({
      components,
      timeZone: fc.constantFrom("UTC", "America/New_York", "Asia/Shanghai", "Europe/Paris"),
      rounding: fc.constantFrom(...(c.roundingModes ?? ROUNDING_MODES)),
      spiff:
        c.spiffs === false
          ? fc.constant(null)
          : fc.option(
              fc.record({ fixed: fc.boolean(), value: fc.integer({ min: 1, max: 30_000 }), product: fc.boolean() }),
              { freq: 3 },
            ),
      bonus:
        c.bonuses === false
          ? fc.constant(null)
          : fc.option(
              fc.record({
                threshold: fc.integer({ min: 5_000, max: 15_000 }),
                amount: fc.integer({ min: 1, max: 100_000 }),
              }),
              { freq: 3 },
            ),
      draw:
        c.draws === false
          ? fc.constant(null)
          : fc.option(
              fc.record({
                amount: fc.integer({ min: 1, max: 50_000 }),
                duration: fc.integer({ min: 1, max: 3 }),
                recoverable: fc.boolean(),
                rate: fc.integer({ min: 1, max: 10_000 }),
                from: fc.integer({ min: 1, max: 3 }),
              }),
              { freq: 3 },
            ),
      clawback:
        c.clawback === false
          ? fc.constant(null)
          : c.clawback === true
            ? fc.integer({ min: 0, max: 120 })
            : fc.option(fc.integer({ min: 0, max: 120 })),
      holds: c.holds === false ? fc.constant(false) : fc.boolean(),
    })
    .map(
      (o): PlanDefinition =>
        definePlan({
          planId: "kit-plan",
          version: 1,
          name: "Generated plan",
          currency: "USD",
          effectiveFrom: "2026-01",
          calendar: { timeZone: o.timeZone },
          periodKind: "month",
          rounding: { mode: o.rounding },
          components: o.components,
          ...(o.spiff !== null && {
            spiffs: [
              {
                id: "spiff",
                name: "Launch SPIFF",
                ...(o.spiff.product && { productIds: [KIT_PRODUCTS[1]] }),
                from: "2026-01-01T00:00:00Z",
                to: "2026-03-01T00:00:00Z",
                payout: o.spiff.fixed
                  ? { kind: "fixed" as const, amount: o.spiff.value }
                  : { kind: "percentage" as const, rateBps: Math.min(o.spiff.value, 2_000) },
              },
            ],
          }),
          ...(o.bonus !== null && {
            bonuses: [
              {
                kind: "goal" as const,
                id: "club",
                name: "Club",
                componentId: "c0",
                thresholdBps: o.bonus.threshold,
                amount: o.bonus.amount,
              },
            ],
          }),
          ...(o.draw !== null && {
            draw: {
              amount: o.draw.amount,
              durationPeriods: o.draw.duration,
              recoverable: o.draw.recoverable,
              ...(o.draw.recoverable && { recovery: { fromPeriod: o.draw.from, rateBps: o.draw.rate } }),
            },
          }),
          ...(o.clawback !== null && { clawback: { windowDays: o.clawback } }),
          ...(o.holds && { payment: { payWhen: "invoice_paid" as const } }),
        }),
    );
}
