import { DomainRuleError, ValidationError } from "../core/index.ts";
import type { Bonus } from "../incentives/index.ts";
import type { ReviewCyclesState } from "./projections/reviewCycles.ts";

/**
 * One entry of the incentive engine's `mboScores` input.
 *
 * @example
 * ```ts
 * const s: MboScore = { bonusId: "mbo", periodId: "2026-Q3", score: 4.25 };
 * ```
 */
export interface MboScore {
  readonly bonusId: string;
  readonly periodId: string;
  readonly score: number;
}

/**
 * Turns a closed cycle's final scores (calibrated where calibrated) into the incentive engine's `mboScores` input,
 * per rep: one entry per plan period given, for the MBO bonus given. The bonus's scale must be the cycle's scale, so
 * the engine pays `(score − min) / (max − min)` of the target on the same points the reviewers used. A final score
 * in thousandths becomes a decimal number (`4_250` → `4.25`), exact for the engine's decimal reading.
 *
 * @param state - The state of the `reviewCycles` projection.
 * @param cycleId - A closed cycle.
 * @param options - The plan's MBO bonus and the plan period ids the cycle's score applies to.
 * @returns The `mboScores` entries by rep id (only reps with a final score).
 * @throws {@link ValidationError} `unknown_cycle`, `not_an_mbo_bonus`, `scale_mismatch`.
 * @throws {@link DomainRuleError} `cycle_not_closed` while the cycle is still open.
 * @example
 * ```ts
 * const byRep = mboScoresFromCycle(cycles, "2026-q3", { bonus: plan.bonuses![0]!, periodIds: ["2026-Q3"] });
 * calculate(plan, { repId: "rep-ana", credits, quotas, mboScores: byRep["rep-ana"] }, "2026-Q3");
 * ```
 */
export function mboScoresFromCycle(
  state: ReviewCyclesState,
  cycleId: string,
  options: { readonly bonus: Bonus; readonly periodIds: readonly string[] },
): Record<string, MboScore[]> {
  const api = "mboScoresFromCycle";
  const c = state.cycles[cycleId];
  if (c === undefined || c.status === "none") {
    throw new ValidationError(api, [{ code: "unknown_cycle", path: ["cycleId"], message: `no cycle ${cycleId}` }]);
  }
  const { bonus } = options;
  if (bonus.kind !== "mbo") {
    throw new ValidationError(api, [
      { code: "not_an_mbo_bonus", path: ["bonus", "kind"], message: `bonus ${bonus.id} is a ${bonus.kind} bonus` },
    ]);
  }
  if (bonus.scale.min !== c.scale.min || bonus.scale.max !== c.scale.max) {
    throw new ValidationError(api, [
      {
        code: "scale_mismatch",
        path: ["bonus", "scale"],
        message: `bonus ${bonus.id} reads ${bonus.scale.min}–${bonus.scale.max}, the cycle scores ${c.scale.min}–${c.scale.max}`,
      },
    ]);
  }
  if (c.status !== "closed") {
    throw new DomainRuleError("cycle_not_closed", `${api}: cycle ${cycleId} is ${c.status}, not closed`, {
      cycleId,
      status: c.status,
    });
  }
  const out: Record<string, MboScore[]> = {};
  for (const [repId, f] of Object.entries(c.finalScores).sort(([a], [b]) => (a < b ? -1 : 1))) {
    out[repId] = options.periodIds.map((periodId) => ({ bonusId: bonus.id, periodId, score: f.finalMilli / 1000 }));
  }
  return out;
}
