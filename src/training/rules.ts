import { DomainRuleError } from "../core/index.ts";

/**
 * The names of every business rule of the training area, as `DomainRuleError.rule` carries them.
 *
 * - Catalog: `course_exists`, `course_unknown`, `course_retired`, `duplicate_module`, `training_plan_exists`,
 *   `catalog_mismatch` (one catalog per stream);
 * - Training records: `assignment_exists`, `assignment_unknown`, `assignment_closed`, `course_not_assigned`,
 *   `module_unknown`, `module_already_completed`, `score_required` (a course with a passing score needs a score for
 *   every module), `certification_dates_invalid`, `duplicate_module`, `rep_mismatch` (a record belongs to one rep: a
 *   command naming another rep is refused);
 * - Development plans: `development_plan_exists`, `development_plan_not_found`, `development_plan_closed`,
 *   `duplicate_objective`, `objective_gap_unknown`, `objective_unknown`, `objective_already_completed`.
 *
 * @example
 * ```ts
 * if (isDomainRuleError(e) && e.rule === trainingRules.scoreRequired) askForScore();
 * ```
 */
export const trainingRules = Object.freeze({
  courseExists: "course_exists",
  courseUnknown: "course_unknown",
  courseRetired: "course_retired",
  duplicateModule: "duplicate_module",
  trainingPlanExists: "training_plan_exists",
  catalogMismatch: "catalog_mismatch",
  assignmentExists: "assignment_exists",
  assignmentUnknown: "assignment_unknown",
  assignmentClosed: "assignment_closed",
  courseNotAssigned: "course_not_assigned",
  moduleUnknown: "module_unknown",
  moduleAlreadyCompleted: "module_already_completed",
  scoreRequired: "score_required",
  certificationDatesInvalid: "certification_dates_invalid",
  repMismatch: "rep_mismatch",
  developmentPlanExists: "development_plan_exists",
  developmentPlanNotFound: "development_plan_not_found",
  developmentPlanClosed: "development_plan_closed",
  duplicateObjective: "duplicate_objective",
  objectiveGapUnknown: "objective_gap_unknown",
  objectiveUnknown: "objective_unknown",
  objectiveAlreadyCompleted: "objective_already_completed",
} as const);

/**
 * The name of a rule of the training area.
 *
 * @example
 * ```ts
 * const r: TrainingRule = "module_already_completed";
 * ```
 */
export type TrainingRule = (typeof trainingRules)[keyof typeof trainingRules];

/**
 * Throws the named rule unless `ok` holds.
 *
 * @param ok - The condition the rule requires.
 * @param rule - The rule's name.
 * @param message - What was refused and why, prefixed with the decider's name.
 * @param details - Facts about the violation.
 * @throws {@link DomainRuleError} with `rule` when `ok` is false.
 * @example
 * ```ts
 * requireTrainingRule(course !== undefined, "course_unknown", "trainingCatalog: no course c-9");
 * ```
 */
export function requireTrainingRule(
  ok: boolean,
  rule: TrainingRule,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): asserts ok {
  if (!ok) throw new DomainRuleError(rule, message, details);
}
