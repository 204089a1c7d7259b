import { defineConfig, type Options } from "tsup";

const library: Options = {
  entry: {
    index: "src/index.ts",
    testing: "src/testing.ts",
    sqlite: "src/sqlite.ts",
    postgres: "src/postgres.ts",
    nats: "src/nats.ts",
    team: "src/team/index.ts",
    goals: "src/goals/index.ts",
    assignments: "src/assignments/index.ts",
    market: "src/market/index.ts",
    customers: "src/customers/index.ts",
    deals: "src/deals/index.ts",
    orders: "src/orders/index.ts",
    credit: "src/credit/index.ts",
    analytics: "src/analytics/index.ts",
    incentives: "src/incentives/index.ts",
    appraisals: "src/appraisals/index.ts",
    coaching: "src/coaching/index.ts",
    training: "src/training/index.ts",
    sales: "src/sales/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  // `npm run build` empties dist/ first; two builds run side by side, so neither may clean.
  clean: false,
  target: "node20",
  // nanoid ships only ESM: inlining it keeps `require("salesfold")` working without require(esm).
  noExternal: ["nanoid"],
  esbuildOptions(options) {
    // Inline nanoid's Web Crypto build, not its `node:crypto` one, so the core runs in browsers and edge runtimes.
    options.conditions = ["browser"];
  },
};

export default defineConfig([
  library,
  {
    // The `salesfold` command: ESM only, with a shebang, next to the library entries.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: ["nanoid"],
    esbuildOptions: library.esbuildOptions,
  },
]);
