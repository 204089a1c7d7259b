import { ValidationError } from "../core/index.ts";
import { milliText, type Q, q, qAdd, qCmp, qDiv, qMul, qSub, qText, toBps, toMilli } from "./_rational.ts";
import { _evaluateFormula, type FormulaResult, isFormulaProblem, parseFormula } from "./formula.ts";
import type { KpiDefinition, KpiSource, Scale } from "./values.ts";

/**
 * What a rep's scorecard is computed from: the cycle's scale, KPIs and optional formula, the measured values of
 * computed KPIs, and the ratings given in the self, manager and peer feedback.
 *
 * @example
 * ```ts
 * const inputs: ScorecardInputs = { scale: { min: 1, max: 5 }, kpis, measurements: { quota: { value: 10_400, explanation: "104%" } },
 *   managerRatings: { coaching: 4 }, peerRatings: [] };
 * ```
 */
export interface ScorecardInputs {
  readonly scale: Scale;
  readonly kpis: readonly KpiDefinition[];
  readonly formula?: string | undefined;
  readonly measurements: Readonly<Record<string, { readonly value: number; readonly explanation: string }>>;
  readonly selfRatings?: Readonly<Record<string, number>> | undefined;
  readonly managerRatings?: Readonly<Record<string, number>> | undefined;
  readonly peerRatings: readonly Readonly<Record<string, number>>[];
}

/**
 * One KPI of a scorecard, explained: its value and rating (present) or why it is missing. Scores are in thousandths
 * of a point (`3_500` = 3.5), rounded half-up for display; the final score uses the exact values.
 *
 * @example
 * ```ts
 * const c: ScorecardComponent = { kpiId: "quota", name: "Quota", source: { kind: "computed", metric: "goal_attainment" },
 *   weightBps: 6000, status: "present", value: 10_400, ratingMilli: 4_771, normalizedMilli: 4_771, effectiveWeightBps: 6000,
 *   explanation: "…" };
 * ```
 */
export interface ScorecardComponent {
  readonly kpiId: string;
  readonly name: string;
  readonly source: KpiSource;
  /** The declared weight. */
  readonly weightBps: number;
  readonly status: "present" | "missing";
  /** The measured value of a computed KPI. */
  readonly value?: number;
  /** The rating on the KPI's own scale. */
  readonly ratingMilli?: number;
  /** The rating normalized onto the cycle's scale. */
  readonly normalizedMilli?: number;
  /** The weight renormalized over the present KPIs (display, half-up). */
  readonly effectiveWeightBps?: number;
  readonly explanation: string;
}

/**
 * A rep's scorecard: every component explained, the missing KPIs reported (never counted as zero), and the final
 * score on the cycle's scale (`null` when it cannot be computed).
 *
 * @example
 * ```ts
 * const card: Scorecard = computeScorecard(inputs);
 * card.scoreMilli; // 4_263
 * card.missingKpiIds; // ["peers"]
 * ```
 */
export interface Scorecard {
  readonly components: readonly ScorecardComponent[];
  readonly missingKpiIds: readonly string[];
  readonly method: "weighted" | "formula";
  readonly scoreMilli: number | null;
  readonly explanation: string;
}

const rq = (n: number) => q(n);

/** @internal The rating of a value on a KPI's scale, exact. */
export function _rate(kpi: KpiDefinition, value: number): { rating: Q; how: string } {
  const { min, max } = kpi.scale;
  const s = kpi.scoring;
  if (s.kind === "direct") return { rating: rq(value), how: `${value} on the ${min}–${max} scale` };
  if (s.kind === "thresholds") {
    const band = [...s.bands].reverse().find((b) => value >= b.atLeast);
    return band === undefined
      ? { rating: rq(min), how: `${value} is below the first band (${s.bands[0]!.atLeast}): ${min}` }
      : { rating: rq(band.rating), how: `${value} reaches the band at ${band.atLeast}: ${band.rating}` };
  }
  const raw = qAdd(rq(min), qDiv(qMul(rq(value - s.from), rq(max - min)), rq(s.to - s.from))!);
  const clamped = qCmp(raw, rq(min)) < 0 ? rq(min) : qCmp(raw, rq(max)) > 0 ? rq(max) : raw;
  const note = clamped === raw ? "" : ", clamped";
  return {
    rating: clamped,
    how: `${value} on the line ${s.from} → ${min}, ${s.to} → ${max}: ${qText(clamped)}${note}`,
  };
}

function ratingOf(kpi: KpiDefinition, inputs: ScorecardInputs): { value?: number; rating: Q; how: string } | string {
  if (kpi.source.kind === "computed") {
    const m = inputs.measurements[kpi.kpiId];
    if (m === undefined) return `no ${kpi.source.metric.replace(/_/g, " ")} measurement recorded`;
    const r = _rate(kpi, m.value);
    return { value: m.value, rating: r.rating, how: `${m.explanation}; ${r.how}` };
  }
  if (kpi.source.ratedBy === "peers") {
    const given = inputs.peerRatings.flatMap((r) => (r[kpi.kpiId] === undefined ? [] : [r[kpi.kpiId]!]));
    if (given.length === 0) return "no peer rated it";
    const mean = qDiv(rq(given.reduce((a, b) => a + b, 0)), rq(given.length))!;
    return { rating: mean, how: `mean of ${given.length} peer rating(s) ${given.join(", ")}: ${qText(mean)}` };
  }
  const ratings = kpi.source.ratedBy === "self" ? inputs.selfRatings : inputs.managerRatings;
  const given = ratings?.[kpi.kpiId];
  if (given === undefined) return `no ${kpi.source.ratedBy} rating given`;
  return { rating: rq(given), how: `rated ${given} by the ${kpi.source.ratedBy === "self" ? "rep" : "manager"}` };
}

