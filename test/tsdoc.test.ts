import { resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

function exportsWithoutExample(entry: string): { checked: number; missing: string[] } {
  const program = ts.createProgram([resolve(root, entry)], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(resolve(root, entry))!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const missing: string[] = [];
  const exports = checker.getExportsOfModule(moduleSymbol);
  for (const exported of exports) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    const documented = declarations.some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "example"));
    if (!documented) missing.push(exported.name);
  }
  return { checked: exports.length, missing };
}

describe("TSDoc", () => {
  const minimum: Record<string, number> = {
    "src/index.ts": 100,
    "src/testing.ts": 15,
    "src/sqlite.ts": 1,
    "src/postgres.ts": 1,
    "src/nats.ts": 1,
    "src/team/index.ts": 5,
    "src/goals/index.ts": 5,
    "src/assignments/index.ts": 5,
    "src/market/index.ts": 5,
    "src/customers/index.ts": 5,
    "src/deals/index.ts": 5,
    "src/orders/index.ts": 5,
    "src/credit/index.ts": 5,
    "src/analytics/index.ts": 5,
    "src/incentives/index.ts": 5,
    "src/appraisals/index.ts": 5,
    "src/coaching/index.ts": 5,
    "src/training/index.ts": 5,
    "src/sales/index.ts": 5,
  };
  for (const [entry, atLeast] of Object.entries(minimum)) {
    it(`gives every export of ${entry} an @example`, () => {
      const { checked, missing } = exportsWithoutExample(entry);
      expect(checked).toBeGreaterThanOrEqual(atLeast);
      expect(missing).toEqual([]);
    });
  }
});
