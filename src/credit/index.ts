// The credit area: sales credit from won deals and orders by effective-dated ownership, with revenue and overlay splits.
export {
  type CreditCommand,
  creditCommand,
  creditLineSchema,
  ownerFactSchema,
  overlaySplitSchema,
  revenueSplitSchema,
} from "./commands.ts";
export {
  type CreditedLine,
  type CreditState,
  creditDecider,
  creditStreamId,
  type HeldCredit,
} from "./creditDecider.ts";
export {
  type CreditEvent,
  type CreditSource,
  creditEvents,
  creditSourceSchema,
  SalesCreditAssigned,
} from "./events.ts";
export { type RepCreditTotals, type RepCreditsState, repCredits } from "./projections/repCredits.ts";
export {
  type OwnershipChange,
  ownerFactAt,
  type SaleOwnershipState,
  saleOwnership,
} from "./projections/saleOwnership.ts";
export { type CreditRule, creditRules, requireCreditRule, requireValidSplits } from "./rules.ts";
export { overlayPart, revenueParts, reversalParts } from "./splitMath.ts";
