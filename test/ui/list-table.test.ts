import { describe, expect, it } from 'vitest';
import { type ListedAccount, matchesListFilter } from '../../source/ui/list-document.js';
import { accountTable, listTable } from '../../source/ui/list-table.js';
import { accountWith } from '../support/accounts.js';

function listed(id: string, fields: Partial<ListedAccount> = {}): ListedAccount {
	return {
		id,
		arn: `arn:aws:organizations::111111111111:account/o-x/${id}`,
		name: `Account ${id}`,
		email: `aws+${id}@example.com`,
		state: 'ACTIVE',
		joinedMethod: 'CREATED',
		joinedAt: '2024-01-01T00:00:00.000Z',
		parentPath: 'Root/Workloads/Prod',
		...fields,
	};
}

describe('accountTable', () => {
	it('sizes columns to their values when the table fits', () => {
		const lines = accountTable('Accounts', [listed('123456789012', { name: 'A' })], 200);
		expect(lines[5]).toBe(
			'| 123456789012 | A    | aws+123456789012@example.com | ACTIVE | Root/Workloads/Prod | 2024-01-01 |',
		);
		for (const line of lines) expect(line.length).toBe(lines[5]?.length);
	});

	it('cuts the widest columns to the width, marking each cut; ids, states and dates stay whole', () => {
		const long = listed('123456789012', {
			name: 'A very long account name indeed',
			email: 'someone.with.a.long.address@example.com',
			state: 'PENDING_CLOSURE',
			parentPath: 'Root/Workloads/Prod/Team/Service',
		});
		const lines = accountTable('Accounts', [long], 90);
		for (const line of lines) expect(line.length).toBe(90);
		const row = lines[5] as string;
		expect(row).toContain('| 123456789012 |');
		expect(row).toContain('| PENDING_CLOSURE |');
		expect(row).toContain('| 2024-01-01 |');
		expect(row).toMatch(/\| A very lon[^|]*… \|/);
		// The end of a path matters most: it is kept.
		expect(row).toContain('| …eam/Service |');
	});

	it('makes escape sequences visible', () => {
		const lines = accountTable('Accounts', [listed('123456789012', { name: 'evil\u001b[2J' })], 120);
		expect(lines.join('\n')).not.toContain('\u001b');
	});
});

describe('matchesListFilter', () => {
	const account = accountWith({ id: '123456789012', state: 'CLOSED', parentPath: 'Root/Sandbox/Team' });

	it('matches a state exactly and an OU path with what is below it, from Root, case ignored', () => {
		expect(matchesListFilter(account, {})).toBe(true);
		expect(matchesListFilter(account, { state: 'CLOSED' })).toBe(true);
		expect(matchesListFilter(account, { state: 'ACTIVE' })).toBe(false);
		expect(matchesListFilter(account, { ou: 'Root/Sandbox' })).toBe(true);
		expect(matchesListFilter(account, { ou: 'sandbox/' })).toBe(true);
		expect(matchesListFilter(account, { ou: 'Root' })).toBe(true);
		expect(matchesListFilter(account, { ou: 'Sand' })).toBe(false);
		expect(matchesListFilter(account, { ou: 'Team' })).toBe(false);
		expect(matchesListFilter(account, { ou: 'Root/Sandbox/Team', state: 'ACTIVE' })).toBe(false);
	});
});

describe('listTable', () => {
	const document = (pendingInvitations: number | null) => ({
		organization: { id: 'o-x', managementAccountId: '111111111111' },
		quota: {
			counted: 2,
			limit: 10,
			limitSource: 'service-quotas' as const,
			closedAwaitingDeletion: 0,
			pendingInvitations,
			...(pendingInvitations === null ? { pendingInvitationsUnknownReason: 'not listed here' } : {}),
		},
		accounts: [listed('123456789012'), listed('210987654321')],
	});

	it('counts pending invitations toward the quota in the title, and says when they are unknown', () => {
		expect(listTable(document(3), 120)[1]).toContain('2 accounts listed; 5 of 10 count toward the quota (3 invited)');
		expect(listTable(document(0), 120)[1]).toContain('2 accounts listed; 2 of 10 count toward the quota ');
		expect(listTable(document(null), 120)[1]).toContain(
			'2 accounts listed; 2 of 10 count toward the quota, invitations unknown',
		);
	});
});
