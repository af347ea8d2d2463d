/** Why a fact about an account (from the Account Management API) is not known, in words a user can act on. */
import type { ErrorInfo } from './error-codes.js';

/** `action` is the IAM action the call needs ("account:ListRegions"). */
export function whyFactUnknown(action: string, error: ErrorInfo): string {
	switch (error.code) {
		case 'AccessDeniedException':
			return action.startsWith('account:')
				? `Access denied to ${action}. For a member account the organization needs trusted access for account.amazonaws.com, and the caller the ${action} permission.`
				: `Access denied to ${action}: the caller needs the ${action} permission.`;
		case 'UnrecognizedResponse':
			return `This endpoint does not provide ${action} (it answered with something that is not an AWS response).`;
		case 'CredentialsMissing':
			return 'No AWS credentials were found.';
		default:
			return error.network
				? `Could not reach AWS for ${action}: ${error.message}`
				: `${action} failed: ${error.code}: ${error.message}`;
	}
}
