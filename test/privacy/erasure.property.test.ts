// Crypto-shredding, end to end: random customers and histories, then random erasures, on the SQLite file and on PostgreSQL.
// Afterwards no plaintext of an erased subject's personal fields is in the stored bytes, rebuilt projections equal
// the originals with only the personal fields replaced, and credit totals and goal attainment are unchanged.
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ERASED, type ErasableEventStore, type KeyStore } from "../../src/core/privacy/index.ts";
import { repCredits } from "../../src/credit/index.ts";
import { customerDirectory, redactPersonalData } from "../../src/customers/index.ts";
import { goalAttainment, goalProgress } from "../../src/goals/index.ts";
import { type EventEnvelope, type EventStore, fold, rebuildProjection } from "../../src/index.ts";
import { createPostgresEventStore, createPostgresKeyStore } from "../../src/postgres.ts";
import { createSqliteEventStore, createSqliteKeyStore } from "../../src/sqlite.ts";
import { DATABASE_URL, postgresAvailable } from "../support/services.ts";
import { asStored, at, catalog, collect, credited, erasable, sqliteBytes, storage, tempDir } from "./fixtures.ts";

const up = await postgresAvailable();
const REPS: readonly string[] = ["rep-ana", "rep-bo"];

// Every personal value carries a unique ASCII nonce, so finding it in the stored bytes is a leak, never a chance
// match; the rest of the value is arbitrary Unicode text.
let nonceCounter = 0;
const nonce = () => `Qz${(++nonceCounter).toString(36)}x${Math.random().toString(36).slice(2, 10)}Zq`;
const text = fc.string({ unit: "grapheme", maxLength: 12 });

type Action =
  | { kind: "note"; text: string }
  | { kind: "interaction"; rep: number; summary: string | undefined; nextStep: string | undefined; day: number }
  | { kind: "csat"; score: number; comment: string | undefined }
  | { kind: "rename"; name: string }
  | { kind: "tag"; tag: string }
  | { kind: "credit"; rep: number; amount: number; day: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("note" as const), text }),
  fc.record({
    kind: fc.constant("interaction" as const),
    rep: fc.integer({ min: 0, max: 1 }),
    summary: fc.option(text, { nil: undefined }),
    nextStep: fc.option(text, { nil: undefined }),
    day: fc.integer({ min: 0, max: 80 }),
  }),
  fc.record({
    kind: fc.constant("csat" as const),
    score: fc.integer({ min: 1, max: 5 }),
    comment: fc.option(text, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("rename" as const), name: text }),
  fc.record({ kind: fc.constant("tag" as const), tag: fc.constantFrom("vip", "churn-risk", "pilot") }),
  fc.record({
    kind: fc.constant("credit" as const),
    rep: fc.integer({ min: 0, max: 1 }),
    amount: fc.integer({ min: -50_000, max: 500_000 }),
    day: fc.integer({ min: 0, max: 80 }),
  }),
);
const customer: fc.Arbitrary<Customer> = fc.record({
  name: text,
  contacts: fc.array(fc.record({ name: text, email: fc.boolean(), phone: fc.boolean() }), { maxLength: 3 }),
  history: fc.array(action, { maxLength: 12 }),
});
const scenario = fc
  .array(customer, { minLength: 1, maxLength: 6 })
  .chain((customers) =>
    fc.record({ customers: fc.constant(customers), erase: fc.subarray(customers.map((_, i) => `cu-${i}`)) }),
  );

type Customer = {
  name: string;
  contacts: { name: string; email: boolean; phone: boolean }[];
  history: Action[];
};
type Scenario = { customers: Customer[]; erase: string[] };
type Input = { type: string; data: Record<string, unknown> };

