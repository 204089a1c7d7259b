import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnyEvent, defineProjection, type EventEnvelope, fold, type JsonValue } from "../../../../src/index.ts";
import { arbEventLog } from "../../../../src/testing.ts";
import { unfrozenPaths } from "../events/assertions.ts";
import { deepFreeze } from "./envelopes.ts";

interface State {
  counts: Record<string, number>;
  lastVersion: Record<string, number>;
  idsOfA: string[];
  lastB: any;
}

// A counts and lists; B stores the (frozen) event data itself in the state; C then mutates what B stored, which
// forces the in-place path to fall back to immer whenever a C follows a B holding an object or an array.
const projection = defineProjection<AnyEvent, State>({
  name: "mixed",
  initialState: () => ({ counts: {}, lastVersion: {}, idsOfA: [], lastB: null }),
  handlers: {
    A: (draft, e) => {
      draft.counts.A = (draft.counts.A ?? 0) + 1;
      draft.lastVersion[e.streamId] = e.streamVersion;
      draft.idsOfA.push(e.eventId);
    },
    B: (draft, e) => {
      draft.counts.B = (draft.counts.B ?? 0) + 1;
      draft.lastB = e.data;
    },
    C: (draft, e) => {
      draft.counts.C = (draft.counts.C ?? 0) + 1;
      if (Array.isArray(draft.lastB)) draft.lastB.push(e.globalPosition);
      else if (typeof draft.lastB === "object" && draft.lastB !== null) draft.lastB.touchedAt = e.globalPosition;
    },
  },
});

/** The same fold, written plainly over copies. */
function reference(log: readonly EventEnvelope[]): State {
  const s: State = { counts: {}, lastVersion: {}, idsOfA: [], lastB: null };
  for (const e of log) {
    if (e.type === "D") continue;
    s.counts[e.type] = (s.counts[e.type] ?? 0) + 1;
    if (e.type === "A") {
      s.lastVersion[e.streamId] = e.streamVersion;
      s.idsOfA.push(e.eventId);
    } else if (e.type === "B") {
      s.lastB = structuredClone(e.data as JsonValue);
    } else if (Array.isArray(s.lastB)) {
      s.lastB.push(e.globalPosition);
    } else if (typeof s.lastB === "object" && s.lastB !== null) {
      s.lastB.touchedAt = e.globalPosition;
    }
  }
  return s;
}

// Stores hand out deeply frozen envelopes; arbEventLog freezes the envelope but not its data, so freeze a copy.
const arbLog = arbEventLog({ types: ["A", "B", "C", "D"], maxLength: 40 }).map((log) =>
  log.map((e) => Object.freeze({ ...e, data: deepFreeze(structuredClone(e.data)) }) as EventEnvelope),
);

describe("fold properties", () => {
  it("property: a fold from scratch equals the plain reference fold, and is deeply frozen", () => {
    fc.assert(
      fc.property(arbLog, (log) => {
        const state = fold(projection, log);
        expect(state).toEqual(reference(log));
        expect(unfrozenPaths(state)).toEqual([]);
      }),
    );
  });

  it("property: folding in two batches through immer equals folding at once, and leaves the first state unchanged", () => {
    fc.assert(
      fc.property(arbLog, fc.nat(), (log, cut) => {
        const k = log.length === 0 ? 0 : cut % (log.length + 1);
        const first = fold(projection, log.slice(0, k));
        const snapshot = structuredClone(first);
        const whole = fold(projection, log);
        const continued = fold(projection, log.slice(k), first);
        expect(continued).toEqual(whole);
        expect(first).toEqual(snapshot);
        expect(unfrozenPaths(continued)).toEqual([]);
      }),
    );
  });

  it("property: folding event by event through immer equals folding at once", () => {
    fc.assert(
      fc.property(arbLog, (log) => {
        let state = fold(projection, []);
        for (const e of log) state = fold(projection, [e], state);
        expect(state).toEqual(fold(projection, log));
      }),
    );
  });
});
