// A custom projection in a dozen lines: won revenue by rep and month, in the business time zone, folded over the
// deals area's events. Run it with `npx tsx examples/customProjection.ts`.
// #region define
import {
  calendarDateOf,
  createCommandHandler,
  createInMemoryEventStore,
  defineProjection,
  formatMoney,
  inlineProjection,
  money,
} from "salesfold";
import { dealCommand, dealDecider, dealEvents, dealStreamId } from "salesfold/deals";
import { bucketing } from "salesfold/sales";

const byMonth = bucketing({ by: "month", calendar: { timeZone: "Asia/Shanghai" } });

export const wonByRepAndMonth = defineProjection({
  name: "wonByRepAndMonth",
  events: dealEvents, // types the handlers: `event.data` is DealWon's data below
  initialState: () => ({ won: {} as Record<string, Record<string, number>> }),
  handlers: {
    DealWon: (draft, event) => {
      const month = byMonth.key(event.data.closedAt); // 2026-07-31T16:30Z is 1 August in Shanghai
      const rep = (draft.won[event.data.ownerId] ??= {});
      rep[month] = (rep[month] ?? 0) + event.data.amount.amount;
    },
  },
});
// #endregion define

// #region run
let now = "2026-07-10T02:00:00.000Z";
const live = inlineProjection(wonByRepAndMonth);
const store = createInMemoryEventStore({ catalog: dealEvents, inline: [live] });
const deals = createCommandHandler({ store, decider: dealDecider, commands: dealCommand, clock: { now: () => now } });

const win = async (dealId: string, ownerId: string, dollars: number, closedAt: string) => {
  now = "2026-07-01T02:00:00.000Z";
  const amount = money(dollars * 100, "USD");
  await deals.handle(dealStreamId(dealId), {
    type: "OpenDeal",
    data: { dealId, customerId: `cu-${dealId}`, ownerId, name: dealId, amount, openedOn: "2026-07-01" },
  });
  now = closedAt;
  await deals.handle(dealStreamId(dealId), {
    type: "WinDeal",
    data: { dealId, closedOn: calendarDateOf(closedAt, "Asia/Shanghai"), reason: "product_fit" },
  });
};
await win("d-1", "rep-ana", 12_000, "2026-07-15T03:00:00.000Z");
await win("d-2", "rep-ana", 8_000, "2026-07-31T16:30:00.000Z"); // already August in Shanghai
await win("d-3", "rep-bo", 20_000, "2026-08-20T03:00:00.000Z");

for (const [rep, months] of Object.entries(live.state.won)) {
  for (const [month, minor] of Object.entries(months)) {
    console.log(`${rep} ${month} won ${formatMoney(money(minor, "USD"))}`);
  }
}
// #endregion run