/** The events of a scenario by stream, and every nonce of each customer's personal values. */
function eventsOf(s: Scenario) {
  const streams: [string, Input[]][] = [];
  const nonces = new Map<string, string[]>();
  let credits = 0;
  s.customers.forEach((c, i) => {
    const id = `cu-${i}`;
    const mine: string[] = [];
    const pii = (value: string) => {
      const n = nonce();
      mine.push(n);
      return `${value} ${n}`;
    };
    const events: Input[] = [
      {
        type: "CustomerRegistered",
        data: {
          customerId: id,
          kind: "person",
          name: pii(c.name),
          segment: "smb",
          tags: [],
          preferences: {},
          contacts: c.contacts.map((ct, k) => ({
            contactId: `ct-${i}-${k}`,
            name: pii(ct.name),
            ...(ct.email ? { email: `${pii("").trim()}@example.com` } : {}),
            ...(ct.phone ? { phone: pii("+49") } : {}),
          })),
          registeredAt: at(0),
        },
      },
    ];
    c.history.forEach((a, k) => {
      if (a.kind === "note")
        events.push({
          type: "CustomerNoteAdded",
          data: { customerId: id, noteId: `n-${k}`, authorId: "rep-ana", text: pii(a.text), addedAt: at(1) },
        });
      if (a.kind === "rename")
        events.push({ type: "CustomerProfileUpdated", data: { customerId: id, name: pii(a.name), updatedAt: at(2) } });
      if (a.kind === "tag") events.push({ type: "CustomerTagged", data: { customerId: id, tag: a.tag } });
      if (a.kind === "csat")
        events.push({
          type: "CsatRecorded",
          data: {
            surveyId: `s-${i}-${k}`,
            customerId: id,
            score: a.score,
            ...(a.comment === undefined ? {} : { comment: pii(a.comment) }),
            respondedAt: at(3),
          },
        });
      if (a.kind === "interaction")
        events.push({
          type: "InteractionLogged",
          data: {
            interactionId: `i-${i}-${k}`,
            customerId: id,
            repId: REPS[a.rep]!,
            channel: "call",
            occurredAt: at(a.day, 10),
            outcome: "positive",
            ...(a.summary === undefined ? {} : { summary: pii(a.summary) }),
            ...(a.nextStep === undefined ? {} : { nextStep: pii(a.nextStep) }),
          },
        });
      if (a.kind === "credit") {
        const creditId = `c-${++credits}`;
        streams.push([`credit-${creditId}`, [credited(creditId, id, REPS[a.rep]!, a.amount, a.day) as Input]]);
      }
    });
    streams.push([`customer-${id}`, events]);
    nonces.set(id, mine);
  });
  const goals: Input[] = REPS.flatMap((rep) => [
    goalSet(`rev-${rep}`, rep, "revenue", { amount: 1_000_000, currency: "USD" }),
    goalSet(`act-${rep}`, rep, "activity_count", { count: 5 }),
  ]);
  streams.push(["goals-2026", goals]);
  return { streams, nonces };
}

function goalSet(goalId: string, repId: string, metric: string, target: unknown): Input {
  return {
    type: "GoalSet",
    data: {
      goalId,
      metric,
      target,
      period: { periodId: "2026-Q3", calendar: { timeZone: "UTC" } },
      owner: { kind: "rep", repId },
      description: `goal ${goalId}`,
      measure: "credits",
      at: "2026-06-20T00:00:00.000Z",
    },
  };
}

/** What every reader must see after the erasures: the original data, redacted for the erased subjects. */
function expectedAfter(events: readonly EventEnvelope[], erased: ReadonlySet<string>) {
  return events.map((e) => {
    const subject = (e.data as { customerId?: unknown }).customerId;
    const personalType = e.type !== "SalesCreditAssigned";
    if (!personalType || typeof subject !== "string" || !erased.has(subject)) return e;
    return { ...e, data: redactPersonalData(catalog.definition(e.type)!.schema, e.data) };
  });
}

/** Every difference between two values is a string turned into the erased marker. */
function onlyErasedDiffer(before: unknown, after: unknown): boolean {
  if (typeof before === "string" && after === ERASED) return true;
  if (typeof before !== "object" || before === null || typeof after !== "object" || after === null)
    return Object.is(before, after);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].every((k) =>
    onlyErasedDiffer((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]),
  );
}

