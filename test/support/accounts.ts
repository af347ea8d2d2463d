/** Accounts for tests that need one or many without an organization behind them. */
import type { Account } from '../../source/domain/account.js';

/**
 * An ACTIVE account created in the organization on 2024-01-01, directly
 * under the root, named and addressed after its id; the fields given replace
 * those defaults.
 */
export function accountWith(fields: Partial<Account> & Pick<Account, 'id'>): Account {
	return {
		name: `Account ${fields.id}`,
		email: `aws+${fields.id}@example.com`,
		state: 'ACTIVE',
		stateSource: 'State',
		joinedMethod: 'CREATED',
		joinedAt: '2024-01-01T00:00:00.000Z',
		parentId: 'r-root',
		parentPath: 'Root',
		...fields,
	};
}

/** The member the domain tests close: Log Archive, created in the organization in 2022, under Root/Security. */
export const LOG_ARCHIVE: Account = accountWith({
	id: '318274650192',
	name: 'Log Archive',
	email: 'aws-log-archive@acme-corp.example',
	joinedAt: '2022-01-01T00:00:00.000Z',
	parentId: 'ou-1',
	parentPath: 'Root/Security',
});

/** What the removal flow lists, in order, before an account can leave the organization. */
export const REMOVAL_PREREQUISITE_TITLES = [
	'A payment method',
	'A verified phone number',
	'The AWS Customer Agreement accepted',
	'A support plan chosen',
	'Not a delegated administrator',
	'Old enough',
] as const;
