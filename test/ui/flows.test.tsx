import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { OrgError } from '../../source/org/errors.js';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { SANDBOX_CLOSURE_DELAY_MS } from '../../source/org/sandbox/types.js';
import { Journal } from '../../source/store/journal/journal.js';
import { pollDelay } from '../../source/ui/flow-effects.js';
import { ConsoleClosureScreen } from '../../source/ui/screens/ConsoleClosureScreen.js';
import { JournalScreen } from '../../source/ui/screens/JournalScreen.js';
import { ReconcileScreen } from '../../source/ui/screens/ReconcileScreen.js';
import { REMOVAL_PREREQUISITE_TITLES } from '../support/accounts.js';
import {
	destructiveCalls,
	flat,
	flowWorldForEachTest,
	KEYS,
	reachStep,
	recordAcceptedClosures,
	settle,
	tickWholeChecklist,
	waitFor,
	walkFlow,
} from './flows-support.js';

const flows = flowWorldForEachTest();
const { open } = flows;

describe('the whole close flow on the sandbox', () => {
	it('goes from before-you-start to CLOSED, journaling the request, and shows the reopen date', async () => {
		const id = DEMO_ACCOUNTS.logArchive;
		const flow = open('close', id);
		await reachStep(flow, 'intro');
		let frame = flow.frame();
		for (const text of [
			`Close account ${id} · Log Archive`,
			'What closing means',
			'Only the root user can still sign in',
			'reopened only through AWS Support, within 90 days',
			'Reserved Instances and Savings Plans keep being billed',
			'GovCloud',
			'until AWS deletes it, about 2026-08-08',
			'Removed from the organization first, its slot frees at once',
			// The demo shows three closures inside the window: 250 allowed (the higher of 250 or 20 % of 34 members).
			'247 of about 250 closures left in the rolling 30 days',
		]) {
			expect(frame).toContain(text);
		}

		await flow.press(KEYS.enter);
		await reachStep(flow, 'checklist');
		await waitFor(() => flow.frame().includes('Enabled regions: 17:'), 'the facts');
		frame = flow.frame();
		expect(frame).toContain('0 of 7 done');
		expect(frame).toContain('Back up applications and data');
		await tickWholeChecklist(flow);
		expect(flow.frame()).toContain('7 of 7 done');
		expect(flows.world.settings.checklistProgress(flows.world.organization.id, id)?.ticked).toHaveLength(7);

		await flow.press(KEYS.enter);
		await reachStep(flow, 'path');
		expect(flow.frame()).toContain('Close it inside the organization (CloseAccount)');
		expect(flow.frame()).toContain('Remove it from the organization first, then close it in the console');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'confirm-id');
		expect(flow.frame()).toContain(`type its account id in full: ${id}`);
		await flow.type(id);
		expect(flow.frame()).toContain('12 of 12 digits');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'confirm-yes');
		expect(flow.frame()).toContain(`Close account ${id} (Log Archive) now? [y/N]`);
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);

		await flow.press('y', KEYS.enter);
		await reachStep(flow, 'tracking');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([{ operation: 'closeAccount', accountId: id }]);
		await waitFor(() => flow.frame().includes('PENDING_CLOSURE'), 'PENDING_CLOSURE');
		expect(flow.frame()).toContain('AWS accepted the closure request');
		expect(flow.frame()).toContain('reopened through AWS Support until 2026-08-08');

		flows.world.sandbox.advance(SANDBOX_CLOSURE_DELAY_MS);
		await reachStep(flow, 'closed');
		frame = flow.frame();
		expect(frame).toContain(`Account ${id} is CLOSED`);
		expect(frame).toContain('reopened through AWS Support until 2026-08-08');
		expect((await flows.world.sandbox.describeAccount(id)).state).toBe('CLOSED');

		const records = flows.world.journal.read().records;
		expect(records.map((record) => [record.action, record.phase, record.accountId])).toEqual([
			['close', 'intent', id],
			['close', 'outcome', id],
		]);
		expect(records[1]?.result?.summary).toMatch(/CloseAccount accepted/);
		expect(flows.world.settings.checklistProgress(flows.world.organization.id, id)).toBeUndefined();

		await flow.press(KEYS.enter);
		expect(flow.exited()).toBe(false);
		await flow.press(KEYS.escape);
		expect(flow.exited()).toBe(true);
		expect(destructiveCalls(flows.world.sandbox)).toHaveLength(1);
	});

	it('keeps checklist progress per account and resumes it', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		const first = open('close', id);
		await reachStep(first, 'intro');
		await first.press(KEYS.enter, KEYS.space, KEYS.down, KEYS.space, KEYS.down, KEYS.space);
		expect(first.frame()).toContain('3 of 7 done');
		await first.press(KEYS.escape, KEYS.escape);
		expect(first.exited()).toBe(true);
		first.unmount();

		const second = open('close', id);
		await reachStep(second, 'intro');
		await second.press(KEYS.enter);
		expect(second.frame()).toContain('3 of 7 done');
		await second.press(KEYS.enter);
		expect(second.frame()).toContain('Tick every item to go on (3 of 7 done)');
		const other = open('close', DEMO_ACCOUNTS.logArchive);
		await reachStep(other, 'intro');
		await other.press(KEYS.enter);
		expect(other.frame()).toContain('0 of 7 done');
	});

	it('says on the root sign-in item whether the organization manages root access centrally, or why that is unknown', async () => {
		// Refused first: unknown, with the reason, and the possibility said.
		flows.world.sandbox.failNext('rootAccessFeatures', new OrgError('AccessDenied', 'not authorized'));
		const denied = open('close', DEMO_ACCOUNTS.paymentsProd);
		await reachStep(denied, 'intro');
		await denied.press(KEYS.enter, KEYS.down, KEYS.down, KEYS.down, KEYS.down);
		await waitFor(
			() =>
				denied.frame().includes('Centralized root access: unknown (permission iam:ListOrganizationsFeatures missing)'),
			'the reason',
		);
		expect(denied.frame()).toContain('if on,');
		denied.unmount();

		// An unknown answer is asked again by the next flow: the demo manages root credentials centrally.
		const flow = open('close', DEMO_ACCOUNTS.logArchive);
		await reachStep(flow, 'intro');
		await flow.press(KEYS.enter, KEYS.down, KEYS.down, KEYS.down, KEYS.down);
		await waitFor(
			() => flow.frame().includes('Centralized root access: on (RootCredentialsManagement, RootSessions)'),
			'the root access answer',
		);
		expect(flow.frame()).toContain('Make sure someone can sign in as root');
		expect(flow.frame()).toContain('sts:AssumeRoot');
		expect(flows.world.sandbox.calls.filter((call) => call.operation === 'rootAccessFeatures')).toHaveLength(2);
	});

	it('shows unknown facts as unknown with the reason', async () => {
		const flow = open('close', DEMO_ACCOUNTS.northwindPartner);
		await reachStep(flow, 'intro');
		await flow.press(KEYS.enter);
		await waitFor(() => flow.frame().includes('Enabled regions: unknown ('), 'unknown regions');
		expect(flow.frame()).toContain('trusted access for account.amazonaws.com is not enabled');
		// j and k move too (the flow keys of the keymap).
		await flow.press('j', 'j', 'j', 'j', 'j', 'k');
		expect(flow.frame()).toMatch(/Root email: unknown \(AccessDeniedException/);
	});

	it('sends one request however often Enter and y are pressed', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		const flow = open('close', id);
		await walkFlow(flow, { until: 'last-question' });
		await flow.press('y');
		// Several keys in one chunk, as a key held down or a paste would send them.
		for (const chunk of [KEYS.enter, KEYS.enter, 'y', KEYS.enter, KEYS.enter]) flow.write(chunk);
		await waitFor(() => flow.step() === 'tracking', 'tracking');
		await flow.press(KEYS.enter, 'y', KEYS.enter);
		expect(destructiveCalls(flows.world.sandbox)).toEqual([{ operation: 'closeAccount', accountId: id }]);
		expect(flows.world.journal.read().records.filter((record) => record.phase === 'intent')).toHaveLength(1);
	});

	it('takes a pasted id, but never a pasted answer', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		const flow = open('remove', id);
		await reachStep(flow, 'remove-intro');
		await flow.press(KEYS.enter, `${id}\r`);
		await reachStep(flow, 'confirm-yes');
		await flow.press('y\r', 'y\r\r');
		expect(flow.step()).toBe('confirm-yes');
		expect(flow.frame()).toContain('Type the answer, one key at a time: pasted keys do not count here');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
		// A typed y, then the rest pasted: nothing pasted stays, and the line is empty again.
		await flow.press('y', 'es');
		expect(flow.states.at(-1)?.step).toMatchObject({ name: 'confirm-yes', answer: '' });
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
		await flow.press('y', KEYS.enter);
		await reachStep(flow, 'removed');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([{ operation: 'removeAccount', accountId: id }]);
	});

	it.each(['no', 'not yet', 'nay', 'yes please', 'jk', 'ok'])(
		'typing %j one key at a time at the last question shows it and sends nothing',
		async (answer) => {
			const id = DEMO_ACCOUNTS.paymentsProd;
			const flow = open('close', id);
			await walkFlow(flow, { until: 'last-question' });
			await flow.type(answer);
			// Shown as typed, spaces included; j and k are letters here, not moves.
			expect(flow.rawFrame()).toContain(`now? [y/N] ${answer}`);
			expect(flow.frame()).toContain('Enter now is No: nothing is sent.');
			await flow.press(KEYS.enter);
			await reachStep(flow, 'path');
			expect(flow.frame()).toContain(`“${answer}” is not yes, so it is No: nothing was sent.`);
			expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
			expect(flows.world.journal.read().records).toEqual([]);
		},
	);

	it('confirms with yes typed in full, after Backspace corrected the line', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		const flow = open('remove', id);
		await walkFlow(flow, { until: 'last-question' });
		expect(flow.frame()).toContain('type yes (or y) then Enter: go ahead');
		await flow.type('yes please');
		for (let char = 0; char < ' please'.length; char++) await flow.press(KEYS.backspace);
		expect(flow.rawFrame()).toContain('now? [y/N] yes');
		expect(flow.frame()).toContain('Enter now sends RemoveAccountFromOrganization.');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'removed');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([{ operation: 'removeAccount', accountId: id }]);
	});

	it('says so when the answer is too long, and when a 13th digit is typed', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		const flow = open('remove', id);
		await walkFlow(flow, { until: 'id-typed', typedId: `${id}4` });
		expect(flow.frame()).toContain('An account id has 12 digits: the extra digit was not added');
		expect(flow.frame()).toContain('12 of 12 digits');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'confirm-yes');
		await flow.type('no, not now, not ever');
		expect(flow.frame()).toContain('The answer is at most 20 characters');
		expect(flow.rawFrame()).toContain('[y/N] no, not now, not eve');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'remove-intro');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
	});

	it('explains an AWS refusal and records it in the journal', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		flows.world.sandbox.failNext(
			'closeAccount',
			new OrgError('ConstraintViolationException', 'too many', { reason: 'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED' }),
		);
		const flow = open('close', id);
		await walkFlow(flow, { until: 'answered' });
		await reachStep(flow, 'failed');
		const frame = flow.frame();
		expect(frame).toContain('too many closures are in progress at the same time');
		expect(frame).toContain('Why:');
		expect(frame).toContain('Now: Wait until the accounts now PENDING_CLOSURE show CLOSED');
		expect(frame).toContain('AWS said: ConstraintViolationException: CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED');
		const outcome = flows.world.journal.read().records[1];
		expect(outcome?.error).toEqual({
			code: 'ConstraintViolationException',
			reason: 'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED',
			message: 'too many',
		});
		expect(flows.world.journal.pendingIntents()).toEqual([]);
	});

	/** Closes an account with this journal: the intent cannot be recorded, so the request must not go out. */
	async function expectNoRequestWithoutTheJournal(journal: Journal): Promise<void> {
		const flow = open('close', DEMO_ACCOUNTS.paymentsProd, { journal });
		await walkFlow(flow, { until: 'answered' });
		await reachStep(flow, 'failed');
		expect(flow.frame()).toContain('could not write the journal first');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
	}

	it('does not send the request when the journal cannot be written', async () => {
		const broken = Object.create(flows.world.journal, {
			appendIntent: {
				value: () => {
					throw new Error('EROFS: read-only file system');
				},
			},
		});
		await expectNoRequestWithoutTheJournal(broken);
	});

	it('does not send the request when the settings folder cannot be written (a real journal, ENOTDIR)', async () => {
		const notAFolder = join(flows.world.settings.directory, 'a-file');
		writeFileSync(notAFolder, '');
		await expectNoRequestWithoutTheJournal(new Journal(notAFolder, flows.world.journal.organizationId));
	});

	it('Esc goes back one step at a time and never acts', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		const flow = open('close', id);
		await walkFlow(flow, { until: 'last-question' });
		await flow.press('y');
		const trail: string[] = [];
		for (let step = 0; step < 5; step++) {
			await flow.press(KEYS.escape);
			trail.push(flow.step());
		}
		expect(trail).toEqual(['confirm-id', 'path', 'checklist', 'intro', 'exit']);
		expect(flow.exited()).toBe(true);
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
	});
});

