import { ValidationError } from "../core/index.ts";
import type { TrainingRecordCommand } from "./commands.ts";
import { trainingRecordStreamId } from "./trainingRecordDecider.ts";
import type { TrainingCatalogState } from "./trainingCatalogDecider.ts";

/**
 * What to assign: a plan of the catalog, to reps (a team's roster as of today, from `rosterAsOf`, with the team's
 * id), with a due date.
 *
 * @example
 * ```ts
 * const options: AssignmentOptions = { planId: "onboarding", repIds: ["rep-ana", "rep-bo"], teamId: "team-east", dueOn: "2026-07-31",
 *   assignedBy: "mgr-li", assignmentId: "onboarding-2026-07" };
 * ```
 */
export interface AssignmentOptions {
  readonly planId: string;
  readonly repIds: readonly string[];
  readonly teamId?: string;
  readonly dueOn: string;
  readonly assignedBy: string;
  /** The assignment id, the same in every rep's record. */
  readonly assignmentId: string;
}

/**
 * Builds the `AssignTraining` command of each rep from a catalog's plan, with the plan's courses as they are now
 * (modules, passing score, certification), so later catalog changes do not alter assignments already made.
 *
 * @param catalog - The catalog state (the decider's state, or rebuilt from its stream).
 * @param options - Plan, reps, team, due date, who assigns and the assignment id.
 * @returns One `{ streamId, command }` per rep, in the order given.
 * @throws {@link ValidationError} `unknown_plan` for a plan not in the catalog.
 * @example
 * ```ts
 * for (const { streamId, command } of assignmentCommands(catalog, options)) await records.handle(streamId, command);
 * ```
 */
export function assignmentCommands(
  catalog: TrainingCatalogState,
  options: AssignmentOptions,
): { streamId: string; command: Extract<TrainingRecordCommand, { type: "AssignTraining" }> }[] {
  const plan = catalog.plans[options.planId];
  if (plan === undefined) {
    throw new ValidationError("assignmentCommands", [
      { code: "unknown_plan", path: ["planId"], message: `no plan ${options.planId} in the catalog` },
    ]);
  }
  const courses = plan.courseIds.map((id) => {
    const { retired: _retired, ...course } = catalog.courses[id]!;
    return course;
  });
  return options.repIds.map((repId) => ({
    streamId: trainingRecordStreamId(repId),
    command: {
      type: "AssignTraining",
      data: {
        repId,
        assignmentId: options.assignmentId,
        planId: options.planId,
        title: plan.title,
        ...(options.teamId === undefined ? {} : { teamId: options.teamId }),
        courses,
        dueOn: options.dueOn,
        assignedBy: options.assignedBy,
      },
    },
  }));
}
