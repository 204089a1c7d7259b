// salesfold/incentives: plans as data and the pure payout engine.
export * from "./engine/index.ts";
export * from "./plan/index.ts";
