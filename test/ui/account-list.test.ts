import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account, AccountState } from '../../source/domain/account.js';
import {
	clampIndex,
	countShown,
	filterList,
	move,
	nextSortKey,
	resolveSelection,
	rowKeys,
	SORT_KEYS,
	type SortKey,
	scrollTop,
	searchable,
	searchText,
	sortAccounts,
	visibleWindow,
} from '../../source/ui/account-list.js';
import { matchesTerm, parseFilter } from '../../source/ui/filter-query.js';
import { countMarked } from '../../source/ui/marks.js';
import { accountWith } from '../support/accounts.js';

function account(id: string, overrides: Partial<Account> = {}): Account {
	return accountWith({ id, ...overrides });
}

const accounts: Account[] = [
	account('111111111111', { name: 'Payments Prod', email: 'pay@acme.example', parentPath: 'Root/Workloads/Prod' }),
	account('222222222222', { name: 'payments dev', email: 'paydev@acme.example', parentPath: 'Root/Workloads/Dev' }),
	account('333333333333', { name: 'Audit', email: 'audit@acme.example', parentPath: 'Root/Security', state: 'CLOSED' }),
	account('444444444444', {
		name: 'Log Archive',
		email: 'logs@acme.example',
		parentPath: 'Root/Security',
		state: 'SUSPENDED',
		joinedAt: '2025-06-01T00:00:00.000Z',
	}),
];