describe('close refusals on screen', () => {
	it('refuses the management account', async () => {
		const flow = open('close', DEMO_ACCOUNTS.management);
		await reachStep(flow, 'refused');
		expect(flow.frame()).toContain('orgdash will not close this account');
		expect(flow.frame()).toContain('This is the management account');
	});

	it('refuses a closed account', async () => {
		const flow = open('close', DEMO_ACCOUNTS.legacyBillingDev);
		await reachStep(flow, 'refused');
		expect(flow.frame()).toContain('This account is already closed');
		expect(flow.frame()).toMatch(/AWS deletes it for good around \d{4}-\d{2}-\d{2}/);
	});

	it('refuses when the caller is not the management account', async () => {
		flows.world.sandbox.setCaller(DEMO_ACCOUNTS.securityTooling);
		const caller = await flows.world.sandbox.callerIdentity();
		const flow = open('close', DEMO_ACCOUNTS.logArchive, { caller });
		await reachStep(flow, 'refused');
		expect(flow.frame()).toContain(`You are signed in to account ${DEMO_ACCOUNTS.securityTooling}`);
		expect(flow.frame()).toContain('Only the management account can close members');
	});

	it('refuses when the closure allowance is spent', async () => {
		// Three closures are already visible in the demo; 247 recorded in the journal spend the 250.
		recordAcceptedClosures(flows.world, 247);
		const flow = open('close', DEMO_ACCOUNTS.logArchive);
		await reachStep(flow, 'refused');
		expect(flow.frame()).toContain('The closure allowance is spent: 250 closures recorded');
		expect(flow.frame()).toContain('CLOSE_ACCOUNT_QUOTA_EXCEEDED');
		await flow.press(KEYS.enter);
		expect(flow.exited()).toBe(true);
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
	});

	it('explains a failed read of the account', async () => {
		flows.world.sandbox.failNext('describeAccount', new OrgError('AccountNotFoundException', 'gone'));
		const flow = open('close', DEMO_ACCOUNTS.logArchive);
		await reachStep(flow, 'failed');
		expect(flow.frame()).toContain('was not found in the organization');
	});
});

