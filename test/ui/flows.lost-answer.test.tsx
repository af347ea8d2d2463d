/**
 * A close or remove request whose answer is lost (the connection breaks after
 * the request reached AWS): the outcome is unknown, recorded as such, and
 * settled at once by reading the account's state.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { OrgError } from '../../source/org/errors.js';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { journalEntries } from '../../source/store/journal/entries.js';
import { reconcilePending } from '../../source/store/journal/reconcile.js';
import { JournalScreen } from '../../source/ui/screens/JournalScreen.js';
import {
	destructiveCalls,
	flowWorldForEachTest,
	KEYS,
	type RenderedFlow,
	reachStep,
	walkFlow,
} from './flows-support.js';

const flows = flowWorldForEachTest();

/** Walks a close flow to its confirmation and answers yes. */
async function confirmClose(accountId: string): Promise<RenderedFlow> {
	const flow = flows.open('close', accountId);
	await walkFlow(flow, { until: 'answered' });
	return flow;
}

function phases(): string[] {
	return flows.world.journal
		.read()
		.records.map((record) => `${record.action}/${record.phase}${record.outcomeUnknown ? '/unknown' : ''}`);
}

describe('a closure whose answer was lost', () => {
	it('is settled at once: AWS shows it PENDING_CLOSURE, so it went through, and it is tracked', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		flows.world.sandbox.loseNextAnswer('closeAccount');
		const flow = await confirmClose(id);
		await reachStep(flow, 'tracking');
		const steps = flow.states.map((state) => state.step.name);
		expect(steps).toContain('settling');
		expect(steps).not.toContain('failed');
		expect(flow.frame()).toContain(
			'The answer to CloseAccount was lost, but AWS shows the account PENDING_CLOSURE: the closure went through.',
		);
		expect(destructiveCalls(flows.world.sandbox)).toHaveLength(1);
		expect(phases()).toEqual(['close/intent', 'close/outcome/unknown', 'reconcile/outcome']);
		const [intent, lost, reconcile] = flows.world.journal.read().records;
		expect(lost?.error?.code).toBe('NetworkError');
		expect(reconcile).toMatchObject({
			intentId: intent?.intentId,
			reconciles: 'close',
			result: { accountState: 'PENDING_CLOSURE', summary: 'Went through: now PENDING_CLOSURE.' },
		});
		expect(flows.world.journal.pendingIntents()).toEqual([]);
		expect(flows.world.journal.closuresSince(new Date(0)).map((closure) => closure.accountId)).toEqual([id]);
		expect(journalEntries(flows.world.journal.read().records)[0]?.status).toBe('reconciled');
	});

	it('shows "unknown, checking" while the account is read', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		flows.world.sandbox.loseNextAnswer('closeAccount');
		// The read that settles it waits until the screen was looked at.
		let release: () => void = () => {};
		const held = new Promise<void>((resolve) => {
			release = resolve;
		});
		const describe = flows.world.sandbox.describeAccount.bind(flows.world.sandbox);
		let reads = 0;
		flows.world.sandbox.describeAccount = async (accountId: string) => {
			reads++;
			if (reads === 2) await held;
			return describe(accountId);
		};
		const flow = await confirmClose(id);
		await reachStep(flow, 'settling');
		const frame = flow.frame();
		expect(frame).toContain('No answer came to the request to close the account: whether it went through is unknown.');
		expect(frame).toContain('Outcome unknown, checking');
		expect(frame).toContain('AWS said: NetworkError');
		// Keys do nothing while it is read: no second request.
		await flow.press(KEYS.enter, 'y', KEYS.enter);
		expect(flow.step()).toBe('settling');
		const [entry] = journalEntries(flows.world.journal.read().records);
		expect(entry?.status).toBe('unknown');
		const view = render(<JournalScreen journal={flows.world.journal} onBack={() => {}} width={160} />);
		try {
			expect(view.lastFrame()).toContain('unknown, checking: the answer was lost (NetworkError');
			expect(view.lastFrame()).toContain('1 without a known outcome');
		} finally {
			view.unmount();
		}
		release();
		await reachStep(flow, 'tracking');
		expect(destructiveCalls(flows.world.sandbox)).toHaveLength(1);
	});

	it('says it did not go through when AWS failed before acting and the account is still ACTIVE', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		flows.world.sandbox.failNext('closeAccount', new OrgError('ServiceException', 'internal error'));
		const flow = await confirmClose(id);
		await reachStep(flow, 'failed');
		expect(flow.frame()).toContain(`The request to close account ${id} did not go through.`);
		expect(flow.frame()).toContain('AWS shows the account still ACTIVE');
		expect(phases()).toEqual(['close/intent', 'close/outcome/unknown', 'reconcile/outcome']);
		expect(flows.world.journal.read().records[2]?.result?.summary).toBe('Did not go through: still ACTIVE.');
		expect(flows.world.journal.pendingIntents()).toEqual([]);
		expect(flows.world.journal.closuresSince(new Date(0))).toEqual([]);
	});

	it('stays unknown, pending and counted when the account cannot be read either; the next start settles it', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		flows.world.sandbox.loseNextAnswer('closeAccount');
		const flow = flows.open('close', id);
		await reachStep(flow, 'intro');
		// The flow's first read is done; the next one, after the lost answer, fails too.
		flows.world.sandbox.failNext('describeAccount', new OrgError('TimeoutError', 'timed out', { network: true }));
		await walkFlow(flow, { until: 'answered' });
		await reachStep(flow, 'unknown');
		expect(flow.frame()).toContain('whether it went through is unknown');
		expect(flow.frame()).toContain('Reading the account failed too');
		expect(flow.frame()).toContain('checks it again on the next start');
		expect(phases()).toEqual(['close/intent', 'close/outcome/unknown']);
		expect(flows.world.journal.pendingIntents().map((intent) => intent.accountId)).toEqual([id]);
		// Conservative: it counts against the closure allowance while unknown.
		expect(flows.world.journal.closuresSince(new Date(0)).map((closure) => closure.accountId)).toEqual([id]);
		await flow.press(KEYS.escape);
		expect(flow.exited()).toBe(true);

		const next = await reconcilePending(flows.world.journal, flows.world.sandbox, flows.world.caller);
		expect(next[0]?.outcome?.result?.summary).toBe('Went through: now PENDING_CLOSURE.');
		expect(flows.world.journal.pendingIntents()).toEqual([]);
		expect(destructiveCalls(flows.world.sandbox)).toHaveLength(1);
	});
});