describe('filter', () => {
	const list = searchable(accounts);
	const ids = (query: string) => filterList(list, query).accounts.map((item) => item.id);

	it('matches name, id, email and OU path, ignoring case', () => {
		expect(ids('PAYMENTS')).toEqual(['111111111111', '222222222222']);
		expect(ids('3333')).toEqual(['333333333333']);
		expect(ids('logs@')).toEqual(['444444444444']);
		expect(ids('workloads/dev')).toEqual(['222222222222']);
	});

	it('needs every term to match, in any field', () => {
		expect(ids('payments prod')).toEqual(['111111111111']);
		expect(ids('security  audit')).toEqual(['333333333333']);
		expect(ids('security nothing')).toEqual([]);
	});

	it('shows everything for an empty or blank query', () => {
		expect(ids('')).toHaveLength(4);
		expect(ids('   ')).toHaveLength(4);
		expect(ids('!')).toHaveLength(4);
		expect(ids('state: ou:')).toHaveLength(4);
	});

	it('reads fields: state (its start), OU path (contained), with ! inverting any term, all terms together', () => {
		expect(ids('state:closed')).toEqual(['333333333333']);
		expect(ids('STATE:Susp')).toEqual(['444444444444']);
		expect(ids('state:active')).toEqual(['111111111111', '222222222222']);
		expect(ids('ou:security')).toEqual(['333333333333', '444444444444']);
		expect(ids('ou:workloads !ou:prod')).toEqual(['222222222222']);
		expect(ids('!state:active !audit')).toEqual(['444444444444']);
		expect(ids('!payments')).toEqual(['333333333333', '444444444444']);
		// A field name inside free text is free text.
		expect(ids('ou')).toEqual([]);
	});

	it('matches a tag term only among the accounts whose tags are read, and says how many are not', () => {
		const tags = new Map([
			['111111111111', [{ key: 'Env', value: 'Prod' }]],
			[
				'222222222222',
				[
					{ key: 'env', value: 'dev' },
					{ key: 'team', value: 'payments' },
				],
			],
			['333333333333', []],
		]);
		const tagged = (query: string) => filterList(list, query, undefined, tags).accounts.map((item) => item.id);
		expect(tagged('tag:env=prod')).toEqual(['111111111111']);
		expect(tagged('TAG:env')).toEqual(['111111111111', '222222222222']);
		expect(tagged('tag:team=payments payments')).toEqual(['222222222222']);
		// Key and value are matched whole.
		expect(tagged('tag:env=pro')).toEqual([]);
		expect(tagged('tag:en')).toEqual([]);
		// Inverted: the read accounts without the tag; the unread one (444…) is in neither.
		expect(tagged('!tag:env=prod')).toEqual(['222222222222', '333333333333']);
		expect(tagged('!tag:env')).toEqual(['333333333333']);
		expect(filterList(list, 'tag:env', undefined, tags).notes).toEqual([
			'tag: checks 3 of 4 accounts (tags read so far); scroll to read more',
		]);
	});

	it('matches no account on a tag term while no tags are read, and says so', () => {
		const result = filterList(list, 'tag:env=dev');
		expect(result.accounts).toEqual([]);
		expect(result.notes).toEqual(['tag: checks 0 of 4 accounts (tags read so far); scroll to read more']);
		expect(filterList(list, '!tag:env=dev').accounts).toEqual([]);
	});

	it('has no tag note once every account is read, nor without a tag term', () => {
		const all = new Map(accounts.map((item) => [item.id, [{ key: 'env', value: 'dev' }]]));
		expect(filterList(list, 'tag:env=dev', undefined, all).notes).toEqual([]);
		expect(filterList(list, 'tag:env=dev', undefined, all).accounts).toHaveLength(4);
		expect(filterList(list, 'payments', undefined, new Map()).notes).toEqual([]);
	});

	it('does not narrow from a result computed with other tags', () => {
		const before = new Map([['111111111111', [{ key: 'env', value: 'prod' }]]]);
		const after = new Map([...before, ['222222222222', [{ key: 'env', value: 'prod' }]]]);
		const previous = filterList(list, 'tag:env=prod', undefined, before);
		expect(previous.accounts.map((item) => item.id)).toEqual(['111111111111']);
		const next = filterList(list, 'tag:env=prod pay', previous, after);
		expect(next.accounts.map((item) => item.id)).toEqual(['111111111111', '222222222222']);
	});

	it('does not match across fields', () => {
		// "prod" ends the OU path of one account and "pay" starts its email: no term spans both.
		expect(ids('prodpay')).toEqual([]);
	});

	it('matches as each term tested on each account does, whatever the names and the query', () => {
		// Letters of every width, case and script, the separators the search text uses, and ids that differ.
		const letter = fc.constantFrom('a', 'B', 'é', 'Ä', 'ß', 'İ', '日', '😀', '-', '\n', '1', '2', ':');
		fc.assert(
			fc.property(
				fc.array(fc.string({ unit: letter, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
				fc.string({
					unit: fc.constantFrom('a', 'b', 'é', 'ä', 'ß', '日', '😀', '-', '1', '2', ' ', '!', 'ou:', 'state:'),
				}),
				(names, query) => {
					const listed = names.map((name, index) =>
						account(String(100000000000 + index * 7), {
							name,
							parentPath: `Root/${names[(index + 1) % names.length]}`,
						}),
					);
					const { terms } = parseFilter(query);
					const expected = listed.filter((item) =>
						terms.every((term) =>
							matchesTerm(term, {
								text: searchText(item),
								state: item.state.toLowerCase(),
								ou: item.parentPath.toLowerCase(),
							}),
						),
					);
					expect(filterList(searchable(listed), query).accounts).toEqual(expected);
				},
			),
		);
	});

	it('narrowing from the previous result gives the same matches as a full scan', () => {
		const many = Array.from({ length: 60 }, (_, index) =>
			account(String(100000000000 + index * 7919), {
				name: `team-${['alpha', 'beta', 'gamma'][index % 3]}-${index}`,
				parentPath: `Root/${['Prod', 'Dev'][index % 2]}`,
			}),
		);
		const source = searchable(many);
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom('a', 'e', 'p', '-', '1', ' ', 'r', 'o', 'd', '!', 'ou:', 'state:', 's') }),
				fc.string({ unit: fc.constantFrom('a', 'e', '1', ' ', 'm', '!', ':', 'ou:', 'c', 'state:') }),
				(start, more) => {
					const previous = filterList(source, start);
					const narrowed = filterList(source, start + more, previous);
					const full = filterList(source, start + more);
					expect(narrowed.accounts).toEqual(full.accounts);
				},
			),
		);
	});
});