describe('the whole remove flow on the sandbox', () => {
	it('explains removal, lists the prerequisites, confirms, removes, and records it', async () => {
		const id = DEMO_ACCOUNTS.paymentsProd;
		const flow = open('remove', id);
		await reachStep(flow, 'remove-intro');
		let frame = flow.frame();
		expect(frame).toContain(`Remove account ${id} · Payments Prod from the organization`);
		expect(frame).toContain('becomes a standalone AWS account');
		expect(frame).toContain('pays its own bills');
		expect(frame).toContain('loses the tags');
		expect(frame).toContain('slot in the organization’s account quota frees at once');
		expect(frame).toContain('stays jointly liable for the charges incurred while it was a member');
		expect(frame).toContain('OrganizationAccountAccessRole');
		for (const prerequisite of REMOVAL_PREREQUISITE_TITLES) expect(frame).toContain(prerequisite);
		await flow.press(KEYS.enter);
		await reachStep(flow, 'confirm-id');
		expect(flow.frame()).toContain('To remove from the organization Payments Prod, type its account id in full');
		await flow.type(id.slice(0, 6));
		await flow.press(KEYS.enter);
		expect(flow.frame()).toContain('6 of 12 digits typed: type the whole account id.');
		await flow.type(id.slice(6));
		await flow.press(KEYS.enter);
		await reachStep(flow, 'confirm-yes');
		expect(flow.frame()).toContain(`Remove account ${id} (Payments Prod) from the organization now? [y/N]`);
		await flow.press(KEYS.enter);
		await reachStep(flow, 'remove-intro');
		expect(flow.frame()).toContain('You answered No: nothing was sent.');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);

		await walkFlow(flow, { until: 'answered' });
		await reachStep(flow, 'removed');
		frame = flow.frame();
		expect(frame).toContain(`Account ${id} left the organization`);
		expect(frame).toContain('standalone account now');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([{ operation: 'removeAccount', accountId: id }]);
		await expect(flows.world.sandbox.describeAccount(id)).rejects.toMatchObject({ code: 'AccountNotFoundException' });
		expect(flows.world.journal.read().records.map((record) => `${record.action}/${record.phase}`)).toEqual([
			'remove/intent',
			'remove/outcome',
		]);
		await flow.press(KEYS.escape);
		expect(flow.exited()).toBe(true);
	});

	it.each([
		[DEMO_ACCOUNTS.mlExperimentsDev, 'it was created too recently', /try after \d{4}-\d{2}-\d{2}/],
		[DEMO_ACCOUNTS.brightlineAnalytics, 'it has no payment method', /add a payment method/],
	])('turns the refusal of %s into the step that fixes it', async (id, what, next) => {
		const flow = open('remove', id);
		await walkFlow(flow, { until: 'answered' });
		await reachStep(flow, 'failed');
		expect(flow.frame()).toContain(what);
		expect(flow.frame()).toMatch(next);
		expect(flows.world.journal.read().records[1]?.error?.code).toBe('ConstraintViolationException');
	});

	it('warns before the attempt when a created account is too young', async () => {
		const flow = open('remove', DEMO_ACCOUNTS.mlExperimentsDev);
		await reachStep(flow, 'remove-intro');
		expect(flow.frame()).toMatch(/AWS will refuse until \d{4}-\d{2}-\d{2}/);
	});

	it('refuses a closed or closing member before any confirmation, and sends nothing', async () => {
		for (const id of [DEMO_ACCOUNTS.sandboxBob, DEMO_ACCOUNTS.paymentsFraudDetection]) {
			const flow = open('remove', id);
			await reachStep(flow, 'refused');
			expect(flow.frame()).toContain('until it is finally closed, up to 90 days');
			expect(flow.frame()).not.toContain('type the 12 digits');
		}
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
	});

	it('refuses a delegated administrator before any confirmation, with the commands that deregister it', async () => {
		const flow = open('remove', DEMO_ACCOUNTS.securityTooling);
		await reachStep(flow, 'refused');
		const frame = flow.frame();
		expect(frame).toContain('delegated administrator for guardduty.amazonaws.com, securityhub.amazonaws.com');
		expect(frame).toContain(
			`aws organizations deregister-delegated-administrator --account-id ${DEMO_ACCOUNTS.securityTooling} --service-principal guardduty.amazonaws.com`,
		);
		expect(frame).not.toContain('type the 12 digits');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
	});

	it('shows what removal would break before the confirmation, each item with its source', async () => {
		const flow = open('remove', DEMO_ACCOUNTS.paymentsProd);
		await reachStep(flow, 'remove-intro');
		await waitFor(() => flow.frame().includes('payments-network'), 'the StackSets');
		const frame = flow.frame();
		expect(frame).toContain('What it would break or cost');
		expect(frame).toContain(
			'3 permission sets (AdministratorAccess, PaymentsDeveloper, ReadOnlyAccess), 14 assignments',
		);
		expect(frame).toContain('· organizations:ListTagsForResource');
		expect(frame).toContain('Organization tags are lost on removal.');
		expect(frame).toContain('DenyRegionsOutsideEU (SERVICE_CONTROL_POLICY)');
	});

	it('refuses the management account and a non-management caller', async () => {
		const management = open('remove', DEMO_ACCOUNTS.management);
		await reachStep(management, 'refused');
		expect(management.frame()).toContain('it cannot leave its own organization');
		flows.world.sandbox.setCaller(DEMO_ACCOUNTS.securityTooling);
		const caller = await flows.world.sandbox.callerIdentity();
		const member = open('remove', DEMO_ACCOUNTS.logArchive, { caller });
		await reachStep(member, 'refused');
		expect(member.frame()).toContain('Only the management account can remove members');
	});
});

