import { z } from "zod";
import { _zodIssues, isValidationError, ValidationError, type ValidationIssue } from "../../core/errors/index.ts";
import { nextPeriod, type Period, periodById } from "../../core/index.ts";
import {
  type CalculationInputs,
  definePlan,
  type PlanDefinition,
  planCalendar,
  planDeclaresDecelerator,
} from "../../incentives/index.ts";
import { lawContext } from "./lawContext.ts";
import {
  capsLaw,
  clawbackLaw,
  closedPeriodLaw,
  continuityLaw,
  idempotentLaw,
  monotonicLaw,
  orderLaw,
  roundingLaw,
  splitsLaw,
} from "./laws.ts";

/**
 * The names of the incentive laws.
 *
 * @example
 * ```ts
 * const off: IncentiveLawName = "monotonic";
 * ```
 */
export type IncentiveLawName =
  | "monotonic"
  | "capsHold"
  | "marginalContinuity"
  | "splitsSumToDeal"
  | "clawbackCancels"
  | "roundingConserves"
  | "idempotent"
  | "orderIndependent"
  | "closedPeriodImmutable";

/**
 * Every law, in the order the suite runs them.
 *
 * @example
 * ```ts
 * INCENTIVE_LAWS.length; // 9
 * ```
 */
export const INCENTIVE_LAWS: readonly IncentiveLawName[] = Object.freeze([
  "monotonic",
  "capsHold",
  "marginalContinuity",
  "splitsSumToDeal",
  "clawbackCancels",
  "roundingConserves",
  "idempotent",
  "orderIndependent",
  "closedPeriodImmutable",
]);

/**
 * Options of {@link incentiveLaws}. They are validated: an unknown option, law name or component, or a value out of
 * range, is refused with a `ValidationError` rather than ignored.
 *
 * @example
 * ```ts
 * const options: IncentiveLawOptions = { quota: { "new-business": 5_000_000 }, laws: { monotonic: false }, numRuns: 200 };
 * ```
 */
export interface IncentiveLawOptions {
  /**
   * Switch laws off (`false`) when the plan does the opposite on purpose, or force one on (`true`). Keys are law
   * names ({@link INCENTIVE_LAWS}).
   */
  readonly laws?: Partial<Record<IncentiveLawName, boolean>>;
  /**
   * One quota per component id of the plan (a positive integer, in the measure's base unit), used for every window
   * (default: from the plan's tiers and the credit sizes).
   */
  readonly quota?: Readonly<Record<string, number>>;
  /** The exact quotas, per component of the plan and window id, instead of `quota` (not with it). */
  readonly quotas?: CalculationInputs["quotas"];
  /**
   * The ids of two consecutive periods of the plan's `periodKind`, in order (default: the plan's first two periods).
   */
  readonly periods?: readonly [string, string];
  /** A later version of the plan: the closed-period law then recalculates with it, as a plan correction. */
  readonly correction?: PlanDefinition;
  /**
   * The largest generated credit, a positive integer in minor units (default: from the plan's money tier bounds, at
   * least 200,000).
   */
  readonly maxAmount?: number;
  /** Runs per law, a positive integer (default 100). */
  readonly numRuns?: number;
  /** A fast-check seed (an integer), to replay a failure. */
  readonly seed?: number;
}

/**
 * One law of the suite: whether it runs for this plan, why not, and the check itself.
 *
 * @example
 * ```ts
 * for (const law of suite.laws) if (!law.enabled) console.log(`${law.title}: off (${law.reason})`);
 * ```
 */
export interface IncentiveLaw {
  readonly name: IncentiveLawName;
  readonly title: string;
  readonly enabled: boolean;
  /** Why the law is off, when it is. */
  readonly reason?: string;
  /** Runs the property; throws an `Error` naming the law and the counterexample when it fails. */
  readonly check: () => void;
}

/**
 * A test runner's `describe` and `it` (vitest, jest, mocha, node:test). `it.skip`, when present, reports the laws
 * that are off.
 *
 * @example
 * ```ts
 * import { describe, it } from "node:test";
 * const runner: LawRunner = { describe, it };
 * ```
 */
