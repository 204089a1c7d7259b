import { describe, expect, it } from "vitest";
import { type GoalTaskEvent, goalTaskCommand, goalTasksDecider } from "../../../src/assignments/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const now = "2026-07-10T09:00:00.000Z";
const spec = deciderSpec(goalTasksDecider, { commands: goalTaskCommand, now, idPrefix: "task" });

const created = (taskId: string, parentTaskId?: string, extra: Partial<GoalTaskEvent["data"]> = {}): GoalTaskEvent => ({
  type: "TaskCreated",
  data: {
    goalId: "g-1",
    taskId,
    title: `task ${taskId}`,
    ownerRepId: "rep-ana",
    dueDate: "2026-07-31",
    weight: 1,
    createdAt: "2026-07-01T09:00:00.000Z",
    ...(parentTaskId === undefined ? {} : { parentTaskId }),
    ...extra,
  } as never,
});
const started = (taskId: string): GoalTaskEvent => ({
  type: "TaskStarted",
  data: { goalId: "g-1", taskId, startedAt: "2026-07-02T09:00:00.000Z" },
});
const done = (taskId: string): GoalTaskEvent => ({
  type: "TaskCompleted",
  data: { goalId: "g-1", taskId, completedAt: "2026-07-03T09:00:00.000Z" },
});
const cancelled = (taskId: string, at = "2026-07-03T09:00:00.000Z"): GoalTaskEvent => ({
  type: "TaskCancelled",
  data: { goalId: "g-1", taskId, cancelledAt: at, reason: "re-scoped" },
});

describe("goal tasks: creating", () => {
  it("creates a task with an id from the context and weight 1 by default", () => {
    spec
      .given([])
      .when({
        type: "CreateTask",
        data: { goalId: "g-1", title: "Call dormant accounts", ownerRepId: "rep-ana", dueDate: "2026-07-31" },
      })
      .then([
        {
          type: "TaskCreated",
          data: {
            goalId: "g-1",
            taskId: "task-000001",
            title: "Call dormant accounts",
            ownerRepId: "rep-ana",
            dueDate: "2026-07-31",
            weight: 1,
            createdAt: now,
          },
        },
      ]);
  });

  it("creates a subtask under an open parent", () => {
    spec
      .given([created("t-1")])
      .when({
        type: "CreateTask",
        data: {
          goalId: "g-1",
          taskId: "t-2",
          parentTaskId: "t-1",
          title: "x",
          ownerRepId: "rep-bo",
          dueDate: "2026-07-20",
          weight: 3,
        },
      })
      .then([
        {
          type: "TaskCreated",
          data: {
            goalId: "g-1",
            taskId: "t-2",
            parentTaskId: "t-1",
            title: "x",
            ownerRepId: "rep-bo",
            dueDate: "2026-07-20",
            weight: 3,
            createdAt: now,
          },
        },
      ]);
  });

  const create = (data: Record<string, unknown>) =>
    ({
      type: "CreateTask",
      data: { goalId: "g-1", title: "x", ownerRepId: "rep-ana", dueDate: "2026-07-31", ...data },
    }) as never;

  it("task_already_exists", () =>
    spec
      .given([created("t-1")])
      .when(create({ taskId: "t-1" }))
      .then("task_already_exists"));
  it("goal_mismatch", () =>
    spec
      .given([created("t-1")])
      .when(create({ goalId: "g-2" }))
      .then("goal_mismatch"));
  it("parent_task_not_found", () =>
    spec
      .given([created("t-1")])
      .when(create({ parentTaskId: "t-9" }))
      .then("parent_task_not_found"));
  it("parent_task_closed", () =>
    spec
      .given([created("t-1"), done("t-1")])
      .when(create({ parentTaskId: "t-1" }))
      .then("parent_task_closed"));
  it("task_tree_too_deep: five levels are fine, a sixth is refused", () => {
    const chain = [created("t-1"), created("t-2", "t-1"), created("t-3", "t-2"), created("t-4", "t-3")];
    const [event] = goalTasksDecider.decide(
      {
        type: "CreateTask",
        data: { goalId: "g-1", taskId: "t-5", parentTaskId: "t-4", title: "x", ownerRepId: "a", dueDate: "2026-07-31" },
      },
      chain.reduce(goalTasksDecider.evolve, goalTasksDecider.initialState()),
      { now, actor: undefined, newId: () => "n" },
    ) as GoalTaskEvent[];
    expect(event?.type).toBe("TaskCreated");
    spec
      .given([...chain, created("t-5", "t-4")])
      .when(create({ parentTaskId: "t-5" }))
      .then("task_tree_too_deep");
  });
});

