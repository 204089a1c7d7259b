import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { derivedEventId } from "../../src/cli/commands/import.ts";
import { createSqliteEventStore } from "../../src/sqlite.ts";
import { salesEvents } from "../../src/sales/index.ts";
import { validLine, writeEventsFile } from "./support/eventsFile.ts";
import { runCli } from "./support/runCli.ts";

const dir = mkdtempSync(join(tmpdir(), "salesfold-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storedEvents(path: string) {
  const store = createSqliteEventStore({ database: path, catalog: salesEvents });
  try {
    const all = [];
    for await (const e of store.readAll()) all.push(e);
    return all;
  } finally {
    await store.close();
  }
}

describe("salesfold import", () => {
  it("imports a file per stream in file order, then a re-run stores nothing new", async () => {
    const file = join(dir, "events.jsonl");
    await writeEventsFile(file, { lines: 5_000 });
    const db = join(dir, "sales.sqlite");

    const first = await runCli(["import", file, "--store", `sqlite:${db}`], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/imported 5,000 events into 500 streams of sqlite:sales\.sqlite/);
    expect(first.out).toMatch(/\(\d[\d,]* events\/s, 500 appends\)/);
    expect(first.out).toContain("5,000 lines had no eventId");
    const stored = await storedEvents(db);
    expect(stored).toHaveLength(5_000);

    // Each stream holds its lines in file order: line i is the k-th event of its stream.
    const byStream = new Map<string, string[]>();
    for (let i = 0; i < 5_000; i++) {
      const { streamId, type } = JSON.parse(validLine(i, false));
      byStream.set(streamId, [...(byStream.get(streamId) ?? []), type]);
    }
    for (const [streamId, types] of byStream) {
      expect(stored.filter((e) => e.streamId === streamId).map((e) => e.type)).toEqual(types);
    }
    expect(stored.every((e) => /^imp-[A-Za-z0-9_-]{27}$/.test(e.eventId))).toBe(true);

    const again = await runCli(["import", file, "--store", `sqlite:${db}`], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/imported 0 events .*; 5,000 were already stored and were skipped/);
    expect(await storedEvents(db)).toHaveLength(5_000);
  });

  it("keeps explicit event ids, and appends only the new lines when the file grew", async () => {
    const file = join(dir, "grow.jsonl");
    const db = join(dir, "grow.sqlite");
    const lines = (n: number) => Array.from({ length: n }, (_, i) => validLine(i, true)).join("\n");
    writeFileSync(file, `${lines(150)}\n`);
    expect((await runCli(["import", file, "--store", db, "--chunk", "3"], { cwd: dir })).code).toBe(0);
    writeFileSync(file, `${lines(200)}\n`);
    const r = await runCli(["import", file, "--store", db, "--chunk", "3"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/imported 50 events .*150 were already stored/);
    const stored = await storedEvents(db);
    expect(stored.map((e) => e.eventId).sort()).toEqual(Array.from({ length: 200 }, (_, i) => `e-${i}`).sort());
  });

  it("writes nothing, not even the database file, when any line is invalid", async () => {
    const file = join(dir, "bad.jsonl");
    await writeEventsFile(file, { lines: 1_000, badEvery: 250 });
    const db = join(dir, "never.sqlite");
    const r = await runCli(["import", file, "--store", `sqlite:${db}`], { cwd: dir });
    expect(r.code).toBe(1);
    expect(
      r.out
        .trim()
        .split("\n")
        .map((l) => l.split(":")[0]),
    ).toEqual(["line 250", "line 500", "line 750", "line 1000"]);
    expect(r.err).toContain("4 invalid lines of 1,000: nothing imported");
    expect(existsSync(db)).toBe(false);
  });

  it("draws a progress bar with a rate and an ETA on a terminal only", async () => {
    const file = join(dir, "tty.jsonl");
    await writeEventsFile(file, { lines: 300 });
    const tty = await runCli(["import", file, "--store", "memory"], { cwd: dir, tty: true });
    expect(tty.code).toBe(0);
    expect(tty.err).toMatch(/\rimporting \[[█·]+\] +\d+% +[\d,]+\/300 events +[\d,]+ events\/s +(ETA|in) \d+:\d\d/);
    const plain = await runCli(["import", file, "--store", "memory"], { cwd: dir, tty: false });
    expect(plain.err).not.toContain("\r");
  });

  it("derives the same id for the same event, and distinct ids for repeats and other streams", () => {
    const e = { type: "DealLost", data: { dealId: "d-1" } };
    expect(derivedEventId("deal-1", e, 1)).toBe(derivedEventId("deal-1", { ...e }, 1));
    expect(derivedEventId("deal-1", e, 2)).toBe(`${derivedEventId("deal-1", e, 1)}-2`);
    expect(derivedEventId("deal-2", e, 1)).not.toBe(derivedEventId("deal-1", e, 1));
    expect(derivedEventId("deal-1", { ...e, data: { dealId: "d-2" } }, 1)).not.toBe(derivedEventId("deal-1", e, 1));
  });

  it("needs --store and a sane --chunk", async () => {
    const file = join(dir, "events.jsonl");
    const noStore = await runCli(["import", file], { cwd: dir });
    expect(noStore.code).toBe(2);
    expect(noStore.err).toMatch(/^salesfold: import needs --store\n {2}hint: /);
    const chunk = await runCli(["import", file, "--store", "memory", "--chunk", "0"], { cwd: dir });
    expect(chunk.code).toBe(2);
    expect(chunk.err).toContain("--chunk must be an integer from 1 to 100000");
  });
});
