import { z } from "zod";
import { calendarDateSchema, isValidationError, moneySchema } from "../core/index.ts";
import { statementSchema } from "./engine/statement.ts";
import { assignmentQuotaSchema, statementAdjustmentSchema } from "./events.ts";
import { definePlan, planDefinitionSchema } from "./plan/planDefinition.ts";
import { badgeAwardSchema, contestSchema, metricEntrySchema } from "./recognition/schemas.ts";

const id = z.string().min(1).max(128);
const periodId = z.string().min(1).max(20);
const reason = z.string().max(1000);

/**
 * A plan definition that passes `definePlan` (shape and semantics: tier gaps and overlaps, ids, windows, calendar),
 * so a command carrying a bad plan is rejected with a `ValidationError` before anything is decided.
 *
 * @example
 * ```ts
 * validPlanSchema.safeParse(planInput).success; // true for a plan definePlan accepts
 * ```
 */
export const validPlanSchema = planDefinitionSchema.superRefine((plan, ctx) => {
  try {
    definePlan(plan);
  } catch (error) {
    if (!isValidationError(error)) throw error;
    for (const issue of error.issues)
      ctx.addIssue({ code: "custom", path: [...issue.path], message: `${issue.code}: ${issue.message}` });
  }
});

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, data: S) =>
  z.strictObject({ type: z.literal(type), data: z.strictObject(data) });

/**
 * Publishes a plan's first version.
 *
 * @example
 * ```ts
 * const c: IncentivePlanCommand = { type: "PublishIncentivePlan", data: { plan } };
 * ```
 */
export const publishIncentivePlanSchema = cmd("PublishIncentivePlan", { plan: validPlanSchema });

/**
 * Publishes a new version of a plan, with the reason.
 *
 * @example
 * ```ts
 * const c: IncentivePlanCommand = { type: "ReviseIncentivePlan", data: { plan: { ...plan, version: 2 }, reason: "Tier 2 rate corrected" } };
 * ```
 */
export const reviseIncentivePlanSchema = cmd("ReviseIncentivePlan", { plan: validPlanSchema, reason });

/**
 * Assigns a rep to the plan from `from` through `through` (inclusive dates), with quotas. The assignment id comes
 * from the context.
 *
 * @example
 * ```ts
 * const c: IncentivePlanCommand = { type: "AssignIncentivePlan", data: { planId: "ae-2026", repId: "rep-ana", from: "2026-01-01", quotas: [] } };
 * ```
 */
export const assignIncentivePlanSchema = cmd("AssignIncentivePlan", {
  planId: id,
  repId: id,
  from: calendarDateSchema,
  through: calendarDateSchema.optional(),
  quotas: z.array(assignmentQuotaSchema).max(1000),
});

/**
 * Ends an assignment on its last day.
 *
 * @example
 * ```ts
 * const c: IncentivePlanCommand = { type: "EndIncentivePlanAssignment", data: { planId: "ae-2026", assignmentId: "as-1", through: "2026-06-30", reason: "leave" } };
 * ```
 */
export const endIncentivePlanAssignmentSchema = cmd("EndIncentivePlanAssignment", {
  planId: id,
  assignmentId: id,
  through: calendarDateSchema,
  reason: z.string().min(1).max(1000),
});

/**
 * The commands of the plan decider.
 *
 * @example
 * ```ts
 * incentivePlanCommand.parse({ type: "PublishIncentivePlan", data: { plan } });
 * ```
 */
export const incentivePlanCommand = z.discriminatedUnion("type", [
  publishIncentivePlanSchema,
  reviseIncentivePlanSchema,
  assignIncentivePlanSchema,
  endIncentivePlanAssignmentSchema,
]);

/**
 * A command of the plan decider.
 *
 * @example
 * ```ts
 * const c: IncentivePlanCommand = { type: "PublishIncentivePlan", data: { plan } };
 * ```
 */
export type IncentivePlanCommand = z.infer<typeof incentivePlanCommand>;

/**
 * Closes a plan's period.
 *
 * @example
 * ```ts
 * const c: PayPeriodCommand = { type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: "2026-01" } };
 * ```
 */
export const closeIncentivePeriodSchema = cmd("CloseIncentivePeriod", { planId: id, periodId });

/**
 * Approves a rep's statement for a closed period at the total the approver saw.
 *
 * @example
 * ```ts
 * const c: PayPeriodCommand = { type: "ApproveIncentiveStatement", data: { planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", total: view.total, approverId: "mgr-kim" } };
 * ```
 */
export const approveIncentiveStatementSchema = cmd("ApproveIncentiveStatement", {
  planId: id,
  periodId,
  repId: id,
  total: moneySchema,
  approverId: id,
});

/**
 * Locks an approved statement, storing it: the engine's statement, the adjustments included and the total.
 *
 * @example
 * ```ts
 * const c: PayPeriodCommand = { type: "LockIncentiveStatement", data: { planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", statement: view.statement, adjustments: view.adjustments, total: view.total } };
 * ```
 */
export const lockIncentiveStatementSchema = cmd("LockIncentiveStatement", {
  planId: id,
  periodId,
  repId: id,
  statement: statementSchema,
  adjustments: z.array(statementAdjustmentSchema).max(10_000),
  total: moneySchema,
});

