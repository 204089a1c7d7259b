// The demo's weekly meetings and review cycle: the printed tables agree with the events the demo stored and with
// each other (every figure below is recomputed here from the printed cells or from the events).
import { beforeAll, describe, expect, it } from "vitest";
import { runDemo } from "../../src/cli/demo/runDemo.ts";
import { MONDAYS } from "../../src/cli/demo/weeklyMeeting.ts";
import { createInMemoryEventStore, diffCalendarDays } from "../../src/index.ts";
import { salesEvents } from "../../src/sales/index.ts";
import { bps, milli, printedTable } from "./support/tables.ts";

interface Stored {
  readonly type: string;
  readonly data: any;
}

let out = "";
const events: Stored[] = [];
const ofType = (type: string) => events.filter((e) => e.type === type).map((e) => e.data);

beforeAll(async () => {
  const store = createInMemoryEventStore({ catalog: salesEvents });
  await runDemo(store, (text) => {
    out += text;
  });
  for await (const e of store.readAll()) events.push({ type: e.type, data: e.data });
}, 120_000);

describe("the demo's review cycle", () => {
  it("prints weights that total 100% and, per rep, a weighted total equal to Σ weight × KPI score", () => {
    const kpis = printedTable(out, "Appraisal KPIs");
    expect(kpis.map((k) => k.kpi)).toEqual(["revenue", "win_rate", "activity", "manager"]);
    expect(kpis.reduce((s, k) => s + bps(k.weight!), 0)).toBe(10_000);
    const cards = printedTable(out, "Appraisal scorecards");
    expect(cards).toHaveLength(8);
    for (const row of cards) {
      // Each score is rounded half-up to thousandths and so is the total: they agree within one thousandth.
      const sum = kpis.reduce((s, k) => s + bps(k.weight!) * milli(row[`${k.kpi} ×${k.weight}`]!), 0);
      expect(Math.abs(sum - 10_000 * milli(row["weighted total"]!)), row.rep).toBeLessThanOrEqual(10_000);
    }
    const ana = cards.find((r) => r.rep === "rep-ana")!;
    // 0.5 × 4.933 + 0.2 × 4 + 0.15 × 4.75 + 0.15 × 4.556 = 4.662.
    expect([ana["revenue ×50.00%"], ana["weighted total"]]).toEqual(["4.933", "4.662"]);
  });

  it("scores revenue from the attainment the goals table shows, and activity from the leaderboard's interactions", () => {
    const goals = printedTable(out, "Goal attainment");
    const board = printedTable(out, "Leaderboard");
    const measured = printedTable(out, "Appraisal measurements");
    const cards = printedTable(out, "Appraisal scorecards");
    for (const m of measured) {
      expect(m["revenue attainment"], m.rep).toBe(goals.find((g) => g.goal === `q3-${m.rep}`)!.attainment);
      expect(m.interactions, m.rep).toBe(board.find((b) => b.rep === m.rep)!.interactions);
      // Linear: 50% → 1, 130% → 5, clamped; in thousandths 1000 + (bps − 5000) / 2, rounded half-up.
      const raw = 1000 + (bps(m["revenue attainment"]!) - 5_000) / 2;
      const expected = Math.min(5_000, Math.max(1_000, Math.floor(raw + 0.5)));
      expect(milli(cards.find((c) => c.rep === m.rep)!["revenue ×50.00%"]!), m.rep).toBe(expected);
    }
  });

  it("prints the final scores the closed cycle stored, calibrated ones with their reason", () => {
    const cards = printedTable(out, "Appraisal scorecards");
    const [closed] = ofType("ReviewCycleClosed");
    expect(closed.finalScores).toHaveLength(8);
    const calibrated = ofType("ScoreCalibrated");
    expect(calibrated.length).toBeGreaterThan(0);
    for (const row of cards) {
      const stored = closed.finalScores.find((f: { repId: string }) => f.repId === row.rep);
      expect(milli(row.final!), row.rep).toBe(stored.finalMilli);
      expect(milli(row["weighted total"]!), row.rep).toBe(stored.originalMilli);
      const step = calibrated.find((c) => c.repId === row.rep);
      if (step) {
        expect(row.final).not.toBe(row["weighted total"]);
        expect(row.calibration).toContain(step.reason);
      } else {
        expect([row.final, row.calibration]).toEqual([row["weighted total"], ""]);
      }
    }
  });
});

