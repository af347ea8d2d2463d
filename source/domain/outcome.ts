/**
 * Whether a failed close or remove request may still have been carried out.
 * Only an AWS refusal proves it was not: an answer AWS gave with a 4xx
 * exception (ConstraintViolationException, AccessDeniedException, ...), or a
 * failure before anything was sent (no credentials, the journal not
 * writable). Anything else leaves the outcome unknown until the account's
 * state is read: the connection broke or timed out after the request may have
 * reached AWS, AWS had an internal error (5xx), or the answer could not be read.
 */
import type { ErrorInfo } from './error-codes.js';

/** Codes that prove nothing about whether the request was carried out. */
export const UNKNOWN_OUTCOME_CODES: ReadonlySet<string> = new Set([
	'NetworkError',
	'TimeoutError',
	'UnrecognizedResponse',
	'UnknownError',
	'Error',
	'ServiceException',
	'InternalFailure',
	'InternalError',
	'InternalServerError',
	'InternalServerException',
	'ServiceUnavailable',
	'ServiceUnavailableException',
	'RequestTimeout',
	'RequestTimeoutException',
]);

/** True when `error` does not prove that AWS rejected the request: it may have gone through. */
export function leavesOutcomeUnknown(error: ErrorInfo): boolean {
	if (error.outcomeUnknown !== undefined) return error.outcomeUnknown;
	return error.network === true || UNKNOWN_OUTCOME_CODES.has(error.code);
}