/**
 * Posts a manual adjustment to a rep's open period. The adjustment id comes from the context.
 *
 * @example
 * ```ts
 * const c: PayPeriodCommand = { type: "PostIncentiveAdjustment", data: { planId: "ae-2026", periodId: "2026-02", repId: "rep-ana", amount: { amount: 25_000, currency: "USD" }, reason: "Missed split", approverId: "mgr-kim" } };
 * ```
 */
export const postIncentiveAdjustmentSchema = cmd("PostIncentiveAdjustment", {
  planId: id,
  periodId,
  repId: id,
  amount: moneySchema,
  reason,
  approverId: id,
});

/**
 * The commands of the pay-period decider (one stream per plan and period).
 *
 * @example
 * ```ts
 * payPeriodCommand.parse({ type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: "2026-01" } });
 * ```
 */
export const payPeriodCommand = z.discriminatedUnion("type", [
  closeIncentivePeriodSchema,
  approveIncentiveStatementSchema,
  lockIncentiveStatementSchema,
  postIncentiveAdjustmentSchema,
]);

/**
 * A command of the pay-period decider.
 *
 * @example
 * ```ts
 * const c: PayPeriodCommand = { type: "CloseIncentivePeriod", data: { planId: "ae-2026", periodId: "2026-01" } };
 * ```
 */
export type PayPeriodCommand = z.infer<typeof payPeriodCommand>;

/**
 * Raises a dispute on a rep's statement (optionally one line).
 *
 * @example
 * ```ts
 * const c: DisputeCommand = { type: "RaisePayoutDispute", data: { disputeId: "dp-1", planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", reason: "Deal d-9 missing" } };
 * ```
 */
export const raisePayoutDisputeSchema = cmd("RaisePayoutDispute", {
  disputeId: id,
  planId: id,
  periodId,
  repId: id,
  lineId: z.string().min(1).max(300).optional(),
  reason: z.string().min(1).max(1000),
});

/**
 * Resolves an open dispute: upheld with an adjustment paid in `payInPeriodId`, or rejected with a zero adjustment.
 *
 * @example
 * ```ts
 * const c: DisputeCommand = { type: "ResolvePayoutDispute", data: { outcome: "upheld", reason: "Credit was late", adjustment: { amount: 12_000, currency: "USD" }, payInPeriodId: "2026-02", resolvedBy: "mgr-kim" } };
 * ```
 */
export const resolvePayoutDisputeSchema = cmd("ResolvePayoutDispute", {
  outcome: z.enum(["upheld", "rejected"]),
  reason,
  adjustment: moneySchema,
  payInPeriodId: periodId,
  resolvedBy: id,
});

/**
 * The commands of the dispute decider (one stream per dispute).
 *
 * @example
 * ```ts
 * disputeCommand.parse({ type: "ResolvePayoutDispute", data: resolution });
 * ```
 */
export const disputeCommand = z.discriminatedUnion("type", [raisePayoutDisputeSchema, resolvePayoutDisputeSchema]);

/**
 * A command of the dispute decider.
 *
 * @example
 * ```ts
 * const c: DisputeCommand = { type: "RaisePayoutDispute", data: { disputeId: "dp-1", planId: "p", periodId: "2026-01", repId: "r", reason: "why" } };
 * ```
 */
export type DisputeCommand = z.infer<typeof disputeCommand>;

/**
 * Awards a badge proposed by `evaluateBadges`. Awarding the same `awardKey` again changes nothing.
 *
 * @example
 * ```ts
 * const c: BadgeCommand = { type: "AwardBadge", data: { award } };
 * ```
 */
export const awardBadgeSchema = cmd("AwardBadge", { award: badgeAwardSchema });

/**
 * The commands of the badge decider (one stream per rep).
 *
 * @example
 * ```ts
 * badgeCommand.parse({ type: "AwardBadge", data: { award } });
 * ```
 */
export const badgeCommand = z.discriminatedUnion("type", [awardBadgeSchema]);

/**
 * A command of the badge decider.
 *
 * @example
 * ```ts
 * const c: BadgeCommand = { type: "AwardBadge", data: { award } };
 * ```
 */
export type BadgeCommand = z.infer<typeof badgeCommand>;

/**
 * Opens a contest.
 *
 * @example
 * ```ts
 * const c: ContestCommand = { type: "OpenContest", data: { contest } };
 * ```
 */
export const openContestSchema = cmd("OpenContest", { contest: contestSchema });

/**
 * Closes a contest with every participant's final value of its metric; the decider ranks them and picks the winners.
 *
 * @example
 * ```ts
 * const c: ContestCommand = { type: "CloseContest", data: { results: [{ repId: "rep-ana", value: 5_200_000 }] } };
 * ```
 */
export const closeContestSchema = cmd("CloseContest", { results: z.array(metricEntrySchema).max(100_000) });

/**
 * The commands of the contest decider (one stream per contest).
 *
 * @example
 * ```ts
 * contestCommand.parse({ type: "OpenContest", data: { contest } });
 * ```
 */
export const contestCommand = z.discriminatedUnion("type", [openContestSchema, closeContestSchema]);

/**
 * A command of the contest decider.
 *
 * @example
 * ```ts
 * const c: ContestCommand = { type: "CloseContest", data: { results: [] } };
 * ```
 */
export type ContestCommand = z.infer<typeof contestCommand>;
