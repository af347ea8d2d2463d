/**
 * Marked accounts, pure: a set of account ids, so a mark follows its account
 * through filters, sorts and reloads. Every change makes a new set (React sees
 * it), and a change that changes nothing gives back the same set.
 */
import type { Account } from '../domain/account.js';

export type Marks = ReadonlySet<string>;

export const NO_MARKS: Marks = new Set();

/** Space: marked if it was not, unmarked if it was. */
export function toggleMark(marks: Marks, accountId: string): Marks {
	const next = new Set(marks);
	if (!next.delete(accountId)) next.add(accountId);
	return next;
}

/** These accounts marked as well (A: every account the filter shows; V: a range). */
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

/** After a complete list is read: marks of accounts that are no longer in it are dropped. */
export function pruneMarks(marks: Marks, accounts: readonly Account[]): PrunedMarks {
	if (marks.size === 0) return { marks, removed: [] };
	const present = new Set(accounts.map((account) => account.id));
	const removed = [...marks].filter((id) => !present.has(id));
	if (removed.length === 0) return { marks, removed };
	return { marks: new Set([...marks].filter((id) => present.has(id))), removed };
}

/** The status line's note for marks dropped on reload: how many, and which (the first few). */
export function unmarkedNote(removed: readonly string[]): string {
	const shownIds = removed.slice(0, 3).join(', ');
	const more = removed.length > 3 ? ` and ${removed.length - 3} more` : '';
	const subject = removed.length === 1 ? '1 marked account is' : `${removed.length} marked accounts are`;
	return `${subject} no longer in the organization and ${removed.length === 1 ? 'was' : 'were'} unmarked: ${shownIds}${more}.`;
}
