import { describe, expect, it } from "vitest";
import {
  type EventEnvelope,
  createCommandHandler,
  createInMemoryEventStore,
  defineCalendar,
  fold,
  periodById,
  rebuildProjection,
  steppingClock,
} from "../../../src/index.ts";
import {
  managerChainAsOf,
  organizationDecider,
  organizationStreamId,
  participationIn,
  rosterAsOf,
  type TeamCommand,
  type TeamEvent,
  teamCommand,
  teamDirectory,
  teamEvents,
  teamsOfMemberAsOf,
  teamTreeAsOf,
} from "../../../src/team/index.ts";

// Shanghai is UTC+8 with no DST: local midnight of day D is D-1 16:00Z.
const cal = defineCalendar({ timeZone: "Asia/Shanghai" });
const q3 = periodById(cal, "2026-Q3");

async function organisation(commands: TeamCommand[]) {
  const store = createInMemoryEventStore({ catalog: teamEvents, clock: steppingClock("2026-01-01T00:00:00.000Z") });
  const handler = createCommandHandler({ store, decider: organizationDecider, commands: teamCommand });
  for (const c of commands) await handler.handle(organizationStreamId("acme"), c);
  const { state } = await rebuildProjection(store, teamDirectory);
  const loaded = await handler.load(organizationStreamId("acme"));
  return { store, state, decided: loaded.state };
}

const hire = (
  memberId: string,
  effectiveFrom: string,
  extra: Partial<{ teamId: string; managerId: string }> = {},
): TeamCommand => ({
  type: "HireMember",
  data: { memberId, displayName: memberId.toUpperCase(), roles: ["rep"], effectiveFrom, ...extra },
});

const base: TeamCommand[] = [
  { type: "CreateTeam", data: { teamId: "sales", name: "Sales", effectiveFrom: "2026-01-01T00:00:00+08:00" } },
  {
    type: "CreateTeam",
    data: { teamId: "east", name: "East", parentTeamId: "sales", effectiveFrom: "2026-01-01T00:00:00+08:00" },
  },
  {
    type: "CreateTeam",
    data: { teamId: "west", name: "West", parentTeamId: "sales", effectiveFrom: "2026-01-01T00:00:00+08:00" },
  },
  hire("vp", "2026-01-01T00:00:00+08:00", { teamId: "sales" }),
  hire("li", "2026-01-01T00:00:00+08:00", { teamId: "east", managerId: "vp" }),
  hire("ana", "2026-01-05T09:00:00+08:00", { teamId: "east", managerId: "li" }),
  hire("bo", "2026-08-17T09:00:00+08:00", { teamId: "west", managerId: "vp" }),
  // Ana: three weeks of leave in August, then moves to West under VP from 1 September; leaves on 16 September.
  {
    type: "StartLeaveOfAbsence",
    data: {
      memberId: "ana",
      leaveId: "l1",
      effectiveFrom: "2026-08-03T00:00:00+08:00",
      until: "2026-08-24T00:00:00+08:00",
    },
  },
  {
    type: "ChangeTeamMembership",
    data: { memberId: "ana", teamId: "west", effectiveFrom: "2026-09-01T00:00:00+08:00" },
  },
  { type: "ChangeManager", data: { memberId: "ana", managerId: "vp", effectiveFrom: "2026-09-01T00:00:00+08:00" } },
  { type: "TerminateMember", data: { memberId: "ana", effectiveFrom: "2026-09-16T00:00:00+08:00" } },
];

