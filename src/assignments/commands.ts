import { z } from "zod";
import { calendarDateSchema, instantSchema } from "../core/index.ts";
import {
  accountAttributesSchema,
  criteriaSchema,
  idSchema,
  maxAccountsSchema,
  poolPolicySchema,
  reasonSchema,
  routingRuleSchema,
} from "./schemas.ts";

const command = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data: z.strictObject(data) });

/**
 * The commands of a goal's task tree: create (with an id from the command or the context), start, complete, cancel
 * (cascading to open subtasks), reassign and reschedule a task.
 *
 * @example
 * ```ts
 * goalTaskCommand.parse({ type: "StartTask", data: { taskId: "t-1" } });
 * ```
 */
export const goalTaskCommand = z.discriminatedUnion("type", [
  command("CreateTask", {
    goalId: idSchema,
    taskId: idSchema.optional(),
    title: z.string().min(1).max(200),
    ownerRepId: idSchema,
    dueDate: calendarDateSchema,
    parentTaskId: idSchema.optional(),
    weight: z.number().int().min(0).max(10_000).optional(),
  }),
  command("StartTask", { taskId: idSchema }),
  command("CompleteTask", { taskId: idSchema }),
  command("CancelTask", { taskId: idSchema, reason: reasonSchema }),
  command("ReassignTask", { taskId: idSchema, ownerRepId: idSchema, reason: reasonSchema.optional() }),
  command("RescheduleTask", { taskId: idSchema, dueDate: calendarDateSchema, reason: reasonSchema.optional() }),
]);

/**
 * A command of a goal's task tree.
 *
 * @example
 * ```ts
 * const c: GoalTaskCommand = { type: "CompleteTask", data: { taskId: "t-1" } };
 * ```
 */
export type GoalTaskCommand = z.infer<typeof goalTaskCommand>;

/**
 * The commands of an account book: reps and their capacity, routing rules, the pool policy, territories and their
 * owners, and accounts (register, route, assign, release, claim, sweep the pool).
 *
 * @example
 * ```ts
 * accountBookCommand.parse({ type: "ClaimAccount", data: { customerId: "cu-1", repId: "rep-bo" } });
 * ```
 */
export const accountBookCommand = z.discriminatedUnion("type", [
  command("EnrollRep", { repId: idSchema, maxAccounts: maxAccountsSchema.optional() }),
  command("SetRepCapacity", { repId: idSchema, maxAccounts: maxAccountsSchema }),
  command("SetRepAvailability", { repId: idSchema, available: z.boolean() }),
  command("ConfigureRouting", { rules: z.array(routingRuleSchema).max(100), overflowToPool: z.boolean() }),
  command("SetPoolPolicy", poolPolicySchema.shape),
  command("DefineTerritory", {
    territoryId: idSchema,
    name: z.string().min(1).max(200),
    criteria: criteriaSchema,
    priority: z.number().int().min(1).max(10_000),
  }),
  command("AssignTerritoryOwner", {
    territoryId: idSchema,
    repId: idSchema,
    effectiveFrom: instantSchema.optional(),
    reason: reasonSchema.optional(),
  }),
  command("RetireTerritory", { territoryId: idSchema, effectiveFrom: instantSchema.optional() }),
  command("RegisterAccount", {
    customerId: idSchema,
    attributes: accountAttributesSchema,
    placement: z.enum(["none", "route", "pool"]).optional(),
  }),
  command("RouteAccount", { customerId: idSchema }),
  command("AssignAccount", {
    customerId: idSchema,
    repId: idSchema,
    effectiveFrom: instantSchema.optional(),
    reason: reasonSchema,
  }),
  command("ReleaseAccount", { customerId: idSchema, reason: reasonSchema }),
  command("ClaimAccount", { customerId: idSchema, repId: idSchema }),
  command("SweepPool", {
    lastTouches: z
      .record(idSchema, instantSchema)
      .refine((r) => Object.keys(r).length <= 100_000, { message: "at most 100,000 accounts per sweep" }),
  }),
]);

/**
 * A command of an account book.
 *
 * @example
 * ```ts
 * const c: AccountBookCommand = { type: "RouteAccount", data: { customerId: "cu-1" } };
 * ```
 */
export type AccountBookCommand = z.infer<typeof accountBookCommand>;
