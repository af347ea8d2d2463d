import { describe, expect, it } from 'vitest';
import type { Account, CallerIdentity, Organization } from '../../source/domain/account.js';
import { chooseFlow, type FlowChoiceInput } from '../../source/domain/flow-choice.js';
import { accountWith } from '../support/accounts.js';

const account = (id: string, name: string, state: Account['state'] = 'ACTIVE'): Account =>
	accountWith({ id, name, email: `${name.toLowerCase()}@example.com`, state });

const management = account('111111111111', 'Management');
const member = account('222222222222', 'Member');
const closed = account('333333333333', 'Closed', 'CLOSED');
const suspended = account('444444444444', 'Suspended', 'SUSPENDED');
const organization: Organization = {
	id: 'o-example',
	managementAccountId: management.id,
	managementAccountEmail: 'root@example.com',
	featureSet: 'ALL',
};
const caller: CallerIdentity = { accountId: management.id, arn: 'arn:aws:iam::111111111111:user/admin' };

const loaded = (overrides: Partial<FlowChoiceInput>): FlowChoiceInput => ({
	action: 'close',
	selected: member,
	organization,
	caller,
	accounts: [management, member, closed, suspended],
	notInOrganization: false,
	cachedIds: new Set(),
	listedAt: new Date('2026-05-10T12:00:00.000Z'),
	...overrides,
});

describe('which flow c and x open', () => {
	it('opens the guided flow of a member, for closing and for removal', () => {
		expect(chooseFlow(loaded({ action: 'close' }))).toEqual({
			kind: 'member-flow',
			action: 'close',
			account: member,
			organization,
			caller,
		});
		expect(chooseFlow(loaded({ action: 'remove' }))).toMatchObject({ kind: 'member-flow', action: 'remove' });
	});

	it('opens the console steps for the management account, with its members left and those closed', () => {
		expect(chooseFlow(loaded({ selected: management }))).toEqual({
			kind: 'console',
			input: {
				kind: 'management',
				accountId: management.id,
				accountName: 'Management',
				rootEmail: 'root@example.com',
				createdByOrganization: false,
				members: { remaining: 3, closedAwaitingDeletion: 2 },
			},
		});
	});

	it('leaves removing the management account to the flow, which refuses it with the reason', () => {
		expect(chooseFlow(loaded({ action: 'remove', selected: management }))).toMatchObject({ kind: 'member-flow' });
	});

	it('opens the console steps for a standalone account, with or without a row', () => {
		const standalone = { notInOrganization: true, organization: undefined, accounts: [] };
		const expected = {
			kind: 'console',
			input: { kind: 'standalone', accountId: caller.accountId, createdByOrganization: false },
		};
		expect(chooseFlow(loaded({ ...standalone, selected: undefined }))).toEqual(expected);
		expect(chooseFlow(loaded({ ...standalone, selected: member }))).toEqual(expected);
	});

	it('says a standalone account has nothing to be removed from', () => {
		expect(chooseFlow(loaded({ action: 'remove', notInOrganization: true }))).toEqual({
			kind: 'not-in-organization',
		});
	});

	it('refuses a row shown from the cache, with when the list was saved', () => {
		expect(chooseFlow(loaded({ cachedIds: new Set([member.id]) }))).toEqual({
			kind: 'cached-row',
			action: 'close',
			account: member,
			savedAt: new Date('2026-05-10T12:00:00.000Z'),
		});
		expect(chooseFlow(loaded({ action: 'remove', cachedIds: new Set([member.id]) }))).toMatchObject({
			kind: 'cached-row',
			action: 'remove',
		});
		// The management account's row from the cache is refused too: its members' states are not known either.
		expect(chooseFlow(loaded({ selected: management, cachedIds: new Set([management.id]) }))).toMatchObject({
			kind: 'cached-row',
		});
	});

	it('says the organization is still loading until it and the caller are known', () => {
		expect(chooseFlow(loaded({ organization: undefined }))).toEqual({ kind: 'still-loading' });
		expect(chooseFlow(loaded({ caller: undefined }))).toEqual({ kind: 'still-loading' });
		// Not in an organization, but who is signed in is not known: nothing to name in the console steps yet.
		expect(chooseFlow(loaded({ notInOrganization: true, caller: undefined }))).toEqual({ kind: 'still-loading' });
	});

	it('opens nothing when no row is selected in an organization', () => {
		expect(chooseFlow(loaded({ selected: undefined }))).toBeUndefined();
		expect(chooseFlow(loaded({ action: 'remove', selected: undefined }))).toBeUndefined();
		expect(chooseFlow(loaded({ action: 'remove', selected: undefined, notInOrganization: true }))).toBeUndefined();
	});
});
