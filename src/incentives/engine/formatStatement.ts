import { formatMoney, money, type RoundingMode } from "../../core/index.ts";
import type { Statement } from "./statement.ts";

/**
 * Renders a statement as plain text: a header, one row per line (kind, amount, explanation, and the exact amount and
 * rounding when rounding changed it), the total, and the balances carried forward.
 *
 * @param statement - A statement from `calculate`.
 * @returns A multi-line string, stable for snapshots.
 * @example
 * ```ts
 * console.log(formatStatement(calculate(plan, inputs, "2026-01")));
 * ```
 */
export function formatStatement(statement: Statement): string {
  const cur = statement.currency;
  const m = (n: number) => formatMoney(money(n, cur));
  const rows = statement.lines.map((l) => {
    const rounding = l.rounding === "0" ? "" : ` [exact ${l.exact}, rounding ${l.rounding} minor units]`;
    return `  ${l.kind.padEnd(24)} ${m(l.amount.amount).padStart(16)}  ${l.explanation}${rounding}`;
  });
  const carried = statement.balances.buckets
    .filter((b) => b.excess !== 0 || b.shortfall !== 0)
    .map((b) => `${b.bucket}: excess ${m(b.excess)}, shortfall ${m(b.shortfall)}`);
  return [
    `Statement ${statement.repId} ${statement.periodId} (plan ${statement.planId} v${statement.planVersion}, ${statement.roundingMode})`,
    ...rows,
    `  ${"total".padEnd(24)} ${m(statement.total.amount).padStart(16)}  (exact ${statement.exactTotal} minor units)`,
    `  draw balance due ${m(statement.balances.drawBalance)}${carried.length ? `; carried ${carried.join("; ")}` : ""}${statement.balances.held.length ? `; on hold ${m(statement.balances.held.reduce((s, h) => s + h.amount, 0))}` : ""}`,
  ].join("\n");
}

/**
 * The largest difference rounding may make between a statement's total and its exact total: half a minor unit per
 * rounded line for the `half_*` modes, one minor unit per rounded line otherwise. Each line is rounded once, so the
 * drift never compounds across lines or periods (true-up recomputes the window's total every period).
 *
 * @param statement - A statement.
 * @returns The tolerance in minor units, as `{ numerator, denominator }` of a number of minor units.
 * @example
 * ```ts
 * roundingTolerance(statement); // { lines: 3, minorUnits: 1.5 } with half_up
 * ```
 */
export function roundingTolerance(statement: Statement): { readonly lines: number; readonly minorUnits: number } {
  const lines = statement.lines.filter((l) => l.rounding !== "0").length;
  const half = (["half_up", "half_down", "half_even"] as RoundingMode[]).includes(
    statement.roundingMode as RoundingMode,
  );
  return { lines, minorUnits: half ? lines / 2 : lines };
}
