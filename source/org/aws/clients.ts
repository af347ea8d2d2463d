/**
 * The SDK clients the adapter uses, made once from plain values (profile,
 * region, and the endpoint of each service, resolved by profiles.ts): their
 * retries, time-outs and endpoints. Every client is given the profile (the
 * SDK reads its other settings, such as FIPS or dual-stack, from it) and the
 * one credential provider (credentials.ts), whose own calls go to the same
 * endpoint.
 */
import { AccountClient } from '@aws-sdk/client-account';
import type { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { STSClient } from '@aws-sdk/client-sts';
import { OrgError } from '../errors.js';
import { credentialProvider } from './credentials.js';
import type { ServiceName } from './profiles.js';

export interface RequestTimeouts {
	/** Milliseconds to open the connection (TCP and TLS). */
	readonly connectionMs: number;
	/** Milliseconds for one attempt, from sending the request to the whole answer; the attempt is then abandoned. */
	readonly requestMs: number;
}

export interface ClientSettings {
	/** A profile of the shared AWS config; the default credential chain otherwise. */
	readonly profile?: string | undefined;
	readonly region: string;
	/** Send every request here (moto, LocalStack); AWS's own endpoints otherwise. */
	readonly endpointUrl?: string | undefined;
	/** A service's own endpoint from the profile or the environment (endpoint_url, services); endpointUrl wins. */
	readonly serviceEndpoints?: Partial<Record<ServiceName, string>> | undefined;
	readonly timeouts: RequestTimeouts;
}

export interface AwsClients {
	readonly organizations: OrganizationsClient;
	/** For the account listing: the same retries, kept apart for its own pacing (see below). */
	readonly listing: OrganizationsClient;
	/** For CloseAccount and RemoveAccountFromOrganization: one attempt. */
	readonly destructive: OrganizationsClient;
	readonly account: AccountClient;
	readonly quotas: ServiceQuotasClient;
	readonly sts: STSClient;
	/** IAM, loaded on first use (its module is large and only the closure screens ask it). */
	iam(): Promise<IAMClient>;
}

export type SharedClientConfig = {
	readonly region: string;
	readonly credentials: ReturnType<typeof credentialProvider>;
	readonly profile?: string;
	readonly retryMode: 'standard';
	readonly maxAttempts: number;
	readonly requestHandler: {
		readonly connectionTimeout: number;
		readonly requestTimeout: number;
		readonly throwOnRequestTimeout: boolean;
		readonly socketTimeout: number;
	};
	readonly endpoint?: string;
};

/** Standard mode backs off with jitter after throttling; five attempts ride out a burst of it. */
const MAX_ATTEMPTS = 5;
/** Service Quotas is a nicety: a few attempts, then fall back to the next source of the limit. */
const QUOTA_MAX_ATTEMPTS = 3;
/**
 * Organizations is a global service, served from one region of each partition
 * (the SDK's endpoint rules send its calls there whatever the client's region);
 * its account quota is kept in Service Quotas of that same region.
 */
export function organizationsHomeRegion(region: string): string {
	if (region.startsWith('us-gov-')) return 'us-gov-west-1';
	if (region.startsWith('cn-')) return 'cn-northwest-1';
	return 'us-east-1';
}
/** IAM answers one question orgdash can do without (centralized root access): few attempts. */
const IAM_MAX_ATTEMPTS = 2;
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

/** The endpoint as given, if it is an http(s) URL; the adapter refuses anything else before any call. */
function checkedEndpoint(endpoint: string | undefined): string | undefined {
	if (!endpoint) return undefined;
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

/** A service's endpoint as resolved for the chosen profile (profiles.ts); the SDK would read it for AWS_PROFILE's. */
export function serviceEndpoint(settings: ClientSettings, service: ServiceName) {
	const chosen = checkedEndpoint(settings.endpointUrl) ?? checkedEndpoint(settings.serviceEndpoints?.[service]);
	return { ignoreConfiguredEndpointUrls: true, ...(chosen ? { endpoint: chosen } : {}) } as const;
}

/**
 * What every client is made with: the retries, time-outs, endpoint and one
 * credential chain. The clients loaded on demand (impact.ts) are made with it too.
 */
export function sharedClientConfig(settings: ClientSettings): SharedClientConfig {
	const endpoint = checkedEndpoint(settings.endpointUrl);
	const { profile, region, timeouts } = settings;
	const endpointOf = (service: ServiceName) => serviceEndpoint(settings, service);
	// The SDK warns on stderr that its 2027 releases will need Node 22; orgdash pins its SDK and supports Node 20,
	// and a warning printed over the dashboard would only garble it.
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
	const requestHandler = {
		connectionTimeout: timeouts.connectionMs,
		requestTimeout: timeouts.requestMs,
		// Without this the SDK only logs that the time-out passed and keeps waiting.
		throwOnRequestTimeout: true,
		// An answer whose body stalls half-way: the socket's idle time ends it too.
		socketTimeout: timeouts.requestMs,
	};
	// The credential calls (SSO, assume-role) get the same time-outs, region and endpoint.
	const credentials = credentialProvider(profile, { region, requestHandler, ...endpointOf('sts') });
	// AWS recommends standard mode; adaptive is for special cases, delays first requests and, measured here, slowed a
	// throttled load several times over. The pinned SDK's retry defaults (1 s base delay for throttling) apply.
	const common = {
		region,
		credentials,
		...(profile ? { profile } : {}),
		retryMode: 'standard',
		maxAttempts: MAX_ATTEMPTS,
		requestHandler,
		...(endpoint ? { endpoint } : {}),
	} as const;
	return common;
}

/** `common`: made from `settings` unless given (the adapter shares one with the clients it loads on demand). */
export function createClients(settings: ClientSettings, common = sharedClientConfig(settings)): AwsClients {
	const endpointOf = (service: ServiceName) => serviceEndpoint(settings, service);
	const { region } = settings;
	const organizations = { ...common, ...endpointOf('organizations') } as const;
	let iam: Promise<IAMClient> | undefined;
	return {
		organizations: new OrganizationsClient(organizations),
		// The account listing paces itself: it bounds the requests in flight and halves them when throttling gets
		// through; standard mode retries each throttled request with exponential backoff and jitter.
		listing: new OrganizationsClient({ ...organizations }),
		// One request per confirmed action: a retry after a lost answer could send a closure or removal twice.
		destructive: new OrganizationsClient({ ...organizations, maxAttempts: 1 }),
		account: new AccountClient({ ...common, ...endpointOf('account') }),
		quotas: new ServiceQuotasClient({
			...common,
			...endpointOf('quotas'),
			region: organizationsHomeRegion(region),
			maxAttempts: QUOTA_MAX_ATTEMPTS,
		}),
		sts: new STSClient({ ...common, ...endpointOf('sts') }),
		iam() {
			iam ??= import('./iam-client.js').then(({ createIamClient }) =>
				createIamClient({ ...common, ...endpointOf('iam'), maxAttempts: IAM_MAX_ATTEMPTS }),
			);
			return iam;
		},
	};
}
