import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeEventsFile } from "./support/eventsFile.ts";
import { runCli } from "./support/runCli.ts";

const dir = mkdtempSync(join(tmpdir(), "salesfold-validate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("salesfold validate", () => {
  it("reports exactly the bad lines of 100,000 with 1% bad, with their paths, exits 1 and writes nothing", async () => {
    const file = join(dir, "events.jsonl");
    const { bad } = await writeEventsFile(file, { lines: 100_000, badEvery: 100 });
    expect(bad).toHaveLength(1_000);
    const before = readdirSync(dir);

    const r = await runCli(["validate", file], { cwd: dir });

    expect(r.code).toBe(1);
    const reported = r.out
      .trim()
      .split("\n")
      .map((l) => /^line (\d+): (\S+): (.+)$/.exec(l)!);
    expect(reported.every((m) => m !== null)).toBe(true);
    // One report line per bad line here: each bad line of the generator has exactly one problem.
    expect(reported.map((m) => Number(m[1]))).toEqual(bad.map((b) => b.line));
    expect(reported.map((m) => m[2])).toEqual(bad.map((b) => b.path));
    expect(r.err).toContain("100,000 lines, 99,000 valid events, 1,000 invalid lines");
    expect(r.err).toContain("nothing was written");
    expect(readdirSync(dir)).toEqual(before);
  });

  it("accepts a valid file, stored envelopes included, and counts streams", async () => {
    const file = join(dir, "ok.jsonl");
    const envelope = {
      type: "InteractionLogged",
      data: {
        interactionId: "i-1",
        customerId: "cu-1",
        repId: "rep-ana",
        channel: "call",
        occurredAt: "2026-07-01T01:00:00.000Z",
        outcome: "positive",
      },
      metadata: { schemaVersion: 1, actor: "rep-ana" },
      eventId: "e-9",
      streamId: "customer-cu-1",
      streamVersion: 1,
      globalPosition: 7,
      occurredAt: "2026-07-01T01:00:00.000Z",
      recordedAt: "2026-07-01T01:00:01.000Z",
      tenantId: "acme",
    };
    writeFileSync(file, `\n${JSON.stringify(envelope)}\n\n`);
    const r = await runCli(["validate", file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 lines, 1 valid events, 0 invalid lines \(1 streams\)/);
  });

  it("reports every problem of a line, and an event id used twice", async () => {
    const file = join(dir, "two.jsonl");
    const line = { streamId: "deal-1", type: "DealLost", data: { dealId: "" }, eventId: "e-1", zap: true };
    const ok = {
      streamId: "deal-2",
      type: "InteractionLogged",
      eventId: "e-1",
      data: {
        interactionId: "i-1",
        customerId: "cu-1",
        repId: "r",
        channel: "call",
        occurredAt: "2026-07-01T01:00:00Z",
        outcome: "neutral",
      },
    };
    writeFileSync(file, `${JSON.stringify(ok)}\n${JSON.stringify(line)}\n${JSON.stringify(ok)}\n`);
    const r = await runCli(["validate", file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain("line 2: zap: unknown field");
    expect(r.out).toMatch(/line 2: data\.dealId: /);
    expect(r.out).toContain('line 3: eventId: event id "e-1" is already used on line 1');
    expect(r.out).not.toMatch(/^line 1:/m);
  });
});
