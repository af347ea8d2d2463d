/**
 * The impact scan over the SDK: what closing or removing an account would
 * break or cost (see domain/impact.ts). Organizations answers the delegated
 * administrators, policies and tags; CloudFormation, IAM Identity Center and
 * Cost Explorer are loaded on demand (dynamic import: their code is not read
 * at start) and made with the same retries, time-outs and endpoint as every
 * other client. Every failure becomes an unknown item with its reason; this
 * module never throws for one.
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import {
	type OrganizationsClient,
	type PolicyType,
	paginateListDelegatedAdministrators,
	paginateListDelegatedServicesForAccount,
	paginateListPoliciesForTarget,
	paginateListRoots,
	paginateListTagsForResource,
} from '@aws-sdk/client-organizations';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import {
	type AccountImpact,
	type AttachedPolicy,
	type CostPeriodRow,
	displayImpact,
	displayOrganizationImpact,
	type IdentityCenterUse,
	IMPACT_SOURCES,
	type ImpactItem,
	knownItem,
	type OrganizationImpact,
	type Spend,
	type StackInstanceRef,
	spendByAccount,
	spendPeriod,
	type Tag,
	unknownFromError,
	unknownItem,
} from '../../domain/impact.js';
import type { SharedClientConfig } from './clients.js';
import { toOrgError } from './sdk-errors.js';

/** Cost Explorer's endpoint is in us-east-1, whatever the region used otherwise. */
const COST_EXPLORER_REGION = 'us-east-1';
/** Requests in flight for one account's StackSets and permission sets: the scan never crowds out the list. */
const PER_ACCOUNT_CONCURRENCY = 4;

/**
 * A client package loaded on demand. The SDK's packages are CommonJS: in the
 * bundle their exports arrive as the namespace's `default` (Node's own import
 * puts them there too, beside the names it could detect), so they are read
 * from there when it is present.
 */
function exportsOf<T extends object>(namespace: T): T {
	return (namespace as T & { default?: T }).default ?? namespace;
}

const cloudFormationSdk = async () => exportsOf(await import('@aws-sdk/client-cloudformation'));
const identityCenterSdk = async () => exportsOf(await import('@aws-sdk/client-sso-admin'));
const costExplorerSdk = async () => exportsOf(await import('@aws-sdk/client-cost-explorer'));

/** Runs `work` over `items`, at most `limit` at a time, results in order. */
async function mapBounded<T, U>(items: readonly T[], limit: number, work: (item: T) => Promise<U>): Promise<U[]> {
	const results: U[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index] as T);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** `read` as an item from `source`: its value, or unknown with the reason of its failure. */
async function itemFrom<T>(source: string, operation: string, read: () => Promise<T>): Promise<ImpactItem<T>> {
	try {
		return knownItem(source, await read());
	} catch (error) {
		return unknownFromError(source, toOrgError(error, operation));
	}
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
	let loading: Promise<T> | undefined;
	return () => {
		loading ??= load().catch((error: unknown) => {
			// A failed load (a network blip) is tried again next time.
			loading = undefined;
			throw error;
		});
		return loading;
	};
}

export interface ImpactReader {
	organizationImpact(): Promise<OrganizationImpact>;
	accountImpact(accountId: string): Promise<AccountImpact>;
	accountTags(accountId: string): Promise<ImpactItem<readonly Tag[]>>;
	/** Forget what is read once per load (the policy types enabled). */
	clear(): void;
}

/** The config of a client loaded on demand: the shared one, with that service's own endpoint (profile or environment). */
export type OnDemandClientConfig = (
	service: 'cloudFormation' | 'identityCenter' | 'costExplorer',
) => SharedClientConfig;

