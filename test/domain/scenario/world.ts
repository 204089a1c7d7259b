// The scenario's world: one quarter (2026-Q3 in Asia/Shanghai), a sales organisation of two teams under a root team,
// eight reps, three managers and a sales engineer, a product list, competitors, and the deal stages as configured.
// Every figure here is an input the expected results are computed from.

export const ZONE = "Asia/Shanghai";
/** Shanghai has kept UTC+8 without daylight saving since 1991, so local dates are a fixed shift of UTC. */
const OFFSET_MS = 8 * 3_600_000;
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export const iso = (ms: number): string => new Date(ms).toISOString();
/** The local calendar date (YYYY-MM-DD) of an instant. */
export const localDate = (ms: number): string => new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
/** The instant of a local wall-clock time. */
export const localMs = (date: string, hours = 0, minutes = 0): number =>
  Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS + (hours * 60 + minutes) * MINUTE;
/** Days from one plain date to another. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export const QUARTER = { id: "2026-Q3", start: localMs("2026-07-01"), end: localMs("2026-10-01"), days: 92 };
export const MONTHS = [
  { id: "2026-07", start: localMs("2026-07-01"), end: localMs("2026-08-01") },
  { id: "2026-08", start: localMs("2026-08-01"), end: localMs("2026-09-01") },
  { id: "2026-09", start: localMs("2026-09-01"), end: localMs("2026-10-01") },
] as const;
/** The clock starts two days before the quarter (planning, books and carried-in pipeline) and the run ends on 3 October. */
export const CLOCK_START = localMs("2026-06-29", 9);
export const LAST_DAY = "2026-10-03";
export const CALENDAR = { timeZone: ZONE } as const;

export const ORG = "acme-cn";
export const PLAN = "2026-q3";
export const BOOK = "cn";
export const USD = "USD";

export const TEAMS = [
  { teamId: "sales", name: "Sales China" },
  { teamId: "east", name: "East", parentTeamId: "sales" },
  { teamId: "west", name: "West", parentTeamId: "sales" },
] as const;
export const PARENT_TEAM: Readonly<Record<string, string | undefined>> = {
  sales: undefined,
  east: "sales",
  west: "sales",
};

export const EAST_REPS = ["rep-e1", "rep-e2", "rep-e3", "rep-e4"] as const;
export const WEST_REPS = ["rep-w1", "rep-w2", "rep-w3", "rep-w4"] as const;
export const REPS: readonly string[] = [...EAST_REPS, ...WEST_REPS];
export const SE = "se-wu";
export const MANAGER_OF_TEAM: Readonly<Record<string, string>> = { east: "mgr-east", west: "mgr-west", sales: "vp-li" };
export const HIRED_FROM = "2026-01-05T01:00:00.000Z";
/** rep-w4 joins on 17 August (09:00 local): 45 of Q3's 92 days. */
export const LATE_HIRE = { repId: "rep-w4", date: "2026-08-17", at: localMs("2026-08-17", 9), days: 45 };
/** rep-e4 moves from East to West at local midnight on 15 August; his accounts move with him. */
export const TEAM_MOVE = { repId: "rep-e4", from: "east", to: "west", at: localMs("2026-08-15") };

export interface Product {
  readonly productId: string;
  readonly unitPrice: number;
  readonly unitCost: number;
}
export const PRODUCTS: readonly Product[] = [
  { productId: "crm-seat", unitPrice: 1_200_00, unitCost: 310_00 },
  { productId: "erp-seat", unitPrice: 999_00, unitCost: 402_50 },
  { productId: "bi-addon", unitPrice: 450_00, unitCost: 95_25 },
  { productId: "onboarding", unitPrice: 3_500_00, unitCost: 2_100_00 },
  { productId: "support-plus", unitPrice: 780_00, unitCost: 133_33 },
  { productId: "api-pack", unitPrice: 149_99, unitCost: 12_01 },
];

export const COMPETITORS = [
  { competitorId: "globex", name: "Globex", strengths: ["price", "brand"], weaknesses: ["support"] },
  { competitorId: "initech", name: "Initech", strengths: ["integrations"], weaknesses: ["price", "ux"] },
  { competitorId: "umbrella", name: "Umbrella", strengths: ["local-team"], weaknesses: ["features"] },
] as const;

/** The deal stages as documented for `DEFAULT_DEAL_STAGES`: probability (bps) and forecast category. */
export const STAGES = [
  { id: "prospecting", probabilityBps: 1_000, category: "pipeline" },
  { id: "qualification", probabilityBps: 2_000, category: "pipeline" },
  { id: "needs_analysis", probabilityBps: 4_000, category: "pipeline" },
  { id: "proposal", probabilityBps: 6_000, category: "best_case" },
  { id: "negotiation", probabilityBps: 8_000, category: "commit" },
] as const;

/** The SLA of `DEFAULT_SLA_POLICY`, in minutes: first response / resolution. */
export const SLA = {
  urgent: [60, 240],
  high: [240, 1_440],
  normal: [480, 4_320],
  low: [1_440, 10_080],
} as const;

/** A target prorated by days, rounded half-up: target × days / periodDays. */
export function bpsHalfUpTarget(target: number, days: number, periodDays: number): number {
  const n = BigInt(target) * BigInt(days);
  const d = BigInt(periodDays);
  return Number((n * 2n + d) / (d * 2n));
}
