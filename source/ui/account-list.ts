/**
 * The account list's logic, pure and cheap enough for every key press at
 * 10,000 accounts: search text and sort keys are computed once per account
 * (cached by object identity), free text is searched for in one string of
 * every account's text, and only the window of rows on screen is ever rendered.
 */
import type { Account, AccountState } from '../domain/account.js';
import {
	type FilterSubject,
	type FilterTerm,
	hasTagTerm,
	matchesTerm,
	narrows,
	type ParsedFilter,
	parseFilter,
	type TagsById,
	tagNote,
} from './filter-query.js';
import type { ShownList } from './marks.js';

export const SORT_KEYS = ['name', 'id', 'state', 'ou', 'joined', 'cost'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABEL: Record<SortKey, string> = {
	name: 'name',
	id: 'id',
	state: 'state',
	ou: 'OU',
	joined: 'joined',
	cost: 'cost last month',
};

export function isSortKey(value: unknown): value is SortKey {
	return typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value);
}

export function nextSortKey(current: SortKey): SortKey {
	const index = SORT_KEYS.indexOf(current);
	return SORT_KEYS[(index + 1) % SORT_KEYS.length] as SortKey;
}

interface Derived extends FilterSubject {
	readonly name: string;
}

// Accounts are immutable objects: a new object (a refresh) gets new derived keys, the old ones are collected.
const derivedCache = new WeakMap<Account, Derived>();

function derived(account: Account): Derived {
	let value = derivedCache.get(account);
	if (!value) {
		const name = account.name.toLowerCase();
		const ou = account.parentPath.toLowerCase();
		value = {
			text: `${name}\n${account.id}\n${account.email.toLowerCase()}\n${ou}`,
			state: account.state.toLowerCase(),
			name,
			ou,
		};
		derivedCache.set(account, value);
	}
	return value;
}

/** What free text in the filter matches against. */
export function searchText(account: Account): string {
	return derived(account).text;
}

/** A list with what the filter reads of each account alongside, computed once, so a keystroke only runs string tests. */
export interface SearchableList {
	readonly accounts: readonly Account[];
	readonly subjects: readonly FilterSubject[];
	/** Each subject's `text`, in an array of its own: free text, the common case, is one array read and one test. */
	readonly texts: readonly string[];
}

export function searchable(accounts: readonly Account[]): SearchableList {
	const subjects = accounts.map(derived);
	return { accounts, subjects, texts: subjects.map((subject) => subject.text) };
}

export interface FilterResult {
	readonly source: SearchableList;
	readonly query: string;
	readonly filter: ParsedFilter;
	/** The tags the result was computed with. */
	readonly tags: TagsById | undefined;
	/** The filter's notes, with how many accounts' tags are not read when a `tag:` term is used. */
	readonly notes: readonly string[];
	/** Positions in `source` of the matching accounts, in order. */
	readonly positions: readonly number[];
	readonly accounts: readonly Account[];
}

/**
 * The accounts of `source` matching every term of `query` (see
 * filter-query.ts), in order. When the query only narrowed since `previous`
 * (same source), the previous matches are searched instead of the whole list.
 */
