import { defineProjection } from "../../core/index.ts";
import { goalsEvents } from "../events.ts";
import { applyGoalEvent, emptyGoalPlan } from "../goalPlan.ts";

/**
 * The goal book: every goal with its current target, status, parent and children, and the full target history,
 * folded from the goals events. Read it with `targetHistory` and `targetMismatches`. Goal ids are assumed unique
 * across the plans folded together.
 *
 * @example
 * ```ts
 * const book = fold(goalBook, events);
 * targetMismatches(book);
 * ```
 */
export const goalBook = /* @__PURE__ */ defineProjection({
  name: "goalBook",
  events: goalsEvents,
  initialState: emptyGoalPlan,
  handlers: {
    GoalSet: (draft, e) => applyGoalEvent(draft, e),
    GoalRevised: (draft, e) => applyGoalEvent(draft, e),
    GoalLocked: (draft, e) => applyGoalEvent(draft, e),
    GoalAdjusted: (draft, e) => applyGoalEvent(draft, e),
    GoalProrated: (draft, e) => applyGoalEvent(draft, e),
    GoalCancelled: (draft, e) => applyGoalEvent(draft, e),
  },
});
