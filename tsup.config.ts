import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    testing: "src/testing.ts",
    sqlite: "src/sqlite.ts",
    postgres: "src/postgres.ts",
    nats: "src/nats.ts",
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
