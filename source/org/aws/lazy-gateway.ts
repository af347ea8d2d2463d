/**
 * The AWS adapter before its SDK is loaded. The profile files are read at once
 * (the region and endpoints: what the header and the cache's source key need);
 * the SDK, as much to load as the whole terminal UI, is loaded on the first
 * call or on `load()`. So a start with a cached list can draw it first and
 * load the SDK after, and a start without one can load it before the UI.
 */
import type { OrgGateway } from '../gateway.js';
import type { AwsGatewayOptions } from './gateway.js';
import { resolveTarget } from './profiles.js';
import { awsSourceKey, callTarget } from './target.js';

export interface LazyGateway {
	/** Every call waits for the SDK, loading it if nothing has yet. */
	readonly gateway: OrgGateway;
	/** Loads the SDK and makes the adapter, once; every call of the gateway goes to that adapter. */
	load(): Promise<OrgGateway>;
}

/**
 * `prepare`: what to do with the adapter as soon as it exists (the dashboard
 * sends its first requests there, see first-answers.ts).
 */
export async function lazyAwsGateway(
	options: Pick<AwsGatewayOptions, 'profile' | 'region' | 'endpointUrl'>,
	prepare: (adapter: OrgGateway) => OrgGateway = (adapter) => adapter,
): Promise<LazyGateway> {
	const resolved = await resolveTarget(options);
	const adapterOptions = { ...options, region: resolved.region, serviceEndpoints: resolved.serviceEndpoints };
	const target = callTarget(adapterOptions);
	let loading: Promise<OrgGateway> | undefined;
	const load = () => {
		loading ??= import('./gateway.js').then(({ createAwsGateway }) => prepare(createAwsGateway(adapterOptions)));
		return loading;
	};
	const gateway: OrgGateway = {
		kind: 'aws',
		sourceKey: awsSourceKey(target),
		target,
		describeOrganization: () => load().then((adapter) => adapter.describeOrganization()),
		callerIdentity: () => load().then((adapter) => adapter.callerIdentity()),
		listAccounts: (listOptions) => load().then((adapter) => adapter.listAccounts(listOptions)),
		describeAccount: (accountId) => load().then((adapter) => adapter.describeAccount(accountId)),
		accountQuota: () => load().then((adapter) => adapter.accountQuota()),
		accountFacts: (accountId, isManagement) => load().then((adapter) => adapter.accountFacts(accountId, isManagement)),
		rootAccessFeatures: () => load().then((adapter) => adapter.rootAccessFeatures()),
		quarantineSetup: (ouName, policyName) => load().then((adapter) => adapter.quarantineSetup(ouName, policyName)),
		organizationImpact: () => load().then((adapter) => adapter.organizationImpact()),
		accountImpact: (accountId) => load().then((adapter) => adapter.accountImpact(accountId)),
		accountTags: (accountId) => load().then((adapter) => adapter.accountTags(accountId)),
		closeAccount: (accountId) => load().then((adapter) => adapter.closeAccount(accountId)),
		removeAccount: (accountId) => load().then((adapter) => adapter.removeAccount(accountId)),
		enableServiceControlPolicies: (rootId) => load().then((adapter) => adapter.enableServiceControlPolicies(rootId)),
		createOrganizationalUnit: (parentId, name) =>
			load().then((adapter) => adapter.createOrganizationalUnit(parentId, name)),
		createServiceControlPolicy: (name, description, content) =>
			load().then((adapter) => adapter.createServiceControlPolicy(name, description, content)),
		attachPolicy: (policyId, targetId) => load().then((adapter) => adapter.attachPolicy(policyId, targetId)),
		moveAccount: (accountId, fromParentId, toParentId) =>
			load().then((adapter) => adapter.moveAccount(accountId, fromParentId, toParentId)),
	} satisfies { readonly [K in keyof Required<OrgGateway>]: OrgGateway[K] };
	return { gateway, load };
}
