/**
 * The dashboard list as React state: sorted once per data or sort change,
 * filtered once per keystroke (a search of precomputed text), and
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
	shownList,
	sortAccounts,
} from '../account-list.js';
import {
	allShownMarked,
	clearFilter,
	cycledSort,
	type DashboardState,
	type DashboardView,
	initialDashboardState,
	keepFilter,
	marksCleared,
	marksPruned,
	markToggled,
	moved,
	pinned,
	rangeCancelled,
	rangeMarked,
	rangeStarted,
	reversedSort,
	startEditing,
	viewOf,
	withQuery,
} from '../dashboard-state.js';
import { hasTagTerm, parseFilter, type TagsById } from '../filter-query.js';
import { count, plural } from '../format.js';
import { countMarksShown } from '../marks.js';

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
	/** Marked accounts shown by the filter (all of them when there is no filter). */
	readonly markedShown: number;
	/** Space: the selected account marked or unmarked; during a range (V), the range marked (says why not, if not). */
	toggleMark(): string | undefined;
	/** V: starts a range at the selected row, or marks the range started; says what it did. */
	markRange(): string | undefined;
	/** Esc during a range: ends it; false when there was none. */
	cancelRange(): boolean;
	/** A: every account shown marked; says how many. */
	markAllShown(): string;
	/** U: every mark cleared; says how many. */
	clearMarks(): string;
	/** After a complete list: drops the marks of accounts gone from it, and gives their ids. */
	pruneMarks(accounts: readonly Account[]): readonly string[];
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
	tags?: TagsById,
): UseDashboard {
	const [state, setState] = useState<DashboardState>(() => initialDashboardState(savedSort(settings)));
	// The state with every change made so far, rendered or not: keys of one burst come before a render, and the
	// second of two Spaces, or a Space after j, must see what the first key did.
	const current = useRef(state);
	const apply = useCallback((change: (previous: DashboardState) => DashboardState): DashboardState => {
		const next = change(current.current);
		current.current = next;
		setState(next);
		return next;
	}, []);
	const sorted = useMemo(
		() => searchable(sortAccounts(accounts, state.sort, state.reversed, costOf)),
		[accounts, state.sort, state.reversed, costOf],
	);
	// The tags matter only to a `tag:` term: without one, a tag read in the background filters nothing again.
	const filterUsesTags = useMemo(() => hasTagTerm(parseFilter(state.query)), [state.query]);
	const tagsForFilter = filterUsesTags ? tags : undefined;
	// The last result, so that typing one more character searches only the previous matches.
	const lastFilter = useRef<FilterResult | undefined>(undefined);
	const filtered = useMemo(
		() => filterList(sorted, state.query, lastFilter.current, tagsForFilter),
		[sorted, state.query, tagsForFilter],
	);
	lastFilter.current = filtered;
	const shown = filtered.accounts;
	const view = viewOf(state, shown, height);

	// Handlers read the latest list and height through a ref, so they keep one identity across renders.
	const latest = useRef({ accounts, filtered, height, state, tags });
	latest.current = { accounts, filtered, height, state, tags };
	// The list as a state shows it: the rendered one, unless keys of the same burst changed the filter or the sort
	// since (a pasted `/state:closed` then Enter then A must mark only what that filter shows).
	const resultFor = useCallback((s: DashboardState): FilterResult => {
		const rendered = latest.current;
		const { query, sort, reversed } = rendered.state;
		if (s.query === query && s.sort === sort && s.reversed === reversed) return rendered.filtered;
		const list = searchable(sortAccounts(rendered.accounts, s.sort, s.reversed));
		return filterList(list, s.query, undefined, rendered.tags);
	}, []);
	const listFor = useCallback((s: DashboardState): readonly Account[] => resultFor(s).accounts, [resultFor]);

	const move = useCallback(
		(movement: Movement) => {
			apply((s) => moved(s, listFor(s), latest.current.height, movement));
		},
		[apply, listFor],
	);
	const editQuery = useCallback(
		(change: (query: string) => string) =>
			apply((s) => {
				const query = change(s.query);
				return query === s.query ? s : withQuery(s, query);
			}),
		[apply],
	);
	// Keys that arrive together are handled before React renders again: the mode they see must already be current.
	const editing = useRef(state.editing);
	editing.current = state.editing;
	const isEditing = useCallback(() => editing.current, []);
	const startFilter = useCallback(() => {
		editing.current = true;
		apply(startEditing);
	}, [apply]);
	const keep = useCallback(() => {
		editing.current = false;
		apply(keepFilter);
	}, [apply]);
	const clear = useCallback(() => {
		editing.current = false;
		apply((s) => clearFilter(s.selectedId ? s : pinned(s, listFor(s), latest.current.height)));
	}, [apply, listFor]);
	const cycleSort = useCallback(() => {
		const rows = latest.current.height;
		const next = apply((s) => cycledSort(pinned(s, listFor(s), rows)));
		// Remembered for the next start.
		if (settings) settings.sort = next.sort;
	}, [settings, apply, listFor]);
	const reverseSort = useCallback(() => {
		const rows = latest.current.height;
		apply((s) => reversedSort(pinned(s, listFor(s), rows)));
	}, [apply, listFor]);
	const markedShown = useMemo(() => countMarksShown(state.marked, shownList(filtered)), [state.marked, filtered]);

	const markRangeNow = useCallback((): string | undefined => {
		const rows = latest.current.height;
		let said: string | undefined;
		apply((s) => {
			const end = rangeMarked(s, listFor(s), rows);
			said =
				'anchorHidden' in end
					? 'The range ended: the row where V was pressed is hidden by the filter now, so nothing was marked (V starts again).'
					: undefined;
			return end.state;
		});
		return said;
	}, [apply, listFor]);
	const toggleMark = useCallback((): string | undefined => {
		if (current.current.rangeAnchor !== undefined) return markRangeNow();
		const rows = latest.current.height;
		apply((s) => markToggled(s, listFor(s), rows));
		return undefined;
	}, [apply, listFor, markRangeNow]);
	const markRange = useCallback((): string | undefined => {
		if (current.current.rangeAnchor !== undefined) return markRangeNow();
		const rows = latest.current.height;
		apply((s) => rangeStarted(s, listFor(s), rows));
		return undefined;
	}, [apply, listFor, markRangeNow]);
	const cancelRange = useCallback((): boolean => {
		if (current.current.rangeAnchor === undefined) return false;
		apply(rangeCancelled);
		return true;
	}, [apply]);
	const markAllShown = useCallback((): string => {
		const shown = shownList(resultFor(current.current));
		const list = shown.accounts;
		if (list.length === 0) return 'No account is shown: nothing marked.';
		const before = current.current.marked.size;
		const after = apply((s) => allShownMarked(s, shown)).marked.size;
		const filtered = current.current.query.trim() !== '';
		const which = filtered
			? `the ${plural(list.length, 'account')} the filter shows`
			: `all ${plural(list.length, 'account')}`;
		return `Marked ${which} (${count(after - before)} newly); U clears every mark.`;
	}, [apply, resultFor]);
	const clearMarks = useCallback((): string => {
		const before = current.current.marked.size;
		apply(marksCleared);
		return before === 0 ? 'No account was marked.' : `Unmarked ${plural(before, 'account')}.`;
	}, [apply]);
	const pruneMarks = useCallback(
		(accounts: readonly Account[]): readonly string[] => {
			let removed: readonly string[] = [];
			apply((s) => {
				const pruned = marksPruned(s, accounts);
				removed = pruned.removed;
				return pruned.state;
			});
			return removed;
		},
		[apply],
	);

	return {
		...view,
		state,
		shown,
		total: accounts.length,
		filterNotes: filtered.notes,
		move,
		isEditing,
		startFilter,
		editQuery,
		keepFilter: keep,
		clearFilter: clear,
		cycleSort,
		reverseSort,
		markedShown,
		toggleMark,
		markRange,
		cancelRange,
		markAllShown,
		clearMarks,
		pruneMarks,
	};
}
