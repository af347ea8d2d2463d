import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import { filterAccounts, filterList, searchable, shownList, sortAccounts } from '../../source/ui/account-list.js';
import {
	allShownMarked,
	initialDashboardState,
	marksCleared,
	marksPruned,
	markToggled,
	moved,
	rangeCancelled,
	rangeMarked,
	rangeStarted,
	withQuery,
} from '../../source/ui/dashboard-state.js';
import {
	countMarked,
	countMarksShown,
	type Marks,
	markAccounts,
	markShown,
	NO_MARKS,
	pruneMarks,
	rangeBounds,
	rangeRows,
	toggleMark,
	unmarkedNote,
} from '../../source/ui/marks.js';
import { accountWith } from '../support/accounts.js';

const list: Account[] = Array.from({ length: 30 }, (_, index) =>
	accountWith({
		id: String(200000000000 + index),
		name: index % 3 === 0 ? `sandbox-${index}` : `team-${index}`,
		state: index % 3 === 0 ? 'CLOSED' : 'ACTIVE',
	}),
);
const ids = (accounts: readonly Account[]) => accounts.map((account) => account.id);
const at = (index: number) => list[index] as Account;

describe('marks', () => {
	it('Space marks an account, and again unmarks it', () => {
		const once = toggleMark(NO_MARKS, at(3).id);
		expect([...once]).toEqual([at(3).id]);
		expect(toggleMark(once, at(3).id).size).toBe(0);
		expect(NO_MARKS.size).toBe(0);
	});

	it('marking accounts adds to the marks, and gives back the same set when nothing is new', () => {
		const marks = markAccounts(NO_MARKS, [at(1), at(2)]);
		expect([...marks].sort()).toEqual([at(1).id, at(2).id]);
		expect(markAccounts(marks, [at(2), at(1)])).toBe(marks);
		expect(markAccounts(marks, [at(2), at(5)]).size).toBe(3);
	});

	it('a range runs from the row where it started to the selected one, either way round', () => {
		expect(rangeBounds(list, at(4).id, 9)).toEqual({ first: 4, last: 9 });
		expect(rangeBounds(list, at(9).id, 4)).toEqual({ first: 4, last: 9 });
		expect(ids(rangeRows(list, at(7).id, 7) ?? [])).toEqual([at(7).id]);
		expect(ids(rangeRows(list, at(27).id, 99) ?? [])).toEqual(ids(list.slice(27)));
	});

	it('a range whose first row is no longer shown gives nothing', () => {
		const closedOnly = filterAccounts(list, 'state:closed');
		expect(rangeRows(closedOnly, at(1).id, 0)).toBeUndefined();
		expect(rangeRows([], at(1).id, 0)).toBeUndefined();
	});

	it('counts the marked accounts a list shows', () => {
		const marks = markAccounts(NO_MARKS, [at(0), at(1), at(3)]);
		expect(countMarked(marks, list)).toBe(3);
		expect(countMarked(marks, filterAccounts(list, 'state:closed'))).toBe(2);
		expect(countMarked(NO_MARKS, list)).toBe(0);
	});

	it('after a reload, marks of accounts no longer listed are dropped and named', () => {
		const marks = markAccounts(NO_MARKS, [at(0), at(1), at(2)]);
		const still = list.filter((account) => account.id !== at(1).id);
		const pruned = pruneMarks(marks, still);
		expect([...pruned.marks].sort()).toEqual([at(0).id, at(2).id]);
		expect(pruned.removed).toEqual([at(1).id]);
		const unchanged = pruneMarks(marks, list);
		expect(unchanged.marks).toBe(marks);
		expect(unchanged.removed).toEqual([]);
	});

	it('says which marks were dropped, the first three by id', () => {
		expect(unmarkedNote(['111111111111'])).toBe(
			'1 marked account is no longer in the organization and was unmarked: 111111111111.',
		);
		expect(unmarkedNote(['1', '2', '3', '4', '5'])).toBe(
			'5 marked accounts are no longer in the organization and were unmarked: 1, 2, 3 and 2 more.',
		);
	});
});

describe('marks in the dashboard state', () => {
	const height = 10;

	it('Space marks the selected account; marks survive a filter and a sort', () => {
		let state = initialDashboardState();
		state = moved(state, list, height, 'down');
		state = markToggled(state, list, height);
		expect([...state.marked]).toEqual([at(1).id]);
		state = withQuery(state, 'sandbox');
		const filtered = filterAccounts(list, 'sandbox');
		expect(countMarked(state.marked, filtered)).toBe(0);
		state = withQuery(state, '');
		expect(countMarked(state.marked, sortAccounts(list, 'name', true))).toBe(1);
	});

	it('V, a move, and V again mark every row between; Esc instead ends the range with nothing marked', () => {
		let state = moved(initialDashboardState(), list, height, 'down');
		state = rangeStarted(state, list, height);
		expect(state.rangeAnchor).toBe(at(1).id);
		for (let i = 0; i < 3; i++) state = moved(state, list, height, 'down');
		const end = rangeMarked(state, list, height);
		expect('marked' in end && end.marked).toBe(4);
		expect([...end.state.marked].sort()).toEqual(ids(list.slice(1, 5)));
		expect(end.state.rangeAnchor).toBeUndefined();

		const cancelled = rangeCancelled(rangeStarted(end.state, list, height));
		expect(cancelled.rangeAnchor).toBeUndefined();
		expect(cancelled.marked).toBe(end.state.marked);
	});

	it('a range started on a row the filter then hides marks nothing and ends', () => {
		let state = moved(initialDashboardState(), list, height, 'down');
		state = rangeStarted(state, list, height);
		state = withQuery(state, 'state:closed');
		const end = rangeMarked(state, filterAccounts(list, 'state:closed'), height);
		expect('anchorHidden' in end).toBe(true);
		expect(end.state.marked.size).toBe(0);
		expect(end.state.rangeAnchor).toBeUndefined();
	});

	it('A marks every account shown, U clears them all', () => {
		let state = markToggled(initialDashboardState(), list, height);
		const shown = shownList(filterList(searchable(list), 'state:closed'));
		const closed = shown.accounts;
		state = allShownMarked(withQuery(state, 'state:closed'), shown);
		expect(state.marked.size).toBe(closed.length);
		expect(countMarked(state.marked, closed)).toBe(closed.length);
		state = marksCleared(state);
		expect(state.marked.size).toBe(0);
	});

	it('a reload drops only the marks of accounts gone', () => {
		const state = allShownMarked(initialDashboardState(), shownList(filterList(searchable(list.slice(0, 5)), '')));
		const pruned = marksPruned(state, list.slice(2));
		expect(pruned.removed).toEqual([at(0).id, at(1).id]);
		expect(pruned.state.marked.size).toBe(3);
		expect(marksPruned(pruned.state, list).state).toBe(pruned.state);
	});
});

