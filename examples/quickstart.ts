// The README's quick start: the deal decider over the embedded in-memory store, with its pipeline projection.
// Run it with `npm run demo`.
// #region run
import {
  createCommandHandler,
  createInMemoryEventStore,
  type DomainRuleError,
  formatMoney,
  inlineProjection,
  money,
} from "salesfold";
import { catalog, deal, dealCommand, pipeline } from "./dealDomain.ts";

const live = inlineProjection(pipeline);
const store = createInMemoryEventStore({ catalog, inline: [live] });
const deals = createCommandHandler({ store, decider: deal, commands: dealCommand });

const usd = (dollars: number) => money(dollars * 100, "USD");
const open = (streamId: string, repId: string, dollars: number) =>
  deals.handle(
    streamId,
    { type: "OpenDeal", data: { repId, amount: usd(dollars), closeDate: "2026-09-30" } },
    { actor: "manager:li" },
  );

await open("deal-acme", "rep-ana", 48_000);
await open("deal-globex", "rep-ana", 12_500);
await open("deal-initech", "rep-bo", 30_000);
await deals.handle("deal-acme", { type: "WinDeal", data: {} }, { actor: "rep-ana" });
await deals.handle("deal-initech", { type: "LoseDeal", data: { reason: "price" } }, { actor: "rep-bo" });

try {
  await deals.handle("deal-acme", { type: "LoseDeal", data: { reason: "changed mind" } });
} catch (error) {
  console.log(`refused: ${(error as DomainRuleError).rule}`);
}

console.log(`pipeline after ${live.position} events`);
for (const [repId, r] of Object.entries(live.state.reps)) {
  const f = (minor: number) => formatMoney(money(minor, "USD"));
  console.log(
    `  ${repId.padEnd(8)} open ${f(r.open).padStart(14)}  won ${f(r.won).padStart(14)}  lost ${f(r.lost).padStart(14)}`,
  );
}
// #endregion run
