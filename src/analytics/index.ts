// Analytics: read models over customers, deals, orders and credit for trends, product popularity and buying behaviour.
export {
  type ActivityFigures,
  type ActivityOutcomeState,
  activityRatios,
  createActivityOutcomeProjection,
} from "./projections/activityOutcome.ts";
export {
  type Customer360,
  type Customer360State,
  csatBps,
  customer360,
  customer360Of,
  npsBps,
} from "./projections/customer360.ts";
export {
  forecastByPeriod,
  type PipelineDeal,
  type PipelineState,
  type PipelineTotals,
  pipeline,
} from "./projections/pipeline.ts";
export {
  createProductMixProjection,
  type ProductFigures,
  type ProductMixState,
  productTrend,
  topProducts,
} from "./projections/productMix.ts";
export { type RfmOrder, type RfmScore, type RfmSegment, type RfmState, rfm, rfmSegments } from "./projections/rfm.ts";
export { type CycleTotals, cycleSummary, type SalesCycleState, salesCycle } from "./projections/salesCycle.ts";
export {
  type CompetitorRecord,
  type OutcomeTotals,
  type WinLossState,
  winLoss,
  winRateBps,
} from "./projections/winLoss.ts";
export {
  type AnalyticsSourceEvent,
  analyticsSourceEvents,
  type BucketOptions,
  ratioBps,
} from "./sources.ts";
