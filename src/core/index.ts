// The kernel, as one import for the domain areas: `import { … } from "../core/index.ts"`.
export * from "./decider/index.ts";
export * from "./errors/index.ts";
export * from "./eventStore/index.ts";
export * from "./events/index.ts";
export * from "./money/index.ts";
export * from "./periods/index.ts";
export * from "./projections/index.ts";
export * from "./runtime/index.ts";
export * from "./privacy/index.ts";
