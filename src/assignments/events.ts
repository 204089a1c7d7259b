import { z } from "zod";
import { defineEvent, instantSchema } from "../core/index.ts";

/**
 * A customer account got an owner from an instant on (effective-dated). The previous owner's period ends at that
 * instant, so at every instant an account has exactly one owner, and the full history of reassignments is kept.
 *
 * @example
 * ```ts
 * const e = { type: "AccountOwnerAssigned", data: { customerId: "cu-1", repId: "rep-ana", effectiveFrom: "2026-07-01T00:00:00.000Z", reason: "territory_rebalance" } };
 * ```
 */
export const AccountOwnerAssigned = /* @__PURE__ */ defineEvent(
  "AccountOwnerAssigned",
  z.strictObject({
    customerId: z.string().min(1),
    repId: z.string().min(1),
    effectiveFrom: instantSchema,
    reason: z.string().min(1).max(500).optional(),
  }),
);
