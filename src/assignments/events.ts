import { z } from "zod";
import { calendarDateSchema, createEventCatalog, defineEvent, type EventOf, instantSchema } from "../core/index.ts";
import {
  accountAttributesSchema,
  criteriaSchema,
  idSchema,
  maxAccountsSchema,
  poolPolicySchema,
  reasonSchema,
  routingRuleSchema,
} from "./schemas.ts";

const task = { goalId: idSchema, taskId: idSchema };

/**
 * A task was derived from a goal: its owner, due date, relative weight (0..10,000) and optional parent task.
 *
 * @example
 * ```ts
 * const e = { type: "TaskCreated", data: { goalId: "g-1", taskId: "t-1", title: "Call 20 dormant accounts", ownerRepId: "rep-ana", dueDate: "2026-07-31", weight: 1, createdAt: "2026-07-01T09:00:00.000Z" } };
 * ```
 */
export const TaskCreated = /* @__PURE__ */ defineEvent(
  "TaskCreated",
  z.strictObject({
    ...task,
    title: z.string().min(1).max(200),
    ownerRepId: idSchema,
    dueDate: calendarDateSchema,
    parentTaskId: idSchema.optional(),
    weight: z.number().int().min(0).max(10_000),
    createdAt: instantSchema,
  }),
);

/**
 * Work on an open task started.
 *
 * @example
 * ```ts
 * const e = { type: "TaskStarted", data: { goalId: "g-1", taskId: "t-1", startedAt: "2026-07-02T09:00:00.000Z" } };
 * ```
 */
export const TaskStarted = /* @__PURE__ */ defineEvent(
  "TaskStarted",
  z.strictObject({ ...task, startedAt: instantSchema }),
);

/**
 * A task was done.
 *
 * @example
 * ```ts
 * const e = { type: "TaskCompleted", data: { goalId: "g-1", taskId: "t-1", completedAt: "2026-07-09T17:00:00.000Z" } };
 * ```
 */
export const TaskCompleted = /* @__PURE__ */ defineEvent(
  "TaskCompleted",
  z.strictObject({ ...task, completedAt: instantSchema }),
);

/**
 * A task was cancelled; it no longer counts towards the goal's completion.
 *
 * @example
 * ```ts
 * const e = { type: "TaskCancelled", data: { goalId: "g-1", taskId: "t-1", cancelledAt: "2026-07-03T09:00:00.000Z", reason: "goal re-scoped" } };
 * ```
 */
export const TaskCancelled = /* @__PURE__ */ defineEvent(
  "TaskCancelled",
  z.strictObject({ ...task, cancelledAt: instantSchema, reason: reasonSchema }),
);

/**
 * A task moved to another rep.
 *
 * @example
 * ```ts
 * const e = { type: "TaskReassigned", data: { goalId: "g-1", taskId: "t-1", fromRepId: "rep-ana", toRepId: "rep-bo", effectiveFrom: "2026-07-05T09:00:00.000Z" } };
 * ```
 */
export const TaskReassigned = /* @__PURE__ */ defineEvent(
  "TaskReassigned",
  z.strictObject({
    ...task,
    fromRepId: idSchema,
    toRepId: idSchema,
    effectiveFrom: instantSchema,
    reason: reasonSchema.optional(),
  }),
);

/**
 * A task's due date changed.
 *
 * @example
 * ```ts
 * const e = { type: "TaskRescheduled", data: { goalId: "g-1", taskId: "t-1", dueDate: "2026-08-15" } };
 * ```
 */
export const TaskRescheduled = /* @__PURE__ */ defineEvent(
  "TaskRescheduled",
  z.strictObject({ ...task, dueDate: calendarDateSchema, reason: reasonSchema.optional() }),
);

/**
 * A rep joined the book, with a routing capacity (`null`: no cap).
 *
 * @example
 * ```ts
 * const e = { type: "RepEnrolled", data: { repId: "rep-ana", maxAccounts: 150 } };
 * ```
 */
export const RepEnrolled = /* @__PURE__ */ defineEvent(
  "RepEnrolled",
  z.strictObject({ repId: idSchema, maxAccounts: maxAccountsSchema }),
);

/**
 * A rep's routing capacity changed.
 *
 * @example
 * ```ts
 * const e = { type: "RepCapacityChanged", data: { repId: "rep-ana", maxAccounts: null } };
 * ```
 */
export const RepCapacityChanged = /* @__PURE__ */ defineEvent(
  "RepCapacityChanged",
  z.strictObject({ repId: idSchema, maxAccounts: maxAccountsSchema }),
);

/**
 * A rep became available or unavailable for routing (leave, pause).
 *
 * @example
 * ```ts
 * const e = { type: "RepAvailabilityChanged", data: { repId: "rep-ana", available: false } };
 * ```
 */