describe('a removal whose answer was lost', () => {
	it('is settled at once: the account is no longer in the organization, so it went through', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		flows.world.sandbox.loseNextAnswer('removeAccount');
		const flow = flows.open('remove', id);
		await walkFlow(flow, { until: 'answered' });
		await reachStep(flow, 'removed');
		expect(flow.frame()).toContain(
			'The answer to RemoveAccountFromOrganization was lost, but the account is no longer in the organization: the removal went through.',
		);
		expect(flow.frame()).toContain(`Account ${id} left the organization`);
		expect(phases()).toEqual(['remove/intent', 'remove/outcome/unknown', 'reconcile/outcome']);
		expect(flows.world.journal.read().records[2]?.result?.gone).toBe(true);
		expect(flows.world.journal.pendingIntents()).toEqual([]);
	});
});

describe('a closure after a crash cut the last line of the journal', () => {
	it('is recorded whole: intent and outcome are read, the cut line noted', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		mkdirSync(dirname(flows.world.journal.path), { recursive: true });
		appendFileSync(
			flows.world.journal.path,
			'{"time":"2026-05-10T11:00:00.000Z","organizationId":"o-demo1234567","cal',
		);
		const flow = await confirmClose(id);
		await reachStep(flow, 'tracking');
		const { records, skipped } = flows.world.journal.read();
		expect(records.map((record) => `${record.action}/${record.phase}/${record.accountId}`)).toEqual([
			`close/intent/${id}`,
			`close/outcome/${id}`,
		]);
		expect(skipped.map((line) => line.line)).toEqual([1]);
		expect(flows.world.journal.pendingIntents()).toEqual([]);
	});
});
