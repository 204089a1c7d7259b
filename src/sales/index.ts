// The registry of the whole sales domain: one catalog, every command schema, the built-in projections and
// reports, the JSON Schema catalogue, and the custom-analytics helpers (bucketing, composition).
export { type Bucketing, type BucketingOptions, bucketing } from "./bucketing.ts";
export { type SalesDeciderName, salesCommands } from "./commands.ts";
export {
  type ComposedHandlers,
  type ComposedProjectionDefinition,
  type ComposedState,
  composeProjections,
  type StateOf,
} from "./composeProjections.ts";
export { type SalesEvent, salesEvents } from "./events.ts";
export { incentiveStatementsView, payoutHistoryView, recognitionView } from "./incentiveReports.ts";
export { type JsonSchemaValue, type SchemaIndexEntry, salesJsonSchemas } from "./jsonSchemas.ts";
export { actionItemsView, appraisalScorecardsView, trainingStatusView } from "./peopleReports.ts";
export {
  projectionOf,
  type SalesProjectionEntry,
  type SalesProjectionName,
  salesProjections,
} from "./projections.ts";
export {
  dealBoardView,
  goalAttainmentView,
  pipelineView,
  type ReportContext,
  repCreditsView,
} from "./reports.ts";
export { isMoneyCell, type ReportCell, type ReportRow, type ReportSection, tabulate } from "./tabulate.ts";