export const RepAvailabilityChanged = /* @__PURE__ */ defineEvent(
  "RepAvailabilityChanged",
  z.strictObject({ repId: idSchema, available: z.boolean() }),
);

/**
 * The routing rules were replaced by a new ordered list; `overflowToPool` sends accounts no rule can place to the pool.
 *
 * @example
 * ```ts
 * const e = { type: "RoutingRulesConfigured", data: { rules: [{ ruleId: "all", when: {}, strategy: "least_loaded", reps: ["rep-ana"] }], overflowToPool: true } };
 * ```
 */
export const RoutingRulesConfigured = /* @__PURE__ */ defineEvent(
  "RoutingRulesConfigured",
  z.strictObject({ rules: z.array(routingRuleSchema).max(100), overflowToPool: z.boolean() }),
);

/**
 * The public pool's policy was set.
 *
 * @example
 * ```ts
 * const e = { type: "PoolPolicySet", data: { timeZone: "Asia/Shanghai", claimsPerDay: 5, maxHoldings: 200, returnAfterDays: 30, reclaimCooldownDays: 7 } };
 * ```
 */
export const PoolPolicySet = /* @__PURE__ */ defineEvent("PoolPolicySet", poolPolicySchema);

/**
 * A territory was defined by matching criteria and a priority (lower numbers win when several match).
 *
 * @example
 * ```ts
 * const e = { type: "TerritoryDefined", data: { territoryId: "east", name: "East", criteria: { regions: ["east"] }, priority: 10 } };
 * ```
 */
export const TerritoryDefined = /* @__PURE__ */ defineEvent(
  "TerritoryDefined",
  z.strictObject({
    territoryId: idSchema,
    name: z.string().min(1).max(200),
    criteria: criteriaSchema,
    priority: z.number().int().min(1).max(10_000),
  }),
);

/**
 * A territory got an owner from an instant on (effective-dated, like account ownership).
 *
 * @example
 * ```ts
 * const e = { type: "TerritoryOwnerAssigned", data: { territoryId: "east", repId: "rep-ana", effectiveFrom: "2026-07-01T00:00:00.000Z" } };
 * ```
 */
export const TerritoryOwnerAssigned = /* @__PURE__ */ defineEvent(
  "TerritoryOwnerAssigned",
  z.strictObject({
    territoryId: idSchema,
    repId: idSchema,
    effectiveFrom: instantSchema,
    reason: reasonSchema.optional(),
  }),
);

/**
 * A territory stops matching accounts from an instant on; its ownership history is kept.
 *
 * @example
 * ```ts
 * const e = { type: "TerritoryRetired", data: { territoryId: "east", effectiveFrom: "2027-01-01T00:00:00.000Z" } };
 * ```
 */
export const TerritoryRetired = /* @__PURE__ */ defineEvent(
  "TerritoryRetired",
  z.strictObject({ territoryId: idSchema, effectiveFrom: instantSchema }),
);

/**
 * An account joined the book with its routing attributes.
 *
 * @example
 * ```ts
 * const e = { type: "AccountRegistered", data: { customerId: "cu-1", attributes: { region: "east", segment: "smb" } } };
 * ```
 */
export const AccountRegistered = /* @__PURE__ */ defineEvent(
  "AccountRegistered",
  z.strictObject({ customerId: idSchema, attributes: accountAttributesSchema }),
);

/**
 * A routing rule picked a rep for an account; the {@link AccountOwnerAssigned} it explains follows. For `round_robin`
 * it moves the rule's pointer, so replays route the same way.
 *
 * @example
 * ```ts
 * const e = { type: "AccountRouted", data: { customerId: "cu-1", repId: "rep-bo", ruleId: "east-rr", strategy: "round_robin" } };
 * ```
 */
export const AccountRouted = /* @__PURE__ */ defineEvent(
  "AccountRouted",
  z.strictObject({
    customerId: idSchema,
    repId: idSchema,
    ruleId: idSchema,
    strategy: z.enum(["fixed", "round_robin", "least_loaded", "territory"]),
  }),
);

/**
 * A customer account got an owner from an instant on (effective-dated). The previous owner's period ends at that
 * instant, so at every instant an account has exactly one owner, and the full history of reassignments is kept.
 *
 * @example
 * ```ts
 * const e = { type: "AccountOwnerAssigned", data: { customerId: "cu-1", repId: "rep-ana", effectiveFrom: "2026-07-01T00:00:00.000Z", reason: "territory_rebalance" } };
 * ```
 */
export const AccountOwnerAssigned = /* @__PURE__ */ defineEvent(
  "AccountOwnerAssigned",
  z.strictObject({
    customerId: z.string().min(1),
    repId: z.string().min(1),
    effectiveFrom: instantSchema,
    reason: z.string().min(1).max(500).optional(),
  }),
);

