// Wording of statement explanations. Internal to the engine.
import { formatMoney, minorUnits, money, type Ratio } from "../../core/index.ts";
import type { Component, Tier } from "../plan/index.ts";
import { dec, mul, rq } from "./_rational.ts";
import { measureBase } from "./measures.ts";

/** `USD 1,234.56` for whole minor units; `USD 2,199.9996` (every exact digit, `…` if it repeats) otherwise. */
export function moneyText(minor: Ratio | number, currency: string): string {
  const r = typeof minor === "number" ? rq(minor) : minor;
  const negative = r.numerator < 0n;
  const n = negative ? -r.numerator : r.numerator;
  const whole = n / r.denominator;
  if (whole > BigInt(Number.MAX_SAFE_INTEGER))
    return `${negative ? "-" : ""}${currency} ${dec(mul(r, rq(1, 10 ** minorUnits(currency))))}`;
  const head = formatMoney(money(Number(whole), currency));
  const rest = n - whole * r.denominator;
  const digits = rest === 0n ? "" : dec(rq(rest, r.denominator)).slice(2);
  return `${negative ? "-" : ""}${head}${digits && minorUnits(currency) === 0 ? "." : ""}${digits}`;
}

/** `7.5%` from basis points (exact). */
export const pct = (bps: number | Ratio): string =>
  `${dec(typeof bps === "number" ? rq(bps, 100) : mul(bps, rq(1, 100)))}%`;

/** `×1.5` from a multiplier in basis points. */
export const times = (bps: number): string => `×${dec(rq(bps, 10_000))}`;

/** A measure quantity in words: money, units, deals, or attainment. */
export function quantityText(component: Component, value: Ratio, currency: string, asTable = false): string {
  if (asTable && component.measure.kind === "attainment") return pct(value);
  switch (measureBase(component)) {
    case "revenue":
    case "margin":
      return moneyText(value, currency);
    case "units":
      return `${dec(value)} units`;
    case "deal_count":
      return `${dec(value)} deals`;
  }
}

/** A tier bound in words. */
function boundText(component: Component, v: number, currency: string): string {
  return quantityText(component, rq(v), currency, true);
}

/** `Tier 2 [USD 10,000.00, USD 50,000.00)` with its label. */
export function tierText(component: Component, index: number, currency: string): string {
  const t = component.tiers[index] as Tier;
  const range = `[${boundText(component, t.from, currency)}, ${t.to === null ? "∞" : boundText(component, t.to, currency)})`;
  return `Tier ${index + 1}${t.label ? ` "${t.label}"` : ""} ${range}`;
}

/** The tier's terms in words: `2%`, `USD 50.00 per unit`, `USD 2,000.00 across the tier`, `USD 500.00 for reaching it`. */
export function termsText(component: Component, index: number, currency: string): string {
  const t = component.tiers[index] as Tier;
  if (t.rateBps !== undefined) return pct(t.rateBps);
  if (t.amountPerUnit !== undefined) {
    return `${moneyText(t.amountPerUnit, currency)} per ${measureBase(component) === "deal_count" ? "deal" : "unit"}`;
  }
  return component.tierMode === "interpolated"
    ? `${moneyText(t.amount ?? 0, currency)} across the tier`
    : `${moneyText(t.amount ?? 0, currency)} for reaching it`;
}
