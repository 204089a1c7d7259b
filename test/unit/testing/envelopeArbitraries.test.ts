import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventEnvelopeSchema, streamIdSchema } from "../../../src/index.ts";
import { arbEnvelope, arbEventLog, arbJsonValue, arbStreamId } from "../../../src/testing.ts";
import { unfrozenPaths } from "../core/events/assertions.ts";

describe("envelope arbitraries", () => {
  it("property: arbEnvelope gives envelopes the envelope schema accepts, with the requested types and tenant", () => {
    fc.assert(
      fc.property(arbEnvelope({ types: ["A", "B"], tenantId: "acme" }), (e) => {
        expect(eventEnvelopeSchema.safeParse(e).success).toBe(true);
        expect(["A", "B"]).toContain(e.type);
        expect(e.tenantId).toBe("acme");
      }),
    );
  });

  // Stores hand out deeply frozen envelopes; envelopes "for testing projections and readers without a store" should
  // be the same, or a projection that mutates event data passes its tests and shares state between runs.
  it("property: arbEnvelope gives deeply frozen envelopes, as stores do", () => {
    fc.assert(
      fc.property(arbEnvelope(), (e) => {
        expect(unfrozenPaths(e)).toEqual([]);
      }),
    );
  });

  it("property: arbEventLog gives consecutive positions and gap-free versions per stream", () => {
    fc.assert(
      fc.property(arbEventLog({ maxLength: 50, streams: 3 }), (log) => {
        const versions = new Map<string, number>();
        log.forEach((e, i) => {
          expect(e.globalPosition).toBe(i + 1);
          const v = (versions.get(e.streamId) ?? 0) + 1;
          expect(e.streamVersion).toBe(v);
          versions.set(e.streamId, v);
        });
        expect([...versions.keys()].every((s) => ["stream-1", "stream-2", "stream-3"].includes(s))).toBe(true);
      }),
    );
  });

  it("property: arbJsonValue survives a JSON round trip unchanged, and arbStreamId gives valid stream ids", () => {
    fc.assert(
      fc.property(arbJsonValue(), arbStreamId(), (v, id) => {
        expect(JSON.parse(JSON.stringify(v))).toEqual(v);
        expect(streamIdSchema.safeParse(id).success).toBe(true);
      }),
    );
  });
});
