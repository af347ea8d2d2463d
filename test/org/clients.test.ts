/** The SDK clients' retry settings: standard mode everywhere, one attempt for the destructive calls. */
import { describe, expect, it } from 'vitest';
import { createClients, DEFAULT_TIMEOUTS, sharedClientConfig } from '../../source/org/aws/clients.js';

describe('the SDK clients', () => {
	const clients = createClients({
		profile: undefined,
		region: 'us-east-1',
		endpointUrl: 'http://127.0.0.1:9',
		timeouts: DEFAULT_TIMEOUTS,
	});

	it('use the standard retry mode AWS recommends, for every client', async () => {
		for (const [name, client] of Object.entries(clients)) {
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
});
