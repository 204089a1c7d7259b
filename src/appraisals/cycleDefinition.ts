import { compareCalendarDates } from "../core/index.ts";
import { isFormulaProblem, parseFormula } from "./formula.ts";
import { requireAppraisalsRule } from "./rules.ts";
import type { CyclePeriod, KpiDefinition, Participant, PopulationFilter, Scale } from "./values.ts";

const D = "reviewCycle";

/**
 * Tells whether a participant belongs to a population: in one of its teams (when it names teams) and holding one of
 * its roles (when it names roles).
 *
 * @param filter - The population filter.
 * @param participant - The participant (team and roles as of the cycle).
 * @returns True when the participant is admitted.
 * @example
 * ```ts
 * inPopulation({ roles: ["rep"] }, { repId: "rep-ana", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] }); // true
 * ```
 */
export function inPopulation(filter: PopulationFilter, participant: Participant): boolean {
  if (filter.teamIds !== undefined && (participant.teamId === null || !filter.teamIds.includes(participant.teamId))) {
    return false;
  }
  if (filter.roles !== undefined && !participant.roles.some((r) => filter.roles!.includes(r))) return false;
  return true;
}

/**
 * Checks a KPI's scale and scoring: the scale's `max` exceeds its `min`; a manual KPI is scored `direct`; a linear
 * mapping has `from ≠ to`; threshold bands ascend strictly and rate within the scale.
 *
 * @param kpi - The KPI.
 * @throws {@link DomainRuleError} `kpi_scoring_invalid`.
 * @example
 * ```ts
 * checkKpiScoring({ kpiId: "q", name: "Quota", source: { kind: "computed", metric: "goal_attainment" }, scale: { min: 1, max: 5 },
 *   scoring: { kind: "linear", from: 0, to: 12_000 }, weightBps: 10_000 });
 * ```
 */
export function checkKpiScoring(kpi: KpiDefinition): void {
  const fail = (why: string) =>
    requireAppraisalsRule(false, "kpi_scoring_invalid", `${D}: KPI ${kpi.kpiId}: ${why}`, { kpiId: kpi.kpiId });
  const { min, max } = kpi.scale;
  if (max <= min) fail(`the scale's max (${max}) must exceed its min (${min})`);
  const s = kpi.scoring;
  if (kpi.source.kind === "manual" && s.kind !== "direct") fail("a manual KPI is rated directly on its scale");
  if (s.kind === "linear" && s.from === s.to) fail("a linear scoring needs from ≠ to");
  if (s.kind === "thresholds") {
    s.bands.forEach((b, i) => {
      if (i > 0 && b.atLeast <= s.bands[i - 1]!.atLeast) fail("threshold bands must ascend strictly");
      if (b.rating < min || b.rating > max) fail(`band rating ${b.rating} is outside ${min}–${max}`);
    });
  }
}

/**
 * Checks a review cycle's definition: the period, the scale, unique and well-scored KPIs whose weights total exactly
 * 10,000 bps, the formula, and unique participants inside the population.
 *
 * @param d - The definition.
 * @throws {@link DomainRuleError} `cycle_period_invalid`, `kpi_scoring_invalid`, `duplicate_kpi`, `kpi_weights_total`,
 * `formula_invalid`, `duplicate_participant` or `participant_outside_population`.
 * @example
 * ```ts
 * checkCycleDefinition({ period, scale: { min: 1, max: 5 }, kpis, population: {}, participants: [] });
 * ```
 */
export function checkCycleDefinition(d: {
  readonly period: CyclePeriod;
  readonly scale: Scale;
  readonly kpis: readonly KpiDefinition[];
  readonly formula?: string | undefined;
  readonly population: PopulationFilter;
  readonly participants: readonly Participant[];
}): void {
  requireAppraisalsRule(
    compareCalendarDates(d.period.start, d.period.end) < 0,
    "cycle_period_invalid",
    `${D}: the period [${d.period.start}, ${d.period.end}) is empty`,
    { period: d.period },
  );
  requireAppraisalsRule(
    d.scale.max > d.scale.min,
    "kpi_scoring_invalid",
    `${D}: the cycle scale's max (${d.scale.max}) must exceed its min (${d.scale.min})`,
    { scale: d.scale },
  );
  const ids = new Set<string>();
  for (const kpi of d.kpis) {
    requireAppraisalsRule(!ids.has(kpi.kpiId), "duplicate_kpi", `${D}: KPI ${kpi.kpiId} is defined twice`, {
      kpiId: kpi.kpiId,
    });
    ids.add(kpi.kpiId);
    checkKpiScoring(kpi);
  }
  const totalBps = d.kpis.reduce((a, k) => a + k.weightBps, 0);
  requireAppraisalsRule(
    totalBps === 10_000,
    "kpi_weights_total",
    `${D}: KPI weights total ${totalBps} bps; they must total exactly 10,000 (100%)`,
    { totalBps, weights: Object.fromEntries(d.kpis.map((k) => [k.kpiId, k.weightBps])) },
  );
  if (d.formula !== undefined) {
    const parsed = parseFormula(d.formula, [...ids]);
    requireAppraisalsRule(
      !isFormulaProblem(parsed),
      "formula_invalid",
      `${D}: formula: ${isFormulaProblem(parsed) ? `${parsed.message} at character ${parsed.at}` : ""}`,
      isFormulaProblem(parsed) ? { formula: d.formula, at: parsed.at } : {},
    );
  }
  const reps = new Set<string>();
  for (const p of d.participants) {
    requireAppraisalsRule(!reps.has(p.repId), "duplicate_participant", `${D}: ${p.repId} is listed twice`, {
      repId: p.repId,
    });
    reps.add(p.repId);
    requireAppraisalsRule(
      inPopulation(d.population, p),
      "participant_outside_population",
      `${D}: ${p.repId} is outside the cycle's population`,
      { repId: p.repId, population: d.population },
    );
  }
}
