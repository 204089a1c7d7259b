import { z } from "zod";
import {
  _zodIssues,
  type Calendar,
  type CalendarOptions,
  defineCalendar,
  instantSchema,
  isValidationError,
  PERIOD_KINDS,
  type PeriodKind,
  periodById,
  ROUNDING_MODES,
  type RoundingMode,
  ValidationError,
  type ValidationIssue,
} from "../../core/index.ts";
import { checkComponent, componentSchema, planIdSchema } from "./component.ts";
import {
  bonusSchema,
  clawbackPolicySchema,
  drawSchema,
  paymentScheduleSchema,
  prorationPolicySchema,
  spiffSchema,
} from "./extras.ts";

const kindSchema = z.enum(PERIOD_KINDS as unknown as [PeriodKind, ...PeriodKind[]]);

/**
 * An incentive plan as data: versioned, effective-dated, in one currency, calculated per period of `periodKind` in
 * `calendar`, with one rounding mode for every payout line. `effectiveFrom` and `effectiveTo` are ISO instants or
 * period ids of the calendar (a period id stands for that period's start), half-open: `[effectiveFrom, effectiveTo)`.
 * A version applies to the periods that start inside its range; when versions overlap the highest version wins (a
 * correction is a new version with the same dates).
 *
 * @example
 * ```ts
 * const input: PlanDefinition = {
 *   planId: "ae-2026", version: 1, name: "AE 2026", currency: "USD", effectiveFrom: "2026-01",
 *   calendar: { timeZone: "America/New_York" }, periodKind: "month", rounding: { mode: "half_up" },
 *   components: [{ id: "nb", name: "New business", measure: { kind: "revenue" }, evaluation: "cumulative",
 *     tierMode: "marginal", boundary: "upper", tiers: [{ from: 0, to: null, rateBps: 800 }] }],
 * };
 * ```
 */
export const planDefinitionSchema = z.strictObject({
  planId: planIdSchema,
  version: z.number().int().min(1).max(1_000_000),
  name: z.string().min(1).max(120),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code"),
  effectiveFrom: z.string().min(1).max(40),
  effectiveTo: z.string().min(1).max(40).optional(),
  calendar: z.strictObject({
    timeZone: z.string().min(1).max(64),
    weekStartsOn: z.number().int().min(0).max(6).optional(),
    fiscal: z
      .strictObject({
        startMonth: z.number().int().min(1).max(12).optional(),
        pattern: z.enum(["calendar", "4-4-5", "4-5-4", "5-4-4"]).optional(),
        weekEndRule: z.enum(["last", "nearest"]).optional(),
        yearNamedBy: z.enum(["end", "start"]).optional(),
      })
      .optional(),
  }),
  periodKind: kindSchema,
  rounding: z.strictObject({ mode: z.enum(ROUNDING_MODES as unknown as [RoundingMode, ...RoundingMode[]]) }),
  components: z.array(componentSchema).max(50),
  spiffs: z.array(spiffSchema).max(50).optional(),
  bonuses: z.array(bonusSchema).max(50).optional(),
  draw: drawSchema.optional(),
  clawback: clawbackPolicySchema.optional(),
  payment: paymentScheduleSchema.optional(),
  proration: prorationPolicySchema.optional(),
});

/**
 * A validated incentive plan (see {@link planDefinitionSchema}); make one with {@link definePlan}.
 *
 * @example
 * ```ts
 * const plan: PlanDefinition = definePlan(input);
 * ```
 */
export type PlanDefinition = z.infer<typeof planDefinitionSchema>;

const RANK: Record<PeriodKind, [family: string, rank: number]> = {
  day: ["any", 0],
  week: ["calendar", 1],
  month: ["calendar", 2],
  quarter: ["calendar", 3],
  year: ["calendar", 4],
  fiscal_week: ["fiscal", 1],
  fiscal_month: ["fiscal", 2],
  fiscal_quarter: ["fiscal", 3],
  fiscal_year: ["fiscal", 4],
};

function kindContains(outer: PeriodKind, inner: PeriodKind): boolean {
  const [fo, ro] = RANK[outer];
  const [fi, ri] = RANK[inner];
  if (outer === inner) return true;
  if (ro <= ri) return false;
  if (ri === 1 || ro === 1) return fi === "any" || fo === fi; // weeks only nest in their own family
  return true; // month in fiscal_quarter and the like: checked again against the calendar when calculating
}

/**
 * Resolves a plan's effective range to epoch milliseconds.
 *
 * @param plan - A plan.
 * @param calendar - The plan's calendar.
 * @returns `[from, to)`, `to` being `Infinity` when open-ended.
 * @throws {@link ValidationError} when a bound is neither an instant nor a period id of the calendar.
 * @example
 * ```ts
 * const [from, to] = effectiveRangeMs(plan, defineCalendar(plan.calendar));
 * ```
 */
export function effectiveRangeMs(plan: PlanDefinition, calendar: Calendar): [number, number] {
  const bound = (value: string, key: "effectiveFrom" | "effectiveTo"): number => {
    if (instantSchema.safeParse(value).success) return Date.parse(value);
    try {
      return Date.parse(periodById(calendar, value).start);
    } catch (error) {
      if (!isValidationError(error)) throw error;
      throw new ValidationError("definePlan", [
        { code: "invalid_effective_date", path: [key], message: `${value} is neither an instant nor a period id` },
      ]);
    }
  };
  const from = bound(plan.effectiveFrom, "effectiveFrom");
  const to = plan.effectiveTo === undefined ? Number.POSITIVE_INFINITY : bound(plan.effectiveTo, "effectiveTo");
  return [from, to];
}

