/** The organization and caller asked for before the UI loads: sent at once, each first answer handed over once. */
import { describe, expect, it } from 'vitest';
import { OrgError } from '../../source/org/errors.js';
import { withFirstAnswersRequested } from '../../source/org/first-answers.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';

const operations = (gateway: ReturnType<typeof createSandbox>) => gateway.calls.map((call) => call.operation);

describe('withFirstAnswersRequested', () => {
	it('sends DescribeOrganization and GetCallerIdentity at once, and asks again after the first answer', async () => {
		const gateway = createSandbox({ latencyMs: 50 });
		const early = withFirstAnswersRequested(gateway);
		expect(operations(gateway)).toEqual(['describeOrganization', 'callerIdentity']);

		const [organization, caller] = await Promise.all([early.describeOrganization(), early.callerIdentity()]);
		expect(organization).toEqual(await gateway.describeOrganization());
		expect(caller).toEqual(await gateway.callerIdentity());
		// The first answers were the ones sent early; the two direct calls above are the only others.
		expect(operations(gateway)).toEqual([
			'describeOrganization',
			'callerIdentity',
			'describeOrganization',
			'callerIdentity',
		]);

		await early.describeOrganization();
		expect(operations(gateway).filter((operation) => operation === 'describeOrganization')).toHaveLength(3);
	});

	it('hands a failure to the first caller, without an unhandled rejection before it asks', async () => {
		const gateway = createSandbox();
		gateway.failNext('describeOrganization', new OrgError('AccessDeniedException', 'not allowed'));
		const early = withFirstAnswersRequested(gateway);
		// Let the failure arrive before anyone asks.
		await new Promise((resolve) => setTimeout(resolve, 20));
		await expect(early.describeOrganization()).rejects.toThrow('not allowed');
		await expect(early.describeOrganization()).resolves.toMatchObject({ id: expect.any(String) });
	});

	it('keeps every other method of the gateway', async () => {
		const gateway = createSandbox();
		const early = withFirstAnswersRequested(gateway);
		expect(early.kind).toBe('sandbox');
		expect(early.sourceKey).toBe(gateway.sourceKey);
		expect((await early.listAccounts()).length).toBe((await gateway.listAccounts()).length);
	});
});