describe('remove first, then close in the console', () => {
	it('refuses the removal of a delegated administrator on the way, before the confirmation', async () => {
		const flow = open('close', DEMO_ACCOUNTS.securityTooling);
		await reachStep(flow, 'intro');
		await waitFor(() => flow.frame().includes('for guardduty.amazonaws.com'), 'the delegations');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'checklist');
		await tickWholeChecklist(flow);
		await flow.press(KEYS.enter);
		await reachStep(flow, 'path');
		await flow.press(KEYS.down, KEYS.enter);
		await reachStep(flow, 'remove-intro');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'refused');
		expect(flow.frame()).toContain('orgdash will not remove this account');
		expect(flow.frame()).toContain('deregister-delegated-administrator');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([]);
	});

	it('shows the spend before closing, with what keeps billing after closure', async () => {
		const flow = open('close', DEMO_ACCOUNTS.paymentsProd);
		await reachStep(flow, 'intro');
		await waitFor(() => flow.frame().includes('this month so far'), 'the spend');
		expect(flow.frame()).toMatch(/Spend\s+\d{4}-\d{2}: 18,402\.77 USD; this month so far: 6,120\.05 USD/);
		expect(flow.frame()).toContain('Reserved Instances and Savings Plans keep billing after closure');
	});

	it('removes the account and walks through the console closure, password recovery first', async () => {
		const id = DEMO_ACCOUNTS.logArchive;
		const flow = open('close', id);
		await walkFlow(flow, { path: 'remove-first', until: 'answered' });
		await reachStep(flow, 'removed');
		expect(destructiveCalls(flows.world.sandbox)).toEqual([{ operation: 'removeAccount', accountId: id }]);
		expect(flow.frame()).toContain('Next: close it in the console');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'console');
		let frame = flow.frame();
		expect(frame).toContain(`Close ${id} · Log Archive, now standalone, in the console`);
		expect(frame).toContain('Step 1 of 7: Recover the root password');
		expect(frame).toContain('Forgot password');
		expect(frame).toContain('aws-log-archive@acme-corp.example');
		// The demo organization manages root credentials centrally: the step says what that means for "Forgot password".
		expect(frame).toContain(
			'Centralized root access in the organization: on (RootCredentialsManagement, RootSessions).',
		);
		expect(frame).toContain('sts:AssumeRoot');
		expect(flows.world.sandbox.calls.filter((call) => call.operation === 'rootAccessFeatures')).toHaveLength(1);
		await flow.press(KEYS.enter, KEYS.enter, KEYS.enter);
		frame = flow.frame();
		expect(frame).toContain('Step 4 of 7: Find the Close Account section');
		await flow.press(KEYS.enter, KEYS.enter);
		expect(flow.frame()).toContain('Step 6 of 7: Confirm');
		expect(flow.frame()).toContain('In the confirmation box, choose Close Account.');
		for (let step = 0; step < 5; step++) await flow.press(KEYS.escape);
		expect(flow.frame()).toContain('Step 1 of 7');
		await flow.press(KEYS.escape);
		await reachStep(flow, 'removed');
		expect(destructiveCalls(flows.world.sandbox)).toHaveLength(1);
	});
});

