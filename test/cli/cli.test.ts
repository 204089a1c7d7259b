import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isValidationError } from "../../src/index.ts";
import { salesCommands, salesEvents, salesJsonSchemas } from "../../src/sales/index.ts";
import { openStore, parseStoreSpec } from "../../src/cli/stores.ts";
import { runCli } from "./support/runCli.ts";

const dir = mkdtempSync(join(tmpdir(), "salesfold-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("salesfold --help", () => {
  for (const command of ["demo", "validate", "import", "report", "schema"]) {
    it(`explains ${command}`, async () => {
      const r = await runCli([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: salesfold ${command}\\b`));
      expect(r.err).toBe("");
    });
  }

  it("lists the commands and exit codes, and every report with --help", async () => {
    const main = await runCli(["--help"]);
    expect(main.code).toBe(0);
    expect(main.out).toMatch(/Commands:\n {2}demo .*\n {2}validate .*\n {2}import .*\n {2}report .*\n {2}schema /);
    expect(main.out).toContain("Exit codes: 0 ok · 1 invalid data · 2 usage error · 3 file or store unavailable");
    const report = await runCli(["report", "--help"]);
    expect(report.out).toMatch(/ {2}pipeline \* +Open pipeline/);
    expect(report.out).not.toContain("{{projections}}");
    expect((await runCli([])).code).toBe(2);
  });

  it("gives report's real --tenant default and every --bucket kind", async () => {
    const report = await runCli(["report", "--help"]);
    expect(report.out).toMatch(/--tenant .*default: demo without --store.*the store's default tenant with one/);
    expect(report.out).not.toContain("default demo)");
    expect(report.out).toMatch(/--bucket .*: day, week, month \(default\), quarter, year/);
  });

  it("explains a command with salesfold help COMMAND, and refuses an unknown one", async () => {
    const known = await runCli(["help", "import"]);
    expect(known.code).toBe(0);
    expect(known.out).toMatch(/^Usage: salesfold import\b/);
    const unknown = await runCli(["help", "nosuch"]);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe("");
    expect(unknown.err).toMatch(/^salesfold: unknown command "nosuch"\n {2}hint: commands: demo, validate/);
  });
});

describe("errors", () => {
  it("are one line and a hint, with no stack trace", async () => {
    for (const argv of [["frobnicate"], ["validate"], ["validate", "a", "b"], ["import", "x.jsonl", "--bogus"]]) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err.split("\n").filter(Boolean), argv.join(" ")).toHaveLength(2);
      expect(r.err).toMatch(/^salesfold: .+\n {2}hint: .+\n$/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it("say when a file is missing (exit 3), with the stack only under --debug", async () => {
    const quiet = await runCli(["validate", "missing.jsonl"], { cwd: dir });
    expect(quiet.code).toBe(3);
    expect(quiet.err).toMatch(/^salesfold: cannot read .*missing\.jsonl: ENOENT\n {2}hint: check the path/);
    expect(quiet.err).not.toMatch(/\n\s+at /);
    const loud = await runCli(["validate", "missing.jsonl", "--debug"], { cwd: dir });
    expect(loud.code).toBe(3);
    expect(loud.err).toMatch(/\n\s+at /);
  });

  it("name a single argument in plain words", async () => {
    const r = await runCli(["validate", "a", "b"], { cwd: dir });
    expect(r.err).toMatch(/^salesfold: validate takes a single argument \(a file\), got 2: a b\n/);
  });

  it("take --debug before the command too", async () => {
    writeFileSync(join(dir, "empty.jsonl"), "\n");
    const ok = await runCli(["--debug", "validate", "empty.jsonl"], { cwd: dir });
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("empty.jsonl: 1 lines, 0 valid events, 0 invalid lines");
    const missing = await runCli(["--debug", "validate", "missing.jsonl"], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/\n\s+at /);
  });

  it("refuse a PostgreSQL URL that does not parse as a usage error, before reading the file, password masked", async () => {
    const r = await runCli(["import", "missing.jsonl", "--store", "postgres://u:secret@host:99999/db"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^salesfold: invalid PostgreSQL URL "postgres:\/\/u:\*\*\*@host:99999\/db"\n {2}hint: /);
    expect(r.err).not.toContain("secret");
    expect(() => parseStoreSpec("postgresql://u@host:5432/db", dir)).not.toThrow();
  });

  it("refuse an invalid --tenant as a usage error naming the option, before anything is created", async () => {
    writeFileSync(join(dir, "one.jsonl"), "");
    for (const tenant of ["bad!", ""]) {
      for (const argv of [
        ["import", "one.jsonl", "--store", "sqlite:tenant.sqlite", "--tenant", tenant],
        ["report", "pipeline", "--store", "sqlite:tenant.sqlite", "--tenant", tenant],
      ]) {
        const r = await runCli(argv, { cwd: dir });
        expect(r.code, argv.join(" ")).toBe(2);
        expect(r.err, argv.join(" ")).toMatch(
          new RegExp(
            `^salesfold: --tenant ${JSON.stringify(tenant)} is not a valid tenant id\n {2}hint: a tenant id is`,
          ),
        );
      }
    }
    expect(existsSync(join(dir, "tenant.sqlite"))).toBe(false);
  });

  it("pass a refused store option through as invalid input, not as an unwritable file", async () => {
    const spec = parseStoreSpec("sqlite:refused.sqlite", dir);
    const error = await openStore(spec, salesEvents, { cwd: dir, tenantId: "bad!" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isValidationError(error)).toBe(true);
  });

  it("reject an unknown store", async () => {
    writeFileSync(join(dir, "one.jsonl"), "");
    const r = await runCli(["import", "one.jsonl", "--store", "mongodb://x"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown store "mongodb://x"');
  });
});

describe("the executable", () => {
  it("exits with the code run returns, errors on standard error", () => {
    const root = join(import.meta.dirname, "..", "..");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "frobnicate"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^salesfold: unknown command "frobnicate"\n {2}hint: commands: demo, validate, import, report, schema/,
    );
  });
});

describe("salesfold schema", () => {
  it("writes the catalogue, checks it, and removes stale files", async () => {
    const out = join(dir, "schema");
    const written = await runCli(["schema", "--out", out], { cwd: dir });
    expect(written.code).toBe(0);
    const files = salesJsonSchemas();
    const events = readdirSync(join(out, "events"));
    expect(events).toHaveLength(Object.keys(files).filter((f) => f.startsWith("events/")).length);
    expect(events).toContain("DealWon.v1.json");
    expect(readdirSync(join(out, "commands")).sort()).toEqual(
      Object.keys(salesCommands)
        .map((n) => `${n}.json`)
        .sort(),
    );
    const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8"));
    expect(index.events.map((e: { name: string }) => e.name).sort()).toEqual([...salesEvents.types].sort());
    expect(readdirSync(join(out, "commands"))).toContain("reviewCycle.json");
    expect(written.out).toMatch(new RegExp(`wrote ${events.length} event schemas, 23 command schemas and index.json`));

    expect((await runCli(["schema", "--out", out, "--check"], { cwd: dir })).code).toBe(0);
    writeFileSync(join(out, "events", "DealWon.v1.json"), "{}");
    writeFileSync(join(out, "events", "Gone.v1.json"), "{}");
    const drift = await runCli(["schema", "--out", out, "--check"], { cwd: dir });
    expect(drift.code).toBe(1);
    expect(drift.out).toContain("events/DealWon.v1.json");
    expect(drift.out).toContain("events/Gone.v1.json");
    const again = await runCli(["schema", "--out", out], { cwd: dir });
    expect(again.out).toContain("removed 1 stale");
    expect(existsSync(join(out, "events", "Gone.v1.json"))).toBe(false);
    expect(readFileSync(join(out, "events", "DealWon.v1.json"), "utf8")).toBe(files["events/DealWon.v1.json"]);
  });
});

describe("salesfold demo", () => {
  it("plays the quarter into the default SQLite file, which report then reads", async () => {
    const r = await runCli(["demo"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Northwind Robotics, 2026-Q3 \(Asia\/Shanghai\): 2 teams, 8 reps, 33 deals/);
    expect(r.out).toMatch(/q3-company\s+Northwind\s+USD 2,000,000\.00\s+USD 1,644,550\.00\s+82\.22%/);
    expect(r.out).toMatch(/1\s+rep-eli\s+Eli Novak/);
    expect(r.out).toMatch(/2026-Q4\s+commit\s+2\s+USD 220,000\.00\s+USD 176,000\.00/);
    expect(r.out).toMatch(/Statement rep-fay 2026-09[\s\S]*draw_recovery\s+-USD 1,125\.00/);
    expect(r.out).toMatch(/rep-ana\s+USD 9,000\.00\s+USD 9,000\.00\s+USD 9,000\.00\s+USD 27,000\.00/);
    expect(r.out).toMatch(/Stored \d+ events in sqlite:\.salesfold\/demo\.sqlite \(tenant demo\)/);
    expect(r.out).toContain("Rerun against PostgreSQL: salesfold demo --store postgres://");
    expect(existsSync(join(dir, ".salesfold", "demo.sqlite"))).toBe(true);

    const report = await runCli(["report", "repCredits"], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/rep-ana\s+USD 424,550\.00\s+USD 0\.00\s+-USD 5,850\.00\s+6/);

    // A second run starts from an empty quarter again.
    expect((await runCli(["demo"], { cwd: dir })).code).toBe(0);
    const used = await runCli(["demo", "--store", "sqlite:.salesfold/demo.sqlite"], { cwd: dir });
    expect(used.code).toBe(1);
    expect(used.err).toMatch(/already holds \d+ events for tenant demo\n {2}hint: pass a new file/);
  });

  it("keeps the previous demo file when --tenant is invalid", async () => {
    const cwd = mkdtempSync(join(dir, "keep-"));
    const file = join(cwd, ".salesfold", "demo.sqlite");
    mkdirSync(join(cwd, ".salesfold"));
    writeFileSync(file, "the previous demo");
    const r = await runCli(["demo", "--tenant", "bad!"], { cwd });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^salesfold: --tenant "bad!" is not a valid tenant id\n/);
    expect(readFileSync(file, "utf8")).toBe("the previous demo");
  });

  it("suggests a report command that reads the tenant it wrote", async () => {
    const cwd = mkdtempSync(join(dir, "acme-"));
    const r = await runCli(["demo", "--tenant", "acme"], { cwd });
    expect(r.code).toBe(0);
    const suggested = /Explore them: salesfold (.+)\n/.exec(r.out)![1]!;
    expect(suggested).toBe("report pipeline --period 2026-Q4 --tz Asia/Shanghai --tenant acme");
    const report = await runCli(suggested.split(" "), { cwd });
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/2026-Q4\s+commit\s+2\s+USD 220,000\.00\s+USD 176,000\.00/);
  });
});
