import {
  createActivityOutcomeProjection,
  createProductMixProjection,
  customer360,
  pipeline,
  rfm,
  salesCycle,
  winLoss,
} from "../analytics/index.ts";
import { createFeedbackFreshnessProjection, improvementPlanBoard, reviewCycles } from "../appraisals/index.ts";
import { accountOwnership, goalTaskTree, lastFollowUps, territoryOwnership } from "../assignments/index.ts";
import { coachingBacklogProjection } from "../coaching/index.ts";
import type { Calendar, PeriodKind, Projection } from "../core/index.ts";
import { repCredits, saleOwnership } from "../credit/index.ts";
import { customerDirectory } from "../customers/index.ts";
import { dealBoard } from "../deals/index.ts";
import { goalBook, goalProgress } from "../goals/index.ts";
import { disputeQueue, incentiveLedger, payoutHistory, recognitionBoard } from "../incentives/index.ts";
import { marketFeedbackByCompetitor, marketFeedbackByTopic } from "../market/index.ts";
import { orderBook } from "../orders/index.ts";
import { teamDirectory } from "../team/index.ts";
import { developmentPlanProgressProjection, trainingComplianceProjection } from "../training/index.ts";
import { incentiveStatementsView, payoutHistoryView, recognitionView } from "./incentiveReports.ts";
import { actionItemsView, appraisalScorecardsView, trainingStatusView } from "./peopleReports.ts";
import { dealBoardView, goalAttainmentView, pipelineView, type ReportContext, repCreditsView } from "./reports.ts";
import type { ReportSection } from "./tabulate.ts";

/**
 * A built-in projection as the `report` command runs it: a summary line, the projection (or, for a bucketed one, a
 * factory taking the report's calendar and bucket kind), and an optional view that shapes its state into tables
 * (without one, the state is tabulated generically). A view that reads `context.period` sets `periods: true`.
 *
 * @example
 * ```ts
 * const entry: SalesProjectionEntry = { summary: "Every order's net amount", projection: orderBook };
 * ```
 */
export interface SalesProjectionEntry<S = any> {
  /** One line for `salesfold report --help`. */
  readonly summary: string;
  /** The projection, or a factory of a bucketed one. */
  readonly projection:
    | Projection<any, S>
    | ((bucketing: { calendar: Calendar; kind: PeriodKind }) => Projection<any, S>);
  /** Shapes the state into report sections. */
  readonly view?: (state: S, context: ReportContext) => ReportSection[];
  /** Whether the view honours `--period`. */
  readonly periods?: boolean;
}

const entry = <S>(e: SalesProjectionEntry<S>): SalesProjectionEntry<S> => Object.freeze(e);

/**
 * The built-in projections of the sales domain by report name: what `salesfold report <name>` runs over a store.
 * A new area adds one line per projection.
 *
 * @example
 * ```ts
 * import { rebuildProjection } from "salesfold";
 * import { salesProjections } from "salesfold/sales";
 * const { projection } = salesProjections.dealBoard;
 * const { state } = await rebuildProjection(store, projection as Projection<any, DealBoardState>);
 * ```
 */
