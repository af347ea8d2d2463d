/**
 * Batches end to end on a moto server through the AWS adapter, started from
 * the queue (Q) as a batch confirmed earlier would be, and checked afterwards
 * through the SDK itself: exactly the five accounts of the batch are closed;
 * three quarantined accounts sit in Root/Suspended with the deny-all policy
 * attached to it; moved back, they are where they were.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	DescribeAccountCommand,
	DescribePolicyCommand,
	ListParentsCommand,
	ListPoliciesForTargetCommand,
} from '@aws-sdk/client-organizations';
import { afterEach, expect, it } from 'vitest';
import { createAwsGateway } from '../../source/org/aws/gateway.js';
import { BatchQueue } from '../../source/store/batch-queue.js';
import { Journal } from '../../source/store/journal/journal.js';
import { Settings } from '../../source/store/settings.js';
import { describeWithMoto, MOTO_REGION, seedOrganization } from '../support/moto.js';
import { KEYS, renderApp } from './flows-support.js';

const directories: string[] = [];
afterEach(() => {
	for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

async function confirm(app: ReturnType<typeof renderApp>, phrase: string): Promise<void> {
	await app.press(KEYS.enter);
	await app.see(`Type “${phrase}” then Enter`);
	await app.press(...phrase, KEYS.enter);
	await app.see('are you sure? [y/N]');
	await app.press('y', KEYS.enter);
}

describeWithMoto('batches on moto', (moto) => {
	it('closes exactly the five accounts of the batch; quarantines three and moves them back', async () => {
		const { server } = moto;
		await server.reset();
		const org = await seedOrganization(server.endpoint, {
			ous: ['Sandbox', 'Workloads'],
			accounts: Array.from({ length: 11 }, (_, index) => ({
				name: `member-${index}`,
				ou: index % 2 === 0 ? 'Sandbox' : 'Workloads',
			})),
		});
		const gateway = createAwsGateway({ endpointUrl: server.endpoint, region: MOTO_REGION });
		const directory = mkdtempSync(join(tmpdir(), 'orgdash-batch-moto-'));
		directories.push(directory);
		const settings = new Settings(directory);
		const queue = new BatchQueue(directory, org.organizationId);
		const members = org.accounts.map((account) => account.id);
		const toClose = members.slice(0, 5);
		const toQuarantine = members.slice(5, 8);
		queue.save({ verb: 'close', accountIds: toClose, queuedAt: new Date().toISOString() });

		const app = renderApp(gateway, settings);
		await app.see('5 closures queued, 5 can run now');
		await app.press('Q');
		await app.see('close 5 accounts · 5 will act · 0 refused');
		await confirm(app, 'close 5');
		await app.see('Done.');
		for (const id of members) {
			const { Account } = await org.client.send(new DescribeAccountCommand({ AccountId: id }));
			const closed = Account?.State === 'SUSPENDED' || Account?.State === 'CLOSED';
			expect([id, closed]).toEqual([id, toClose.includes(id)]);
		}
		expect(queue.read().batches).toEqual([]);
		app.instance.unmount();

		// Quarantine three.
		const formerParents = new Map(
			toQuarantine.map((id) => [id, org.accounts.find((account) => account.id === id)?.parentId]),
		);
		queue.save({ verb: 'quarantine', accountIds: toQuarantine, queuedAt: new Date().toISOString() });
		const second = renderApp(gateway, settings);
		await second.see('3 quarantine moves queued');
		await second.press('Q');
		await second.see('quarantine 3 accounts · 3 will act');
		expect(second.frame()).toContain('Create the OU Suspended under the root.');
		await confirm(second, 'quarantine 3');
		await second.see('Done.');
		const parentOf = async (id: string) =>
			(await org.client.send(new ListParentsCommand({ ChildId: id }))).Parents?.[0]?.Id as string;
		const quarantineOu = await parentOf(toQuarantine[0] as string);
		expect(quarantineOu).toMatch(/^ou-/);
		for (const id of toQuarantine) expect(await parentOf(id)).toBe(quarantineOu);
		const { Policies } = await org.client.send(
			new ListPoliciesForTargetCommand({ TargetId: quarantineOu, Filter: 'SERVICE_CONTROL_POLICY' }),
		);
		const attached = Policies?.find((policy) => policy.Name === 'orgdash-quarantine-deny-all');
		expect(attached).toBeDefined();
		const { Policy } = await org.client.send(new DescribePolicyCommand({ PolicyId: attached?.Id }));
		expect(JSON.parse(Policy?.Content ?? '{}').Statement[0]).toMatchObject({
			Effect: 'Deny',
			Action: '*',
			Resource: '*',
		});
		const journal = new Journal(directory, org.organizationId);
		expect(journal.formerParents(quarantineOu)).toEqual(formerParents);
		second.instance.unmount();

		// And back.
		queue.save({ verb: 'move-back', accountIds: toQuarantine, queuedAt: new Date().toISOString() });
		const third = renderApp(gateway, settings);
		await third.see('3 moves back queued');
		await third.press('Q');
		await third.see('move back 3 accounts · 3 will act');
		await confirm(third, 'move back 3');
		await third.see('Done.');
		for (const id of toQuarantine) expect(await parentOf(id)).toBe(formerParents.get(id));
		third.instance.unmount();
	}, 120_000);
});
