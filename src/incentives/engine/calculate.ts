import type { Period } from "../../core/index.ts";
import { definePlan, type PlanDefinition } from "../plan/index.ts";
import { runCalculation } from "./chain.ts";
import { buildContext, type EngineContext, resolvePeriod } from "./context.ts";
import { type CalculationInputs, parseCalculationInputs } from "./inputs.ts";
import type { Statement } from "./statement.ts";

/**
 * A plan, or several versions of one plan (same planId, currency, calendar and period kind). Each period is
 * calculated with the highest version effective at the period's start.
 *
 * @example
 * ```ts
 * const versions: PlanVersions = [planV1, planV2];
 * ```
 */
export type PlanVersions = PlanDefinition | readonly PlanDefinition[];

const validated = new WeakSet<object>();

/** Validates plan versions once (a plan returned by `definePlan` is remembered). */
export function checkedPlans(plan: PlanVersions): PlanDefinition[] {
  const list: readonly PlanDefinition[] = Array.isArray(plan) ? plan : [plan as PlanDefinition];
  return list.map((p) => {
    if (typeof p === "object" && p !== null && validated.has(p)) return p;
    const checked = definePlan(p);
    validated.add(checked);
    if (typeof p === "object" && p !== null && Object.isFrozen(p)) validated.add(p);
    return checked;
  });
}

/** Builds the engine's context from plan versions and untrusted inputs. */
export function contextFor(plan: PlanVersions, inputs: CalculationInputs, api: string): EngineContext {
  const plans = checkedPlans(plan);
  const first = plans[0];
  const expected = first && { planId: first.planId, currency: first.currency };
  return buildContext(plans, parseCalculationInputs(inputs, api, expected), api);
}

/**
 * Calculates a rep's statement for a period. Pure and deterministic: the same plan, inputs and period always give
 * the same statement, whatever the order of the credits.
 *
 * - Each component pays f(window to date) − earned earlier in the window (true-up), so credit order never matters.
 * - Every payout line is rounded once, in the plan's rounding mode, and shows its exact amount and the rounding.
 * - Closed statements (`inputs.history`) are never changed: every earlier period is recalculated with today's credits
 *   and plan versions and the differences are posted here as `prior_period_adjustment` lines.
 *
 * @param plan - The plan, or its versions.
 * @param inputs - Credits, quotas, closed history, opening balances, participation, invoices, MBO scores.
 * @param period - The period to calculate: a period id of the plan's kind (`"2026-03"`) or a `Period`.
 * @returns The statement: explained lines, total, exact total, component figures and balances carried forward.
 * @throws {@link ValidationError} for an invalid plan or inputs (e.g. `quota_missing`, `unknown_reversed_credit`,
 * `currency_mismatch` for a credit or closed statement in another currency, `statement_for_other_plan`,
 * `invalid_period`).
 * @throws {@link DomainRuleError} `period_closed` when the period is in the history, `period_before_closed_history`,
 * `plan_not_effective`, `accumulation_not_aligned`.
 * @example
 * ```ts
 * const statement = calculate(plan, { repId: "rep-ana", credits }, "2026-01");
 * for (const line of statement.lines) console.log(line.explanation);
 * ```
 */
export function calculate(plan: PlanVersions, inputs: CalculationInputs, period: string | Period): Statement {
  const ctx = contextFor(plan, inputs, "calculate");
  return runCalculation(ctx, resolvePeriod(ctx, period, ["period"]));
}
