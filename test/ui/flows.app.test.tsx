/**
 * The flows from the dashboard, as a person reaches them: c, x and L on the
 * demo organization, the console steps for the management account, help
 * listing the flow keys, and requests left without an outcome at start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import { SANDBOX_CLOSURE_DELAY_MS, type SandboxGateway } from '../../source/org/sandbox/types.js';
import { Journal } from '../../source/store/journal/journal.js';
import { Settings } from '../../source/store/settings.js';
import { destructiveCalls, KEYS, renderApp, selectAccount, settle, waitFor } from './flows-support.js';

const NOW = new Date('2026-11-26T12:00:00.000Z');
let folder: string;
let settings: Settings;
let sandbox: SandboxGateway;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-flows-app-'));
	settings = new Settings(folder);
	sandbox = createSandbox({ now: () => NOW });
});

afterEach(() => {
	cleanup();
	rmSync(folder, { recursive: true, force: true });
});

function start() {
	return renderApp(sandbox, settings);
}

describe('the flows from the dashboard', () => {
	it('c closes the selected member, and the dashboard follows its state', async () => {
		const app = start();
		await app.see('Log Archive');
		await selectAccount(app, DEMO_ACCOUNTS.logArchive);
		await app.press('c');
		await app.see(`Close account ${DEMO_ACCOUNTS.logArchive} · Log Archive`);
		await app.see('What closing means');
		await app.press(KEYS.enter);
		await app.see('0 of 7 done');
		for (let item = 0; item < 7; item++) await app.press(KEYS.space, KEYS.down);
		await app.see('7 of 7 done');
		await app.press(KEYS.enter, KEYS.enter, ...DEMO_ACCOUNTS.logArchive, KEYS.enter);
		await app.see('[y/N]');
		await app.press('y', KEYS.enter);
		await app.see('AWS accepted the closure request');
		sandbox.advance(SANDBOX_CLOSURE_DELAY_MS);
		await app.see(`Account ${DEMO_ACCOUNTS.logArchive} is CLOSED`);
		await app.press(KEYS.escape);
		await app.see('NAME');
		await waitFor(() => /Log Archive\s+318274650192.*CLOSED/.test(app.instance.lastFrame() ?? ''), 'the row CLOSED');
		expect(destructiveCalls(sandbox)).toEqual([{ operation: 'closeAccount', accountId: DEMO_ACCOUNTS.logArchive }]);
	});

	it('c on the management account shows the console steps, with the members left', async () => {
		const app = start();
		await app.see('Acme Corp Management');
		await selectAccount(app, DEMO_ACCOUNTS.management);
		// The dashboard never asks IAM: only a screen that advises root sign-in does.
		const rootAccessCalls = () => sandbox.calls.filter((call) => call.operation === 'rootAccessFeatures').length;
		expect(rootAccessCalls()).toBe(0);
		await app.press('c');
		await app.see('Close the management account 111111111111');
		expect(app.frame()).toContain('Step 1 of 8: Close or remove every member');
		expect(app.frame()).toContain('34 members remain in the organization, 26 of them open.');
		await app.see('A member you remove to close in the console needs its root password');
		await app.press(KEYS.enter, KEYS.enter);
		await app.see('Step 3 of 8: Sign in as the root user');
		await app.see('Centralized root access in the organization: on (RootCredentialsManagement, RootSessions).');
		expect(rootAccessCalls()).toBe(1);
		await app.press(KEYS.escape, KEYS.escape, KEYS.escape);
		await app.see('NAME');
		expect(destructiveCalls(sandbox)).toEqual([]);
	});

	it('x removes the selected member, and it leaves the list', async () => {
		const app = start();
		await app.see('35 accounts');
		await selectAccount(app, DEMO_ACCOUNTS.paymentsProd);
		await app.press('x');
		await app.see('What removal means');
		expect(app.frame()).toContain('The quota goes from 37 to 36 of 40 accounts.');
		await app.press(KEYS.enter, ...DEMO_ACCOUNTS.paymentsProd, KEYS.enter);
		await app.see('[y/N]');
		await app.press('y', KEYS.enter);
		await app.see(`Account ${DEMO_ACCOUNTS.paymentsProd} left the organization`);
		// The header follows at once: the slot is free; the outcome stays on screen though the row is gone.
		await app.see('36 of 40 accounts');
		await settle();
		expect(app.frame()).toContain(`Account ${DEMO_ACCOUNTS.paymentsProd} left the organization`);
		await app.press(KEYS.escape);
		await app.see('NAME');
		// The filter still holds the id: the list is now empty of it.
		await waitFor(() => !(app.instance.lastFrame() ?? '').includes('Payments Prod'), 'the row to go');
		expect(destructiveCalls(sandbox)).toEqual([{ operation: 'removeAccount', accountId: DEMO_ACCOUNTS.paymentsProd }]);
	});

	it('L shows the journal, and ? lists the flow keys', async () => {
		const journal = new Journal(settings.directory, 'o-demo1234567');
		const intent = journal.appendIntent({
			caller: { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/demo-admin' },
			accountId: DEMO_ACCOUNTS.sandboxBob,
			action: 'close',
		});
		journal.appendOutcome(intent, { result: { summary: 'CloseAccount accepted.' } });
		const app = start();
		await app.see('Log Archive');
		await app.press('L');
		await app.see('Journal of o-demo1234567: 1 request');
		expect(app.frame()).toContain(`close ${DEMO_ACCOUNTS.sandboxBob} accepted CloseAccount accepted.`);
		await app.press(KEYS.escape);
		await app.see('NAME');
		await app.press('?');
		await app.see('orgdash keys');
		// Help scrolls: the flow keys come after the dashboard's.
		for (let line = 0; line < 40 && !app.frame().includes('Closing and removing (c, x)'); line++) await app.press('j');
		await app.see('Closing and removing (c, x)');
		for (let line = 0; line < 12 && !app.frame().includes('type the account id'); line++) await app.press('j');
		expect(app.frame()).toContain('0-9 type the account id, all 12 digits, to confirm');
		for (let line = 0; line < 12 && !app.frame().includes('yes / y'); line++) await app.press('j');
		expect(app.frame()).toContain('yes / y last question: type yes (or y) then Enter to go ahead; anything else is No');
	});

	it('shows requests an earlier run left without an outcome, and settles them', async () => {
		const journal = new Journal(settings.directory, 'o-demo1234567');
		journal.appendIntent({
			caller: { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/demo-admin' },
			accountId: DEMO_ACCOUNTS.logArchive,
			action: 'close',
		});
		const app = start();
		await app.see('A request from an earlier run had no recorded outcome');
		await app.see('Did not go through: still ACTIVE.');
		expect(journal.pendingIntents()).toEqual([]);
		await app.press(KEYS.enter);
		await app.see('NAME');
	});
});

describe('closures on record in the quota line', () => {
	it('counts a SUSPENDED account as closed once its closure is in the journal, with its deletion date', async () => {
		const journal = new Journal(settings.directory, 'o-demo1234567', {
			now: () => new Date('2026-11-20T00:00:00.000Z'),
		});
		const caller = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/demo-admin' };
		const intent = journal.appendIntent({ caller, accountId: DEMO_ACCOUNTS.quarantine, action: 'close' });
		journal.appendOutcome(intent, { result: { accountState: 'SUSPENDED', summary: 'closure requested' } });
		const app = start();
		await app.see('8 closed accounts still count until AWS deletes them');
	});

	it('leaves an account suspended by AWS out of the closed ones when no closure is on record', async () => {
		const app = start();
		await app.see('7 closed accounts still count until AWS deletes them');
	});
});
