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
		expect(steps[0]?.lines.join(' ')).toMatch(/Centralized root access in the organization: checking/);
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

	it('says what centralized root access means for "Forgot password" wherever root sign-in is advised', () => {
		const on = { known: true as const, value: ['RootCredentialsManagement', 'RootSessions'] };
		const off = { known: true as const, value: [] };
		const unknown = {
			known: false as const,
			reason: 'permission iam:ListOrganizationsFeatures missing',
		};
		const text = (step: { lines: readonly string[] } | undefined) => step?.lines.join(' ') ?? '';
		const removed = (features: Parameters<typeof consoleClosureSteps>[1], createdByOrganization = true) =>
			consoleClosureSteps({ kind: 'removed-member', accountId: '1', createdByOrganization }, features);

		// Created by the organization: said on the recovery step, not again on the sign-in step.
		expect(text(removed(on)[0])).toMatch(
			/Centralized root access in the organization: on \(RootCredentialsManagement, RootSessions\)\./,
		);
		expect(text(removed(on)[0])).toMatch(
			/if it deleted this account’s, "Forgot password" works only if password recovery was allowed through sts:AssumeRoot/,
		);
		expect(text(removed(on)[1])).not.toMatch(/Centralized root access/);
		// Invited: its root credentials may have been deleted too, so the sign-in step says it.
		expect(text(removed(on, false)[0])).toMatch(/Centralized root access in the organization: on/);
		expect(text(removed(unknown)[0])).toMatch(/: unknown \(permission iam:ListOrganizationsFeatures missing\)/);
		expect(text(removed(unknown)[0])).toMatch(/may not work unless password recovery was allowed/);
		expect(text(removed(off)[0])).toMatch(/Centralized root access in the organization: off\./);
		expect(text(removed(off)[0])).not.toMatch(/AssumeRoot/);

		const management = consoleClosureSteps(
			{
				kind: 'management',
				accountId: '1',
				createdByOrganization: false,
				members: { remaining: 3, closedAwaitingDeletion: 0 },
			},
			on,
		);
		const signIn = management.find((step) => step.title === 'Sign in as the root user');
		expect(text(signIn)).toMatch(/Centralized root access in the organization: on/);
		expect(text(signIn)).toMatch(/covers member accounts only/);
		expect(text(management[0])).toMatch(
			/A member you remove to close in the console needs its root password, and this organization manages members’ root credentials centrally: .*Do it before removing the member/,
		);
		const managementOff = consoleClosureSteps(
			{
				kind: 'management',
				accountId: '1',
				createdByOrganization: false,
				members: { remaining: 3, closedAwaitingDeletion: 0 },
			},
			off,
		);
		expect(text(managementOff[0])).not.toMatch(/AssumeRoot/);

		// A standalone account is in no organization: nothing to ask, the possibility is said.
		const standalone = consoleClosureSteps({ kind: 'standalone', accountId: '1', createdByOrganization: false });
		expect(text(standalone[0])).not.toMatch(/Centralized root access in the organization/);
		expect(text(standalone[0])).toMatch(/"Forgot password" may not work/);
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
