import type { z } from "zod";
import { improvementPlanCommand, reviewCycleCommand } from "../appraisals/index.ts";
import { accountBookCommand, goalTaskCommand } from "../assignments/index.ts";
import { coachingNoteCommand, meetingSeriesCommand, resourceRequestCommand } from "../coaching/index.ts";
import { creditCommand } from "../credit/index.ts";
import { customerCommand, ticketCommand } from "../customers/index.ts";
import { dealCommand } from "../deals/index.ts";
import { goalsCommand } from "../goals/index.ts";
import {
  badgeCommand,
  contestCommand,
  disputeCommand,
  incentivePlanCommand,
  payPeriodCommand,
} from "../incentives/index.ts";
import { marketFeedbackCommand } from "../market/index.ts";
import { orderCommand } from "../orders/index.ts";
import { teamCommand } from "../team/index.ts";
import { developmentPlanCommand, trainingCatalogCommand, trainingRecordCommand } from "../training/index.ts";

/**
 * The command schema of every decider of the sales domain, keyed by the decider's `name` (the name its snapshots and
 * messages use). Each value is the zod discriminated union the command handler validates with. A new area adds one
 * line per decider.
 *
 * @example
 * ```ts
 * import { salesCommands } from "salesfold/sales";
 * salesCommands.deal.safeParse({ type: "WinDeal", data: { dealId: "d-1", closedOn: "2026-07-20" } }).success; // true
 * Object.keys(salesCommands); // ["organization", "goalPlan", "accountBook", …]
 * ```
 */
export const salesCommands = /* @__PURE__ */ Object.freeze({
  organization: teamCommand,
  goalPlan: goalsCommand,
  accountBook: accountBookCommand,
  goalTasks: goalTaskCommand,
  marketFeedback: marketFeedbackCommand,
  customer: customerCommand,
  ticket: ticketCommand,
  deal: dealCommand,
  order: orderCommand,
  credit: creditCommand,
  incentivePlan: incentivePlanCommand,
  payPeriod: payPeriodCommand,
  payoutDispute: disputeCommand,
  badges: badgeCommand,
  contest: contestCommand,
  reviewCycle: reviewCycleCommand,
  improvementPlan: improvementPlanCommand,
  meetingSeries: meetingSeriesCommand,
  coachingNote: coachingNoteCommand,
  resourceRequest: resourceRequestCommand,
  trainingCatalog: trainingCatalogCommand,
  trainingRecord: trainingRecordCommand,
  developmentPlan: developmentPlanCommand,
} satisfies Record<string, z.ZodType>);

/**
 * The name of a decider listed in {@link salesCommands}.
 *
 * @example
 * ```ts
 * const name: SalesDeciderName = "deal";
 * ```
 */
export type SalesDeciderName = keyof typeof salesCommands;