/**
 * Builds the calendar a plan calculates in.
 *
 * @param plan - A plan.
 * @returns The frozen calendar of `plan.calendar`.
 * @throws {@link ValidationError} (api `defineCalendar`) for an unknown time zone or bad fiscal settings.
 * @example
 * ```ts
 * const cal = planCalendar(plan);
 * periodById(cal, "2026-03");
 * ```
 */
export function planCalendar(plan: PlanDefinition): Calendar {
  return defineCalendar(plan.calendar as CalendarOptions);
}

function semanticIssues(plan: PlanDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let calendar: Calendar | undefined;
  try {
    calendar = planCalendar(plan);
  } catch (error) {
    if (!isValidationError(error)) throw error;
    for (const i of error.issues) issues.push({ ...i, path: ["calendar", ...i.path] });
  }
  if (calendar !== undefined) {
    try {
      const [from, to] = effectiveRangeMs(plan, calendar);
      if (to <= from) {
        issues.push({
          code: "empty_effective_range",
          path: ["effectiveTo"],
          message: "effectiveTo must be after effectiveFrom",
        });
      }
    } catch (error) {
      if (!isValidationError(error)) throw error;
      issues.push(...error.issues);
    }
    if (RANK[plan.periodKind][0] === "fiscal" && plan.calendar.fiscal === undefined) {
      issues.push({
        code: "fiscal_not_configured",
        path: ["periodKind"],
        message: `${plan.periodKind} needs calendar.fiscal`,
      });
    }
  }
  const ids = new Map<string, string>();
  const claim = (id: string, path: PropertyKey[]) => {
    if (ids.has(id)) issues.push({ code: "duplicate_id", path, message: `id ${id} is already used by ${ids.get(id)}` });
    else ids.set(id, path.join("."));
  };
  plan.components.forEach((c, i) => {
    claim(c.id, ["components", i, "id"]);
    issues.push(...checkComponent(c, ["components", i]));
    if (c.accumulation !== undefined && !kindContains(c.accumulation, plan.periodKind)) {
      issues.push({
        code: "accumulation_not_aligned",
        path: ["components", i, "accumulation"],
        message: `a ${c.accumulation} window cannot be made of ${plan.periodKind} periods`,
      });
    }
  });
  (plan.spiffs ?? []).forEach((s, i) => {
    claim(s.id, ["spiffs", i, "id"]);
    if (Date.parse(s.to) <= Date.parse(s.from)) {
      issues.push({
        code: "empty_spiff_window",
        path: ["spiffs", i, "to"],
        message: "a SPIFF's `to` must be after its `from`",
      });
    }
  });
  (plan.bonuses ?? []).forEach((b, i) => {
    claim(b.id, ["bonuses", i, "id"]);
    if (b.kind === "goal" && !plan.components.some((c) => c.id === b.componentId)) {
      issues.push({
        code: "unknown_component",
        path: ["bonuses", i, "componentId"],
        message: `no component ${b.componentId}`,
      });
    }
    if (b.kind === "mbo" && b.scale.max <= b.scale.min) {
      issues.push({
        code: "invalid_scale",
        path: ["bonuses", i, "scale"],
        message: "scale.max must be above scale.min",
      });
    }
  });
  if (plan.draw?.recovery !== undefined && !plan.draw.recoverable) {
    issues.push({
      code: "recovery_of_non_recoverable_draw",
      path: ["draw", "recovery"],
      message: "only a recoverable draw is recovered",
    });
  }
  return issues;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a plan and returns it frozen. Every problem is reported at once: zod's shape issues, then the rate tables
 * (a gap or an overlap names the offending tiers: `tier_gap`, `tier_overlap`), ids, windows and calendar.
 *
 * @param input - The plan, e.g. parsed from JSON.
 * @returns The validated, deeply frozen plan.
 * @throws {@link ValidationError} (api `definePlan`) listing every issue, with paths such as
 * `["components", 0, "tiers", 2, "from"]`.
 * @example
 * ```ts
 * const plan = definePlan({ planId: "ae", version: 1, name: "AE", currency: "USD", effectiveFrom: "2026-01",
 *   calendar: { timeZone: "UTC" }, periodKind: "month", rounding: { mode: "half_up" }, components: [] });
 * ```
 */
export function definePlan(input: unknown): PlanDefinition {
  const parsed = planDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("definePlan", _zodIssues(parsed.error.issues));
  }
  const issues = semanticIssues(parsed.data);
  if (issues.length > 0) throw new ValidationError("definePlan", issues);
  return deepFreeze(parsed.data);
}

/**
 * Tells whether a plan declares, on purpose, a payout that can fall when credit rises: an accelerator multiplier
 * below 100% (a decelerator) or a retroactive table whose rate or amount decreases from one tier to the next. Payout
 * is monotonic in credit for every other plan.
 *
 * @param plan - A plan.
 * @returns `true` when the monotonicity law does not apply.
 * @example
 * ```ts
 * planDeclaresDecelerator(plan); // false for an ordinary rising commission plan
 * ```
 */
export function planDeclaresDecelerator(plan: PlanDefinition): boolean {
  return plan.components.some((c) => {
    if ((c.accelerators ?? []).some((a) => a.multiplierBps < 10_000)) return true;
    if (c.tierMode !== "retroactive") return false;
    const pay = (t: (typeof c.tiers)[number]) => t.rateBps ?? t.amountPerUnit ?? t.amount ?? 0;
    return c.tiers.some((t, i) => i > 0 && pay(t) < pay(c.tiers[i - 1] as typeof t));
  });
}
