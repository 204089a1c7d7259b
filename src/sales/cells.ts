// Cell formatting shared by the report views (internal: not exported from the area's index).
import type { Money } from "../core/index.ts";

/** Minor units and a currency as money. */
export const moneyCell = (amount: number, currency: string): Money => ({ amount, currency });

/** Basis points as a percentage with two decimals, exact (no float rounding). */
export const percentCell = (bps: number): string => {
  const sign = bps < 0 ? "-" : "";
  const abs = Math.abs(bps);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}%`;
};

/** Thousandths of a point with three decimals, exact (`4263` → `"4.263"`). */
export const milliCell = (milli: number): string => {
  const sign = milli < 0 ? "-" : "";
  const abs = Math.abs(milli);
  return `${sign}${Math.trunc(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
};

/** Sorts by a string key, ascending. */
export const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