describe('the console closure screen', () => {
	it('for the management account, first every member and the organization', async () => {
		let back = false;
		let done = false;
		const instance = render(
			<ConsoleClosureScreen
				input={{
					kind: 'management',
					accountId: DEMO_ACCOUNTS.management,
					accountName: 'Acme Corp Management',
					rootEmail: 'aws-management@acme-corp.example',
					createdByOrganization: false,
					members: { remaining: 34, closedAwaitingDeletion: 8 },
				}}
				gateway={flows.world.sandbox}
				onBack={() => {
					back = true;
				}}
				onDone={() => {
					done = true;
				}}
			/>,
		);
		try {
			await settle();
			let frame = instance.lastFrame() ?? '';
			expect(frame).toContain('Close the management account 111111111111 · Acme Corp Management in the console');
			expect(frame).toContain('Step 1 of 8: Close or remove every member');
			expect(frame).toContain('34 members remain in the organization, 26 of them open.');
			expect(frame).toContain('8 of them are closed');
			for (const title of [
				'No need to delete the organization',
				'Sign in as the root user',
				'Open the Billing and Cost Management console',
				'Tick the box, then choose Close Account',
			]) {
				expect(frame).toContain(title);
			}
			for (let step = 0; step < 2; step++) {
				instance.stdin.write(KEYS.enter);
				await settle();
			}
			frame = instance.lastFrame() ?? '';
			expect(frame).toContain('Step 3 of 8: Sign in as the root user');
			expect(frame).toContain(
				'Centralized root access in the organization: on (RootCredentialsManagement, RootSessions).',
			);
			expect(frame).toContain('covers member accounts only');
			for (let step = 0; step < 5; step++) {
				instance.stdin.write(KEYS.enter);
				await settle();
			}
			frame = instance.lastFrame() ?? '';
			expect(frame).toContain('Step 8 of 8: Afterwards');
			expect(frame).toContain('Enter done');
			instance.stdin.write(KEYS.left);
			await settle();
			expect(instance.lastFrame()).toContain('Step 7 of 8: Confirm');
			instance.stdin.write(KEYS.enter);
			await settle();
			instance.stdin.write(KEYS.enter);
			await settle();
			expect(done).toBe(true);
			expect(back).toBe(false);
		} finally {
			instance.unmount();
		}
	});
});

