import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AccountBookEvent,
  accountOwnership,
  accountsHeldAt,
  type GoalTaskEvent,
  goalCompletion,
  goalTaskTree,
  overdueTasks,
  ownerAt,
  ownershipHistory,
  ownershipPeriods,
  territoryOwnerAt,
  territoryOwnership,
} from "../../../src/assignments/index.ts";
import { fold } from "../../../src/index.ts";
import { assigned, envelopes, released } from "./fixtures.ts";

const task = (taskId: string, weight: number, parentTaskId?: string, dueDate = "2026-07-31"): GoalTaskEvent => ({
  type: "TaskCreated",
  data: {
    goalId: "g-1",
    taskId,
    title: taskId,
    ownerRepId: "rep-ana",
    dueDate,
    weight,
    createdAt: "2026-07-01T00:00:00.000Z",
    ...(parentTaskId ? { parentTaskId } : {}),
  },
});
const status = (type: "TaskStarted" | "TaskCompleted" | "TaskCancelled", taskId: string): GoalTaskEvent =>
  ({
    type,
    data: {
      goalId: "g-1",
      taskId,
      ...(type === "TaskStarted" ? { startedAt: "2026-07-02T00:00:00.000Z" } : {}),
      ...(type === "TaskCompleted" ? { completedAt: "2026-07-03T00:00:00.000Z" } : {}),
      ...(type === "TaskCancelled" ? { cancelledAt: "2026-07-03T00:00:00.000Z", reason: "x" } : {}),
    },
  }) as GoalTaskEvent;

