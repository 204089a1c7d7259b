// The demo company: Northwind Robotics sells across two teams in Asia/Shanghai, in US dollars, in 2026-Q3.

/** The business time zone every period of the demo is placed in. */
export const TIME_ZONE = "Asia/Shanghai";
export const QUARTER = "2026-Q3";
export const MONTHS = ["2026-07", "2026-08", "2026-09"] as const;

/** A rep of the demo: their team, quarter weight within the team, and the accounts they own. */
export interface DemoRep {
  readonly repId: string;
  readonly name: string;
  readonly teamId: string;
  /** Share of the team goal, in basis points. */
  readonly weightBps: number;
}

export const TEAMS = [
  { teamId: "team-east", name: "East", managerId: "mgr-li", managerName: "Li Na", weightBps: 5_500 },
  { teamId: "team-west", name: "West", managerId: "mgr-sam", managerName: "Sam Ortiz", weightBps: 4_500 },
] as const;

export const REPS: readonly DemoRep[] = [
  { repId: "rep-ana", name: "Ana Souza", teamId: "team-east", weightBps: 3_000 },
  { repId: "rep-bo", name: "Bo Chen", teamId: "team-east", weightBps: 2_500 },
  { repId: "rep-cy", name: "Cy Tanaka", teamId: "team-east", weightBps: 2_500 },
  { repId: "rep-dee", name: "Dee Patel", teamId: "team-east", weightBps: 2_000 },
  { repId: "rep-eli", name: "Eli Novak", teamId: "team-west", weightBps: 3_000 },
  { repId: "rep-fay", name: "Fay Okafor", teamId: "team-west", weightBps: 2_500 },
  { repId: "rep-gus", name: "Gus Lindqvist", teamId: "team-west", weightBps: 2_500 },
  { repId: "rep-hal", name: "Hal Moreau", teamId: "team-west", weightBps: 2_000 },
];

/** The company's Q3 revenue goal, in dollars. */
export const COMPANY_GOAL_DOLLARS = 2_000_000;

/**
 * A deal of the quarter: who owns it, how big, when it closes, and how it ends (`won`, `lost` or still `open`
 * at quarter end, in a stage). Dates are local calendar dates in Shanghai.
 */
export interface DemoDeal {
  readonly dealId: string;
  readonly repId: string;
  readonly customerId: string;
  readonly dollars: number;
  readonly openedOn: string;
  readonly closeDate: string;
  readonly outcome: "won" | "lost" | "open";
  /** For open deals: the stage at quarter end. For lost deals: the reason. */
  readonly detail?: string;
}

const d = (
  dealId: string,
  repId: string,
  customerId: string,
  dollars: number,
  openedOn: string,
  closeDate: string,
  outcome: DemoDeal["outcome"],
  detail?: string,
): DemoDeal => ({ dealId, repId, customerId, dollars, openedOn, closeDate, outcome, ...(detail ? { detail } : {}) });

