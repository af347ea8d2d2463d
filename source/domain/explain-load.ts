/**
 * Why the organization could not be loaded, and what to do next: one clear
 * message per case (standalone account, access denied, no credentials,
 * network), for the screen's error panel and for `list --json`'s one line.
 */

import { CREDENTIAL_PROBLEM_CODES, credentialProblemSteps, isExpiredCredentials } from './credentials.js';
import {
	isNetworkCode,
	MISSING_CREDENTIAL_CODES,
	REFUSED_CREDENTIAL_CODES,
	TIMEOUT_CODES,
	toErrorInfo,
} from './error-codes.js';

/** The gateway calls the dashboard makes while loading (OrgGateway's method names). */
export type LoadOperation = 'describeOrganization' | 'callerIdentity' | 'listAccounts' | 'accountQuota';

export interface LoadFailure {
	readonly operation: LoadOperation;
	readonly error: unknown;
}

export type FailureKind =
	| 'no-organization'
	| 'access-denied'
	| 'no-credentials'
	| 'network'
	| 'timeout'
	| 'throttled'
	| 'other';

export interface FailureMessage {
	readonly kind: FailureKind;
	readonly title: string;
	/** What it means. */
	readonly explanation: readonly string[];
	/** What to do next. */
	readonly next: readonly string[];
	/** The raw code as AWS or the SDK gave it, always shown so nothing is hidden. */
	readonly code: string;
}

/** The IAM action each load step needs, for "which permission is missing". */
export const REQUIRED_PERMISSION: Record<LoadOperation, string> = {
	describeOrganization: 'organizations:DescribeOrganization',
	listAccounts: 'organizations:ListAccounts',
	callerIdentity: 'sts:GetCallerIdentity',
	accountQuota: 'servicequotas:ListServiceQuotas',
};

/** The IAM action named in AWS's message ("... is not authorized to perform: organizations:ListAccounts ..."). */
export function permissionInMessage(message: string): string | undefined {
	return /perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
}

const CREDENTIAL_STEPS = [
	'Choose a profile: set AWS_PROFILE, or pass --profile NAME (and --region if the profile has none).',
	'Create or refresh credentials: aws configure (access keys), or aws sso login --profile NAME (IAM Identity Center).',
	'To look around without AWS: orgdash --demo (an in-memory organization).',
];

/** `screen`: the dashboard (r retries, loaded rows stay); `command`: a one-shot command such as list --json. */
export type FailureContext = 'screen' | 'command';

/** Titles of the credential failures whose cause the adapter found; `reason` is the profile. */
const CREDENTIAL_PROBLEM_TITLES: Record<string, (profile: string) => string> = {
	[CREDENTIAL_PROBLEM_CODES['profile-not-found']]: (profile) => `Profile ${profile} is not in the AWS config files`,
	[CREDENTIAL_PROBLEM_CODES['sso-login']]: (profile) => `Profile ${profile} needs an SSO sign-in`,
	[CREDENTIAL_PROBLEM_CODES['process-failed']]: (profile) => `The credential_process of profile ${profile} failed`,
	[CREDENTIAL_PROBLEM_CODES['profile-without-credentials']]: (profile) => `Profile ${profile} has no credentials`,
	[CREDENTIAL_PROBLEM_CODES['source-failed']]: (profile) => `Profile ${profile} could not get credentials`,
};