export interface LawRunner {
  readonly describe: (name: string, body: () => void) => unknown;
  readonly it: ((name: string, body: () => void) => unknown) & { skip?: (name: string, body: () => void) => unknown };
}

/**
 * The suite of laws for one plan.
 *
 * @example
 * ```ts
 * const suite: IncentiveLawSuite = incentiveLaws(plan);
 * suite.check(); // throws if a law fails
 * ```
 */
export interface IncentiveLawSuite {
  readonly plan: PlanDefinition;
  readonly laws: readonly IncentiveLaw[];
  /**
   * Runs every enabled law (or only `name`; a law that is off is not run) and throws an `Error` listing every
   * failure.
   *
   * @returns The names of the laws run.
   * @throws {@link ValidationError} at path `["name"]` when `name` is not one of {@link INCENTIVE_LAWS}.
   */
  check(name?: IncentiveLawName): IncentiveLawName[];
  /** Registers one test per law with a runner (the global `describe`/`it` by default). */
  register(runner?: LawRunner): void;
}

const TITLES: Record<IncentiveLawName, string> = {
  monotonic: "payout is monotonic in credit (within rounding)",
  capsHold: "caps hold in every period",
  marginalContinuity: "marginal and interpolated tiers are continuous at the boundaries",
  splitsSumToDeal: "split credits sum to the deal, and so do the reps' measures",
  clawbackCancels: "a clawback exactly cancels its original, at the original rates",
  roundingConserves: "rounding conserves the total within the declared tolerance",
  idempotent: "recalculation is idempotent",
  orderIndependent: "the result is independent of credit order",
  closedPeriodImmutable: "a closed period never changes; deltas settle it exactly",
};

const positiveInt = z.number().int().positive();
const periodsSchema = z.tuple([z.string().min(1).max(20), z.string().min(1).max(20)]);

/** The options' shape for one plan: only known options, law names and component ids. */
const optionsSchema = (componentIds: readonly string[]) =>
  z.strictObject({
    laws: z.strictObject(Object.fromEntries(INCENTIVE_LAWS.map((name) => [name, z.boolean().optional()]))).optional(),
    quota: z.strictObject(Object.fromEntries(componentIds.map((id) => [id, positiveInt.optional()]))).optional(),
    quotas: z
      .array(
        z.strictObject({
          componentId: z.string().refine((id) => componentIds.includes(id), {
            error: (issue) => `no component ${JSON.stringify(issue.input)} in the plan`,
          }),
          periodId: z.string().min(1).max(20),
          amount: positiveInt,
        }),
      )
      .optional(),
    periods: periodsSchema.optional(),
    correction: z
      .custom<PlanDefinition>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
        error: "must be a plan definition",
      })
      .optional(),
    maxAmount: positiveInt.optional(),
    numRuns: positiveInt.optional(),
    seed: z.number().int().optional(),
  });

const listed = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

/** What zod cannot check: the periods in the plan's calendar, and `quota` with `quotas`. */
function semanticIssues(plan: PlanDefinition, options: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (options.quota !== undefined && options.quotas !== undefined) {
    issues.push({ code: "conflicting_options", path: ["quotas"], message: "give quota or quotas, not both" });
  }
  const ids = periodsSchema.safeParse(options.periods);
  if (ids.success) {
    const calendar = planCalendar(plan);
    const periods = ids.data.map((id, i): Period | undefined => {
      try {
        const period = periodById(calendar, id);
        if (period.kind === plan.periodKind) return period;
        issues.push({
          code: "wrong_period_kind",
          path: ["periods", i],
          message: `${id} is a ${period.kind}; the plan is calculated per ${plan.periodKind}`,
        });
      } catch (error) {
        if (!isValidationError(error)) throw error;
        const first = error.issues[0];
        issues.push({
          code: first?.code ?? "invalid_period_id",
          path: ["periods", i],
          message: first?.message ?? error.message,
        });
      }
      return undefined;
    });
    const [first, second] = periods;
    if (first !== undefined && second !== undefined) {
      let next: string | undefined;
      try {
        next = nextPeriod(calendar, first).id;
      } catch (error) {
        if (!isValidationError(error)) throw error;
      }
      if (next !== second.id) {
        issues.push({
          code: "periods_not_consecutive",
          path: ["periods", 1],
          message: `${second.id} does not follow ${first.id}${next === undefined ? "" : `: the period after it is ${next}`}`,
        });
      }
    }
  }
  return issues;
}