describe("goal tasks: progress", () => {
  it("starts an open task", () =>
    spec
      .given([created("t-1")])
      .when({ type: "StartTask", data: { taskId: "t-1" } })
      .then([{ type: "TaskStarted", data: { goalId: "g-1", taskId: "t-1", startedAt: now } }]));
  it("task_already_started", () =>
    spec
      .given([created("t-1"), started("t-1")])
      .when({ type: "StartTask", data: { taskId: "t-1" } })
      .then("task_already_started"));
  it("task_not_found", () =>
    spec
      .given([created("t-1")])
      .when({ type: "StartTask", data: { taskId: "t-2" } })
      .then("task_not_found"));
  it("task_not_found in an empty goal", () =>
    spec
      .given([])
      .when({ type: "CompleteTask", data: { taskId: "t-1" } })
      .then("task_not_found"));
  it("task_closed: a done task cannot start, complete, cancel, reassign or reschedule", () => {
    for (const command of [
      { type: "StartTask", data: { taskId: "t-1" } },
      { type: "CompleteTask", data: { taskId: "t-1" } },
      { type: "CancelTask", data: { taskId: "t-1", reason: "x" } },
      { type: "ReassignTask", data: { taskId: "t-1", ownerRepId: "rep-bo" } },
      { type: "RescheduleTask", data: { taskId: "t-1", dueDate: "2026-08-01" } },
    ] as const) {
      spec
        .given([created("t-1"), done("t-1")])
        .when(command)
        .then("task_closed");
      spec
        .given([created("t-1"), cancelled("t-1")])
        .when(command)
        .then("task_closed");
    }
  });
  it("completes a task whose subtasks are closed", () =>
    spec
      .given([created("t-1"), created("t-2", "t-1"), created("t-3", "t-1"), done("t-2"), cancelled("t-3")])
      .when({ type: "CompleteTask", data: { taskId: "t-1" } })
      .then([{ type: "TaskCompleted", data: { goalId: "g-1", taskId: "t-1", completedAt: now } }]));
  it("subtasks_still_open", () => {
    const error = spec
      .given([created("t-1"), created("t-2", "t-1"), created("t-3", "t-1"), done("t-2"), started("t-3")])
      .when({ type: "CompleteTask", data: { taskId: "t-1" } })
      .thenThrows("subtasks_still_open") as { details: { openSubtasks: string[] } };
    expect(error.details.openSubtasks).toEqual(["t-3"]);
  });
  it("cancelling a task cancels its open descendants first, deepest first, and skips closed ones", () => {
    const given = [created("t-1"), created("t-2", "t-1"), created("t-3", "t-2"), created("t-4", "t-1"), done("t-4")];
    spec
      .given(given)
      .when({ type: "CancelTask", data: { taskId: "t-1", reason: "re-scoped" } })
      .then([cancelled("t-3", now), cancelled("t-2", now), cancelled("t-1", now)]);
  });
  it("reassigns a task", () =>
    spec
      .given([created("t-1")])
      .when({ type: "ReassignTask", data: { taskId: "t-1", ownerRepId: "rep-bo", reason: "leave" } })
      .then([
        {
          type: "TaskReassigned",
          data: {
            goalId: "g-1",
            taskId: "t-1",
            fromRepId: "rep-ana",
            toRepId: "rep-bo",
            effectiveFrom: now,
            reason: "leave",
          },
        },
      ]));
  it("task_owner_unchanged", () =>
    spec
      .given([created("t-1")])
      .when({ type: "ReassignTask", data: { taskId: "t-1", ownerRepId: "rep-ana" } })
      .then("task_owner_unchanged"));
  it("reschedules a task, and does nothing when the date is the same", () => {
    spec
      .given([created("t-1")])
      .when({ type: "RescheduleTask", data: { taskId: "t-1", dueDate: "2026-08-15" } })
      .then([{ type: "TaskRescheduled", data: { goalId: "g-1", taskId: "t-1", dueDate: "2026-08-15" } }]);
    spec
      .given([created("t-1")])
      .when({ type: "RescheduleTask", data: { taskId: "t-1", dueDate: "2026-07-31" } })
      .then([]);
  });
});
