import { formatMoney } from "../index.ts";
import { isMoneyCell, type ReportCell, type ReportSection } from "../sales/index.ts";

/** The output formats of `report`. */
export const FORMATS = ["table", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

const columnsOf = (rows: readonly Readonly<Record<string, ReportCell>>[]): string[] => {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
};

const tableCell = (c: ReportCell | undefined): string =>
  c === undefined || c === null ? "" : isMoneyCell(c) ? formatMoney(c) : String(c);
const rightAligned = (c: ReportCell | undefined) => typeof c === "number" || isMoneyCell(c);

/** Renders sections as aligned text tables, each under its title. Money and numbers are right-aligned. */
export function renderTable(sections: readonly ReportSection[]): string {
  let out = "";
  for (const section of sections) {
    out += `${section.title}\n`;
    if (section.rows.length === 0) {
      out += "  (none)\n\n";
      continue;
    }
    const columns = columnsOf(section.rows);
    const cells = section.rows.map((r) => columns.map((c) => tableCell(r[c])));
    const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
    const right = columns.map((c) => section.rows.some((r) => rightAligned(r[c])));
    const line = (values: string[]) =>
      `  ${values.map((v, i) => (right[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join("  ")}`.trimEnd();
    out += `${line(columns)}\n${line(widths.map((w) => "─".repeat(w)))}\n`;
    for (const row of cells) out += `${line(row)}\n`;
    out += "\n";
  }
  return out;
}

const csvQuote = (text: string) =>
  /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
const csvCell = (c: ReportCell | undefined): string =>
  c === undefined || c === null ? "" : isMoneyCell(c) ? formatMoney(c).replace(/,/g, "") : String(c);

/** Renders sections as one RFC 4180 CSV table: a `section` column, then the union of every section's columns. */
export function renderCsv(sections: readonly ReportSection[]): string {
  const columns = ["section", ...columnsOf(sections.flatMap((s) => s.rows)).filter((c) => c !== "section")];
  let out = `${columns.map(csvQuote).join(",")}\r\n`;
  for (const s of sections) {
    for (const row of s.rows) {
      out += `${columns.map((c) => csvQuote(c === "section" ? s.title : csvCell(row[c]))).join(",")}\r\n`;
    }
  }
  return out;
}