export function filterList(
	source: SearchableList,
	query: string,
	previous?: FilterResult,
	tags?: TagsById,
): FilterResult {
	const filter = parseFilter(query);
	const { terms } = filter;
	if (terms.length === 0) {
		return known({
			source,
			query,
			filter,
			tags,
			notes: filter.notes,
			positions: everyPosition(source),
			accounts: source.accounts,
		});
	}
	const usesTags = hasTagTerm(filter);
	const notes = usesTags ? withTagNote(filter.notes, source, tags) : filter.notes;
	const narrowing =
		previous !== undefined &&
		previous.source === source &&
		(!usesTags || previous.tags === tags) &&
		narrows(previous.filter, filter);
	const candidates = narrowing ? previous.positions : undefined;
	const count = candidates ? candidates.length : source.texts.length;
	// Free text is searched for in one string of every account's text (see textIndex); the accounts it is in are
	// then met in order, as the candidates are, with a cursor per term.
	const index = terms.some((term) => term.field === 'text') ? textIndex(source) : undefined;
	const hits = terms.map((term) => (index && term.field === 'text' ? accountsContaining(index, term.value) : NO_HITS));
	const cursors = new Int32Array(terms.length);
	const positions: number[] = [];
	const accounts: Account[] = [];
	for (let i = 0; i < count; i++) {
		const position = candidates ? (candidates[i] as number) : i;
		let matches = true;
		for (let t = 0; t < terms.length; t++) {
			const term = terms[t] as FilterTerm;
			let match: boolean;
			if (term.field === 'text') {
				const found = hits[t] as Int32Array;
				let cursor = cursors[t] as number;
				while (cursor < found.length && (found[cursor] as number) < position) cursor++;
				cursors[t] = cursor;
				match = (cursor < found.length && found[cursor] === position) !== term.negated;
			} else {
				match = matchesTerm(
					term,
					source.subjects[position] as FilterSubject,
					term.field === 'tag' ? tags?.get((source.accounts[position] as Account).id) : undefined,
				);
			}
			if (!match) {
				matches = false;
				break;
			}
		}
		if (matches) {
			positions.push(position);
			accounts.push(source.accounts[position] as Account);
		}
	}
	return known({ source, query, filter, tags, notes, positions, accounts });
}

function known(result: FilterResult): FilterResult {
	resultOfList.set(result.accounts, result);
	return result;
}

/** Every account's search text in one string, and where each starts in it. */
interface TextIndex {
	/** The texts, one after another, a newline between two: a term has no white space, so it never spans two. */
	readonly corpus: string;
	/** Where each account's text starts in `corpus`, and one more: where the text after the last would start. */
	readonly starts: Int32Array;
}

// Built once per list, when first asked. A pass over 10,000 strings of their own, scattered in memory, cost a
// filter character a few milliseconds whenever they were not in the processor's cache (a frame drawn since
// pushes them out); one string is read in one sweep.
const textIndexOf = new WeakMap<SearchableList, TextIndex>();

function textIndex(source: SearchableList): TextIndex {
	let index = textIndexOf.get(source);
	if (!index) {
		const starts = new Int32Array(source.texts.length + 1);
		let offset = 0;
		source.texts.forEach((text, position) => {
			starts[position] = offset;
			offset += text.length + 1;
		});
		starts[source.texts.length] = offset;
		index = { corpus: source.texts.join('\n'), starts };
		textIndexOf.set(source, index);
	}
	return index;
}

const NO_HITS = new Int32Array(0);

/** The positions, ascending, of the accounts whose text holds `value` (not empty, no white space). */
function accountsContaining(index: TextIndex, value: string): Int32Array {
	const { corpus, starts } = index;
	const found = new Int32Array(starts.length - 1);
	let count = 0;
	let position = 0;
	let at = corpus.indexOf(value);
	while (at !== -1) {
		while ((starts[position + 1] as number) <= at) position++;
		found[count++] = position;
		// The rest of this account's text cannot add it again.
		at = corpus.indexOf(value, starts[position + 1]);
	}
	return found.subarray(0, count);
}

// Built once per list, when first asked: clearing the filter (Esc) then costs nothing at 10,000 accounts.
const everyPositionOf = new WeakMap<SearchableList, readonly number[]>();

function everyPosition(source: SearchableList): readonly number[] {
	let positions = everyPositionOf.get(source);
	if (!positions) {
		positions = source.accounts.map((_, index) => index);
		everyPositionOf.set(source, positions);
	}
	return positions;
}

// Built once per list, when first asked (marks are counted against it).
const positionByIdOf = new WeakMap<SearchableList, ReadonlyMap<string, number>>();

function positionById(source: SearchableList): ReadonlyMap<string, number> {
	let byId = positionByIdOf.get(source);
	if (!byId) {
		byId = new Map(source.accounts.map((account, index) => [account.id, index]));
		positionByIdOf.set(source, byId);
	}
	return byId;
}

// Made once per result, so that marks made from it know it again (see countMarksShown).
const shownListOf = new WeakMap<FilterResult, ShownList>();

