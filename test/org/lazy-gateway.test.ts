/**
 * The AWS adapter before its SDK is loaded: the same target and source key as
 * the adapter itself (the cache's key must not change with the way the
 * adapter was made), and every call answered by that adapter once loaded.
 */
import { describe, expect, it } from 'vitest';
import { createAwsGateway, openAwsGateway } from '../../source/org/aws/gateway.js';
import { lazyAwsGateway } from '../../source/org/aws/lazy-gateway.js';
import { describeWithMoto, seedOrganization } from '../support/moto.js';

describe('lazyAwsGateway', () => {
	it.each([
		{},
		{ region: 'eu-west-1' },
		{ endpointUrl: 'http://127.0.0.1:5000' },
		{ region: 'us-gov-west-1', endpointUrl: 'http://127.0.0.1:5000' },
		{ profile: 'not-in-any-file', region: 'eu-central-1' },
	])('names the same source and target as the adapter, for %o', async (options) => {
		const lazy = await lazyAwsGateway(options);
		const adapter = await openAwsGateway(options);
		expect(lazy.gateway.kind).toBe('aws');
		expect(lazy.gateway.sourceKey).toBe(adapter.sourceKey);
		expect(lazy.gateway.target).toEqual(adapter.target);
	});

	it('makes the adapter once, whoever asks first, and hands a failure to make it to every call', async () => {
		let made = 0;
		const lazy = await lazyAwsGateway({ endpointUrl: 'http://127.0.0.1:5000' }, (adapter) => {
			made++;
			return adapter;
		});
		const [first, second] = await Promise.all([lazy.load(), lazy.load()]);
		expect(first).toBe(second);
		expect(made).toBe(1);

		const failing = await lazyAwsGateway({ endpointUrl: 'http://127.0.0.1:5000' }, () => {
			throw new Error('no adapter');
		});
		await expect(failing.gateway.describeOrganization()).rejects.toThrow('no adapter');
		await expect(failing.gateway.listAccounts()).rejects.toThrow('no adapter');
	});
});

describeWithMoto('lazyAwsGateway on moto', (moto) => {
	it('answers each call through the adapter it loads', async () => {
		const seeded = await seedOrganization(moto.server.endpoint, { accounts: [{ name: 'one' }, { name: 'two' }] });
		const lazy = await lazyAwsGateway({ endpointUrl: moto.server.endpoint });
		const adapter = createAwsGateway({ endpointUrl: moto.server.endpoint });
		expect(await lazy.gateway.describeOrganization()).toEqual(await adapter.describeOrganization());
		expect(await lazy.gateway.callerIdentity()).toEqual(await adapter.callerIdentity());
		const listed = await lazy.gateway.listAccounts();
		expect(listed.map((account) => account.name).sort()).toEqual(
			(await adapter.listAccounts()).map((account) => account.name).sort(),
		);
		expect(listed).toHaveLength(seeded.accounts.length + 1);
	});
});