describe('the journal view', () => {
	it('lists requests newest first with their outcome, pending ones marked, corrupt lines noted', async () => {
		const times = ['2026-05-01T10:00:00.000Z', '2026-05-01T10:00:01.000Z', '2026-05-02T09:00:00.000Z'];
		const { Journal } = await import('../../source/store/journal/journal.js');
		const journal = new Journal(flows.world.settings.directory, flows.world.organization.id, {
			now: () => new Date(times.shift() ?? '2026-05-03T00:00:00.000Z'),
		});
		const accepted = journal.appendIntent({
			caller: flows.world.caller,
			accountId: DEMO_ACCOUNTS.logArchive,
			action: 'close',
		});
		journal.appendOutcome(accepted, { result: { summary: 'CloseAccount accepted.' } });
		journal.appendIntent({ caller: flows.world.caller, accountId: DEMO_ACCOUNTS.paymentsProd, action: 'remove' });
		const { appendFileSync } = await import('node:fs');
		appendFileSync(journal.path, '{"broken\n');
		let back = false;
		const instance = render(
			<JournalScreen
				journal={journal}
				onBack={() => {
					back = true;
				}}
				height={20}
				width={100}
			/>,
		);
		try {
			await settle();
			const frame = instance.lastFrame() ?? '';
			expect(frame).toContain('Journal of o-demo1234567: 2 requests, 1 without a known outcome');
			expect(frame).toContain('1 unreadable line was skipped (line 4).');
			const lines = frame.split('\n');
			const removeLine = lines.findIndex((line) => line.includes('2026-05-02 09:00:00 remove'));
			const closeLine = lines.findIndex((line) => line.includes('2026-05-01 10:00:00 close'));
			expect(removeLine).toBeGreaterThan(0);
			expect(closeLine).toBeGreaterThan(removeLine);
			expect(lines[removeLine]).toContain('pending');
			expect(lines[removeLine]).toContain('No outcome recorded');
			expect(lines[closeLine]).toContain('accepted');
			expect(lines[closeLine]).toContain('CloseAccount accepted.');
			expect(lines[closeLine]).toContain('by user/demo-admin');
			instance.stdin.write(KEYS.escape);
			await settle();
			expect(back).toBe(true);
		} finally {
			instance.unmount();
		}
	});
});

