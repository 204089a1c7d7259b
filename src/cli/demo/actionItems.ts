// The tables of the weekly meetings: how each team's meetings went over the quarter, the action items still open at
// quarter end by owner, and the overdue ones.
import {
  type BacklogItem,
  coachingBacklog,
  coachingBacklogProjection,
  type MeetingHeld,
} from "../../coaching/index.ts";
import { diffCalendarDays, type EventOf, rebuildProjection } from "../../index.ts";
import type { ReportSection } from "../../sales/index.ts";
import { REPS, TEAMS } from "./cast.ts";
import type { DemoWorld } from "./world.ts";

/** The last day of the quarter: an item still open and due before it is overdue at quarter end. */
export const QUARTER_LAST_DAY = "2026-09-30";

type Held = EventOf<typeof MeetingHeld>["data"];

const repOrder = (ownerId: string) => {
  const i = REPS.findIndex((r) => r.repId === ownerId);
  return i < 0 ? REPS.length : i;
};
const byOwnerThenDue = (a: BacklogItem, b: BacklogItem) =>
  repOrder(a.ownerId) - repOrder(b.ownerId) || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0);

/** The action items, printed after the pipeline and forecast. */
export async function weeklyMeetingReport(w: DemoWorld): Promise<ReportSection[]> {
  const { state } = await rebuildProjection(w.store, coachingBacklogProjection);
  if (Object.keys(state.series).length === 0) return [];
  const held: Held[] = [];
  for await (const e of w.store.readAll({ types: ["MeetingHeld"] })) held.push(e.data as Held);
  const items = Object.values(state.items);
  const heldOn = new Map(held.map((m) => [m.meetingId, m.heldOn]));

  const meetings = TEAMS.map((team) => {
    const seriesId = Object.keys(state.series).find((id) => state.series[id]!.teamId === team.teamId)!;
    const mine = items.filter((i) => i.seriesId === seriesId);
    const count = (status: BacklogItem["status"]) => mine.filter((i) => i.status === status).length;
    const last = held.filter((m) => m.seriesId === seriesId).at(-1);
    return {
      team: team.name,
      series: seriesId,
      meetings: held.filter((m) => m.seriesId === seriesId).length,
      "items raised": mine.length,
      completed: count("completed"),
      cancelled: count("cancelled"),
      "open at quarter end": count("open"),
      "carried into last meeting": last?.carriedForward.length ?? 0,
    };
  });

  const backlog = coachingBacklog(state, QUARTER_LAST_DAY);
  const overdueIds = new Set(Object.values(backlog.byOwner).flatMap((p) => p.overdue));
  const key = (i: BacklogItem) => `${i.seriesId}/${i.actionId}`;
  const open = items
    .filter((i) => i.status === "open")
    .sort(byOwnerThenDue)
    .map((i) => ({
      owner: i.ownerId,
      item: i.actionId,
      description: i.description,
      raised: heldOn.get(i.meetingId) ?? i.meetingId,
      due: i.dueOn,
      "weeks carried": i.carriedForward,
      overdue: overdueIds.has(key(i)) ? "yes" : "no",
    }));
  const overdue = items
    .filter((i) => overdueIds.has(key(i)))
    .sort(byOwnerThenDue)
    .map((i) => ({
      owner: i.ownerId,
      item: i.actionId,
      due: i.dueOn,
      "days overdue": diffCalendarDays(i.dueOn, QUARTER_LAST_DAY),
      description: i.description,
    }));
  return [
    { title: "Weekly team meetings (every Monday, 10:00)", rows: meetings },
    { title: "Open action items by owner at quarter end", rows: open },
    { title: `Overdue action items at quarter end (still open, due before ${QUARTER_LAST_DAY})`, rows: overdue },
  ];
}
