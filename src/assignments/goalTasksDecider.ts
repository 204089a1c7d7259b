import type { Decider } from "../core/index.ts";
import type { GoalTaskCommand } from "./commands.ts";
import type { GoalTaskEvent } from "./events.ts";
import { MAX_TASK_DEPTH, requireRule, requireTask, requireTaskOpen } from "./rules.ts";
import type { TaskStatus } from "./schemas.ts";

/**
 * A task as the goal-tasks decider remembers it.
 *
 * @example
 * ```ts
 * const t: GoalTaskState = { taskId: "t-1", parentTaskId: undefined, ownerRepId: "rep-ana", status: "open", depth: 1, children: [], dueDate: "2026-07-31" };
 * ```
 */
export interface GoalTaskState {
  readonly taskId: string;
  readonly parentTaskId: string | undefined;
  readonly ownerRepId: string;
  readonly status: TaskStatus;
  readonly depth: number;
  readonly children: readonly string[];
  readonly dueDate: string;
}

/**
 * The state of a goal's task tree: the goal it belongs to (from its first task) and its tasks.
 *
 * @example
 * ```ts
 * const s: GoalTasksState = { goalId: undefined, tasks: {} };
 * ```
 */
export interface GoalTasksState {
  readonly goalId: string | undefined;
  readonly tasks: Readonly<Record<string, GoalTaskState>>;
}

/**
 * The stream of a goal's task tree.
 *
 * @param goalId - The goal.
 * @returns `goal-tasks-<goalId>`.
 * @example
 * ```ts
 * goalTasksStreamId("g-1"); // "goal-tasks-g-1"
 * ```
 */
export function goalTasksStreamId(goalId: string): string {
  return `goal-tasks-${goalId}`;
}

const setTask = (state: GoalTasksState, taskId: string, patch: Partial<GoalTaskState>): GoalTasksState => {
  const task = state.tasks[taskId];
  if (task === undefined) return state;
  return { ...state, tasks: { ...state.tasks, [taskId]: { ...task, ...patch } } };
};

