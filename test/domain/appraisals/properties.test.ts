import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appraisalScorecard,
  computeScorecard,
  type KpiDefinition,
  type ReviewCycleCommand,
  type ReviewCycleEvent,
  reviewCycleCommand,
  reviewCycleDecider,
  reviewCycles,
} from "../../../src/appraisals/index.ts";
import { fold, isDomainRuleError, sequentialIds } from "../../../src/index.ts";
import { envelopes } from "./envelopes.ts";
import { NOW, openData, reviewed } from "./fixtures.ts";

function decide(given: readonly ReviewCycleEvent[], command: ReviewCycleCommand): ReviewCycleEvent[] {
  let s = reviewCycleDecider.initialState();
  for (const e of given) s = reviewCycleDecider.evolve(s, e);
  const out = reviewCycleDecider.decide(reviewCycleCommand.parse(command), s, {
    now: NOW,
    actor: "t",
    newId: sequentialIds("id"),
  });
  return [...(Array.isArray(out) ? out : [out])] as ReviewCycleEvent[];
}

const manual = (i: number, weightBps: number, scale = { min: 1, max: 5 }): KpiDefinition => ({
  kpiId: `k${i}`,
  name: `KPI ${i}`,
  source: { kind: "manual", ratedBy: "manager" },
  scale,
  scoring: { kind: "direct" },
  weightBps,
});

describe("appraisal properties", () => {
  it("weights must total exactly 10,000 bps, or opening is refused with kpi_weights_total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (ws, fix) => {
          const weights = [...ws];
          if (fix) {
            const rest = weights.slice(1).reduce((a, b) => a + b, 0);
            if (rest <= 10_000) weights[0] = 10_000 - rest;
          }
          const total = weights.reduce((a, b) => a + b, 0);
          const kpis = weights.map((w, i) => manual(i, w));
          const command = { type: "OpenReviewCycle", data: { ...openData, kpis } } as ReviewCycleCommand;
          let error: unknown;
          try {
            decide([], command);
          } catch (e) {
            error = e;
          }
          if (total === 10_000) expect(error).toBeUndefined();
          else {
            expect(isDomainRuleError(error) && error.rule === "kpi_weights_total").toBe(true);
            expect((error as { details: { totalBps: number } }).details.totalBps).toBe(total);
          }
        },
      ),
    );
  });

  it("with missing components, the score is the weighted mean of the present ones (renormalized), never a zero", () => {
    const arb = fc
      .array(
        fc.record({
          weight: fc.integer({ min: 0, max: 10_000 }),
          kmax: fc.integer({ min: 2, max: 12 }),
          rating: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 7 },
      )
      .map((parts) =>
        parts.map((p) => ({ ...p, rating: p.rating === undefined ? undefined : Math.min(p.rating, p.kmax) })),
      );
    fc.assert(
      fc.property(arb, (parts) => {
        const kpis = parts.map((p, i) => manual(i, p.weight, { min: 0, max: p.kmax }));
        const ratings = Object.fromEntries(
          parts.flatMap((p, i) => (p.rating === undefined ? [] : [[`k${i}`, p.rating]])),
        );
        const card = computeScorecard({
          scale: { min: 1, max: 5 },
          kpis,
          measurements: {},
          managerRatings: ratings,
          peerRatings: [],
        });
        // Independently: n = 1 + r × 4 / kmax, score = Σ w·n / Σ w over present KPIs, half-up to thousandths.
        let num = 0n;
        let den = 1n;
        let wsum = 0n;
        for (const p of parts) {
          if (p.rating === undefined) continue;
          // accumulate Σ w·(kmax + 4r)/kmax as a fraction num/den
          const w = BigInt(p.weight);
          const n = w * BigInt(p.kmax + 4 * p.rating);
          const d = BigInt(p.kmax);
          num = num * d + n * den;
          den = den * d;
          wsum += w;
        }
        expect(card.missingKpiIds).toEqual(parts.flatMap((p, i) => (p.rating === undefined ? [`k${i}`] : [])));
        if (wsum === 0n) {
          expect(card.scoreMilli).toBeNull();
          return;
        }
        const D = den * wsum;
        const expected = Number((2n * num * 1000n + D) / (2n * D));
        expect(card.scoreMilli).toBe(expected);
        // The same as a scorecard that only had the present KPIs.
        const only = computeScorecard({
          scale: { min: 1, max: 5 },
          kpis: kpis.filter((k) => ratings[k.kpiId] !== undefined),
          measurements: {},
          managerRatings: ratings,
          peerRatings: [],
        });
        expect(only.scoreMilli).toBe(expected);
        for (const c of card.components) if (c.status === "missing") expect(c.normalizedMilli).toBeUndefined();
      }),
    );
  });

  it("calibration never loses the original score, and every step is kept in order", () => {
    const start = decide(reviewed, { type: "StartCalibration", data: {} });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ rep: fc.constantFrom("rep-ana", "rep-bo"), score: fc.integer({ min: 1000, max: 5000 }) }),
          {
            maxLength: 12,
          },
        ),
        (steps) => {
          let history: ReviewCycleEvent[] = [...reviewed, ...start];
          for (const s of steps) {
            history = [
              ...history,
              ...decide(history, {
                type: "CalibrateScore",
                data: { repId: s.rep, scoreMilli: s.score, reason: "calibration", calibratedBy: "dir-wu" },
              }),
            ];
          }
          history = [...history, ...decide(history, { type: "CloseReviewCycle", data: {} })];
          const state = fold(reviewCycles, envelopes(history));
          for (const [rep, original] of [
            ["rep-ana", 4067],
            ["rep-bo", 2333],
          ] as const) {
            const card = appraisalScorecard(state, "q3", rep);
            const mine = steps.filter((s) => s.rep === rep);
            expect(card.originalMilli).toBe(original);
            expect(card.calibrations.map((c) => c.toMilli)).toEqual(mine.map((s) => s.score));
            expect(card.calibrations.map((c) => c.fromMilli)).toEqual(
              [original, ...mine.map((s) => s.score)].slice(0, mine.length),
            );
            expect(card.finalMilli).toBe(mine.length > 0 ? mine[mine.length - 1]!.score : original);
            for (const e of history) {
              if (e.type === "ScoreCalibrated" && e.data.repId === rep) expect(e.data.originalMilli).toBe(original);
            }
          }
        },
      ),
    );
  });
});
