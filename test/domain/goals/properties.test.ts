import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type GoalEvent,
  type GoalTarget,
  goalAttainment,
  goalPlanDecider,
  goalsCommand,
  targetMismatches,
} from "../../../src/goals/index.ts";
import { evolveAll } from "../../../src/index.ts";
import { arbMoney } from "../../../src/testing.ts";
import { credit, goal, joined, progressOf, teamCreated, usd } from "./fixtures.ts";

const context = { now: "2026-06-20T00:00:00.000Z", actor: "test", newId: () => "x" };
const units = (t: GoalTarget) => ("amount" in t ? t.amount : t.count);

/** Weights in bps totalling exactly 10,000: the gaps between sorted cut points. */
const arbBps = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: length - 1, maxLength: length - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return points.slice(1).map((p, i) => p - points[i]!);
  });
const arbTarget: fc.Arbitrary<GoalTarget> = fc.oneof(
  arbMoney({ currency: "USD", min: 0, max: 100_000_000_000 }),
  fc.integer({ min: 0, max: 1_000_000 }).map((count) => ({ count })),
);

function decide(given: GoalEvent[], command: unknown): GoalEvent[] {
  const state = evolveAll(goalPlanDecider, given);
  return goalPlanDecider.decide(goalsCommand.parse(command), state, context) as GoalEvent[];
}

