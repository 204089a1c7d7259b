import fc from "fast-check";
import { type EventEnvelope, frozenJson, type JsonValue } from "../../core/events/index.ts";

/**
 * Stream ids, including hostile ones: quotes, semicolons, SQL and subject syntax, unicode, `__proto__`, and the
 * 1,000-character maximum. All are valid stream ids.
 *
 * @returns An arbitrary of valid stream ids.
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbStreamId(), async (id) => { await store.append(id, [e]); }));
 * ```
 */
export function arbStreamId(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.stringMatching(/^[a-z]{1,8}-[0-9]{1,6}$/),
    fc.constantFrom(
      "O'Brien",
      'a"b',
      "x; DROP TABLE events;--",
      "__proto__",
      "constructor",
      "a.b.*.>",
      "客户-01",
      "🚀",
      " ",
    ),
    fc.string({ minLength: 1, maxLength: 60, unit: "grapheme" }).filter((s) => !s.includes("\u0000")),
    fc.constant("s".repeat(1000)),
  );
}

/**
 * JSON values as event data may hold them: no NaN, no Infinity, no -0, no undefined.
 *
 * @returns An arbitrary of JSON values.
 * @example
 * ```ts
 * fc.assert(fc.property(arbJsonValue(), (v) => JSON.parse(JSON.stringify(v)) !== undefined));
 * ```
 */
export function arbJsonValue(): fc.Arbitrary<JsonValue> {
  return fc.jsonValue({ noUnicodeString: false }).map((v) => JSON.parse(JSON.stringify(v)) as JsonValue);
}

/**
 * Options of {@link arbEnvelope}.
 *
 * @example
 * ```ts
 * const constraints: EnvelopeConstraints = { types: ["DealWon"], tenantId: "acme" };
 * ```
 */
export interface EnvelopeConstraints {
  /** Event types to draw from; `SomethingHappened` by default. */
  readonly types?: readonly string[];
  /** The tenant; `default` by default. */
  readonly tenantId?: string;
  /** The data arbitrary; JSON values by default. */
  readonly data?: fc.Arbitrary<unknown>;
}

/**
 * Well-formed stored envelopes, for testing projections and readers without a store.
 *
 * @param constraints - Types, tenant and data.
 * @returns An arbitrary of single envelopes (positions and versions are not coordinated across draws).
 * @example
 * ```ts
 * fc.assert(fc.property(arbEnvelope(), (e) => eventEnvelopeSchema.safeParse(e).success));
 * ```
 */
export function arbEnvelope(constraints: EnvelopeConstraints = {}): fc.Arbitrary<EventEnvelope> {
  const types = constraints.types ?? ["SomethingHappened"];
  const instant = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
    .map((ms) => new Date(ms).toISOString());
  return fc
    .record({
      type: fc.constantFrom(...types),
      data: constraints.data ?? arbJsonValue(),
      eventId: fc.stringMatching(/^[A-Za-z0-9_-]{21}$/),
      streamId: arbStreamId(),
      streamVersion: fc.integer({ min: 1, max: 1_000_000 }),
      globalPosition: fc.integer({ min: 1, max: 1_000_000_000 }),
      occurredAt: instant,
      recordedAt: instant,
      actor: fc.option(fc.constantFrom("user:ana", "user:bo", "system"), { nil: undefined }),
    })
    .map(
      ({ actor, ...e }) =>
        Object.freeze({
          ...e,
          // Stored data is deeply frozen; so is generated data, so a projection that mutates it fails here too.
          data: frozenJson(e.data, ["data"], []) ?? null,
          tenantId: constraints.tenantId ?? "default",
          metadata: Object.freeze(actor === undefined ? { schemaVersion: 1 } : { actor, schemaVersion: 1 }),
        }) as EventEnvelope,
    );
}

/**
 * An ordered history: envelopes with consecutive global positions and per-stream versions, over a few streams.
 *
 * @param constraints - Types, tenant and data, plus the number of events.
 * @returns An arbitrary of coherent event logs.
 * @example
 * ```ts
 * fc.assert(fc.property(arbEventLog({ maxLength: 50 }), (log) => log.every((e, i) => e.globalPosition === i + 1)));
 * ```
 */
export function arbEventLog(
  constraints: EnvelopeConstraints & { readonly maxLength?: number; readonly streams?: number } = {},
): fc.Arbitrary<readonly EventEnvelope[]> {
  const streams = Array.from({ length: constraints.streams ?? 4 }, (_, i) => `stream-${i + 1}`);
  return fc
    .array(fc.tuple(fc.constantFrom(...streams), arbEnvelope(constraints)), { maxLength: constraints.maxLength ?? 30 })
    .map((pairs) => {
      const versions = new Map<string, number>();
      return pairs.map(([streamId, e], i) => {
        const v = (versions.get(streamId) ?? 0) + 1;
        versions.set(streamId, v);
        return Object.freeze({ ...e, streamId, streamVersion: v, globalPosition: i + 1 }) as EventEnvelope;
      });
    });
}
