import { describe, expect, it } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import { filterAccounts } from '../../source/ui/account-list.js';
import {
	clearFilter,
	cycledSort,
	initialDashboardState,
	keepFilter,
	moved,
	pinned,
	startEditing,
	viewOf,
	withQuery,
} from '../../source/ui/dashboard-state.js';
import { accountWith } from '../support/accounts.js';

const list: Account[] = Array.from({ length: 50 }, (_, index) =>
	accountWith({
		id: String(100000000000 + index),
		name: index % 5 === 0 ? `payments-${index}` : `team-${index}`,
		email: `aws+${index}@example.com`,
	}),
);

describe('dashboard state', () => {
	it('starts at the first row with the remembered sort', () => {
		const state = initialDashboardState('ou');
		expect(state.sort).toBe('ou');
		const view = viewOf(state, list, 10);
		expect(view.index).toBe(0);
		expect(view.rows).toHaveLength(10);
		expect(view.selected?.id).toBe(list[0]?.id);
	});

	it('remembers the selected account by id, so it survives a change of list', () => {
		let state = initialDashboardState();
		for (let i = 0; i < 12; i++) state = moved(state, list, 10, 'down');
		expect(state.selectedId).toBe(list[12]?.id);
		const reversed = [...list].reverse();
		const view = viewOf(state, reversed, 10);
		expect(view.selected?.id).toBe(list[12]?.id);
		expect(view.index).toBe(37);
		expect(view.index).toBeGreaterThanOrEqual(view.top);
		expect(view.index).toBeLessThan(view.top + 10);
	});

	it('keeps the selected account when it still matches the filter, else selects the first match', () => {
		let state = moved(moved(initialDashboardState(), list, 10, 'bottom'), list, 10, 'up');
		expect(state.selectedId).toBe(list[48]?.id);
		state = withQuery(startEditing(state), 'team-48');
		expect(viewOf(state, filterAccounts(list, state.query), 10).selected?.id).toBe(list[48]?.id);
		state = withQuery(state, 'payments');
		const view = viewOf(state, filterAccounts(list, state.query), 10);
		expect(view.selected?.name).toBe('payments-0');
	});

	it('Enter keeps the filter; Esc clears it and stays on the selected account', () => {
		let state = withQuery(startEditing(initialDashboardState()), 'payments-25');
		const filtered = filterAccounts(list, state.query);
		state = pinned(keepFilter(state), filtered, 10);
		expect(state.editing).toBe(false);
		expect(state.query).toBe('payments-25');
		state = clearFilter(state);
		expect(state.query).toBe('');
		expect(viewOf(state, list, 10).selected?.name).toBe('payments-25');
	});

	it('cycles the sort and keeps the selection pinned', () => {
		const state = cycledSort(pinned(moved(initialDashboardState(), list, 10, 'down'), list, 10));
		expect(state.sort).toBe('id');
		expect(state.selectedId).toBe(list[1]?.id);
	});

	it('handles an empty list', () => {
		const state = moved(initialDashboardState(), [], 10, 'page-down');
		expect(viewOf(state, [], 10)).toEqual({ index: 0, top: 0, selected: undefined, rows: [] });
	});
});
