/** Errors as the domain sees them: their plain shape, and the codes that mean the credentials are the problem. */

/** The shape of OrgError, without depending on the class (the domain stays free of I/O modules). */
export interface ErrorInfo {
	readonly code: string;
	readonly reason?: string | undefined;
	readonly message?: string | undefined;
	readonly network?: boolean | undefined;
	/** True when the error does not prove the request was rejected (see outcome.ts). */
	readonly outcomeUnknown?: boolean | undefined;
}

/** Codes that mean no credentials were found (the adapter's own, and the SDK's). */
export const MISSING_CREDENTIAL_CODES: ReadonlySet<string> = new Set([
	'CredentialsMissing',
	'CredentialsProviderError',
	'NoCredentials',
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