/** Validates the options against the plan; throws a `ValidationError` listing every problem. */
function validOptions(plan: PlanDefinition, options: unknown): IncentiveLawOptions {
  const componentIds = plan.components.map((c) => c.id);
  const parsed = optionsSchema(componentIds).safeParse(options);
  const issues = parsed.success ? [] : _zodIssues(parsed.error.issues);
  const named = issues.map((i): ValidationIssue => {
    if (i.path[0] === "quotas" && i.path[2] === "componentId" && i.code === "custom")
      return { ...i, code: "unknown_component" };
    if (i.code !== "unrecognized_keys" || i.path.length !== 2) return i;
    const key = JSON.stringify(i.path[1]);
    if (i.path[0] === "laws") return { ...i, message: `no law ${key}; the laws are ${listed(INCENTIVE_LAWS)}` };
    if (i.path[0] === "quota")
      return { ...i, message: `no component ${key} in the plan; its components are ${listed(componentIds)}` };
    return i;
  });
  if (typeof options === "object" && options !== null) {
    named.push(...semanticIssues(plan, options as Record<string, unknown>));
  }
  if (named.length > 0 || !parsed.success) throw new ValidationError("incentiveLaws", named);
  return parsed.data as IncentiveLawOptions;
}

/**
 * The incentive laws, as a suite a team runs on its own plan. Each law is a fast-check property over credits
 * generated for the plan (amounts near its tier bounds, its products, splits, refunds, paid and unpaid invoices),
 * calculated with the real engine:
 * - `monotonic`: adding a credit never lowers the period's payout by more than the rounding tolerance (off when the
 *   plan declares a decelerator: `planDeclaresDecelerator`);
 * - `capsHold`: a capped component's own lines never exceed its cap (or its floor, if higher) in a period;
 * - `marginalContinuity`: marginal and interpolated tables have no jump at any tier bound or accelerator start;
 * - `splitsSumToDeal`: revenue splits of a deal sum to it, and the reps' measures sum to the whole deal's measure;
 * - `clawbackCancels`: a refund within the window claws back exactly `refund / original` of what the original earned
 *   (off without a clawback policy);
 * - `roundingConserves`: the exact total is the sum of the lines' exact amounts, and the total is within
 *   `roundingTolerance` of it;
 * - `idempotent`, `orderIndependent`: the same inputs give the same statement, whatever the credits' order;
 * - `closedPeriodImmutable`: a closed statement never changes, cannot be recalculated, and the adjustments posted for
 *   it make it equal to its recalculation (with `correction`, under a new plan version).
 *
 * @param plan - The plan (validated with `definePlan`).
 * @param options - Laws to switch off, quotas, periods, a correction, runs and seed.
 * @returns The suite: run it with `check()` or register it with a test runner.
 * @throws {@link ValidationError} for an invalid plan (from `definePlan`); for invalid options, with the offending
 * option's path: an unknown option (`["numruns"]`) or law (`["laws", "capHold"]`), a quota for a component the plan
 * does not have (`["quota", "new-busines"]`, `["quotas", 0, "componentId"]`) or that is not a positive integer,
 * `quota` with `quotas`, `numRuns` or `maxAmount` not a positive integer, `seed` not an integer, or `periods` that are
 * not two consecutive periods of the plan's `periodKind` (`["periods", 1]`); at `check(name)`, for a name that is not
 * a law (`["name"]`); at `register`, when no runner is given and none is global.
 * @example
 * ```ts
 * import { describe, it } from "node:test";
 * import { incentiveLaws } from "salesfold/testing";
 * incentiveLaws(plan, { quota: { "new-business": 4_000_000 } }).register({ describe, it });
 * ```
 */
