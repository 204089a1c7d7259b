import { z } from "zod";
import { createEventCatalog, defineEvent, type EventOf } from "../../core/events/index.ts";

const amountV1 = z.strictObject({ dealId: z.string(), amount: z.number().int() });

/** The events the conformance suite appends: one plain, one with nested free-form data, one at schema version 2. */
const ConformanceDealOpened = defineEvent(
  "ConformanceDealOpened",
  z.strictObject({ dealId: z.string().min(1), name: z.string(), amountMinor: z.number().int() }),
);
const ConformanceNoteAdded = defineEvent(
  "ConformanceNoteAdded",
  z.strictObject({ dealId: z.string(), note: z.string(), extra: z.record(z.string(), z.json()).optional() }),
);
const ConformanceAmountChanged = defineEvent(
  "ConformanceAmountChanged",
  z.strictObject({ dealId: z.string(), amount: z.strictObject({ minor: z.number().int(), currency: z.string() }) }),
  {
    version: 2,
    upcasters: [
      {
        version: 1,
        schema: amountV1,
        upcast: (d: z.infer<typeof amountV1>) => ({ dealId: d.dealId, amount: { minor: d.amount, currency: "USD" } }),
      },
    ],
  },
);

/**
 * The catalog every store under conformance test is created with.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: conformanceCatalog });
 * ```
 */
export const conformanceCatalog = /* @__PURE__ */ createEventCatalog([
  ConformanceDealOpened,
  ConformanceNoteAdded,
  ConformanceAmountChanged,
]);

/**
 * The union of the conformance suite's events.
 *
 * @example
 * ```ts
 * const e: ConformanceEvent = { type: "ConformanceNoteAdded", data: { dealId: "d", note: "hi" } };
 * ```
 */
export type ConformanceEvent =
  | EventOf<typeof ConformanceDealOpened>
  | EventOf<typeof ConformanceNoteAdded>
  | EventOf<typeof ConformanceAmountChanged>;
