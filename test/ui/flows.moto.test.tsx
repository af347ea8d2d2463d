/**
 * The guided flows end to end against a real moto server through the AWS
 * adapter, checked afterwards through the SDK itself: the closed account
 * really is SUSPENDED or CLOSED, the removed one really is gone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	DescribeAccountCommand,
	ListAccountsCommand,
	RemoveAccountFromOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { afterEach, expect, it } from 'vitest';
import { createAwsGateway } from '../../source/org/aws/gateway.js';
import { Journal } from '../../source/store/journal/journal.js';
import { reconcilePending } from '../../source/store/journal/reconcile.js';
import { Settings } from '../../source/store/settings.js';
import { SEEDED_IMPACT, seedImpact } from '../support/impact-seed.js';
import { describeWithMoto, MOTO_REGION, type SeededOrganization, seedOrganization } from '../support/moto.js';
import { startProxy } from '../support/proxy.js';
import {
	type FlowKind,
	KEYS,
	type RenderedFlow,
	reachStep,
	renderFlowScreen,
	settle,
	tickWholeChecklist,
	waitFor,
	walkFlow,
} from './flows-support.js';

const directories: string[] = [];
afterEach(() => {
	for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

async function setUp(endpoint: string) {
	const org = await seedOrganization(endpoint, {
		ous: ['Workloads/Prod', 'Sandbox'],
		accounts: [
			{ name: 'to-close', ou: 'Sandbox' },
			{ name: 'to-remove', ou: 'Workloads/Prod' },
			{ name: 'stays', ou: 'Workloads/Prod' },
		],
	});
	const gateway = createAwsGateway({ endpointUrl: endpoint, region: MOTO_REGION });
	const organization = await gateway.describeOrganization();
	const caller = await gateway.callerIdentity();
	const accounts = await gateway.listAccounts();
	const directory = mkdtempSync(join(tmpdir(), 'orgdash-flows-moto-'));
	directories.push(directory);
	const settings = new Settings(directory);
	const journal = new Journal(settings.directory, organization.id);
	return { org, gateway, organization, caller, accounts, settings, journal };
}

type World = Awaited<ReturnType<typeof setUp>>;

/** The flow on the moto-backed gateway; steps may take a real server's time. */
function drive(world: World, kind: FlowKind, accountId: string): RenderedFlow {
	const account = world.accounts.find((item) => item.id === accountId);
	if (!account) throw new Error(`account ${accountId} is not in the list`);
	return renderFlowScreen({
		kind,
		account,
		accounts: world.accounts,
		services: {
			gateway: world.gateway,
			journal: world.journal,
			progress: world.settings,
			organization: world.organization,
			caller: world.caller,
			pollIntervalMs: 50,
		},
		stepTimeoutMs: 20_000,
	});
}

function accountNamed(org: SeededOrganization, name: string): string {
	const id = org.accounts.find((account) => account.name === name)?.id;
	if (!id) throw new Error(`no seeded account named ${name}`);
	return id;
}

