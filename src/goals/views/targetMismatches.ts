import type { GoalPlanState, TargetVersion } from "../goalPlan.ts";
import type { GoalTarget } from "../schemas.ts";
import { sumTargets } from "../targets.ts";

/**
 * A parent goal whose children do not add up to it.
 *
 * @example
 * ```ts
 * const m: TargetMismatch = { parentGoalId: "q3", basis: "split", parentTarget: { count: 10 }, childrenTotal: { count: 9 }, difference: -1, childGoalIds: ["q3-ana", "q3-bo"] };
 * ```
 */
export interface TargetMismatch {
  readonly parentGoalId: string;
  /** Which children: those splitting the parent over owners, or those distributing it over sub-periods. */
  readonly basis: "split" | "seasonal";
  readonly parentTarget: GoalTarget;
  readonly childrenTotal: GoalTarget;
  /** childrenTotal − parentTarget, in minor units or a count: negative when the children fall short. */
  readonly difference: number;
  readonly childGoalIds: readonly string[];
}

/**
 * Lists every target mismatch of a plan, as Zoho's "Target mismatch": for each active parent goal, its active
 * children are grouped by basis (`split` over owners, `seasonal` over sub-periods) and each group's total compared
 * with the parent's current target. Adjustments and prorations of a parent or a child show up here until the
 * other side is brought in line.
 *
 * @param plan - A goal plan state (the goal book, the decider's state or `progress.plan`).
 * @returns The mismatches, ordered by parent goal id then basis; empty when everything adds up.
 * @example
 * ```ts
 * for (const m of targetMismatches(book)) console.log(`${m.parentGoalId} ${m.basis}: ${m.difference}`);
 * ```
 */
export function targetMismatches(plan: GoalPlanState): TargetMismatch[] {
  const out: TargetMismatch[] = [];
  const ids = Object.keys(plan.goals).sort();
  for (const id of ids) {
    const parent = plan.goals[id]!;
    if (parent.status === "cancelled") continue;
    for (const basis of ["split", "seasonal"] as const) {
      const children = parent.children
        .map((c) => plan.goals[c]!)
        .filter((c) => c.basis === basis && c.status !== "cancelled");
      if (children.length === 0) continue;
      const total = sumTargets(
        parent.target,
        children.map((c) => c.target),
      );
      const difference =
        ("amount" in total ? total.amount : total.count) -
        ("amount" in parent.target ? parent.target.amount : parent.target.count);
      if (difference !== 0) {
        out.push({
          parentGoalId: id,
          basis,
          parentTarget: parent.target,
          childrenTotal: total,
          difference,
          childGoalIds: children.map((c) => c.goalId),
        });
      }
    }
  }
  return out;
}

/**
 * A goal's target history: every version with its change, reason, actor and time, oldest first.
 *
 * @param plan - A goal plan state.
 * @param goalId - The goal.
 * @returns The versions; empty for an unknown goal.
 * @example
 * ```ts
 * targetHistory(book, "q3").map((v) => `${v.version} ${v.change} ${v.reason ?? ""}`);
 * ```
 */
export function targetHistory(plan: GoalPlanState, goalId: string): readonly TargetVersion[] {
  return plan.goals[goalId]?.versions ?? [];
}
