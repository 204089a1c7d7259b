import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

describe("npm run demo (salesfold demo)", () => {
  it("runs the quarter on the embedded store and prints the tables", () => {
    const out = execFileSync(process.execPath, ["dist/cli.js", "demo", "--store", "memory"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(out).toMatch(/q3-company\s+Northwind\s+USD 2,000,000\.00\s+USD 1,644,550\.00\s+82\.22%/);
    expect(out).toMatch(/1\s+rep-eli\s+Eli Novak/);
    expect(out).toMatch(/2026-Q4\s+commit\s+2\s+USD 220,000\.00/);
    expect(out).toMatch(/draw_recovery\s+-USD 1,125\.00/);
    // The weekly meetings: 13 Mondays, 51 items raised by East, 43 completed, 3 cancelled, 5 open, 2 carried.
    expect(out).toMatch(/East\s+east-weekly\s+13\s+51\s+43\s+3\s+5\s+2/);
    expect(out).toMatch(/rep-dee\s+east-09-21-dee\s+2026-09-25\s+5\s+Walk the buyer/);
    // The review cycle: 0.5 × 4.933 + 0.2 × 4 + 0.15 × 4.75 + 0.15 × 4.556 = 4.662; one calibration.
    expect(out).toMatch(/rep-ana\s+Ana Souza\s+4\.933\s+4\.000\s+4\.750\s+4\.556\s+4\.662\s+4\.662/);
    expect(out).toMatch(/rep-gus\s+Gus Lindqvist(\s+\d\.\d{3}){4}\s+1\.967\s+2\.300\s+vp-sales: /);
    expect(out).toMatch(/Stored \d+ events in/);
  });
});
