/**
 * The dashboard list as React state: sorted once per data or sort change,
 * filtered once per keystroke (a substring test on precomputed text), and
 * only the window on screen is handed to the table.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Account } from '../../domain/account.js';
import type { Settings } from '../../store/settings.js';
import {
	type CostOf,
	type FilterResult,
	filterList,
	isSortKey,
	type Movement,
	type SortKey,
	searchable,
	sortAccounts,
} from '../account-list.js';
import {
	clearFilter,
	cycledSort,
	type DashboardState,
	type DashboardView,
	initialDashboardState,
	keepFilter,
	moved,
	pinned,
	reversedSort,
	startEditing,
	viewOf,
	withQuery,
} from '../dashboard-state.js';

export interface UseDashboard extends DashboardView {
	readonly state: DashboardState;
	/** Accounts after the filter, in sort order. */
	readonly shown: readonly Account[];
	readonly total: number;
	/** Why the filter may match fewer accounts than expected (see filter-query.ts). */
	readonly filterNotes: readonly string[];
	move(movement: Movement): void;
	/** Whether the filter is being typed, including changes made by earlier keys of the same input event. */
	isEditing(): boolean;
	startFilter(): void;
	/** Changes the filter text from its latest value (keys arriving together are not lost). */
	editQuery(change: (query: string) => string): void;
	keepFilter(): void;
	clearFilter(): void;
	cycleSort(): void;
	reverseSort(): void;
}

/** The remembered sort, if the settings hold a valid one. */
export function savedSort(settings: Pick<Settings, 'sort'> | undefined): SortKey {
	const sort = settings?.sort;
	return isSortKey(sort) ? sort : 'name';
}

export function useDashboard(
	accounts: readonly Account[],
	height: number,
	settings: Pick<Settings, 'sort'> | undefined,
	costOf?: CostOf,
): UseDashboard {
	const [state, setState] = useState<DashboardState>(() => initialDashboardState(savedSort(settings)));
	const sorted = useMemo(
		() => searchable(sortAccounts(accounts, state.sort, state.reversed, costOf)),
		[accounts, state.sort, state.reversed, costOf],
	);
	// The last result, so that typing one more character searches only the previous matches.
	const lastFilter = useRef<FilterResult | undefined>(undefined);
	const filtered = useMemo(() => filterList(sorted, state.query, lastFilter.current), [sorted, state.query]);
	lastFilter.current = filtered;
	const shown = filtered.accounts;
	const view = viewOf(state, shown, height);

	// Handlers read the latest list and height through a ref, so they keep one identity across renders.
	const latest = useRef({ shown, height, state });
	latest.current = { shown, height, state };

	const move = useCallback((movement: Movement) => {
		setState((s) => moved(s, latest.current.shown, latest.current.height, movement));
	}, []);
	const editQuery = useCallback(
		(change: (query: string) => string) =>
			setState((s) => {
				const query = change(s.query);
				return query === s.query ? s : withQuery(s, query);
			}),
		[],
	);
	// Keys that arrive together are handled before React renders again: the mode they see must already be current.
	const editing = useRef(state.editing);
	editing.current = state.editing;
	const isEditing = useCallback(() => editing.current, []);
	const startFilter = useCallback(() => {
		editing.current = true;
		setState(startEditing);
	}, []);
	const keep = useCallback(() => {
		editing.current = false;
		setState(keepFilter);
	}, []);
	const clear = useCallback(() => {
		editing.current = false;
		setState((s) => clearFilter(s.selectedId ? s : pinned(s, latest.current.shown, latest.current.height)));
	}, []);
	const cycleSort = useCallback(() => {
		const { state: current, shown: list, height: rows } = latest.current;
		const next = cycledSort(pinned(current, list, rows));
		setState(next);
		// Remembered for the next start.
		if (settings) settings.sort = next.sort;
	}, [settings]);
	const reverseSort = useCallback(() => {
		const { state: current, shown: list, height: rows } = latest.current;
		setState(reversedSort(pinned(current, list, rows)));
	}, []);

	return {
		...view,
		state,
		shown,
		total: accounts.length,
		filterNotes: filtered.filter.notes,
		move,
		isEditing,
		startFilter,
		editQuery,
		keepFilter: keep,
		clearFilter: clear,
		cycleSort,
		reverseSort,
	};
}