describe('requests left without an outcome', () => {
	it('are shown at start, checked with AWS, and settled in the journal', async () => {
		const closed = flows.world.journal.appendIntent({
			caller: flows.world.caller,
			accountId: DEMO_ACCOUNTS.logArchive,
			action: 'close',
		});
		await flows.world.sandbox.closeAccount(DEMO_ACCOUNTS.logArchive);
		flows.world.journal.appendIntent({
			caller: flows.world.caller,
			accountId: DEMO_ACCOUNTS.paymentsProd,
			action: 'remove',
		});
		flows.world.sandbox.failNext('describeAccount', new OrgError('AccessDeniedException', 'not now'));
		let back = false;
		const instance = render(
			<ReconcileScreen
				journal={flows.world.journal}
				gateway={flows.world.sandbox}
				caller={flows.world.caller}
				onBack={() => {
					back = true;
				}}
			/>,
		);
		try {
			await waitFor(() => (instance.lastFrame() ?? '').includes('The journal (L)'), 'the checks');
			const frame = flat(instance.lastFrame());
			expect(frame).toContain('2 requests from an earlier run had no recorded outcome');
			expect(frame).toContain(
				`close ${DEMO_ACCOUNTS.logArchive}: could not be checked (AccessDeniedException: not now)`,
			);
			expect(frame).toContain(
				`remove ${DEMO_ACCOUNTS.paymentsProd}: Did not go through: still in the organization (ACTIVE).`,
			);
			expect(flows.world.journal.pendingIntents().map((intent) => intent.intentId)).toEqual([closed.intentId]);
			instance.stdin.write(KEYS.enter);
			await settle();
			expect(back).toBe(true);
		} finally {
			instance.unmount();
		}
		// The next start checks the one left.
		const again = await import('../../source/store/journal/reconcile.js').then(({ reconcilePending }) =>
			reconcilePending(flows.world.journal, flows.world.sandbox, flows.world.caller),
		);
		expect(again[0]?.outcome?.result?.summary).toBe('Went through: now PENDING_CLOSURE.');
		expect(flows.world.journal.pendingIntents()).toEqual([]);
	});
});

describe('tracking a closure', () => {
	it('reads the account soon after the request, then every 5 seconds', () => {
		expect([0, 1, 2, 3, 4, 10].map((attempt) => pollDelay(attempt))).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
		expect(pollDelay(3, 250)).toBe(250);
	});
});
