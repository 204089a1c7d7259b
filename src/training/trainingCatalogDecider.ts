import type { Decider } from "../core/index.ts";
import type { TrainingCatalogCommand } from "./commands.ts";
import type { AssignedCourse, TrainingCatalogEvent } from "./events.ts";
import { requireTrainingRule } from "./rules.ts";

const D = "trainingCatalog";

/**
 * The state of a training catalog: its courses (as assignments carry them, plus whether retired) and its plans.
 *
 * @example
 * ```ts
 * const s: TrainingCatalogState = trainingCatalogDecider.initialState();
 * ```
 */
export interface TrainingCatalogState {
  readonly catalogId?: string;
  readonly courses: Readonly<Record<string, AssignedCourse & { readonly retired: boolean }>>;
  readonly plans: Readonly<Record<string, { readonly title: string; readonly courseIds: readonly string[] }>>;
}

/**
 * The stream of a training catalog.
 *
 * @param catalogId - The catalog (one per company or sales organisation).
 * @returns `training-catalog-<catalogId>`.
 * @example
 * ```ts
 * trainingCatalogStreamId("acme"); // "training-catalog-acme"
 * ```
 */
export function trainingCatalogStreamId(catalogId: string): string {
  return `training-catalog-${catalogId}`;
}

/**
 * Applies a catalog event to a catalog state, returning the next state.
 *
 * @param s - The state before.
 * @param e - A catalog event.
 * @returns The state after.
 * @example
 * ```ts
 * const next = evolveTrainingCatalog(trainingCatalogDecider.initialState(), courseDefined);
 * ```
 */
export function evolveTrainingCatalog(s: TrainingCatalogState, e: TrainingCatalogEvent): TrainingCatalogState {
  switch (e.type) {
    case "CourseDefined": {
      const d = e.data;
      const course = {
        courseId: d.courseId,
        title: d.title,
        topic: d.topic,
        moduleIds: d.modules.map((m) => m.moduleId),
        ...(d.passingScoreBps === undefined ? {} : { passingScoreBps: d.passingScoreBps }),
        ...(d.certification === undefined ? {} : { certification: d.certification }),
        retired: false,
      };
      return { ...s, catalogId: d.catalogId, courses: { ...s.courses, [d.courseId]: course } };
    }
    case "CourseRetired":
      return { ...s, courses: { ...s.courses, [e.data.courseId]: { ...s.courses[e.data.courseId]!, retired: true } } };
    case "TrainingPlanDefined":
      return {
        ...s,
        catalogId: e.data.catalogId,
        plans: { ...s.plans, [e.data.planId]: { title: e.data.title, courseIds: e.data.courseIds } },
      };
    default: {
      const _exhaustive: never = e;
      return s;
    }
  }
}

/**
 * The decider of a training catalog (one stream per catalog): courses on sales skills, product knowledge, market
 * analysis… with modules, a passing score and the certification they grant; training plans built from active
 * courses.
 *
 * @example
 * ```ts
 * const catalog = createCommandHandler({ store, decider: trainingCatalogDecider, commands: trainingCatalogCommand });
 * await catalog.handle(trainingCatalogStreamId("acme"), { type: "DefineTrainingPlan", data: { catalogId: "acme", planId: "onboarding", title: "Onboarding", courseIds: ["c-disc"] } });
 * ```
 */
export const trainingCatalogDecider: Decider<TrainingCatalogCommand, TrainingCatalogEvent, TrainingCatalogState> = {
  name: D,
  version: "1",
  initialState: () => ({ courses: {}, plans: {} }),
  evolve: evolveTrainingCatalog,
  decide: (command, state, { now }) => {
    if (command.type !== "RetireCourse") {
      const catalogId = command.data.catalogId;
      requireTrainingRule(
        state.catalogId === undefined || state.catalogId === catalogId,
        "catalog_mismatch",
        `${D}: this stream holds catalog ${state.catalogId}, not ${catalogId}`,
        { catalogId },
      );
    }
    switch (command.type) {
      case "DefineCourse": {
        const d = command.data;
        requireTrainingRule(state.courses[d.courseId] === undefined, "course_exists", `${D}: ${d.courseId} exists`, {
          courseId: d.courseId,
        });
        const ids = d.modules.map((m) => m.moduleId);
        requireTrainingRule(
          new Set(ids).size === ids.length,
          "duplicate_module",
          `${D}: ${d.courseId} lists a module twice`,
          { moduleIds: ids },
        );
        const data = Object.fromEntries(Object.entries({ ...d, definedAt: now }).filter(([, v]) => v !== undefined));
        return [{ type: "CourseDefined", data: data as typeof d & { definedAt: string } }];
      }
      case "RetireCourse": {
        const d = command.data;
        const course = state.courses[d.courseId];
        requireTrainingRule(course !== undefined, "course_unknown", `${D}: no course ${d.courseId}`, {
          courseId: d.courseId,
        });
        requireTrainingRule(!course.retired, "course_retired", `${D}: ${d.courseId} is already retired`, {
          courseId: d.courseId,
        });
        return [{ type: "CourseRetired", data: { catalogId: state.catalogId!, ...d, retiredAt: now } }];
      }
      case "DefineTrainingPlan": {
        const d = command.data;
        requireTrainingRule(
          state.plans[d.planId] === undefined,
          "training_plan_exists",
          `${D}: plan ${d.planId} exists`,
          { planId: d.planId },
        );
        for (const courseId of d.courseIds) {
          const course = state.courses[courseId];
          requireTrainingRule(course !== undefined, "course_unknown", `${D}: no course ${courseId}`, { courseId });
          requireTrainingRule(!course.retired, "course_retired", `${D}: ${courseId} is retired`, { courseId });
        }
        return [{ type: "TrainingPlanDefined", data: { ...d, definedAt: now } }];
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