async function observe(store: EventStore<any>) {
  const events = (await collect(store.readAll())).filter((e) => !e.type.startsWith("Subject"));
  const directory = (await rebuildProjection(store, customerDirectory)).state;
  const credits = (await rebuildProjection(store, repCredits)).state;
  const progress = (await rebuildProjection(store, goalProgress)).state;
  const attainment = REPS.flatMap((rep) => [
    goalAttainment(progress, `rev-${rep}`),
    goalAttainment(progress, `act-${rep}`),
  ]);
  return { events, directory, credits, attainment };
}

/** Runs one scenario: append, observe, erase, then check the readers and the stored bytes. */
async function runScenario(s: Scenario, store: ErasableEventStore, storedText: () => Promise<string>) {
  const { streams, nonces } = eventsOf(s);
  for (const [stream, events] of streams) await store.append(stream, events as never, { expectedVersion: "no_stream" });
  const before = await observe(store);
  for (const subject of s.erase) await store.forgetSubject(subject, { reason: "property-test" });
  const after = await observe(store);
  const erased = new Set(s.erase);

  const bytes = await storedText();
  for (const [subject, list] of nonces) {
    for (const n of list) expect(bytes.includes(asStored(n)), `${subject}'s ${n} in the stored bytes`).toBe(false);
  }
  const expected = expectedAfter(before.events, erased);
  expect(after.events.map((e) => [e.eventId, e.data])).toEqual(expected.map((e) => [e.eventId, e.data]));
  expect(after.directory).toEqual(fold(customerDirectory, expected as EventEnvelope<never>[]));
  expect(onlyErasedDiffer(before.directory, after.directory)).toBe(true);
  for (const [id, profile] of Object.entries(after.directory.customers)) {
    if (!erased.has(id)) expect(profile).toEqual(before.directory.customers[id]);
    else expect(profile.name).toBe(ERASED);
  }
  expect(after.credits).toEqual(before.credits);
  expect(after.attainment).toEqual(before.attainment);
  return [...nonces.values()].flat();
}

const leaked = (bytes: string, nonces: readonly string[]) => nonces.filter((n) => bytes.includes(asStored(n)));

describe("erasure property: SQLite file", () => {
  const dir = tempDir("prop");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let run = 0;

  it("leaves no plaintext of personal fields in the file or its WAL, and changes nothing but the erased fields", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const file = join(dir, `run-${run++}.db`);
        const db = new Database(file);
        db.pragma("journal_mode = wal");
        const inner = createSqliteEventStore({ database: db, catalog: storage, tenantId: "acme" });
        const keys: KeyStore = createSqliteKeyStore(db, { tenantId: "acme" });
        const { store } = erasable({ inner, keys, tenantId: "acme" });
        let nonces: string[] = [];
        try {
          nonces = await runScenario(s, store, async () => sqliteBytes(file));
        } finally {
          await store.close();
          db.close();
        }
        expect(leaked(sqliteBytes(file), nonces)).toEqual([]);
      }),
      { numRuns: Number(process.env.PRIVACY_RUNS ?? 20) },
    );
  });
});

describe.skipIf(!up)("erasure property: PostgreSQL table", () => {
  const schema = `salesfold_test_privacy_${Math.random().toString(36).slice(2, 10)}`;
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  let run = 0;

  it("leaves no plaintext of personal fields in the events table, and changes nothing but the erased fields", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const tenantId = `prop-${run++}`;
        const inner = createPostgresEventStore({ pool, schema, catalog: storage, tenantId });
        const keys = createPostgresKeyStore(pool, { schema, tenantId });
        const { store } = erasable({ inner, keys, tenantId });
        const dump = async () => {
          const { rows } = await pool.query<{ dump: string | null }>(
            `SELECT string_agg(row_to_json(e)::text, E'\\n') AS dump FROM "${schema}".events e`,
          );
          return rows[0]?.dump ?? "";
        };
        const nonces = await runScenario(s, store, async () => Buffer.from(await dump(), "utf8").toString("latin1"));
        await store.close();
        expect(leaked(Buffer.from(await dump(), "utf8").toString("latin1"), nonces)).toEqual([]);
      }),
      { numRuns: Number(process.env.PRIVACY_RUNS ?? 15) },
    );
  });
});
