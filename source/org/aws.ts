/**
 * The AWS adapter: OrgGateway over the AWS SDK v3, against AWS or any endpoint
 * that speaks its protocol (moto, LocalStack).
 *
 * Every failure becomes an OrgError. The codes it carries:
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
 * - 'InvalidEndpointUrl': the --endpoint-url / AWS_ENDPOINT_URL is not a URL
 *   (thrown by createAwsGateway itself);
 * - 'UnknownError': anything else, with the original message.
 * `outcomeUnknown` is set on every error that does not prove AWS rejected the
 * request (network, timeout, 5xx, unrecognised or unknown answers): a close or
 * remove request may have gone through, and its outcome is settled by reading
 * the account. Messages never carry credentials (OrgError redacts them).
 * A cancelled call (AbortSignal) rejects with the signal's reason instead.
 *
 * CloseAccount and RemoveAccountFromOrganization are sent exactly once, never
 * retried by the SDK: one confirmation, one request.
 */

import {
	AccountClient,
	type AlternateContactType,
	GetAlternateContactCommand,
	GetGovCloudAccountInformationCommand,
	GetPrimaryEmailCommand,
	paginateListRegions,
} from '@aws-sdk/client-account';
import {
	CloseAccountCommand,
	DescribeAccountCommand,
	DescribeOrganizationalUnitCommand,
	DescribeOrganizationCommand,
	ListParentsCommand,
	ListRootsCommand,
	OrganizationsClient,
	RemoveAccountFromOrganizationCommand,
	type Account as SdkAccount,
} from '@aws-sdk/client-organizations';
import {
	GetAWSDefaultServiceQuotaCommand,
	GetServiceQuotaCommand,
	ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { type Account, type CallerIdentity, type Organization, originalText } from '../domain/account.js';
import { displayText } from '../domain/display-text.js';
import { type AccountFacts, type AlternateContact, displayFacts, type Fact } from '../domain/facts.js';
import type { QuotaLookup } from '../domain/quota.js';
import { ACCOUNT_QUOTA_CODE } from '../domain/quota.js';
import { OrgError } from './errors.js';
import type { ListAccountsOptions, OrgGateway } from './gateway.js';
import { DEFAULT_CONCURRENCY, loadAccounts, toAccount } from './loader.js';

export interface AwsGatewayOptions {
	/** A profile of the shared AWS config; the default chain (AWS_PROFILE, env, SSO, IMDS, ...) otherwise. */
	readonly profile?: string;
	/** Defaults to AWS_REGION, AWS_DEFAULT_REGION, then us-east-1 (Organizations is a global service). */
	readonly region?: string;
	/** Send every request here (moto, LocalStack); defaults to AWS_ENDPOINT_URL. */
	readonly endpointUrl?: string;
	/** Requests in flight while listing accounts. */
	readonly concurrency?: number;
	/** Shorter time-outs (tests); the defaults below otherwise. */
	readonly timeouts?: Partial<RequestTimeouts>;
}

export interface RequestTimeouts {
	/** Milliseconds to open the connection (TCP and TLS). */
	readonly connectionMs: number;
	/** Milliseconds for one attempt, from sending the request to the whole answer; the attempt is then abandoned. */
	readonly requestMs: number;
}

/** Adaptive mode paces requests client-side after throttling; five attempts ride out a burst of it. */
const MAX_ATTEMPTS = 5;
/** Service Quotas is a nicety: a few attempts, then fall back to the next source of the limit. */
const QUOTA_MAX_ATTEMPTS = 3;
/** The account quota lives in us-east-1 for Organizations, whatever the region used otherwise. */
const QUOTA_REGION = 'us-east-1';
/**
 * Time-outs. Organizations, STS, Account and Service Quotas answer in well
 * under a second; an attempt that has had no answer after 10 s is not coming
 * back (an endpoint that accepts the connection and never answers would
 * otherwise hold the call forever: the SDK only warns unless told to throw).
 * A timed-out attempt is retried like any transient failure, so a call gives
 * up after at most attempts x 10 s plus the backoff between them: about 50 s
 * for the reads (5 attempts, kept for throttling), about 30 s for the quota
 * lookup (3, side by side with the reads), 10 s for CloseAccount and
 * RemoveAccountFromOrganization (sent once; an unknown outcome is settled
 * from the journal). Shorter per-attempt figures would cut off a slow but
 * working link; fewer attempts would give up on throttling too early.
 */
export const DEFAULT_TIMEOUTS: RequestTimeouts = { connectionMs: 5_000, requestMs: 10_000 };

const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPIPE',
	'ECONNABORTED',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError']);

interface SdkErrorShape {
	name?: string;
	message?: string;
	code?: string;
	Reason?: string;
	$metadata?: { httpStatusCode?: number };
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
		const attempts = (shape.$metadata as { attempts?: number } | undefined)?.attempts;
		const tries = attempts && attempts > 1 ? `, ${attempts} attempts` : '';
		return new OrgError('TimeoutError', `${operation}: no answer in time${tries} (${message})`, {
			network: true,
			cause: error,
		});
	}
	if (code && NETWORK_CODES.has(code)) {
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

function resolveEndpoint(endpointUrl: string | undefined): string | undefined {
	const endpoint = endpointUrl || process.env.AWS_ENDPOINT_URL || undefined;
	if (endpoint === undefined) return undefined;
	try {
		const url = new URL(endpoint);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
	} catch {
		throw new OrgError(
			'InvalidEndpointUrl',
			`The endpoint URL "${endpoint}" is not an http(s) URL; use for example --endpoint-url http://127.0.0.1:5000`,
		);
	}
	return endpoint;
}

function factFrom<T>(result: PromiseSettledResult<T>, describe: (error: OrgError) => string): Fact<T> {
	return result.status === 'fulfilled'
		? { known: true, value: result.value }
		: { known: false, reason: describe(result.reason as OrgError) };
}

/** Why a call gave nothing, in words a user can act on; `action` is the IAM action ("account:ListRegions"). */
function whyUnknown(action: string, error: OrgError): string {
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

const CONTACT_TYPES: readonly AlternateContact['type'][] = ['BILLING', 'OPERATIONS', 'SECURITY'];

export function createAwsGateway(options: AwsGatewayOptions = {}): OrgGateway {
	const region = options.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
	const endpoint = resolveEndpoint(options.endpointUrl);
	const profile = options.profile || undefined;
	// The SDK warns on stderr that its 2027 releases will need Node 22; orgdash pins its SDK and supports Node 20,
	// and a warning printed over the dashboard would only garble it.
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
	const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
	const requestHandler = {
		connectionTimeout: timeouts.connectionMs,
		requestTimeout: timeouts.requestMs,
		// Without this the SDK only logs that the time-out passed and keeps waiting.
		throwOnRequestTimeout: true,
		// An answer whose body stalls half-way: the socket's idle time ends it too.
		socketTimeout: timeouts.requestMs,
	};
	// The credential chain's own calls (SSO, assume-role) get the same time-outs.
	const credentials = fromNodeProviderChain({ ...(profile ? { profile } : {}), clientConfig: { requestHandler } });
	const common = {
		region,
		credentials,
		retryMode: 'adaptive',
		maxAttempts: MAX_ATTEMPTS,
		requestHandler,
		...(endpoint ? { endpoint } : {}),
	} as const;
	const organizations = new OrganizationsClient(common);
	// The account listing paces itself: it bounds the requests in flight and halves them when throttling gets
	// through. Adaptive mode's client-side limiter would add a second brake on top: after a few throttled answers
	// it drops the whole client to a fraction of a request a second and climbs back slowly, which made a
	// 10,000-account load with 10% of answers throttled take minutes. Standard mode still retries each throttled
	// request with exponential backoff and jitter.
	const listing = new OrganizationsClient({ ...common, retryMode: 'standard' });
	// One request per confirmed action: a retry after a lost answer could send a closure or removal twice.
	const destructive = new OrganizationsClient({ ...common, maxAttempts: 1 });
	const accountApi = new AccountClient(common);
	const quotas = new ServiceQuotasClient({ ...common, region: QUOTA_REGION, maxAttempts: QUOTA_MAX_ATTEMPTS });
	const sts = new STSClient(common);

	const rootNames = new Map<string, string>();
	/**
	 * "Root/Workloads/Prod" by root or OU id: from the last listing, or found
	 * with ListParents and DescribeOrganizationalUnit. OUs never move (no API
	 * moves one); a listing refreshes the paths, so a renamed OU shows its new name.
	 */
	const parentPaths = new Map<string, Promise<string>>();

	async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
		try {
			return await send();
		} catch (error) {
			throw toOrgError(error, operation);
		}
	}

	async function rootName(rootId: string): Promise<string> {
		if (!rootNames.has(rootId)) {
			const roots = await call('Organizations.ListRoots', () => organizations.send(new ListRootsCommand({})));
			for (const root of roots.Roots ?? []) if (root.Id) rootNames.set(root.Id, root.Name ?? 'Root');
		}
		return rootNames.get(rootId) ?? 'Root';
	}

	async function ouName(ouId: string): Promise<string> {
		const result = await call('Organizations.DescribeOrganizationalUnit', () =>
			organizations.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ouId })),
		);
		return result.OrganizationalUnit?.Name ?? ouId;
	}

	async function parentOf(childId: string): Promise<{ id: string; type: string }> {
		const result = await call('Organizations.ListParents', () =>
			organizations.send(new ListParentsCommand({ ChildId: childId })),
		);
		const parent = result.Parents?.[0];
		if (!parent?.Id) throw new OrgError('UnknownError', `Organizations.ListParents gave no parent for ${childId}`);
		return { id: parent.Id, type: parent.Type ?? 'ROOT' };
	}

	/** The path of a root or OU, walking ListParents up to the root. */
	function pathOf(parent: { id: string; type: string }): Promise<string> {
		let path = parentPaths.get(parent.id);
		if (!path) {
			path =
				parent.type === 'ROOT'
					? rootName(parent.id)
					: Promise.all([ouName(parent.id), parentOf(parent.id).then(pathOf)]).then(
							([name, above]) => `${above}/${name}`,
						);
			path.catch(() => parentPaths.delete(parent.id));
			parentPaths.set(parent.id, path);
		}
		return path;
	}

	function rememberPaths(accounts: readonly Account[]): void {
		for (const account of accounts) {
			// The path as AWS names it: toAccount escapes it again for display.
			if (account.parentId) parentPaths.set(account.parentId, Promise.resolve(originalText(account).parentPath));
		}
	}

	function contactsOf(
		accountId: string | undefined,
	): Promise<Record<AlternateContact['type'], AlternateContact | null>> {
		return Promise.all(
			CONTACT_TYPES.map(async (type): Promise<AlternateContact | null> => {
				try {
					const { AlternateContact: contact } = await accountApi.send(
						new GetAlternateContactCommand({
							AccountId: accountId,
							AlternateContactType: type as AlternateContactType,
						}),
					);
					return {
						type,
						name: contact?.Name ?? '',
						email: contact?.EmailAddress ?? '',
						phone: contact?.PhoneNumber ?? '',
						title: contact?.Title ?? '',
					};
				} catch (error) {
					// AWS's answer for "no contact of this type is set".
					if ((error as Error).name === 'ResourceNotFoundException') return null;
					throw toOrgError(error, 'Account.GetAlternateContact');
				}
			}),
		).then(([billing, operations, security]) => ({
			BILLING: billing ?? null,
			OPERATIONS: operations ?? null,
			SECURITY: security ?? null,
		}));
	}

	async function enabledRegions(accountId: string | undefined): Promise<string[]> {
		const names: string[] = [];
		try {
			for await (const page of paginateListRegions(
				{ client: accountApi },
				{ AccountId: accountId, RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'] },
			)) {
				for (const region of page.Regions ?? []) if (region.RegionName) names.push(region.RegionName);
			}
		} catch (error) {
			throw toOrgError(error, 'Account.ListRegions');
		}
		return names.sort();
	}

	async function primaryEmail(accountId: string, isManagement: boolean): Promise<string> {
		if (isManagement) {
			// GetPrimaryEmail cannot address the management account; the organization names its root email.
			const organization = await gateway.describeOrganization();
			if (!organization.managementAccountEmail) {
				throw new OrgError('UnknownError', 'DescribeOrganization gave no management account email');
			}
			return organization.managementAccountEmail;
		}
		const result = await call('Account.GetPrimaryEmail', () =>
			accountApi.send(new GetPrimaryEmailCommand({ AccountId: accountId })),
		);
		if (!result.PrimaryEmail) throw new OrgError('UnknownError', 'GetPrimaryEmail gave no address');
		return result.PrimaryEmail;
	}

	async function linkedGovCloud(accountId: string | undefined): Promise<string | null> {
		try {
			const result = await accountApi.send(new GetGovCloudAccountInformationCommand({ StandardAccountId: accountId }));
			return result.GovCloudAccountId ?? null;
		} catch (error) {
			// AWS's answer when no GovCloud account is linked to this one.
			if ((error as Error).name === 'ResourceNotFoundException') return null;
			throw toOrgError(error, 'Account.GetGovCloudAccountInformation');
		}
	}

	const gateway: OrgGateway = {
		kind: 'aws',
		sourceKey: `aws:profile=${profile ?? process.env.AWS_PROFILE ?? 'default'}:region=${region}:endpoint=${endpoint ?? 'aws'}`,

		async describeOrganization(): Promise<Organization> {
			const { Organization: org } = await call('Organizations.DescribeOrganization', () =>
				organizations.send(new DescribeOrganizationCommand({})),
			);
			if (!org?.Id || !org.MasterAccountId) {
				throw new OrgError('UnknownError', 'Organizations.DescribeOrganization gave no organization id');
			}
			return {
				id: displayText(org.Id),
				managementAccountId: displayText(org.MasterAccountId),
				...(org.MasterAccountEmail ? { managementAccountEmail: displayText(org.MasterAccountEmail) } : {}),
				featureSet: org.FeatureSet === 'CONSOLIDATED_BILLING' ? 'CONSOLIDATED_BILLING' : 'ALL',
			};
		},

		async callerIdentity(): Promise<CallerIdentity> {
			const identity = await call('STS.GetCallerIdentity', () => sts.send(new GetCallerIdentityCommand({})));
			return { accountId: displayText(identity.Account ?? ''), arn: displayText(identity.Arn ?? '') };
		},

		async listAccounts(listOptions: ListAccountsOptions = {}): Promise<Account[]> {
			parentPaths.clear();
			const { onAccounts } = listOptions;
			try {
				return await loadAccounts(listing, {
					...listOptions,
					concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
					onAccounts: (accounts) => {
						rememberPaths(accounts);
						onAccounts?.(accounts);
					},
				});
			} catch (error) {
				if (listOptions.signal?.aborted) throw listOptions.signal.reason;
				throw toOrgError(error, 'Organizations (listing accounts)');
			}
		},

		async describeAccount(accountId: string): Promise<Account> {
			const [described, parent] = await Promise.all([
				call('Organizations.DescribeAccount', () =>
					organizations.send(new DescribeAccountCommand({ AccountId: accountId })),
				),
				parentOf(accountId),
			]);
			const raw: SdkAccount | undefined = described.Account;
			if (!raw?.Id) throw new OrgError('AccountNotFoundException', `No account ${accountId} in the organization`);
			return toAccount(raw, parent.id, await pathOf(parent));
		},

		async accountQuota(): Promise<QuotaLookup> {
			const input = { ServiceCode: 'organizations', QuotaCode: ACCOUNT_QUOTA_CODE };
			const [applied, awsDefault] = await Promise.allSettled([
				call('ServiceQuotas.GetServiceQuota', () => quotas.send(new GetServiceQuotaCommand(input))),
				call('ServiceQuotas.GetAWSDefaultServiceQuota', () => quotas.send(new GetAWSDefaultServiceQuotaCommand(input))),
			]);
			const appliedValue = applied.status === 'fulfilled' ? applied.value.Quota?.Value : undefined;
			const defaultValue = awsDefault.status === 'fulfilled' ? awsDefault.value.Quota?.Value : undefined;
			const lookup: { applied?: number; awsDefault?: number; unavailableReason?: string } = {};
			if (appliedValue !== undefined) lookup.applied = appliedValue;
			if (defaultValue !== undefined) lookup.awsDefault = defaultValue;
			if (appliedValue === undefined && defaultValue === undefined) {
				const why = (result: PromiseSettledResult<unknown>) =>
					result.status === 'rejected'
						? `${(result.reason as OrgError).code}: ${(result.reason as OrgError).message}`
						: 'no value in the answer';
				lookup.unavailableReason = `Service Quotas gave no value for organizations/${ACCOUNT_QUOTA_CODE}. GetServiceQuota: ${why(applied)}. GetAWSDefaultServiceQuota: ${why(awsDefault)}.`;
			}
			return lookup;
		},

		async accountFacts(accountId: string, isManagement: boolean): Promise<AccountFacts> {
			// The Account API addresses the caller's own (management) account by omitting AccountId.
			const target = isManagement ? undefined : accountId;
			const [regions, email, contacts, govCloud] = await Promise.allSettled([
				enabledRegions(target),
				primaryEmail(accountId, isManagement),
				contactsOf(target),
				linkedGovCloud(target),
			]);
			return displayFacts({
				enabledRegions: factFrom(regions, (error) => whyUnknown('account:ListRegions', error)),
				primaryEmail: factFrom(email, (error) =>
					whyUnknown(isManagement ? 'organizations:DescribeOrganization' : 'account:GetPrimaryEmail', error),
				),
				alternateContacts: factFrom(contacts, (error) => whyUnknown('account:GetAlternateContact', error)),
				govCloudAccountId: factFrom(govCloud, (error) => whyUnknown('account:GetGovCloudAccountInformation', error)),
			});
		},

		async closeAccount(accountId: string): Promise<void> {
			await call('Organizations.CloseAccount', () =>
				destructive.send(new CloseAccountCommand({ AccountId: accountId })),
			);
		},

		async removeAccount(accountId: string): Promise<void> {
			await call('Organizations.RemoveAccountFromOrganization', () =>
				destructive.send(new RemoveAccountFromOrganizationCommand({ AccountId: accountId })),
			);
		},
	};
	return gateway;
}
