import type { EventInput } from "../../core/events/index.ts";
import type { ConformanceEvent } from "./conformanceCatalog.ts";

/** @internal Event builders shared by the conformance cases. */
export const appendingHelpers = {
  opened: (dealId: string, amountMinor = 100): EventInput<ConformanceEvent> => ({
    type: "ConformanceDealOpened",
    data: { dealId, name: `Deal ${dealId}`, amountMinor },
  }),
  note: (dealId: string, text: string): EventInput<ConformanceEvent> => ({
    type: "ConformanceNoteAdded",
    data: { dealId, note: text },
  }),
};
