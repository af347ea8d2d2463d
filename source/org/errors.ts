/**
 * One error type for both adapters: the AWS exception name (`code`) and, for
 * ConstraintViolationException, its `reason`. The domain's explain() turns it
 * into what happened, why, and what to do now.
 */
export class OrgError extends Error {
	readonly code: string;
	readonly reason: string | undefined;
	/** True when the request may never have reached AWS (network, DNS, timeout). */
	readonly network: boolean;

	constructor(code: string, message: string, options: { reason?: string; network?: boolean; cause?: unknown } = {}) {
		super(message, { cause: options.cause });
		this.name = 'OrgError';
		this.code = code;
		this.reason = options.reason;
		this.network = options.network ?? false;
	}
}

export function isOrgError(error: unknown): error is OrgError {
	return error instanceof OrgError;
}
