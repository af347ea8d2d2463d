/** The SDK clients' retry settings: standard mode everywhere, one attempt for the destructive calls. */
import { describe, expect, it } from 'vitest';
import {
	createClients,
	DEFAULT_TIMEOUTS,
	organizationsHomeRegion,
	sharedClientConfig,
} from '../../source/org/aws/clients.js';

describe('the SDK clients', () => {
	const clients = createClients({
		profile: undefined,
		region: 'us-east-1',
		endpointUrl: 'http://127.0.0.1:9',
		timeouts: DEFAULT_TIMEOUTS,
	});

	it('use the standard retry mode AWS recommends, for every client', async () => {
		for (const [name, entry] of Object.entries(clients)) {
			// IAM is made on first use: made here, it must be standard too.
			const client = typeof entry === 'function' ? await entry() : entry;
			const { retryMode } = client.config as { retryMode: unknown };
			const mode = typeof retryMode === 'function' ? await retryMode() : retryMode;
			expect(mode, name).toBe('standard');
		}
	});

	it('share their retries, time-outs and endpoint with the clients loaded on demand', () => {
		const shared = sharedClientConfig({
			profile: undefined,
			region: 'us-east-1',
			endpointUrl: 'http://127.0.0.1:9',
			timeouts: DEFAULT_TIMEOUTS,
		});
		expect(shared).toMatchObject({ retryMode: 'standard', endpoint: 'http://127.0.0.1:9' });
		expect(shared.requestHandler.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
	});

	it('send close and remove in one attempt', async () => {
		expect(await clients.destructive.config.maxAttempts()).toBe(1);
		expect(await clients.organizations.config.maxAttempts()).toBeGreaterThan(1);
	});

	it('make the IAM client once, on first use', async () => {
		const iam = await clients.iam();
		expect(await clients.iam()).toBe(iam);
		expect(await iam.config.maxAttempts()).toBe(2);
	});
});

describe("a partition's global region", () => {
	type Resolved = { url: URL; properties?: { authSchemes?: Array<{ signingRegion?: string }> } };
	type EndpointParameters = { Region: string; UseFIPS: boolean; UseDualStack: boolean };
	const resolve = (
		client: { config: { endpointProvider: (params: EndpointParameters) => unknown } },
		region: string,
	) => {
		const endpoint = client.config.endpointProvider({
			Region: region,
			UseFIPS: false,
			UseDualStack: false,
		}) as Resolved;
		return { host: endpoint.url.host, signingRegion: endpoint.properties?.authSchemes?.[0]?.signingRegion };
	};

	it.each([
		['eu-west-1', 'organizations.us-east-1.amazonaws.com', 'us-east-1'],
		['us-gov-east-1', 'organizations.us-gov-west-1.amazonaws.com', 'us-gov-west-1'],
		['cn-north-1', 'organizations.cn-northwest-1.amazonaws.com.cn', 'cn-northwest-1'],
	])(
		'sends Organizations calls made in %s to %s, signed for %s (the SDK endpoint rules)',
		(region, host, signingRegion) => {
			const clients = createClients({ region, timeouts: DEFAULT_TIMEOUTS });
			expect(resolve(clients.organizations, region)).toEqual({ host, signingRegion });
			expect(resolve(clients.destructive, region)).toEqual({ host, signingRegion });
		},
	);

	it.each([
		['eu-west-1', 'us-east-1'],
		['us-gov-east-1', 'us-gov-west-1'],
		['cn-north-1', 'cn-northwest-1'],
	])('reads the account quota of an organization used from %s in Service Quotas of %s', async (region, home) => {
		expect(organizationsHomeRegion(region)).toBe(home);
		const clients = createClients({ region, timeouts: DEFAULT_TIMEOUTS });
		expect(await clients.quotas.config.region()).toBe(home);
		expect(await clients.sts.config.region()).toBe(region);
	});

	it('sends the Account calls where the SDK rules send them for the region', () => {
		const clients = createClients({ region: 'eu-west-1', timeouts: DEFAULT_TIMEOUTS });
		expect(resolve(clients.account, 'eu-west-1').host).toBe('account.us-east-1.amazonaws.com');
	});
});