/** The first letter in capitals, for a message used as a sentence. */
function sentence(text: string): string {
	return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}` : text;
}

export function describeLoadFailure(failure: LoadFailure, context: FailureContext = 'screen'): FailureMessage {
	const { code, message = '', network, reason } = toErrorInfo(failure.error);
	const onScreen = context === 'screen';
	const retry = onScreen ? 'press r to retry' : 'run the command again';
	const retryAgain = onScreen ? 'Press r to retry' : 'Run the command again';
	if (TIMEOUT_CODES.has(code)) {
		return {
			kind: 'timeout',
			title: 'AWS did not answer in time',
			explanation: [
				// The message names the call and the attempts: "Organizations.DescribeOrganization: no answer in time, 5 attempts (...)".
				`${message || code}.`,
				'The endpoint took the request but sent no answer before each attempt timed out; orgdash gave up instead of waiting forever.',
				...(onScreen ? ['Accounts loaded before it are still shown; the list may be incomplete.'] : []),
			],
			next: [
				`Check the connection (a proxy or VPN, and --endpoint-url / AWS_ENDPOINT_URL if you set one), then ${retry}.`,
			],
			code,
		};
	}
	if (network || isNetworkCode(code)) {
		return {
			kind: 'network',
			title: 'Could not reach AWS',
			explanation: [
				`The network failed while orgdash was loading (${message || code}).`,
				...(onScreen ? ['Accounts loaded before the failure are still shown; the list may be incomplete.'] : []),
			],
			next: [`Check the connection (and --endpoint-url / AWS_ENDPOINT_URL if you set one), then ${retry}.`],
			code,
		};
	}
	if (code === 'AWSOrganizationsNotInUseException') {
		return {
			kind: 'no-organization',
			title: 'This is a standalone account: it is not in an organization',
			explanation: [
				'AWS Organizations is not in use for the signed-in account, so there are no member accounts to list, close or remove.',
				'A standalone account pays its own bills and counts toward no organization quota.',
				'No API closes a standalone account: its root user closes it in the Billing and Cost Management console (Account settings, Close Account).',
			],
			next: [
				'To manage an organization, sign in to its management account (AWS_PROFILE or --profile NAME).',
				'To look around without AWS: orgdash --demo.',
			],
			code,
		};
	}
	if (code === 'AccessDeniedException' || code === 'AccessDenied') {
		const permission = permissionInMessage(message) ?? REQUIRED_PERMISSION[failure.operation];
		const explanation = [`The signed-in identity is not allowed ${permission}.`];
		if (failure.operation === 'listAccounts' || failure.operation === 'describeOrganization') {
			explanation.push(
				'Only the management account, or a member registered as delegated administrator for AWS Organizations, can read the whole organization; a service control policy can also deny it.',
			);
		}
		if (message) explanation.push(`AWS said: ${message}`);
		return {
			kind: 'access-denied',
			title: `Access denied: ${permission} is missing`,
			explanation,
			next: [
				`Sign in with a role in the management account whose policy allows ${permission} (for the OU paths also organizations:ListRoots, ListOrganizationalUnitsForParent and ListAccountsForParent).`,
				`Then ${retry}.`,
			],
			code,
		};
	}
	const credentialTitle = CREDENTIAL_PROBLEM_TITLES[code];
	if (credentialTitle) {
		const profile = reason ?? 'NAME';
		return {
			kind: 'no-credentials',
			title: credentialTitle(profile),
			explanation: [sentence(message)],
			next: [...(credentialProblemSteps(code, reason) ?? []), 'To look around without AWS: orgdash --demo.'],
			code,
		};
	}
	if (MISSING_CREDENTIAL_CODES.has(code)) {
		return {
			kind: 'no-credentials',
			title: 'No AWS credentials found',
			explanation: [
				'orgdash looked through the usual places (environment, profile files, SSO, instance role) and found none.',
			],
			next: CREDENTIAL_STEPS,
			code,
		};
	}
	if (isExpiredCredentials(code)) {
		return {
			kind: 'no-credentials',
			title: 'The AWS credentials have expired',
			explanation: [`AWS refused the temporary credentials as expired (${message || code}).`],
			next: [
				'Get fresh ones: aws sso login --profile NAME for an SSO profile; for keys in the environment, export new ones (a role assumed by a profile is renewed on the next try).',
				`Then ${retry}.`,
			],
			code,
		};
	}
	if (REFUSED_CREDENTIAL_CODES.has(code)) {
		return {
			kind: 'no-credentials',
			title: 'The AWS credentials were refused',
			explanation: [`They are expired or not valid (${message || code}).`],
			next: CREDENTIAL_STEPS,
			code,
		};
	}
	if (code === 'TooManyRequestsException' || code === 'ThrottlingException') {
		return {
			kind: 'throttled',
			title: 'AWS is throttling the requests',
			explanation: [
				'The Organizations API refused further calls for now, even after retries (other tools using this organization count too).',
				...(onScreen ? ['Accounts loaded before it are still shown.'] : []),
			],
			next: [`Wait a minute, then ${retry}.`],
			code,
		};
	}
	return {
		kind: 'other',
		title: `Loading failed: ${code}`,
		explanation: [message ? `AWS said: ${message}` : 'AWS gave no message.'],
		next: [`${retryAgain}; if it persists, look the code up in the AWS Organizations documentation.`],
		code,
	};
}

/** The same message on one line, for stderr when there is no screen. */
export function oneLine(message: FailureMessage): string {
	return [`orgdash: ${message.title}.`, ...message.explanation, ...message.next].join(' ');
}