describe("goalTaskTree", () => {
  it("builds the tree and computes completion by count and weight, rounded down, cancelled tasks excluded", () => {
    const state = fold(
      goalTaskTree,
      envelopes([
        task("t-1", 3),
        task("t-2", 2, "t-1", "2026-07-05"),
        task("t-3", 1, "t-1", "2026-07-04"),
        task("t-4", 4),
        status("TaskCompleted", "t-2"),
        status("TaskStarted", "t-3"),
        status("TaskCancelled", "t-4"),
        {
          type: "TaskReassigned",
          data: {
            goalId: "g-1",
            taskId: "t-3",
            fromRepId: "rep-ana",
            toRepId: "rep-bo",
            effectiveFrom: "2026-07-02T00:00:00.000Z",
          },
        },
      ]),
    );
    const goal = state.goals["g-1"]!;
    expect(goal.roots).toEqual(["t-1", "t-4"]);
    expect(goal.tasks["t-1"]!.children).toEqual(["t-2", "t-3"]);
    expect(goal.tasks["t-3"]!.ownerRepId).toBe("rep-bo");
    expect(goal.counts).toEqual({ open: 1, in_progress: 1, done: 1, cancelled: 1 });
    // Live tasks t-1 (3), t-2 (2, done), t-3 (1): 1 of 3 done = 3333 bps; weight 2 of 6 = 3333 bps.
    expect(goalCompletion(state, "g-1")).toEqual({
      done: 1,
      total: 3,
      completionBps: 3333,
      weightDone: 2,
      weightTotal: 6,
      weightedCompletionBps: 3333,
    });
    expect(overdueTasks(state, "g-1", "2026-07-05").map((t) => t.taskId)).toEqual(["t-3"]);
  });

  it("has no completion ratio for a goal without live tasks, and zero weights give none either", () => {
    expect(goalCompletion(fold(goalTaskTree, envelopes([])), "g-1")).toMatchObject({
      total: 0,
      completionBps: null,
      weightedCompletionBps: null,
    });
    const state = fold(goalTaskTree, envelopes([task("t-1", 0), status("TaskCompleted", "t-1")]));
    expect(goalCompletion(state, "g-1")).toMatchObject({
      done: 1,
      total: 1,
      completionBps: 10_000,
      weightedCompletionBps: null,
    });
  });

  it("agrees with a direct count over random task histories", () => {
    const arb = fc.array(
      fc.record({
        weight: fc.integer({ min: 0, max: 10_000 }),
        fate: fc.constantFrom("open", "started", "done", "cancelled"),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (tasks) => {
        const events = tasks.flatMap((t, i) => {
          const id = `t-${i}`;
          const out = [task(id, t.weight)];
          if (t.fate === "started") out.push(status("TaskStarted", id));
          if (t.fate === "done") out.push(status("TaskCompleted", id));
          if (t.fate === "cancelled") out.push(status("TaskCancelled", id));
          return out;
        });
        const c = goalCompletion(fold(goalTaskTree, envelopes(events)), "g-1");
        const live = tasks.filter((t) => t.fate !== "cancelled");
        const done = live.filter((t) => t.fate === "done");
        const w = (xs: typeof tasks) => xs.reduce((a, t) => a + t.weight, 0);
        expect(c.total).toBe(live.length);
        expect(c.done).toBe(done.length);
        expect(c.completionBps).toBe(live.length === 0 ? null : Math.floor((done.length * 10_000) / live.length));
        expect(c.weightedCompletionBps).toBe(w(live) === 0 ? null : Math.floor((w(done) * 10_000) / w(live)));
      }),
    );
  });
});

describe("accountOwnership", () => {
  const events: AccountBookEvent[] = [
    assigned("cu-1", "rep-ana", "2026-07-01T00:00:00.000Z", "routed"),
    released("cu-1", "rep-ana", "2026-07-10T00:00:00.000Z"),
    assigned("cu-1", "rep-bo", "2026-07-12T00:00:00.000Z", "claimed"),
    assigned("cu-1", "rep-cy", "2026-07-05T08:00:00+08:00", "back-dated correction"),
    assigned("cu-2", "rep-bo", "2026-07-01T00:00:00.000Z"),
    {
      type: "AccountReturnedToPool",
      data: {
        customerId: "cu-2",
        fromRepId: "rep-bo",
        effectiveFrom: "2026-08-01T00:00:00.000Z",
        lastTouchedAt: "2026-07-01T00:00:00.000Z",
        idleDays: 31,
      },
    },
  ];
  const state = fold(accountOwnership, envelopes(events));

  it("answers who owned an account at any instant, back-dated changes included", () => {
    expect(ownerAt(state, "cu-1", "2026-06-30T23:59:59.999Z")).toBeUndefined();
    expect(ownerAt(state, "cu-1", "2026-07-01T00:00:00.000Z")).toBe("rep-ana");
    expect(ownerAt(state, "cu-1", "2026-07-05T00:00:00.000Z")).toBe("rep-cy");
    expect(ownerAt(state, "cu-1", "2026-07-11T00:00:00.000Z")).toBeNull();
    expect(ownerAt(state, "cu-1", "2026-12-31T00:00:00.000Z")).toBe("rep-bo");
    expect(ownerAt(state, "cu-2", "2026-08-01T00:00:00.000Z")).toBeNull();
  });

  it("lists periods in effect order and the history in recording order, with who and why", () => {
    expect(ownershipPeriods(state, "cu-1").map((p) => [p.holder, p.from, p.to])).toEqual([
      ["rep-ana", "2026-07-01T00:00:00.000Z", "2026-07-05T00:00:00.000Z"],
      ["rep-cy", "2026-07-05T00:00:00.000Z", "2026-07-10T00:00:00.000Z"],
      [null, "2026-07-10T00:00:00.000Z", "2026-07-12T00:00:00.000Z"],
      ["rep-bo", "2026-07-12T00:00:00.000Z", undefined],
    ]);
    expect(ownershipHistory(state, "cu-1").map((r) => [r.kind, r.holder, r.reason, r.actor])).toEqual([
      ["assigned", "rep-ana", "routed", "user:lee"],
      ["released", null, "released", "user:lee"],
      ["assigned", "rep-bo", "claimed", "user:lee"],
      ["assigned", "rep-cy", "back-dated correction", "user:lee"],
    ]);
    expect(ownershipHistory(state, "cu-2")[1]).toMatchObject({ kind: "returned", reason: "idle for 31 days" });
  });

  it("lists the accounts each rep held at an instant", () => {
    expect(accountsHeldAt(state, "2026-07-06T00:00:00.000Z")).toEqual({
      byRep: { "rep-cy": ["cu-1"], "rep-bo": ["cu-2"] },
      pool: [],
    });
    expect(accountsHeldAt(state, "2026-08-02T00:00:00.000Z")).toEqual({
      byRep: { "rep-bo": ["cu-1"] },
      pool: ["cu-2"],
    });
  });
});

describe("territoryOwnership", () => {
  it("keeps effective-dated territory owners", () => {
    const state = fold(
      territoryOwnership,
      envelopes([
        {
          type: "TerritoryDefined",
          data: { territoryId: "east", name: "East", criteria: { regions: ["east"] }, priority: 1 },
        },
        {
          type: "TerritoryOwnerAssigned",
          data: { territoryId: "east", repId: "rep-ana", effectiveFrom: "2026-01-01T00:00:00.000Z" },
        },
        {
          type: "TerritoryOwnerAssigned",
          data: {
            territoryId: "east",
            repId: "rep-bo",
            effectiveFrom: "2026-07-01T00:00:00.000Z",
            reason: "realignment",
          },
        },
        { type: "TerritoryRetired", data: { territoryId: "east", effectiveFrom: "2027-01-01T00:00:00.000Z" } },
      ] satisfies AccountBookEvent[]),
    );
    expect(territoryOwnerAt(state, "east", "2025-12-31T00:00:00.000Z")).toBeUndefined();
    expect(territoryOwnerAt(state, "east", "2026-06-30T23:59:59.999Z")).toBe("rep-ana");
    expect(territoryOwnerAt(state, "east", "2026-07-01T00:00:00.000Z")).toBe("rep-bo");
    expect(state.territories.east?.retiredFrom).toBe("2027-01-01T00:00:00.000Z");
    expect(state.territories.east?.owners[1]?.reason).toBe("realignment");
  });
});
