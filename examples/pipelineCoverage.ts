// Custom analytics, worked example 2: the reps whose pipeline coverage fell below 3×. Coverage is open pipeline ÷
// the quota still to close (target − achieved). The projection composes two built-in ones, the pipeline and goal
// progress, and reads both at the position of every event, so it knows exactly which event pushed a rep under 3×.
// Run it with `npx tsx examples/pipelineCoverage.ts`.
// #region projection
import {
  createCommandHandler,
  createEventCatalog,
  createInMemoryEventStore,
  type EventEnvelope,
  formatMoney,
  inlineProjection,
  money,
} from "salesfold";
import { pipeline } from "salesfold/analytics";
import { creditEvents } from "salesfold/credit";
import { dealCommand, dealDecider, dealEvents, dealStreamId } from "salesfold/deals";
import { goalAttainment, goalPlanDecider, goalPlanStreamId, goalProgress, goalsCommand } from "salesfold/goals";
import { composeProjections, type ComposedState, salesEvents } from "salesfold/sales";

const THRESHOLD_BPS = 30_000; // 3×
type Uses = ComposedState<unknown, { pipeline: typeof pipeline; progress: typeof goalProgress }>["uses"];
interface Crossing {
  repId: string;
  at: string;
  cause: string;
  coverageBps: number;
  direction: "below" | "back above";
}

/** Open pipeline ÷ remaining quota, in basis points (floored); null when the quota is met. */
function coverageOf(uses: Uses, goalId: string, repId: string) {
  const a = goalAttainment(uses.progress, goalId);
  const remaining = "currency" in a.shortage ? a.shortage : undefined;
  if (!remaining || remaining.amount === 0) return null;
  const open = uses.pipeline.byOwner[repId]?.[remaining.currency]?.amount ?? 0;
  return { open, remaining, bps: Math.floor((open * 10_000) / remaining.amount) };
}

/** The reps an event can change the coverage of: the deal's owner (old and new), or the credited rep. */
function repsOf(event: EventEnvelope, uses: Uses): string[] {
  const d = event.data as { dealId?: string; ownerId?: string; previousOwnerId?: string; repId?: string };
  const owner = d.ownerId ?? (d.dealId ? uses.pipeline.deals[d.dealId]?.ownerId : undefined);
  return [owner, d.previousOwnerId, d.repId].filter((r): r is string => r !== undefined);
}

function check(draft: { below: Record<string, boolean>; crossings: Crossing[] }, event: EventEnvelope, uses: Uses) {
  for (const repId of repsOf(event, uses)) {
    const goal = Object.values(uses.progress.plan.goals).find(
      (g) => g.owner.kind === "rep" && g.owner.repId === repId && g.status !== "cancelled",
    );
    if (!goal) continue;
    const c = coverageOf(uses, goal.goalId, repId);
    const below = c !== null && c.bps < THRESHOLD_BPS;
    if (below !== (draft.below[repId] ?? false)) {
      const id = (event.data as { dealId?: string }).dealId ?? event.streamId;
      draft.crossings.push({
        repId,
        at: event.occurredAt,
        cause: `${event.type} ${id}`,
        coverageBps: c?.bps ?? 0,
        direction: below ? "below" : "back above",
      });
      draft.below[repId] = below;
    }
  }
}

export const pipelineCoverage = composeProjections({
  name: "pipelineCoverage",
  uses: { pipeline, progress: goalProgress },
  events: createEventCatalog([dealEvents, creditEvents]),
  initialState: () => ({ below: {} as Record<string, boolean>, crossings: [] as Crossing[] }),
  handlers: {
    DealOpened: check,
    DealAmountChanged: check,
    DealReassigned: check,
    DealLost: check,
    // A win is judged when its credit lands: DealWon alone takes the deal out of the pipeline before the quota
    // still to close goes down, and would report a drop below 3× that lasts one event.
    SalesCreditAssigned: check,
  },
});
// #endregion projection

