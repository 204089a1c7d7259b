// Building statement lines: one rounding per line, in the plan's mode. Internal to the engine.
import {
  formatExact,
  type Money,
  type Ratio,
  type RoundingMode,
  roundExact,
  SalesfoldError,
  sum,
} from "../../core/index.ts";
import { dec, neg, rq, sub, ZERO } from "./_rational.ts";
import type { StatementLine, StatementLineKind } from "./statement.ts";

/** A line before its id is assigned. */
export type LineOut = Omit<StatementLine, "lineId">;

/** What every line of a period shares. */
export interface LineScope {
  readonly periodId: string;
  readonly currency: string;
  readonly mode: RoundingMode;
}

/** The parts of a line a caller states; the amount is given exact and rounded here, once. */
export interface LineDraft {
  readonly kind: StatementLineKind;
  readonly bucket: string;
  readonly componentId?: string | undefined;
  readonly creditIds?: readonly string[];
  readonly tier?: StatementLine["tier"];
  readonly rate?: string;
  readonly multiplierBps?: number;
  readonly basis?: Ratio;
  readonly exact: Ratio | number;
  readonly explanation: string;
  readonly adjustsPeriodId?: string;
  readonly heldUntil?: string;
  readonly payableOn?: string;
}

/** `n/d`, the exact form of a ratio. */
export const fraction = (r: Ratio): string => `${r.numerator}/${r.denominator}`;

const exacts = new WeakMap<object, Ratio>();

/** The exact amount a line was rounded from (remembered for lines made here, parsed for others). */
export function exactOf(line: { exactFraction: string }): Ratio {
  const known = exacts.get(line);
  if (known !== undefined) return known;
  const [n, d] = line.exactFraction.split("/");
  return rq(BigInt(n as string), BigInt(d as string));
}

/** A whole number of minor units as a number, or `arithmetic_overflow` (as `roundExact`) outside the safe range. */
function safeWhole(n: bigint): number {
  const amount = Number(n);
  if (!Number.isSafeInteger(amount) || BigInt(amount) !== n) {
    throw new SalesfoldError(
      "arithmetic_overflow",
      `calculate: the line amount ${n} is outside the safe integer range of minor units (±${Number.MAX_SAFE_INTEGER})`,
    );
  }
  return amount;
}

/** Builds a line from its exact amount, its rounded amount and the rounding applied (rounded − exact). */
function lineOf(scope: LineScope, d: Omit<LineDraft, "exact">, exact: Ratio, amount: number, adjustment: Ratio) {
  const whole = exact.denominator === 1n;
  const line = {
    kind: d.kind,
    bucket: d.bucket,
    periodId: scope.periodId,
    creditIds: d.creditIds === undefined ? [] : [...d.creditIds],
    exact: whole
      ? String(exact.numerator)
      : formatExact({ currency: scope.currency, numerator: exact.numerator, denominator: exact.denominator }),
    exactFraction: `${exact.numerator}/${exact.denominator}`,
    rounding: adjustment.numerator === 0n ? "0" : dec(adjustment),
    amount: { amount, currency: scope.currency },
    explanation: d.explanation,
  } as LineOut & Record<string, unknown>;
  if (d.componentId !== undefined) line.componentId = d.componentId;
  if (d.adjustsPeriodId !== undefined) line.adjustsPeriodId = d.adjustsPeriodId;
  if (d.tier !== undefined) line.tier = d.tier;
  if (d.rate !== undefined) line.rate = d.rate;
  if (d.multiplierBps !== undefined) line.multiplierBps = d.multiplierBps;
  if (d.basis !== undefined) line.basis = dec(d.basis);
  if (d.heldUntil !== undefined) line.heldUntil = d.heldUntil;
  if (d.payableOn !== undefined) line.payableOn = d.payableOn;
  exacts.set(line, exact);
  return line;
}

/** Rounds an exact amount once, in the scope's mode: the whole minor units and the rounding (rounded − exact). */
export function roundOnce(scope: LineScope, exact: Ratio): { readonly amount: number; readonly adjustment: Ratio } {
  if (exact.denominator === 1n) return { amount: safeWhole(exact.numerator), adjustment: ZERO };
  const { money, adjustment } = roundExact(
    { currency: scope.currency, numerator: exact.numerator, denominator: exact.denominator },
    scope.mode,
  );
  return { amount: money.amount, adjustment };
}

/**
 * Rounds a draft's exact amount once and returns the line (without its id).
 *
 * @throws `arithmetic_overflow` (SalesfoldError) when the rounded amount, whole or not, is not a safe integer.
 */
export function makeLine(scope: LineScope, d: LineDraft): LineOut {
  const exact = typeof d.exact === "number" ? rq(d.exact) : d.exact;
  const { amount, adjustment } = roundOnce(scope, exact);
  return lineOf(scope, d, exact, amount, adjustment);
}

/**
 * A line that pays a cumulative figure: `round(toDate) − paid`, where `toDate` is the exact figure to date (≥ 0,
 * rounded once here) and `paid` the whole minor units earlier lines already paid for it. Successive lines therefore
 * always add up to the rounded figure to date, however many there are. The line's exact amount is `toDate − paid`
 * and its rounding `round(toDate) − toDate`. With `deduct`, the line takes the amount back instead (a clawback):
 * `−(round(toDate) − paid)`, so taking back a whole payout in parts returns exactly its rounded amount.
 */
export function makeCumulativeLine(
  scope: LineScope,
  d: Omit<LineDraft, "exact">,
  figure: { readonly toDate: Ratio; readonly paid: number; readonly deduct?: boolean },
): LineOut {
  const { amount: rounded, adjustment } = roundOnce(scope, figure.toDate);
  const exact = sub(figure.toDate, rq(figure.paid));
  const amount = safeWhole(BigInt(rounded) - BigInt(figure.paid));
  return figure.deduct
    ? lineOf(scope, d, neg(exact), amount === 0 ? 0 : -amount, neg(adjustment))
    : lineOf(scope, d, exact, amount, adjustment);
}

/** The sum of the rounded amounts of lines, in minor units of `currency` (core `sum`: checked currency and range). */
export const totalOf = (lines: readonly { readonly amount: Money }[], currency: string): number =>
  sum(
    lines.map((l) => l.amount),
    currency,
  ).amount;

/** Assigns deterministic ids: `<period>:<bucket>:<kind>:<n>`, n counting per bucket and kind. */
export function withIds(lines: readonly LineOut[]): StatementLine[] {
  const seq = new Map<string, number>();
  return lines.map((l) => {
    const key = `${l.adjustsPeriodId ? `${l.adjustsPeriodId}>` : ""}${l.bucket}:${l.kind}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    const out = { lineId: `${l.periodId}:${key}:${n}`, ...l };
    exacts.set(out, exactOf(l));
    return out;
  });
}
