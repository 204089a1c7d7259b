// Incentive projections: the ledger statements are calculated from, liability, disputes, payouts, recognition.
export { type AccruedLiability, accruedLiability } from "./accruedLiability.ts";
export {
  type CreditLeaderboardState,
  type CreditMetric,
  creditLeaderboard,
  leaderboardFor,
} from "./creditLeaderboard.ts";
export { type DisputeQueueState, disputeQueue, type QueuedDispute } from "./disputeQueue.ts";
export {
  type IncentiveLedgerState,
  incentiveLedger,
  type LedgerAssignment,
  type LedgerCredit,
  type LockedStatement,
} from "./incentiveLedger.ts";
export { type Payout, type PayoutHistoryState, payoutHistory } from "./payoutHistory.ts";
export { type RecognitionBoardState, recognitionBoard } from "./recognitionBoard.ts";
export { assignedReps, type RepStatementView, statementFor } from "./repStatements.ts";
