// The demo's weekly team meetings. Every Monday of the quarter at 10:00, Li Na (East) and Sam Ortiz (West) meet
// their reps: last week's action items are reviewed (completed when the deal moved on or was won, cancelled when it
// was lost, carried forward otherwise), the agenda comes from the team's open pipeline, and each rep takes one new
// action item, due on Friday, on their nearest-closing open deal that has none yet. On the quarter's last afternoon
// each manager reviews the open items once more, so the quarter-end tables show only the items still to do.
import { meetingSeriesStreamId } from "../../coaching/index.ts";
import { type DealBoardState, type DealRow, dealBoard } from "../../deals/index.ts";
import { addCalendarDays, formatMoney, money, rebuildProjection } from "../../index.ts";
import { REPS, TEAMS } from "./cast.ts";
import type { Milestone } from "./quarter.ts";
import { QUARTER_LAST_DAY } from "./actionItems.ts";
import { at, type DemoWorld } from "./world.ts";

/** The Mondays of 2026-Q3, when each team meets. */
export const MONDAYS = [
  "2026-07-06",
  "2026-07-13",
  "2026-07-20",
  "2026-07-27",
  "2026-08-03",
  "2026-08-10",
  "2026-08-17",
  "2026-08-24",
  "2026-08-31",
  "2026-09-07",
  "2026-09-14",
  "2026-09-21",
  "2026-09-28",
] as const;

type Team = (typeof TEAMS)[number];

/** A team's meeting series id: `east-weekly`, `west-weekly`. */
export const seriesIdOf = (team: Team) => `${team.teamId.replace(/^team-/, "")}-weekly`;

/** What the next step on a deal is, by its stage. */
const NEXT_STEP: Record<string, string> = {
  prospecting: "Book a discovery call",
  qualification: "Confirm budget and decision maker",
  needs_analysis: "Send the needs summary",
  proposal: "Walk the buyer through the proposal",
  negotiation: "Agree final terms",
};

/** An open action item as the meetings follow it: the deal it is about and the deal's stage when raised. */
interface Followed {
  readonly actionId: string;
  readonly dealId: string;
  readonly stage: string;
}

const byCloseDate = (a: DealRow, b: DealRow) => {
  const [x, y] = [a.closeDate ?? "9999-12-31", b.closeDate ?? "9999-12-31"];
  return x !== y ? (x < y ? -1 : 1) : a.dealId < b.dealId ? -1 : 1;
};

const usd = (amount: number) => formatMoney(money(amount, "USD"));

/** The agenda of a team's meeting, from its open pipeline. */
function agendaOf(deals: readonly DealRow[], monday: string, carried: number): string[] {
  const open = deals.filter((d) => d.status === "open");
  const amount = open.reduce((s, d) => s + d.amount.amount, 0);
  const horizon = addCalendarDays(monday, 14);
  const closing = open.filter((d) => d.closeDate !== undefined && d.closeDate < horizon).map((d) => d.dealId);
  return [
    `Pipeline: ${open.length} open deal(s), ${usd(amount)}`,
    closing.length > 0 ? `Closing within two weeks: ${closing.join(", ")}` : "Nothing closing within two weeks",
    `Action items carried forward: ${carried}`,
  ];
}

/**
 * Reviews a team's followed action items on a day: completed when the deal moved on or was won, cancelled when it
 * was lost, left open (to be carried forward) otherwise. Returns the board read and the decisions taken.
 */
async function reviewItems(w: DemoWorld, team: Team, day: string, followed: Followed[]) {
  const stream = meetingSeriesStreamId(seriesIdOf(team));
  const actor = { actor: `user:${team.managerId}` };
  const { state } = await rebuildProjection(w.store, dealBoard);
  const board: DealBoardState["deals"] = state.deals;
  const decisions: string[] = [];
  for (const item of [...followed]) {
    const deal = board[item.dealId]!;
    if (deal.status === "open" && deal.stage === item.stage) continue;
    followed.splice(followed.indexOf(item), 1);
    if (deal.status === "lost") {
      const reason = `${deal.dealId} lost (${deal.reason ?? "no reason"})`;
      await w.meetings.handle(
        stream,
        { type: "CancelActionItem", data: { actionId: item.actionId, reason, cancelledOn: day } },
        actor,
      );
      decisions.push(`Dropped ${item.actionId}: ${reason}`);
    } else {
      const note =
        deal.status === "won" ? `${deal.dealId} won on ${deal.closedOn}` : `${deal.dealId} moved to ${deal.stage}`;
      await w.meetings.handle(
        stream,
        { type: "CompleteActionItem", data: { actionId: item.actionId, completedOn: day, note } },
        actor,
      );
    }
  }
  return { board, decisions };
}

/** One team's meeting on one Monday: review last week's items, hold the meeting, raise new items. */
async function meet(w: DemoWorld, team: Team, monday: string, followed: Followed[], first: boolean): Promise<void> {
  const seriesId = seriesIdOf(team);
  const stream = meetingSeriesStreamId(seriesId);
  const actor = { actor: `user:${team.managerId}` };
  const reps = REPS.filter((r) => r.teamId === team.teamId).map((r) => r.repId);
  const attendees = [team.managerId, ...reps];
  if (first) {
    await w.meetings.handle(
      stream,
      {
        type: "CreateMeetingSeries",
        data: {
          seriesId,
          kind: "weekly_team",
          title: `${team.name} weekly`,
          ownerId: team.managerId,
          teamId: team.teamId,
          attendees,
        },
      },
      actor,
    );
  }
  const { board, decisions } = await reviewItems(w, team, monday, followed);
  const mine = Object.values(board).filter((d) => reps.includes(d.ownerId));
  const meetingId = `${seriesId}-${monday}`;
  await w.meetings.handle(
    stream,
    {
      type: "HoldMeeting",
      data: {
        meetingId,
        heldOn: monday,
        attendees,
        agenda: agendaOf(mine, monday, followed.length),
        notes: `${team.name} pipeline review, ${monday}.`,
        decisions,
      },
    },
    actor,
  );
  for (const repId of reps) {
    const next = mine
      .filter((d) => d.ownerId === repId && d.status === "open" && !followed.some((f) => f.dealId === d.dealId))
      .sort(byCloseDate)[0];
    if (next === undefined) continue;
    const actionId = `${seriesId.replace(/-weekly$/, "")}-${monday.slice(5)}-${repId.replace(/^rep-/, "")}`;
    await w.meetings.handle(
      stream,
      {
        type: "AddActionItem",
        data: {
          actionId,
          meetingId,
          ownerId: repId,
          description: `${NEXT_STEP[next.stage] ?? "Agree the next step"}: ${next.name} (${next.dealId})`,
          dueOn: addCalendarDays(monday, 4),
        },
      },
      actor,
    );
    followed.push({ actionId, dealId: next.dealId, stage: next.stage });
  }
}

/**
 * The weekly meetings' steps, played in time order with the rest of the quarter: each team's thirteen Monday
 * meetings, then its review of the open items on the quarter's last afternoon.
 */
export function weeklyMeetingMilestones(w: DemoWorld): Milestone[] {
  return TEAMS.flatMap((team) => {
    const followed: Followed[] = [];
    const meetings: Milestone[] = MONDAYS.map((monday, i) => ({
      when: at(monday, "10:00"),
      what: () => meet(w, team, monday, followed, i === 0),
    }));
    const closeOut = {
      when: at(QUARTER_LAST_DAY, "17:00"),
      what: () => reviewItems(w, team, QUARTER_LAST_DAY, followed),
    };
    return [...meetings, closeOut];
  });
}