describe('countShown', () => {
	const many = Array.from({ length: 80 }, (_, index) =>
		account(String(300000000000 + index * 104729), {
			name: `team-${['alpha', 'beta', 'gamma', 'delta'][index % 4]}-${index}`,
			state: index % 5 === 0 ? 'CLOSED' : 'ACTIVE',
		}),
	);
	const source = searchable(sortAccounts(many, 'name'));
	// Ids of the list, and some of accounts not (or not yet) in it, as marks can be during a load.
	const ids = [...many.map((item) => item.id), '999999999990', '999999999991'];

	it('counts the marks the filter shows, as a pass over the shown accounts does, for any marks and filter', () => {
		fc.assert(
			fc.property(
				fc.subarray(ids),
				fc.constantFrom('', 'alpha', 'a', '1', 'state:closed', '!state:closed', 'beta 1', 'nothing-matches'),
				(marked, query) => {
					const result = filterList(source, query);
					const marks = new Set(marked);
					expect(countShown(marks, result)).toBe(countMarked(marks, result.accounts));
				},
			),
		);
	});

	it('gives every position, in order, when nothing is filtered', () => {
		expect(filterList(source, '').positions).toEqual(many.map((_, index) => index));
		expect(filterList(source, '  ').accounts).toBe(source.accounts);
	});
});

describe('rowKeys', () => {
	const id = fc.integer({ min: 0, max: 30 }).map((value) => String(100000000000 + value));
	const window = fc.uniqueArray(id, { maxLength: 12 });

	it('gives unique keys below the window sizes; an account in both windows keeps its key', () => {
		fc.assert(
			fc.property(fc.array(window, { minLength: 1, maxLength: 6 }), (windows) => {
				let keys = new Map<string, number>();
				let largest = 0;
				for (const ids of windows) {
					const next = rowKeys(keys, ids);
					largest = Math.max(largest, ids.length);
					expect([...next.keys()].sort()).toEqual([...ids].sort());
					expect(new Set(next.values()).size).toBe(ids.length);
					for (const key of next.values()) expect(key).toBeLessThan(largest);
					for (const kept of ids.filter((item) => keys.has(item))) expect(next.get(kept)).toBe(keys.get(kept));
					keys = next;
				}
			}),
		);
	});

	it('a page of new accounts takes the keys of the page it replaces', () => {
		const first = rowKeys(new Map(), ['a', 'b', 'c']);
		expect([...rowKeys(first, ['d', 'e', 'f']).values()]).toEqual([0, 1, 2]);
		// One row scrolled: the two rows still shown keep theirs, the new one takes the freed key.
		expect(rowKeys(first, ['b', 'c', 'd'])).toEqual(
			new Map([
				['b', 1],
				['c', 2],
				['d', 0],
			]),
		);
	});
});

describe('sort', () => {
	const order = (key: (typeof SORT_KEYS)[number]) => sortAccounts(accounts, key).map((item) => item.id);

	it('sorts by name without regard to case, then id', () => {
		expect(order('name')).toEqual(['333333333333', '444444444444', '222222222222', '111111111111']);
	});

	it('sorts by id, by OU path, by state (live states first) and by joined date (newest first)', () => {
		expect(order('id')).toEqual(['111111111111', '222222222222', '333333333333', '444444444444']);
		expect(order('ou')).toEqual(['333333333333', '444444444444', '222222222222', '111111111111']);
		const states: AccountState[] = sortAccounts(accounts, 'state').map((item) => item.state);
		expect(states).toEqual(['ACTIVE', 'ACTIVE', 'SUSPENDED', 'CLOSED']);
		expect(order('joined')[0]).toBe('444444444444');
	});

	it('does not depend on the input order', () => {
		fc.assert(
			fc.property(
				fc.shuffledSubarray(accounts, { minLength: accounts.length }),
				fc.constantFrom(...SORT_KEYS),
				(shuffled, key) => {
					expect(sortAccounts(shuffled, key)).toEqual(sortAccounts(accounts, key));
				},
			),
		);
	});

	it('cycles name, id, state, OU, joined, cost, then name again', () => {
		const seen: SortKey[] = ['name'];
		for (let i = 0; i < 6; i++) seen.push(nextSortKey(seen[seen.length - 1] as SortKey));
		expect(seen).toEqual(['name', 'id', 'state', 'ou', 'joined', 'cost', 'name']);
	});

	it('sorts by cost with the idle accounts first, and those whose cost is not known last', () => {
		const [first, second, third] = accounts;
		if (!first || !second || !third) throw new Error('fixture too small');
		const costs = new Map([
			[first.id, 120],
			[second.id, 0],
		]);
		const order = sortAccounts([first, second, third], 'cost', false, (id) => costs.get(id)).map((item) => item.id);
		expect(order).toEqual([second.id, first.id, third.id]);
	});
});

