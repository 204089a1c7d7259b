import { _zodIssues, toEpochMilliseconds, toIsoInstant, ValidationError } from "../../core/index.ts";
import type { Statement } from "../engine/statement.ts";
import { type BadgeAward, type BadgeDefinition, badgeDefinitionSchema } from "./schemas.ts";

/**
 * What one rep did in a period, as badge rules read it.
 * - `attainmentBps`: attainment per component, in whole basis points (see {@link attainmentOf});
 * - `firstDealAt`: the instant of the rep's first won-deal credit ever, if any;
 * - `csat`: the period's CSAT in basis points of satisfied answers, with the number of answers.
 *
 * @example
 * ```ts
 * const rep: RepPeriodFacts = { repId: "rep-ana", attainmentBps: { nb: 11_250 }, csat: { scoreBps: 9_000, responses: 12 } };
 * ```
 */
export interface RepPeriodFacts {
  readonly repId: string;
  readonly attainmentBps?: Readonly<Record<string, number>>;
  readonly firstDealAt?: string;
  readonly csat?: { readonly scoreBps: number; readonly responses: number };
}

/**
 * The facts of a period for {@link evaluateBadges}: the period's bounds, each rep's facts, and the earlier periods'
 * facts (oldest first, the periods just before this one) for streaks.
 *
 * @example
 * ```ts
 * const facts: PeriodFacts = { periodId: "2026-03", periodStart: "2026-03-01T00:00:00.000Z", periodEnd: "2026-04-01T00:00:00.000Z", reps: [rep] };
 * ```
 */
export interface PeriodFacts {
  readonly periodId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly reps: readonly RepPeriodFacts[];
  readonly history?: readonly { readonly periodId: string; readonly reps: readonly RepPeriodFacts[] }[];
}

/**
 * Validates badge definitions (zod, plus unique ids) and returns them frozen.
 *
 * @param input - Badge definitions, e.g. parsed from JSON.
 * @returns The definitions.
 * @throws {@link ValidationError} (api `defineBadges`) listing every issue.
 * @example
 * ```ts
 * const badges = defineBadges([{ badgeId: "first", name: "First deal", kind: "first_deal" }]);
 * ```
 */
export function defineBadges(input: unknown): readonly BadgeDefinition[] {
  const parsed = badgeDefinitionSchema.array().max(200).safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("defineBadges", _zodIssues(parsed.error.issues));
  }
  const seen = new Set<string>();
  const issues = parsed.data.flatMap((b, i) => {
    const dup = seen.has(b.badgeId);
    seen.add(b.badgeId);
    return dup ? [{ code: "duplicate_id", path: [i, "badgeId"], message: `badge ${b.badgeId} is defined twice` }] : [];
  });
  if (issues.length > 0) throw new ValidationError("defineBadges", issues);
  return Object.freeze(parsed.data.map((b) => Object.freeze(b)));
}

/**
 * A statement's attainment per component, in whole basis points, truncated toward zero: 99.99…% never counts as
 * 100%. Components without a quota are left out.
 *
 * @param statement - A statement from `calculate` (or a locked one).
 * @returns Attainment by component id.
 * @example
 * ```ts
 * attainmentOf(statement); // { "new-business": 11250 }
 * ```
 */
export function attainmentOf(statement: Statement): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of statement.components) {
    if (c.attainmentBps === undefined) continue;
    const whole = c.attainmentBps.replace(/[.…].*$/, "");
    out[c.componentId] = Number(whole === "-0" ? "0" : whole);
  }
  return out;
}

const pct = (bps: number) => `${bps / 100}%`;

function attained(rep: RepPeriodFacts | undefined, componentId: string | undefined): number | undefined {
  const values = rep?.attainmentBps;
  if (values === undefined) return undefined;
  if (componentId !== undefined) return values[componentId];
  const all = Object.values(values);
  return all.length === 0 ? undefined : Math.max(...all);
}

/**
 * Evaluates declarative badge rules at a period's end and proposes the awards, in badge order then rep id. Pass each
 * to the badge decider (`AwardBadge`): an `awardKey` already awarded is a no-op, so re-running is always safe.
 * - `first_deal`: `firstDealAt` falls in `[periodStart, periodEnd)`; once per rep;
 * - `attainment`: attainment (of `componentId`, else the best component) ≥ `thresholdBps`;
 * - `streak`: that attainment in this period and the `periods − 1` periods just before it (from `history`);
 * - `top_csat`: the highest `scoreBps` among reps with at least `minResponses` answers; equal best scores all win.
 *
 * @param badges - Badge definitions (see {@link defineBadges}).
 * @param facts - The period and each rep's facts.
 * @returns The proposed awards.
 * @example
 * ```ts
 * for (const award of evaluateBadges(badges, facts)) await badges.handle(badgeStreamId(award.repId), { type: "AwardBadge", data: { award } });
 * ```
 */
export function evaluateBadges(badges: readonly BadgeDefinition[], facts: PeriodFacts): BadgeAward[] {
  const start = toEpochMilliseconds(facts.periodStart);
  const end = toEpochMilliseconds(facts.periodEnd);
  const reps = [...facts.reps].sort((a, b) => (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0));
  const awards: BadgeAward[] = [];
  const award = (b: BadgeDefinition, repId: string, evidence: string) => {
    const once = b.kind === "first_deal" || b.once === true;
    awards.push({
      badgeId: b.badgeId,
      name: b.name,
      repId,
      periodId: facts.periodId,
      periodEnd: toIsoInstant(end),
      awardKey: once ? `${b.badgeId}|${repId}` : `${b.badgeId}|${repId}|${facts.periodId}`,
      evidence,
    });
  };
  for (const b of badges) {
    switch (b.kind) {
      case "first_deal":
        for (const r of reps) {
          if (r.firstDealAt === undefined) continue;
          const at = toEpochMilliseconds(r.firstDealAt);
          if (at >= start && at < end) award(b, r.repId, `first won deal credited at ${toIsoInstant(at)}`);
        }
        break;
      case "attainment":
        for (const r of reps) {
          const a = attained(r, b.componentId);
          if (a !== undefined && a >= b.thresholdBps)
            award(b, r.repId, `attainment ${pct(a)} ≥ ${pct(b.thresholdBps)}`);
        }
        break;
      case "streak": {
        const earlier = (facts.history ?? []).slice(-(b.periods - 1));
        if (earlier.length < b.periods - 1) break;
        for (const r of reps) {
          const run = [
            ...earlier.map((h) => ({
              periodId: h.periodId,
              a: attained(
                h.reps.find((x) => x.repId === r.repId),
                b.componentId,
              ),
            })),
            { periodId: facts.periodId, a: attained(r, b.componentId) },
          ];
          if (run.every((x) => x.a !== undefined && x.a >= b.thresholdBps)) {
            award(
              b,
              r.repId,
              `${b.periods} periods in a row ≥ ${pct(b.thresholdBps)}: ${run.map((x) => `${x.periodId} ${pct(x.a as number)}`).join(", ")}`,
            );
          }
        }
        break;
      }
      case "top_csat": {
        const rated = reps.filter((r) => r.csat !== undefined && r.csat.responses >= b.minResponses);
        if (rated.length === 0) break;
        const best = Math.max(...rated.map((r) => r.csat?.scoreBps ?? 0));
        for (const r of rated) {
          if (r.csat?.scoreBps === best) award(b, r.repId, `top CSAT ${pct(best)} on ${r.csat.responses} answers`);
        }
        break;
      }
      default: {
        const _exhaustive: never = b;
        return _exhaustive;
      }
    }
  }
  return awards;
}
