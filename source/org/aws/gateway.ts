/**
 * The AWS adapter: OrgGateway over the AWS SDK v3, against AWS or any endpoint
 * that speaks its protocol (moto, LocalStack). Every failure is an OrgError
 * (see sdk-errors.ts for its codes); a cancelled call (AbortSignal) rejects
 * with the signal's reason instead.
 *
 * CloseAccount and RemoveAccountFromOrganization are sent exactly once, never
 * retried by the SDK: one confirmation, one request (see clients.ts).
 */
import {
	CloseAccountCommand,
	DescribeAccountCommand,
	DescribeOrganizationCommand,
	ListHandshakesForOrganizationCommand,
	RemoveAccountFromOrganizationCommand,
	type Account as SdkAccount,
} from '@aws-sdk/client-organizations';
import { GetAWSDefaultServiceQuotaCommand, ListServiceQuotasCommand } from '@aws-sdk/client-service-quotas';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Account, CallerIdentity, Organization } from '../../domain/account.js';
import { displayText } from '../../domain/display-text.js';
import type { ListedQuota, PendingInvitations, QuotaLookup } from '../../domain/quota.js';
import { ACCOUNT_QUOTA_CODES, countPendingInvitations, findAccountQuota } from '../../domain/quota.js';
import { OrgError } from '../errors.js';
import type { CallTarget, ListAccountsOptions, OrgGateway } from '../gateway.js';
import { createAccountFacts } from './account-facts.js';
import {
	createClients,
	DEFAULT_TIMEOUTS,
	type RequestTimeouts,
	serviceEndpoint,
	sharedClientConfig,
} from './clients.js';
import { createImpactReader } from './impact.js';
import { DEFAULT_CONCURRENCY, loadAccounts, toAccount } from './loader.js';
import { createParentPaths } from './parent-paths.js';
import { resolveTarget, type ServiceName } from './profiles.js';
import { createQuarantineCalls } from './quarantine.js';
import { createRootAccessFeatures } from './root-access.js';
import { callAws, toOrgError } from './sdk-errors.js';
import { awsSourceKey, callTarget } from './target.js';

/** Plain values: the command line resolves them from its flags and the environment (cli-options.ts). */
export interface AwsGatewayOptions {
	/** A profile of the shared AWS config; the default credential chain otherwise. */
	readonly profile?: string | undefined;
	/** us-east-1 when not given (openAwsGateway reads the profile's first). */
	readonly region?: string | undefined;
	/** Send every request here (moto, LocalStack); AWS's own endpoints otherwise. */
	readonly endpointUrl?: string | undefined;
	/** Each service's endpoint from the profile or the environment, when endpointUrl is not given. */
	readonly serviceEndpoints?: Partial<Record<ServiceName, string>> | undefined;
	/** Requests in flight while listing accounts. */
	readonly concurrency?: number;
	/** Shorter time-outs (tests); DEFAULT_TIMEOUTS otherwise. */
	readonly timeouts?: Partial<RequestTimeouts>;
}

/**
 * The adapter for a profile as the AWS CLI reads it: `--region` (or
 * AWS_REGION) above the profile's region, the profile's endpoint_url and
 * services endpoints unless an endpoint URL is given. Reads the profile files
 * once; no AWS call.
 */
export async function openAwsGateway(options: AwsGatewayOptions = {}): Promise<OrgGateway> {
	const resolved = await resolveTarget(options);
	return createAwsGateway({ ...options, region: resolved.region, serviceEndpoints: resolved.serviceEndpoints });
}