describe('window and selection', () => {
	it('keeps the window still while the selection is inside it, and scrolls just enough otherwise', () => {
		expect(scrollTop(10, 15, 10, 100)).toBe(10);
		expect(scrollTop(10, 20, 10, 100)).toBe(11);
		expect(scrollTop(10, 3, 10, 100)).toBe(3);
		// Never past the end, never below 0.
		expect(scrollTop(95, 99, 10, 100)).toBe(90);
		expect(scrollTop(-5, 0, 10, 100)).toBe(0);
		expect(scrollTop(4, 2, 10, 5)).toBe(0);
	});

	it('moves up and down, by page, to the top and to the bottom, within bounds', () => {
		const at = (index: number, top: number) => ({ index, top });
		expect(move(at(0, 0), 'up', 100, 10)).toEqual(at(0, 0));
		expect(move(at(0, 0), 'down', 100, 10)).toEqual(at(1, 0));
		expect(move(at(9, 0), 'down', 100, 10)).toEqual(at(10, 1));
		expect(move(at(3, 0), 'page-down', 100, 10)).toEqual(at(13, 10));
		expect(move(at(13, 10), 'page-up', 100, 10)).toEqual(at(3, 0));
		expect(move(at(95, 90), 'page-down', 100, 10)).toEqual(at(99, 90));
		expect(move(at(50, 45), 'bottom', 100, 10)).toEqual(at(99, 90));
		expect(move(at(50, 45), 'top', 100, 10)).toEqual(at(0, 0));
		expect(move(at(0, 0), 'down', 0, 10)).toEqual(at(0, 0));
	});

	it('always leaves the selection inside the window and the list', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 300 }),
				fc.integer({ min: 1, max: 40 }),
				fc.array(fc.constantFrom('up', 'down', 'page-up', 'page-down', 'top', 'bottom') as fc.Arbitrary<'up'>, {
					maxLength: 30,
				}),
				(total, height, movements) => {
					let position = { index: 0, top: 0 };
					for (const movement of movements) {
						position = move(position, movement, total, height);
						if (total === 0) continue;
						expect(position.index).toBeGreaterThanOrEqual(0);
						expect(position.index).toBeLessThan(total);
						expect(position.index).toBeGreaterThanOrEqual(position.top);
						expect(position.index).toBeLessThan(position.top + height);
						expect(position.top).toBeLessThanOrEqual(Math.max(0, total - height));
					}
				},
			),
		);
	});

	it('follows the selected account by id, and falls back to the remembered index', () => {
		expect(resolveSelection(accounts, '333333333333', 0)).toBe(2);
		expect(resolveSelection(accounts, '333333333333', 2)).toBe(2);
		expect(resolveSelection(accounts, 'gone', 1)).toBe(1);
		expect(resolveSelection(accounts, 'gone', 99)).toBe(3);
		expect(resolveSelection([], 'any', 5)).toBe(0);
		expect(clampIndex(-3, 4)).toBe(0);
	});

	it('finds the selected account in a filtered list as a pass over the list does', () => {
		const many = Array.from({ length: 40 }, (_, index) =>
			account(String(100000000000 + index * 7919), { name: `team-${['alpha', 'beta'][index % 2]}-${index}` }),
		);
		const source = searchable(sortAccounts(many, 'name'));
		fc.assert(
			fc.property(
				fc.constantFrom('', 'alpha', 'beta', '1', '!1', 'nothing'),
				fc.constantFrom(...many.map((item) => item.id), 'gone'),
				fc.nat({ max: 45 }),
				(query, id, hint) => {
					const shown = filterList(source, query).accounts;
					// A copy is a list no filter made: found by a pass over it.
					expect(resolveSelection(shown, id, hint)).toBe(resolveSelection([...shown], id, hint));
				},
			),
		);
	});

	it('slices only the visible rows', () => {
		const many = Array.from({ length: 10_000 }, (_, index) => index);
		expect(visibleWindow(many, 500, 20)).toHaveLength(20);
		expect(visibleWindow(many, 9990, 20)).toEqual(many.slice(9990));
	});
});
