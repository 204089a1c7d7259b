// Phase: rebuild every projection of the sales domain (issue 4) from 1,000,000 generated, valid events in the
// in-memory store. The events are appended first, one stream's batch per call (validated on append, not timed as the
// rebuild). Then, as a user would, `rebuildProjection` runs once per projection (each reads only the event types it
// handles) and every rebuilt state is kept; then, for comparison, one pass over the log feeds all the projections at
// once through a combined projection. Prints one JSON line.
import {
  createActivityOutcomeProjection,
  createProductMixProjection,
  customer360,
  pipeline,
  rfm,
  salesCycle,
  winLoss,
} from "salesfold/analytics";
import {
  accountOwnership,
  assignmentsEvents,
  goalTaskTree,
  lastFollowUps,
  territoryOwnership,
} from "salesfold/assignments";
import { creditEvents, repCredits, saleOwnership } from "salesfold/credit";
import { customerDirectory, customerEvents } from "salesfold/customers";
import { dealBoard, dealEvents } from "salesfold/deals";
import { goalBook, goalProgress, goalsEvents } from "salesfold/goals";
import {
  createEventCatalog,
  createInMemoryEventStore,
  defineCalendar,
  defineProjection,
  fixedClock,
  type Projection,
  rebuildProjection,
  sequentialIds,
} from "salesfold";
import { marketEvents, marketFeedbackByCompetitor, marketFeedbackByTopic } from "salesfold/market";
import { orderBook, orderEvents } from "salesfold/orders";
import { teamDirectory, teamEvents } from "salesfold/team";
import { domainBatches, TOTAL_EVENTS } from "../domainWorkload.ts";

const gc = (globalThis as { gc?: () => void }).gc;
const round = (n: number) => Math.round(n * 10) / 10;
const rssMb = () => round(process.memoryUsage().rss / 1_048_576);
const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024);

const calendar = defineCalendar({ timeZone: "Asia/Shanghai" });
const projections: Projection<any, any>[] = [
  teamDirectory,
  goalBook,
  goalProgress,
  goalTaskTree,
  accountOwnership,
  territoryOwnership,
  lastFollowUps,
  marketFeedbackByTopic({ calendar, kind: "month" }),
  marketFeedbackByCompetitor({ calendar, kind: "month" }),
  customerDirectory,
  dealBoard,
  orderBook,
  saleOwnership,
  repCredits,
  customer360,
  pipeline,
  winLoss,
  salesCycle,
  createProductMixProjection({ calendar, period: "month" }),
  rfm,
  createActivityOutcomeProjection({ calendar, period: "month" }),
];

const catalog = createEventCatalog([
  teamEvents,
  goalsEvents,
  assignmentsEvents,
  marketEvents,
  customerEvents,
  dealEvents,
  orderEvents,
  creditEvents,
]);
const store = createInMemoryEventStore<any>({
  catalog,
  clock: fixedClock("2026-10-01T00:00:00.000Z"),
  ids: sequentialIds("e"),
});
const byType = new Map<string, number>();
const t0 = performance.now();
let appends = 0;
for (const batch of domainBatches()) {
  await store.append(batch.streamId, batch.events, { expectedVersion: "any" });
  appends++;
  for (const e of batch.events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
}
const loadMs = performance.now() - t0;
const head = await store.lastPosition();
if (head !== TOTAL_EVENTS) throw new Error(`expected ${TOTAL_EVENTS} events, stored ${head}`);
gc?.();
const rssAfterLoadMb = rssMb();

// What a user does: one rebuildProjection per projection, keeping every state.
const states: unknown[] = [];
const perProjection: { name: string; events: number; ms: number; eventsPerSec: number }[] = [];
const t1 = performance.now();
for (const p of projections) {
  const started = performance.now();
  const { state, position } = await rebuildProjection(store, p);
  const ms = performance.now() - started;
  if (position !== head) throw new Error(`${p.name} rebuilt to ${position}, not ${head}`);
  states.push(state);
  const events = p.types.reduce((t, type) => t + (byType.get(type) ?? 0), 0);
  perProjection.push({ name: p.name, events, ms: round(ms), eventsPerSec: Math.round(events / (ms / 1000)) });
}
const wallMs = performance.now() - t1;
const processed = perProjection.reduce((t, p) => t + p.events, 0);
const rssWithStatesMb = rssMb();

// One pass feeding every projection: a combined projection whose handlers call each projection's handler.
const handlers: Record<string, (draft: any, e: any) => void> = {};
for (const [i, p] of projections.entries()) {
  for (const type of p.types) {
    const h = (p.handlers as Record<string, (draft: unknown, e: unknown) => void>)[type]!;
    const previous = handlers[type];
    handlers[type] = previous
      ? (d, e) => {
          previous(d, e);
          h(d[i], e);
        }
      : (d, e) => h(d[i], e);
  }
}
const all = defineProjection({
  name: "allDomainProjections",
  initialState: () => projections.map((p) => p.initialState()),
  handlers,
});
states.length = 0;
gc?.();
const t2 = performance.now();
const onePass = await rebuildProjection(store, all);
const onePassMs = performance.now() - t2;
if (onePass.position !== head) throw new Error("the one-pass rebuild stopped early");

const eventsPerSec = Math.round(TOTAL_EVENTS / (wallMs / 1000));
process.stdout.write(
  `${JSON.stringify({
    phase: "domain",
    events: TOTAL_EVENTS,
    eventTypes: byType.size,
    projections: projections.length,
    load: { ms: round(loadMs), appends, eventsPerSec: Math.round(TOTAL_EVENTS / (loadMs / 1000)) },
    rebuildAll: {
      wallMs: round(wallMs),
      logEventsPerSec: eventsPerSec,
      processedEvents: processed,
      processedEventsPerSec: Math.round(processed / (wallMs / 1000)),
      slowest: [...perProjection].sort((a, b) => b.ms - a.ms).slice(0, 5),
      perProjection,
    },
    onePass: { ms: round(onePassMs), logEventsPerSec: Math.round(TOTAL_EVENTS / (onePassMs / 1000)) },
    rssAfterLoadMb,
    rssWithStatesMb,
    peakRssMb: peakRssMb(),
    targets: {
      rebuildAllEventsPerSec: { target: ">= 1000000", actual: eventsPerSec, met: eventsPerSec >= 1_000_000 },
      peakRssMb: { target: "<= 600", actual: peakRssMb(), met: peakRssMb() <= 600 },
    },
  })}\n`,
);
