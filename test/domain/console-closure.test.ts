import { describe, expect, it } from 'vitest';
import { consoleClosureKey, consoleClosureSteps } from '../../source/domain/console-closure.js';

describe('console closure steps', () => {
	it('follow the AWS page for a standalone account: root sign-in, Billing console, Close Account, tick, confirm', () => {
		const steps = consoleClosureSteps({
			kind: 'standalone',
			accountId: '123456789012',
			rootEmail: 'root@example.com',
			createdByOrganization: false,
		});
		expect(steps.map((step) => step.title)).toEqual([
			'Sign in as the root user',
			'Open the Billing and Cost Management console',
			'Find the Close Account section',
			'Tick the box, then choose Close Account',
			'Confirm',
			'Afterwards',
		]);
		expect(steps[0]?.lines.join(' ')).toMatch(/root@example.com/);
		expect(steps[0]?.lines.join(' ')).toMatch(/IAM users and roles cannot close/);
		expect(steps[2]?.lines.join(' ')).toMatch(/Account settings/);
	});

	it('has a member created by the organization recover its root password first', () => {
		const steps = consoleClosureSteps({ kind: 'removed-member', accountId: '1', createdByOrganization: true });
		expect(steps[0]?.title).toBe('Recover the root password');
		expect(steps[0]?.lines.join(' ')).toMatch(/Forgot password/);
		expect(steps[0]?.lines.join(' ')).toMatch(/root email address/);
		expect(steps[0]?.lines.join(' ')).toMatch(/centrally.*sts:AssumeRoot/);
		const invited = consoleClosureSteps({ kind: 'removed-member', accountId: '1', createdByOrganization: false });
		expect(invited[0]?.title).toBe('Sign in as the root user');
	});

	it('has the management account close or remove every member first, and says closing it deletes the organization', () => {
		const steps = consoleClosureSteps({
			kind: 'management',
			accountId: '111111111111',
			createdByOrganization: false,
			members: { remaining: 34, closedAwaitingDeletion: 7 },
		});
		expect(steps[0]?.title).toBe('Close or remove every member');
		expect(steps[0]?.warning).toBe('34 members remain in the organization, 27 of them open.');
		expect(steps[0]?.lines.join(' ')).toMatch(/7 of them are closed \(or suspended\) and stay/);
		expect(steps[1]?.title).toBe('No need to delete the organization');
		expect(steps[1]?.lines.join(' ')).toMatch(/Closing the management account deletes the organization/);
		expect(steps[1]?.lines.join(' ')).toMatch(/blocked anyway .*up to 90 days/);
		expect(steps[2]?.title).toBe('Sign in as the root user');
		const one = consoleClosureSteps({
			kind: 'management',
			accountId: '1',
			createdByOrganization: false,
			members: { remaining: 1, closedAwaitingDeletion: 1 },
		});
		expect(one[0]).toMatchObject({ done: true });
		expect(one[0]?.lines.join(' ')).toMatch(/Every member left is closed .*That is enough/);
		const openOne = consoleClosureSteps({
			kind: 'management',
			accountId: '1',
			createdByOrganization: false,
			members: { remaining: 3, closedAwaitingDeletion: 2 },
		});
		expect(openOne[0]?.warning).toBe('3 members remain in the organization, 1 of them open.');
		expect(openOne[0]?.lines.join(' ')).toMatch(/2 of them are closed \(or suspended\) and stay/);
		const none = consoleClosureSteps({
			kind: 'management',
			accountId: '1',
			createdByOrganization: false,
			members: { remaining: 0, closedAwaitingDeletion: 0 },
		});
		expect(none[0]).toMatchObject({ done: true, lines: ['No members remain in the organization.'] });
	});

	it('moves forward with Enter or →, back with Esc or ←, and leaves from the ends', () => {
		expect(consoleClosureKey(0, 5, { type: 'enter' })).toEqual({ index: 1, exit: false });
		expect(consoleClosureKey(1, 5, { type: 'right' })).toEqual({ index: 2, exit: false });
		expect(consoleClosureKey(2, 5, { type: 'escape' })).toEqual({ index: 1, exit: false });
		expect(consoleClosureKey(2, 5, { type: 'left' })).toEqual({ index: 1, exit: false });
		expect(consoleClosureKey(0, 5, { type: 'escape' })).toEqual({ index: 0, exit: true });
		expect(consoleClosureKey(0, 5, { type: 'left' })).toEqual({ index: 0, exit: false });
		expect(consoleClosureKey(4, 5, { type: 'enter' })).toEqual({ index: 4, exit: true });
		expect(consoleClosureKey(3, 5, { type: 'text', text: 'y' })).toEqual({ index: 3, exit: false });
	});
});