/** The result as a ShownList: whether it holds an account is a lookup and a binary search, not a pass over it. */
export function shownList(result: FilterResult): ShownList {
	let list = shownListOf.get(result);
	if (!list) {
		list = {
			accounts: result.accounts,
			// The index by id is built on the first question, not with the list: a first frame asks none.
			holds: (accountId) => {
				const position = positionById(result.source).get(accountId);
				return position !== undefined && holdsPosition(result.positions, position);
			},
			countOf: (ids) => countShown(ids, result),
		};
		shownListOf.set(result, list);
	}
	return list;
}

/** Where `positions` (ascending, as a filter result holds them) holds `position`, or -1: a binary search. */
function indexOfPosition(positions: readonly number[], position: number): number {
	let low = 0;
	let high = positions.length - 1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		const value = positions[middle] as number;
		if (value === position) return middle;
		if (value < position) low = middle + 1;
		else high = middle - 1;
	}
	return -1;
}

function holdsPosition(positions: readonly number[], position: number): boolean {
	return indexOfPosition(positions, position) !== -1;
}

// Each list a filter made, with its result: an account's place in it is a lookup and a binary search.
const resultOfList = new WeakMap<readonly Account[], FilterResult>();

/** The index of the account in the list, or -1; without a pass over the list when a filter made it. */
function indexOfAccount(list: readonly Account[], accountId: string): number {
	const result = resultOfList.get(list);
	if (!result) return list.findIndex((account) => account.id === accountId);
	const position = positionById(result.source).get(accountId);
	return position === undefined ? -1 : indexOfPosition(result.positions, position);
}

/**
 * How many of `ids` the filter result shows. A few marks among thousands of
 * matches are looked up by id (a Space, or one more character typed, costs no
 * pass over the list); more ids than matches, the matches are checked instead.
 */
export function countShown(ids: ReadonlySet<string>, result: FilterResult): number {
	if (ids.size === 0) return 0;
	let count = 0;
	if (ids.size < result.positions.length) {
		const byId = positionById(result.source);
		for (const id of ids) {
			const position = byId.get(id);
			if (position !== undefined && holdsPosition(result.positions, position)) count++;
		}
		return count;
	}
	for (const account of result.accounts) if (ids.has(account.id)) count++;
	return count;
}

function withTagNote(notes: readonly string[], source: SearchableList, tags: TagsById | undefined): readonly string[] {
	let read = 0;
	if (tags && tags.size > 0) {
		for (const account of source.accounts) if (tags.has(account.id)) read++;
	}
	const note = tagNote(read, source.accounts.length);
	return note ? [note, ...notes] : notes;
}

/** The accounts matching `query` (see filterList). */
export function filterAccounts(accounts: readonly Account[], query: string, tags?: TagsById): readonly Account[] {
	return filterList(searchable(accounts), query, undefined, tags).accounts;
}

/** States in the order an admin reads them: the live ones first, the ones on the way out last. */
const STATE_ORDER: Record<AccountState, number> = {
	ACTIVE: 0,
	PENDING_ACTIVATION: 1,
	SUSPENDED: 2,
	PENDING_CLOSURE: 3,
	CLOSED: 4,
};

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

interface SortEntry {
	readonly account: Account;
	readonly name: string;
	readonly ou: string;
	/** Last full month's spend; Infinity when not known, so those come last. */
	readonly cost: number;
}

function byName(a: SortEntry, b: SortEntry): number {
	return compareStrings(a.name, b.name) || compareStrings(a.account.id, b.account.id);
}

const COMPARATORS: Record<SortKey, (a: SortEntry, b: SortEntry) => number> = {
	name: byName,
	id: (a, b) => compareStrings(a.account.id, b.account.id),
	state: (a, b) => STATE_ORDER[a.account.state] - STATE_ORDER[b.account.state] || byName(a, b),
	ou: (a, b) => compareStrings(a.ou, b.ou) || byName(a, b),
	// Newest first: the accounts an admin most often looks for are the recent ones.
	joined: (a, b) => compareStrings(b.account.joinedAt, a.account.joinedAt) || byName(a, b),
	// The idle accounts first: the ones most likely to be closed.
	cost: (a, b) => (a.cost === b.cost ? 0 : a.cost < b.cost ? -1 : 1) || byName(a, b),
};

/** An account's spend in the last full month, when known (the impact scan's Cost Explorer figures). */
export type CostOf = (accountId: string) => number | undefined;

