// Phase: rebuild every projection of the sales domain from 1,000,000 generated, valid events in the in-memory
// store. The events are appended first, one stream's batch per call (validated on append, not timed as the rebuild).
// Then `rebuildProjections` rebuilds all the projections in one pass over the log (the headline figure), and, for
// comparison, `rebuildProjection` runs once per projection (each reads only the event types it handles) with every
// rebuilt state kept, and the one-pass rebuild runs again, to show what the first time costs. Prints one JSON line.
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
  fixedClock,
  type Projection,
  rebuildProjection,
  rebuildProjections,
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
gc?.();
const rssBeforeLoadMb = rssMb();
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
const heapUsedAfterLoadMb = round(process.memoryUsage().heapUsed / 1_048_576);

// The headline: every projection rebuilt in one pass over the log (`rebuildProjections`), each state frozen and
// at the same position: the first rebuild after the load, as at an application's start. In a function, so that
// nothing keeps the states once it returns.
async function rebuildAllOnce(): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const rebuilt = await rebuildProjections(store, projections);
  const ms = performance.now() - started;
  for (const [i, r] of rebuilt.entries()) {
    if (r.position !== head) throw new Error(`${projections[i]!.name} rebuilt to ${r.position}, not ${head}`);
  }
  return { ms, rssMb: rssMb() };
}
const onePass = await rebuildAllOnce();
const handled = projections.reduce((t, p) => t + p.types.reduce((n, type) => n + (byType.get(type) ?? 0), 0), 0);
gc?.();

// For comparison, what one `rebuildProjection` per projection costs: each reads only the types it handles, and every
// rebuilt state is kept until all are done.
async function rebuildEachOnce() {
  const states: unknown[] = [];
  const figures: { name: string; events: number; ms: number; eventsPerSec: number }[] = [];
  const started = performance.now();
  for (const p of projections) {
    const t = performance.now();
    const { state, position } = await rebuildProjection(store, p);
    const ms = performance.now() - t;
    if (position !== head) throw new Error(`${p.name} rebuilt to ${position}, not ${head}`);
    states.push(state);
    const events = p.types.reduce((n, type) => n + (byType.get(type) ?? 0), 0);
    figures.push({ name: p.name, events, ms: round(ms), eventsPerSec: Math.round(events / (ms / 1000)) });
  }
  return { ms: performance.now() - started, figures, rssWithStatesMb: rssMb() };
}
const each = await rebuildEachOnce();
const processed = each.figures.reduce((t, p) => t + p.events, 0);
gc?.();

// The one-pass rebuild again, now that the process has run every handler once (compiled code, string keys already
// internalized, heap grown): how much of the first figure is the first time.
const again = await rebuildAllOnce();

const eventsPerSec = Math.round(TOTAL_EVENTS / (onePass.ms / 1000));
const peak = peakRssMb();
process.stdout.write(
  `${JSON.stringify({
    phase: "domain",
    events: TOTAL_EVENTS,
    eventTypes: byType.size,
    projections: projections.length,
    load: { ms: round(loadMs), appends, eventsPerSec: Math.round(TOTAL_EVENTS / (loadMs / 1000)) },
    // The headline: rebuildProjections, all projections in one pass over the log, the first time.
    rebuildAll: {
      api: "rebuildProjections (one pass, all projections, first rebuild after the load)",
      ms: round(onePass.ms),
      logEventsPerSec: eventsPerSec,
      handledEvents: handled,
      handledEventsPerSec: Math.round(handled / (onePass.ms / 1000)),
      repeated: { ms: round(again.ms), logEventsPerSec: Math.round(TOTAL_EVENTS / (again.ms / 1000)) },
    },
    // One rebuildProjection per projection, one after the other (after the first one-pass rebuild).
    perProjection: {
      api: "rebuildProjection (once per projection, after the first one-pass rebuild)",
      wallMs: round(each.ms),
      logEventsPerSec: Math.round(TOTAL_EVENTS / (each.ms / 1000)),
      processedEvents: processed,
      processedEventsPerSec: Math.round(processed / (each.ms / 1000)),
      slowest: [...each.figures].sort((a, b) => b.ms - a.ms).slice(0, 5),
      projections: each.figures,
    },
    rssBeforeLoadMb,
    rssAfterLoadMb,
    heapUsedAfterLoadMb,
    rssAfterOnePassMb: onePass.rssMb,
    rssWithStatesMb: each.rssWithStatesMb,
    peakRssMb: peak,
    targets: {
      rebuildAllEventsPerSec: { target: ">= 1000000", actual: eventsPerSec, met: eventsPerSec >= 1_000_000 },
      peakRssMb: { target: "<= 600", actual: peak, met: peak <= 600 },
    },
  })}\n`,
);
