import { z } from "zod";
import { _zodIssues, calendarDateSchema, instantSchema, ValidationError } from "../../core/index.ts";
import { SalesCreditAssigned } from "../../credit/events.ts";
import { statementBalancesSchema, statementSchema } from "./statement.ts";

const id = z.string().min(1).max(128);

/**
 * What `calculate` needs besides the plan, validated at the boundary.
 * - `credits`: the rep's `SalesCreditAssigned` data, every date (the engine picks by period); reversals must come
 *   with the credits they reverse when the plan has a clawback policy.
 * - `quotas`: the rep's quota per component and accumulation window (`periodId` is the window's id, e.g. `2026-Q1`),
 *   in the measure's base unit (minor units for revenue and margin, units, deals). Required by attainment measures,
 *   accelerators, gates, ramps and goal bonuses.
 * - `history`: the rep's closed statements of the same plan (same `planId` and currency), oldest first, contiguous;
 *   they are never changed: differences are posted as prior-period adjustments in the period calculated.
 * - `opening`: the balances before the first period calculated (draw balance, carried excess and shortfall, true-up
 *   state, holds), for a rep migrating from another system.
 * - `participation`: the days the rep took part (both bounds inclusive), for proration, ramps and the draw start.
 * - `invoices`: payment status per credit source id, for plans that pay when the invoice is paid.
 * - `mboScores`: appraisal scores per MBO bonus and plan period, on the bonus's declared scale.
 *
 * @example
 * ```ts
 * const inputs: CalculationInputs = { repId: "rep-ana", credits: [], quotas: [{ componentId: "nb", periodId: "2026-03", amount: 5_000_000 }] };
 * ```
 */
export const calculationInputsSchema = z.strictObject({
  repId: id,
  credits: z.array(SalesCreditAssigned.schema).max(10_000_000),
  quotas: z
    .array(z.strictObject({ componentId: id, periodId: z.string().min(1).max(20), amount: z.number().int().min(1) }))
    .max(100_000)
    .optional(),
  history: z.array(statementSchema).max(1200).optional(),
  opening: statementBalancesSchema.optional(),
  participation: z
    .strictObject({ from: calendarDateSchema.optional(), through: calendarDateSchema.optional() })
    .optional(),
  invoices: z
    .array(z.strictObject({ sourceId: id, paidAt: instantSchema.nullable() }))
    .max(10_000_000)
    .optional(),
  mboScores: z
    .array(z.strictObject({ bonusId: id, periodId: z.string().min(1).max(20), score: z.number().min(0).max(1000) }))
    .max(100_000)
    .optional(),
});

/**
 * The inputs of a calculation (see {@link calculationInputsSchema}).
 *
 * @example
 * ```ts
 * const inputs: CalculationInputs = { repId: "rep-bo", credits, history: [januaryStatement] };
 * ```
 */
export type CalculationInputs = z.input<typeof calculationInputsSchema>;

/**
 * Validates calculation inputs with zod and the checks zod cannot make (one rep, unique credit ids, unique quotas,
 * and, given the plan, closed statements of that plan and currency only).
 *
 * @param inputs - Untrusted inputs.
 * @param api - The API name reported in errors.
 * @param plan - The plan calculated (its id and currency); when given, every closed statement in `history` must be
 * one of its statements: another `planId` is `statement_for_other_plan`, another currency `currency_mismatch`.
 * @returns The parsed inputs.
 * @throws {@link ValidationError} listing every issue, each with its path (e.g. `["inputs", "history", 0, "currency"]`).
 * @example
 * ```ts
 * const parsed = parseCalculationInputs(untrusted, "calculate", { planId: "ae-2026", currency: "USD" });
 * ```
 */
export function parseCalculationInputs(
  inputs: unknown,
  api: string,
  plan?: { readonly planId: string; readonly currency: string },
): z.output<typeof calculationInputsSchema> {
  const parsed = calculationInputsSchema.safeParse(inputs);
  if (!parsed.success) {
    throw new ValidationError(api, _zodIssues(parsed.error.issues, ["inputs"]));
  }
  const data = parsed.data;
  const issues: { code: string; path: PropertyKey[]; message: string }[] = [];
  const seen = new Set<string>();
  data.credits.forEach((c, i) => {
    if (c.repId !== data.repId) {
      issues.push({
        code: "credit_for_other_rep",
        path: ["inputs", "credits", i, "repId"],
        message: `credit ${c.creditId} is for ${c.repId}, not ${data.repId}`,
      });
    }
    if (seen.has(c.creditId)) {
      issues.push({
        code: "duplicate_credit",
        path: ["inputs", "credits", i, "creditId"],
        message: `credit ${c.creditId} appears twice`,
      });
    }
    seen.add(c.creditId);
  });
  const quotaKeys = new Set<string>();
  (data.quotas ?? []).forEach((q, i) => {
    const key = `${q.componentId}@${q.periodId}`;
    if (quotaKeys.has(key)) {
      issues.push({
        code: "duplicate_quota",
        path: ["inputs", "quotas", i],
        message: `two quotas for ${q.componentId} in ${q.periodId}`,
      });
    }
    quotaKeys.add(key);
  });
  (data.history ?? []).forEach((s, i) => {
    if (s.repId !== data.repId) {
      issues.push({
        code: "statement_for_other_rep",
        path: ["inputs", "history", i, "repId"],
        message: `statement of ${s.repId}`,
      });
    }
    if (plan !== undefined && s.planId !== plan.planId) {
      issues.push({
        code: "statement_for_other_plan",
        path: ["inputs", "history", i, "planId"],
        message: `statement of plan ${s.planId}, not ${plan.planId}`,
      });
    }
    if (plan !== undefined && s.currency !== plan.currency) {
      issues.push({
        code: "currency_mismatch",
        path: ["inputs", "history", i, "currency"],
        message: `statement in ${s.currency}; plan ${plan.planId} pays in ${plan.currency}`,
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(api, issues);
  return data;
}
