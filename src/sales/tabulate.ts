import type { Money } from "../core/index.ts";

/**
 * One cell of a report row: text, a number, a flag, a missing value, or money (formatted by the printer).
 *
 * @example
 * ```ts
 * const cell: ReportCell = { amount: 12_500_00, currency: "USD" };
 * ```
 */
export type ReportCell = string | number | boolean | null | Money;

/**
 * A row of a report: cells by column name.
 *
 * @example
 * ```ts
 * const row: ReportRow = { repId: "rep-ana", attainment: "104.20%" };
 * ```
 */
export type ReportRow = Readonly<Record<string, ReportCell>>;

/**
 * A titled table of a report.
 *
 * @example
 * ```ts
 * const section: ReportSection = { title: "pipeline by stage", rows: [{ stage: "proposal", deals: 2 }] };
 * ```
 */
export interface ReportSection {
  readonly title: string;
  readonly rows: readonly ReportRow[];
}

/**
 * Tells whether a value is a money amount: exactly an integer `amount` and a three-letter `currency`.
 *
 * @param value - Anything.
 * @returns `true` for `{ amount, currency }`.
 * @example
 * ```ts
 * isMoneyCell({ amount: 100, currency: "USD" }); // true
 * ```
 */
export function isMoneyCell(value: unknown): value is Money {
  if (typeof value !== "object" || value === null) return false;
  const keys = Object.keys(value);
  const v = value as { amount?: unknown; currency?: unknown };
  return (
    keys.length === 2 &&
    Number.isSafeInteger(v.amount) &&
    typeof v.currency === "string" &&
    /^[A-Z]{3}$/.test(v.currency)
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !isMoneyCell(v);

const CURRENCY = /^[A-Z]{3}$/;
/** Integer fields that hold minor units when their object names a `currency` (orders, pipeline deals, credits). */
const MONEY_FIELDS = new Set([
  "amount",
  "placed",
  "cancelled",
  "refunded",
  "net",
  "margin",
  "revenue",
  "overlay",
  "reversed",
  "weighted",
  "total",
]);

function flatten(
  value: unknown,
  prefix: string,
  out: Record<string, ReportCell>,
  depth: number,
  inCurrency?: string,
): void {
  if (value === undefined) return;
  if (isRecord(value)) {
    const entries = Object.entries(value);
    // { USD: 1200, EUR: 300 }: amounts by currency.
    if (entries.length > 0 && entries.every(([k, v]) => CURRENCY.test(k) && Number.isSafeInteger(v))) {
      for (const [k, v] of entries) out[prefix === "" ? k : `${prefix}.${k}`] = { amount: v as number, currency: k };
      return;
    }
    const currency = typeof value.currency === "string" && CURRENCY.test(value.currency) ? value.currency : inCurrency;
    if (currency !== undefined && depth < 4) {
      for (const [k, v] of entries) {
        const key = prefix === "" ? k : `${prefix}.${k}`;
        if (MONEY_FIELDS.has(k) && Number.isSafeInteger(v)) out[key] = { amount: v as number, currency };
        else if (k !== "currency") flatten(v, key, out, depth + 1, currency);
      }
      return;
    }
  }
  if (value === null || typeof value !== "object" || isMoneyCell(value)) {
    out[prefix === "" ? "value" : prefix] = value as ReportCell;
  } else if (Array.isArray(value)) {
    const simple = value.every((x) => x === null || typeof x !== "object");
    out[prefix === "" ? "value" : prefix] =
      simple && value.length <= 10 ? value.join("; ") : `[${value.length} item${value.length === 1 ? "" : "s"}]`;
  } else if (depth >= 4) {
    out[prefix === "" ? "value" : prefix] = `{${Object.keys(value).length} keys}`;
  } else {
    for (const [k, v] of Object.entries(value)) {
      flatten(v, prefix === "" ? k : `${prefix}.${k}`, out, depth + 1, CURRENCY.test(k) ? k : undefined);
    }
  }
}

/**
 * Turns any projection state into report sections, for projections without a dedicated view: each top-level
 * record of records becomes a section with one row per entry (its key, then its fields flattened to dotted
 * columns, four levels deep; `{ USD: 120 }` and integer
 * amounts beside a `currency` field become money); the other top-level fields form a `summary` section. Money stays money; arrays of
 * up to ten plain values are joined, longer or nested ones show their length.
 *
 * @param state - A projection state: plain objects, arrays and JSON values.
 * @returns The sections, in the state's key order.
 * @example
 * ```ts
 * tabulate({ deals: { "d-1": { stage: "proposal", amount: { amount: 100, currency: "USD" } } }, total: 1 });
 * // [{ title: "deals", rows: [{ key: "d-1", stage: "proposal", amount: {…} }] }, { title: "summary", rows: [{ total: 1 }] }]
 * ```
 */
export function tabulate(state: unknown): ReportSection[] {
  if (!isRecord(state)) {
    const row: Record<string, ReportCell> = {};
    flatten(state, "", row, 0);
    return [{ title: "state", rows: [row] }];
  }
  const sections: ReportSection[] = [];
  const summary: Record<string, ReportCell> = {};
  for (const [key, value] of Object.entries(state)) {
    if (isRecord(value) && Object.values(value).length > 0 && Object.values(value).every(isRecord)) {
      const rows = Object.entries(value).map(([k, v]) => {
        const row: Record<string, ReportCell> = { key: k };
        flatten(v, "", row, 1);
        return row;
      });
      sections.push({ title: key, rows });
    } else if (isRecord(value) && Object.keys(value).length === 0) {
      sections.push({ title: key, rows: [] });
    } else {
      flatten(value, key, summary, 1);
    }
  }
  if (Object.keys(summary).length > 0) sections.push({ title: "summary", rows: [summary] });
  return sections;
}
