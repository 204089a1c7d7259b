export { ConcurrencyError, isConcurrencyError } from "./ConcurrencyError.ts";
export { DomainRuleError, isDomainRuleError } from "./DomainRuleError.ts";
export { IdempotencyConflictError, isIdempotencyConflictError } from "./IdempotencyConflictError.ts";
export { isNotFoundError, NotFoundError } from "./NotFoundError.ts";
export { _hasCode, isSalesfoldError, SalesfoldError, type SalesfoldErrorCode } from "./SalesfoldError.ts";
export { formatPath, isValidationError, ValidationError, type ValidationIssue } from "./ValidationError.ts";
export { _zodIssues } from "./zodIssues.ts";