describe("team views", () => {
  it("the projection folds to the decider's state", async () => {
    const { state, decided } = await organisation(base);
    expect(JSON.parse(JSON.stringify(state))).toEqual(JSON.parse(JSON.stringify(decided)));
  });

  it("gives the roster as of an instant, with leave and effective-dated team and manager", async () => {
    const { state } = await organisation(base);
    const brief = (at: string) =>
      rosterAsOf(state, at).map((m) => `${m.memberId}:${m.status}:${m.teamId}:${m.managerId}`);
    expect(brief("2026-07-15T00:00:00+08:00")).toEqual([
      "ana:active:east:li",
      "li:active:east:vp",
      "vp:active:sales:null",
    ]);
    expect(brief("2026-08-20T00:00:00+08:00")).toEqual([
      "ana:on_leave:east:li",
      "bo:active:west:vp",
      "li:active:east:vp",
      "vp:active:sales:null",
    ]);
    expect(brief("2026-09-10T00:00:00+08:00")[0]).toBe("ana:active:west:vp");
    expect(brief("2026-09-16T00:00:00+08:00").map((s) => s.split(":")[0])).toEqual(["bo", "li", "vp"]);
    expect(rosterAsOf(state, "2026-08-20T00:00:00+08:00")[0]?.leaveId).toBe("l1");
  });

  it("walks the manager chain and the team tree as of an instant", async () => {
    const { state } = await organisation(base);
    expect(managerChainAsOf(state, "ana", "2026-07-15T00:00:00+08:00")).toEqual(["li", "vp"]);
    expect(managerChainAsOf(state, "ana", "2026-09-10T00:00:00+08:00")).toEqual(["vp"]);
    expect(managerChainAsOf(state, "vp", "2026-07-15T00:00:00+08:00")).toEqual([]);
    expect(teamsOfMemberAsOf(state, "ana", "2026-07-15T00:00:00+08:00")).toEqual(["east", "sales"]);
    const tree = teamTreeAsOf(state, "2026-09-10T00:00:00+08:00");
    expect(tree.map((t) => t.teamId)).toEqual(["sales"]);
    expect(tree[0]!.memberIds).toEqual(["vp"]);
    expect(tree[0]!.children.map((t) => `${t.teamId}=${t.memberIds.join("+")}`)).toEqual(["east=li", "west=ana+bo"]);
  });

  it("counts participation days with inclusive local dates, minus leave", async () => {
    const { state } = await organisation(base);
    // Ana: 1 Jul – 15 Sep (77 days) minus 3–23 Aug (21 days of leave) = 56 days of Q3's 92.
    expect(participationIn(state, "ana", q3)).toEqual({
      memberId: "ana",
      periodId: "2026-Q3",
      days: 31 + 2 + 8 + 15,
      periodDays: 92,
      segments: [
        { from: "2026-07-01", through: "2026-08-02" },
        { from: "2026-08-24", through: "2026-09-15" },
      ],
    });
    // Bo: hired at 09:00 on 17 Aug, that day counts: 15 + 30 days.
    expect(participationIn(state, "bo", q3).days).toBe(45);
    expect(participationIn(state, "vp", q3).days).toBe(92);
    expect(participationIn(state, "nobody", q3).days).toBe(0);
    expect(participationIn(state, "bo", periodById(cal, "2026-Q2")).days).toBe(0);
  });

  it("counts a day touched by two stretches once", async () => {
    const { state } = await organisation([
      hire("cy", "2026-06-01T00:00:00+08:00"),
      {
        type: "StartLeaveOfAbsence",
        data: {
          memberId: "cy",
          leaveId: "l1",
          effectiveFrom: "2026-07-10T10:00:00+08:00",
          until: "2026-07-10T15:00:00+08:00",
        },
      },
    ]);
    expect(participationIn(state, "cy", q3).days).toBe(92);
  });

  it("folds the same way from scratch and incrementally", async () => {
    const { store, state } = await organisation(base);
    const events: EventEnvelope<TeamEvent>[] = [];
    for await (const e of store.readAll()) events.push(e as EventEnvelope<TeamEvent>);
    const half = fold(teamDirectory, events.slice(0, 6));
    const rest = fold(teamDirectory, events.slice(6), half);
    expect(JSON.parse(JSON.stringify(rest))).toEqual(JSON.parse(JSON.stringify(state)));
  });
});
