/**
 * A batch in the app, on the sandbox: the queue an earlier run left is shown
 * at start, opened with Q, planned again against the list as it is now, and
 * run only after the typed verb and count and a y; q during the run finishes
 * the calls in flight and keeps the rest queued for the next start. And the
 * runner on its own: an allowance that runs out mid-batch leaves the rest
 * queued with the date a slot frees; a process killed mid-batch leaves intents
 * that the next start settles one by one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import { DAY_MS, MINUTE_MS, type SandboxGateway } from '../../source/org/sandbox/types.js';
import { BatchQueue } from '../../source/store/batch-queue.js';
import { Journal } from '../../source/store/journal/journal.js';
import { Settings } from '../../source/store/settings.js';
import { nextSlotOnRecord } from '../../source/ui/batch-plan-input.js';
import { createBatchRun, plainCall } from '../../source/ui/batch-run.js';
import { destructiveCalls, KEYS, renderApp, waitFor } from './flows-support.js';

const folders: string[] = [];
function folder(): string {
	const path = mkdtempSync(join(tmpdir(), 'orgdash-batch-'));
	folders.push(path);
	return path;
}
afterEach(() => {
	for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true });
});

async function activeMembers(sandbox: SandboxGateway, count: number): Promise<string[]> {
	const organization = await sandbox.describeOrganization();
	const accounts = await sandbox.listAccounts();
	const ids = accounts
		.filter((account) => account.state === 'ACTIVE' && account.id !== organization.managementAccountId)
		.map((account) => account.id)
		.slice(0, count);
	expect(ids).toHaveLength(count);
	return ids;
}

async function confirm(app: ReturnType<typeof renderApp>, phrase: string): Promise<void> {
	await app.press(KEYS.enter);
	await app.see(`Type “${phrase}” then Enter`);
	await app.press(...phrase, KEYS.enter);
	await app.see('are you sure? [y/N]');
	await app.press('y', KEYS.enter);
}

describe('the batch queue in the app', () => {
	it('is shown at start, re-checked when opened, run after the confirmation; q keeps the rest for the next start', async () => {
		const sandbox = createSandbox();
		// The demo's own closure in progress completes first, so that the batch has AWS's three places to itself.
		sandbox.advance(15 * MINUTE_MS);
		const organization = await sandbox.describeOrganization();
		const [first, ...ids] = await activeMembers(sandbox, 7);
		const directory = folder();
		const settings = new Settings(directory);
		// Queued by an earlier run; one of them was closed since, elsewhere.
		new BatchQueue(directory, organization.id).save({
			verb: 'close',
			accountIds: [first as string, ...ids],
			queuedAt: '2026-01-01T00:00:00.000Z',
		});
		await sandbox.closeAccount(first as string);
		sandbox.advance(MINUTE_MS);
		sandbox.calls.length = 0;

		const app = renderApp(sandbox, settings);
		await app.see('7 closures queued');
		await app.press('Q');
		await app.see('Queued batch, re-checked now: close 7 accounts · 6 will act · 1 refused');
		expect(app.frame()).toContain('It is already closed.');
		expect(destructiveCalls(sandbox)).toEqual([]);
		// A wrong count is refused; nothing is sent.
		await app.press(KEYS.enter, ...'close 7', KEYS.enter);
		await app.see('Type “close 6” exactly');
		await app.press(...Array(7).fill(KEYS.backspace));
		await app.press(...'close 6', KEYS.enter);
		await app.see('are you sure? [y/N]');
		await app.press('y', KEYS.enter, 'q');
		await app.see('stay queued');
		const sent = destructiveCalls(sandbox).map((call) => call.accountId);
		expect(sent).toEqual(ids.slice(0, 3));
		const left = new BatchQueue(directory, organization.id).batch('close')?.accountIds;
		expect(left).toEqual(ids.slice(3));
		app.instance.unmount();

		// The next start: the three left, and their plan, then the run.
		sandbox.advance(MINUTE_MS);
		const next = renderApp(sandbox, settings);
		await next.see('3 closures queued, 3 can run now');
		await next.press('Q');
		await next.see('close 3 accounts · 3 will act · 0 refused');
		await confirm(next, 'close 3');
		await next.see('Done.');
		expect(destructiveCalls(sandbox).map((call) => call.accountId)).toEqual(ids);
		expect(new BatchQueue(directory, organization.id).read().batches).toEqual([]);
		const journal = new Journal(directory, organization.id).read().records;
		expect(journal.filter((record) => record.phase === 'intent').map((record) => record.accountId)).toEqual(ids);
		expect(journal.filter((record) => record.phase === 'outcome' && record.result)).toHaveLength(6);
		next.instance.unmount();
	}, 60_000);

	it('refuses a pasted answer and goes back on Esc without sending anything', async () => {
		const sandbox = createSandbox();
		const organization = await sandbox.describeOrganization();
		const ids = await activeMembers(sandbox, 2);
		const directory = folder();
		new BatchQueue(directory, organization.id).save({
			verb: 'remove',
			accountIds: ids,
			queuedAt: '2026-01-01T00:00:00.000Z',
		});
		sandbox.calls.length = 0;
		const app = renderApp(sandbox, new Settings(directory));
		await app.see('2 removals queued');
		await app.press('Q');
		await app.see('remove 2 accounts');
		await app.press(KEYS.enter, ...'remove 2', KEYS.enter);
		await app.see('are you sure? [y/N]');
		await app.press('y\r');
		await app.see('pasted keys do not count here');
		await app.press(KEYS.escape, KEYS.escape, KEYS.escape);
		await app.see('a actions');
		expect(destructiveCalls(sandbox)).toEqual([]);
		app.instance.unmount();
	}, 30_000);
});

describe('the batch runner on the sandbox', () => {
	it('stops when the allowance runs out mid-batch and leaves the rest queued with the date a slot frees', async () => {
		const start = new Date('2026-06-01T00:00:00.000Z');
		const sandbox = createSandbox({ accountCount: 300, now: () => start });
		const organization = await sandbox.describeOrganization();
		const caller = await sandbox.callerIdentity();
		const ids = await activeMembers(sandbox, 260);
		// Ten closures made elsewhere a day earlier: the journal does not know them; the accounts show their dates.
		for (const id of ids.slice(250)) {
			await sandbox.closeAccount(id);
			sandbox.advance(30_000);
		}
		sandbox.advance(DAY_MS);
		const batch = ids.slice(0, 250);
		const directory = folder();
		const journal = new Journal(directory, organization.id);
		const queue = new BatchQueue(directory, organization.id);
		sandbox.calls.length = 0;
		let accounts = await sandbox.listAccounts();
		const reading = {
			...sandbox,
			describeAccount: async (id: string) => {
				sandbox.advance(30_000);
				return sandbox.describeAccount(id);
			},
		};
		const run = createBatchRun(
			{
				gateway: reading,
				journal,
				queue,
				caller,
				call: plainCall('close', sandbox),
				pollIntervalMs: 0,
				nextSlotAt: () => nextSlotOnRecord(journal, accounts, new Date(start.getTime() + DAY_MS)),
			},
			{ verb: 'close', accountIds: batch },
			() => {},
		);
		accounts = await sandbox.listAccounts();
		run.start();
		await waitFor(() => run.progress().finished, 'the run to finish', 30_000);
		const { runner } = run.progress();
		// 250 allowed in 30 days; ten (and those the generated organization made) were used elsewhere.
		expect(runner.quotaStop).toBeDefined();
		expect(runner.done.length).toBeLessThanOrEqual(240);
		expect(runner.done.length + runner.queued.length).toBe(250);
		expect(runner.queued).toEqual(batch.slice(runner.done.length));
		const queued = queue.batch('close');
		expect(queued?.accountIds).toEqual(runner.queued);
		// The next slot: 30 days after the oldest closure the organization shows in the window.
		const windowStart = start.getTime() + DAY_MS - 30 * DAY_MS;
		const [oldest] = (await sandbox.listAccounts())
			.flatMap((account) => (account.closedAt && Date.parse(account.closedAt) > windowStart ? [account.closedAt] : []))
			.sort();
		expect(oldest).toBeDefined();
		expect(queued?.notBefore).toBe(new Date(Date.parse(oldest as string) + 30 * DAY_MS).toISOString());
		expect(Date.parse(queued?.notBefore as string)).toBeLessThanOrEqual(Date.parse('2026-07-01T00:00:00.000Z'));
		run.dispose();
	}, 60_000);

	it('a run killed mid-batch leaves intents that the next start settles one by one', async () => {
		const sandbox = createSandbox();
		sandbox.advance(15 * MINUTE_MS);
		const organization = await sandbox.describeOrganization();
		const caller = await sandbox.callerIdentity();
		const ids = await activeMembers(sandbox, 3);
		const directory = folder();
		const journal = new Journal(directory, organization.id);
		// The calls reach AWS, and the process is gone before the answers come back.
		const never = new Promise<void>(() => {});
		const run = createBatchRun(
			{
				gateway: sandbox,
				journal,
				queue: new BatchQueue(directory, organization.id),
				caller,
				call: { ...plainCall('close', sandbox), send: (id) => sandbox.closeAccount(id).then(() => never) },
			},
			{ verb: 'close', accountIds: ids },
			() => {},
		);
		run.start();
		await waitFor(() => destructiveCalls(sandbox).length === 3, 'three calls');
		run.dispose();
		expect(journal.pendingIntents().map((intent) => intent.accountId)).toEqual(ids);

		const app = renderApp(sandbox, new Settings(directory));
		await app.see('Went through');
		await waitFor(() => journal.pendingIntents().length === 0, 'every intent settled', 10_000);
		const reconciled = journal.read().records.filter((record) => record.action === 'reconcile');
		expect(reconciled.map((record) => record.accountId).sort()).toEqual([...ids].sort());
		expect(reconciled.every((record) => record.result?.summary.startsWith('Went through'))).toBe(true);
		app.instance.unmount();
	}, 30_000);

	it('removes in bulk, explaining each refusal for its account while the rest go on', async () => {
		const sandbox = createSandbox();
		const organization = await sandbox.describeOrganization();
		const caller = await sandbox.callerIdentity();
		const accounts = await sandbox.listAccounts();
		const idOf = (name: string) => accounts.find((account) => account.name === name)?.id as string;
		// Security Tooling is a delegated administrator; Brightline has no payment method of its own.
		const ids = [
			idOf('Security Tooling'),
			idOf('Payments Dev'),
			idOf('Brightline Analytics (acquired)'),
			idOf('Storefront Dev'),
		];
		const directory = folder();
		const run = createBatchRun(
			{
				gateway: sandbox,
				journal: new Journal(directory, organization.id),
				queue: undefined,
				caller,
				call: plainCall('remove', sandbox),
			},
			{ verb: 'remove', accountIds: ids },
			() => {},
		);
		sandbox.calls.length = 0;
		run.start();
		await waitFor(() => run.progress().finished, 'the removals to finish');
		const { runner, outcomes } = run.progress();
		expect(runner.done).toEqual([ids[1], ids[3]]);
		expect(runner.failed.map((item) => [item.accountId, item.error.reason])).toEqual([
			[ids[0], 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG'],
			[ids[2], 'MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED'],
		]);
		expect(outcomes.get(ids[0] as string)).toContain('delegated administrator');
		expect(outcomes.get(ids[2] as string)).toContain('payment');
		const remaining = new Set((await sandbox.listAccounts()).map((account) => account.id));
		expect(ids.map((id) => remaining.has(id))).toEqual([true, false, true, false]);
		run.dispose();
	});
});
