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
import {
	type Marks,
	markAccounts,
	markShown,
	NO_MARKS,
	pruneMarks,
	rangeRows,
	type ShownList,
	toggleMark,
} from './marks.js';

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
	/** Marked accounts, by id: kept through filters, sorts and reloads. */
	readonly marked: Marks;
	/** The account where V started a range, until V or Space marks it or Esc cancels it. */
	readonly rangeAnchor: string | undefined;
}

export function initialDashboardState(sort: SortKey = 'name'): DashboardState {
	return {
		selectedId: undefined,
		indexHint: 0,
		top: 0,
		query: '',
		editing: false,
		sort,
		reversed: false,
		marked: NO_MARKS,
		rangeAnchor: undefined,
	};
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

/** Space: the selected account marked, or unmarked. */
export function markToggled(state: DashboardState, shown: readonly Account[], height: number): DashboardState {
	const { selected } = viewOf(state, shown, height);
	return selected ? { ...state, marked: toggleMark(state.marked, selected.id) } : state;
}

/** V: a range starts at the selected account (pinned, so it is the same account whatever the list does). */
export function rangeStarted(state: DashboardState, shown: readonly Account[], height: number): DashboardState {
	const next = pinned(state, shown, height);
	return next.selectedId === undefined ? state : { ...next, rangeAnchor: next.selectedId };
}

export type RangeEnd =
	| { readonly state: DashboardState; readonly marked: number }
	/** The range's first account is no longer shown (the filter changed): nothing marked, the range ended. */
	| { readonly state: DashboardState; readonly anchorHidden: true };

/** V again (or Space): every row from where V was pressed to the selected one, marked; the range ends. */
export function rangeMarked(state: DashboardState, shown: readonly Account[], height: number): RangeEnd {
	const ended = { ...state, rangeAnchor: undefined };
	if (state.rangeAnchor === undefined) return { state, marked: 0 };
	const rows = rangeRows(shown, state.rangeAnchor, viewOf(state, shown, height).index);
	if (!rows) return { state: ended, anchorHidden: true };
	return { state: { ...ended, marked: markAccounts(state.marked, rows) }, marked: rows.length };
}

/** Esc during a range: it ends, nothing marked. */
export function rangeCancelled(state: DashboardState): DashboardState {
	return { ...state, rangeAnchor: undefined };
}

/** A: every account shown (the filter's matches, or all) marked too. */
export function allShownMarked(state: DashboardState, shown: ShownList): DashboardState {
	return { ...state, marked: markShown(state.marked, shown) };
}

/** U: no account marked, and no range. */
export function marksCleared(state: DashboardState): DashboardState {
	return { ...state, marked: NO_MARKS, rangeAnchor: undefined };
}

/** After a complete list: marks of accounts no longer in it dropped. */
export function marksPruned(
	state: DashboardState,
	accounts: readonly Account[],
): { readonly state: DashboardState; readonly removed: readonly string[] } {
	const { marks, removed } = pruneMarks(state.marked, accounts);
	if (marks === state.marked) return { state, removed };
	return { state: { ...state, marked: marks }, removed };
}
