export { allocate, allocateEvenly } from "./allocate.ts";
export {
  absMoney,
  add,
  compareMoney,
  equalsMoney,
  isNegative,
  isPositive,
  isZero,
  maxMoney,
  minMoney,
  negate,
  subtract,
  sum,
} from "./arithmetic.ts";
export { CURRENCY_EXPONENTS, DEFAULT_MINOR_UNITS, isKnownCurrency, minorUnits } from "./currencies.ts";
export {
  addExact,
  type ExactAmount,
  formatExact,
  multiplyExact,
  type RoundedAmount,
  roundExact,
  toExact,
} from "./exactAmount.ts";
export { formatMoney, parseMoney } from "./format.ts";
export { isCurrencyCode } from "./guards.ts";
export { type Money, money, moneySchema, zero } from "./money.ts";
export { multiply, multiplyBps, prorateMoney } from "./multiply.ts";
export { bps, decimal, type Ratio, ratio } from "./ratio.ts";
export { isRoundingMode, ROUNDING_MODES, type RoundingMode, roundRatio } from "./rounding.ts";