// About 40 deals: every rep wins some, loses one or two, and carries open pipeline into the next quarter.
export const DEALS: readonly DemoDeal[] = [
  d("d-101", "rep-ana", "cu-acme", 180_000, "2026-07-02", "2026-07-24", "won"),
  d("d-102", "rep-ana", "cu-borealis", 95_000, "2026-07-06", "2026-08-14", "won"),
  d("d-103", "rep-ana", "cu-acme", 120_000, "2026-08-03", "2026-09-18", "won"),
  d("d-104", "rep-ana", "cu-cobalt", 60_000, "2026-08-10", "2026-09-09", "lost", "price"),
  d("d-105", "rep-ana", "cu-borealis", 150_000, "2026-09-01", "2026-10-20", "open", "negotiation"),
  d("d-201", "rep-bo", "cu-delta", 70_000, "2026-07-03", "2026-07-30", "won"),
  d("d-202", "rep-bo", "cu-emerald", 55_000, "2026-07-15", "2026-08-28", "won"),
  d("d-203", "rep-bo", "cu-delta", 40_000, "2026-08-05", "2026-09-25", "lost", "no_decision"),
  d("d-204", "rep-bo", "cu-emerald", 90_000, "2026-09-02", "2026-11-10", "open", "proposal"),
  d("d-301", "rep-cy", "cu-fjord", 130_000, "2026-07-01", "2026-08-07", "won"),
  d("d-302", "rep-cy", "cu-granite", 110_000, "2026-07-20", "2026-09-11", "won"),
  d("d-303", "rep-cy", "cu-fjord", 45_000, "2026-08-12", "2026-09-29", "won"),
  d("d-304", "rep-cy", "cu-granite", 75_000, "2026-09-05", "2026-10-30", "open", "qualification"),
  d("d-401", "rep-dee", "cu-harbor", 35_000, "2026-07-08", "2026-08-21", "won"),
  d("d-402", "rep-dee", "cu-iris", 50_000, "2026-07-22", "2026-09-04", "lost", "competitor"),
  d("d-403", "rep-dee", "cu-harbor", 60_000, "2026-08-18", "2026-10-09", "open", "proposal"),
  d("d-404", "rep-dee", "cu-iris", 25_000, "2026-09-07", "2026-12-01", "open", "qualification"),
  d("d-501", "rep-eli", "cu-juniper", 160_000, "2026-07-02", "2026-07-28", "won"),
  d("d-502", "rep-eli", "cu-kestrel", 140_000, "2026-07-09", "2026-08-26", "won"),
  d("d-503", "rep-eli", "cu-juniper", 85_000, "2026-08-04", "2026-09-22", "won"),
  d("d-504", "rep-eli", "cu-kestrel", 70_000, "2026-09-03", "2026-10-15", "open", "negotiation"),
  d("d-601", "rep-fay", "cu-lumen", 60_000, "2026-07-07", "2026-08-12", "won"),
  d("d-602", "rep-fay", "cu-meridian", 75_000, "2026-07-16", "2026-09-16", "won"),
  d("d-603", "rep-fay", "cu-lumen", 30_000, "2026-08-06", "2026-09-08", "lost", "price"),
  d("d-604", "rep-fay", "cu-meridian", 110_000, "2026-09-01", "2026-11-20", "open", "proposal"),
  d("d-701", "rep-gus", "cu-nimbus", 45_000, "2026-07-10", "2026-08-19", "won"),
  d("d-702", "rep-gus", "cu-orchid", 65_000, "2026-07-24", "2026-09-30", "open", "negotiation"),
  d("d-703", "rep-gus", "cu-nimbus", 35_000, "2026-08-11", "2026-09-15", "lost", "competitor"),
  d("d-704", "rep-gus", "cu-orchid", 40_000, "2026-09-08", "2026-10-28", "open", "qualification"),
  d("d-801", "rep-hal", "cu-pinnacle", 85_000, "2026-07-06", "2026-07-31", "won"),
  d("d-802", "rep-hal", "cu-quasar", 70_000, "2026-07-21", "2026-09-03", "won"),
  d("d-803", "rep-hal", "cu-pinnacle", 55_000, "2026-08-13", "2026-09-24", "won"),
  d("d-804", "rep-hal", "cu-quasar", 80_000, "2026-09-04", "2026-10-22", "open", "proposal"),
];

/** The customers: every one belongs to the rep of its first deal. */
export const CUSTOMERS: readonly { customerId: string; name: string; segment: "enterprise" | "mid_market" | "smb" }[] =
  [
    { customerId: "cu-acme", name: "Acme Logistics", segment: "enterprise" },
    { customerId: "cu-borealis", name: "Borealis Foods", segment: "mid_market" },
    { customerId: "cu-cobalt", name: "Cobalt Mining", segment: "enterprise" },
    { customerId: "cu-delta", name: "Delta Textiles", segment: "mid_market" },
    { customerId: "cu-emerald", name: "Emerald Clinics", segment: "smb" },
    { customerId: "cu-fjord", name: "Fjord Shipping", segment: "enterprise" },
    { customerId: "cu-granite", name: "Granite Builders", segment: "mid_market" },
    { customerId: "cu-harbor", name: "Harbor Retail", segment: "smb" },
    { customerId: "cu-iris", name: "Iris Optics", segment: "smb" },
    { customerId: "cu-juniper", name: "Juniper Energy", segment: "enterprise" },
    { customerId: "cu-kestrel", name: "Kestrel Air", segment: "enterprise" },
    { customerId: "cu-lumen", name: "Lumen Studios", segment: "smb" },
    { customerId: "cu-meridian", name: "Meridian Bank", segment: "mid_market" },
    { customerId: "cu-nimbus", name: "Nimbus Cloudworks", segment: "smb" },
    { customerId: "cu-orchid", name: "Orchid Hotels", segment: "mid_market" },
    { customerId: "cu-pinnacle", name: "Pinnacle Farms", segment: "mid_market" },
    { customerId: "cu-quasar", name: "Quasar Labs", segment: "smb" },
  ];
