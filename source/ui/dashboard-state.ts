/**
 * The dashboard list's state (selection, window, filter, sort) and its
 * transitions, pure: the selection is remembered by account id so it follows
 * its account through sorts, filters and refreshes.
 */
import type { Account } from '../domain/account.js';
import {
	type Movement,
	move,
	nextSortKey,
	resolveSelection,
	type SortKey,
	scrollTop,
	visibleWindow,
} from './account-list.js';

export interface DashboardState {
	readonly selectedId: string | undefined;
	/** Where the selection was last; used when its account is no longer shown. */
	readonly indexHint: number;
	readonly top: number;
	readonly query: string;
	/** True while the filter is being typed. */
	readonly editing: boolean;
	readonly sort: SortKey;
	/** The sort's order backwards (S). */
	readonly reversed: boolean;
}

export function initialDashboardState(sort: SortKey = 'name'): DashboardState {
	return { selectedId: undefined, indexHint: 0, top: 0, query: '', editing: false, sort, reversed: false };
}

export interface DashboardView {
	readonly index: number;
	readonly top: number;
	readonly selected: Account | undefined;
	readonly rows: readonly Account[];
}

/** What the screen shows for this state, list and window height. */
export function viewOf(state: DashboardState, shown: readonly Account[], height: number): DashboardView {
	const index = resolveSelection(shown, state.selectedId, state.indexHint);
	const top = scrollTop(state.top, index, height, shown.length);
	return { index, top, selected: shown[index], rows: visibleWindow(shown, top, height) };
}

export function moved(
	state: DashboardState,
	shown: readonly Account[],
	height: number,
	movement: Movement,
): DashboardState {
	const current = viewOf(state, shown, height);
	const next = move(current, movement, shown.length, height);
	return { ...state, selectedId: shown[next.index]?.id, indexHint: next.index, top: next.top };
}

/**
 * A new filter text. The selected account stays selected if it still matches;
 * otherwise the first match is selected.
 */
export function withQuery(state: DashboardState, query: string): DashboardState {
	return { ...state, query, indexHint: 0, top: 0 };
}

export function startEditing(state: DashboardState): DashboardState {
	return { ...state, editing: true };
}

/** Enter: the filter stays applied, typing ends. */
export function keepFilter(state: DashboardState): DashboardState {
	return { ...state, editing: false };
}

/** Esc: the filter is gone; the selected account stays selected in the full list. */
export function clearFilter(state: DashboardState): DashboardState {
	return { ...state, query: '', editing: false };
}

export function cycledSort(state: DashboardState): DashboardState {
	return { ...state, sort: nextSortKey(state.sort) };
}

export function reversedSort(state: DashboardState): DashboardState {
	return { ...state, reversed: !state.reversed };
}

/** Pin the resolved selection by id, so that a change of list (sort, filter) keeps it. */
export function pinned(state: DashboardState, shown: readonly Account[], height: number): DashboardState {
	const view = viewOf(state, shown, height);
	return { ...state, selectedId: view.selected?.id ?? state.selectedId, indexHint: view.index, top: view.top };
}
