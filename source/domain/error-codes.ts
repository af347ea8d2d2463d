/**
 * Errors as the domain sees them: their plain shape (and the one function that
 * makes it from anything thrown), and the codes that mean the credentials, or
 * the network, are the problem.
 */
import { CREDENTIAL_PROBLEM_CODES } from './credentials.js';
import { redactCredentials } from './redact.js';

/** The shape of OrgError, without depending on the class (the domain stays free of I/O modules). */
export interface ErrorInfo {
	readonly code: string;
	readonly reason?: string | undefined;
	readonly message?: string | undefined;
	readonly network?: boolean | undefined;
	/** True when the error does not prove the request was rejected (see outcome.ts). */
	readonly outcomeUnknown?: boolean | undefined;
}

/** Codes that mean no credentials were found (the adapter's own, with or without the cause found, and the SDK's). */
export const MISSING_CREDENTIAL_CODES: ReadonlySet<string> = new Set([
	'CredentialsMissing',
	'CredentialsProviderError',
	'NoCredentials',
	...Object.values(CREDENTIAL_PROBLEM_CODES),
]);

/** Codes that mean credentials were found but refused. */
export const REFUSED_CREDENTIAL_CODES: ReadonlySet<string> = new Set([
	'ExpiredToken',
	'ExpiredTokenException',
	'InvalidClientTokenId',
	'UnrecognizedClientException',
	'InvalidSignatureException',
	'SignatureDoesNotMatch',
	'TokenRefreshRequired',
	'AuthFailure',
]);

export function isCredentialProblem(code: string): boolean {
	return MISSING_CREDENTIAL_CODES.has(code) || REFUSED_CREDENTIAL_CODES.has(code);
}

/**
 * Codes that mean no connection was made or it broke: Node's system codes, the
 * adapter's own NetworkError, and the SDK's older name for it.
 */
export const NO_CONNECTION_CODES: ReadonlySet<string> = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPIPE',
	'NetworkError',
	'NetworkingError',
]);

/** Codes that mean a connection was made but no answer came in time (system codes, the adapter's and the SDK's). */
export const TIMEOUT_CODES: ReadonlySet<string> = new Set([
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'TimeoutError',
	'RequestTimeout',
]);

/** True when the code says AWS was not reached, or did not answer in time. */
export function isNetworkCode(code: string): boolean {
	return NO_CONNECTION_CODES.has(code) || TIMEOUT_CODES.has(code);
}

/**
 * Any thrown value as the plain ErrorInfo: an OrgError (or anything with a
 * string `code`) keeps its fields; a Node error keeps its system code; any
 * other error is named by its class and, carrying no AWS answer, leaves a
 * request's outcome unknown. The message is redacted here, as the value may
 * come from outside the adapters.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
	if (typeof error !== 'object' || error === null) {
		return { code: 'Error', message: redactCredentials(String(error)), outcomeUnknown: true };
	}
	const fields = error as Partial<Record<keyof ErrorInfo | 'name', unknown>>;
	const hasCode = typeof fields.code === 'string';
	const code = hasCode ? (fields.code as string) : typeof fields.name === 'string' ? fields.name : 'Error';
	return {
		code,
		reason: typeof fields.reason === 'string' ? fields.reason : undefined,
		message: redactCredentials(typeof fields.message === 'string' ? fields.message : String(error)),
		network: typeof fields.network === 'boolean' ? fields.network : isNetworkCode(code),
		outcomeUnknown: typeof fields.outcomeUnknown === 'boolean' ? fields.outcomeUnknown : hasCode ? undefined : true,
	};
}
