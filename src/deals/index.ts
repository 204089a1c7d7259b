// The deals area: opportunities through configurable stages, forecast categories, competitors, won and lost.
export { type DealCommand, dealCommand } from "./commands.ts";
export { createDealDecider, type DealState, dealDecider, dealStreamId } from "./dealDecider.ts";
export {
  DealAmountChanged,
  DealCloseDateChanged,
  DealCompetitorAdded,
  DealCompetitorRemoved,
  type DealEvent,
  DealForecastAdjusted,
  DealLost,
  DealOpened,
  DealReassigned,
  DealStageChanged,
  DealWon,
  dealEvents,
} from "./events.ts";
export { type DealBoardState, type DealRow, dealBoard } from "./projections/dealBoard.ts";
export {
  type DealRule,
  dealRules,
  requireCloseDateFor,
  requireCloseNotBeforeOpen,
  requireDealRule,
  requireValidAmount,
} from "./rules.ts";
export {
  type Competitor,
  competitorSchema,
  DEFAULT_DEAL_STAGES,
  type DealStage,
  dealAmountSchema,
  dealCodeSchema,
  dealIdSchema,
  dealStageSchema,
  type ForecastCategory,
  forecastCategorySchema,
  openForecastCategorySchema,
  probabilitySchema,
} from "./values.ts";