describe("the demo's weekly meetings", () => {
  const status = () => {
    const items = new Map<string, { ownerId: string; dueOn: string; seriesId: string; status: string }>();
    for (const a of ofType("ActionItemAdded")) items.set(a.actionId, { ...a, status: "open" });
    for (const c of ofType("ActionItemCompleted")) items.get(c.actionId)!.status = "completed";
    for (const c of ofType("ActionItemCancelled")) items.get(c.actionId)!.status = "cancelled";
    return items;
  };

  it("holds one meeting per team every Monday and counts the items each series raised and closed", () => {
    const held = ofType("MeetingHeld");
    const rows = printedTable(out, "Weekly team meetings");
    expect(rows.map((r) => r.series)).toEqual(["east-weekly", "west-weekly"]);
    const items = [...status().values()];
    for (const row of rows) {
      const mine = held.filter((m) => m.seriesId === row.series);
      expect(mine.map((m) => m.heldOn)).toEqual([...MONDAYS]);
      const raised = items.filter((i) => i.seriesId === row.series);
      expect(Number(row["items raised"])).toBe(raised.length);
      for (const [column, s] of [
        ["completed", "completed"],
        ["cancelled", "cancelled"],
        ["open at quarter end", "open"],
      ] as const) {
        expect(Number(row[column]), column).toBe(raised.filter((i) => i.status === s).length);
      }
      expect(Number(row["carried into last meeting"])).toBe(mine.at(-1)!.carriedForward.length);
    }
  });

  it("lists exactly the items still open, each carried item with how many meetings carried it", () => {
    const open = printedTable(out, "Open action items by owner");
    const items = status();
    const stillOpen = [...items].filter(([, i]) => i.status === "open").map(([id]) => id);
    expect(open.map((r) => r.item).sort()).toEqual(stillOpen.sort());
    expect(open.length).toBeGreaterThan(0);
    const held = ofType("MeetingHeld");
    const carried = new Set<string>(held.flatMap((m) => m.carriedForward));
    for (const row of open) {
      expect(row.owner).toBe(items.get(row.item!)!.ownerId);
      const times = held.filter((m) => m.carriedForward.includes(row.item)).length;
      expect(Number(row["weeks carried"]), row.item).toBe(times);
    }
    // Every item carried into a team's last meeting is either still listed or was closed afterwards.
    for (const m of held.filter((h) => h.heldOn === MONDAYS.at(-1))) {
      for (const id of m.carriedForward) {
        expect(carried.has(id)).toBe(true);
        if (items.get(id)!.status === "open")
          expect(
            open.some((r) => r.item === id),
            id,
          ).toBe(true);
      }
    }
  });

  it("lists as overdue only the open items due before 30 September, with the days since", () => {
    const overdue = printedTable(out, "Overdue action items");
    const expected = [...status()]
      .filter(([, i]) => i.status === "open" && i.dueOn < "2026-09-30")
      .map(([id]) => id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(overdue.map((r) => r.item).sort()).toEqual(expected);
    for (const row of overdue) {
      expect(row.due! < "2026-09-30").toBe(true);
      expect(Number(row["days overdue"])).toBe(diffCalendarDays(row.due!, "2026-09-30"));
    }
    const open = printedTable(out, "Open action items by owner");
    expect(
      open
        .filter((r) => r.overdue === "yes")
        .map((r) => r.item)
        .sort(),
    ).toEqual(expected);
  });
});