export function incentiveLaws(plan: PlanDefinition, options: IncentiveLawOptions = {}): IncentiveLawSuite {
  const checked = definePlan(plan);
  const valid = validOptions(checked, options);
  const ctx = lawContext(checked, valid);
  const auto: Partial<Record<IncentiveLawName, string>> = {};
  if (planDeclaresDecelerator(checked)) auto.monotonic = "the plan declares a decelerator";
  if (!checked.components.some((c) => c.cap !== undefined)) auto.capsHold = "the plan has no cap";
  if (!checked.components.some((c) => c.tierMode !== "retroactive"))
    auto.marginalContinuity = "the plan has no marginal or interpolated table";
  if (checked.clawback === undefined) auto.clawbackCancels = "the plan has no clawback policy";
  const runs: Record<IncentiveLawName, () => void> = {
    monotonic: () => monotonicLaw(ctx),
    capsHold: () => capsLaw(ctx),
    marginalContinuity: () => continuityLaw(ctx),
    splitsSumToDeal: () => splitsLaw(ctx),
    clawbackCancels: () => clawbackLaw(ctx),
    roundingConserves: () => roundingLaw(ctx),
    idempotent: () => idempotentLaw(ctx),
    orderIndependent: () => orderLaw(ctx),
    closedPeriodImmutable: () => closedPeriodLaw(ctx),
  };
  // fast-check reports the counterexample; the law's own message (what was violated) is its cause: lead with it.
  const explained = (name: IncentiveLawName) => () => {
    try {
      runs[name]();
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (error instanceof Error && cause instanceof Error && cause.message.startsWith("incentive law")) {
        throw new Error(`${cause.message}\n${error.message}`, { cause: error });
      }
      throw error;
    }
  };
  const laws = INCENTIVE_LAWS.map((name): IncentiveLaw => {
    const forced = valid.laws?.[name];
    const reason = forced === false ? "switched off in the options" : forced === true ? undefined : auto[name];
    return Object.freeze({
      name,
      title: TITLES[name],
      enabled: reason === undefined,
      ...(reason !== undefined && { reason }),
      check: explained(name),
    });
  });
  const check = (name?: IncentiveLawName) => {
    if (name !== undefined && !INCENTIVE_LAWS.includes(name)) {
      throw new ValidationError("incentiveLaws.check", [
        {
          code: "unknown_law",
          path: ["name"],
          message: `no law ${JSON.stringify(name)}; the laws are ${listed(INCENTIVE_LAWS)}`,
        },
      ]);
    }
    const selected = laws.filter((l) => l.enabled && (name === undefined || l.name === name));
    const failures: string[] = [];
    for (const law of selected) {
      try {
        law.check();
      } catch (error) {
        if (name !== undefined) throw error;
        failures.push(`${law.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failures.length > 0)
      throw new Error(
        `${failures.length} incentive law(s) failed for ${checked.planId} v${checked.version}:\n${failures.join("\n\n")}`,
      );
    return selected.map((l) => l.name);
  };
  const register = (runner?: LawRunner) => {
    const globals = globalThis as { describe?: LawRunner["describe"]; it?: LawRunner["it"] };
    const describe = runner?.describe ?? globals.describe;
    const it = runner?.it ?? globals.it;
    if (typeof describe !== "function" || typeof it !== "function") {
      throw new ValidationError("incentiveLaws", [
        {
          code: "missing_test_runner",
          path: ["runner"],
          message: "no global describe/it found: pass them, e.g. register({ describe, it }) from node:test or vitest",
        },
      ]);
    }
    describe(`incentive laws: ${checked.name} (${checked.planId} v${checked.version})`, () => {
      for (const law of laws) {
        if (law.enabled) it(law.title, law.check);
        else it.skip?.(`${law.title}: off, ${law.reason}`, () => {});
      }
    });
  };
  return Object.freeze({ plan: checked, laws: Object.freeze(laws), check, register });
}
