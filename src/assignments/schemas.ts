import { z } from "zod";
import { isTimeZone } from "../core/index.ts";

/**
 * An id of a rep, account, goal, task, territory or routing rule: 1 to 128 characters.
 *
 * @example
 * ```ts
 * idSchema.parse("rep-ana"); // "rep-ana"
 * ```
 */
export const idSchema = z.string().min(1).max(128);

/**
 * Why something changed, for the audit trail: 1 to 500 characters.
 *
 * @example
 * ```ts
 * reasonSchema.parse("territory rebalance");
 * ```
 */
export const reasonSchema = z.string().min(1).max(500);

const attribute = z.string().min(1).max(100);
const attributeList = z
  .array(attribute)
  .min(1)
  .max(50)
  .refine((xs) => new Set(xs).size === xs.length, { message: "values are unique" });

/**
 * The attributes routing and territories match on: region, segment and industry, each optional.
 *
 * @example
 * ```ts
 * const attrs: AccountAttributes = { region: "east", segment: "enterprise", industry: "retail" };
 * ```
 */
export const accountAttributesSchema = z.strictObject({
  region: attribute.optional(),
  segment: attribute.optional(),
  industry: attribute.optional(),
});

/**
 * An account's routing attributes.
 *
 * @example
 * ```ts
 * const attrs: AccountAttributes = { region: "east" };
 * ```
 */
export type AccountAttributes = z.infer<typeof accountAttributesSchema>;

/**
 * Matching criteria: each list present must contain the account's attribute (exact, case-sensitive); an absent list
 * matches anything, so `{}` matches every account.
 *
 * @example
 * ```ts
 * const c: Criteria = { regions: ["east", "north"], segments: ["enterprise"] };
 * ```
 */
export const criteriaSchema = z.strictObject({
  regions: attributeList.optional(),
  segments: attributeList.optional(),
  industries: attributeList.optional(),
});

/**
 * Matching criteria for routing rules and territories.
 *
 * @example
 * ```ts
 * const everyone: Criteria = {};
 * ```
 */
export type Criteria = z.infer<typeof criteriaSchema>;

const repList = z
  .array(idSchema)
  .min(1)
  .max(200)
  .refine((xs) => new Set(xs).size === xs.length, { message: "reps are unique" });
const ruleBase = { ruleId: idSchema, when: criteriaSchema };

/**
 * One routing rule: criteria and a strategy that picks a rep. `fixed` names one rep; `round_robin` cycles through
 * its reps from the one after the last it picked; `least_loaded` takes the rep holding the fewest accounts (ties: the
 * first listed); `territory` takes the owner of the account's highest-priority territory.
 *
 * @example
 * ```ts
 * const rule: RoutingRule = { ruleId: "east-rr", when: { regions: ["east"] }, strategy: "round_robin", reps: ["rep-ana", "rep-bo"] };
 * ```
 */
export const routingRuleSchema = z.discriminatedUnion("strategy", [
  z.strictObject({ ...ruleBase, strategy: z.literal("fixed"), repId: idSchema }),
  z.strictObject({ ...ruleBase, strategy: z.literal("round_robin"), reps: repList }),
  z.strictObject({ ...ruleBase, strategy: z.literal("least_loaded"), reps: repList }),
  z.strictObject({ ...ruleBase, strategy: z.literal("territory") }),
]);

/**
 * A routing rule.
 *
 * @example
 * ```ts
 * const rule: RoutingRule = { ruleId: "catch-all", when: {}, strategy: "least_loaded", reps: ["rep-ana", "rep-bo"] };
 * ```
 */
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/**
 * The routing strategies.
 *
 * @example
 * ```ts
 * const s: RoutingStrategy = "round_robin";
 * ```
 */
export type RoutingStrategy = RoutingRule["strategy"];

/**
 * The public pool's policy: the zone whose local days count claims and idle days, how many accounts a rep may claim
 * per local day, how many accounts a rep may hold at most (all holdings, claimed or not), after how many idle days an
 * account returns, and how many days a rep who lost or released an account must wait to claim it again.
 *
 * @example
 * ```ts
 * const p: PoolPolicy = { timeZone: "Asia/Shanghai", claimsPerDay: 5, maxHoldings: 200, returnAfterDays: 30, reclaimCooldownDays: 7 };
 * ```
 */
export const poolPolicySchema = z.strictObject({
  timeZone: z.string().min(1).max(64).refine(isTimeZone, { message: "an IANA time zone name" }),
  claimsPerDay: z.number().int().min(1).max(10_000),
  maxHoldings: z.number().int().min(1).max(1_000_000),
  returnAfterDays: z.number().int().min(1).max(3650),
  reclaimCooldownDays: z.number().int().min(0).max(3650),
});

/**
 * The public pool's policy.
 *
 * @example
 * ```ts
 * const p: PoolPolicy = { timeZone: "UTC", claimsPerDay: 3, maxHoldings: 50, returnAfterDays: 14, reclaimCooldownDays: 0 };
 * ```
 */
export type PoolPolicy = z.infer<typeof poolPolicySchema>;

/**
 * A rep's routing capacity: the most accounts routing may give them, or `null` for no cap.
 *
 * @example
 * ```ts
 * maxAccountsSchema.parse(150); // 150
 * ```
 */
export const maxAccountsSchema = z.number().int().min(1).max(1_000_000).nullable();

/**
 * Task statuses: `open` → `in_progress` → `done`, or `cancelled` from either open state.
 *
 * @example
 * ```ts
 * const s: TaskStatus = "in_progress";
 * ```
 */
export type TaskStatus = "open" | "in_progress" | "done" | "cancelled";
