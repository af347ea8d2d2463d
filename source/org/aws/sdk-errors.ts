/**
 * Every failure of an AWS SDK call becomes an OrgError. The codes it carries:
 * - the AWS exception name, unchanged (AccountNotFoundException,
 *   AccessDeniedException, AWSOrganizationsNotInUseException,
 *   TooManyRequestsException, ...); for ConstraintViolationException (and any
 *   other exception with a Reason) `reason` is AWS's Reason, e.g.
 *   CANNOT_CLOSE_MANAGEMENT_ACCOUNT;
 * - 'CredentialsMissing': the default credential chain (or the named profile)
 *   gave no usable credentials;
 * - 'NetworkError' (network: true): no answer at all: connection refused or
 *   reset, host not found, network unreachable;
 * - 'TimeoutError' (network: true): the connection or the answer took too long;
 * - 'UnrecognizedResponse': the endpoint answered with something that is not an
 *   AWS response (an emulator without the operation answers HTTP 404 or 500
 *   with an HTML page); the message carries the HTTP status;
 * - 'InvalidEndpointUrl': the endpoint given is not an http(s) URL (thrown
 *   when the clients are made, see clients.ts);
 * - 'UnknownError': anything else, with the original message.
 * `outcomeUnknown` is set on every error that does not prove AWS rejected the
 * request (network, timeout, 5xx, unrecognised or unknown answers): a close or
 * remove request may have gone through, and its outcome is settled by reading
 * the account. Messages never carry credentials (OrgError redacts them).
 */
import { NO_CONNECTION_CODES, TIMEOUT_CODES } from '../../domain/error-codes.js';
import { OrgError } from '../errors.js';

const CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError']);

interface SdkErrorShape {
	name?: string;
	message?: string;
	code?: string;
	Reason?: string;
	$metadata?: { httpStatusCode?: number; attempts?: number };
	$response?: unknown;
	errors?: unknown[];
	cause?: unknown;
}

function systemCode(error: SdkErrorShape): string | undefined {
	if (error.code) return error.code;
	// Node reports a refused dual-stack connection as an AggregateError of per-address errors.
	const first = error.errors?.[0] as SdkErrorShape | undefined;
	if (first?.code) return first.code;
	return (error.cause as SdkErrorShape | undefined)?.code;
}

/** Any SDK failure as an OrgError; `operation` names the call in the message ("Organizations.DescribeAccount"). */
export function toOrgError(error: unknown, operation: string): OrgError {
	if (error instanceof OrgError) return error;
	const shape: SdkErrorShape = typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
	const message = shape.message ?? String(error);
	const name = shape.name ?? 'Error';

	if (CREDENTIAL_ERRORS.has(name)) {
		return new OrgError('CredentialsMissing', `${operation}: no AWS credentials were found (${message})`, {
			cause: error,
		});
	}
	const code = systemCode(shape);
	if (name === 'TimeoutError' || (code && TIMEOUT_CODES.has(code))) {
		const attempts = shape.$metadata?.attempts;
		const tries = attempts && attempts > 1 ? `, ${attempts} attempts` : '';
		return new OrgError('TimeoutError', `${operation}: no answer in time${tries} (${message})`, {
			network: true,
			cause: error,
		});
	}
	if (code && NO_CONNECTION_CODES.has(code)) {
		return new OrgError('NetworkError', `${operation}: could not reach AWS (${code}: ${message})`, {
			network: true,
			cause: error,
		});
	}
	const status = shape.$metadata?.httpStatusCode;
	// The SDK could not parse the body: it did not come from an AWS service.
	if (status !== undefined && (name === 'SyntaxError' || message.includes('Deserialization error'))) {
		return new OrgError(
			'UnrecognizedResponse',
			`${operation}: the endpoint answered HTTP ${status} with a response that is not from AWS; it may not provide this operation`,
			{ cause: error },
		);
	}
	if (status !== undefined && name && name !== 'Error') {
		// A 5xx is AWS failing, not refusing: the request may have been carried out all the same.
		return new OrgError(name, `${operation}: ${message}`, {
			reason: shape.Reason,
			...(status >= 500 ? { outcomeUnknown: true } : {}),
			cause: error,
		});
	}
	return new OrgError('UnknownError', `${operation}: ${message}`, { cause: error });
}

/** Sends one SDK call; its failure becomes an OrgError naming `operation`. */
export async function callAws<T>(operation: string, send: () => Promise<T>): Promise<T> {
	try {
		return await send();
	} catch (error) {
		throw toOrgError(error, operation);
	}
}