/**
 * An account went to the public pool (公海) from an instant on, released by its holder (`fromRepId`) or unplaced.
 *
 * @example
 * ```ts
 * const e = { type: "AccountReleasedToPool", data: { customerId: "cu-1", fromRepId: "rep-ana", effectiveFrom: "2026-07-10T09:00:00.000Z", reason: "no budget this year" } };
 * ```
 */
export const AccountReleasedToPool = /* @__PURE__ */ defineEvent(
  "AccountReleasedToPool",
  z.strictObject({
    customerId: idSchema,
    fromRepId: idSchema.optional(),
    effectiveFrom: instantSchema,
    reason: reasonSchema,
  }),
);

/**
 * A rep claimed an account from the pool on a local date of the pool's zone; an {@link AccountOwnerAssigned} follows.
 *
 * @example
 * ```ts
 * const e = { type: "AccountClaimed", data: { customerId: "cu-1", repId: "rep-bo", claimedAt: "2026-07-11T02:00:00.000Z", claimedOn: "2026-07-11" } };
 * ```
 */
export const AccountClaimed = /* @__PURE__ */ defineEvent(
  "AccountClaimed",
  z.strictObject({ customerId: idSchema, repId: idSchema, claimedAt: instantSchema, claimedOn: calendarDateSchema }),
);

/**
 * The sweep returned an account to the pool: no follow-up or deal for `idleDays` local days since `lastTouchedAt`.
 *
 * @example
 * ```ts
 * const e = { type: "AccountReturnedToPool", data: { customerId: "cu-1", fromRepId: "rep-bo", effectiveFrom: "2026-08-12T01:00:00.000Z", lastTouchedAt: "2026-07-11T02:00:00.000Z", idleDays: 32 } };
 * ```
 */
export const AccountReturnedToPool = /* @__PURE__ */ defineEvent(
  "AccountReturnedToPool",
  z.strictObject({
    customerId: idSchema,
    fromRepId: idSchema,
    effectiveFrom: instantSchema,
    lastTouchedAt: instantSchema,
    idleDays: z.number().int().min(0),
  }),
);

/**
 * Every event of the assignments area.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: assignmentsEvents });
 * ```
 */
export const assignmentsEvents = /* @__PURE__ */ createEventCatalog([
  TaskCreated,
  TaskStarted,
  TaskCompleted,
  TaskCancelled,
  TaskReassigned,
  TaskRescheduled,
  RepEnrolled,
  RepCapacityChanged,
  RepAvailabilityChanged,
  RoutingRulesConfigured,
  PoolPolicySet,
  TerritoryDefined,
  TerritoryOwnerAssigned,
  TerritoryRetired,
  AccountRegistered,
  AccountRouted,
  AccountOwnerAssigned,
  AccountReleasedToPool,
  AccountClaimed,
  AccountReturnedToPool,
]);

/**
 * The events of a goal's task tree.
 *
 * @example
 * ```ts
 * const e: GoalTaskEvent = { type: "TaskStarted", data: { goalId: "g-1", taskId: "t-1", startedAt: "2026-07-02T09:00:00.000Z" } };
 * ```
 */
export type GoalTaskEvent =
  | EventOf<typeof TaskCreated>
  | EventOf<typeof TaskStarted>
  | EventOf<typeof TaskCompleted>
  | EventOf<typeof TaskCancelled>
  | EventOf<typeof TaskReassigned>
  | EventOf<typeof TaskRescheduled>;

/**
 * The events of an account book.
 *
 * @example
 * ```ts
 * const e: AccountBookEvent = { type: "RepEnrolled", data: { repId: "rep-ana", maxAccounts: null } };
 * ```
 */
export type AccountBookEvent =
  | EventOf<typeof RepEnrolled>
  | EventOf<typeof RepCapacityChanged>
  | EventOf<typeof RepAvailabilityChanged>
  | EventOf<typeof RoutingRulesConfigured>
  | EventOf<typeof PoolPolicySet>
  | EventOf<typeof TerritoryDefined>
  | EventOf<typeof TerritoryOwnerAssigned>
  | EventOf<typeof TerritoryRetired>
  | EventOf<typeof AccountRegistered>
  | EventOf<typeof AccountRouted>
  | EventOf<typeof AccountOwnerAssigned>
  | EventOf<typeof AccountReleasedToPool>
  | EventOf<typeof AccountClaimed>
  | EventOf<typeof AccountReturnedToPool>;

/**
 * Every event of the assignments area.
 *
 * @example
 * ```ts
 * const e: AssignmentsEvent = { type: "AccountOwnerAssigned", data: { customerId: "cu-1", repId: "rep-ana", effectiveFrom: "2026-07-01T00:00:00.000Z" } };
 * ```
 */
export type AssignmentsEvent = GoalTaskEvent | AccountBookEvent;