export const salesProjections = /* @__PURE__ */ Object.freeze({
  teamDirectory: entry({ summary: "Members and teams over time", projection: teamDirectory }),
  goalBook: entry({ summary: "Every goal with its target history", projection: goalBook }),
  goalProgress: entry({
    summary: "Goal attainment: target, achieved, attainment and shortage per goal",
    projection: goalProgress,
    view: goalAttainmentView,
    periods: true,
  }),
  accountOwnership: entry({ summary: "Who owns each account, effective-dated", projection: accountOwnership }),
  territoryOwnership: entry({ summary: "Who owns each territory", projection: territoryOwnership }),
  goalTaskTree: entry({ summary: "Goal task trees and their completion", projection: goalTaskTree }),
  lastFollowUps: entry({ summary: "The last interaction per account", projection: lastFollowUps }),
  marketFeedbackByTopic: entry({
    summary: "Market feedback by topic and period",
    projection: ({ calendar, kind }) => marketFeedbackByTopic({ calendar, kind }),
  }),
  marketFeedbackByCompetitor: entry({
    summary: "Market feedback by competitor and period",
    projection: ({ calendar, kind }) => marketFeedbackByCompetitor({ calendar, kind }),
  }),
  customerDirectory: entry({ summary: "Customer profiles", projection: customerDirectory }),
  dealBoard: entry({
    summary: "Every deal with its stage and amount",
    projection: dealBoard,
    view: dealBoardView,
    periods: true,
  }),
  orderBook: entry({ summary: "Every order's placed, refunded and net amounts", projection: orderBook }),
  repCredits: entry({
    summary: "Net revenue and overlay credit per rep (a leaderboard)",
    projection: repCredits,
    view: repCreditsView,
  }),
  saleOwnership: entry({ summary: "The owner facts credit is assigned from", projection: saleOwnership }),
  pipeline: entry({
    summary: "Open pipeline by stage, category and owner; with --period, the forecast of that period",
    projection: pipeline,
    view: pipelineView,
    periods: true,
  }),
  winLoss: entry({ summary: "Won and lost deals, by reason and competitor", projection: winLoss }),
  salesCycle: entry({ summary: "Sales cycle length of closed deals", projection: salesCycle }),
  customer360: entry({
    summary: "Each customer's interactions, deals, purchases and satisfaction",
    projection: customer360,
  }),
  rfm: entry({ summary: "Recency, frequency and monetary value per customer", projection: rfm }),
  activityOutcome: entry({
    summary: "Interactions against outcomes per rep and period",
    projection: ({ calendar, kind }) => createActivityOutcomeProjection({ calendar, period: kind }),
  }),
  productMix: entry({
    summary: "Units, revenue and margin per product and period",
    projection: ({ calendar, kind }) => createProductMixProjection({ calendar, period: kind }),
  }),
  incentiveLedger: entry({
    summary: "Commission statements per plan, rep and period, and each plan's accrued liability",
    projection: incentiveLedger,
    view: incentiveStatementsView,
    periods: true,
  }),
  payoutHistory: entry({
    summary: "Every locked statement paid: own lines, prior-period and manual adjustments",
    projection: payoutHistory,
    view: payoutHistoryView,
  }),
  disputeQueue: entry({ summary: "Payout disputes, open and resolved", projection: disputeQueue }),
  recognitionBoard: entry({
    summary: "Badges awarded and contests with their winners",
    projection: recognitionBoard,
    view: recognitionView,
  }),
  reviewCycles: entry({
    summary: "Appraisal scorecards: weighted KPI scores, calibrations and final scores per review cycle",
    projection: reviewCycles,
    view: appraisalScorecardsView,
  }),
  improvementPlans: entry({
    summary: "Improvement plans with their goals, actions and check-ins",
    projection: improvementPlanBoard,
  }),
  feedbackFreshness: entry({
    summary: "When each rep last received feedback (review, coaching note or 1:1), in the --tz zone",
    projection: ({ calendar }) => createFeedbackFreshnessProjection({ timeZone: calendar.timeZone }),
  }),
  actionItems: entry({
    summary: "Open meeting action items by owner; with --period, those overdue at its end",
    projection: coachingBacklogProjection,
    view: actionItemsView,
    periods: true,
  }),
  trainingStatus: entry({
    summary: "Training completion and certifications per rep; with --period, compliance at its end",
    projection: trainingComplianceProjection,
    view: trainingStatusView,
    periods: true,
  }),
  developmentPlans: entry({
    summary: "Individual development plans, their objectives and reviews",
    projection: developmentPlanProgressProjection,
  }),
} satisfies Record<string, SalesProjectionEntry>);

/**
 * A report name of {@link salesProjections}.
 *
 * @example
 * ```ts
 * const name: SalesProjectionName = "pipeline";
 * ```
 */
export type SalesProjectionName = keyof typeof salesProjections;

/**
 * The projection of an entry of {@link salesProjections}, built for a calendar and bucket kind when it is bucketed.
 *
 * @param entry - A registry entry.
 * @param bucketing - The calendar and period kind of a bucketed projection.
 * @returns The projection.
 * @example
 * ```ts
 * const mix = projectionOf(salesProjections.productMix, { calendar: defineCalendar({ timeZone: "UTC" }), kind: "month" });
 * ```
 */
export function projectionOf<S>(
  entry: SalesProjectionEntry<S>,
  bucketing: { calendar: Calendar; kind: PeriodKind },
): Projection<any, S> {
  return typeof entry.projection === "function" ? entry.projection(bucketing) : entry.projection;
}
