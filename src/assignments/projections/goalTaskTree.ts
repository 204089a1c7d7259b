import { compareCalendarDates, defineProjection, ratio, roundRatio } from "../../core/index.ts";
import { assignmentsEvents } from "../events.ts";
import type { TaskStatus } from "../schemas.ts";

/**
 * A task in the goal task tree read model.
 *
 * @example
 * ```ts
 * const t: TaskView = { taskId: "t-1", parentTaskId: undefined, title: "Visit top 10", ownerRepId: "rep-ana", dueDate: "2026-07-31", status: "open", weight: 1, children: [], completedAt: undefined };
 * ```
 */
export interface TaskView {
  readonly taskId: string;
  readonly parentTaskId: string | undefined;
  readonly title: string;
  readonly ownerRepId: string;
  readonly dueDate: string;
  readonly status: TaskStatus;
  readonly weight: number;
  readonly children: readonly string[];
  readonly completedAt: string | undefined;
}

/**
 * One goal's tasks: by id, the root tasks in creation order, and running counts by status.
 *
 * @example
 * ```ts
 * const g: GoalTaskTreeView = { tasks: {}, roots: [], counts: { open: 0, in_progress: 0, done: 0, cancelled: 0 } };
 * ```
 */
export interface GoalTaskTreeView {
  readonly tasks: Readonly<Record<string, TaskView>>;
  readonly roots: readonly string[];
  readonly counts: Readonly<Record<TaskStatus, number>>;
}

type Draft = {
  goals: Record<string, { tasks: Record<string, TaskView>; roots: string[]; counts: Record<TaskStatus, number> }>;
};

function setStatus(s: Draft, goalId: string, taskId: string, status: TaskStatus, completedAt?: string): void {
  const goal = s.goals[goalId];
  const task = goal?.tasks[taskId];
  if (goal === undefined || task === undefined) return;
  goal.counts[task.status] -= 1;
  goal.counts[status] += 1;
  goal.tasks[taskId] = { ...task, status, completedAt };
}

/**
 * The task trees of goals: each goal's tasks with their owners, due dates, weights, statuses and subtasks. Read
 * completion with {@link goalCompletion} and lateness with {@link overdueTasks}.
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, goalTaskTree);
 * goalCompletion(state, "g-1").completionBps; // 5000
 * ```
 */
export const goalTaskTree = /* @__PURE__ */ defineProjection({
  name: "assignments.goalTaskTree",
  events: assignmentsEvents,
  initialState: (): { readonly goals: Readonly<Record<string, GoalTaskTreeView>> } => ({ goals: {} }),
  handlers: {
    TaskCreated: (s, e) => {
      const d = e.data;
      const goal = (s.goals[d.goalId] ??= {
        tasks: {},
        roots: [],
        counts: { open: 0, in_progress: 0, done: 0, cancelled: 0 },
      });
      goal.tasks[d.taskId] = {
        taskId: d.taskId,
        parentTaskId: d.parentTaskId,
        title: d.title,
        ownerRepId: d.ownerRepId,
        dueDate: d.dueDate,
        status: "open",
        weight: d.weight,
        children: [],
        completedAt: undefined,
      };
      goal.counts.open += 1;
      const parent = d.parentTaskId === undefined ? undefined : goal.tasks[d.parentTaskId];
      if (parent === undefined) goal.roots.push(d.taskId);
      else goal.tasks[parent.taskId] = { ...parent, children: [...parent.children, d.taskId] };
    },
    TaskStarted: (s, e) => setStatus(s as Draft, e.data.goalId, e.data.taskId, "in_progress"),
    TaskCompleted: (s, e) => setStatus(s as Draft, e.data.goalId, e.data.taskId, "done", e.data.completedAt),
    TaskCancelled: (s, e) => setStatus(s as Draft, e.data.goalId, e.data.taskId, "cancelled"),
    TaskReassigned: (s, e) => {
      const goal = s.goals[e.data.goalId];
      const task = goal?.tasks[e.data.taskId];
      if (goal && task) goal.tasks[task.taskId] = { ...task, ownerRepId: e.data.toRepId };
    },
    TaskRescheduled: (s, e) => {
      const goal = s.goals[e.data.goalId];
      const task = goal?.tasks[e.data.taskId];
      if (goal && task) goal.tasks[task.taskId] = { ...task, dueDate: e.data.dueDate };
    },
  },
});