/**
 * A sorted copy; ties are broken by name then id, so the order never depends
 * on load order. `reversed`: the same order backwards.
 */
export function sortAccounts(accounts: readonly Account[], key: SortKey, reversed = false, costOf?: CostOf): Account[] {
	// Keys are looked up once per account, not once per comparison.
	const entries: SortEntry[] = accounts.map((account) => {
		const keys = derived(account);
		const cost = key === 'cost' ? (costOf?.(account.id) ?? Number.POSITIVE_INFINITY) : 0;
		return { account, name: keys.name, ou: keys.ou, cost };
	});
	entries.sort(COMPARATORS[key]);
	if (reversed) entries.reverse();
	return entries.map((entry) => entry.account);
}

export function clamp(value: number, min: number, max: number): number {
	return Math.max(min, Math.min(max, value));
}

/** A valid row index for a list of `total` rows (0 for an empty list). */
export function clampIndex(index: number, total: number): number {
	return total === 0 ? 0 : clamp(index, 0, total - 1);
}

/** The first row of the window: unchanged if the selection is in view, else scrolled just enough. */
export function scrollTop(previousTop: number, selected: number, height: number, total: number): number {
	const rows = Math.max(1, height);
	const maxTop = Math.max(0, total - rows);
	let top = clamp(previousTop, 0, maxTop);
	if (selected < top) top = selected;
	else if (selected >= top + rows) top = selected - rows + 1;
	return clamp(top, 0, maxTop);
}

export type Movement = 'up' | 'down' | 'page-up' | 'page-down' | 'top' | 'bottom';

export interface ListPosition {
	/** Index of the selected row in the shown list. */
	readonly index: number;
	/** Index of the first row in the window. */
	readonly top: number;
}

/** Where a movement takes the selection and the window. Paging scrolls the window by a page, like less and vim. */
export function move(position: ListPosition, movement: Movement, total: number, height: number): ListPosition {
	if (total === 0) return { index: 0, top: 0 };
	const page = Math.max(1, height);
	const { index, top } = position;
	let nextIndex = index;
	let nextTop = top;
	switch (movement) {
		case 'up':
			nextIndex = index - 1;
			break;
		case 'down':
			nextIndex = index + 1;
			break;
		case 'page-up':
			nextIndex = index - page;
			nextTop = top - page;
			break;
		case 'page-down':
			nextIndex = index + page;
			nextTop = top + page;
			break;
		case 'top':
			nextIndex = 0;
			break;
		case 'bottom':
			nextIndex = total - 1;
			break;
	}
	nextIndex = clampIndex(nextIndex, total);
	return { index: nextIndex, top: scrollTop(nextTop, nextIndex, page, total) };
}

/**
 * The selected row in the list as it is now. The selection follows its account
 * (by id) through sorting, filtering and refreshes; when that account is no
 * longer shown, the remembered index is clamped instead.
 */
export function resolveSelection(list: readonly Account[], selectedId: string | undefined, indexHint: number): number {
	if (list.length === 0) return 0;
	const hinted = clampIndex(indexHint, list.length);
	if (selectedId === undefined || list[hinted]?.id === selectedId) return hinted;
	const found = indexOfAccount(list, selectedId);
	return found === -1 ? hinted : found;
}

/** The rows on screen. */
export function visibleWindow<T>(list: readonly T[], top: number, height: number): readonly T[] {
	return list.slice(top, top + Math.max(0, height));
}

/**
 * A React key for each row of the window, by account id: an account still on
 * screen keeps its key (a filter that keeps most rows re-renders none of
 * them), and an account new to the window takes a key an account gone from it
 * left (a page down updates its rows in place instead of unmounting every row
 * and mounting new ones). Keys are small numbers, unique within the window.
 */
export function rowKeys(previous: ReadonlyMap<string, number>, ids: readonly string[]): Map<string, number> {
	const keys = new Map<string, number>();
	const taken = new Set<number>();
	for (const id of ids) {
		const key = previous.get(id);
		if (key !== undefined && !keys.has(id)) {
			keys.set(id, key);
			taken.add(key);
		}
	}
	let free = 0;
	for (const id of ids) {
		if (keys.has(id)) continue;
		while (taken.has(free)) free++;
		keys.set(id, free);
		taken.add(free);
	}
	return keys;
}
