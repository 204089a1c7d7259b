// Phase: rebuild one projection over 1,000,000 stored events (10,000 streams x 100), through readAll. The events
// are appended 100 per call first (not timed as the rebuild). Prints one JSON line.
import { createInMemoryEventStore, defineProjection, rebuildProjection } from "salesfold";
import { catalog, expectedTotals, makeEvent, peakRssMb, round, type SalesEvent } from "../workload.ts";

const streams = Number(process.env.BENCH_REBUILD_STREAMS ?? 10_000);
const events = Number(process.env.BENCH_EVENTS ?? 100);
const store = createInMemoryEventStore<SalesEvent>({ catalog });
const t0 = performance.now();
for (let s = 0; s < streams; s++) {
  const batch = Array.from({ length: events }, (_, p) => makeEvent(s, p));
  await store.append(`salesRep-${s}`, batch, { expectedVersion: "no_stream" });
}
const loadMs = performance.now() - t0;
const total = streams * events;

// A realistic read model: per-rep totals and per-customer interaction counts in Maps (≈10,000 + 5,000 entries).
const repTotals = defineProjection({
  name: "repTotals",
  events: catalog,
  initialState: () => ({
    reps: new Map<string, { won: number; lost: number; commission: number; interactions: number }>(),
    customers: new Map<string, number>(),
    wonMinor: 0,
    commissionMinor: 0,
  }),
  handlers: {
    DealWon: (s, e) => {
      const r = s.reps.get(e.data.repId) ?? { won: 0, lost: 0, commission: 0, interactions: 0 };
      r.won += e.data.amountMinor;
      s.reps.set(e.data.repId, r);
      s.wonMinor += e.data.amountMinor;
    },
    DealLost: (s, e) => {
      const r = s.reps.get(e.data.repId) ?? { won: 0, lost: 0, commission: 0, interactions: 0 };
      r.lost += 1;
      s.reps.set(e.data.repId, r);
    },
    CommissionAccrued: (s, e) => {
      const r = s.reps.get(e.data.repId) ?? { won: 0, lost: 0, commission: 0, interactions: 0 };
      r.commission += e.data.amountMinor;
      s.reps.set(e.data.repId, r);
      s.commissionMinor += e.data.amountMinor;
    },
    InteractionLogged: (s, e) => {
      const r = s.reps.get(e.data.repId) ?? { won: 0, lost: 0, commission: 0, interactions: 0 };
      r.interactions += 1;
      s.reps.set(e.data.repId, r);
      s.customers.set(e.data.customerId, (s.customers.get(e.data.customerId) ?? 0) + 1);
    },
  },
});

const runs: number[] = [];
let result:
  | Awaited<ReturnType<typeof rebuildProjection<SalesEvent, ReturnType<typeof repTotals.initialState>>>>
  | undefined;
for (let i = 0; i < 3; i++) {
  const t1 = performance.now();
  result = await rebuildProjection(store, repTotals);
  runs.push(performance.now() - t1);
}
const exp = expectedTotals(streams, events);
if (result!.state.wonMinor !== exp.won || result!.state.commissionMinor !== exp.commission) {
  throw new Error("rebuild totals do not match the generator");
}
if (!Object.isFrozen(result!.state)) throw new Error("the rebuilt state is not frozen");
const ms = [...runs].sort((a, b) => a - b)[1]!;

process.stdout.write(
  `${JSON.stringify({
    events: total,
    loadMs: round(loadMs),
    rebuild: {
      events: total,
      ms: round(ms),
      eventsPerSec: Math.round(total / (ms / 1000)),
      runsMs: runs.map((r) => round(r)),
    },
    position: result!.position,
    peakRssMb: peakRssMb(),
  })}\n`,
);
