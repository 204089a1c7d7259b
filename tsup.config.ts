import { defineConfig } from "tsup";

export default defineConfig({
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
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  // nanoid ships only ESM: inlining it keeps `require("salesfold")` working without require(esm).
  noExternal: ["nanoid"],
  esbuildOptions(options) {
    // Inline nanoid's Web Crypto build, not its `node:crypto` one, so the core runs in browsers and edge runtimes.
    options.conditions = ["browser"];
  },
});