/** The adapter from values already resolved (tests give them directly); see openAwsGateway. */
export function createAwsGateway(options: AwsGatewayOptions = {}): OrgGateway {
	const target: CallTarget = callTarget(options);
	const { profile, region } = target;
	const endpointUrl = options.endpointUrl || undefined;
	const settings = {
		profile,
		region,
		endpointUrl,
		serviceEndpoints: options.serviceEndpoints,
		timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
	};
	const shared = sharedClientConfig(settings);
	const clients = createClients(settings, shared);
	const { organizations, listing, destructive, quotas, sts } = clients;
	const parentPaths = createParentPaths(organizations);
	const impact = createImpactReader(organizations, (service) => ({ ...shared, ...serviceEndpoint(settings, service) }));
	const accountFacts = createAccountFacts(
		clients.account,
		async () => (await gateway.describeOrganization()).managementAccountEmail,
	);

	const gateway: OrgGateway = {
		kind: 'aws',
		sourceKey: awsSourceKey(target),
		target,

		async describeOrganization(): Promise<Organization> {
			const { Organization: org } = await callAws('Organizations.DescribeOrganization', () =>
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
			const identity = await callAws('STS.GetCallerIdentity', () => sts.send(new GetCallerIdentityCommand({})));
			return { accountId: displayText(identity.Account ?? ''), arn: displayText(identity.Arn ?? '') };
		},

		async listAccounts(listOptions: ListAccountsOptions = {}): Promise<Account[]> {
			parentPaths.clear();
			impact.clear();
			const { onAccounts } = listOptions;
			try {
				return await loadAccounts(listing, {
					...listOptions,
					concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
					onAccounts: (accounts) => {
						parentPaths.remember(accounts);
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
				callAws('Organizations.DescribeAccount', () =>
					organizations.send(new DescribeAccountCommand({ AccountId: accountId })),
				),
				parentPaths.parentOf(accountId),
			]);
			const raw: SdkAccount | undefined = described.Account;
			if (!raw?.Id) throw new OrgError('AccountNotFoundException', `No account ${accountId} in the organization`);
			return toAccount(raw, parent.id, await parentPaths.pathOf(parent));
		},

		async accountQuota(): Promise<QuotaLookup> {
			// AWS says quota codes may change: the quota is found among those listed, by code or by name.
			const listQuotas = async (): Promise<ListedQuota[]> => {
				const listed: ListedQuota[] = [];
				let nextToken: string | undefined;
				do {
					const page = await callAws('ServiceQuotas.ListServiceQuotas', () =>
						quotas.send(
							new ListServiceQuotasCommand({ ServiceCode: 'organizations', MaxResults: 100, NextToken: nextToken }),
						),
					);
					for (const quota of page.Quotas ?? []) {
						listed.push({ code: quota.QuotaCode, name: quota.QuotaName, value: quota.Value });
					}
					nextToken = page.NextToken;
				} while (nextToken);
				return listed;
			};
			// The AWS default under each known code in turn, until one answers.
			const awsDefaultOf = async (): Promise<{ value: number | undefined; code: string }> => {
				const failures: OrgError[] = [];
				for (const code of ACCOUNT_QUOTA_CODES) {
					try {
						const answer = await callAws('ServiceQuotas.GetAWSDefaultServiceQuota', () =>
							quotas.send(new GetAWSDefaultServiceQuotaCommand({ ServiceCode: 'organizations', QuotaCode: code })),
						);
						return { value: answer.Quota?.Value, code: answer.Quota?.QuotaCode ?? code };
					} catch (error) {
						const failure = toOrgError(error, 'ServiceQuotas.GetAWSDefaultServiceQuota');
						failures.push(failure);
						// Only an unknown code is worth trying the next one for; anything else would fail the same way.
						if (failure.code !== 'NoSuchResourceException') break;
					}
				}
				const [first] = failures;
				throw new OrgError(
					first?.code ?? 'UnknownError',
					failures
						.map((failure, index) => `${ACCOUNT_QUOTA_CODES[index]} ${failure.code}: ${failure.message}`)
						.join('; '),
				);
			};
			// Pending invitations hold slots too; the endpoint may not know handshakes (moto does not).
			const invitations = async (): Promise<PendingInvitations> => {
				try {
					const states: (string | undefined)[] = [];
					let nextToken: string | undefined;
					do {
						const page = await callAws('Organizations.ListHandshakesForOrganization', () =>
							organizations.send(new ListHandshakesForOrganizationCommand({ NextToken: nextToken })),
						);
						for (const handshake of page.Handshakes ?? []) states.push(handshake.State);
						nextToken = page.NextToken;
					} while (nextToken);
					return { known: true, count: countPendingInvitations(states) };
				} catch (error) {
					const failure = toOrgError(error, 'Organizations.ListHandshakesForOrganization');
					return { known: false, reason: `${failure.code}: ${failure.message}` };
				}
			};
			const [listed, awsDefault, pending] = await Promise.allSettled([listQuotas(), awsDefaultOf(), invitations()]);
			const found = listed.status === 'fulfilled' ? findAccountQuota(listed.value) : undefined;
			const lookup: {
				applied?: number;
				awsDefault?: number;
				quotaCode?: string;
				unavailableReason?: string;
				invitations?: PendingInvitations;
			} = {};
			if (pending.status === 'fulfilled') lookup.invitations = pending.value;
			if (found?.value !== undefined) {
				lookup.applied = found.value;
				if (found.code) lookup.quotaCode = found.code;
			}
			if (awsDefault.status === 'fulfilled' && awsDefault.value.value !== undefined) {
				lookup.awsDefault = awsDefault.value.value;
				lookup.quotaCode ??= awsDefault.value.code;
			}
			if (lookup.applied === undefined && lookup.awsDefault === undefined) {
				const why = (result: PromiseSettledResult<unknown>) =>
					result.status === 'rejected'
						? `${(result.reason as OrgError).code}: ${(result.reason as OrgError).message}`
						: 'no accounts quota in the answer';
				lookup.unavailableReason = `Service Quotas gave no value for the organizations accounts quota (${ACCOUNT_QUOTA_CODES.join(' or ')}, or by name). ListServiceQuotas: ${why(listed)}. GetAWSDefaultServiceQuota: ${why(awsDefault)}.`;
			}
			return lookup;
		},

		accountFacts,
		...createQuarantineCalls(organizations, destructive),

		rootAccessFeatures: createRootAccessFeatures(clients.iam),

		organizationImpact: () => impact.organizationImpact(),
		accountImpact: (accountId) => impact.accountImpact(accountId),
		accountTags: (accountId) => impact.accountTags(accountId),

		async closeAccount(accountId: string): Promise<void> {
			await callAws('Organizations.CloseAccount', () =>
				destructive.send(new CloseAccountCommand({ AccountId: accountId })),
			);
		},

		async removeAccount(accountId: string): Promise<void> {
			await callAws('Organizations.RemoveAccountFromOrganization', () =>
				destructive.send(new RemoveAccountFromOrganizationCommand({ AccountId: accountId })),
			);
		},
	};
	return gateway;
}
