import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/runCli.ts";

const dir = mkdtempSync(join(tmpdir(), "salesfold-report-"));
const db = join(dir, "sales.sqlite");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const opened = (dealId: string, ownerId: string, dollars: number, closeDate: string) => ({
  streamId: `deal-${dealId}`,
  type: "DealOpened",
  data: {
    dealId,
    customerId: `cu-${dealId}`,
    ownerId,
    name: `Deal ${dealId}`,
    stage: "proposal",
    amount: { amount: dollars * 100, currency: "USD" },
    probabilityBps: 6000,
    forecastCategory: "best_case",
    closeDate,
    openedOn: "2026-07-01",
    openedAt: "2026-07-01T01:00:00.000Z",
  },
});

beforeAll(async () => {
  const file = join(dir, "deals.jsonl");
  const lines = [
    opened("d-1", "rep-ana", 10_000, "2026-08-15"),
    opened("d-2", "rep-ana", 2_500, "2026-10-01"),
    opened("d-3", "rep-bo", 7_000, "2026-09-30"),
  ];
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
  const r = await runCli(["import", file, "--store", `sqlite:${db}`], { cwd: dir });
  expect(r.code).toBe(0);
});

describe("salesfold report", () => {
  it("prints a projection as a table", async () => {
    const r = await runCli(["report", "pipeline", "--store", `sqlite:${db}`], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain("pipeline at position 3");
    // 3 deals in proposal: USD 19,500 open, weighted 60%: USD 11,700.
    expect(r.out).toMatch(/proposal\s+3\s+USD 19,500\.00\s+USD 11,700\.00/);
    expect(r.out).toMatch(/rep-ana\s+2\s+USD 12,500\.00\s+USD 7,500\.00/);
  });

  it("filters by --period where the view supports it", async () => {
    const q3 = await runCli(["report", "pipeline", "--store", `sqlite:${db}`, "--period", "2026-Q3"], { cwd: dir });
    expect(q3.code).toBe(0);
    // d-1 and d-3 close in Q3 (USD 17,000, weighted USD 10,200); d-2 closes on 1 October.
    expect(q3.out).toMatch(/2026-Q3\s+best_case\s+2\s+USD 17,000\.00\s+USD 10,200\.00/);
    const deals = await runCli(["report", "dealBoard", "--store", `sqlite:${db}`, "--period", "2026-10"], { cwd: dir });
    expect(deals.out).toMatch(/d-2\s+rep-ana/);
    expect(deals.out).not.toMatch(/d-1\s/);
  });

  it("prints JSON with money as minor units and currency", async () => {
    const r = await runCli(["report", "repCredits", "--store", db, "--format", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      report: "repCredits",
      position: 3,
      sections: [{ title: "credit by rep", rows: [] }],
    });
    const board = JSON.parse(
      (await runCli(["report", "dealBoard", "--store", db, "--format", "json"], { cwd: dir })).out,
    );
    expect(board.sections[0].rows.map((r: { amount: unknown }) => r.amount)).toEqual([
      { amount: 1_000_000, currency: "USD" },
      { amount: 250_000, currency: "USD" },
      { amount: 700_000, currency: "USD" },
    ]);
  });

  it("prints CSV with a section column, quoted where needed", async () => {
    const r = await runCli(["report", "dealBoard", "--store", db, "--format", "csv"], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = r.out.trimEnd().split("\r\n");
    expect(rows[0]).toBe("section,deal,owner,customer,status,stage,amount,probability,category,closeDate,closedOn");
    expect(rows[1]).toBe("deals,d-1,rep-ana,cu-d-1,open,proposal,USD 10000.00,60.00%,best_case,2026-08-15,");
    expect(rows).toHaveLength(4);
  });

  it("tabulates projections without a view", async () => {
    const r = await runCli(["report", "customer360", "--store", db], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain("customer360 at position 3");
  });

  it("explains what is wrong in one line with a hint", async () => {
    const unknown = await runCli(["report", "nope", "--store", db], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^salesfold: unknown projection "nope"\n {2}hint: one of: .*pipeline/);
    const period = await runCli(["report", "winLoss", "--store", db, "--period", "2026-Q3"], { cwd: dir });
    expect(period.err).toContain("winLoss does not take --period");
    const badPeriod = await runCli(["report", "pipeline", "--store", db, "--period", "Q3"], { cwd: dir });
    expect(badPeriod.err).toContain('unknown period "Q3"');
    const missing = await runCli(["report", "pipeline", "--store", join(dir, "missing.sqlite")], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(existsSync(join(dir, "missing.sqlite"))).toBe(false);
    const format = await runCli(["report", "pipeline", "--store", db, "--format", "xml"], { cwd: dir });
    expect(format.err).toContain("use --format table, json or csv");
  });

  it("refuses a SQLite file without salesfold's tables and leaves it unchanged", async () => {
    const other = join(dir, "other.db");
    const setup = new Database(other);
    setup.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')");
    setup.close();
    const hash = () => createHash("sha256").update(readFileSync(other)).digest("hex");
    const before = hash();
    const files = readdirSync(dir).sort();

    const r = await runCli(["report", "pipeline", "--store", other], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /^salesfold: sqlite:other\.db is not a salesfold store: it holds no salesfold tables\n {2}hint: /,
    );
    expect(hash()).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(files);
    const check = new Database(other, { readonly: true });
    expect(check.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(["notes"]);
    check.close();

    const notSqlite = join(dir, "text.db");
    writeFileSync(notSqlite, "not a database at all, just some text that is long enough to have a header");
    const text = await runCli(["report", "pipeline", "--store", notSqlite], { cwd: dir });
    expect(text.code).toBe(3);
    expect(text.err).toMatch(/^salesfold: cannot open sqlite:text\.db: /);
    expect(readFileSync(notSqlite, "utf8")).toBe(
      "not a database at all, just some text that is long enough to have a header",
    );
  });
});
