// The pure incentive payout engine: calculate, true-up, prior-period adjustments, what-if.
export { calculate, type PlanVersions } from "./calculate.ts";
export { formatStatement, roundingTolerance } from "./formatStatement.ts";
export { type CalculationInputs, calculationInputsSchema, parseCalculationInputs } from "./inputs.ts";
export { evaluateRateTable } from "./measures.ts";
export { type RateTablePiece, type RateTableResult, tierIndexOf } from "./rateTable.ts";
export { incentiveEngineRules, incentiveIssueCodes } from "./rules.ts";
export {
  type ComponentSummary,
  componentSummarySchema,
  type HeldAmount,
  heldAmountSchema,
  type Statement,
  type StatementBalances,
  type StatementLine,
  type StatementLineKind,
  statementBalancesSchema,
  statementLineKindSchema,
  statementLineSchema,
  statementSchema,
} from "./statement.ts";
export { comparePlans, type PlanComparison, type Simulation, simulate } from "./whatIf.ts";
