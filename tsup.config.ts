import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", testing: "src/testing.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  // nanoid ships only ESM: inlining it keeps `require("salesfold")` working without require(esm).
  noExternal: ["nanoid"],
});