describeWithMoto('guided flows against moto', (moto) => {
	it('closes a member: afterwards the SDK shows it SUSPENDED or CLOSED', async () => {
		await moto.server.reset();
		const world = await setUp(moto.server.endpoint);
		const id = accountNamed(world.org, 'to-close');
		const flow = drive(world, 'close', id);
		try {
			await reachStep(flow, 'intro');
			await flow.press(KEYS.enter);
			await reachStep(flow, 'checklist');
			// moto has no ListRegions or GetPrimaryEmail: those facts show as unknown, with the reason.
			await waitFor(() => flow.frame().includes('Enabled regions: unknown ('), 'the facts', 20_000);
			await tickWholeChecklist(flow);
			expect(flow.frame()).toContain('7 of 7 done');
			await flow.press(KEYS.enter, KEYS.enter);
			await reachStep(flow, 'confirm-id');
			await flow.type(id);
			await flow.press(KEYS.enter);
			await reachStep(flow, 'confirm-yes');
			await flow.press('y', KEYS.enter);
			await reachStep(flow, 'closed');
			expect(flow.frame()).toMatch(new RegExp(`Account ${id} is (SUSPENDED|CLOSED)`));
			expect(flow.frame()).toMatch(/reopened through AWS Support until \d{4}-\d{2}-\d{2}/);
		} finally {
			flow.unmount();
		}

		const described = await world.org.client.send(new DescribeAccountCommand({ AccountId: id }));
		expect([described.Account?.State, described.Account?.Status]).toEqual(
			expect.arrayContaining([expect.stringMatching(/^(SUSPENDED|CLOSED)$/)]),
		);
		const records = world.journal.read().records;
		expect(records.map((record) => `${record.action}/${record.phase}/${record.accountId}`)).toEqual([
			`close/intent/${id}`,
			`close/outcome/${id}`,
		]);
		expect(records[0]?.caller.accountId).toBe(world.organization.managementAccountId);
		expect(world.journal.pendingIntents()).toEqual([]);
	}, 60_000);

	it('removes a member: afterwards the SDK no longer finds it in the organization', async () => {
		await moto.server.reset();
		const world = await setUp(moto.server.endpoint);
		const id = accountNamed(world.org, 'to-remove');
		const flow = drive(world, 'remove', id);
		try {
			await reachStep(flow, 'remove-intro');
			expect(flow.frame()).toContain('What removal means');
			await walkFlow(flow, { until: 'answered' });
			await reachStep(flow, 'removed');
			expect(flow.frame()).toContain(`Account ${id} left the organization`);
		} finally {
			flow.unmount();
		}

		const listed = await world.org.client.send(new ListAccountsCommand({}));
		const ids = (listed.Accounts ?? []).map((account) => account.Id);
		expect(ids).not.toContain(id);
		expect(ids).toContain(accountNamed(world.org, 'stays'));
		await expect(world.org.client.send(new DescribeAccountCommand({ AccountId: id }))).rejects.toMatchObject({
			name: 'AccountNotFoundException',
		});
		expect(world.journal.read().records.map((record) => `${record.action}/${record.phase}`)).toEqual([
			'remove/intent',
			'remove/outcome',
		]);
	}, 60_000);

	it('settles a closure whose answer was lost on the way back: moto closed it, the journal says unknown, then settled', async () => {
		await moto.server.reset();
		const seeded = await setUp(moto.server.endpoint);
		const proxy = await startProxy({ target: moto.server.endpoint, loseAnswersTo: ['CloseAccount'] });
		const world = { ...seeded, gateway: createAwsGateway({ endpointUrl: proxy.endpoint, region: MOTO_REGION }) };
		const id = accountNamed(world.org, 'to-close');
		const steps: string[] = [];
		const flow = drive(world, 'close', id);
		try {
			await walkFlow(flow, { until: 'answered' });
			await waitFor(
				() => {
					steps.push(flow.step());
					return flow.step() === 'closed';
				},
				() => `step closed (now ${flow.step()})`,
				20_000,
			);
			await settle();
			expect(flow.frame()).toContain(
				'The answer to CloseAccount was lost, but AWS shows the account SUSPENDED: the closure went through.',
			);
			expect(flow.frame()).toContain(`Account ${id} is SUSPENDED`);
		} finally {
			flow.unmount();
			await proxy.close();
		}
		expect(proxy.stats.answersLost).toEqual(['CloseAccount']);
		expect(steps).not.toContain('failed');

		const described = await world.org.client.send(new DescribeAccountCommand({ AccountId: id }));
		expect(described.Account?.State ?? described.Account?.Status).toBe('SUSPENDED');
		const records = world.journal.read().records;
		expect(
			records.map((record) => `${record.action}/${record.phase}${record.outcomeUnknown ? '/unknown' : ''}`),
		).toEqual(['close/intent', 'close/outcome/unknown', 'reconcile/outcome']);
		// The SDK reports a connection reset mid-answer as a TimeoutError or a NetworkError, depending on its timing.
		expect(records[1]?.error?.code).toMatch(/^(NetworkError|TimeoutError)$/);
		expect(records[2]?.result).toEqual({ accountState: 'SUSPENDED', summary: 'Went through: now SUSPENDED.' });
		// The next start finds nothing pending.
		expect(world.journal.pendingIntents()).toEqual([]);
		expect(await reconcilePending(world.journal, seeded.gateway, world.caller)).toEqual([]);
		expect(world.journal.closuresSince(new Date(0)).map((closure) => closure.accountId)).toEqual([id]);
	}, 60_000);

	it('refuses the management account before any call, though moto itself would close it', async () => {
		await moto.server.reset();
		const world = await setUp(moto.server.endpoint);
		const flow = drive(world, 'close', world.organization.managementAccountId);
		try {
			await reachStep(flow, 'refused');
			expect(flow.frame()).toContain('This is the management account');
			await flow.press(KEYS.enter);
			expect(flow.exited()).toBe(true);
		} finally {
			flow.unmount();
		}
		expect(world.journal.read().records).toEqual([]);
	}, 60_000);

	it('refuses to remove a delegated administrator, which moto itself removes; shows what closing it would break', async () => {
		await moto.server.reset();
		const world = await setUp(moto.server.endpoint);
		const id = accountNamed(world.org, 'to-remove');
		await seedImpact(moto.server.endpoint, world.org, id);

		const removal = drive(world, 'remove', id);
		try {
			await reachStep(removal, 'refused');
			expect(removal.frame()).toContain(
				`aws organizations deregister-delegated-administrator --account-id ${id} --service-principal ${SEEDED_IMPACT.service}`,
			);
		} finally {
			removal.unmount();
		}
		expect(world.journal.read().records).toEqual([]);

		const closure = drive(world, 'close', id);
		try {
			await reachStep(closure, 'intro');
			await waitFor(() => closure.frame().includes('this month so far'), 'the impact scan', 20_000);
			const frame = closure.frame();
			expect(frame).toContain(`${SEEDED_IMPACT.stackSet} (us-east-1)`);
			expect(frame).toContain(`1 permission set (${SEEDED_IMPACT.permissionSet}), 1 assignment`);
			expect(frame).toContain(`${SEEDED_IMPACT.policy} (SERVICE_CONTROL_POLICY)`);
			expect(frame).toContain(`${SEEDED_IMPACT.tag.key}=${SEEDED_IMPACT.tag.value}`);
			expect(frame).toContain(`${SEEDED_IMPACT.lastMonth} USD`);
			expect(frame).toContain('Reserved Instances and Savings Plans keep billing after closure');
		} finally {
			closure.unmount();
		}

		// The refusal above is orgdash's own: moto removes a delegated administrator when asked.
		await world.org.client.send(new RemoveAccountFromOrganizationCommand({ AccountId: id }));
		const listed = await world.org.client.send(new ListAccountsCommand({}));
		expect((listed.Accounts ?? []).map((account) => account.Id)).not.toContain(id);
	}, 60_000);
});