function evolve(state: GoalTasksState, event: GoalTaskEvent): GoalTasksState {
  switch (event.type) {
    case "TaskCreated": {
      const d = event.data;
      const parent = d.parentTaskId === undefined ? undefined : state.tasks[d.parentTaskId];
      const task: GoalTaskState = {
        taskId: d.taskId,
        parentTaskId: d.parentTaskId,
        ownerRepId: d.ownerRepId,
        status: "open",
        depth: parent === undefined ? 1 : parent.depth + 1,
        children: [],
        dueDate: d.dueDate,
      };
      const tasks = { ...state.tasks, [d.taskId]: task };
      if (parent !== undefined) tasks[parent.taskId] = { ...parent, children: [...parent.children, d.taskId] };
      return { goalId: state.goalId ?? d.goalId, tasks };
    }
    case "TaskStarted":
      return setTask(state, event.data.taskId, { status: "in_progress" });
    case "TaskCompleted":
      return setTask(state, event.data.taskId, { status: "done" });
    case "TaskCancelled":
      return setTask(state, event.data.taskId, { status: "cancelled" });
    case "TaskReassigned":
      return setTask(state, event.data.taskId, { ownerRepId: event.data.toRepId });
    case "TaskRescheduled":
      return setTask(state, event.data.taskId, { dueDate: event.data.dueDate });
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

const isOpen = (t: GoalTaskState | undefined) => t !== undefined && (t.status === "open" || t.status === "in_progress");

// Open descendants of a task, deepest first, so a cascade closes children before their parents.
function openDescendants(state: GoalTasksState, taskId: string): string[] {
  const out: string[] = [];
  for (const child of state.tasks[taskId]?.children ?? []) {
    out.push(...openDescendants(state, child));
    if (isOpen(state.tasks[child])) out.push(child);
  }
  return out;
}

/**
 * The decider of a goal's task tree (one stream per goal): tasks derived from the goal, with owners, due dates,
 * weights and subtasks. Cancelling a task cancels its open subtasks; a task completes only when none is open.
 *
 * @example
 * ```ts
 * const tasks = createCommandHandler({ store, decider: goalTasksDecider, commands: goalTaskCommand });
 * await tasks.handle(goalTasksStreamId("g-1"), { type: "CreateTask", data: { goalId: "g-1", title: "Visit top 10", ownerRepId: "rep-ana", dueDate: "2026-07-31" } });
 * ```
 */
export const goalTasksDecider: Decider<GoalTaskCommand, GoalTaskEvent, GoalTasksState> = {
  name: "goalTasks",
  version: "1",
  initialState: () => ({ goalId: undefined, tasks: {} }),
  evolve,
  decide: (command, state, { now, newId }) => {
    const goalId = state.goalId;
    if (command.type === "CreateTask") {
      const d = command.data;
      const taskId = d.taskId ?? newId();
      requireRule(
        goalId === undefined || goalId === d.goalId,
        "goal_mismatch",
        `goalTasks: this stream holds the tasks of goal ${goalId}, not ${d.goalId}`,
        { goalId, requested: d.goalId },
      );
      requireRule(!Object.hasOwn(state.tasks, taskId), "task_already_exists", `goalTasks: task ${taskId} exists`, {
        taskId,
      });
      if (d.parentTaskId !== undefined) {
        const parent = state.tasks[d.parentTaskId];
        requireRule(parent !== undefined, "parent_task_not_found", `goalTasks: no parent task ${d.parentTaskId}`, {
          parentTaskId: d.parentTaskId,
        });
        requireRule(isOpen(parent), "parent_task_closed", `goalTasks: parent task ${d.parentTaskId} is closed`, {
          parentTaskId: d.parentTaskId,
          status: parent.status,
        });
        requireRule(
          parent.depth < MAX_TASK_DEPTH,
          "task_tree_too_deep",
          `goalTasks: a task tree is at most ${MAX_TASK_DEPTH} levels deep`,
          { parentTaskId: d.parentTaskId, maxDepth: MAX_TASK_DEPTH },
        );
      }
      const data = {
        goalId: d.goalId,
        taskId,
        title: d.title,
        ownerRepId: d.ownerRepId,
        dueDate: d.dueDate,
        weight: d.weight ?? 1,
        createdAt: now,
        ...(d.parentTaskId === undefined ? {} : { parentTaskId: d.parentTaskId }),
      };
      return [{ type: "TaskCreated", data }];
    }
    const { taskId } = command.data;
    requireTask(state.tasks, taskId);
    const task = state.tasks[taskId]!;
    const gid = goalId!;
    requireTaskOpen(taskId, task.status);
    switch (command.type) {
      case "StartTask":
        requireRule(task.status === "open", "task_already_started", `goalTasks: task ${taskId} is already started`, {
          taskId,
        });
        return [{ type: "TaskStarted", data: { goalId: gid, taskId, startedAt: now } }];
      case "CompleteTask": {
        const open = task.children.filter((c) => isOpen(state.tasks[c]));
        requireRule(
          open.length === 0,
          "subtasks_still_open",
          `goalTasks: task ${taskId} has ${open.length} open subtask(s)`,
          { taskId, openSubtasks: open },
        );
        return [{ type: "TaskCompleted", data: { goalId: gid, taskId, completedAt: now } }];
      }
      case "CancelTask":
        return [...openDescendants(state, taskId), taskId].map((id) => ({
          type: "TaskCancelled" as const,
          data: { goalId: gid, taskId: id, cancelledAt: now, reason: command.data.reason },
        }));
      case "ReassignTask": {
        const { ownerRepId, reason } = command.data;
        requireRule(
          ownerRepId !== task.ownerRepId,
          "task_owner_unchanged",
          `goalTasks: ${ownerRepId} already owns task ${taskId}`,
          { taskId, ownerRepId },
        );
        const data = { goalId: gid, taskId, fromRepId: task.ownerRepId, toRepId: ownerRepId, effectiveFrom: now };
        return [{ type: "TaskReassigned", data: reason === undefined ? data : { ...data, reason } }];
      }
      case "RescheduleTask": {
        const { dueDate, reason } = command.data;
        if (dueDate === task.dueDate) return [];
        const data = { goalId: gid, taskId, dueDate };
        return [{ type: "TaskRescheduled", data: reason === undefined ? data : { ...data, reason } }];
      }
      default: {
        const _exhaustive: never = command;
        return [];
      }
    }
  },
};
