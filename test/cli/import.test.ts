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
    expect(stored.every((e) => /^imp2-[A-Za-z0-9_-]{27}$/.test(e.eventId))).toBe(true);

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

  it("derives one id for one event, whatever the key order and the offset of its time", () => {
    const e = {
      type: "DealLost",
      data: { dealId: "d-1", reason: { code: "price", note: "too dear" } },
      occurredAt: "2026-07-20T09:00:00+08:00",
      metadata: { actor: "user:ana", correlationId: "c-1" },
    };
    const same = {
      metadata: { correlationId: "c-1", actor: "user:ana" },
      occurredAt: "2026-07-20T01:00:00.000Z",
      data: { reason: { note: "too dear", code: "price" }, dealId: "d-1" },
      type: "DealLost",
    };
    expect(derivedEventId("deal-1", same, 1)).toBe(derivedEventId("deal-1", e, 1));
    expect(derivedEventId("deal-1", e, 1)).toMatch(/^imp2-[A-Za-z0-9_-]{27}$/);
    expect(derivedEventId("deal-1", { ...e, occurredAt: "2026-07-20T09:00:00Z" }, 1)).not.toBe(
      derivedEventId("deal-1", e, 1),
    );
    // Array order is data, not formatting.
    const lines = (items: string[]) => ({ type: "OrderPlaced", data: { items } });
    expect(derivedEventId("order-1", lines(["a", "b"]), 1)).not.toBe(derivedEventId("order-1", lines(["b", "a"]), 1));
  });

  it("stores nothing again for the same events written with other key orders and offsets", async () => {
    const db = join(dir, "canonical.sqlite");
    const data = {
      interactionId: "i-1",
      customerId: "cu-1",
      repId: "rep-ana",
      channel: "call",
      occurredAt: "2026-07-02T10:00:00Z",
      outcome: "positive",
    };
    const first = join(dir, "canonical-1.jsonl");
    writeFileSync(
      first,
      `${JSON.stringify({ streamId: "cu-1", type: "InteractionLogged", data, occurredAt: "2026-07-02T18:00:00+08:00" })}\n`,
    );
    const reordered = Object.fromEntries(Object.entries(data).reverse());
    const second = join(dir, "canonical-2.jsonl");
    writeFileSync(
      second,
      `${JSON.stringify({ occurredAt: "2026-07-02T10:00:00.000Z", data: reordered, type: "InteractionLogged", streamId: "cu-1" })}\n`,
    );
    expect((await runCli(["import", first, "--store", db], { cwd: dir })).code).toBe(0);
    const again = await runCli(["import", second, "--store", db], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/imported 0 events .*; 1 were already stored and were skipped/);
    expect(await storedEvents(db)).toHaveLength(1);
  });

  it("reports a line that is not valid UTF-8 instead of decoding it, and writes nothing", async () => {
    const line = (customer: Buffer) =>
      Buffer.concat([
        Buffer.from('{"streamId":"cu-'),
        customer,
        Buffer.from(
          '","type":"InteractionLogged","data":{"interactionId":"i-1","customerId":"cu-1","repId":"rep-ana","channel":"call","occurredAt":"2026-07-02T10:00:00Z","outcome":"positive"}}\n',
        ),
      ]);
    const file = join(dir, "latin1.jsonl");
    // Two streams that differ only in a Latin-1 byte: replacement characters would make them one.
    writeFileSync(
      file,
      Buffer.concat([line(Buffer.from("ok")), line(Buffer.from([0x52, 0xe9])), line(Buffer.from([0x52, 0xe8]))]),
    );
    const checked = await runCli(["validate", file], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.out).toBe("line 2: (root): not valid UTF-8\nline 3: (root): not valid UTF-8\n");
    const db = join(dir, "latin1.sqlite");
    const imported = await runCli(["import", file, "--store", db], { cwd: dir });
    expect(imported.code).toBe(1);
    expect(imported.out).toContain("line 2: (root): not valid UTF-8");
    expect(imported.err).toContain("2 invalid lines of 3: nothing imported");
    expect(existsSync(db)).toBe(false);
  });

  it("reads UTF-8 split across chunks, a byte order mark, CRLF and CR line ends", async () => {
    const file = join(dir, "utf8.jsonl");
    const lines = Array.from({ length: 3_000 }, (_, i) =>
      JSON.stringify({
        streamId: `cu-${i}`,
        type: "InteractionLogged",
        data: {
          interactionId: `i-${i}`,
          customerId: `cu-${i}`,
          repId: `rep-ünïcødé-€-🙂-${"é".repeat(i % 300)}`,
          channel: "call",
          occurredAt: "2026-07-02T10:00:00Z",
          outcome: "positive",
        },
      }),
    );
    const ends = ["\r\n", "\n", "\r", "\n\n"];
    const text = `\uFEFF${lines.map((l, i) => `${l}${ends[i % ends.length]}`).join("")}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
    writeFileSync(file, text);
    const r = await runCli(["validate", file], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("3,750 lines, 3,000 valid events, 0 invalid lines (3,000 streams)");

    // A line longer than several read chunks is read whole: its one problem is reported, with its number.
    const long = join(dir, "long.jsonl");
    const big = { ...JSON.parse(lines[0]!), extra: "é€".repeat(700_000) };
    writeFileSync(long, `${lines[1]}\n${JSON.stringify(big)}\r\n${lines[2]}`);
    const longCheck = await runCli(["validate", long], { cwd: dir });
    expect(longCheck.out).toBe('line 2: extra: unknown field "extra"\n');
    expect(longCheck.err).toContain("3 lines, 2 valid events, 1 invalid lines");
    const db = join(dir, "utf8.sqlite");
    expect((await runCli(["import", file, "--store", db], { cwd: dir })).code).toBe(0);
    const stored = await storedEvents(db);
    expect(stored.map((e) => (e.data as { repId: string }).repId)).toEqual(lines.map((l) => JSON.parse(l).data.repId));
  });

  it("says how many events were stored when the store refuses an append midway, and a fixed re-run completes", async () => {
    const db = join(dir, "midway.sqlite");
    const interaction = (id: string, channel: string) =>
      JSON.stringify({
        streamId: `interaction-${id}`,
        type: "InteractionLogged",
        data: {
          interactionId: id,
          customerId: "cu-1",
          repId: "rep-ana",
          channel,
          occurredAt: "2026-07-02T10:00:00Z",
          outcome: "positive",
        },
        eventId: id === "i-51" || id === "i-1" ? "crm-1" : `new-${id}`,
      });
    const earlier = join(dir, "midway-0.jsonl");
    writeFileSync(earlier, `${interaction("i-1", "call")}\n`);
    expect((await runCli(["import", earlier, "--store", db], { cwd: dir })).code).toBe(0);
    // Line 2 reuses crm-1 for another event: the store refuses it after line 1 was stored.
    const file = join(dir, "midway.jsonl");
    writeFileSync(file, `${interaction("i-50", "call")}\n${interaction("i-51", "email")}\n`);
    const r = await runCli(["import", file, "--store", db], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /\nimport stopped: 1 event was stored in sqlite:midway\.sqlite \(1 append\) before the error below\n {2}note: rerun the same import once the cause is fixed: what is already stored is skipped/,
    );
    expect(r.err).toMatch(/\nsalesfold: idempotency_conflict: /);
    expect((await storedEvents(db)).map((e) => e.eventId)).toEqual(["crm-1", "new-i-50"]);
    writeFileSync(file, `${interaction("i-50", "call")}\n${interaction("i-51", "email").replace("crm-1", "crm-2")}\n`);
    const fixed = await runCli(["import", file, "--store", db], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.out).toMatch(/imported 1 events .*; 1 were already stored and were skipped/);
  });

  it("needs --store and a sane --chunk", async () => {
    const file = join(dir, "events.jsonl");
    const noStore = await runCli(["import", file], { cwd: dir });
    expect(noStore.code).toBe(2);
    expect(noStore.err).toMatch(/^salesfold: import needs --store\n {2}hint: /);
    for (const value of ["0", "100001", "0x10", "1e3", " 7", "7 ", "7.0", "+7", "-1", "", "99999999999999999999"]) {
      const chunk = await runCli(["import", file, "--store", "memory", `--chunk=${value}`], { cwd: dir });
      expect(chunk.code, JSON.stringify(value)).toBe(2);
      expect(chunk.err).toContain(`--chunk must be an integer from 1 to 100000, got ${JSON.stringify(value)}`);
    }
    for (const value of ["1", "100000", "007"]) {
      const chunk = await runCli(["import", file, "--store", "memory", "--chunk", value], { cwd: dir });
      expect(chunk.code, value).toBe(0);
    }
  });
});
