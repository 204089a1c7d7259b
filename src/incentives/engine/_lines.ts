// Building statement lines: one rounding per line, in the plan's mode. Internal to the engine.
import { formatExact, type Ratio, type RoundingMode, roundExact } from "../../core/index.ts";
import { dec, rq, ZERO } from "./_rational.ts";
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

/** Rounds a draft's exact amount once and returns the line (without its id). */
export function makeLine(scope: LineScope, d: LineDraft): LineOut {
  const exact = typeof d.exact === "number" ? rq(d.exact) : d.exact;
  const whole = exact.denominator === 1n;
  const { money, adjustment } = whole
    ? { money: { amount: Number(exact.numerator), currency: scope.currency }, adjustment: ZERO }
    : roundExact({ currency: scope.currency, numerator: exact.numerator, denominator: exact.denominator }, scope.mode);
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
    amount: { amount: money.amount, currency: money.currency },
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

/** The sum of the rounded amounts of lines, in minor units. */
export const totalOf = (lines: readonly { amount: { amount: number } }[]): number =>
  lines.reduce((s, l) => s + l.amount.amount, 0);

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
