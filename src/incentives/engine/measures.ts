import { type Ratio, ValidationError } from "../../core/index.ts";
import type { Component } from "../plan/index.ts";
import { bpsQ, div, mul, rq, ZERO } from "./_rational.ts";
import { type Breakpoint, evaluateTable, type RateTableResult } from "./rateTable.ts";

/** A credit as the engine reads it (the data of a `SalesCreditAssigned` event). */
export interface EngineCredit {
  readonly creditId: string;
  readonly repId: string;
  readonly customerId: string;
  readonly source: {
    readonly kind: "deal" | "order" | "refund" | "cancellation";
    readonly id: string;
    readonly lineId?: string | undefined;
  };
  readonly productId?: string | undefined;
  readonly splitType: "revenue" | "overlay";
  readonly shareBps: number;
  readonly amount: { readonly amount: number; readonly currency: string };
  readonly margin?: { readonly amount: number; readonly currency: string } | undefined;
  readonly units?: number | undefined;
  readonly creditedAt: string;
  readonly reversesCreditId?: string | undefined;
}

/** The base quantity a component measures (attainment measures the same quantity against a quota). */
export type MeasureBase = "revenue" | "margin" | "units" | "deal_count";

/**
 * The quantity a component measures.
 *
 * @param component - A component.
 * @returns `revenue`, `margin`, `units` or `deal_count`.
 * @example
 * ```ts
 * measureBase({ ...component, measure: { kind: "attainment", of: "margin" } }); // "margin"
 * ```
 */
export function measureBase(component: Component): MeasureBase {
  return component.measure.kind === "attainment" ? component.measure.of : component.measure.kind;
}

/** Tells whether a reversal credit reverses another credit. */
export const isReversal = (c: EngineCredit) =>
  (c.source.kind === "refund" || c.source.kind === "cancellation") && c.reversesCreditId !== undefined;

/**
 * The credit's contribution to a measure base, exactly. A reversal whose original is known contributes the original's
 * contribution scaled by `reversal.amount / original.amount`, so a cancelled deal takes its share of a deal back.
 */
export function contribution(
  c: EngineCredit,
  base: MeasureBase,
  original: EngineCredit | undefined,
  index: number,
): Ratio {
  if (original !== undefined && isReversal(c)) {
    if (original.amount.amount === 0) return ZERO;
    return mul(contribution(original, base, undefined, index), rq(c.amount.amount, original.amount.amount));
  }
  switch (base) {
    case "revenue":
      return rq(c.amount.amount);
    case "margin":
      if (c.margin === undefined) missing("margin", c, index);
      return rq(c.margin.amount);
    case "units":
      if (c.units === undefined) missing("units", c, index);
      return rq(c.units);
    case "deal_count":
      return c.source.kind === "deal" ? rq(c.shareBps, 10_000) : ZERO;
  }
}

function missing(field: "margin" | "units", c: EngineCredit, index: number): never {
  throw new ValidationError("calculate", [
    {
      code: `${field}_missing`,
      path: ["inputs", "credits", index, field],
      message: `credit ${c.creditId} has no ${field}, but a component measures ${field}`,
    },
  ]);
}

/** Tells whether a credit counts for a component (product and split-type filters; a reversal inherits its original's product). */
export function isEligible(component: Component, c: EngineCredit, original: EngineCredit | undefined): boolean {
  const f = component.filter;
  if (f === undefined) return true;
  const productId = c.productId ?? original?.productId;
  if (f.productIds !== undefined && (productId === undefined || !f.productIds.includes(productId))) return false;
  if (f.splitTypes !== undefined && !f.splitTypes.includes(c.splitType)) return false;
  return true;
}

/**
 * How a component's table sees a measure: the value in the table's unit (attainment in basis points), the minor units
 * of money per table unit, and the accelerator breakpoints in the table's unit.
 */
export function tableView(component: Component, measure: Ratio, quota: Ratio | undefined) {
  const attainment = component.measure.kind === "attainment";
  if (attainment && quota === undefined) throw new Error("tableView: an attainment measure needs a quota");
  const x = attainment ? div(mul(measure, rq(10_000)), quota as Ratio) : measure;
  const baseFactor = attainment ? mul(quota as Ratio, rq(1, 10_000)) : rq(1);
  const breaks: Breakpoint[] = (component.accelerators ?? []).map((a) => ({
    at: attainment ? rq(a.fromAttainmentBps) : mul(quota ?? ZERO, bpsQ(a.fromAttainmentBps)),
    multiplierBps: a.multiplierBps,
  }));
  return { x, baseFactor, breaks };
}

/**
 * Evaluates a component's rate table on a window-to-date measure, exactly, as `calculate` does before gates, caps
 * and rounding. Useful to test a plan's curve on its own (continuity, monotonicity).
 *
 * @param component - A component of a validated plan.
 * @param measure - The measure in its base unit (minor units for revenue and margin, units, deals).
 * @param options - `quota`, in the same unit, for attainment measures and accelerators.
 * @returns The tier reached, the slices and the exact payout in minor units.
 * @throws {@link ValidationError} (api `evaluateRateTable`) when the component needs a quota and none is given.
 * @example
 * ```ts
 * evaluateRateTable(component, ratio(1_500_000, 1)).payout; // { numerator: 20000n, denominator: 1n } at 1% then 2%
 * ```
 */
export function evaluateRateTable(
  component: Component,
  measure: Ratio,
  options: { quota?: number } = {},
): RateTableResult {
  const needs = component.measure.kind === "attainment" || component.accelerators !== undefined;
  if (needs && (options.quota === undefined || options.quota <= 0)) {
    throw new ValidationError("evaluateRateTable", [
      {
        code: "quota_missing",
        path: ["options", "quota"],
        message: `component ${component.id} needs a positive quota`,
      },
    ]);
  }
  const view = tableView(
    component,
    rq(measure.numerator, measure.denominator),
    needs ? rq(options.quota as number) : undefined,
  );
  return evaluateTable(component, view.x, view.baseFactor, view.breaks);
}
