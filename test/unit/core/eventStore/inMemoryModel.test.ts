import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createInMemoryEventStore,
  type ExpectedVersion,
  isConcurrencyError,
  sequentialIds,
  steppingClock,
} from "../../../../src/index.ts";
import { collect, storeCatalog } from "./fixtures.ts";

// The model: a Map of streams to the global positions of their events, and the global log itself.
interface ModelEvent {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly data: unknown;
}
interface Model {
  readonly streams: Map<string, ModelEvent[]>;
  readonly log: ModelEvent[];
}

const STREAMS = ["a", "b", "c"] as const;
const TYPES = ["Noted", "Tagged"] as const;

const arbExpected: fc.Arbitrary<ExpectedVersion | "exact"> = fc.oneof(
  fc.constantFrom<ExpectedVersion | "exact">("any", "no_stream", "stream_exists", "exact", "exact"),
  fc.integer({ min: 0, max: 6 }),
);
const arbEvent = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((n) => ({ type: "Noted" as const, data: { n } })),
  fc.constantFrom("x", "y").map((tag) => ({ type: "Tagged" as const, data: { tag } })),
);
const arbAppend = fc.record({
  kind: fc.constant("append" as const),
  stream: fc.constantFrom(...STREAMS),
  events: fc.array(arbEvent, { maxLength: 3 }),
  expected: arbExpected,
});
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const arbReadStream = fc.record({
  kind: fc.constant("readStream" as const),
  stream: fc.constantFrom(...STREAMS),
  direction: fc.constantFrom("forwards" as const, "backwards" as const),
  fromVersion: opt(fc.integer({ min: 0, max: 8 })),
  toVersion: opt(fc.integer({ min: 0, max: 8 })),
  maxCount: opt(fc.integer({ min: 0, max: 4 })),
});
const arbReadAll = fc.record({
  kind: fc.constant("readAll" as const),
  after: opt(fc.integer({ min: 0, max: 20 })),
  limit: opt(fc.integer({ min: 0, max: 6 })),
  types: opt(fc.subarray([...TYPES])),
});
const arbOp = fc.oneof({ arbitrary: arbAppend, weight: 3 }, arbReadStream, arbReadAll);

function modelAccepts(expected: ExpectedVersion, actual: number): boolean {
  if (expected === "any") return true;
  if (expected === "no_stream") return actual === 0;
  if (expected === "stream_exists") return actual > 0;
  return expected === actual;
}

type ReadStreamOp = {
  readonly direction: "forwards" | "backwards";
  readonly fromVersion?: number | undefined;
  readonly toVersion?: number | undefined;
  readonly maxCount?: number | undefined;
};

function modelReadStream(list: readonly ModelEvent[], op: ReadStreamOp): ModelEvent[] {
  const current = list.length;
  if (op.direction === "forwards") {
    const from = op.fromVersion ?? 1;
    const to = op.toVersion ?? current;
    const hit = list.filter((e) => e.streamVersion >= from && e.streamVersion <= to);
    return op.maxCount === undefined ? hit : hit.slice(0, op.maxCount);
  }
  const from = op.fromVersion ?? current;
  const to = op.toVersion ?? 1;
  const hit = list.filter((e) => e.streamVersion <= from && e.streamVersion >= to).reverse();
  return op.maxCount === undefined ? hit : hit.slice(0, op.maxCount);
}

const shape = (e: ModelEvent) => ({
  streamId: e.streamId,
  streamVersion: e.streamVersion,
  globalPosition: e.globalPosition,
  type: e.type,
  data: e.data,
});

describe("in-memory store against a model", () => {
  it("property: random appends with random expectations and random reads always agree with the model", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbOp, { maxLength: 40 }), async (ops) => {
        const store = createInMemoryEventStore({
          catalog: storeCatalog,
          clock: steppingClock("2026-01-01T00:00:00.000Z"),
          ids: sequentialIds("e"),
        });
        const model: Model = { streams: new Map(), log: [] };
        for (const op of ops) {
          if (op.kind === "append") {
            const list = model.streams.get(op.stream) ?? [];
            const expected: ExpectedVersion = op.expected === "exact" ? list.length : op.expected;
            const accepted = modelAccepts(expected, list.length);
            let outcome: unknown;
            try {
              outcome = await store.append(op.stream, op.events, { expectedVersion: expected });
            } catch (error) {
              outcome = error;
            }
            if (!accepted) {
              expect(isConcurrencyError(outcome)).toBe(true);
              expect(outcome).toMatchObject({ streamId: op.stream, expected, actual: list.length });
              continue;
            }
            const added = op.events.map((e, i) => ({
              streamId: op.stream,
              streamVersion: list.length + i + 1,
              globalPosition: model.log.length + i + 1,
              type: e.type,
              data: e.data,
            }));
            list.push(...added);
            if (list.length > 0) model.streams.set(op.stream, list);
            model.log.push(...added);
            expect(outcome).toMatchObject({
              streamId: op.stream,
              nextExpectedVersion: list.length,
              lastPosition: model.log.length,
            });
            expect((outcome as { events: ModelEvent[] }).events.map(shape)).toEqual(added);
          } else if (op.kind === "readStream") {
            const { kind: _k, stream, ...options } = op;
            const list = model.streams.get(stream) ?? [];
            const read = await store.readStream(stream, options);
            expect(read.currentVersion).toBe(list.length);
            expect(read.exists).toBe(list.length > 0);
            expect(read.events.map(shape)).toEqual(modelReadStream(list, op));
          } else {
            const { kind: _k, ...options } = op;
            let expected = model.log.filter((e) => e.globalPosition > (op.after ?? 0));
            if (op.types !== undefined) expected = expected.filter((e) => op.types!.includes(e.type as never));
            if (op.limit !== undefined) expected = expected.slice(0, op.limit);
            expect((await collect(store.readAll(options))).map(shape)).toEqual(expected);
          }
        }
        expect(await store.lastPosition()).toBe(model.log.length);
        for (const id of STREAMS) {
          expect(await store.streamVersion(id)).toBe(model.streams.get(id)?.length ?? 0);
          expect(await store.streamExists(id)).toBe(model.streams.has(id));
        }
        expect((await collect(store.readAll())).map(shape)).toEqual(model.log);
      }),
    );
  });
});