/**
 * The state of {@link goalTaskTree}.
 *
 * @example
 * ```ts
 * const s: GoalTaskTreeState = fold(goalTaskTree, events);
 * ```
 */
export type GoalTaskTreeState = ReturnType<typeof goalTaskTree.initialState>;

/**
 * A goal's completion.
 *
 * @example
 * ```ts
 * const c: GoalCompletion = { done: 1, total: 2, completionBps: 5000, weightDone: 3, weightTotal: 4, weightedCompletionBps: 7500 };
 * ```
 */
export interface GoalCompletion {
  /** Tasks done. */
  readonly done: number;
  /** Tasks not cancelled (open, in progress or done), parents and subtasks alike. */
  readonly total: number;
  /** `done / total` in basis points, rounded down; `null` when `total` is 0 (no task to complete is not 0% or 100%). */
  readonly completionBps: number | null;
  /** The weights of tasks done. */
  readonly weightDone: number;
  /** The weights of tasks not cancelled. */
  readonly weightTotal: number;
  /** `weightDone / weightTotal` in basis points, rounded down; `null` when `weightTotal` is 0. */
  readonly weightedCompletionBps: number | null;
}

const bpsFloor = (part: number, whole: number) =>
  whole === 0 ? null : Number(roundRatio(ratio(part * 10_000, whole), "floor"));

/**
 * A goal's completion: tasks done over tasks not cancelled, by count and by weight, in basis points rounded down.
 * Every task in the tree counts, parents and subtasks alike; cancelled tasks count in neither part.
 *
 * @param state - The state of {@link goalTaskTree}.
 * @param goalId - The goal.
 * @returns The counts and ratios (all zero, ratios `null`, for a goal without tasks).
 * @example
 * ```ts
 * goalCompletion(state, "g-1"); // { done: 1, total: 3, completionBps: 3333, … }
 * ```
 */
export function goalCompletion(state: GoalTaskTreeState, goalId: string): GoalCompletion {
  const goal = state.goals[goalId];
  let weightDone = 0;
  let weightTotal = 0;
  for (const t of Object.values(goal?.tasks ?? {})) {
    if (t.status === "cancelled") continue;
    weightTotal += t.weight;
    if (t.status === "done") weightDone += t.weight;
  }
  const done = goal?.counts.done ?? 0;
  const total = goal === undefined ? 0 : goal.counts.open + goal.counts.in_progress + goal.counts.done;
  return {
    done,
    total,
    completionBps: bpsFloor(done, total),
    weightDone,
    weightTotal,
    weightedCompletionBps: bpsFloor(weightDone, weightTotal),
  };
}

/**
 * A goal's tasks still open or in progress whose due date is before `today` (a task due today is not late).
 *
 * @param state - The state of {@link goalTaskTree}.
 * @param goalId - The goal.
 * @param today - The local calendar date to judge by.
 * @returns The late tasks, earliest due first (ties by id).
 * @example
 * ```ts
 * overdueTasks(state, "g-1", "2026-08-01").map((t) => t.taskId); // ["t-2"]
 * ```
 */
export function overdueTasks(state: GoalTaskTreeState, goalId: string, today: string): TaskView[] {
  return Object.values(state.goals[goalId]?.tasks ?? {})
    .filter((t) => (t.status === "open" || t.status === "in_progress") && compareCalendarDates(t.dueDate, today) < 0)
    .sort((a, b) => compareCalendarDates(a.dueDate, b.dueDate) || (a.taskId < b.taskId ? -1 : 1));
}
