import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isValidationError } from "../../../src/index.ts";
import { createSqliteEventStore } from "../../../src/sqlite.ts";
import { all, counterCatalog, EVENT_LOG, inc } from "./fixtures.ts";

const nasty = [
  "O'Brien",
  'say "hi"',
  "x'; DROP TABLE salesfold_events; --",
  "a;b;c",
  "__proto__",
  "constructor",
  "客户/深圳-01",
  "emoji 🚀",
  "%_*?[]",
  "\\x00 not a NUL",
  "x".repeat(1000),
];

async function failure(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Every row of the database other than the tenant `under-attack`'s, as text: what hostile input must not touch. */
function bystanders(db: Database.Database): string {
  return JSON.stringify([
    db
      .prepare(`SELECT * FROM ${EVENT_LOG} WHERE tenant_id <> 'under-attack' ORDER BY tenant_id, global_position`)
      .all(),
    db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all(),
  ]);
}

describe("SQLite store: hostile input", () => {
  it("stores awkward stream ids and data keys exactly, refuses the rest with typed errors, and touches nothing else", async () => {
    const db = new Database(":memory:");
    const victim = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "victim" });
    await victim.append("victim-stream", [inc(1), inc(2)]);
    const attacker = createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId: "under-attack" });
    await attacker.append("victim-stream", [inc(100)]);
    const before = bystanders(db);

    for (const id of nasty) {
      const extra: Record<string, unknown> = {};
      for (const key of nasty.slice(0, 10)) if (key !== "__proto__") extra[key] = key;
      Object.defineProperty(extra, "constructor", { value: { prototype: { polluted: true } }, enumerable: true });
      const { events } = await attacker.append(id, [{ type: "Incremented", data: { by: 1, extra } as never }], {
        expectedVersion: "no_stream",
      });
      const read = await attacker.readStream(id);
      expect(read.events).toEqual(events);
      expect(read.events[0]!.streamId).toBe(id);
      expect(JSON.stringify((read.events[0]!.data as { extra: unknown }).extra)).toBe(JSON.stringify(extra));
    }
    for (const bad of ["", "a\u0000b", "x".repeat(10_000), "\uD800 lone"]) {
      expect(isValidationError(await failure(() => attacker.append(bad, [inc(1)])))).toBe(true);
      expect(isValidationError(await failure(() => attacker.readStream(bad)))).toBe(true);
    }
    const proto = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    expect(
      isValidationError(
        await failure(() => attacker.append("p", [{ type: "Incremented", data: { by: 1, extra: proto } as never }])),
      ),
    ).toBe(true);
    expect(({} as { polluted?: unknown }).polluted).toBe(undefined);
    expect(Object.prototype).not.toHaveProperty("polluted");

    expect(bystanders(db)).toBe(before);
    expect((await all(victim.readAll())).map((e) => e.data)).toEqual([{ by: 1 }, { by: 2 }]);
    expect((await attacker.readStream("victim-stream")).events.map((e) => e.data)).toEqual([{ by: 100 }]);
    db.close();
  });

  it("refuses hostile tenant ids with a ValidationError before touching the database", async () => {
    const db = new Database(":memory:");
    for (const tenantId of [
      "",
      "a'b",
      "a;DROP TABLE x",
      "a\u0000b",
      "t".repeat(10_000),
      "客户",
      "__proto__",
      "a b",
      "../etc",
      "-leading-dash",
    ]) {
      const error = await failure(() => createSqliteEventStore({ database: db, catalog: counterCatalog, tenantId }));
      expect(isValidationError(error), tenantId.slice(0, 20)).toBe(true);
    }
    expect(db.prepare("SELECT count(*) FROM sqlite_master").pluck().get()).toBe(0);
    db.close();
  });
});
