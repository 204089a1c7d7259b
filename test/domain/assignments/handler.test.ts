// The deciders behind the command handler and a real store: the events they produce pass the catalog, replays from
// snapshots decide the same, and the projections read the stored log.
import { describe, expect, it } from "vitest";
import {
  type AccountBookCommand,
  accountBookCommand,
  accountBookDecider,
  accountBookStreamId,
  accountOwnership,
  assignmentsEvents,
  goalCompletion,
  goalTaskCommand,
  goalTasksDecider,
  goalTasksStreamId,
  goalTaskTree,
  ownerAt,
} from "../../../src/assignments/index.ts";
import {
  createCommandHandler,
  createInMemoryEventStore,
  createInMemorySnapshotStore,
  rebuildProjection,
  steppingClock,
} from "../../../src/index.ts";

const setup: AccountBookCommand[] = [
  { type: "EnrollRep", data: { repId: "rep-ana", maxAccounts: 2 } },
  { type: "EnrollRep", data: { repId: "rep-bo" } },
  { type: "EnrollRep", data: { repId: "rep-cy" } },
  {
    type: "SetPoolPolicy",
    data: { timeZone: "Asia/Shanghai", claimsPerDay: 1, maxHoldings: 10, returnAfterDays: 30, reclaimCooldownDays: 0 },
  },
  {
    type: "DefineTerritory",
    data: { territoryId: "east", name: "East", criteria: { regions: ["east"] }, priority: 1 },
  },
  { type: "AssignTerritoryOwner", data: { territoryId: "east", repId: "rep-cy" } },
  {
    type: "ConfigureRouting",
    data: {
      overflowToPool: true,
      rules: [
        { ruleId: "east", when: { regions: ["east"] }, strategy: "territory" },
        { ruleId: "rr", when: {}, strategy: "round_robin", reps: ["rep-ana", "rep-bo"] },
      ],
    },
  },
];

async function run(snapshots: boolean) {
  const store = createInMemoryEventStore({ catalog: assignmentsEvents });
  const book = createCommandHandler({
    store,
    decider: accountBookDecider,
    commands: accountBookCommand,
    clock: steppingClock("2026-07-01T00:00:00.000Z", 3_600_000),
    ...(snapshots ? { snapshots: { store: createInMemorySnapshotStore(), every: 3 } } : {}),
  });
  const stream = accountBookStreamId("team-1");
  for (const c of setup) await book.handle(stream, c);
  for (let i = 0; i < 6; i++) {
    const region = i % 3 === 0 ? "east" : "west";
    await book.handle(stream, {
      type: "RegisterAccount",
      data: { customerId: `cu-${i}`, attributes: { region }, placement: "route" },
    });
  }
  await book.handle(stream, { type: "ReleaseAccount", data: { customerId: "cu-1", reason: "no budget" } });
  await book.handle(stream, { type: "ClaimAccount", data: { customerId: "cu-1", repId: "rep-cy" } });
  const claimedTwice = await book
    .handle(stream, { type: "ClaimAccount", data: { customerId: "cu-5", repId: "rep-cy" } })
    .catch((e) => e.rule);
  const { events } = await store.readStream(stream);
  return { store, log: events.map((e) => ({ type: e.type, data: e.data })), claimedTwice };
}

describe("account book behind the command handler", () => {
  it("stores valid events, and decides the same with snapshots", async () => {
    const plain = await run(false);
    const snap = await run(true);
    expect(snap.log).toEqual(plain.log);
    const owners = plain.log
      .filter((e) => e.type === "AccountOwnerAssigned")
      .map((e) => (e.data as { repId: string }).repId);
    // cu-0, cu-3 east → rep-cy (territory); west accounts round-robin ana, bo, ana; then ana is full (cap 2) → bo.
    expect(owners).toEqual(["rep-cy", "rep-ana", "rep-bo", "rep-cy", "rep-ana", "rep-bo", "rep-cy"]);
    expect(plain.claimedTwice).toBe("account_not_in_pool");
    const { state } = await rebuildProjection(plain.store, accountOwnership);
    expect(ownerAt(state, "cu-1", "2027-01-01T00:00:00.000Z")).toBe("rep-cy");
  });

  it("runs a goal's task tree", async () => {
    const store = createInMemoryEventStore({ catalog: assignmentsEvents });
    const tasks = createCommandHandler({ store, decider: goalTasksDecider, commands: goalTaskCommand });
    const stream = goalTasksStreamId("g-1");
    const create = (taskId: string, parentTaskId?: string) =>
      tasks.handle(stream, {
        type: "CreateTask",
        data: {
          goalId: "g-1",
          taskId,
          title: taskId,
          ownerRepId: "rep-ana",
          dueDate: "2026-07-31",
          ...(parentTaskId ? { parentTaskId } : {}),
        },
      });
    await create("t-1");
    await create("t-2", "t-1");
    await tasks.handle(stream, { type: "CompleteTask", data: { taskId: "t-2" } });
    const { state } = await rebuildProjection(store, goalTaskTree);
    expect(goalCompletion(state, "g-1")).toMatchObject({ done: 1, total: 2, completionBps: 5000 });
  });
});
