/**
 * Marked accounts, pure: a set of account ids, in the order they were marked,
 * so a mark follows its account through filters, sorts and reloads. Every
 * change makes a new set (React sees it), and a change that changes nothing
 * gives back the same set.
 */
import type { Account } from '../domain/account.js';

export type Marks = ReadonlySet<string>;

export const NO_MARKS: Marks = new Set();

/**
 * A list as the filter shows it, able to say whether it holds an account and
 * how many of a set of ids it holds without a pass over every account it
 * holds (see shownList in account-list.ts).
 */
export interface ShownList {
	readonly accounts: readonly Account[];
	holds(accountId: string): boolean;
	countOf(ids: ReadonlySet<string>): number;
}

/**
 * Earlier marks and every account of a shown list: what A makes. Held as the
 * two, not copied into a set: at 10,000 accounts A marks thousands, and a set
 * of their ids (and the collections it costs) made the key slow. It is the set
 * markAccounts would make, in the same order: the earlier marks, then the
 * list's accounts not among them. A change to it (Space, V) copies it into a set.
 */
class MarksAndShown implements ReadonlySet<string> {
	constructor(
		readonly earlier: Marks,
		readonly shown: ShownList,
		readonly size: number,
	) {}

	has(accountId: string): boolean {
		return this.earlier.has(accountId) || this.shown.holds(accountId);
	}

	*keys(): SetIterator<string> {
		yield* this.earlier;
		for (const account of this.shown.accounts) if (!this.earlier.has(account.id)) yield account.id;
	}

	values(): SetIterator<string> {
		return this.keys();
	}

	[Symbol.iterator](): SetIterator<string> {
		return this.keys();
	}

	*entries(): SetIterator<[string, string]> {
		for (const id of this.keys()) yield [id, id];
	}

	forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
		for (const id of this.keys()) callback.call(thisArg, id, id, this);
	}
}

/** Space: marked if it was not, unmarked if it was. */
export function toggleMark(marks: Marks, accountId: string): Marks {
	const next = new Set(marks);
	if (!next.delete(accountId)) next.add(accountId);
	return next;
}

/** Every account of the shown list marked as well (A), the earlier marks first; the same set when none is new. */
export function markShown(marks: Marks, shown: ShownList): Marks {
	const added = shown.accounts.length - shown.countOf(marks);
	return added === 0 ? marks : new MarksAndShown(marks, shown, marks.size + added);
}

/**
 * How many of the marks the list shows. After A it is every account it shows,
 * when asked of the list A marked: no pass over thousands of them on each frame.
 */
export function countMarksShown(marks: Marks, shown: ShownList): number {
	if (marks instanceof MarksAndShown && marks.shown === shown) return shown.accounts.length;
	return shown.countOf(marks);
}

/** These accounts marked as well (V: a range). */
export function markAccounts(marks: Marks, accounts: readonly Account[]): Marks {
	let next: Set<string> | undefined;
	for (const account of accounts) {
		if (marks.has(account.id) || next?.has(account.id)) continue;
		next ??= new Set(marks);
		next.add(account.id);
	}
	return next ?? marks;
}

/**
 * The positions in the list as shown from the range's first row (its
 * account, by id) to the selected one, either way round; undefined when the
 * first row is no longer shown (the filter changed since V).
 */
export function rangeBounds(
	shown: readonly Account[],
	anchorId: string,
	selectedIndex: number,
): { readonly first: number; readonly last: number } | undefined {
	const anchor = shown.findIndex((account) => account.id === anchorId);
	if (anchor === -1) return undefined;
	const selected = Math.max(0, Math.min(selectedIndex, shown.length - 1));
	return { first: Math.min(anchor, selected), last: Math.max(anchor, selected) };
}

/** The accounts of the range (see rangeBounds). */
export function rangeRows(
	shown: readonly Account[],
	anchorId: string,
	selectedIndex: number,
): readonly Account[] | undefined {
	const bounds = rangeBounds(shown, anchorId, selectedIndex);
	return bounds && shown.slice(bounds.first, bounds.last + 1);
}

/** How many of `shown` are marked (the rest of the marks are hidden by the filter). */
export function countMarked(marks: Marks, shown: readonly Account[]): number {
	if (marks.size === 0) return 0;
	let count = 0;
	for (const account of shown) if (marks.has(account.id)) count++;
	return count;
}

export interface PrunedMarks {
	readonly marks: Marks;
	/** Marked ids no longer in the organization, in their marking order. */
	readonly removed: readonly string[];
}

/**
 * After a complete list is read: marks of accounts that are no longer in it
 * are dropped. Marks made by A become a set of their own here, so they keep
 * no list of an earlier load alive.
 */
export function pruneMarks(marks: Marks, accounts: readonly Account[]): PrunedMarks {
	if (marks.size === 0) return { marks, removed: [] };
	const present = new Set(accounts.map((account) => account.id));
	const removed = [...marks].filter((id) => !present.has(id));
	if (removed.length === 0) return { marks: marks instanceof MarksAndShown ? new Set(marks) : marks, removed };
	return { marks: new Set([...marks].filter((id) => present.has(id))), removed };
}

/** The status line's note for marks dropped on reload: how many, and which (the first few). */
export function unmarkedNote(removed: readonly string[]): string {
	const shownIds = removed.slice(0, 3).join(', ');
	const more = removed.length > 3 ? ` and ${removed.length - 3} more` : '';
	const subject = removed.length === 1 ? '1 marked account is' : `${removed.length} marked accounts are`;
	return `${subject} no longer in the organization and ${removed.length === 1 ? 'was' : 'were'} unmarked: ${shownIds}${more}.`;
}
