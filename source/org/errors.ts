import { displayText } from '../domain/display-text.js';
import { UNKNOWN_OUTCOME_CODES } from '../domain/outcome.js';
import { redactCredentials } from '../domain/redact.js';

/**
 * One error type for both adapters: the AWS exception name (`code`) and, for
 * ConstraintViolationException, its `reason`. The domain's explain() turns it
 * into what happened, why, and what to do now. Its code, reason and message
 * may come from an AWS answer (or anything posing as one): they are made
 * display-safe here, for every screen that shows them.
 */
export class OrgError extends Error {
	readonly code: string;
	readonly reason: string | undefined;
	/** True when the request may never have reached AWS (network, DNS, timeout). */
	readonly network: boolean;
	/**
	 * True when the error does not prove the request was rejected (no answer, a 5xx, an answer that could not be
	 * read): a close or remove request may have gone through.
	 */
	readonly outcomeUnknown: boolean;

	constructor(
		code: string,
		message: string,
		options: { reason?: string; network?: boolean; outcomeUnknown?: boolean; cause?: unknown } = {},
	) {
		// Every error message of both adapters passes here: none may carry a credential or a terminal control
		// sequence to the screen or the journal.
		super(displayText(redactCredentials(message)), { cause: options.cause });
		this.name = 'OrgError';
		this.code = displayText(code);
		this.reason = options.reason === undefined ? undefined : displayText(options.reason);
		this.network = options.network ?? false;
		this.outcomeUnknown = options.outcomeUnknown ?? (this.network || UNKNOWN_OUTCOME_CODES.has(code));
	}
}

export function isOrgError(error: unknown): error is OrgError {
	return error instanceof OrgError;
}
