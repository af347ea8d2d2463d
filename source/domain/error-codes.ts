/** AWS and SDK error codes that mean the credentials are the problem, not the request. */

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
