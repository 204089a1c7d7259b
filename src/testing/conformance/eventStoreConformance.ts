import { ValidationError } from "../../core/errors/index.ts";
import type { EventStore } from "../../core/eventStore/index.ts";
import { type Clock, type IdGenerator, randomId, sequentialIds, steppingClock } from "../../core/runtime/index.ts";
import { type ConformanceEvent, conformanceCatalog } from "./conformanceCatalog.ts";
import { appendingCases } from "./appendingCases.ts";
import { idempotencyCases } from "./idempotencyCases.ts";
import { readingCases } from "./readingCases.ts";
import { subscriptionCases } from "./subscriptionCases.ts";
import { validationCases } from "./validationCases.ts";

/**
 * What the conformance suite gives a store factory: create a store bound to this catalog, tenant, clock and ids.
 *
 * @example
 * ```ts
 * const factory: EventStoreFactory = (setup) => createInMemoryEventStore(setup);
 * ```
 */
export interface ConformanceSetup {
  /** The catalog the store must validate against. */
  readonly catalog: typeof conformanceCatalog;
  /** A tenant id unique to the test, so tests sharing one database do not see each other. */
  readonly tenantId: string;
  /** The clock the store must stamp `recordedAt` with. */
  readonly clock: Clock;
  /** The id generator the store must use for missing event ids. */
  readonly ids: IdGenerator;
}

/**
 * Creates a fresh store for one conformance test. Called once or more per test; the suite closes every store it made.
 *
 * @example
 * ```ts
 * const factory: EventStoreFactory = async (setup) => createMyStore({ pool, ...setup });
 * ```
 */
export type EventStoreFactory = (
  setup: ConformanceSetup,
) => EventStore<ConformanceEvent> | Promise<EventStore<ConformanceEvent>>;

/**
 * Options of {@link eventStoreConformance}.
 *
 * @example
 * ```ts
 * import { describe, it } from "node:test";
 * eventStoreConformance("my store", factory, { describe, it });
 * ```
 */
export interface ConformanceOptions {
  /** The test runner's `describe`; the global one (vitest with globals, jest, mocha) by default. */
  readonly describe?: (name: string, body: () => void) => unknown;
  /** The test runner's `it`; the global one by default. */
  readonly it?: (name: string, body: () => Promise<void>) => unknown;
  /** A prefix for tenant ids, so parallel runs against one database stay apart. */
  readonly tenantPrefix?: string;
}

/** @internal The tools each group of cases receives. */
export interface ConformanceContext {
  /** Creates a store for the running test, with a fresh tenant unless one is given. */
  store(tenantId?: string): Promise<EventStore<ConformanceEvent>>;
  /** A fresh tenant id. */
  tenant(): string;
  /** The fixed start of the stepping clock. */
  readonly epoch: string;
}

/** @internal A named conformance case. */
export type ConformanceCase = readonly [name: string, run: (ctx: ConformanceContext) => Promise<void>];

const EPOCH = "2026-01-01T00:00:00.000Z";
let runCounter = 0;

/**
 * Registers the event-store conformance suite with the test runner: concurrency, idempotency, atomicity, ordering,
 * reads in both directions, readAll paging and filters, subscriptions, validation with nothing written, frozen
 * history, exact round-trips of awkward data, upcasting and tenant isolation. Every salesfold store passes it
 * unchanged; run it on your own adapter too.
 *
 * @param name - The store's name, shown in the test report.
 * @param factory - Creates a fresh store for a test.
 * @param options - Another test runner, or a tenant prefix.
 * @example
 * ```ts
 * // my-store.test.ts
 * import { describe, it } from "vitest";
 * import { createInMemoryEventStore } from "salesfold";
 * import { eventStoreConformance } from "salesfold/testing";
 * eventStoreConformance("in-memory", (setup) => createInMemoryEventStore(setup), { describe, it });
 * ```
 */
export function eventStoreConformance(
  name: string,
  factory: EventStoreFactory,
  options: ConformanceOptions = {},
): void {
  const globals = globalThis as { describe?: ConformanceOptions["describe"]; it?: ConformanceOptions["it"] };
  const describe = options.describe ?? globals.describe;
  const it = options.it ?? globals.it;
  if (typeof describe !== "function" || typeof it !== "function") {
    throw new ValidationError("eventStoreConformance", [
      {
        code: "missing_test_runner",
        path: ["options"],
        message:
          "no global describe/it found: pass them, e.g. eventStoreConformance(name, factory, { describe, it }) with imports from vitest",
      },
    ]);
  }
  // Unique per run, so suites sharing one database never meet; tenant ids allow the id alphabet after a letter.
  const prefix = options.tenantPrefix ?? `c${randomId().slice(0, 10)}`;
  const groups: readonly (readonly [string, readonly ConformanceCase[]])[] = [
    ["appending", appendingCases],
    ["validation", validationCases],
    ["idempotency", idempotencyCases],
    ["reading", readingCases],
    ["subscriptions", subscriptionCases],
  ];
  describe(`EventStore conformance: ${name}`, () => {
    for (const [group, cases] of groups) {
      describe(group, () => {
        for (const [caseName, run] of cases) {
          it(caseName, async () => {
            const opened: EventStore<ConformanceEvent>[] = [];
            const runId = `${prefix}-${(runCounter++).toString(36)}`;
            let tenants = 0;
            const ctx: ConformanceContext = {
              epoch: EPOCH,
              tenant: () => `${runId}-t${tenants++}`,
              store: async (tenantId) => {
                const store = await factory({
                  catalog: conformanceCatalog,
                  tenantId: tenantId ?? ctx.tenant(),
                  clock: steppingClock(EPOCH, 1000),
                  ids: sequentialIds(`${runId}-e`),
                });
                opened.push(store);
                return store;
              },
            };
            try {
              await run(ctx);
            } finally {
              for (const s of opened) await s.close();
            }
          });
        }
      });
    }
  });
}