// #region run
let now = "2026-06-25T01:00:00.000Z";
const clock = { now: () => now };
const live = inlineProjection(pipelineCoverage);
const store = createInMemoryEventStore({ catalog: salesEvents, inline: [live], clock });
const goals = createCommandHandler({ store, decider: goalPlanDecider, commands: goalsCommand, clock });
const deals = createCommandHandler({ store, decider: dealDecider, commands: dealCommand, clock });
const usd = (dollars: number) => money(dollars * 100, "USD");

for (const [repId, dollars] of [
  ["rep-ana", 100_000],
  ["rep-bo", 80_000],
] as const) {
  await goals.handle(goalPlanStreamId("2026"), {
    type: "SetGoal",
    data: {
      goalId: `q3-${repId}`,
      metric: "revenue",
      target: usd(dollars),
      period: { periodId: "2026-Q3", calendar: { timeZone: "UTC" } },
      owner: { kind: "rep", repId },
      description: `${repId} closes new revenue in Q3`,
      measure: "Revenue-split credit dated in Q3",
    },
  });
}
const open = (dealId: string, ownerId: string, dollars: number, on: string) => {
  now = `${on}T09:00:00.000Z`;
  return deals.handle(dealStreamId(dealId), {
    type: "OpenDeal",
    data: { dealId, customerId: `cu-${dealId}`, ownerId, name: dealId, amount: usd(dollars), openedOn: on },
  });
};
const close = async (dealId: string, on: string, won: boolean) => {
  now = `${on}T17:00:00.000Z`;
  const r = await deals.handle(dealStreamId(dealId), {
    type: won ? "WinDeal" : "LoseDeal",
    data: { dealId, closedOn: on, reason: won ? "product_fit" : "price" },
  });
  const e = r.events.find((x) => x.type === "DealWon");
  if (e?.type !== "DealWon") return;
  await store.append(`credit-deal-${dealId}`, [
    {
      type: "SalesCreditAssigned",
      data: {
        creditId: `c-${dealId}`,
        repId: e.data.ownerId,
        customerId: e.data.customerId,
        source: { kind: "deal", id: dealId },
        splitType: "revenue",
        shareBps: 10_000,
        amount: e.data.amount,
        creditedAt: now,
      },
    },
  ]);
};

await open("a-1", "rep-ana", 320_000, "2026-07-01"); // Ana: 320k open for 100k to go → 3.2×
await open("b-1", "rep-bo", 180_000, "2026-07-02"); // Bo: 180k for 80k → 2.25×, below
await open("b-2", "rep-bo", 90_000, "2026-07-09"); // Bo: 270k for 80k → 3.37×, back above
await close("a-1", "2026-07-20", false); // Ana loses it all: 0× → below
await open("a-2", "rep-ana", 180_000, "2026-08-03"); // 1.8×, still below
await close("b-2", "2026-08-10", true); // Bo wins 90k: quota met
await open("a-3", "rep-ana", 150_000, "2026-08-17"); // 330k for 100k → 3.3×, back above
await close("a-3", "2026-09-01", false); // Ana loses a-3: 180k for 100k → 1.8×, below again

for (const c of live.state.own.crossings) {
  const coverage =
    c.coverageBps === 0 && c.direction === "back above" ? "quota met" : `${(c.coverageBps / 10_000).toFixed(2)}×`;
  console.log(`${c.at.slice(0, 10)} ${c.repId} ${c.direction} 3× (${coverage}) after ${c.cause}`);
}
const ana = coverageOf(live.state.uses, "q3-rep-ana", "rep-ana");
if (ana) {
  const ratioText = `${(ana.bps / 10_000).toFixed(2)}×`;
  console.log(
    `rep-ana: ${formatMoney(money(ana.open, "USD"))} open for ${formatMoney(ana.remaining)} to go (${ratioText})`,
  );
}
console.log(
  `below 3× at the end: ${
    Object.entries(live.state.own.below)
      .filter(([, b]) => b)
      .map(([r]) => r)
      .join(", ") || "nobody"
  }`,
);
// #endregion run
