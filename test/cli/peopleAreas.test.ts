// The CLI over the incentives, appraisals, coaching and training areas: report lists their projections, validate
// checks their event lines, and report reads back what the demo stored.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/runCli.ts";
import { printedTable } from "./support/tables.ts";

const dir = mkdtempSync(join(tmpdir(), "salesfold-areas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const measured = {
  streamId: "review-cycle-2026-q3",
  type: "KpiMeasured",
  data: {
    cycleId: "2026-q3",
    repId: "rep-ana",
    kpiId: "revenue",
    value: 12_865,
    explanation: "goal q3-rep-ana: attainment 128.65%",
    measuredAt: "2026-09-30T09:15:00.000Z",
  },
};
const assigned = {
  streamId: "incentive-plan-ae-q3-2026",
  type: "IncentivePlanAssigned",
  data: {
    assignmentId: "as-1",
    planId: "ae-q3-2026",
    repId: "rep-ana",
    from: "2026-07-01",
    quotas: [{ componentId: "new-business", periodId: "2026-07", amount: 9_900_000 }],
    assignedAt: "2026-06-25T01:00:00.000Z",
  },
};

describe("salesfold report --help", () => {
  it("lists the projections of the incentives, appraisals, coaching and training areas", async () => {
    const r = await runCli(["report", "--help"]);
    expect(r.code).toBe(0);
    for (const name of ["incentiveLedger *", "payoutHistory", "reviewCycles", "actionItems *", "trainingStatus *"]) {
      expect(r.out).toMatch(new RegExp(`\\n  ${name.replace("*", "\\*")}\\s+\\S`));
    }
  });
});

describe("salesfold validate, areas beyond credit", () => {
  it("accepts valid appraisals and incentives lines", async () => {
    const file = join(dir, "ok.jsonl");
    writeFileSync(file, `${JSON.stringify(measured)}\n${JSON.stringify(assigned)}\n`);
    const r = await runCli(["validate", file], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 lines, 2 valid events, 0 invalid lines \(2 streams\)/);
  });

  it("rejects an invalid KPI id and an impossible assignment date, naming the fields", async () => {
    const file = join(dir, "bad.jsonl");
    const badKpi = { ...measured, data: { ...measured.data, kpiId: "Revenue" } };
    const badDate = { ...assigned, data: { ...assigned.data, from: "2026-13-01" } };
    writeFileSync(file, `${JSON.stringify(badKpi)}\n${JSON.stringify(assigned)}\n${JSON.stringify(badDate)}\n`);
    const r = await runCli(["validate", file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^line 1: data\.kpiId: /m);
    expect(r.out).toMatch(/^line 3: data\.from: /m);
    expect(r.out).not.toMatch(/^line 2:/m);
    expect(r.err).toContain("3 lines, 1 valid events, 2 invalid lines");
  });
});

describe("salesfold report over the demo's store", () => {
  it("reads back the appraisal scorecards and the overdue action items the demo printed", async () => {
    const db = join(dir, "demo.sqlite");
    const demo = await runCli(["demo", "--store", `sqlite:${db}`], { cwd: dir });
    expect(demo.code).toBe(0);
    const store = ["--store", `sqlite:${db}`, "--tenant", "demo", "--format", "json"];

    const cycles = JSON.parse((await runCli(["report", "reviewCycles", ...store], { cwd: dir })).out);
    const finals = Object.fromEntries(
      cycles.sections[0].rows.map((r: { rep: string; final: string }) => [r.rep, r.final]),
    );
    const printed = printedTable(demo.out, "Appraisal scorecards");
    expect(printed).toHaveLength(8);
    expect(finals).toEqual(Object.fromEntries(printed.map((r) => [r.rep, r.final])));

    const period = ["--period", "2026-Q3", "--tz", "Asia/Shanghai"];
    const items = JSON.parse((await runCli(["report", "actionItems", ...store, ...period], { cwd: dir })).out);
    const overdue = items.sections.find((s: { title: string }) => s.title.startsWith("overdue at the end of 2026-Q3"));
    // Due before 1 October in the report, before 30 September in the demo: the demo's items are due on Fridays.
    expect(overdue.rows.map((r: { item: string }) => r.item.split("/")[1]).sort()).toEqual(
      printedTable(demo.out, "Overdue action items")
        .map((r) => r.item)
        .sort(),
    );
  }, 120_000);
});
