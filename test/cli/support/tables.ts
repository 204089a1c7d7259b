// Reads back the text tables the CLI prints: the rule line under the header gives each column's exact span.

/** The rows of the printed table whose title line starts with `title`, as text cells by column name. */
export function printedTable(text: string, title: string): Record<string, string>[] {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.startsWith(title));
  if (at < 0) throw new Error(`no table titled ${JSON.stringify(title)}`);
  if (lines[at + 1]?.trim() === "(none)") return [];
  const header = lines[at + 1]!;
  const rule = lines[at + 2]!;
  const spans: [number, number][] = [];
  for (const m of rule.matchAll(/─+/g)) spans.push([m.index, m.index + m[0].length]);
  const cells = (line: string) => spans.map(([from, to]) => line.slice(from, to).trim());
  const names = cells(header);
  const rows: Record<string, string>[] = [];
  for (let i = at + 3; i < lines.length && lines[i]!.trim() !== ""; i++) {
    const values = cells(lines[i]!);
    rows.push(Object.fromEntries(names.map((n, j) => [n, values[j]!])));
  }
  return rows;
}

/** A printed score with three decimals (`"4.662"`) as thousandths (`4662`). */
export const milli = (text: string): number => {
  const m = /^(\d+)\.(\d{3})$/.exec(text);
  if (!m) throw new Error(`not a score: ${JSON.stringify(text)}`);
  return Number(m[1]) * 1000 + Number(m[2]);
};

/** A printed percentage with two decimals (`"50.00%"`) as basis points (`5000`). */
export const bps = (text: string): number => {
  const m = /^(\d+)\.(\d{2})%$/.exec(text);
  if (!m) throw new Error(`not a percentage: ${JSON.stringify(text)}`);
  return Number(m[1]) * 100 + Number(m[2]);
};
