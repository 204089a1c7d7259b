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
    expect(out).toMatch(/Stored \d+ events in/);
  });
});
