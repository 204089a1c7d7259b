import { z } from "zod";
import {
  calendarDateSchema,
  createEventCatalog,
  defineEvent,
  type EventOf,
  instantSchema,
  moneySchema,
} from "../core/index.ts";
import { SalesCreditAssigned } from "../credit/events.ts";
import { statementSchema } from "./engine/statement.ts";
import { planDefinitionSchema } from "./plan/planDefinition.ts";
import { badgeAwardSchema, contestSchema, prizeSchema } from "./recognition/schemas.ts";

const id = z.string().min(1).max(128);
const periodId = z.string().min(1).max(20);
const reason = z.string().min(1).max(1000);

/**
 * A quota of an assignment: the rep's quota for a component in one accumulation window, in the measure's base unit
 * (minor units for revenue and margin, units, deals).
 *
 * @example
 * ```ts
 * const q: AssignmentQuota = { componentId: "new-business", periodId: "2026-Q1", amount: 12_000_000 };
 * ```
 */
export const assignmentQuotaSchema = z.strictObject({
  componentId: z.string().min(1).max(64),
  periodId,
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

/**
 * An assignment quota (see {@link assignmentQuotaSchema}).
 *
 * @example
 * ```ts
 * const quotas: AssignmentQuota[] = [{ componentId: "nb", periodId: "2026-01", amount: 4_000_000 }];
 * ```
 */
export type AssignmentQuota = z.infer<typeof assignmentQuotaSchema>;

/**
 * An amount added to a statement outside the engine: a manual adjustment or a resolved dispute's adjustment.
 *
 * @example
 * ```ts
 * const a: StatementAdjustment = { adjustmentId: "adj-1", kind: "manual", amount: { amount: 5_000, currency: "USD" }, reason: "SPIFF paid late", periodId: "2026-02" };
 * ```
 */
export const statementAdjustmentSchema = z.strictObject({
  adjustmentId: id,
  kind: z.enum(["manual", "dispute"]),
  amount: moneySchema,
  reason,
  periodId,
});

/**
 * A statement adjustment (see {@link statementAdjustmentSchema}).
 *
 * @example
 * ```ts
 * const total = (adjustments: StatementAdjustment[]) => adjustments.reduce((s, a) => s + a.amount.amount, 0);
 * ```
 */
export type StatementAdjustment = z.infer<typeof statementAdjustmentSchema>;

/**
 * A plan was published: its first version, validated by `definePlan`.
 *
 * @example
 * ```ts
 * const e = { type: "IncentivePlanPublished", data: { plan, publishedAt: "2025-12-15T09:00:00.000Z" } };
 * ```
 */
export const IncentivePlanPublished = /* @__PURE__ */ defineEvent(
  "IncentivePlanPublished",
  z.strictObject({ plan: planDefinitionSchema, publishedAt: instantSchema }),
);

/**
 * A new version of a published plan: a correction (same dates, a higher version) or a change from a later date.
 * Earlier versions stay; closed periods are adjusted in the open period, never rewritten.
 *
 * @example
 * ```ts
 * const e = { type: "IncentivePlanRevised", data: { plan: planV2, reason: "Tier 2 rate was 7%, not 8%", revisedAt: "2026-02-03T09:00:00.000Z" } };
 * ```
 */
export const IncentivePlanRevised = /* @__PURE__ */ defineEvent(
  "IncentivePlanRevised",
  z.strictObject({ plan: planDefinitionSchema, reason, revisedAt: instantSchema }),
);

/**
 * A rep was assigned to a plan from `from` through `through` (inclusive calendar dates in the plan's zone; no
 * `through` is open-ended), with the rep's quotas. The dates are the participation the engine prorates by.
 *
 * @example
 * ```ts
 * const e = { type: "IncentivePlanAssigned", data: { assignmentId: "as-1", planId: "ae-2026", repId: "rep-ana", from: "2026-01-01", quotas: [], assignedAt: "2025-12-20T09:00:00.000Z" } };
 * ```
 */
export const IncentivePlanAssigned = /* @__PURE__ */ defineEvent(
  "IncentivePlanAssigned",
  z.strictObject({
    assignmentId: id,
    planId: id,
    repId: id,
    from: calendarDateSchema,
    through: calendarDateSchema.optional(),
    quotas: z.array(assignmentQuotaSchema).max(1000),
    assignedAt: instantSchema,
  }),
);

/**
 * An assignment ended: the rep's last day on the plan (a leave, a move, a departure).
 *
 * @example
 * ```ts
 * const e = { type: "IncentivePlanAssignmentEnded", data: { assignmentId: "as-1", planId: "ae-2026", repId: "rep-ana", through: "2026-06-30", reason: "moved to partner team", endedAt: "2026-06-20T09:00:00.000Z" } };
 * ```
 */
export const IncentivePlanAssignmentEnded = /* @__PURE__ */ defineEvent(
  "IncentivePlanAssignmentEnded",
  z.strictObject({
    assignmentId: id,
    planId: id,
    repId: id,
    through: calendarDateSchema,
    reason,
    endedAt: instantSchema,
  }),
);

/**
 * A plan's period was closed: its statements can be approved and locked; late credits and corrections now go to
 * the open period as prior-period adjustments.
 *
 * @example
 * ```ts
 * const e = { type: "IncentivePeriodClosed", data: { planId: "ae-2026", periodId: "2026-01", closedAt: "2026-02-03T09:00:00.000Z" } };
 * ```
 */
export const IncentivePeriodClosed = /* @__PURE__ */ defineEvent(
  "IncentivePeriodClosed",
  z.strictObject({ planId: id, periodId, closedAt: instantSchema }),
);

/**
 * A rep's statement for a closed period was approved at `total` (what the approver saw).
 *
 * @example
 * ```ts
 * const e = { type: "IncentiveStatementApproved", data: { planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", total: { amount: 400_000, currency: "USD" }, approverId: "mgr-kim", approvedAt: "2026-02-04T09:00:00.000Z" } };
 * ```
 */
export const IncentiveStatementApproved = /* @__PURE__ */ defineEvent(
  "IncentiveStatementApproved",
  z.strictObject({ planId: id, periodId, repId: id, total: moneySchema, approverId: id, approvedAt: instantSchema }),
);

/**
 * A rep's approved statement was locked. The event stores the engine's statement, the adjustments included and the
 * total paid, so history never depends on a later recalculation.
 *
 * @example
 * ```ts
 * const e = { type: "IncentiveStatementLocked", data: { planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", statement, adjustments: [], total: statement.total, lockedAt: "2026-02-05T09:00:00.000Z" } };
 * ```
 */
export const IncentiveStatementLocked = /* @__PURE__ */ defineEvent(
  "IncentiveStatementLocked",
  z.strictObject({
    planId: id,
    periodId,
    repId: id,
    statement: statementSchema,
    adjustments: z.array(statementAdjustmentSchema).max(10_000),
    total: moneySchema,
    lockedAt: instantSchema,
  }),
);

/**
 * A manual adjustment was posted to a rep's open period: an amount (either sign), the reason and who approved it.
 *
 * @example
 * ```ts
 * const e = { type: "IncentiveAdjustmentPosted", data: { adjustmentId: "adj-1", planId: "ae-2026", periodId: "2026-02", repId: "rep-ana", amount: { amount: 25_000, currency: "USD" }, reason: "Partner deal credited to the wrong rep", approverId: "mgr-kim", postedAt: "2026-02-10T09:00:00.000Z" } };
 * ```
 */
export const IncentiveAdjustmentPosted = /* @__PURE__ */ defineEvent(
  "IncentiveAdjustmentPosted",
  z.strictObject({
    adjustmentId: id,
    planId: id,
    periodId,
    repId: id,
    amount: moneySchema,
    reason,
    approverId: id,
    postedAt: instantSchema,
  }),
);

/**
 * A rep disputed a statement (optionally one line of it).
 *
 * @example
 * ```ts
 * const e = { type: "PayoutDisputeRaised", data: { disputeId: "dp-1", planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", lineId: "2026-01:component:nb:tier:1", reason: "Deal d-9 is missing", raisedAt: "2026-02-06T09:00:00.000Z" } };
 * ```
 */
export const PayoutDisputeRaised = /* @__PURE__ */ defineEvent(
  "PayoutDisputeRaised",
  z.strictObject({
    disputeId: id,
    planId: id,
    periodId,
    repId: id,
    lineId: z.string().min(1).max(300).optional(),
    reason,
    raisedAt: instantSchema,
  }),
);

/**
 * A dispute was resolved: `upheld` with an adjustment paid in `payInPeriodId` (the first open period on or after
 * it), or `rejected` with a zero adjustment; always with the reason.
 *
 * @example
 * ```ts
 * const e = { type: "PayoutDisputeResolved", data: { disputeId: "dp-1", planId: "ae-2026", periodId: "2026-01", repId: "rep-ana", outcome: "upheld", reason: "Credit d-9 was late", adjustment: { amount: 12_000, currency: "USD" }, payInPeriodId: "2026-02", resolvedBy: "mgr-kim", resolvedAt: "2026-02-08T09:00:00.000Z" } };
 * ```
 */
export const PayoutDisputeResolved = /* @__PURE__ */ defineEvent(
  "PayoutDisputeResolved",
  z.strictObject({
    disputeId: id,
    planId: id,
    periodId,
    repId: id,
    outcome: z.enum(["upheld", "rejected"]),
    reason,
    adjustment: moneySchema,
    payInPeriodId: periodId,
    resolvedBy: id,
    resolvedAt: instantSchema,
  }),
);

/**
 * A rep earned a badge at a period's end (see `evaluateBadges`). At most one award per `awardKey`.
 *
 * @example
 * ```ts
 * const e = { type: "BadgeAwarded", data: { ...award, awardedAt: "2026-04-01T08:00:00.000Z" } };
 * ```
 */
export const BadgeAwarded = /* @__PURE__ */ defineEvent(
  "BadgeAwarded",
  z.strictObject({ ...badgeAwardSchema.shape, awardedAt: instantSchema }),
);

/**
 * A contest was opened, with its metric, dates and prizes.
 *
 * @example
 * ```ts
 * const e = { type: "ContestOpened", data: { contest, openedAt: "2026-06-25T09:00:00.000Z" } };
 * ```
 */
export const ContestOpened = /* @__PURE__ */ defineEvent(
  "ContestOpened",
  z.strictObject({ contest: contestSchema, openedAt: instantSchema }),
);

/**
 * A contest was closed after its end: the final standings (ranked by the leaderboard's tie-break) and the winners.
 *
 * @example
 * ```ts
 * const e = { type: "ContestClosed", data: { contestId: "q3-blitz", standings: [{ repId: "rep-ana", value: 10, rank: 1 }], winners: [{ repId: "rep-ana", rank: 1, prize: { label: "Gold" } }], closedAt: "2026-10-01T09:00:00.000Z" } };
 * ```
 */
export const ContestClosed = /* @__PURE__ */ defineEvent(
  "ContestClosed",
  z.strictObject({
    contestId: id,
    standings: z
      .array(z.strictObject({ repId: id, value: z.number().int(), rank: z.number().int().min(1) }))
      .max(100_000),
    winners: z
      .array(
        z.strictObject({
          repId: id,
          rank: z.number().int().min(1),
          prize: prizeSchema,
          reason: z.enum(["rank", "target"]),
        }),
      )
      .max(100_000),
    closedAt: instantSchema,
  }),
);

/**
 * The catalog of the incentives area's own events (credits come from the credit area's catalog).
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: createEventCatalog([incentivesEvents, creditEvents]) });
 * ```
 */
export const incentivesEvents = /* @__PURE__ */ createEventCatalog([
  IncentivePlanPublished,
  IncentivePlanRevised,
  IncentivePlanAssigned,
  IncentivePlanAssignmentEnded,
  IncentivePeriodClosed,
  IncentiveStatementApproved,
  IncentiveStatementLocked,
  IncentiveAdjustmentPosted,
  PayoutDisputeRaised,
  PayoutDisputeResolved,
  BadgeAwarded,
  ContestOpened,
  ContestClosed,
]);

/**
 * What the incentive projections read: the area's events and the credit area's `SalesCreditAssigned`.
 *
 * @example
 * ```ts
 * incentiveProjectionEvents.types.includes("SalesCreditAssigned"); // true
 * ```
 */
export const incentiveProjectionEvents = /* @__PURE__ */ createEventCatalog([incentivesEvents, SalesCreditAssigned]);

/**
 * The events of the incentives area.
 *
 * @example
 * ```ts
 * const isLock = (e: IncentiveEvent) => e.type === "IncentiveStatementLocked";
 * ```
 */
export type IncentiveEvent =
  | EventOf<typeof IncentivePlanPublished>
  | EventOf<typeof IncentivePlanRevised>
  | EventOf<typeof IncentivePlanAssigned>
  | EventOf<typeof IncentivePlanAssignmentEnded>
  | EventOf<typeof IncentivePeriodClosed>
  | EventOf<typeof IncentiveStatementApproved>
  | EventOf<typeof IncentiveStatementLocked>
  | EventOf<typeof IncentiveAdjustmentPosted>
  | EventOf<typeof PayoutDisputeRaised>
  | EventOf<typeof PayoutDisputeResolved>
  | EventOf<typeof BadgeAwarded>
  | EventOf<typeof ContestOpened>
  | EventOf<typeof ContestClosed>;
