import { describe, it } from "vitest";
import { createInMemoryEventStore } from "../../src/index.ts";
import { eventStoreConformance } from "../../src/testing.ts";

eventStoreConformance("in-memory", (setup) => createInMemoryEventStore(setup), { describe, it });
