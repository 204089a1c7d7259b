/**
 * Every period kind, calendar kinds first. Fiscal kinds need a calendar with fiscal settings.
 *
 * @example
 * ```ts
 * PERIOD_KINDS.includes("fiscal_quarter"); // true
 * ```
 */
export const PERIOD_KINDS = Object.freeze([
  "day",
  "week",
  "month",
  "quarter",
  "year",
  "fiscal_year",
  "fiscal_quarter",
  "fiscal_month",
  "fiscal_week",
] as const);

/**
 * A kind of period: a local day, week, calendar month, quarter or year, or a fiscal year, quarter, month or week.
 *
 * @example
 * ```ts
 * const kind: PeriodKind = "fiscal_month";
 * ```
 */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * Tells whether a value is a {@link PeriodKind}.
 *
 * @param value - Anything.
 * @returns `true` for the strings listed in {@link PERIOD_KINDS}.
 * @example
 * ```ts
 * isPeriodKind("quarter"); // true
 * isPeriodKind("fortnight"); // false
 * ```
 */
export function isPeriodKind(value: unknown): value is PeriodKind {
  return typeof value === "string" && (PERIOD_KINDS as readonly string[]).includes(value);
}

/**
 * Tells whether a period kind is fiscal, so needs a calendar with fiscal settings.
 *
 * @param kind - A period kind.
 * @returns `true` for `fiscal_year`, `fiscal_quarter`, `fiscal_month` and `fiscal_week`.
 * @example
 * ```ts
 * isFiscalKind("fiscal_week"); // true
 * isFiscalKind("week"); // false
 * ```
 */
export function isFiscalKind(kind: PeriodKind): boolean {
  return kind.startsWith("fiscal_");
}
