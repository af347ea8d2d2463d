/** The SDK clients' retry settings: standard mode everywhere, one attempt for the destructive calls. */
import { describe, expect, it } from 'vitest';
import { createClients, DEFAULT_TIMEOUTS } from '../../source/org/aws/clients.js';

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