/**
 * Computes a rep's scorecard. Each KPI's rating is normalized onto the cycle's scale
 * (`min + (rating − kpi.min) × (max − min) / (kpi.max − kpi.min)`). The default final score is the weighted mean of the
 * present KPIs, `Σ wᵢ·nᵢ / Σ wᵢ` over present KPIs only: a missing KPI's weight is spread over the others in
 * proportion, and the KPI is listed in `missingKpiIds`, never counted as zero. A custom formula (see
 * {@link parseFormula}) replaces it; its result is clamped to the scale. Exact arithmetic throughout, rounded once,
 * half-up, to thousandths of a point. No present weight (or a formula needing a missing KPI) gives `null`.
 *
 * @param inputs - Scale, KPIs, formula, measurements and ratings.
 * @returns The explained scorecard.
 * @throws {@link ValidationError} `formula_invalid` for a formula that does not parse.
 * @example
 * ```ts
 * const card = computeScorecard({ scale: { min: 1, max: 5 }, kpis, measurements: {}, managerRatings: { coaching: 4 }, peerRatings: [] });
 * card.scoreMilli; // 4000 when coaching is the only present KPI
 * ```
 */
export function computeScorecard(inputs: ScorecardInputs): Scorecard {
  const { scale } = inputs;
  const exact = new Map<string, Q>();
  const partial: (Omit<ScorecardComponent, "effectiveWeightBps"> & { readonly q?: Q })[] = [];
  for (const kpi of inputs.kpis) {
    const base = { kpiId: kpi.kpiId, name: kpi.name, source: kpi.source, weightBps: kpi.weightBps };
    const r = ratingOf(kpi, inputs);
    if (typeof r === "string") {
      partial.push({ ...base, status: "missing", explanation: `${kpi.name}: missing (${r}); not counted` });
      continue;
    }
    const span = kpi.scale.max - kpi.scale.min;
    const n = qAdd(rq(scale.min), qDiv(qMul(qSub(r.rating, rq(kpi.scale.min)), rq(scale.max - scale.min)), rq(span))!);
    exact.set(kpi.kpiId, n);
    const same = kpi.scale.min === scale.min && kpi.scale.max === scale.max;
    const onScale = same ? "" : `, ${qText(n)} on the ${scale.min}–${scale.max} cycle scale`;
    partial.push({
      ...base,
      status: "present",
      ...(r.value === undefined ? {} : { value: r.value }),
      ratingMilli: toMilli(r.rating),
      normalizedMilli: toMilli(n),
      explanation: `${kpi.name}: ${r.how}${onScale}`,
      q: n,
    });
  }
  const present = inputs.kpis.filter((k) => exact.has(k.kpiId));
  const totalWeight = present.reduce((a, k) => a + k.weightBps, 0);
  const weighted: FormulaResult =
    totalWeight === 0
      ? { missing: inputs.kpis.filter((k) => !exact.has(k.kpiId)).map((k) => k.kpiId), reason: "no weighted KPI" }
      : {
          value: qDiv(
            present.reduce((a, k) => qAdd(a, qMul(rq(k.weightBps), exact.get(k.kpiId)!)), q(0)),
            rq(totalWeight),
          )!,
        };
  const components: ScorecardComponent[] = partial.map(({ q: _q, ...c }) =>
    c.status === "present" && totalWeight > 0 ? { ...c, effectiveWeightBps: toBps(q(c.weightBps, totalWeight)) } : c,
  );
  const missingKpiIds = partial.filter((c) => c.status === "missing").map((c) => c.kpiId);
  const renorm =
    missingKpiIds.length === 0 ? "" : ` (missing ${missingKpiIds.join(", ")}: weights renormalized over the rest)`;
  let result = weighted;
  let how = `weighted mean of ${present.length} present KPI(s)${renorm}`;
  if (inputs.formula !== undefined) {
    const tree = parseFormula(
      inputs.formula,
      inputs.kpis.map((k) => k.kpiId),
    );
    if (isFormulaProblem(tree)) {
      throw new ValidationError("computeScorecard", [
        { code: "formula_invalid", path: ["formula"], message: `${tree.message} at ${tree.at}` },
      ]);
    }
    result = _evaluateFormula(tree, exact, weighted);
    how = `formula ${inputs.formula}`;
  }
  const method = inputs.formula === undefined ? "weighted" : "formula";
  if (!("value" in result)) {
    const why = result.reason ?? `needs ${result.missing.join(", ")}`;
    return { components, missingKpiIds, method, scoreMilli: null, explanation: `no score: ${how} ${why}` };
  }
  const lo = rq(scale.min);
  const hi = rq(scale.max);
  const clamped = qCmp(result.value, lo) < 0 ? lo : qCmp(result.value, hi) > 0 ? hi : result.value;
  const scoreMilli = toMilli(clamped);
  const clampNote = clamped === result.value ? "" : ` (${qText(result.value)} clamped to the scale)`;
  return {
    components,
    missingKpiIds,
    method,
    scoreMilli,
    explanation: `${how}: ${milliText(scoreMilli)} on the ${scale.min}–${scale.max} scale${clampNote}`,
  };
}
