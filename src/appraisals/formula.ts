import { type Q, q, qAdd, qCmp, qDiv, qMul, qSub } from "./_rational.ts";
import { FORMULA_FUNCTIONS } from "./values.ts";

/**
 * A parsed custom formula: a tree of numbers, KPI references, the four operations and the functions `min`, `max`,
 * `mean`, `coalesce`, `clamp` and `weighted`. Built by {@link parseFormula}; never evaluated with `eval`.
 *
 * @example
 * ```ts
 * const node: FormulaNode = { kind: "kpi", kpiId: "quota" };
 * ```
 */
export type FormulaNode =
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "kpi"; readonly kpiId: string }
  | { readonly kind: "negate"; readonly arg: FormulaNode }
  | {
      readonly kind: "binary";
      readonly op: "+" | "-" | "*" | "/";
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    }
  | { readonly kind: "call"; readonly fn: (typeof FORMULA_FUNCTIONS)[number]; readonly args: readonly FormulaNode[] };

/**
 * Why a formula was refused: the message and the character offset where parsing stopped.
 *
 * @example
 * ```ts
 * const problem: FormulaProblem = { message: "unknown KPI \"qouta\"", at: 0 };
 * ```
 */
export interface FormulaProblem {
  readonly message: string;
  readonly at: number;
}

const MAX_DEPTH = 32;
const ARITY: Record<(typeof FORMULA_FUNCTIONS)[number], [number, number]> = {
  min: [1, 20],
  max: [1, 20],
  mean: [1, 20],
  coalesce: [1, 20],
  clamp: [3, 3],
  weighted: [0, 0],
};

type Token = { kind: "num" | "id" | "op"; text: string; at: number };

function tokenize(source: string): Token[] | FormulaProblem {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d{1,12}(?:\.\d{1,6})?)|([a-z][a-z0-9_]{0,63})|([-+*/(),]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(source);
    if (m === null) return { message: `unexpected character ${JSON.stringify(source.slice(at).trim()[0])}`, at };
    const start = at + (m[0].length - (m[1] ?? m[2] ?? m[3])!.length);
    if (m[1] !== undefined) tokens.push({ kind: "num", text: m[1], at: start });
    else if (m[2] !== undefined) tokens.push({ kind: "id", text: m[2], at: start });
    else tokens.push({ kind: "op", text: m[3]!, at: start });
    at = re.lastIndex;
  }
  return tokens;
}

function decimalOf(text: string): Q {
  const [whole, frac = ""] = text.split(".");
  return q(BigInt(whole! + frac), 10n ** BigInt(frac.length));
}

class Fail {
  constructor(readonly problem: FormulaProblem) {}
}

/**
 * Parses and validates a custom formula over KPI ids. The grammar is arithmetic (`+ - * /`, unary minus, parentheses,
 * decimal numbers) over KPI ids and these functions:
 * - `weighted()`: the cycle's weighted mean of the present KPIs, renormalized over their weights;
 * - `mean(a, b, …)`: the plain mean of the present arguments;
 * - `coalesce(a, b, …)`: the first present argument;
 * - `min(…)`, `max(…)`, `clamp(x, lo, hi)`: missing when any argument is missing.
 * Each KPI id stands for the KPI's rating normalized onto the cycle's scale.
 *
 * @param source - The formula text (at most 500 characters).
 * @param kpiIds - The KPI ids the formula may name.
 * @returns The tree, or the problem found.
 * @example
 * ```ts
 * parseFormula("0.8 * weighted() + 0.2 * coalesce(peers, weighted())", ["quota", "peers"]);
 * ```
 */
