// Phase: the cost of crypto-shredding. The same events appended (one per append, with the expected version) and
// read (readAll, then readStream per stream) on an in-memory store, with and without createErasableEventStore over
// it. `personal`: customer events that all carry personal fields (names, emails, notes), so every event is
// encrypted and decrypted: the worst case. `nonPersonal`: the bench's sales events, which pass through the wrapper.
// Prints one JSON line with events/s and the overhead in % against no wrapper.
import {
  createErasableEventStore,
  createEventCatalog,
  createInMemoryEventStore,
  createInMemoryKeyStore,
  type EventCatalog,
  type EventInput,
  type EventStore,
  erasableStorageCatalog,
  privacyEvents,
} from "salesfold";
import { customerEvents } from "salesfold/customers";
import { catalog as salesCatalog, makeEvent, round } from "../workload.ts";

const customers = Number(process.env.BENCH_PRIVACY_CUSTOMERS ?? 2000);
const perCustomer = Number(process.env.BENCH_PRIVACY_EVENTS ?? 5);
const rounds = Number(process.env.BENCH_PRIVACY_ROUNDS ?? 3);

const personalCatalog = createEventCatalog([customerEvents, privacyEvents]);
const plainSales = createEventCatalog([salesCatalog, privacyEvents]);

function customerEvent(c: number, p: number): EventInput {
  const customerId = `cu-${c}`;
  if (p === 0) {
    return {
      type: "CustomerRegistered",
      data: {
        customerId,
        kind: "person",
        name: `Customer Name ${c}`,
        segment: "smb",
        tags: [],
        preferences: {},
        contacts: [
          { contactId: `ct-${c}`, name: `Contact ${c}`, email: `contact.${c}@example.com`, phone: "+49 30 1234567" },
        ],
        registeredAt: "2026-07-01T09:00:00.000Z",
      },
    };
  }
  return {
    type: "CustomerNoteAdded",
    data: {
      customerId,
      noteId: `n-${c}-${p}`,
      authorId: "rep-ana",
      text: `Called about the renewal; prefers calls after 3 pm (${c}/${p})`,
      addedAt: "2026-07-02T09:00:00.000Z",
    },
  };
}

async function measure(store: EventStore<any>, make: (c: number, p: number) => EventInput) {
  const t0 = performance.now();
  for (let p = 0; p < perCustomer; p++) {
    for (let c = 0; c < customers; c++) {
      await store.append(`s-${c}`, [make(c, p)], { expectedVersion: p === 0 ? "no_stream" : p });
    }
  }
  const appendMs = performance.now() - t0;
  const t1 = performance.now();
  let read = 0;
  for await (const _ of store.readAll()) read++;
  const readAllMs = performance.now() - t1;
  const t2 = performance.now();
  for (let c = 0; c < customers; c++) read += (await store.readStream(`s-${c}`)).events.length;
  const readStreamMs = performance.now() - t2;
  if (read !== 2 * customers * perCustomer) throw new Error(`read ${read} events`);
  return { appendMs, readAllMs, readStreamMs };
}

const plain = (catalog: EventCatalog<any>) => createInMemoryEventStore({ catalog });
const wrapped = (catalog: EventCatalog<any>) =>
  createErasableEventStore(createInMemoryEventStore({ catalog: erasableStorageCatalog(catalog) }), {
    catalog,
    keys: createInMemoryKeyStore(),
    subjectOf: (e) => (e.data as { customerId?: string }).customerId,
  });

async function compare(catalog: EventCatalog<any>, make: (c: number, p: number) => EventInput) {
  // The best of a few rounds, alternating, so neither side pays the JIT warm-up or a GC pause alone.
  const best = { plain: [Infinity, Infinity, Infinity], wrapped: [Infinity, Infinity, Infinity] };
  for (let r = 0; r < rounds; r++) {
    for (const [name, store] of [
      ["plain", plain(catalog)],
      ["wrapped", wrapped(catalog)],
    ] as const) {
      const m = await measure(store, make);
      const b = best[name];
      b[0] = Math.min(b[0]!, m.appendMs);
      b[1] = Math.min(b[1]!, m.readAllMs);
      b[2] = Math.min(b[2]!, m.readStreamMs);
    }
  }
  const events = customers * perCustomer;
  const rate = (ms: number) => Math.round(events / (ms / 1000));
  const overhead = (w: number, p: number) => round((w / p - 1) * 100);
  const added = (w: number, p: number) => round(((w - p) * 1000) / events);
  const [pa, pr, ps] = best.plain as [number, number, number];
  const [wa, wr, ws] = best.wrapped as [number, number, number];
  return {
    events,
    append: {
      plainEventsPerSec: rate(pa),
      wrappedEventsPerSec: rate(wa),
      overheadPct: overhead(wa, pa),
      addedMicrosPerEvent: added(wa, pa),
    },
    readAll: {
      plainEventsPerSec: rate(pr),
      wrappedEventsPerSec: rate(wr),
      overheadPct: overhead(wr, pr),
      addedMicrosPerEvent: added(wr, pr),
    },
    readStream: {
      plainEventsPerSec: rate(ps),
      wrappedEventsPerSec: rate(ws),
      overheadPct: overhead(ws, ps),
      addedMicrosPerEvent: added(ws, ps),
    },
  };
}

const personal = await compare(personalCatalog, customerEvent);
const nonPersonal = await compare(plainSales, (c, p) => makeEvent(c, p) as EventInput);
process.stdout.write(
  `${JSON.stringify({ customers, eventsPerCustomer: perCustomer, rounds, personal, nonPersonal })}\n`,
);
