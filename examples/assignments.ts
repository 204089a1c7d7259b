// Assignments: a team's account book routes new accounts by rules, a manager reassigns one, an account goes to the
// public pool (公海) and is claimed, and the sweep returns an account nobody followed up. Then the ownership history.
// Run it with `npx tsx examples/assignments.ts`.
// #region setup
import {
  createCommandHandler,
  createInMemoryEventStore,
  defineCalendar,
  inlineProjection,
  rebuildProjection,
} from "salesfold";
import {
  type AccountBookCommand,
  accountBookCommand,
  accountBookDecider,
  accountBookStreamId,
  accountOwnership,
  assignmentsEvents,
  ownerAt,
  ownershipHistory,
  ownershipPeriods,
} from "salesfold/assignments";
import {
  latestFeedback,
  type MarketFeedbackCommand,
  marketEvents,
  marketFeedbackByCompetitor,
  marketFeedbackByTopic,
  marketFeedbackCommand,
  marketFeedbackDecider,
  marketFeedbackStreamId,
} from "salesfold/market";

let now = "2026-07-01T01:00:00.000Z"; // 09:00 in Shanghai
const ownership = inlineProjection(accountOwnership);
const store = createInMemoryEventStore({ catalog: assignmentsEvents, inline: [ownership] });
const book = createCommandHandler({
  store,
  decider: accountBookDecider,
  commands: accountBookCommand,
  clock: { now: () => now },
});
const team = accountBookStreamId("team-east");
const run = (command: AccountBookCommand) => book.handle(team, command, { actor: "user:lee" });

await run({ type: "EnrollRep", data: { repId: "rep-ana", maxAccounts: 2 } });
await run({ type: "EnrollRep", data: { repId: "rep-bo" } });
await run({ type: "EnrollRep", data: { repId: "rep-cy" } });
await run({
  type: "ConfigureRouting",
  data: {
    overflowToPool: true,
    rules: [
      { ruleId: "enterprise", when: { segments: ["enterprise"] }, strategy: "fixed", repId: "rep-cy" },
      { ruleId: "smb-rr", when: { segments: ["smb"] }, strategy: "round_robin", reps: ["rep-ana", "rep-bo"] },
    ],
  },
});
await run({
  type: "SetPoolPolicy",
  data: { timeZone: "Asia/Shanghai", claimsPerDay: 2, maxHoldings: 50, returnAfterDays: 30, reclaimCooldownDays: 7 },
});
// #endregion setup

// #region route
const accounts = [
  ["cu-acme", "enterprise"],
  ["cu-bolt", "smb"],
  ["cu-cart", "smb"],
  ["cu-dune", "smb"],
] as const;
for (const [customerId, segment] of accounts) {
  const { events } = await run({
    type: "RegisterAccount",
    data: { customerId, attributes: { segment }, placement: "route" },
  });
  const routed = events.find((e) => e.type === "AccountRouted");
  console.log(`routed ${customerId} -> ${routed?.type === "AccountRouted" ? routed.data.repId : "?"}`);
}
// #endregion route

// #region reassign-and-pool
now = "2026-07-06T01:00:00.000Z";
await run({ type: "AssignAccount", data: { customerId: "cu-bolt", repId: "rep-cy", reason: "rep-ana on leave" } });
await run({ type: "ReleaseAccount", data: { customerId: "cu-cart", reason: "no budget this year" } });
now = "2026-07-06T03:00:00.000Z";
for (const repId of ["rep-bo", "rep-ana"]) {
  try {
    await run({ type: "ClaimAccount", data: { customerId: "cu-cart", repId } });
    console.log(`claimed cu-cart -> ${repId}`);
  } catch (error) {
    console.log(`refused ${repId}: ${(error as { rule?: string }).rule}`);
  }
}

// 10 August: the sweep gets each account's last follow-up (from the lastFollowUps projection in a real app).
// cu-dune, rep-ana's since 1 July, saw none and goes back to the pool.
now = "2026-08-10T01:00:00.000Z";
const lastTouches = {
  "cu-acme": "2026-08-01T03:00:00.000Z",
  "cu-bolt": "2026-07-28T03:00:00.000Z",
  "cu-cart": "2026-08-03T03:00:00.000Z",
};
const { events: swept } = await run({ type: "SweepPool", data: { lastTouches } });
for (const e of swept) {
  if (e.type === "AccountReturnedToPool")
    console.log(`returned ${e.data.customerId} after ${e.data.idleDays} idle days`);
}
// #endregion reassign-and-pool

// #region history
const state = ownership.state;
for (const [customerId] of accounts) {
  const periods = ownershipPeriods(state, customerId).map(
    (p) => `${p.holder ?? "pool"} from ${p.from.slice(0, 10)} (${p.record.reason})`,
  );
  console.log(`${customerId}: ${periods.join("; ")}`);
}
for (const r of ownershipHistory(state, "cu-cart")) {
  console.log(`  ${r.effectiveFrom} ${r.kind} ${r.holder ?? "pool"}: ${r.reason} (by ${r.actor})`);
}
console.log(`owner of cu-bolt on 2026-07-03: ${ownerAt(state, "cu-bolt", "2026-07-03T00:00:00Z")}`);
// #endregion history

// #region market
// The same team records what it hears in the market, each item linked to a customer, deal or product.
const market = createInMemoryEventStore({ catalog: marketEvents });
const feedback = createCommandHandler({
  store: market,
  decider: marketFeedbackDecider,
  commands: marketFeedbackCommand,
  clock: { now: () => now },
});
const heard: Extract<MarketFeedbackCommand, { type: "RecordMarketFeedback" }>["data"][] = [
  {
    feedbackId: "f-1",
    kind: "price_signal",
    topic: "pricing",
    links: { customerId: "cu-bolt" },
    competitor: "Acme",
    priceChangeBps: -1500,
    note: "Acme offers 15% off annual plans",
    observedAt: "2026-07-20T02:00:00.000Z",
    reportedBy: "rep-cy",
  },
  {
    feedbackId: "f-2",
    kind: "competitor_move",
    topic: "pricing",
    links: { dealId: "d-42" },
    competitor: "acme",
    note: "Acme bundles onboarding for free",
    observedAt: "2026-08-03T02:00:00.000Z",
    reportedBy: "rep-ana",
  },
  {
    feedbackId: "f-3",
    kind: "customer_request",
    topic: "integrations",
    links: { customerId: "cu-cart", productId: "p-crm" },
    note: "wants an SAP connector",
    observedAt: "2026-08-04T02:00:00.000Z",
    reportedBy: "rep-ana",
  },
];
for (const data of heard) {
  await feedback.handle(marketFeedbackStreamId(data.feedbackId), { type: "RecordMarketFeedback", data });
}
const calendar = defineCalendar({ timeZone: "Asia/Shanghai" });
const { state: byTopic } = await rebuildProjection(market, marketFeedbackByTopic({ calendar, kind: "month" }));
const { state: byCompetitor } = await rebuildProjection(
  market,
  marketFeedbackByCompetitor({ calendar, kind: "month" }),
);
for (const [topic, t] of Object.entries(byTopic.topics)) {
  const months = Object.entries(t.buckets).map(([month, b]) => `${month}: ${b.count}`);
  console.log(
    `topic ${topic}: ${t.total.count} (${months.join(", ")}); latest: ${latestFeedback(byTopic, topic, { limit: 1 })[0]?.note}`,
  );
}
const acme = byCompetitor.competitors.acme;
console.log(`competitor ${acme?.name}: ${acme?.count} signals, by topic ${JSON.stringify(acme?.byTopic)}`);
// #endregion market