export function parseFormula(source: string, kpiIds: readonly string[]): FormulaNode | FormulaProblem {
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return tokens;
  const known = new Set(kpiIds);
  let i = 0;
  const peek = () => tokens[i];
  const end = () => (tokens.length === 0 ? 0 : tokens[tokens.length - 1]!.at + tokens[tokens.length - 1]!.text.length);
  const expect = (text: string) => {
    const t = tokens[i];
    if (t?.text !== text) throw new Fail({ message: `expected "${text}"`, at: t?.at ?? end() });
    i++;
  };
  const expr = (depth: number): FormulaNode => {
    if (depth > MAX_DEPTH) throw new Fail({ message: `nested deeper than ${MAX_DEPTH}`, at: peek()?.at ?? end() });
    let left = term(depth);
    while (peek()?.text === "+" || peek()?.text === "-") {
      const op = tokens[i++]!.text as "+" | "-";
      left = { kind: "binary", op, left, right: term(depth) };
    }
    return left;
  };
  const term = (depth: number): FormulaNode => {
    let left = unary(depth);
    while (peek()?.text === "*" || peek()?.text === "/") {
      const op = tokens[i++]!.text as "*" | "/";
      left = { kind: "binary", op, left, right: unary(depth) };
    }
    return left;
  };
  const unary = (depth: number): FormulaNode => {
    if (peek()?.text === "-") {
      i++;
      return { kind: "negate", arg: unary(depth + 1) };
    }
    return primary(depth);
  };
  const primary = (depth: number): FormulaNode => {
    const t = tokens[i++];
    if (t === undefined) throw new Fail({ message: "unexpected end of formula", at: end() });
    if (t.kind === "num") return { kind: "number", text: t.text };
    if (t.text === "(") {
      const inner = expr(depth + 1);
      expect(")");
      return inner;
    }
    if (t.kind !== "id") throw new Fail({ message: `unexpected "${t.text}"`, at: t.at });
    if (peek()?.text !== "(") {
      if (!known.has(t.text)) throw new Fail({ message: `unknown KPI "${t.text}"`, at: t.at });
      return { kind: "kpi", kpiId: t.text };
    }
    const fn = FORMULA_FUNCTIONS.find((f) => f === t.text);
    if (fn === undefined) throw new Fail({ message: `unknown function "${t.text}"`, at: t.at });
    i++;
    const args: FormulaNode[] = [];
    if (peek()?.text !== ")") {
      args.push(expr(depth + 1));
      while (peek()?.text === ",") {
        i++;
        args.push(expr(depth + 1));
      }
    }
    expect(")");
    const [lo, hi] = ARITY[fn];
    if (args.length < lo || args.length > hi) {
      throw new Fail({ message: `${fn} takes ${lo === hi ? lo : `${lo} to ${hi}`} arguments`, at: t.at });
    }
    return { kind: "call", fn, args };
  };
  try {
    if (tokens.length === 0) return { message: "the formula is empty", at: 0 };
    const node = expr(0);
    if (i < tokens.length) return { message: `unexpected "${tokens[i]!.text}"`, at: tokens[i]!.at };
    return node;
  } catch (e) {
    if (e instanceof Fail) return e.problem;
    throw e;
  }
}

/**
 * Tells whether {@link parseFormula} returned a problem rather than a tree.
 *
 * @param value - What `parseFormula` returned.
 * @returns True for a problem.
 * @example
 * ```ts
 * isFormulaProblem(parseFormula("quota +", ["quota"])); // true
 * ```
 */
export function isFormulaProblem(value: FormulaNode | FormulaProblem): value is FormulaProblem {
  return "message" in value;
}

/** @internal The outcome of evaluating a formula: an exact value, or what was missing (or why). */
export type FormulaResult = { readonly value: Q } | { readonly missing: readonly string[]; readonly reason?: string };

/**
 * @internal Evaluates a parsed formula exactly over normalized KPI values; a missing KPI propagates (never zero)
 * except through `weighted`, `mean` and `coalesce`, which skip missing arguments.
 */
export function _evaluateFormula(
  node: FormulaNode,
  values: ReadonlyMap<string, Q>,
  weighted: FormulaResult,
): FormulaResult {
  const ev = (n: FormulaNode): FormulaResult => _evaluateFormula(n, values, weighted);
  const missingOf = (rs: readonly FormulaResult[], reason?: string): FormulaResult => {
    const ids = [...new Set(rs.flatMap((r) => ("missing" in r ? r.missing : [])))].sort();
    const why = rs.map((r) => ("missing" in r ? r.reason : undefined)).find((x) => x !== undefined) ?? reason;
    return why === undefined ? { missing: ids } : { missing: ids, reason: why };
  };
  switch (node.kind) {
    case "number":
      return { value: decimalOf(node.text) };
    case "kpi": {
      const v = values.get(node.kpiId);
      return v === undefined ? { missing: [node.kpiId] } : { value: v };
    }
    case "negate": {
      const r = ev(node.arg);
      return "value" in r ? { value: q(-r.value.n, r.value.d) } : r;
    }
    case "binary": {
      const l = ev(node.left);
      const r = ev(node.right);
      if (!("value" in l) || !("value" in r)) return missingOf([l, r]);
      if (node.op === "+") return { value: qAdd(l.value, r.value) };
      if (node.op === "-") return { value: qSub(l.value, r.value) };
      if (node.op === "*") return { value: qMul(l.value, r.value) };
      const v = qDiv(l.value, r.value);
      return v === undefined ? { missing: [], reason: "division by zero" } : { value: v };
    }
    case "call": {
      if (node.fn === "weighted") return weighted;
      const rs = node.args.map(ev);
      const present = rs.flatMap((r) => ("value" in r ? [r.value] : []));
      if (node.fn === "coalesce") return present.length > 0 ? { value: present[0]! } : missingOf(rs);
      if (node.fn === "mean") {
        if (present.length === 0) return missingOf(rs);
        return { value: qDiv(present.reduce(qAdd, q(0)), q(present.length))! };
      }
      if (present.length < rs.length) return missingOf(rs);
      if (node.fn === "clamp") {
        const [x, lo, hi] = present as [Q, Q, Q];
        return { value: qCmp(x, lo) < 0 ? lo : qCmp(x, hi) > 0 ? hi : x };
      }
      const pick = node.fn === "min" ? -1 : 1;
      return { value: present.reduce((a, b) => (qCmp(b, a) === pick ? b : a)) };
    }
    default: {
      const _exhaustive: never = node;
      return _exhaustive;
    }
  }
}