describe("goal properties", () => {
  it("a cascade conserves the parent's target exactly, each child within one unit of its exact share", () => {
    fc.assert(
      fc.property(arbTarget, fc.integer({ min: 1, max: 12 }).chain(arbBps), (target, weights) => {
        const metric = "amount" in target ? "revenue" : "units";
        const parent = goal("p", { kind: "company" }, metric, target);
        const out = decide([parent], {
          type: "CascadeGoal",
          data: {
            parentGoalId: "p",
            children: weights.map((weightBps, i) => ({
              goalId: `c${i}`,
              owner: { kind: "rep", repId: `r${i}` },
              weightBps,
            })),
          },
        });
        const children = out.filter((e) => e.type === "GoalSet").map((e) => units(e.data.target as GoalTarget));
        expect(children.reduce((a, b) => a + b, 0)).toBe(units(target));
        for (const [i, c] of children.entries()) {
          expect(Math.abs(c * 10_000 - units(target) * weights[i]!)).toBeLessThan(10_000);
        }
        expect(targetMismatches(evolveAll(goalPlanDecider, [parent, ...out]))).toEqual([]);
      }),
    );
  });

  it("a seasonal distribution conserves the parent's target over every sub-period", () => {
    const shapes = [
      ["2026-Q3", "month", 3],
      ["2026", "quarter", 4],
      ["2026", "month", 12],
      ["2026-W27", "day", 7],
      ["2026-02", "day", 28],
    ] as const;
    fc.assert(
      fc.property(
        arbTarget,
        fc.constantFrom(...shapes).chain((s) => arbBps(s[2]).map((w) => [s, w] as const)),
        (target, [[periodId, kind], weights]) => {
          const parent = goal(
            "p",
            { kind: "rep", repId: "ana" },
            "amount" in target ? "revenue" : "deal_count",
            target,
            periodId,
          );
          const out = decide([parent], {
            type: "DistributeGoal",
            data: {
              goalId: "p",
              subPeriodKind: kind,
              children: weights.map((weightBps, i) => ({ goalId: `s${i}`, weightBps })),
            },
          });
          const set = out.filter((e) => e.type === "GoalSet");
          expect(set.reduce((a, e) => a + units(e.data.target as GoalTarget), 0)).toBe(units(target));
          expect(new Set(set.map((e) => e.data.period.periodId)).size).toBe(weights.length);
          expect(targetMismatches(evolveAll(goalPlanDecider, [parent, ...out]))).toEqual([]);
        },
      ),
    );
  });

  const reps = ["ana", "bo", "cy", "di", "ed"];
  const arbDeals = fc.array(
    fc.record({
      amount: fc.integer({ min: 1, max: 10_000_000 }),
      reps: fc.subarray(reps, { minLength: 1 }),
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.constantFrom("06", "07", "08", "09", "10"),
      overlay: fc.option(fc.record({ rep: fc.constantFrom(...reps), amount: fc.integer({ min: 1, max: 1_000_000 }) }), {
        nil: undefined,
      }),
    }),
    { maxLength: 25 },
  );

  /** Revenue splits of each deal total the deal's amount exactly (largest remainder), plus optional overlay credit. */
  type Deal = {
    amount: number;
    reps: string[];
    day: number;
    month: string;
    overlay: { rep: string; amount: number } | undefined;
  };
  function creditsOf(deals: readonly Deal[]) {
    return deals.flatMap((d, i) => {
      const at = `2026-${d.month}-${String(d.day).padStart(2, "0")}T10:00:00+08:00`;
      const share = Math.floor(d.amount / d.reps.length);
      const split = d.reps.map((repId, k) => ({
        repId,
        amount: share + (k < d.amount - share * d.reps.length ? 1 : 0),
      }));
      const revenue = split.map((s) => credit({ repId: s.repId, deal: `d${i}`, amount: s.amount, at }));
      const overlay = d.overlay
        ? [credit({ repId: d.overlay.rep, deal: `d${i}`, amount: d.overlay.amount, at, splitType: "overlay" })]
        : [];
      return { at: d.month, split, events: [...revenue, ...overlay], overlay: d.overlay };
    });
  }

  it("attainment from revenue-split credits never exceeds the credited total; reps' shares add up to it", () => {
    fc.assert(
      fc.property(arbDeals, (deals) => {
        const made = creditsOf(deals);
        const goals = reps.map((r) => goal(`g-${r}`, { kind: "rep", repId: r }, "revenue", usd(1)));
        const progress = progressOf([
          ...made.flatMap((m) => m.events.filter((e) => (e.data as { splitType: string }).splitType === "revenue")),
          ...goals,
          goal("co", { kind: "company" }, "revenue", usd(1)),
        ]);
        const inQ3 = made.filter((m) => ["07", "08", "09"].includes(m.at));
        const total = inQ3.reduce((a, m) => a + m.split.reduce((b, s) => b + s.amount, 0), 0);
        const achieved = reps.map((r) => units(goalAttainment(progress, `g-${r}`).achieved));
        for (const a of achieved) expect(a).toBeLessThanOrEqual(total);
        expect(achieved.reduce((a, b) => a + b, 0)).toBe(total);
        expect(units(goalAttainment(progress, "co").achieved)).toBe(total);
      }),
    );
  });

  it("roll-ups equal the sum of members' revenue credit; overlay credit stays with the overlay rep", () => {
    fc.assert(
      fc.property(
        arbDeals,
        fc.array(fc.constantFrom("east", "west", null), { minLength: reps.length, maxLength: reps.length }),
        (deals, teams) => {
          const made = creditsOf(deals);
          const membership = reps.map((r, i) => joined(r, teams[i]!));
          const goals = [
            goal("east", { kind: "team", teamId: "east" }, "revenue", usd(1)),
            goal("west", { kind: "team", teamId: "west" }, "revenue", usd(1)),
            goal("sales", { kind: "team", teamId: "sales" }, "revenue", usd(1)),
            goal("co", { kind: "company" }, "revenue", usd(1)),
            ...reps.map((r) => goal(`g-${r}`, { kind: "rep", repId: r }, "revenue", usd(1))),
          ];
          const progress = progressOf([
            teamCreated("sales"),
            teamCreated("east", "sales"),
            teamCreated("west", "sales"),
            ...membership,
            ...made.flatMap((m) => m.events),
            ...goals,
          ]);
          const inQ3 = made.filter((m) => ["07", "08", "09"].includes(m.at));
          const revenueOf = (rep: string) =>
            inQ3.reduce((a, m) => a + m.split.filter((s) => s.repId === rep).reduce((b, s) => b + s.amount, 0), 0);
          const overlayOf = (rep: string) =>
            inQ3.reduce((a, m) => a + (m.overlay?.rep === rep ? m.overlay.amount : 0), 0);
          const teamSum = (team: string) =>
            reps.filter((_, i) => teams[i] === team).reduce((a, r) => a + revenueOf(r), 0);
          const achieved = (id: string) => units(goalAttainment(progress, id).achieved);
          expect(achieved("east")).toBe(teamSum("east"));
          expect(achieved("west")).toBe(teamSum("west"));
          expect(achieved("sales")).toBe(teamSum("east") + teamSum("west"));
          expect(achieved("co")).toBe(reps.reduce((a, r) => a + revenueOf(r), 0));
          for (const r of reps) expect(achieved(`g-${r}`)).toBe(revenueOf(r) + overlayOf(r));
          const contributors = goalAttainment(progress, "sales").contributors;
          expect(contributors.reduce((a, c) => a + c.achieved, 0)).toBe(achieved("sales"));
        },
      ),
      { numRuns: 100 },
    );
  });
});