export function createImpactReader(
	organizations: OrganizationsClient,
	configOf: OnDemandClientConfig,
	now: () => Date = () => new Date(),
): ImpactReader {
	const cloudFormation = once(async (): Promise<CloudFormationClient> => {
		const { CloudFormationClient } = await cloudFormationSdk();
		return new CloudFormationClient(configOf('cloudFormation'));
	});
	const identityCenter = once(async (): Promise<SSOAdminClient> => {
		const { SSOAdminClient } = await identityCenterSdk();
		return new SSOAdminClient(configOf('identityCenter'));
	});
	const costExplorer = once(async (): Promise<CostExplorerClient> => {
		const { CostExplorerClient } = await costExplorerSdk();
		return new CostExplorerClient({ ...configOf('costExplorer'), region: COST_EXPLORER_REGION });
	});

	async function delegatedServices(accountId: string): Promise<string[]> {
		const services: string[] = [];
		try {
			for await (const page of paginateListDelegatedServicesForAccount(
				{ client: organizations },
				{ AccountId: accountId },
			)) {
				for (const service of page.DelegatedServices ?? []) {
					if (service.ServicePrincipal) services.push(service.ServicePrincipal);
				}
			}
		} catch (error) {
			// AWS's answer for an account that administers nothing.
			if ((error as Error).name === 'AccountNotRegisteredException') return [];
			throw error;
		}
		return services.sort();
	}

	async function delegatedAdministrators(): Promise<Record<string, readonly string[]>> {
		const ids: string[] = [];
		for await (const page of paginateListDelegatedAdministrators({ client: organizations }, {})) {
			for (const admin of page.DelegatedAdministrators ?? []) if (admin.Id) ids.push(admin.Id);
		}
		// Delegated administrators are few: one call each names the services.
		const services = await mapBounded(ids, PER_ACCOUNT_CONCURRENCY, (id) => delegatedServices(id));
		return Object.fromEntries(ids.map((id, index) => [id, services[index] ?? []]));
	}

	async function spend(): Promise<Record<string, Spend>> {
		const { GetCostAndUsageCommand } = await costExplorerSdk();
		const client = await costExplorer();
		const period = spendPeriod(now());
		const rows: CostPeriodRow[] = [];
		let token: string | undefined;
		// GetCostAndUsage has no SDK paginator: its NextPageToken is followed here.
		do {
			const page = await client.send(
				new GetCostAndUsageCommand({
					TimePeriod: { Start: period.start, End: period.end },
					Granularity: 'MONTHLY',
					Metrics: ['UnblendedCost'],
					GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }],
					NextPageToken: token,
				}),
			);
			for (const result of page.ResultsByTime ?? []) {
				rows.push({
					start: result.TimePeriod?.Start ?? period.start,
					groups: (result.Groups ?? []).flatMap((group) => {
						const accountId = group.Keys?.[0];
						const cost = group.Metrics?.UnblendedCost;
						if (!accountId || !cost?.Amount) return [];
						return [{ accountId, amount: Number(cost.Amount), unit: cost.Unit ?? 'USD' }];
					}),
				});
			}
			token = page.NextPageToken;
		} while (token);
		return spendByAccount(rows, period);
	}

	async function stackInstances(accountId: string): Promise<StackInstanceRef[]> {
		const { paginateListStackSets, paginateListStackInstances } = await cloudFormationSdk();
		const client = await cloudFormation();
		const sets = new Map<string, 'SELF_MANAGED' | 'SERVICE_MANAGED'>();
		// From the management account, CallAs SELF lists its self-managed and its service-managed sets.
		for await (const page of paginateListStackSets({ client }, { Status: 'ACTIVE', CallAs: 'SELF' })) {
			for (const summary of page.Summaries ?? []) {
				if (summary.StackSetName) {
					sets.set(
						summary.StackSetName,
						summary.PermissionModel === 'SERVICE_MANAGED' ? 'SERVICE_MANAGED' : 'SELF_MANAGED',
					);
				}
			}
		}
		const perSet = await mapBounded([...sets], PER_ACCOUNT_CONCURRENCY, async ([name, permissionModel]) => {
			const found: StackInstanceRef[] = [];
			for await (const page of paginateListStackInstances(
				{ client },
				{ StackSetName: name, StackInstanceAccount: accountId, CallAs: 'SELF' },
			)) {
				for (const instance of page.Summaries ?? []) {
					// Filtered here as well: not every endpoint applies StackInstanceAccount.
					if (instance.Account === accountId && instance.Region) {
						found.push({ stackSet: name, region: instance.Region, permissionModel });
					}
				}
			}
			return found;
		});
		return perSet.flat();
	}

	async function identityCenterUse(accountId: string): Promise<ImpactItem<IdentityCenterUse>> {
		const sdk = await identityCenterSdk();
		const client = await identityCenter();
		const instances: string[] = [];
		for await (const page of sdk.paginateListInstances({ client }, {})) {
			for (const instance of page.Instances ?? []) if (instance.InstanceArn) instances.push(instance.InstanceArn);
		}
		if (instances.length === 0) {
			return unknownItem(
				IMPACT_SOURCES.identityCenter,
				'service-not-enabled',
				`no IAM Identity Center instance in ${configOf('identityCenter').region} (give --region the region it is enabled in)`,
			);
		}
		const permissionSets: string[] = [];
		let assignments = 0;
		for (const instanceArn of instances) {
			const arns: string[] = [];
			for await (const page of sdk.paginateListPermissionSetsProvisionedToAccount(
				{ client },
				{ InstanceArn: instanceArn, AccountId: accountId },
			)) {
				arns.push(...(page.PermissionSets ?? []));
			}
			const perSet = await mapBounded(arns, PER_ACCOUNT_CONCURRENCY, async (arn) => {
				let count = 0;
				for await (const page of sdk.paginateListAccountAssignments(
					{ client },
					{ InstanceArn: instanceArn, AccountId: accountId, PermissionSetArn: arn },
				)) {
					count += (page.AccountAssignments ?? []).length;
				}
				let name = arn.slice(arn.lastIndexOf('/') + 1);
				try {
					const described = await client.send(
						new sdk.DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn }),
					);
					name = described.PermissionSet?.Name ?? name;
				} catch {
					// The name is a nicety: the set's id from its ARN still says which one it is.
				}
				return { name, count };
			});
			for (const { name, count } of perSet) {
				permissionSets.push(name);
				assignments += count;
			}
		}
		return knownItem(IMPACT_SOURCES.identityCenter, { permissionSets, assignments });
	}

	let policyTypes: Promise<PolicyType[]> | undefined;
	// Read once per load: every account's policies are asked for each type the root has enabled.
	function enabledPolicyTypes(): Promise<PolicyType[]> {
		policyTypes ??= readPolicyTypes().catch((error: unknown) => {
			policyTypes = undefined;
			throw error;
		});
		return policyTypes;
	}

	async function readPolicyTypes(): Promise<PolicyType[]> {
		const types = new Set<PolicyType>();
		for await (const page of paginateListRoots({ client: organizations }, {})) {
			for (const root of page.Roots ?? []) {
				for (const type of root.PolicyTypes ?? []) if (type.Status === 'ENABLED' && type.Type) types.add(type.Type);
			}
		}
		return [...types].sort();
	}

	async function policies(accountId: string): Promise<AttachedPolicy[]> {
		const types = await enabledPolicyTypes();
		const perType = await mapBounded(types, PER_ACCOUNT_CONCURRENCY, async (type) => {
			const found: AttachedPolicy[] = [];
			for await (const page of paginateListPoliciesForTarget(
				{ client: organizations },
				{ TargetId: accountId, Filter: type },
			)) {
				for (const policy of page.Policies ?? []) {
					found.push({ type, name: policy.Name ?? policy.Id ?? '', id: policy.Id ?? '' });
				}
			}
			return found;
		});
		return perType.flat();
	}

	async function tags(accountId: string): Promise<Tag[]> {
		const found: Tag[] = [];
		for await (const page of paginateListTagsForResource({ client: organizations }, { ResourceId: accountId })) {
			for (const tag of page.Tags ?? []) if (tag.Key) found.push({ key: tag.Key, value: tag.Value ?? '' });
		}
		return found;
	}

	const reader: ImpactReader = {
		async organizationImpact() {
			const [admins, costs] = await Promise.all([
				itemFrom(
					IMPACT_SOURCES.delegatedAdministrators,
					'Organizations.ListDelegatedAdministrators',
					delegatedAdministrators,
				),
				itemFrom(IMPACT_SOURCES.spend, 'CostExplorer.GetCostAndUsage', spend),
			]);
			return displayOrganizationImpact({ delegatedAdministrators: admins, spend: costs });
		},

		async accountImpact(accountId) {
			const [delegated, instances, identity, attached, tagged] = await Promise.all([
				itemFrom(IMPACT_SOURCES.delegatedServices, 'Organizations.ListDelegatedServicesForAccount', () =>
					delegatedServices(accountId),
				),
				itemFrom(IMPACT_SOURCES.stackInstances, 'CloudFormation.ListStackInstances', () => stackInstances(accountId)),
				itemFrom(IMPACT_SOURCES.identityCenter, 'SSOAdmin.ListPermissionSetsProvisionedToAccount', () =>
					identityCenterUse(accountId),
				).then((item) => (item.known ? item.value : item)),
				itemFrom(IMPACT_SOURCES.policies, 'Organizations.ListPoliciesForTarget', () => policies(accountId)),
				reader.accountTags(accountId),
			]);
			return displayImpact({
				delegatedServices: delegated,
				stackInstances: instances,
				identityCenter: identity,
				policies: attached,
				tags: tagged,
				// Spend comes from the organization's one Cost Explorer call, not from one per account.
				spend: unknownItem(IMPACT_SOURCES.spend, 'not-read', 'read once for the whole organization'),
			});
		},

		async accountTags(accountId) {
			const item = await itemFrom(IMPACT_SOURCES.tags, 'Organizations.ListTagsForResource', () => tags(accountId));
			return displayImpact({ ...EMPTY, tags: item }).tags;
		},

		clear() {
			// A reload reads the enabled policy types again (one may have been enabled since).
			policyTypes = undefined;
		},
	};
	return reader;
}

const NOT_READ = unknownItem('', 'not-read', '');
const EMPTY: AccountImpact = {
	delegatedServices: NOT_READ,
	stackInstances: NOT_READ,
	identityCenter: NOT_READ,
	policies: NOT_READ,
	tags: NOT_READ,
	spend: NOT_READ,
};
