import { describe, expect, it } from 'vitest';
import type { OrgGateway, OrgReader } from '../../source/org/gateway.js';
import { readOnlyGateway, writerOf } from '../../source/org/read-only.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';

const WRITES = [
	'closeAccount',
	'removeAccount',
	'enableServiceControlPolicies',
	'createOrganizationalUnit',
	'createServiceControlPolicy',
	'attachPolicy',
	'moveAccount',
] as const;

describe('the read-only gateway', () => {
	it('has no write methods at all: not hidden, not throwing, absent', () => {
		const reader = readOnlyGateway(createSandbox());
		for (const write of WRITES) {
			// biome-ignore lint/suspicious/noExplicitAny: looking for what the type says cannot be there
			expect(typeof (reader as any)[write]).toBe('undefined');
			expect(write in reader).toBe(false);
		}
		expect(Object.keys(reader).sort()).toEqual(
			[
				'accountFacts',
				'accountImpact',
				'accountTags',
				'organizationImpact',
				'accountQuota',
				'callerIdentity',
				'describeAccount',
				'describeOrganization',
				'kind',
				'listAccounts',
				'quarantineSetup',
				'rootAccessFeatures',
				'target',
				'sourceKey',
			].sort(),
		);
		expect(Object.getPrototypeOf(reader)).toBe(Object.prototype);
		expect(Object.isFrozen(reader)).toBe(true);
	});

	it('reads through to the gateway', async () => {
		const sandbox = createSandbox();
		const reader = readOnlyGateway(sandbox);
		expect(reader.kind).toBe('sandbox');
		expect(reader.sourceKey).toBe(sandbox.sourceKey);
		expect((await reader.describeOrganization()).id).toBe((await sandbox.describeOrganization()).id);
		const accounts = await reader.listAccounts();
		expect(accounts.length).toBeGreaterThan(10);
		expect((await reader.describeAccount(accounts[1]?.id as string)).id).toBe(accounts[1]?.id);
		expect(sandbox.calls.some((call) => call.operation === 'listAccounts')).toBe(true);
	});

	it('gives no way back to the writes', () => {
		const sandbox = createSandbox();
		const reader: OrgReader = readOnlyGateway(sandbox);
		expect(writerOf(reader)).toBeUndefined();
		const full: OrgGateway = sandbox;
		expect(writerOf(full)).toBe(sandbox);
		expect(writerOf({ ...reader, closeAccount: async () => undefined } as OrgReader)).toBeUndefined();
	});
});