describe('marks made by A, held as the earlier marks and the list shown', () => {
	const source = searchable(sortAccounts(list, 'name'));
	const queries = ['', 'sandbox', 'team', 'state:closed', '!state:closed', '1', '2', 'nothing-matches'];
	type Step =
		| { readonly kind: 'all'; readonly query: string }
		| { readonly kind: 'toggle'; readonly index: number }
		| { readonly kind: 'range'; readonly first: number; readonly last: number }
		| { readonly kind: 'clear' }
		| { readonly kind: 'prune'; readonly keep: number };
	const step: fc.Arbitrary<Step> = fc.oneof(
		fc.record({ kind: fc.constant('all' as const), query: fc.constantFrom(...queries) }),
		fc.record({ kind: fc.constant('toggle' as const), index: fc.nat({ max: list.length - 1 }) }),
		fc.record({
			kind: fc.constant('range' as const),
			first: fc.nat({ max: list.length - 1 }),
			last: fc.nat({ max: list.length - 1 }),
		}),
		fc.record({ kind: fc.constant('clear' as const) }),
		fc.record({ kind: fc.constant('prune' as const), keep: fc.nat({ max: list.length }) }),
	);

	/** What a set of ids, changed one id at a time, holds after the same steps (the marks as a plain set). */
	function reference(steps: readonly Step[]): Set<string> {
		let marks = new Set<string>();
		for (const next of steps) {
			if (next.kind === 'all') {
				marks = new Set(marks);
				for (const account of filterList(source, next.query).accounts) marks.add(account.id);
			} else if (next.kind === 'toggle') {
				marks = new Set(marks);
				const id = at(next.index).id;
				if (!marks.delete(id)) marks.add(id);
			} else if (next.kind === 'range') {
				marks = new Set(marks);
				for (const account of list.slice(Math.min(next.first, next.last), Math.max(next.first, next.last) + 1))
					marks.add(account.id);
			} else if (next.kind === 'clear') marks = new Set();
			else {
				const present = new Set(ids(list.slice(0, next.keep)));
				marks = new Set([...marks].filter((id) => present.has(id)));
			}
		}
		return marks;
	}

	function marked(steps: readonly Step[]): Marks {
		let marks = NO_MARKS;
		for (const next of steps) {
			if (next.kind === 'all') marks = markShown(marks, shownList(filterList(source, next.query)));
			else if (next.kind === 'toggle') marks = toggleMark(marks, at(next.index).id);
			else if (next.kind === 'range')
				marks = markAccounts(marks, list.slice(Math.min(next.first, next.last), Math.max(next.first, next.last) + 1));
			else if (next.kind === 'clear') marks = NO_MARKS;
			else marks = pruneMarks(marks, list.slice(0, next.keep)).marks;
		}
		return marks;
	}

	it('holds the same ids, in the same order, with the same size, as a set changed one id at a time', () => {
		fc.assert(
			fc.property(fc.array(step, { maxLength: 12 }), fc.constantFrom(...queries), (steps, query) => {
				const expected = reference(steps);
				const marks = marked(steps);
				expect([...marks]).toEqual([...expected]);
				expect(marks.size).toBe(expected.size);
				for (const account of list) expect(marks.has(account.id)).toBe(expected.has(account.id));
				expect(marks.has('999999999999')).toBe(false);
				// The status line's count of the marks the filter shows.
				const shown = shownList(filterList(source, query));
				expect(countMarksShown(marks, shown)).toBe(countMarked(expected, shown.accounts));
			}),
		);
	});

	it('A gives back the same marks when every account shown is marked already', () => {
		const shown = shownList(filterList(source, 'state:closed'));
		const marks = markShown(NO_MARKS, shown);
		expect(marks.size).toBe(shown.accounts.length);
		expect(markShown(marks, shown)).toBe(marks);
		expect(markShown(marks, shownList(filterList(source, 'sandbox')))).toBe(marks);
		expect(countMarksShown(marks, shown)).toBe(shown.accounts.length);
	});

	it('a reload that drops no mark makes A’s marks a set of their own, the same ids in the same order', () => {
		const marks = markShown(toggleMark(NO_MARKS, at(1).id), shownList(filterList(source, 'state:closed')));
		const pruned = pruneMarks(marks, list);
		expect(pruned.removed).toEqual([]);
		expect(pruned.marks).toBeInstanceOf(Set);
		expect([...pruned.marks]).toEqual([...marks]);
	});
});
