import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

// What each example must print, so an example that runs but does the wrong thing fails too.
const expectations: Record<string, RegExp[]> = {
  "dealDomain.ts": [],
  "customAdapter.ts": [/# pass 21\b/, /# fail 0\b/],
  "testingDecider.ts": [/# pass 5\b/, /# fail 0\b/],
  "quickstart.ts": [
    /refused: deal_not_open/,
    /rep-ana\s+open\s+USD 12,500\.00\s+won\s+USD 48,000\.00/,
    /rep-bo .*lost\s+USD 30,000\.00/,
  ],
};

describe("examples", () => {
  const files = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".ts"));

  it("has an expectation for every example", () => {
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
  });

  for (const file of files) {
    it(`${file} runs and prints what it should`, () => {
      const out = execFileSync(tsx, [join("examples", file)], { cwd: root, encoding: "utf8", timeout: 60_000 });
      for (const pattern of expectations[file] ?? []) expect(out).toMatch(pattern);
    });
  }
});
